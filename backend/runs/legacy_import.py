"""Import the older app's sessions: every item is planned and checked first, then all are written, or none.

The older app's format (see the README, "Importing sessions of the older app"): `session_<uuid4>.json`
with `session_id`, `timestamp`, `training_state`, `config`, `metrics`, `adapter_path` (the FILE
`<output_dir>/<adapter_name>/adapters.safetensors`: its folder is the adapter) and `best_model`.
Structure errors make the whole import a 422; values that do not fit our configs fall back to defaults
with a warning. A session_id imported before returns the existing session.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from backend.errors import FieldErrors, StudioError, field_error
from backend.runs.layout import CHECKPOINT_RE, RunFiles, new_run_id
from backend.runs.legacy_config import (
    adapter_folder,
    adapter_lora,
    map_config,
    slug,
    timestamp,
)
from backend.runs.store import RunStore
from backend.schemas.legacy import (
    ImportedSession,
    ImportResult,
    LegacyFolder,
    LegacySession,
)

log = logging.getLogger("lora_studio.legacy_import")

STATES = {"completed": "completed", "complete": "completed", "finished": "completed", "done": "completed",
          "stopped": "stopped", "cancelled": "stopped", "canceled": "stopped", "paused": "stopped",
          "idle": "stopped", "error": "error", "failed": "error", "running": "error", "training": "error",
          "interrupted": "error"}
ADAPTER_FILES = ("adapter_config.json", "adapters.safetensors", "best_adapters.safetensors")
SESSION_FILE_RE = re.compile(r"^session_.+\.json$")
MAX_SESSION_FILE = 4 * 1024 * 1024
_import_lock = threading.Lock()


@dataclass
class Plan:
    """Everything one session will become, decided before anything is written."""

    legacy_id: str | None
    kind: str
    name: str
    config: dict[str, Any]
    state: str
    created_at: float
    steps: int
    total_steps: int
    summary: dict[str, Any]
    copies: list[tuple[Path, str]] = field(default_factory=list)  # (source file, name in adapters/)
    warnings: list[str] = field(default_factory=list)
    existing: str | None = None  # run id of an earlier import of the same session_id
    duplicate_of: int | None = None  # index of the same session_id earlier in this payload
    note: str | None = None


# -- reading the payload ---------------------------------------------------------------------------
def read_folder(folder: LegacyFolder) -> tuple[list[LegacySession], str | None, list[str]]:
    """The folder's `session_*.json` files (sorted by name), latest.json's session id, the file names."""
    def bad(msg: str) -> FieldErrors:
        return FieldErrors.one(["body", "path"], msg)

    if "\x00" in folder.path:
        raise bad("the path contains a NUL byte")
    root = Path(folder.path).expanduser()
    try:
        if not root.exists():
            raise bad(f"{root} does not exist")
        if not root.is_dir():
            raise bad(f"{root} is not a directory (give the older app's sessions folder)")
        files = sorted(p for p in root.iterdir() if SESSION_FILE_RE.match(p.name) and p.is_file())
    except OSError as exc:
        raise bad(f"{root} cannot be read: {exc.strerror or exc}") from exc
    if not files:
        raise bad(f"{root} holds no session_*.json files")
    sessions, errors = [], []
    for f in files:
        try:
            if f.stat().st_size > MAX_SESSION_FILE:
                raise ValueError(f"over {MAX_SESSION_FILE // (1024 * 1024)} MiB")
            sessions.append(LegacySession.model_validate_json(f.read_bytes()))
        except ValidationError as exc:
            errors += [field_error(["body", "path", f.name, *e["loc"]], f"not a session file: {e['msg']}")
                       for e in exc.errors()]
        except (OSError, ValueError) as exc:
            errors.append(field_error(["body", "path", f.name], f"not a session file: {exc}"))
    if errors:
        raise FieldErrors(errors)
    latest = None
    try:
        latest_raw = json.loads((root / "latest.json").read_text())
        latest = latest_raw.get("latest_session_id") if isinstance(latest_raw, dict) else None
    except (OSError, ValueError):
        pass
    return sessions, latest if isinstance(latest, str) else None, [f.name for f in files]


# -- planning one session --------------------------------------------------------------------------
def plan_session(item: LegacySession, where: list[Any]) -> Plan:
    warnings: list[str] = []
    extra = sorted(item.model_extra or {})
    if extra:
        warnings.append(f"ignored unknown session fields: {', '.join(extra)}")
    raw_config = item.config if item.config is not None else (item.training_config or {})
    folder, notes = adapter_folder(item.adapter_path, [*where, "adapter_path"])
    warnings += notes
    lora = adapter_lora(folder, [*where, "adapter_path"]) if folder else {}
    if "note" in lora:
        warnings.append(lora["note"])
    fallback_name = slug(folder.name if folder else item.name, "legacy")
    try:
        kind, config, extras = map_config(raw_config, lora, fallback_name, warnings)
    except ValueError as exc:
        raise FieldErrors.one([*where, "config"], str(exc)) from exc
    copies = [(p, p.name) for p in sorted(folder.iterdir()) if p.is_file()
              and (p.name in ADAPTER_FILES or CHECKPOINT_RE.match(p.name))] if folder else []
    metrics, best = item.metrics, item.best_model
    summary: dict[str, Any] = {"legacy_source": item.legacy_id, "warnings": warnings, **extras}
    if metrics:
        summary.update({k: v for k, v in (("final_train_loss", metrics.train_loss),
                                          ("final_val_loss", metrics.val_loss)) if v is not None})
    if best:
        summary.update({k: v for k, v in (("best_val_loss", best.val_loss), ("best_step", best.step))
                        if v is not None})
        copies += _best_copy(best.path, folder, copies, warnings)
    if "keys" in lora:
        summary["lora_targets"] = {"keys": lora["keys"], "resolved_keys": lora["keys"], "warnings": [],
                                   "fallback": False, "trainable_parameters": None, "architecture": None}
    has_adapter = {"adapter_config.json", "adapters.safetensors"} <= {name for _, name in copies}
    state_raw = (item.training_state or item.status or "").lower()
    state = STATES.get(state_raw) or ("completed" if has_adapter else "stopped")
    if state_raw and state_raw not in STATES:
        warnings.append(f"training_state {state_raw!r} unknown: imported as {state}")
    if state == "error":
        summary["legacy_error"] = ("interrupted: the older app saved it while it was still running"
                                   if state_raw in ("running", "training") else "failed in the older app")
    total = (metrics.total_steps if metrics and metrics.total_steps else None) or int(config.get("iterations", 0))
    return Plan(legacy_id=item.legacy_id, kind=kind, name=slug(item.name, config["adapter_name"]), config=config,
                state=state, created_at=timestamp(item.timestamp, item.created_at, metrics and metrics.start_time),
                steps=max(0, metrics.current_step or 0) if metrics else 0, total_steps=total, summary=summary,
                copies=copies, warnings=warnings)


def _best_copy(path: str | None, folder: Path | None, copies: list[tuple[Path, str]],
               warnings: list[str]) -> list[tuple[Path, str]]:
    """best_model.path → best_adapters.safetensors, unless the adapter folder already has one."""
    if any(name == "best_adapters.safetensors" for _, name in copies) or not path:
        return []
    try:
        best = Path(path).expanduser() if "\x00" not in path else None
        usable = best is not None and best.name.endswith(".safetensors") and best.is_file()
    except OSError:
        usable = False
    if not usable:
        warnings.append(f"best_model.path {path} is not an adapter weights file: the best checkpoint is not available")
        return []
    if folder is None:
        warnings.append("best_model.path given without an adapter folder: the best checkpoint is not available")
        return []
    return [(best, "best_adapters.safetensors")]  # type: ignore[list-item]


# -- the whole import ------------------------------------------------------------------------------
def already_imported(store: RunStore) -> dict[str, str]:
    """legacy session_id → run id of every earlier import."""
    return {r["summary"]["legacy_source"]: r["id"] for r in reversed(store.list_runs())
            if r["legacy"] and isinstance(r["summary"].get("legacy_source"), str)}


def plan_all(store: RunStore, items: list[LegacySession], locs: list[list[Any]] | None = None) -> list[Plan]:
    """Every session planned and checked; any bad item makes the whole import a 422 naming all of them."""
    known = already_imported(store)
    plans: list[Plan] = []
    errors: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        try:
            plan = plan_session(item, locs[i] if locs else ["body", i])
        except FieldErrors as exc:
            errors += exc.errors
            continue
        sid = plan.legacy_id
        if sid and sid in known:
            plan.existing, plan.note = known[sid], f"session {sid} was imported before: the existing session is returned"
        elif sid and sid in seen:
            plan.duplicate_of, plan.note = seen[sid], f"session {sid} appears twice in this import: imported once"
        elif sid:
            seen[sid] = len(plans)
        plans.append(plan)
    if errors:
        raise FieldErrors(errors)
    return plans


def _write(runs_dir: Path, store: RunStore, plan: Plan, created: list[str]) -> str:
    while True:
        run_id = new_run_id(plan.config["adapter_name"])
        files = RunFiles.for_run(runs_dir, run_id)
        if not files.root.exists():
            break
    staging = runs_dir / f".import-{secrets.token_hex(6)}"
    try:
        (staging / "adapters").mkdir(parents=True)
        for source, name in plan.copies:
            shutil.copy2(source, staging / "adapters" / name)
        staging.rename(files.root)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    created.append(run_id)
    store.create_run({
        "id": run_id, "kind": plan.kind, "name": plan.name, "model_path": plan.config["model_path"],
        "adapter_name": plan.config["adapter_name"], "state": plan.state, "config": plan.config,
        "created_at": plan.created_at, "legacy": True, "steps_completed": plan.steps,
        "total_steps": plan.total_steps, "summary": plan.summary, "error": plan.summary.get("legacy_error"),
    })
    return run_id


def import_sessions(store: RunStore, runs_dir: Path, items: list[LegacySession],
                    latest_id: str | None = None, locs: list[list[Any]] | None = None) -> ImportResult:
    if not items:
        raise FieldErrors.one(["body"], "no sessions to import")
    with _import_lock:  # two imports of the same session_id at once still make one session
        return _import_locked(store, runs_dir, items, latest_id, locs)


def _import_locked(store: RunStore, runs_dir: Path, items: list[LegacySession], latest_id: str | None,
                   locs: list[list[Any]] | None) -> ImportResult:
    plans = plan_all(store, items, locs)
    created: list[str] = []
    run_ids: list[str] = []
    try:
        for plan in plans:
            if plan.duplicate_of is not None:
                run_ids.append(run_ids[plan.duplicate_of])
            else:
                run_ids.append(plan.existing or _write(runs_dir, store, plan, created))
    except BaseException as exc:
        for run_id in created:  # all or nothing
            shutil.rmtree(runs_dir / run_id, ignore_errors=True)
            store.delete_run(run_id)
        if isinstance(exc, OSError):
            raise StudioError(422, f"nothing imported: copying the adapter files failed ({exc})") from exc
        raise
    sessions = [ImportedSession(run_id=run_id, session_id=p.legacy_id, kind=p.kind,
                                status="imported" if p.existing is None and p.duplicate_of is None else "existing",
                                warnings=p.warnings if p.existing is None and p.duplicate_of is None else [],
                                note=p.note)
                for p, run_id in zip(plans, run_ids)]
    for s in sessions:
        for w in s.warnings:
            log.warning("legacy session %s: %s", s.run_id, w)
    flat = [f"{s.run_id}: {m}" for s in sessions for m in ([s.note] if s.note else []) + s.warnings]
    by_legacy = {p.legacy_id: run_id for p, run_id in zip(plans, run_ids) if p.legacy_id}
    return ImportResult(imported=run_ids, sessions=sessions, warnings=flat, latest=by_legacy.get(latest_id))


def import_body(store: RunStore, runs_dir: Path, body: LegacyFolder | LegacySession | list[LegacySession]
                ) -> ImportResult:
    if isinstance(body, LegacyFolder):
        items, latest, names = read_folder(body)
        return import_sessions(store, runs_dir, items, latest, [["body", "path", n] for n in names])
    if isinstance(body, list):  # error locations as pydantic writes them for this body
        return import_sessions(store, runs_dir, body, locs=[["body", "sessions", i] for i in range(len(body))])
    return import_sessions(store, runs_dir, [body], locs=[["body", "session"]])
