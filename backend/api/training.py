"""Training endpoints: defaults, start, stop, status, logs, and the distributed pre-flight check."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query

from backend.deps import JobsDep, SettingsDep
from backend.schemas.distributed import DistributedCheck
from backend.schemas.training import TrainingConfig, training_defaults
from backend.training.jobs import JobError
from backend.training.launch import start_sft

router = APIRouter(prefix="/training", tags=["training"])


def raise_http(exc: JobError):
    raise HTTPException(exc.status, exc.detail) from exc


@router.get("/defaults")
def defaults() -> dict:
    return training_defaults()


@router.post("/start", status_code=201)
def start(config: TrainingConfig, jobs: JobsDep, settings: SettingsDep) -> dict:
    try:
        return start_sft(jobs, settings, config)
    except JobError as exc:
        raise_http(exc)


@router.post("/stop")
def stop(jobs: JobsDep) -> dict:
    try:
        return jobs.stop()
    except JobError as exc:
        raise_http(exc)


@router.get("/status")
def status(jobs: JobsDep) -> dict:
    return jobs.status()


@router.get("/logs")
def logs(jobs: JobsDep, run_id: str | None = None, tail: int = Query(200, ge=1, le=10_000)) -> dict:
    run_id = run_id or jobs.status()["run_id"]
    if run_id is None:
        return {"run_id": None, "lines": []}
    try:
        files = jobs.files(run_id)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from exc
    if jobs.store.find_run(run_id) is None:
        raise HTTPException(404, f"No run {run_id}")
    return {"run_id": run_id, "lines": files.log_tail(tail)}


@router.post("/distributed/check")
def distributed_check(body: DistributedCheck) -> dict:
    """Launches a tiny all-reduce on the given hosts; reports each rank as reachable or not.

    A sync endpoint (FastAPI runs it in a worker thread) that never outlives `timeout_s` by much.
    Unreachable hosts are a normal answer (`ok: false` with each rank's error), not an HTTP error.
    """
    from backend.training.distributed.launcher import DistributedError, preflight

    try:
        return preflight(body, paths=body.paths, timeout=body.timeout_s)
    except DistributedError as exc:
        raise HTTPException(422, [{"loc": ["body", exc.field], "type": "value_error", "msg": str(exc)}]) from exc
