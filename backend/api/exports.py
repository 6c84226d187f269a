"""Exports of a session's adapter: POST /sessions/{id}/export, GET /exports[/{id}], DELETE /exports/{id}."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Response

from backend.deps import ServicesDep
from backend.errors import StudioError
from backend.runs.layout import RUN_ID_RE
from backend.schemas.exports import ExportRequest, ExportStarted, ExportStatus

router = APIRouter(tags=["exports"])


def _exports(services):
    return services.exports


@router.post("/sessions/{session_id}/export", status_code=202, response_model=ExportStarted)
async def start(session_id: str, body: ExportRequest, services: ServicesDep) -> dict:
    if not RUN_ID_RE.match(session_id):
        raise StudioError(422, f"invalid session id {session_id!r}")
    # Off the loop: the checks read the adapter and the base model's config.
    return await asyncio.to_thread(_exports(services).start, session_id, fmt=body.format,
                                   checkpoint=body.checkpoint, dequantize=body.dequantize, name=body.name)


@router.get("/exports", response_model=list[ExportStatus])
def list_exports(services: ServicesDep, session_id: str | None = None) -> list[dict]:
    return _exports(services).list(session_id)


@router.get("/exports/{export_id}", response_model=ExportStatus)
def get(export_id: str, services: ServicesDep) -> dict:
    found = _exports(services).get(export_id)
    if found is None:
        raise StudioError(404, f"No export {export_id}")
    return found


@router.delete("/exports/{export_id}", status_code=204)
def delete(export_id: str, services: ServicesDep) -> Response:
    _exports(services).delete(export_id)
    return Response(status_code=204)
