"""Request bodies: at most `limit` bytes (413, by Content-Length before anything is read, or while a
chunked body arrives), and no JSON that Python's json module accepts but strict JSON text does not hold.

`NaN`/`Infinity` and escaped lone surrogates (`"\\udc80"`) parse in Python, yet a validation error
quoting them back cannot even be rendered (Starlette writes strict UTF-8 JSON) and no file name or
prompt can hold them: they are a 422 here, in FastAPI's error shape, before any endpoint runs.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class _Refused(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _Refused(f"{name} is not a JSON number (use a finite number or null)")


def _problem(body: bytes) -> str | None:
    constants = b"NaN" in body or b"Infinity" in body
    surrogates = b"\\ud" in body.lower()
    if not body or not (constants or surrogates):
        return None
    try:
        value = json.loads(body, parse_constant=_refuse_constant)
        if surrogates:
            json.dumps(value, ensure_ascii=False).encode("utf-8")
    except _Refused as exc:
        return str(exc)
    except UnicodeEncodeError:
        return "a string holds a lone UTF-16 surrogate (\\ud800-\\udfff), which is not text"
    except Exception:  # noqa: BLE001 - not JSON at all: the endpoint's own parser reports it
        return None
    return None


class StrictJsonBodies:
    def __init__(self, app: ASGIApp, limit: int):
        self.app, self.limit = app, limit

    def _too_large(self) -> JSONResponse:
        return JSONResponse({"detail": f"Request body over {self.limit // (1024 * 1024)} MiB"}, status_code=413)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        for key, value in scope["headers"]:
            if key == b"content-length" and value.isdigit() and int(value) > self.limit:
                return await self._too_large()(scope, receive, send)
        if scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        messages: list[Message] = []
        body = b""
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            body += message.get("body", b"")
            if len(body) > self.limit:  # a chunked body has no Content-Length to check up front
                return await self._too_large()(scope, receive, send)
            if not message.get("more_body", False):
                break
        problem = _problem(body)
        if problem is not None:
            detail = [{"loc": ["body"], "type": "json_invalid", "msg": problem}]
            return await JSONResponse({"detail": detail}, status_code=422)(scope, receive, send)

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)
