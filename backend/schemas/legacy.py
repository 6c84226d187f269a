"""Body of POST /sessions/import: session files of the older app, as they are found on disk.

Legacy files carry fields this app never knew, so a session is tolerant (`extra="allow"`: unknown
fields are kept and reported as warnings by the importer); only the fields that become columns are
typed, so a number where a name belongs is a 422 rather than a broken record.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, RootModel, Tag, field_validator

from backend.schemas.paths import PathStr


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


# Numbers that become columns: SQLite integers and finite timestamps (a step count of 1e300 or a
# created_at of 10**400 is not a legacy file, it is noise; strings there are ignored as before).
Count = Annotated[int, Field(ge=0, le=2**62)] | Annotated[float, Field(ge=0, le=2**62)]
Timestamp = Annotated[float, Field(ge=-1e11, le=1e11)]


def _check_metric_counts(metrics: Any) -> Any:
    if isinstance(metrics, dict):
        for key in ("steps_completed", "final_train_loss", "final_val_loss", "best_val_loss"):
            value = metrics.get(key)
            if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) > 2**62:
                raise ValueError(f"metrics.{key} is out of range")
    return metrics


class LegacySession(BaseModel):
    model_config = ConfigDict(extra="allow")

    session_id: str | int | None = None
    id: str | int | None = None
    name: str | None = None
    config: dict[str, Any] | None = None
    training_config: dict[str, Any] | None = None
    adapter_path: PathStr | None = None
    kind: str | None = None
    training_type: str | None = None
    steps_completed: Count | str | None = None
    current_step: Count | str | None = None
    total_steps: Count | str | None = None
    created_at: Timestamp | str | None = None
    timestamp: Timestamp | str | None = None
    start_time: Timestamp | str | None = None
    metrics: Any = None

    _metrics = field_validator("metrics")(_check_metric_counts)


class LegacySessionList(BaseModel):
    """`{"sessions": [...]}`, the older app's export file."""

    model_config = ConfigDict(extra="ignore")

    sessions: list[LegacySession]


def _shape(value: Any) -> str:
    """Which shape a body has, so a 422 names the fields of that shape only."""
    if isinstance(value, list):
        return "sessions"
    if isinstance(value, dict):
        return "export" if isinstance(value.get("sessions"), list) else "session"
    return "text" if isinstance(value, str) else "session"


class ImportBody(RootModel):
    """One session, a list of them, an export file (`{"sessions": [...]}`), or any of those as a
    JSON string."""

    root: Annotated[Union[Annotated[list[LegacySession], Tag("sessions")],
                          Annotated[LegacySessionList, Tag("export")],
                          Annotated[LegacySession, Tag("session")],
                          Annotated[str, Tag("text")]],
                    Discriminator(_shape)]

    def sessions(self) -> list[dict[str, Any]]:
        """Each session as the importer reads it (unset fields absent, unknown fields kept).

        Raises ValueError (a pydantic ValidationError included) for a string that is not one."""
        root = self.root
        if isinstance(root, str):
            root = ImportBody.model_validate(json.loads(root, parse_constant=_no_constants)).root
            if isinstance(root, str):
                raise ValueError("a JSON string inside a JSON string is not a session file")
        items = root.sessions if isinstance(root, LegacySessionList) else root
        items = items if isinstance(items, list) else [items]
        return [item.model_dump(exclude_unset=True) for item in items]
