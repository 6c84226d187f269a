"""The error bodies the API answers with, as schema components (backend/errors.py renders them).

Every refusal is `{"detail": ...}`: a message (404, 409, 413, 415, 401/403 from the security
middleware), FastAPI's list of field errors (422 from request validation and `FieldErrors`), or a
dataset report (422 naming the bad lines). An unexpected failure is a 500 with a `request_id`.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_serializer


class FieldErrorItem(BaseModel):
    """One entry of a 422's list, FastAPI's own shape (`field_error` builds the same)."""

    model_config = ConfigDict(extra="allow")  # FastAPI adds `input` and `ctx`

    loc: list[str | int]
    msg: str
    type: str


class DatasetLineError(BaseModel):
    """One problem of a dataset: a JSONL line or a table/array row (1-based), the split when not train."""

    line: int | None = Field(None, description="1-based line of a text file; 0 for the file as a whole.")
    row: int | None = Field(None, description="1-based row of a table or JSON array.")
    split: str | None = None
    message: str

    @model_serializer(mode="wrap")
    def _only_what_applies(self, handler):  # a row error has no line, a line error no row
        return {k: v for k, v in handler(self).items() if v is not None}


class DatasetErrorDetail(BaseModel):
    message: str
    errors: list[DatasetLineError] = Field(default_factory=list)
    columns: list[str] | None = Field(None, description="A table's columns, when none could be mapped.")


class ErrorDetail(BaseModel):
    detail: str | list[FieldErrorItem] | DatasetErrorDetail
    request_id: str | None = Field(None, description="Only on a 500: find the traceback in the server log.")


ERROR_DESCRIPTIONS = {
    401: "Missing or invalid API token",
    403: "Origin not allowed",
    404: "Not found",
    409: "Conflicts with the current state (a run is active, nothing to stop, ...)",
    413: "Request body too large",
    415: "Body is not application/json",
    422: "Invalid input: the fields at fault, or a message",
    500: "Internal error (the traceback is in the server log only)",
}


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a router or route: each status documented with the ErrorDetail body."""
    return {code: {"model": ErrorDetail, "description": ERROR_DESCRIPTIONS[code]} for code in codes}


# What any API route may answer: the security middleware, the body limit, validation, the handler.
COMMON_ERRORS = error_responses(401, 403, 413, 415, 422, 500)
