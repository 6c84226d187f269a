"""Local-server hardening, modelled on Jupyter Server: a local server that starts processes and reads
any path it is given is still a server, and any web page the user opens can send it requests.

- Host must be a loopback name, the configured host or an allowed host (DNS rebinding), on the port
  actually served.
- State-changing requests and every websocket upgrade: `Origin` absent (curl, scripts) or exactly one
  of our own origins (scheme, host, port) or one of LORA_STUDIO_ALLOWED_ORIGINS. `null` (sandboxed
  frames), `file://` and loopback origins on other ports (any other local web app) are foreign, and so
  is `Sec-Fetch-Site: cross-site`.
- Bodies are application/json only (415), so an HTML form or a no-preflight `text/plain` fetch
  cannot reach an endpoint.
- With a token (required off loopback): `Authorization: Bearer` or `?token=` (websocket).
- The token never reaches a log (`TokenRedactor` on uvicorn's loggers).

A refused websocket handshake is answered with a plain HTTP status (the ASGI denial-response
extension), never accepted and then closed.
"""

from __future__ import annotations

import hmac
import logging
import re
from urllib.parse import parse_qs, quote, urlsplit

from starlette.types import ASGIApp, Receive, Scope, Send

from backend.settings import LOOPBACK_HOSTS, Settings

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}
WILDCARD_HOSTS = ("0.0.0.0", "::", "")
Origin = tuple[str, str, int]  # scheme, lower-case host name (no brackets), port


def parse_origin(value: str) -> Origin | None:
    """(scheme, host, port) of an Origin header or configured origin; None when it is not one."""
    try:
        parts = urlsplit(value.strip().rstrip("/"))
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname or parts.path or parts.query:
        return None
    return scheme, parts.hostname.lower(), port or DEFAULT_PORTS[scheme]


def split_host(value: str) -> tuple[str, int | None] | None:
    """(host name, port or None) of a Host header; None when malformed."""
    try:
        parts = urlsplit(f"//{value.strip()}")
        return (parts.hostname or "").lower(), parts.port
    except ValueError:
        return None


def _is_json(content_type: str) -> bool:
    return content_type.split(";", 1)[0].strip().lower() == "application/json"


class SecurityMiddleware:
    def __init__(self, app: ASGIApp, settings: Settings):
        self.app = app
        self.settings = settings
        own = {*LOOPBACK_HOSTS, *(h.lower() for h in settings.allowed_hosts)}
        if settings.host not in WILDCARD_HOSTS:
            own.add(settings.host.lower().strip("[]"))
        self.own_hosts = own
        self.allowed_origins = {o for o in map(parse_origin, settings.allowed_origins) if o}

    def _served_ports(self, scope: Scope) -> set[int]:
        # The configured port and the one the ASGI server reports listening on (the same under
        # `lora-studio serve`; they differ only when the app is mounted some other way).
        server = scope.get("server")
        extra = {server[1]} if server and isinstance(server[1], int) else set()
        return {self.settings.port, *extra}

    def _host_ok(self, name: str, port: int | None, ports: set[int]) -> bool:
        # A browser always names a non-default port in Host; tools may leave it out.
        if name in self.own_hosts and (port is None or port in ports):
            return True
        # A proxy that keeps the Host of an allowed origin (the Vite dev server) reaches us too.
        return any(name == o_host and (port or 80) == o_port for _, o_host, o_port in self.allowed_origins)

    def _origin_ok(self, origin: str, ports: set[int]) -> bool:
        parsed = parse_origin(origin)
        if parsed is None:  # "null", "file://", garbage
            return False
        if parsed in self.allowed_origins:
            return True
        scheme, host, origin_port = parsed
        return scheme == "http" and host in self.own_hosts and origin_port in ports

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str] | None:
        ports = self._served_ports(scope)
        host = headers.get("host", "")
        hp = split_host(host)
        if hp is None or not self._host_ok(*hp, ports):
            return 400, f"Host {host!r} is not allowed"
        websocket = scope["type"] == "websocket"
        method = scope.get("method", "GET")
        state_changing = websocket or method not in SAFE_METHODS
        origin = headers.get("origin")
        if state_changing and origin is not None and not self._origin_ok(origin, ports):
            return 403, f"Origin {origin!r} is not allowed"
        if headers.get("sec-fetch-site", "").lower() == "cross-site":
            # A link to the studio from another site may still open its page (a navigation).
            navigation = method in ("GET", "HEAD") and headers.get("sec-fetch-mode") == "navigate"
            if websocket or state_changing or not navigation:
                return 403, "Cross-site requests are not allowed"
        if self.settings.token and not self._public(scope) and not self._token_ok(scope, headers):
            return 401, "Missing or invalid API token"
        if not websocket and method not in SAFE_METHODS and not self._json_body_ok(headers):
            return 415, "Request bodies must be JSON (Content-Type: application/json)"
        return None

    @staticmethod
    def _json_body_ok(headers: dict[str, str]) -> bool:
        content_type = headers.get("content-type")
        if content_type is not None:
            return _is_json(content_type)
        # No Content-Type: only an empty body (POST /training/stop from curl).
        return headers.get("content-length", "0") == "0" and "transfer-encoding" not in headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            return await _reject(scope, receive, send, *refusal)
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
        expected = (self.settings.token or "").encode()
        auth = headers.get("authorization", "")
        if auth.lower().startswith("bearer ") and hmac.compare_digest(auth[7:].strip().encode(), expected):
            return True
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        supplied = (query.get("token") or [""])[0].encode()
        return bool(supplied) and hmac.compare_digest(supplied, expected)


