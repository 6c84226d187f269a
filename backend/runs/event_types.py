"""Event names, declared once: what a runner writes to `events.jsonl` and what the studio publishes.

A leaf module (no FastAPI, no MLX): the runners import it to write events, the monitor to read them,
the EventHub to refuse unknown studio events, and `backend/schemas/events.py` to describe each
event's `data` in the OpenAPI schema the SPA's types are generated from.
"""

from __future__ import annotations

from enum import StrEnum


class RunnerEvent(StrEnum):
    """One JSON line of a runner's `events.jsonl` (`{"type": ..., "ts": ..., "rank": ..., **data}`)."""

    STARTED = "started"
    PROGRESS = "progress"
    VAL = "val"
    CHECKPOINT = "checkpoint"
    BEST = "best"
    EARLY_STOP = "early_stop"
    COMPLETED = "completed"
    STOPPED = "stopped"
    ERROR = "error"


class StudioEvent(StrEnum):
    """The `type` of a websocket event (stored with a global `seq` before it is sent)."""

    TRAINING_STATE = "training_state"
    TRAINING_STARTED = "training_started"
    TRAINING_PROGRESS = "training_progress"
    TRAINING_VAL = "training_val"
    CHECKPOINT_SAVED = "checkpoint_saved"
    BEST_MODEL_UPDATED = "best_model_updated"
    TRAINING_LOG = "training_log"
    TRAINING_COMPLETED = "training_completed"
    TRAINING_STOPPED = "training_stopped"
    TRAINING_ERROR = "training_error"
    NOTIFICATION = "notification"
    SESSION_LOADED = "session_loaded"
    EVALUATION_PROGRESS = "evaluation_progress"
    EVALUATION_COMPLETED = "evaluation_completed"
    EXPORT_PROGRESS = "export_progress"
    EXPORT_COMPLETED = "export_completed"
    QUEUE_UPDATED = "queue_updated"


EVENT_TYPES = frozenset(e.value for e in StudioEvent)

# Runner event → the studio event the monitor publishes for it (`started` and `early_stop` update
# the run record and notify instead).
RUNNER_TO_STUDIO: dict[str, StudioEvent] = {
    RunnerEvent.PROGRESS: StudioEvent.TRAINING_PROGRESS,
    RunnerEvent.VAL: StudioEvent.TRAINING_VAL,
    RunnerEvent.CHECKPOINT: StudioEvent.CHECKPOINT_SAVED,
    RunnerEvent.BEST: StudioEvent.BEST_MODEL_UPDATED,
    RunnerEvent.COMPLETED: StudioEvent.TRAINING_COMPLETED,
    RunnerEvent.STOPPED: StudioEvent.TRAINING_STOPPED,
    RunnerEvent.ERROR: StudioEvent.TRAINING_ERROR,
}
# Runner events that end a run, and the run state each one leaves.
TERMINAL: dict[str, str] = {RunnerEvent.COMPLETED: "completed", RunnerEvent.STOPPED: "stopped",
                            RunnerEvent.ERROR: "error"}
