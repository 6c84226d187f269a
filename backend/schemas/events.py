"""The websocket events as schema components: the envelope and each event type's `data`.

`ServerEvent` is a union discriminated by `type`; GET /events returns it, which puts every event's
shape into the OpenAPI schema the SPA's types are generated from. The names come from
backend/runs/event_types.py. Runner events carry the `rank` that wrote them.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, Field, RootModel, create_model

from backend.runs.event_types import StudioEvent
from backend.schemas.public import Public
from backend.schemas.queue import QueueItemPublic
from backend.schemas.runs import RunKind, TrainingStatus
from backend.schemas.system import LoraTargets


class TrainingStateData(TrainingStatus):
    """Sent once on connect (seq null): the current status and the newest stored seq."""

    last_seq: int


class TrainingStartedData(Public):
    config: dict[str, Any]
    kind: RunKind
    total_steps: int
    lora_targets: LoraTargets | None
    yaml_path: str | None
    resumed_from: int | None


class TrainingProgressData(Public):
    step: int
    total: int
    train_loss: float
    learning_rate: float | None = None
    it_per_sec: float | None = None
    step_time: float | None = Field(None, description="Seconds per optimizer step over the report window.")
    tokens_per_sec: float | None = None
    trained_tokens: int | None = None
    peak_mem_gb: float | None = None
    eta_seconds: float | None = None
    rank: int | None = None
    # GRPO family only
    reward: float | None = None
    reward_std: float | None = None
    kl: float | None = None
    rewards: dict[str, float | None] | None = None
    avg_completion_tokens: float | None = None


class TrainingValData(Public):
    step: int
    val_loss: float
    val_time: float | None = None
    rank: int | None = None


class CheckpointSavedData(Public):
    step: int
    file: str
    rank: int | None = None


class BestModelUpdatedData(Public):
    step: int
    val_loss: float
    file: str
    rank: int | None = None


class TrainingLogData(Public):
    line: str


class RunEndData(Public):
    """What a runner reports when it ends: the step it ended at (completed optimizer steps)."""

    step: int | None = None
    total: int | None = None
    final_train_loss: float | None = None
    final_val_loss: float | None = None
    best_val_loss: float | None = None
    seconds: float | None = None
    rank: int | None = None


class TrainingCompletedData(RunEndData):
    early_stopped: bool = False


class TrainingStoppedData(RunEndData):
    forced: bool | None = Field(None, description="Killed before it could report (its last checkpoint is kept).")
    message: str | None = None


class TrainingErrorData(Public):
    message: str
    traceback: str | None = None
    rank: int | None = None
    rank_failure: bool | None = None
    interrupted: bool | None = None


class NotificationData(Public):
    level: Literal["info", "warning", "error"]
    title: str
    message: str


class SessionLoadedData(Public):
    session_id: str


class EvaluationProgressData(Public):
    evaluation_id: str
    progress: float
    phase: str


class EvaluationCompletedData(Public):
    evaluation_id: str
    state: Literal["completed", "failed"]
    error: str | None = None


class QueueUpdatedData(Public):
    """The whole queue after any change (backend/training/queue.py)."""

    items: list[QueueItemPublic]


class ExportProgressData(Public):
    export_id: str
    progress: float
    phase: str


class ExportCompletedData(Public):
    export_id: str
    state: Literal["completed", "error"]
    ok: bool | None = Field(None, description="The verification's verdict (completed exports).")
    error: str | None = None


EVENT_DATA: dict[StudioEvent, type[Public]] = {
    StudioEvent.TRAINING_STATE: TrainingStateData,
    StudioEvent.TRAINING_STARTED: TrainingStartedData,
    StudioEvent.TRAINING_PROGRESS: TrainingProgressData,
    StudioEvent.TRAINING_VAL: TrainingValData,
    StudioEvent.CHECKPOINT_SAVED: CheckpointSavedData,
    StudioEvent.BEST_MODEL_UPDATED: BestModelUpdatedData,
    StudioEvent.TRAINING_LOG: TrainingLogData,
    StudioEvent.TRAINING_COMPLETED: TrainingCompletedData,
    StudioEvent.TRAINING_STOPPED: TrainingStoppedData,
    StudioEvent.TRAINING_ERROR: TrainingErrorData,
    StudioEvent.NOTIFICATION: NotificationData,
    StudioEvent.SESSION_LOADED: SessionLoadedData,
    StudioEvent.EVALUATION_PROGRESS: EvaluationProgressData,
    StudioEvent.EVALUATION_COMPLETED: EvaluationCompletedData,
    StudioEvent.EXPORT_PROGRESS: ExportProgressData,
    StudioEvent.EXPORT_COMPLETED: ExportCompletedData,
    StudioEvent.QUEUE_UPDATED: QueueUpdatedData,
}


def _envelope(kind: StudioEvent, data: type[Public]) -> type[BaseModel]:
    name = "".join(part.capitalize() for part in kind.value.split("_")) + "Event"
    synthetic = kind == StudioEvent.TRAINING_STATE  # not stored: no seq, no ts
    return create_model(
        name,
        type=(Literal[kind.value], ...),
        run_id=(str | None, ...),
        seq=(int | None, ...) if synthetic else (int, Field(description="Global, increasing; resume with after_seq.")),
        ts=(float | None, ...) if synthetic else (float, ...),
        data=(data, ...),
    )


EVENT_ENVELOPES = [_envelope(kind, data) for kind, data in EVENT_DATA.items()]


class ServerEvent(RootModel[Annotated[Union[tuple(EVENT_ENVELOPES)], Field(discriminator="type")]]):  # noqa: UP007
    """One websocket message: {type, run_id, seq, ts, data}, `data` shaped by `type`."""
