"""Refuses JSON bodies holding NaN or Infinity before any endpoint sees them.

Python's json module accepts these non-standard constants; a validation error that quotes one back
cannot even be rendered (Starlette writes strict JSON), so they are a 422 here, in FastAPI's shape.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class _Constant(ValueError):
    pass


def _refuse(name: str) -> Any:
    raise _Constant(name)


class JsonConstantGuard:
    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        messages: list[Message] = []
        body = b""
        while True:  # bodies are small (BodySizeLimit refuses large ones before this)
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            body += message.get("body", b"")
            if not message.get("more_body", False):
                break
        constant = _find_constant(body)
        if constant is not None:
            detail = [{"loc": ["body"], "type": "json_invalid",
                       "msg": f"{constant} is not a JSON number (use a finite number or null)"}]
            return await JSONResponse({"detail": detail}, status_code=422)(scope, receive, send)

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)


def _find_constant(body: bytes) -> str | None:
    if not body or not any(c in body for c in (b"NaN", b"Infinity")):
        return None
    try:
        json.loads(body, parse_constant=_refuse)
    except _Constant as exc:
        return str(exc)
    except Exception:  # noqa: BLE001 - not JSON at all: the endpoint's own parser reports it
        return None
    return None
