"""EventHub: every event is stored (numbered by the store's global `seq`) before it is broadcast.

Publishers may be request handlers, the event loop, or runner reader threads; subscribers are
websocket connections, each with its own asyncio queue. A client that reconnects with the last
`seq` it saw gets the stored events after it, so nothing is lost across reloads or drops.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from backend.runs.store import RunStore

# Declared once for the Python side; the SPA declares the same union once on its side.
EVENT_TYPES = frozenset({
    "training_state", "training_started", "training_progress", "training_val", "checkpoint_saved",
    "best_model_updated", "training_log", "training_completed", "training_stopped", "training_error",
    "notification", "session_loaded", "evaluation_progress", "evaluation_completed", "queue_updated",
})


class EventHub:
    def __init__(self, store: RunStore):
        self.store = store
        self._subscribers: set[asyncio.Queue] = set()
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None

    def bind_loop(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop

    def publish(self, type_: str, run_id: str | None = None, data: dict[str, Any] | None = None) -> dict[str, Any]:
        if type_ not in EVENT_TYPES:
            raise ValueError(f"unknown event type {type_!r}")
        event = self.store.append_event(type_, run_id, data or {})  # stored first: replay never misses it
        self._broadcast(event)
        return event

    def notify(self, level: str, title: str, message: str, run_id: str | None = None) -> dict[str, Any]:
        return self.publish("notification", run_id, {"level": level, "title": title, "message": message})

    def subscribe(self) -> asyncio.Queue:
        queue: asyncio.Queue = asyncio.Queue(maxsize=10_000)
        with self._lock:
            self._subscribers.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue) -> None:
        with self._lock:
            self._subscribers.discard(queue)

    def _broadcast(self, event: dict[str, Any]) -> None:
        with self._lock:
            queues = list(self._subscribers)
        if not queues or self._loop is None or self._loop.is_closed():
            return
        for q in queues:
            self._loop.call_soon_threadsafe(_offer, q, event)


OVERFLOW = {"type": "__overflow__"}


def _offer(queue: asyncio.Queue, event: dict[str, Any]) -> None:
    try:
        queue.put_nowait(event)
    except asyncio.QueueFull:
        # A stalled client is cut off (the socket closes on OVERFLOW); it reconnects and replays
        # from its last seq, so dropping its backlog here loses nothing.
        while not queue.empty():
            queue.get_nowait()
        queue.put_nowait(OVERFLOW)
