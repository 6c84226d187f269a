"""Local-server hardening: Host check (DNS rebinding), Origin check (CSRF), bearer token when exposed."""

from __future__ import annotations

import hmac
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Receive, Scope, Send

from backend.settings import LOOPBACK_HOSTS, Settings

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def _hostname(value: str) -> str:
    value = value.strip().lower()
    if value.startswith("["):  # [::1]:8000
        return value[1: value.index("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class SecurityMiddleware:
    def __init__(self, app: ASGIApp, settings: Settings):
        self.app = app
        self.settings = settings
        self.allowed_hosts = {*LOOPBACK_HOSTS, *(h.lower() for h in settings.allowed_hosts)}
        if settings.host not in ("0.0.0.0", "::"):
            self.allowed_hosts.add(settings.host.lower())
        self.allowed_origins = {o.rstrip("/").lower() for o in settings.allowed_origins}

    def _origin_ok(self, origin: str, host: str) -> bool:
        if origin in ("null", "file://"):  # Electron file:// pages and sandboxed frames
            return True
        parts = urlsplit(origin)
        if origin.rstrip("/").lower() in self.allowed_origins:
            return True
        # Same-origin requests (the SPA served by us) send our own host back.
        return parts.netloc.lower() == host.lower() or (parts.hostname or "") in LOOPBACK_HOSTS

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "")
        if _hostname(host) not in self.allowed_hosts:
            return await self._reject(scope, receive, send, 400, f"Host {host!r} is not allowed")
        origin = headers.get("origin")
        state_changing = scope["type"] == "websocket" or scope.get("method") not in SAFE_METHODS
        if origin and state_changing and not self._origin_ok(origin, host):
            return await self._reject(scope, receive, send, 403, f"Origin {origin!r} is not allowed")
        if self.settings.token and not self._public(scope):
            if not self._token_ok(scope, headers):
                return await self._reject(scope, receive, send, 401, "Missing or invalid API token")
        await self.app(scope, receive, send)

    def _public(self, scope: Scope) -> bool:
        """/health and the SPA's own files (public code): a browser can load the page, which then
        sends the token on every API call. Everything else needs the token."""
        path = scope.get("path", "")
        if path == "/health":
            return True
        if scope["type"] != "http" or scope.get("method") not in ("GET", "HEAD"):
            return False
        return path in ("/", "/index.html") or path.startswith("/assets/") or (
            "/" not in path[1:] and path.endswith((".ico", ".svg", ".png", ".webmanifest")))

    def _token_ok(self, scope: Scope, headers: dict[str, str]) -> bool:
        expected = self.settings.token or ""
        auth = headers.get("authorization", "")
        if auth.lower().startswith("bearer ") and hmac.compare_digest(auth[7:].strip(), expected):
            return True
        from urllib.parse import parse_qs
        query = parse_qs(scope.get("query_string", b"").decode())
        supplied = (query.get("token") or [""])[0]
        return bool(supplied) and hmac.compare_digest(supplied, expected)

    @staticmethod
    async def _reject(scope: Scope, receive: Receive, send: Send, status: int, detail: str) -> None:
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 4403 if status != 401 else 4401, "reason": detail})
            return
        from starlette.responses import JSONResponse
        await JSONResponse({"detail": detail}, status_code=status)(scope, receive, send)
