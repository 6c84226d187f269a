"""GET /events: the stored event log after a seq — the websocket's replay, over plain HTTP.

Its response model is the union of every event, so the OpenAPI schema (and the SPA's generated
types) describe each event's `data`.
"""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Query

from backend.deps import ServicesDep
from backend.schemas.events import ServerEvent

router = APIRouter(tags=["events"])
MAX_SEQ = 2**63 - 1  # SQLite's INTEGER


@router.get("/events", response_model=list[ServerEvent], response_model_exclude_unset=True)
async def events(services: ServicesDep, after_seq: int = Query(0, ge=0, le=MAX_SEQ),
                 limit: int = Query(1000, ge=1, le=10_000)) -> list[dict]:
    """Stored events with seq > after_seq, oldest first (`training_state` is sent on the websocket only)."""
    return await asyncio.to_thread(services.store.events_after, after_seq, limit)
