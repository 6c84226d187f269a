"""Training endpoints: defaults, start, stop, status, logs, and the distributed pre-flight check."""

from __future__ import annotations

from fastapi import APIRouter, Query

from backend.deps import JobsDep, SettingsDep
from backend.schemas.distributed import DistributedCheck
from backend.schemas.errors import error_responses
from backend.schemas.runs import (
    DistributedCheckResult,
    LogsResponse,
    StartResponse,
    StopResponse,
    TrainingDefaults,
    TrainingStatus,
)
from backend.schemas.training import TrainingConfig, training_defaults
from backend.runs.sessions import find as find_run
from backend.training.launch import distributed_preflight, start_sft

router = APIRouter(prefix="/training", tags=["training"])


@router.get("/defaults", response_model=TrainingDefaults, response_model_exclude_unset=True)
def defaults() -> dict:
    return training_defaults()


@router.post("/start", status_code=201, response_model=StartResponse, responses=error_responses(409),
             response_model_exclude_unset=True)
def start(config: TrainingConfig, jobs: JobsDep, settings: SettingsDep) -> dict:
    return start_sft(jobs, settings, config)


@router.post("/stop", response_model=StopResponse, responses=error_responses(409),
             response_model_exclude_unset=True)
def stop(jobs: JobsDep) -> dict:
    return jobs.stop()


@router.get("/status", response_model=TrainingStatus, response_model_exclude_unset=True)
def status(jobs: JobsDep) -> dict:
    return jobs.status()


@router.get("/logs", response_model=LogsResponse, responses=error_responses(404),
            response_model_exclude_unset=True)
def logs(jobs: JobsDep, run_id: str | None = None, tail: int = Query(200, ge=1, le=10_000)) -> dict:
    run_id = run_id or jobs.status()["run_id"]
    if run_id is None:
        return {"run_id": None, "lines": []}
    _, files = find_run(jobs.store, jobs.settings.runs_dir, run_id)
    return {"run_id": run_id, "lines": files.log_tail(tail)}


@router.post("/distributed/check", response_model=DistributedCheckResult, response_model_exclude_unset=True)
def distributed_check(body: DistributedCheck) -> dict:
    """Launches a tiny all-reduce on the given hosts; reports each rank as reachable or not.

    A sync endpoint (FastAPI runs it in a worker thread) that never outlives `timeout_s` by much.
    Unreachable hosts are a normal answer (`ok: false` with each rank's error), not an HTTP error.
    """
    return distributed_preflight(body)
