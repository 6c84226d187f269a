"""Item 1: only our own origins (and configured ones) change state or open the event socket.

Against real servers: httpx for HTTP, the `websockets` client for handshakes (a refused handshake must
be an HTTP status, never an accepted socket closed afterwards).
"""

from __future__ import annotations

import json

import httpx
import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from tests.conftest import LiveServer, new_data_root
from tests.security.conftest import TOKEN

# What a page anywhere can make a browser send.
FOREIGN = ["null", "file://", "https://evil.example", "http://localhost:5173", "http://127.0.0.1:1",
           "http://[::1]:5173", "https://127.0.0.1:{port}", "http://evil.example:{port}", "garbage"]


def own_origins(port: int) -> list[str]:
    return [f"http://127.0.0.1:{port}", f"http://localhost:{port}", f"http://[::1]:{port}"]


def post_load(server: LiveServer, **headers) -> httpx.Response:
    """A state-changing request that, once past the borders, answers 404 (no such session)."""
    return httpx.post(f"{server.url}/sessions/no-such/load", headers=headers, timeout=10)


def ws_status(url: str, origin: str | None = None, **headers) -> int:
    """101 when the handshake is accepted, else the HTTP status it was refused with."""
    extra = {**headers, **({"Origin": origin} if origin is not None else {})}
    try:
        with connect(url, additional_headers=extra, open_timeout=10) as ws:
            first = json.loads(ws.recv(timeout=10))
            assert first["type"] == "training_state"
            return 101
    except InvalidStatus as exc:
        body = json.loads(exc.response.body)
        assert isinstance(body["detail"], str) and body["detail"]
        return exc.response.status_code


def test_foreign_origins_cannot_change_state(open_server):
    port = open_server.port
    for origin in FOREIGN:
        r = post_load(open_server, Origin=origin.format(port=port))
        assert r.status_code == 403, origin
        assert "not allowed" in r.json()["detail"]


def test_own_origins_and_no_origin_pass(open_server):
    assert post_load(open_server).status_code == 404  # curl, scripts
    for origin in own_origins(open_server.port):
        assert post_load(open_server, Origin=origin).status_code == 404, origin


def test_reads_are_not_origin_checked_but_cross_site_fetches_are_refused(open_server):
    url = f"{open_server.url}/sessions"
    assert httpx.get(url, headers={"Origin": "https://evil.example"}).status_code == 200
    assert httpx.get(url, headers={"Sec-Fetch-Site": "same-origin"}).status_code == 200
    assert httpx.get(url, headers={"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "cors"}).status_code == 403
    # A link from another site may still open the studio's page.
    nav = httpx.get(f"{open_server.url}/", headers={"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"})
    assert nav.status_code == 200
    r = post_load(open_server, Origin=f"http://127.0.0.1:{open_server.port}", **{"Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403


def test_host_must_be_ours_on_our_port(open_server):
    url = f"{open_server.url}/health"
    assert httpx.get(url, headers={"Host": "evil.example"}).status_code == 400
    assert httpx.get(url, headers={"Host": f"evil.example:{open_server.port}"}).status_code == 400
    assert httpx.get(url, headers={"Host": "127.0.0.1:1"}).status_code == 400
    assert httpx.get(url, headers={"Host": f"localhost:{open_server.port}"}).status_code == 200


def test_websocket_handshake_refused_with_403_for_foreign_origins(open_server):
    port = open_server.port
    for origin in FOREIGN:
        assert ws_status(open_server.ws_url, origin.format(port=port)) == 403, origin
    assert ws_status(open_server.ws_url, None, **{"Sec-Fetch-Site": "cross-site"}) == 403
    assert ws_status(open_server.ws_url, None) == 101
    for origin in own_origins(port):
        assert ws_status(open_server.ws_url, origin) == 101, origin


def test_electron_shell_origin_keeps_working(token_server):
    """The shell loads the SPA from http://127.0.0.1:PORT/?token=… and calls the API from there."""
    origin = f"http://127.0.0.1:{token_server.port}"
    auth = {"Authorization": f"Bearer {TOKEN}", "Origin": origin}
    assert httpx.get(f"{token_server.url}/sessions", headers=auth).status_code == 200
    r = httpx.post(f"{token_server.url}/sessions/no-such/load", headers=auth)
    assert r.status_code == 404
    assert ws_status(f"{token_server.ws_url}?token={TOKEN}", origin) == 101
    # The token is still required, from the own origin too, and a foreign origin with it is refused.
    assert ws_status(token_server.ws_url, origin) == 401
    assert ws_status(f"{token_server.ws_url}?token=wrong", origin) == 401
    assert ws_status(f"{token_server.ws_url}?token={TOKEN}", "http://localhost:5173") == 403


@pytest.fixture(scope="module")
def dev_server(tmp_path_factory, demo_cache):
    root = new_data_root(tmp_path_factory.mktemp("dev"), demo_cache)
    server = LiveServer(root, extra_env={
        "LORA_STUDIO_ALLOWED_ORIGINS": "http://localhost:5173, https://studio.example.org/"}).start()
    yield server
    server.stop()


def test_allowed_origins_setting_admits_exactly_those(dev_server):
    for origin in ("http://localhost:5173", "https://studio.example.org"):
        assert post_load(dev_server, Origin=origin).status_code == 404, origin
        assert ws_status(dev_server.ws_url, origin) == 101, origin
    for origin in ("http://localhost:5174", "https://studio.example.org:8443", "http://studio.example.org",
                   "null"):
        assert post_load(dev_server, Origin=origin).status_code == 403, origin
        assert ws_status(dev_server.ws_url, origin) == 403, origin


def test_vite_dev_proxy_reaches_the_server_when_its_origin_is_allowed(dev_server):
    """Vite's proxy (changeOrigin: false) forwards Host and Origin of http://localhost:5173."""
    dev = {"Host": "localhost:5173", "Origin": "http://localhost:5173"}
    assert post_load(dev_server, **dev).status_code == 404
    assert httpx.get(f"{dev_server.url}/health", headers={"Host": "localhost:5174"}).status_code == 400
