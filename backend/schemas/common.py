"""What the SFT and GRPO-family configs share: layer coverage, LoRA scale, the world size and the
stall watchdog's timeout.

Each config declares its own LoRA fields (their defaults differ); this mixin holds the rules.
"""

from __future__ import annotations

from pydantic import BaseModel, Field, computed_field, field_validator

from backend.schemas.datasets import DataMapping


class RunShape(BaseModel):
    data_mapping: DataMapping | None = Field(
        None, description="Tabular data: columns as prompt/completion (or prompt/answer), optional system.")
    stall_timeout_s: float | None = Field(None, ge=5, le=86_400, description=(
        "Declare the run stalled (error, every process stopped, last checkpoint kept) after this many "
        "seconds without a completed step; default max(60 s, 10 x the median step time)."))

    @field_validator("lora_num_layers", check_fields=False)
    @classmethod
    def _coverage(cls, v: int) -> int:
        if v == 0:
            raise ValueError("layer coverage must be -1 (all layers) or a positive number of layers")
        return v

    @property
    def lora_scale(self) -> float:
        # PEFT convention: the update is scaled by alpha / rank (mlx-lm applies `scale` directly).
        return self.lora_alpha / self.lora_rank  # type: ignore[attr-defined]

    @computed_field  # in every dump (start response, status, sessions) so the UI can show it
    @property
    def world_size(self) -> int:
        return self.distributed.world_size  # type: ignore[attr-defined]

    @computed_field
    @property
    def effective_batch_size(self) -> int:
        return self.batch_size * self.distributed.world_size  # type: ignore[attr-defined]
