"""Queue request and response models (POST/GET/PATCH/DELETE /queue)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

QueueKind = Literal["sft", "enhanced"]
QueueState = Literal["queued", "running", "done", "failed", "cancelled"]


class QueueCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: QueueKind = Field(description="sft = the Setup tab's config, enhanced = Enhanced Setup's (GRPO family).")
    config: dict[str, Any] = Field(description="A start body, validated like POST /training/start(-enhanced).")


class QueueMove(BaseModel):
    model_config = ConfigDict(extra="forbid")

    position: int = Field(ge=1, le=10_000, description="1 = next to run; beyond the end = last.")


class QueueItemPublic(BaseModel):
    queue_id: str
    kind: QueueKind
    position: int | None = Field(description="Place among queued items (1 = next); null once it left the queue.")
    state: QueueState
    run_id: str | None
    error: str | None
    created_at: float
    updated_at: float
    summary: dict[str, Any]
    config: dict[str, Any]


class QueueCreated(BaseModel):
    queue_id: str
    position: int | None
    item: QueueItemPublic


class QueueList(BaseModel):
    items: list[QueueItemPublic]
