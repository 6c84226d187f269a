"""WS /ws?after_seq=N: current training state, then every stored event after N, then live events.

The handler reads the socket while it waits for events, so a client that leaves (or a server that
shuts down) ends it at once instead of at the next event.
"""

from __future__ import annotations

import asyncio
import contextlib

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from starlette.responses import JSONResponse

from backend.runs.events import OVERFLOW

router = APIRouter(tags=["events"])
MAX_SEQ = 2**63 - 1  # SQLite's INTEGER


def parse_after_seq(raw: str | None) -> int:
    """A non-negative integer SQLite can hold; ValueError with the reason otherwise."""
    if raw is None or raw == "":
        return 0
    if not raw.isascii() or not raw.isdigit():
        raise ValueError(f"after_seq must be a non-negative integer, got {raw[:40]!r}")
    if len(raw) > 19 or int(raw) > MAX_SEQ:
        raise ValueError(f"after_seq must be at most {MAX_SEQ}")
    return int(raw)


async def _refuse(websocket: WebSocket, reason: str) -> None:
    """Refuse the handshake with HTTP 400 and the reason (close-before-accept where unsupported)."""
    if "websocket.http.response" in websocket.scope.get("extensions", {}):
        await websocket.send_denial_response(JSONResponse({"detail": reason}, status_code=400))
    else:
        await websocket.close(code=1008, reason=reason[:120])


async def _wait_for_leave(websocket: WebSocket) -> None:
    """Returns when the client disconnects; anything it sends is ignored."""
    while True:
        message = await websocket.receive()
        if message["type"] == "websocket.disconnect":
            return


async def _send_events(websocket: WebSocket, services, queue: asyncio.Queue, after_seq: int) -> None:
    store, jobs = services.store, services.jobs
    # last_seq is read before the status snapshot: a fresh client (after_seq=0) can skip the
    # stored backlog up to it and fetch history over HTTP instead of replaying every old run.
    last_seq = await asyncio.to_thread(store.last_seq)
    status = await asyncio.to_thread(jobs.status)
    await websocket.send_json({"type": "training_state", "run_id": status["run_id"], "seq": None,
                               "ts": None, "data": {**status, "last_seq": last_seq}})
    last = after_seq
    while True:
        backlog = await asyncio.to_thread(store.events_after, last, 2000)
        for event in backlog:
            await websocket.send_json(event)
            last = event["seq"]
        if len(backlog) < 2000:
            break
    while True:
        event = await queue.get()
        if event is OVERFLOW:
            await websocket.close(code=4000, reason="client too slow; reconnect with after_seq")
            return
        if event["seq"] is not None and event["seq"] <= last:
            continue  # already sent during replay
        await websocket.send_json(event)
        if event["seq"] is not None:
            last = event["seq"]


@router.websocket("/ws")
async def events(websocket: WebSocket) -> None:
    try:
        after_seq = parse_after_seq(websocket.query_params.get("after_seq"))
    except ValueError as exc:
        return await _refuse(websocket, str(exc))
    services = websocket.app.state.services
    await websocket.accept()
    # Subscribe before reading the backlog so nothing falls between replay and live delivery.
    queue = services.hub.subscribe()
    sender = asyncio.ensure_future(_send_events(websocket, services, queue, after_seq))
    leaver = asyncio.ensure_future(_wait_for_leave(websocket))
    try:
        await asyncio.wait({sender, leaver}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        services.hub.unsubscribe(queue)
        for task in (sender, leaver):
            task.cancel()
        for task in (sender, leaver):
            # A send to a client that just left raises; it has left, nothing to report.
            with contextlib.suppress(asyncio.CancelledError, WebSocketDisconnect, RuntimeError, OSError):
                await task
