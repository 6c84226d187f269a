"""Base-vs-adapter evaluation jobs: POST /evaluation/start, GET /evaluation/{id}."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, HTTPException

from backend.deps import ServicesDep
from backend.inference.judge import JudgeConfig
from backend.inference.service import InferenceError
from backend.schemas.inference import (
    EvaluationRequest,
    EvaluationStarted,
    EvaluationStatus,
)

router = APIRouter(prefix="/evaluation", tags=["evaluation"])


@router.post("/start", status_code=202, response_model=EvaluationStarted)
async def start(body: EvaluationRequest, services: ServicesDep) -> dict:
    judge = JudgeConfig(**body.judge.model_dump()) if body.judge else None
    try:
        # Off the loop: validation reads the session's held-out file.
        return await asyncio.to_thread(
            services.evaluations.start, body.sessions()[0], other_session_ids=body.sessions()[1:],
            num_questions=body.num_questions,
            max_tokens=body.max_tokens, checkpoint=body.checkpoint, judge=judge,
            dataset_path=body.dataset_path)
    except InferenceError as exc:
        raise HTTPException(exc.status, exc.detail) from exc


@router.get("/{evaluation_id}", response_model=EvaluationStatus)
def get(evaluation_id: str, services: ServicesDep) -> dict:
    found = services.evaluations.get(evaluation_id)
    if found is None:
        raise HTTPException(404, f"No evaluation {evaluation_id}")
    return found
