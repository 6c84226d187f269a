"""POST /training/estimate: the memory preflight for a Setup start body."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from pydantic import BaseModel

from backend.deps import JobsDep
from backend.errors import FieldErrors
from backend.schemas.training import TrainingConfig
from backend.training.launch import check_coverage, resolve_model

router = APIRouter(prefix="/training", tags=["training"])


class MemoryBreakdown(BaseModel):
    weights: int
    lora_params: int
    gradients: int
    optimizer_state: int
    activations: int


class MemoryEstimate(BaseModel):
    peak_bytes: int
    breakdown: MemoryBreakdown
    available_bytes: int
    verdict: str
    sequence_length: int
    lora_parameters: int


@router.post("/estimate", response_model=MemoryEstimate)
def estimate_memory(config: TrainingConfig, jobs: JobsDep) -> dict:
    from backend.models.lora_policy import resolve_for_model_dir
    from backend.training.estimate import estimate

    entry = resolve_model(jobs.catalog, config.model_path)
    check_coverage(entry, config.lora_num_layers)
    train = Path(config.train_data_path).expanduser()
    if not train.is_file():
        raise FieldErrors.one(["body", "train_data_path"], f"No file at {config.train_data_path}")
    model_dir = Path(entry["path"])
    keys = resolve_for_model_dir(model_dir, rank=config.lora_rank, num_layers=config.lora_num_layers).keys
    try:
        return estimate(model_dir, train, config, keys)
    except (ValueError, KeyError, UnicodeDecodeError) as exc:  # an unreadable row or config: name the cause
        raise FieldErrors.one(["body", "train_data_path"], f"Cannot estimate from this data: {exc}") from exc
