"""Health, model catalog and datasets."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException, Query

from backend import __version__
from backend.deps import CatalogDep, ServicesDep
from backend.schemas.datasets import DatasetValidation, ValidateRequest
from backend.schemas.errors import error_responses
from backend.schemas.lora import DEFAULT_LORA_RANK
from backend.schemas.paths import PathStr
from backend.schemas.system import DatasetEntry, Health, LoraTargets, ModelEntry
from backend.training import datasets as ds

router = APIRouter(tags=["system"])


@router.get("/health", response_model=Health, response_model_exclude_unset=True)
def health() -> dict:
    from backend.mlx_backend import device_report

    return {"status": "ok", "version": __version__, **device_report()}


@router.get("/models", response_model=list[ModelEntry], response_model_exclude_unset=True)
def list_models(catalog: CatalogDep, refresh: bool = False) -> list[dict]:
    return catalog.list(refresh=refresh)


@router.get("/models/targets", response_model=LoraTargets, responses=error_responses(404),
            response_model_exclude_unset=True)
def model_targets(catalog: CatalogDep, path: PathStr, rank: int = Query(DEFAULT_LORA_RANK, ge=1, le=512),
                  num_layers: int = Query(-1, ge=-1)) -> dict:
    from backend.models.lora_policy import resolve_for_model_dir

    entry = catalog.get(path)
    if entry is None:
        raise HTTPException(404, f"No model directory at {path}")
    if entry.get("error"):
        raise HTTPException(422, f"Model at {path} is not usable: {entry['error']}")
    depth = entry["num_hidden_layers"]
    if num_layers == 0 or num_layers > depth:
        raise HTTPException(422, f"num_layers must be -1 or 1..{depth} for this model")
    return resolve_for_model_dir(Path(entry["path"]), rank=rank, num_layers=num_layers).as_dict()


@router.get("/datasets", response_model=list[DatasetEntry], response_model_exclude_unset=True)
def list_datasets(services: ServicesDep) -> list[dict]:
    settings, store = services.settings, services.store
    found: dict[str, dict] = {}
    for kind in ("sft", "grpo"):
        entry = ds.describe_dataset_dir(settings.demo_datasets_dir / kind, f"demo-{kind}", kind)
        if entry:
            found[entry["path"]] = entry
    for run in store.list_runs():
        train = run["config"].get("train_data_path")
        if not train:
            continue
        kind = "grpo" if run["kind"] == "enhanced" else "sft"
        given = Path(train).expanduser()
        directory = given if given.is_dir() else given.parent
        if str(directory) not in found and (directory / "train.jsonl").is_file():
            entry = ds.describe_dataset_dir(directory, directory.name, kind)
            if entry:
                found[entry["path"]] = entry
        elif str(given) not in found and given.exists():
            # Any other source a run trained on (CSV, Parquet, a save_to_disk folder…), with its mapping.
            entry = ds.describe_run_source(given, kind, (run.get("summary") or {}).get("data"))
            if entry:
                found[entry["path"]] = entry
    return list(found.values())


@router.post("/datasets/validate", response_model=DatasetValidation)
def validate_dataset(body: ValidateRequest) -> dict:
    """Detect, convert and check a dataset; a whole-source problem is a 422 `{message, errors}`."""
    return ds.validate(body.path, kind=body.kind, mapping=body.mapping, model_path=body.model_path,
                       max_seq_length=body.max_seq_length)
