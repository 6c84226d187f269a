"""Sessions: a session is a run. Summaries, details, loading and deletion (legacy import: legacy_import.py)."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Any

from backend.errors import StudioError
from backend.runs.events import EventHub
from backend.runs.layout import ACTIVE_STATES, RunFiles, readiness
from backend.runs.store import RunStore
from backend.schemas.lora import lora_scale
from backend.schemas.training import TrainingConfig

log = logging.getLogger("lora_studio.sessions")
LOADED_KEY = "loaded_session"


def lora_summary(config: dict[str, Any]) -> dict[str, Any]:
    defaults = TrainingConfig.model_fields
    get = lambda k: config.get(k, defaults[k].default)  # noqa: E731
    rank, alpha = get("lora_rank"), get("lora_alpha")
    return {"rank": rank, "alpha": alpha, "dropout": get("lora_dropout"),
            "num_layers": get("lora_num_layers"), "scale": lora_scale(alpha, rank),
            "fine_tune_type": get("fine_tune_type")}


def summarize(run: dict[str, Any], files: RunFiles, model_name: str | None = None) -> dict[str, Any]:
    """`model_name`: the catalog's name for the run's model (default: its folder name)."""
    s, config = run["summary"], run["config"]
    return {
        "id": run["id"], "kind": run["kind"], "name": run["name"],
        "model_name": model_name or Path(run["model_path"]).name, "model_path": run["model_path"],
        "adapter_name": run["adapter_name"], "state": run["state"], "error": run["error"],
        "created_at": run["created_at"], "updated_at": run["updated_at"], "ended_at": s.get("ended_at"),
        "steps_completed": run["steps_completed"], "total_steps": run["total_steps"],
        "final_train_loss": s.get("final_train_loss"), "final_val_loss": s.get("final_val_loss"),
        "best_val_loss": s.get("best_val_loss"), "best_step": s.get("best_step"),
        "readiness": readiness(run, files), "has_best": files.best_adapter.is_file(),
        "legacy": run["legacy"], "lora": lora_summary(config),
        "method": config.get("training_method") if run["kind"] == "enhanced" else "sft",
    }


def metric_history(store: RunStore, run_id: str) -> dict[str, list[dict[str, Any]]]:
    train, val = [], []
    for ev in store.run_events(run_id, ("training_progress", "training_val")):
        d = ev["data"]
        if ev["type"] == "training_progress":
            train.append({k: d.get(k) for k in ("step", "train_loss", "learning_rate", "tokens_per_sec",
                                                  "step_time", "peak_mem_gb", "trained_tokens",
                                                  "reward", "reward_std", "kl") if k in d})
        else:
            val.append({"step": d.get("step"), "val_loss": d.get("val_loss")})
    return {"train": train, "val": val}


def detail(store: RunStore, run: dict[str, Any], files: RunFiles, model_name: str | None = None) -> dict[str, Any]:
    return {
        **summarize(run, files, model_name),
        "last_progress": run["summary"].get("last_progress"),
        "last_checkpoint_step": run["summary"].get("last_checkpoint_step"),
        "config": run["config"],
        "yaml": files.config_yaml.read_text() if files.config_yaml.is_file() else None,
        "adapter_files": files.adapter_files(),
        "history": metric_history(store, run["id"]),
        "evaluations": store.list_evaluations(run["id"]),
        "lora_targets": run["summary"].get("lora_targets"),
        "warnings": run["summary"].get("warnings", []),
        "data": run["summary"].get("data"),
        "exports": store.list_exports(run["id"]),
        "memory": {"estimate": run["summary"].get("memory_estimate"),
                   "measured_peak_bytes": (int(run["summary"]["peak_mem_gb"] * 1e9)
                                           if run["summary"].get("peak_mem_gb") is not None else None)},
    }


def find(store: RunStore, runs_dir: Path, run_id: str) -> tuple[dict[str, Any], RunFiles]:
    """The run and its files, or a 422 (not a run id) / 404 (no such run)."""
    try:
        files = RunFiles.for_run(runs_dir, run_id)
    except ValueError as exc:
        raise StudioError(422, str(exc)) from exc
    run = store.find_run(run_id)
    if run is None:
        raise StudioError(404, f"No session {run_id}")
    return run, files


def load(store: RunStore, hub: EventHub, run: dict[str, Any], files: RunFiles) -> None:
    """Make the run the current session (Compare's adapter); one without adapter files cannot be."""
    if readiness(run, files) == "missing_files":
        raise StudioError(409, "This session has no adapter files on disk (the run saved none, or they "
                               "were removed), so it cannot be loaded")
    run_id = run["id"]
    store.set_state(LOADED_KEY, run_id)
    hub.publish("session_loaded", run_id, {"session_id": run_id})


def loaded_session_id(store: RunStore) -> str | None:
    run_id = store.get_state(LOADED_KEY)
    return run_id if run_id and store.find_run(run_id) else None


def delete(store: RunStore, run: dict[str, Any], files: RunFiles) -> None:
    if run["state"] in ACTIVE_STATES:
        raise StudioError(409, "This run is active; stop it before deleting it")
    shutil.rmtree(files.root, ignore_errors=True)
    store.delete_run(run["id"])
    if store.get_state(LOADED_KEY) == run["id"]:
        store.set_state(LOADED_KEY, None)
