"""Responses of /sessions/* (a session is a run; backend/runs/sessions.py shapes them)."""

from __future__ import annotations

from typing import Any, Literal

from backend.schemas.public import Public
from backend.schemas.runs import RunData, RunKind, RunState
from backend.schemas.system import LoraTargets

Readiness = Literal["ready", "best_available", "running", "incomplete", "legacy", "missing_files"]


class SessionLora(Public):
    rank: int | None
    alpha: float | None
    dropout: float | None
    num_layers: int | None
    scale: float | None
    fine_tune_type: str | None = None


class SessionSummary(Public):
    id: str
    kind: RunKind
    name: str
    model_name: str | None
    model_path: str | None
    adapter_name: str | None
    state: RunState
    error: str | None
    created_at: float
    updated_at: float
    steps_completed: int
    total_steps: int
    final_train_loss: float | None
    final_val_loss: float | None
    best_val_loss: float | None
    best_step: int | None
    readiness: Readiness
    has_best: bool
    legacy: bool
    lora: SessionLora
    method: str | None
    ended_at: float | None = None


class AdapterFile(Public):
    name: str
    size_bytes: int


class TrainPoint(Public):
    step: int
    train_loss: float | None = None
    learning_rate: float | None = None
    tokens_per_sec: float | None = None
    step_time: float | None = None
    peak_mem_gb: float | None = None
    trained_tokens: int | None = None
    reward: float | None = None
    reward_std: float | None = None
    kl: float | None = None


class ValPoint(Public):
    step: int
    val_loss: float | None


class MetricHistory(Public):
    train: list[TrainPoint]
    val: list[ValPoint]


class EvaluationRecord(Public):
    id: str
    run_id: str
    state: str
    created_at: float
    updated_at: float
    request: dict[str, Any]
    result: dict[str, Any] | None
    error: str | None


class SessionDetail(SessionSummary):
    config: dict[str, Any] | None
    yaml: str | None
    adapter_files: list[AdapterFile]
    history: MetricHistory
    evaluations: list[EvaluationRecord]
    lora_targets: LoraTargets | None
    warnings: list[str]
    data: RunData | None
    last_progress: dict[str, float] | None = None
    last_checkpoint_step: int | None = None
    exports: list[dict[str, Any]] = []
    memory: dict[str, Any] | None = None


class LoadedSession(Public):
    session_id: str | None


