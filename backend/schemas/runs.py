"""The run record: its states and the summary kept beside it in the store (`runs.summary_json`)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

RunState = Literal["starting", "running", "stopping", "completed", "stopped", "error"]
RunKind = Literal["sft", "enhanced"]


class RunSummary(BaseModel):
    """What the studio learns about a run beside its columns; validated on every store read and write.

    Every key here is read somewhere (status, sessions, resume, recovery); add a field here before
    writing a new key (unknown keys are refused on write).
    """

    model_config = ConfigDict(extra="forbid")

    final_train_loss: float | None = None
    final_val_loss: float | None = None
    best_val_loss: float | None = Field(None, description="Also the bar a resumed leg must beat.")
    best_step: int | None = None
    lora_targets: dict[str, Any] | None = Field(None, description="The LoRA keys the run was started with.")
    data: dict[str, Any] | None = Field(None, description="The run's prepared data: files, rows, split.")
    warnings: list[str] = Field(default_factory=list)
    pid: int | None = Field(None, description="The runner (or launcher) process group, for recovery.")
    rank_pids: dict[str, int] = Field(default_factory=dict, description="Distributed: local rank → pid.")
    legacy_source: str | int | None = Field(None, description="Imported runs: the legacy session's id.")

    @classmethod
    def from_stored(cls, raw: dict[str, Any]) -> "RunSummary":
        """A stored summary; keys that earlier versions wrote and nothing reads any more are dropped."""
        return cls.model_validate({k: v for k, v in raw.items() if k in cls.model_fields})
