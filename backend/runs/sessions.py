"""Sessions: a session is a run. Summaries, details, loading, deletion and legacy import."""

from __future__ import annotations

import json
import logging
import shutil
import time
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from backend.runs.events import EventHub
from backend.runs.layout import ACTIVE_STATES, RunFiles, new_run_id, readiness
from backend.runs.store import RunStore
from backend.schemas.training import TrainingConfig

log = logging.getLogger("lora_studio.sessions")
LOADED_KEY = "loaded_session"
LORA_FIELDS = ("lora_rank", "lora_alpha", "lora_dropout", "lora_num_layers", "fine_tune_type")


def lora_summary(config: dict[str, Any]) -> dict[str, Any]:
    defaults = TrainingConfig.model_fields
    get = lambda k: config.get(k, defaults[k].default)  # noqa: E731
    rank, alpha = get("lora_rank"), get("lora_alpha")
    return {"rank": rank, "alpha": alpha, "dropout": get("lora_dropout"),
            "num_layers": get("lora_num_layers"), "scale": alpha / rank if rank else None,
            "fine_tune_type": get("fine_tune_type")}


def summarize(run: dict[str, Any], files: RunFiles) -> dict[str, Any]:
    s, config = run["summary"], run["config"]
    return {
        "id": run["id"], "kind": run["kind"], "name": run["name"],
        "model_name": Path(run["model_path"]).name, "model_path": run["model_path"],
        "adapter_name": run["adapter_name"], "state": run["state"], "error": run["error"],
        "created_at": run["created_at"], "updated_at": run["updated_at"],
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
                                                  "reward", "reward_std", "kl") if k in d})
        else:
            val.append({"step": d.get("step"), "val_loss": d.get("val_loss")})
    return {"train": train, "val": val}


def detail(store: RunStore, run: dict[str, Any], files: RunFiles) -> dict[str, Any]:
    return {
        **summarize(run, files),
        "config": run["config"],
        "yaml": files.config_yaml.read_text() if files.config_yaml.is_file() else None,
        "adapter_files": files.adapter_files(),
        "history": metric_history(store, run["id"]),
        "evaluations": store.list_evaluations(run["id"]),
        "lora_targets": run["summary"].get("lora_targets"),
        "warnings": run["summary"].get("warnings", []),
        "data": run["summary"].get("data"),
        "memory": {"estimate": run["summary"].get("memory_estimate"),
                   "measured_peak_bytes": (int(run["summary"]["peak_mem_gb"] * 1e9)
                                           if run["summary"].get("peak_mem_gb") is not None else None)},
    }


def load(store: RunStore, hub: EventHub, run_id: str) -> None:
    store.set_state(LOADED_KEY, run_id)
    hub.publish("session_loaded", run_id, {"session_id": run_id})


def loaded_session_id(store: RunStore) -> str | None:
    run_id = store.get_state(LOADED_KEY)
    return run_id if run_id and store.find_run(run_id) else None


def delete(store: RunStore, run: dict[str, Any], files: RunFiles) -> None:
    if run["state"] in ACTIVE_STATES:
        raise PermissionError("This run is active; stop it before deleting it")
    shutil.rmtree(files.root, ignore_errors=True)
    store.delete_run(run["id"])
    if store.get_state(LOADED_KEY) == run["id"]:
        store.set_state(LOADED_KEY, None)


# -- legacy import -------------------------------------------------------------------------------
LEGACY_STATES = {"completed": "completed", "complete": "completed", "finished": "completed",
                 "done": "completed", "stopped": "stopped", "cancelled": "stopped",
                 "failed": "error", "error": "error", "running": "error", "interrupted": "error"}
LEGACY_TOP_LEVEL = {"id", "session_id", "config", "training_config", "status", "state", "created_at",
                    "timestamp", "start_time", "adapter_path", "model_name", "metrics", "name",
                    "final_train_loss", "final_val_loss", "best_val_loss", "steps_completed",
                    "current_step", "total_steps", "kind", "training_type"}


