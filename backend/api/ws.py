"""WS /ws?after_seq=N: current training state, then every stored event after N, then live events."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, WebSocket, WebSocketDisconnect

from backend.runs.events import OVERFLOW

router = APIRouter(tags=["events"])


@router.websocket("/ws")
async def events(websocket: WebSocket, after_seq: int = 0) -> None:
    services = websocket.app.state.services
    hub, store, jobs = services.hub, services.store, services.jobs
    await websocket.accept()
    # Subscribe before reading the backlog so nothing falls between replay and live delivery.
    queue = hub.subscribe()
    try:
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
    except WebSocketDisconnect:
        pass
    finally:
        hub.unsubscribe(queue)
