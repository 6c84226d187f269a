"""TrainingConfig: the SFT run configuration. Its defaults are the UI's defaults (GET /training/defaults)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from backend.schemas.common import RunShape
from backend.schemas.distributed import DistributedConfig
from backend.schemas.recipe import RecipeFields

SLUG_PATTERN = r"^[A-Za-z0-9._-]{1,64}$"
# The Setup tab shows a larger save interval than the backend's fallback (PRD: "default 1000 in UI
# but backend respects user-specified value with backend default fallback to 25").
UI_OVERRIDES = {"save_every": 1000}
SAVE_EVERY_FALLBACK = 25


class EnhancedFields(BaseModel):
    """GRPO-family fields the SFT config carries (and ignores) so configs move between tabs."""

    training_method: str = "sft"
    group_size: int = 4
    epsilon: float = 1e-4
    temperature: float = 0.8
    max_completion_length: int = 128
    importance_sampling_level: str | None = None
    grpo_loss_type: str = "grpo"


class TrainingConfig(RunShape, EnhancedFields, RecipeFields):
    model_config = ConfigDict(extra="ignore")

    model_path: str = Field(min_length=1, description="Directory of an MLX model (config.json, *.safetensors, tokenizer).")
    train_data_path: str = Field(min_length=1, description="JSONL training data (messages, prompt/completion or text rows).")
    val_data_path: str | None = Field(None, description="JSONL validation data; without it 10% of train is held out (seeded).")
    adapter_name: str = Field("adapter", pattern=SLUG_PATTERN,
                              description="Letters, digits, dot, dash, underscore; at most 64 characters.")
    learning_rate: float = Field(1e-4, gt=0, le=1.0)
    batch_size: int = Field(1, ge=1, le=1024, description="Rows per step on each process (the global batch "
                                                        "is this × the distributed world size).")
    max_seq_length: int = Field(2048, ge=16, le=131072)
    iterations: int = Field(1000, ge=1, le=1_000_000)
    steps_per_report: int = Field(25, ge=1)
    steps_per_eval: int = Field(200, ge=1)
    save_every: int = Field(SAVE_EVERY_FALLBACK, ge=1)
    val_batches: int = Field(25, ge=-1, description="Validation batches per evaluation; -1 uses the whole set.")
    early_stop: bool = True
    patience: int = Field(3, ge=1, le=1000, description="Validations without improvement before stopping early.")
    fine_tune_type: Literal["lora", "dora"] = "lora"
    lora_rank: int = Field(32, ge=1, le=512)
    lora_alpha: float = Field(32.0, gt=0, le=4096)
    lora_dropout: float = Field(0.0, ge=0.0, lt=1.0)
    lora_num_layers: int = Field(-1, ge=-1, description="-1 = all blocks, else the top-k blocks.")
    grad_checkpoint: bool = False
    mask_prompt: bool = False
    seed: int = Field(0, ge=0)
    distributed: DistributedConfig = Field(default_factory=DistributedConfig)

    @field_validator("save_every", mode="before")
    @classmethod
    def _save_every_fallback(cls, v):
        return SAVE_EVERY_FALLBACK if v is None or v == "" else v


def _defaults_and_limits(model: type[BaseModel]) -> tuple[dict, dict, dict]:
    schema = model.model_json_schema()
    defaults, limits = {}, {}
    for name, prop in schema["properties"].items():
        if "default" in prop:
            defaults[name] = prop["default"]
        bounds = {k: prop[k] for k in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
                                        "pattern", "minLength", "enum") if k in prop}
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
