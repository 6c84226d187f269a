"""Enhanced Setup endpoints: GRPO, GSPO and Dr. GRPO runs through the same job manager."""

from __future__ import annotations

from fastapi import APIRouter

from backend.deps import JobsDep, SettingsDep
from backend.schemas.enhanced import EnhancedTrainingConfig, describe_methods
from backend.schemas.errors import error_responses
from backend.schemas.runs import MethodsResponse, StartResponse
from backend.training.launch import start_enhanced
from backend.training.runner.rewards import builtin_rewards

router = APIRouter(prefix="/training", tags=["enhanced"])


@router.get("/methods", response_model=MethodsResponse, response_model_exclude_unset=True)
def methods() -> dict:
    return {"methods": describe_methods(),
            "reward_functions": [{"name": n, "description": d} for n, d in builtin_rewards().items()]}


@router.post("/start-enhanced", status_code=201, response_model=StartResponse,
             responses=error_responses(409), response_model_exclude_unset=True)
def start(config: EnhancedTrainingConfig, jobs: JobsDep, settings: SettingsDep) -> dict:
    return start_enhanced(jobs, settings, config)
