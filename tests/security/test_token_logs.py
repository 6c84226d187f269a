"""Item 5: the token never reaches a log, whatever spelling or value a client sends it with."""

from __future__ import annotations

import logging
import time

import httpx
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from backend.security import TokenRedactor
from tests.security.conftest import TOKEN

WRONG = "wrong-guess-77e1"


def handshake(url: str, origin: str | None = None) -> int:
    try:
        with connect(url, open_timeout=10, origin=origin) as ws:
            ws.recv(timeout=10)
            return 101
    except InvalidStatus as exc:
        return exc.response.status_code


def test_token_is_absent_from_the_server_log(token_server):
    url, ws = token_server.url, token_server.ws_url
    spellings = ["token", "tok%65n", "%74oken", "TOKEN", "to%6Ben"]
    for key in spellings:
        for value in (TOKEN, WRONG):
            httpx.get(f"{url}/sessions?{key}={value}", timeout=10)
            httpx.get(f"{url}/no-such-page?a=1&{key}={value}", timeout=10)
    assert httpx.get(f"{url}/sessions?token={TOKEN}").status_code == 200
    assert handshake(f"{ws}?token={TOKEN}") == 101  # accepted
    assert handshake(f"{ws}?after_seq=0&tok%65n={TOKEN}") == 101  # parse_qs decodes the key too
    assert handshake(f"{ws}?token={WRONG}") == 401  # refused: wrong token
    assert handshake(f"{ws}?token={TOKEN}", origin="http://localhost:5173") == 403  # refused: origin
    assert handshake(f"{ws}?after_seq=x&token={TOKEN}") == 400  # refused by the handler
    httpx.post(f"{url}/training/stop?token={TOKEN}", headers={"Authorization": f"Bearer {TOKEN}"})
    time.sleep(0.5)  # let the access log flush
    log = token_server.log_path.read_text()
    # The log is really there (request lines and handshakes), with the values redacted.
    assert "/sessions?token=<redacted>" in log and "WebSocket /ws?" in log
    assert "tok%65n=<redacted>" in log
    assert TOKEN not in log and WRONG not in log
    # Refused handshakes are plain HTTP answers, not errors.
    assert "connection rejected (401 Unauthorized)" in log and "ERROR" not in log


def test_redactor_on_uvicorn_record_shapes():
    redactor = TokenRedactor(TOKEN)
    access = logging.LogRecord("uvicorn.access", logging.INFO, "", 0, '%s - "%s %s HTTP/%s" %d',
                               ("127.0.0.1:1", "GET", f"/ws?after_seq=3&%74ok%45n={WRONG}", "1.1", 101), None)
    redactor.filter(access)
    assert WRONG not in access.getMessage() and "after_seq=3&" in access.getMessage()
    assert access.args[0] == "127.0.0.1:1" and access.args[4] == 101  # positional shape kept
    error = logging.LogRecord("uvicorn.error", logging.INFO, "", 0, "something mentioned %s in passing",
                              (f"x{TOKEN}y",), None)
    redactor.filter(error)
    assert TOKEN not in error.getMessage()
