"""Sessions endpoints (a session is a run)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Response

from backend.deps import ServicesDep
from backend.runs import legacy_import
from backend.runs import sessions as svc
from backend.schemas.errors import error_responses
from backend.schemas.legacy import ImportResult, SessionsImport
from backend.schemas.runs import ResumeResponse
from backend.schemas.sessions import LoadedSession, SessionDetail, SessionSummary
from backend.training.launch import resume_run

router = APIRouter(prefix="/sessions", tags=["sessions"])
NOT_FOUND = error_responses(404)


def _run_or_404(services, session_id: str) -> tuple[dict, Any]:
    return svc.find(services.store, services.settings.runs_dir, session_id)


@router.get("", response_model=list[SessionSummary], response_model_exclude_unset=True)
def list_sessions(services: ServicesDep) -> list[dict]:
    name = services.catalog.display_name
    return [svc.summarize(r, services.jobs.files(r["id"]), name(r["model_path"])) for r in services.store.list_runs()]


@router.get("/loaded", response_model=LoadedSession, response_model_exclude_unset=True)
def loaded(services: ServicesDep) -> dict:
    return {"session_id": svc.loaded_session_id(services.store)}


@router.get("/{session_id}", response_model=SessionDetail, responses=NOT_FOUND,
            response_model_exclude_unset=True)
def get_session(session_id: str, services: ServicesDep) -> dict:
    run, files = _run_or_404(services, session_id)
    return svc.detail(services.store, run, files, services.catalog.display_name(run["model_path"]))


@router.post("/{session_id}/load", response_model=LoadedSession, responses=NOT_FOUND,
             response_model_exclude_unset=True)
def load_session(session_id: str, services: ServicesDep) -> dict:
    run, files = _run_or_404(services, session_id)
    svc.load(services.store, services.hub, run, files)
    return {"session_id": session_id}


@router.post("/{session_id}/resume", status_code=201, response_model=ResumeResponse,
             responses=error_responses(404, 409), response_model_exclude_unset=True)
def resume_session(session_id: str, services: ServicesDep) -> dict:
    _run_or_404(services, session_id)
    return resume_run(services.jobs, session_id)


@router.delete("/{session_id}", status_code=204, responses=error_responses(404, 409))
def delete_session(session_id: str, services: ServicesDep) -> Response:
    run, files = _run_or_404(services, session_id)
    svc.delete(services.store, run, files)
    return Response(status_code=204)


@router.post("/import", response_model=ImportResult)
def import_sessions(body: Annotated[SessionsImport, Body()], services: ServicesDep) -> ImportResult:
    """The older app's session files (one object, a list) or its whole sessions folder `{"path": DIR}`."""
    return legacy_import.import_body(services.store, services.settings.runs_dir, body)
