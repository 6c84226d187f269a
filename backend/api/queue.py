"""The run queue: add (validated like a start), list, reorder, cancel."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request

from backend.schemas.queue import QueueCreate, QueueCreated, QueueItemPublic, QueueList, QueueMove
from backend.training.queue import RunQueue

router = APIRouter(prefix="/queue", tags=["queue"])
ItemId = Annotated[str, Path(pattern=r"^q-[0-9a-f]{12}$")]


def get_queue(request: Request) -> RunQueue:
    return request.app.state.queue


QueueDep = Annotated[RunQueue, Depends(get_queue)]


@router.post("", status_code=201, response_model=QueueCreated)
def add(body: QueueCreate, queue: QueueDep) -> dict:
    item = queue.add(body.kind, body.config)
    return {"queue_id": item["queue_id"], "position": item["position"], "item": item}


@router.get("", response_model=QueueList)
def items(queue: QueueDep) -> dict:
    return {"items": queue.items()}


@router.patch("/{queue_id}", response_model=QueueItemPublic)
def move(queue_id: ItemId, body: QueueMove, queue: QueueDep) -> dict:
    return queue.move(queue_id, body.position)


@router.delete("/{queue_id}", response_model=QueueItemPublic)
def cancel(queue_id: ItemId, queue: QueueDep) -> dict:
    return queue.cancel(queue_id)
