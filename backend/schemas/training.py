"""TrainingConfig: the SFT run configuration. Its defaults are the UI's defaults (GET /training/defaults)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field

from backend.schemas.common import (
    BOUND_KEYS,
    AdapterName,
    Iterations,
    LearningRate,
    LoraAlpha,
    LoraRank,
    RunConfigBase,
    SeqLength,
    StepInterval,
    ValBatches,
    non_null_schema,
)
from backend.schemas.distributed import DistributedConfig
from backend.schemas.lora import DEFAULT_LORA_RANK

# The Setup tab shows a larger save interval than the backend's fallback (see SAVE_EVERY_FALLBACK).
UI_OVERRIDES = {"save_every": 1000}
BatchSize = Annotated[int, Field(ge=1, le=1024, description="Rows per step on each process (the global "
                                                           "batch is this × the distributed world size).")]


class TrainingConfig(RunConfigBase):
    """An SFT run. GRPO-family fields are not part of it (moving a config between tabs is the SPA's job)."""

    adapter_name: AdapterName = "adapter"
    learning_rate: LearningRate = 1e-4
    batch_size: BatchSize = 1
    max_seq_length: SeqLength = 2048
    iterations: Iterations = 1000
    steps_per_report: StepInterval = 25
    steps_per_eval: StepInterval = 200
    val_batches: ValBatches = 25
    early_stop: bool = True
    patience: int = Field(3, ge=1, le=1000, description="Validations without improvement before stopping early.")
    lora_rank: LoraRank = DEFAULT_LORA_RANK
    lora_alpha: LoraAlpha = 32.0
    grad_checkpoint: bool = False
    mask_prompt: bool = False


def _defaults_and_limits(model: type[BaseModel]) -> tuple[dict, dict, dict]:
    schema = model.model_json_schema()
    defaults, limits = {}, {}
    for name, prop in schema["properties"].items():
        if "default" in prop:
            defaults[name] = prop["default"]
        typed = non_null_schema(prop)  # an optional number keeps its bounds too
        bounds = {k: typed[k] for k in (*BOUND_KEYS, "pattern", "minLength", "enum") if k in typed}
        if bounds:
            limits[name] = bounds
    return defaults, limits, schema


def training_defaults() -> dict:
    """Defaults and limits of TrainingConfig, derived from the schema itself."""
    defaults, limits, schema = _defaults_and_limits(TrainingConfig)
    # The Distributed section is a nested model (its schema is a $ref): its own defaults and limits.
    defaults["distributed"] = DistributedConfig().model_dump()
    limits["distributed"] = _defaults_and_limits(DistributedConfig)[1]
    return {"defaults": defaults, "ui_overrides": UI_OVERRIDES, "limits": limits,
            "required": schema.get("required", [])}
