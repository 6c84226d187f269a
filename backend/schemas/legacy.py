"""The body and answer of POST /sessions/import: session files of the older app, or a folder of them.

The older app wrote one `session_<uuid4>.json` per run (plus `latest.json`). Its structure is typed
here; the values inside `config` vary between its versions (older, newer with LoRA fields, Enhanced
GRPO, nested_learning) and are mapped tolerantly by `backend.runs.legacy_import`, with warnings.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator

from backend.schemas.paths import PathStr

MAX_STEPS = 2**31 - 1


class LegacyMetrics(BaseModel):
    model_config = ConfigDict(extra="allow")

    current_step: int | None = Field(None, ge=0, le=MAX_STEPS)
    total_steps: int | None = Field(None, ge=0, le=MAX_STEPS)
    train_loss: float | None = None
    val_loss: float | None = None
    learning_rate: float | None = None
    start_time: str | float | None = None
    estimated_time_remaining: str | float | None = None


class LegacyBestModel(BaseModel):
    model_config = ConfigDict(extra="allow")

    val_loss: float | None = None
    step: int | None = Field(None, ge=0, le=MAX_STEPS)
    path: str | None = Field(None, description="Weights file of the best checkpoint.")


class LegacySession(BaseModel):
    """One `session_<uuid4>.json`. Unknown top-level keys are kept aside and reported as warnings."""

    model_config = ConfigDict(extra="allow")

    session_id: str | None = Field(None, min_length=1, max_length=200,
                                   description="Importing the same session_id again returns the existing session.")
    id: str | None = Field(None, min_length=1, max_length=200, description="Older spelling of session_id.")
    name: str | None = Field(None, max_length=200)
    timestamp: str | float | None = Field(None, description="ISO time the run started.")
    created_at: str | float | None = None
    training_state: str | None = Field(None, max_length=50, description="completed, stopped, error, running…")
    status: str | None = Field(None, max_length=50, description="Older spelling of training_state.")
    config: dict[str, Any] | None = None
    training_config: dict[str, Any] | None = Field(None, description="Older spelling of config.")
    metrics: LegacyMetrics | None = None
    adapter_path: PathStr | None = Field(None, min_length=1, max_length=4096,
                                     description="<output_dir>/<adapter_name>/adapters.safetensors (a file) "
                                                 "or the adapter folder.")
    best_model: LegacyBestModel | None = None

    @model_validator(mode="after")
    def _has_a_config(self) -> LegacySession:
        if self.config is None and self.training_config is None:
            raise ValueError("not a session of the older app: it has no config")
        return self

    @property
    def legacy_id(self) -> str | None:
        return self.session_id or self.id


class LegacyFolder(BaseModel):
    """A whole sessions folder of the older app: every `session_*.json` in it, plus `latest.json`."""

    model_config = ConfigDict(extra="forbid")

    path: PathStr = Field(min_length=1, max_length=4096)


def _import_shape(body: Any) -> str:
    if isinstance(body, list):
        return "sessions"
    if isinstance(body, dict) and "path" in body and not body.keys() & {"config", "training_config", "session_id"}:
        return "folder"
    return "session"


SessionsImport = Annotated[
    Annotated[list[LegacySession], Tag("sessions")]
    | Annotated[LegacyFolder, Tag("folder")]
    | Annotated[LegacySession, Tag("session")],
    Discriminator(_import_shape),
]


class ImportedSession(BaseModel):
    run_id: str
    session_id: str | None
    status: Literal["imported", "existing"]
    kind: str
    warnings: list[str]
    note: str | None = None


class ImportResult(BaseModel):
    imported: list[str] = Field(description="Run ids in the order given; an already imported session's existing id.")
    sessions: list[ImportedSession]
    warnings: list[str] = Field(description="Every session's warnings and notes, prefixed with its run id.")
    latest: str | None = Field(None, description="Folder imports: the run id of latest.json's session.")
