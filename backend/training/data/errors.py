"""The one error a dataset raises: a message plus `{line|row, message}` entries a person can act on."""

from __future__ import annotations

from typing import Any

from backend.errors import StudioError


class DatasetError(StudioError, ValueError):
    """An unusable dataset (422 unless said otherwise); rendered as `{message, errors}`."""

    def __init__(self, message: str, errors: list[dict[str, Any]] | None = None, status: int = 422,
                 context: dict[str, Any] | None = None):
        self.message = message
        self.errors = errors or []
        self.context = context or {}  # e.g. the source kind and its columns, so a mapping can be offered
        super().__init__(status, self.as_detail())

    def __str__(self) -> str:
        return self.message

    def as_detail(self) -> dict[str, Any]:
        return {"message": self.message, "errors": self.errors, **self.context}
