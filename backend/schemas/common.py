"""What the SFT and GRPO-family configs share: `RunConfigBase`, and each constrained type once.

The template's Base -> Create pattern: `RunConfigBase` holds the fields both kinds of run have and
the rules on them; `TrainingConfig` (SFT) and `EnhancedTrainingConfig` (GRPO family) extend it with
their own fields and give their per-kind defaults by re-declaring a field with the same type alias.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, computed_field, field_validator

from backend.schemas.datasets import DataMapping
from backend.schemas.distributed import DistributedConfig
from backend.schemas.lora import lora_scale
from backend.schemas.paths import PathStr
from backend.schemas.recipe import RecipeFields

BOUND_KEYS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")


def non_null_schema(prop: dict) -> dict:
    """An optional field's JSON schema keeps its type, bounds and choices in its non-null anyOf branch."""
    return next((o for o in prop.get("anyOf", [prop]) if o.get("type") != "null"), prop)

SLUG_PATTERN = r"^[A-Za-z0-9._-]{1,64}$"
# PRD: "default 1000 in UI but backend respects user-specified value with backend default fallback to 25".
SAVE_EVERY_FALLBACK = 25

AdapterName = Annotated[str, Field(pattern=SLUG_PATTERN,
                                   description="Letters, digits, dot, dash, underscore; at most 64 characters.")]
LearningRate = Annotated[float, Field(gt=0, le=1.0)]
SeqLength = Annotated[int, Field(ge=16, le=131072)]
Iterations = Annotated[int, Field(ge=1, le=1_000_000)]
StepInterval = Annotated[int, Field(ge=1)]
ValBatches = Annotated[int, Field(ge=-1, description="Validation batches per evaluation; -1 uses the whole set.")]
LoraRank = Annotated[int, Field(ge=1, le=512)]
LoraAlpha = Annotated[float, Field(gt=0, le=4096)]
LoraDropout = Annotated[float, Field(ge=0.0, lt=1.0)]
LayerCoverage = Annotated[int, Field(ge=-1, description="-1 = all blocks, else the top-k blocks.")]
Seed = Annotated[int, Field(ge=0)]


class RunConfigBase(RecipeFields):
    """Fields every run has (the training recipe included). Subclasses set the defaults that differ per kind."""

    model_config = ConfigDict(extra="forbid")

    model_path: PathStr = Field(min_length=1, description="Directory of an MLX model (config.json, *.safetensors, tokenizer).")
    train_data_path: PathStr = Field(min_length=1, description="A dataset file (.jsonl, .json, .csv, .tsv, .parquet, .arrow) or "
                                                             "folder (mlx-lm train/valid/test.jsonl, Hugging Face save_to_disk).")
    val_data_path: PathStr | None = Field(None, description="Validation data in any dataset format; without it the source's own "
                                                          "validation split, else 10% of train held out (seeded).")
    data_mapping: DataMapping | None = Field(
        None, description="Tabular data: columns as prompt/completion (or prompt/answer), optional system.")
    adapter_name: AdapterName
    learning_rate: LearningRate
    batch_size: int
    max_seq_length: SeqLength
    iterations: Iterations
    steps_per_report: StepInterval
    steps_per_eval: StepInterval
    save_every: StepInterval = SAVE_EVERY_FALLBACK
    val_batches: ValBatches
    lora_rank: LoraRank
    lora_alpha: LoraAlpha
    fine_tune_type: Literal["lora", "dora"] = "lora"
    lora_dropout: LoraDropout = 0.0
    lora_num_layers: LayerCoverage = -1
    seed: Seed = 0
    distributed: DistributedConfig = Field(default_factory=DistributedConfig)
    stall_timeout_s: float | None = Field(None, ge=5, le=86_400, description=(
        "Declare the run stalled (error, every process stopped, last checkpoint kept) after this many "
        "seconds without a completed step; default max(60 s, 10 x the median step time)."))

    @field_validator("save_every", mode="before")
    @classmethod
    def _save_every_fallback(cls, v):
        return SAVE_EVERY_FALLBACK if v is None or v == "" else v

    @field_validator("lora_num_layers")
    @classmethod
    def _coverage(cls, v: int) -> int:
        if v == 0:
            raise ValueError("layer coverage must be -1 (all layers) or a positive number of layers")
        return v

    @property
    def lora_scale(self) -> float:
        return lora_scale(self.lora_alpha, self.lora_rank)

    @computed_field  # in every dump (start response, status, sessions) so the UI can show it
    @property
    def world_size(self) -> int:
        return self.distributed.world_size

    @computed_field
    @property
    def effective_batch_size(self) -> int:
        return self.batch_size * self.distributed.world_size
