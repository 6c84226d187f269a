"""GRPO after SFT: an Enhanced run that starts from a session's adapter instead of a fresh LoRA.

The session's adapter decides the LoRA shape (keys, rank, alpha/scale, coverage, LoRA or DoRA), so
its weights load into identical layers; the run's own config keeps everything else (dropout too).
The runner loads the adapter as its starting weights (`resume_adapter_file` at step 0).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from backend.errors import FieldErrors
from backend.training.jobs import JobManager

FIELD = "start_from_session_id"


def _refuse(msg: str) -> FieldErrors:
    return FieldErrors.one(["body", FIELD], msg)


def session_adapter(jobs: JobManager, session_id: str, model_path: str) -> dict[str, Any]:
    """The session's adapter file and LoRA shape; 422 naming the field when it cannot be used."""
    run = jobs.store.find_run(session_id)
    if run is None:
        raise _refuse(f"No session {session_id}")
    try:
        files = jobs.files(session_id)
    except ValueError as exc:
        raise _refuse(str(exc)) from exc
    adapter_file, config_file = files.final_adapter, files.adapters / "adapter_config.json"
    if not (adapter_file.is_file() and config_file.is_file()):
        raise _refuse(f"Session {session_id} has no adapter yet (state {run['state']})")
    if Path(run["model_path"]).resolve() != Path(model_path).resolve():
        raise _refuse(f"Session {session_id} adapted {run['model_path']}, not {model_path}: an adapter only "
                      "fits the model it was trained on")
    saved = json.loads(config_file.read_text(encoding="utf-8"))
    params = saved.get("lora_parameters") or {}
    if saved.get("fine_tune_type", "lora") not in ("lora", "dora") or "rank" not in params:
        raise _refuse(f"Session {session_id}'s adapter is not a LoRA/DoRA adapter")
    rank = int(params["rank"])
    alpha = float(params.get("alpha") or float(params.get("scale", 1.0)) * rank)
    return {"file": str(adapter_file), "keys": params.get("keys"), "rank": rank, "alpha": alpha,
            "num_layers": int(saved.get("num_layers", -1)), "fine_tune_type": saved.get("fine_tune_type", "lora")}


def apply_session_adapter(config, adapter: dict[str, Any]):
    """The config with the adapter's LoRA shape (what the run's record and YAML then show)."""
    return config.model_copy(update={"lora_rank": adapter["rank"], "lora_alpha": adapter["alpha"],
                                     "lora_num_layers": adapter["num_layers"],
                                     "fine_tune_type": adapter["fine_tune_type"]})
