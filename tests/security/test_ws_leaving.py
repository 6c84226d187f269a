"""Item 9: the event socket notices a client that leaves during a quiet period at once, and a server
with many idle clients shuts down promptly without tracebacks. Real uvicorn, real websocket clients."""

from __future__ import annotations

import json
import signal
import socket
import threading
import time
from contextlib import ExitStack

import uvicorn
from websockets.sync.client import connect

from backend.app import create_app
from tests.conftest import LiveServer, free_port, make_settings, wait_for

CLIENTS = 30


def open_clients(stack: ExitStack, url: str, n: int = CLIENTS) -> list:
    clients = []
    for _ in range(n):
        ws = stack.enter_context(connect(url, open_timeout=10))
        assert json.loads(ws.recv(timeout=10))["type"] == "training_state"
        clients.append(ws)
    return clients


def test_clients_that_leave_are_dropped_at_once(data_root):
    app = create_app(make_settings(data_root))
    hub = app.state.services.hub
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        wait_for(lambda: server.started, timeout=30, what="uvicorn start")
        url = f"ws://127.0.0.1:{port}/ws"
        stack = ExitStack()
        clients = open_clients(stack, url)
        wait_for(lambda: hub.subscriber_count == CLIENTS, timeout=10, what="30 subscribers")
        # Half leave politely (close frame), half vanish (TCP closed, no close frame). No event is
        # published meanwhile: only reading the socket can notice them.
        for i, ws in enumerate(clients):
            if i % 2:
                ws.close()
            else:
                ws.socket.shutdown(socket.SHUT_RDWR)
                ws.socket.close()
        wait_for(lambda: hub.subscriber_count == 0, timeout=10, what="every subscriber dropped")
        stack.close()
        # A message a client sends is read and ignored; the socket keeps delivering events.
        with connect(url, open_timeout=10) as ws:
            ws.recv(timeout=10)
            ws.send("hello")
            hub.notify("info", "still here", "after a client message")
            event = json.loads(ws.recv(timeout=10))
            assert event["type"] == "notification" and event["data"]["title"] == "still here"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def test_shutdown_with_idle_clients_is_prompt_and_clean(data_root):
    server = LiveServer(data_root, log_level="info").start()
    with ExitStack() as stack:
        try:
            open_clients(stack, server.ws_url)
            started = time.monotonic()
            server.proc.send_signal(signal.SIGTERM)
            server.proc.wait(timeout=30)
            took = time.monotonic() - started
        finally:
            server.stop()
    log = server.log_path.read_text()
    print(f"shutdown with {CLIENTS} idle websocket clients took {took:.2f} s")
    assert "Traceback" not in log and "ERROR" not in log, log[-3000:]
    # Every handler ended by itself: uvicorn did not have to cancel them at its graceful timeout (3 s).
    assert "graceful shutdown exceeded" not in log and "Cancel" not in log, log[-3000:]
    assert took < 3.0
    # uvicorn re-raises the SIGTERM it handled once it has shut down cleanly.
    assert server.proc.returncode == -signal.SIGTERM
    assert "Application shutdown complete" in log
