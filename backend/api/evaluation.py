"""Base-vs-adapter evaluation jobs: POST /evaluation/start, GET /evaluation/{id}."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, HTTPException

from backend.deps import ServicesDep
from backend.inference.judge import JudgeConfig
from backend.schemas.errors import error_responses
from backend.schemas.inference import (
    EvaluationRequest,
    EvaluationStarted,
    EvaluationStatus,
)

router = APIRouter(prefix="/evaluation", tags=["evaluation"])


@router.post("/start", status_code=202, response_model=EvaluationStarted, responses=error_responses(404, 409),
             response_model_exclude_unset=True)
async def start(body: EvaluationRequest, services: ServicesDep) -> dict:
    judge = JudgeConfig(**body.judge.model_dump()) if body.judge else None
    # Off the loop: validation reads the session's held-out file.
    return await asyncio.to_thread(
        services.evaluations.start, body.sessions()[0], other_session_ids=body.sessions()[1:],
        num_questions=body.num_questions, max_tokens=body.max_tokens, checkpoint=body.checkpoint, judge=judge,
        dataset_path=body.dataset_path)


@router.get("/{evaluation_id}", response_model=EvaluationStatus, responses=error_responses(404),
            response_model_exclude_unset=True)
def get(evaluation_id: str, services: ServicesDep) -> dict:
    found = services.evaluations.get(evaluation_id)
    if found is None:
        raise HTTPException(404, f"No evaluation {evaluation_id}")
    return found
