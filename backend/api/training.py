"""Training endpoints: defaults, start, stop, status, logs, and the distributed pre-flight check."""

from __future__ import annotations

from fastapi import APIRouter, Query

from backend.deps import JobsDep, SettingsDep
from backend.schemas.distributed import DistributedCheck
from backend.schemas.training import TrainingConfig, training_defaults
from backend.runs.sessions import find as find_run
from backend.training.launch import distributed_preflight, start_sft

router = APIRouter(prefix="/training", tags=["training"])


@router.get("/defaults")
def defaults() -> dict:
    return training_defaults()


@router.post("/start", status_code=201)
def start(config: TrainingConfig, jobs: JobsDep, settings: SettingsDep) -> dict:
    return start_sft(jobs, settings, config)


@router.post("/stop")
def stop(jobs: JobsDep) -> dict:
    return jobs.stop()


@router.get("/status")
def status(jobs: JobsDep) -> dict:
    return jobs.status()


@router.get("/logs")
def logs(jobs: JobsDep, run_id: str | None = None, tail: int = Query(200, ge=1, le=10_000)) -> dict:
    run_id = run_id or jobs.status()["run_id"]
    if run_id is None:
        return {"run_id": None, "lines": []}
    _, files = find_run(jobs.store, jobs.settings.runs_dir, run_id)
    return {"run_id": run_id, "lines": files.log_tail(tail)}


@router.post("/distributed/check")
def distributed_check(body: DistributedCheck) -> dict:
    """Launches a tiny all-reduce on the given hosts; reports each rank as reachable or not.

    A sync endpoint (FastAPI runs it in a worker thread) that never outlives `timeout_s` by much.
    Unreachable hosts are a normal answer (`ok: false` with each rank's error), not an HTTP error.
    """
    return distributed_preflight(body)