async def _reject(scope: Scope, receive: Receive, send: Send, status: int, detail: str) -> None:
    import json

    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if scope["type"] == "websocket":
        if "websocket.http.response" in scope.get("extensions", {}):
            await send({"type": "websocket.http.response.start", "status": status, "headers": headers})
            await send({"type": "websocket.http.response.body", "body": body})
        else:  # a close before accept is answered with HTTP 403 by the server
            await send({"type": "websocket.close", "code": 1008, "reason": detail[:120]})
        return
    from starlette.responses import JSONResponse

    await JSONResponse({"detail": detail}, status_code=status)(scope, receive, send)


def _key_pattern(key: str) -> str:
    """`token` as a query key, each letter literal or percent-encoded (`tok%65n`), in either case."""
    def letter(c: str) -> str:
        codes = "|".join(f"%{ord(v):02x}" for v in {c.lower(), c.upper()})
        return f"(?:{re.escape(c)}|{codes})"
    return "".join(letter(c) for c in key)


TOKEN_QUERY = re.compile(rf"((?:^|[?&;\s])(?:{_key_pattern('token')})=)[^&;\s\"']*", re.IGNORECASE)


class TokenRedactor(logging.Filter):
    """Removes `token=` query values (any spelling) and the configured token itself from records.

    Installed on uvicorn's access and error loggers: access lines carry the request line, and
    websocket handshakes (accepted or refused) are logged with their query string."""

    def __init__(self, token: str | None = None):
        super().__init__()
        secrets_ = {token, quote(token, safe=""), quote(token)} if token else set()
        self.secrets = sorted((s for s in secrets_ if s), key=len, reverse=True)

    def redact(self, text: str) -> str:
        text = TOKEN_QUERY.sub(r"\1<redacted>", text)
        for secret in self.secrets:
            text = text.replace(secret, "<redacted>")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        # Redact each argument in place: uvicorn's AccessFormatter unpacks record.args by position.
        if isinstance(record.msg, str):
            record.msg = self.redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(self.redact(a) if isinstance(a, str) else a for a in record.args)
        elif isinstance(record.args, dict):
            record.args = {k: self.redact(v) if isinstance(v, str) else v for k, v in record.args.items()}
        return True


class DeniedHandshakeNoise(logging.Filter):
    """Drops uvicorn's spurious ERROR after a websocket denial response (websockets-sansio never marks
    the handshake complete then: Kludex/uvicorn PR #3138). Every websocket path of this app either
    accepts or sends a denial response, so for this app the message never reports a real fault."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.msg != "ASGI callable returned without completing handshake."


def install_log_redaction(token: str | None) -> TokenRedactor:
    redactor = TokenRedactor(token)
    for name in ("uvicorn.access", "uvicorn.error", "uvicorn"):
        logging.getLogger(name).addFilter(redactor)
    logging.getLogger("uvicorn.error").addFilter(DeniedHandshakeNoise())
    return redactor