def coerce_legacy_config(raw: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Known fields kept, unknown ones ignored with a warning, invalid ones replaced by defaults."""
    warnings: list[str] = []
    known = set(TrainingConfig.model_fields)
    values = {k: v for k, v in raw.items() if k in known}
    ignored = sorted(k for k in raw if k not in known)
    if ignored:
        warnings.append(f"ignored unknown config fields: {', '.join(ignored)}")
    missing_lora = [k for k in LORA_FIELDS if k not in values]
    if missing_lora:
        warnings.append(f"LoRA fields defaulted: {', '.join(missing_lora)}")
    for required in ("model_path", "train_data_path"):
        if not isinstance(values.get(required), str) or not values[required]:
            values[required] = "unknown"
            warnings.append(f"{required} missing in the legacy session")
    for _ in range(len(values) + 1):
        try:
            return TrainingConfig.model_validate(values).model_dump(), warnings
        except ValidationError as exc:
            bad = {str(e["loc"][0]) for e in exc.errors() if e["loc"]}
            for name in bad:
                warnings.append(f"invalid {name}={values.get(name)!r} replaced by the default")
                values.pop(name, None)
    raise ValueError("legacy config could not be read")


def import_legacy(store: RunStore, runs_dir: Path, raw: dict[str, Any]) -> tuple[str, list[str]]:
    if not isinstance(raw, dict):
        raise ValueError("a legacy session must be a JSON object")
    config_raw = raw.get("config") or raw.get("training_config") or {}
    if not isinstance(config_raw, dict):
        raise ValueError("the legacy session's config is not an object")
    config, warnings = coerce_legacy_config(config_raw)
    extra = sorted(k for k in raw if k not in LEGACY_TOP_LEVEL)
    if extra:
        warnings.append(f"ignored unknown session fields: {', '.join(extra)}")
    run_id = new_run_id(config["adapter_name"])
    files = RunFiles.for_run(runs_dir, run_id)
    files.adapters.mkdir(parents=True)
    source = raw.get("adapter_path")
    if isinstance(source, str) and Path(source).expanduser().is_dir():
        for f in Path(source).expanduser().iterdir():
            if f.is_file() and (f.suffix in (".safetensors", ".json")):
                shutil.copy2(f, files.adapters / f.name)
    elif source:
        warnings.append(f"adapter files not found at {source}")
    metrics = raw.get("metrics") if isinstance(raw.get("metrics"), dict) else {}
    state = LEGACY_STATES.get(str(raw.get("status") or raw.get("state") or "").lower())
    state = state or ("completed" if files.has_adapter() else "stopped")
    created = raw.get("created_at") or raw.get("timestamp") or raw.get("start_time")
    summary = {"legacy_source": raw.get("session_id") or raw.get("id"), "warnings": warnings}
    for key in ("final_train_loss", "final_val_loss", "best_val_loss"):
        value = raw.get(key, metrics.get(key))
        if isinstance(value, (int, float)):
            summary[key] = value
    steps = raw.get("steps_completed") or raw.get("current_step") or metrics.get("steps_completed") or 0
    kind = "enhanced" if str(raw.get("kind") or raw.get("training_type") or "").lower() in (
        "enhanced", "grpo", "gspo", "dr_grpo") else "sft"
    store.create_run({
        "id": run_id, "kind": kind, "name": raw.get("name") or config["adapter_name"],
        "model_path": config["model_path"], "adapter_name": config["adapter_name"], "state": state,
        "config": config, "created_at": _timestamp(created), "legacy": True,
        "steps_completed": int(steps) if isinstance(steps, (int, float)) else 0,
        "total_steps": int(config.get("iterations", 0)), "summary": summary,
    })
    for w in warnings:
        log.warning("legacy session %s: %s", run_id, w)
    return run_id, warnings


def _timestamp(value: Any) -> float:
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        from datetime import datetime
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
        except ValueError:
            pass
    return time.time()


def parse_import_body(body: Any) -> list[dict[str, Any]]:
    if isinstance(body, list):
        return body
    if isinstance(body, dict) and isinstance(body.get("sessions"), list):
        return body["sessions"]
    if isinstance(body, (str, bytes)):
        return parse_import_body(json.loads(body))
    return [body]
