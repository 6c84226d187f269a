"""Domain errors: services raise these; one handler in `create_app` renders them as HTTP.

`StudioError(status, detail)` is any refused request (`detail` a message a person can act on, or a
structured object). `FieldErrors([...])` is a 422 naming the fields at fault in FastAPI's own shape
(`{"detail": [{"loc": [...], "msg": ..., "type": ...}]}`), so the SPA reads one error format.
No service builds HTTP responses and no router re-wraps these with try/except.
"""

from __future__ import annotations

import logging
import secrets
from typing import Any, Sequence

log = logging.getLogger("lora_studio.errors")


class StudioError(Exception):
    """A refused request; `status` is the HTTP status to answer with."""

    def __init__(self, status: int, detail: Any):
        super().__init__(detail if isinstance(detail, str) else str(detail))
        self.status, self.detail = status, detail


def field_error(loc: Sequence[str | int], msg: str, type_: str = "value_error") -> dict[str, Any]:
    """One entry of a FieldErrors list; `loc` as FastAPI writes it (`["body", "lora_rank"]`)."""
    return {"loc": list(loc), "msg": msg, "type": type_}


class FieldErrors(StudioError):
    """A 422 naming the fields at fault: `FieldErrors([field_error(["body", "x"], "...")])`."""

    def __init__(self, errors: list[dict[str, Any]], status: int = 422):
        super().__init__(status, errors)
        self.errors = errors

    @classmethod
    def one(cls, loc: Sequence[str | int], msg: str) -> "FieldErrors":
        return cls([field_error(loc, msg)])


def install_error_handlers(app) -> None:
    """StudioError -> its status; anything unexpected -> 500 with a request id (traceback in the log only)."""
    from fastapi.responses import JSONResponse
    from starlette.requests import Request

    @app.exception_handler(StudioError)
    async def _studio_error(_request: Request, exc: StudioError) -> JSONResponse:
        return JSONResponse({"detail": exc.detail}, status_code=exc.status)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        request_id = secrets.token_hex(8)
        log.error("request %s %s failed (request_id=%s)", request.method, request.url.path, request_id,
                  exc_info=exc)
        return JSONResponse({"detail": "internal error", "request_id": request_id}, status_code=500)
