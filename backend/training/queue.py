"""The persistent run queue: SFT and GRPO-family configs that start one after another.

Items live in SQLite (`queue_items`), so the queue outlives the server. One worker thread starts
the first queued item whenever no run is active (unified memory: one run at a time), marks the item
done, failed or cancelled when its run ends, and goes on: a failed item never stops the queue. An
item that was running when the server went down is failed as interrupted (its run can be resumed
from its session) and the queue continues. Every change publishes `queue_updated` with the items.
Adding an item validates it like a start (model, coverage, data, recipe) so a bad config is a 422
at once, not when its turn comes.
"""

from __future__ import annotations

import logging
import secrets
import tempfile
import threading
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from backend.errors import FieldErrors, StudioError, field_error
from backend.runs.events import EventHub
from backend.runs.layout import ACTIVE_STATES
from backend.runs.store import RunStore
from backend.schemas.enhanced import EnhancedTrainingConfig
from backend.schemas.training import TrainingConfig
from backend.settings import Settings
from backend.training.jobs import JobManager

log = logging.getLogger("lora_studio.queue")

CONFIGS: dict[str, type[BaseModel]] = {"sft": TrainingConfig, "enhanced": EnhancedTrainingConfig}
OPEN_STATES = ("queued", "running")
RUN_OUTCOME = {"completed": "done", "stopped": "cancelled", "error": "failed"}
POLL_SECONDS = 0.5


def parse_config(kind: str, config: dict[str, Any]):
    """The typed config, or a 422 whose locations point into the request's `config`."""
    try:
        return CONFIGS[kind].model_validate(config)
    except ValidationError as exc:
        raise FieldErrors([field_error(["body", "config", *e["loc"]], e["msg"], e["type"])
                           for e in exc.errors(include_url=False, include_context=False)]) from exc


def check_start(jobs: JobManager, kind: str, config) -> None:
    """Everything a start checks, without starting: model, coverage, distributed, rewards, data, recipe."""
    from backend.runs.layout import RunFiles
    from backend.training import launch

    entry = launch.resolve_model(jobs.catalog, config.model_path)
    launch.check_coverage(entry, config.lora_num_layers)
    launch.check_distributed(config.distributed)
    if kind == "enhanced":
        launch.check_rewards(config)
        launch.attention_only_keys(Path(entry["path"]))
    with tempfile.TemporaryDirectory(prefix="queue-check-") as tmp:
        files = RunFiles.for_run(Path(tmp), "check")
        files.root.mkdir(parents=True)
        data = launch.prepare_data(config, files, "grpo" if kind == "enhanced" else "sft")
        launch.resolve_recipe(config, data["train_rows"], {})


def summary(kind: str, config: dict[str, Any]) -> dict[str, Any]:
    """What a queue row shows about its config."""
    keys = ("adapter_name", "model_path", "train_data_path", "iterations", "epochs", "learning_rate",
            "batch_size", "training_method", "lr_schedule", "optimizer")
    return {k: config.get(k) for k in keys if config.get(k) is not None} | {"kind": kind}


class RunQueue:
    def __init__(self, settings: Settings, store: RunStore, hub: EventHub, jobs: JobManager):
        self.settings, self.store, self.hub, self.jobs = settings, store, hub, jobs
        self._lock = threading.RLock()
        self._wake = threading.Event()
        self._halt = threading.Event()
        self._thread: threading.Thread | None = None

    # -- requests -------------------------------------------------------------------------------
    def add(self, kind: str, raw_config: dict[str, Any]) -> dict[str, Any]:
        """Stores the body's config as given (re-validated when its turn comes)."""
        config = parse_config(kind, raw_config)
        try:
            check_start(self.jobs, kind, config)
        except StudioError as exc:
            raise _inside_config(exc) from exc
        with self._lock:
            item = self.store.create_queue_item(f"q-{secrets.token_hex(6)}", kind, raw_config)
        self._changed()
        return self.public(item["id"])

    def items(self) -> list[dict[str, Any]]:
        """The running item, then the queued ones in order, then finished ones (latest first)."""
        group = {"running": 0, "queued": 1}
        rows = sorted(self.store.list_queue_items(),
                      key=lambda r: (group.get(r["state"], 2), r["position"] if r["state"] in group else -r["updated_at"]))
        rank = {row["id"]: i for i, row in enumerate(r for r in rows if r["state"] == "queued")}
        return [self._public(row, rank.get(row["id"])) for row in rows]

    def public(self, item_id: str) -> dict[str, Any]:
        for item in self.items():
            if item["queue_id"] == item_id:
                return item
        raise StudioError(404, f"No queue item {item_id}")

    def move(self, item_id: str, position: int) -> dict[str, Any]:
        with self._lock:
            item = self._queued(item_id)
            order = [r["id"] for r in self.store.list_queue_items(states=["queued"]) if r["id"] != item["id"]]
            order.insert(min(position, len(order) + 1) - 1, item["id"])
            self.store.reorder_queue(order)
        self._changed()
        return self.public(item_id)

    def cancel(self, item_id: str) -> dict[str, Any]:
        with self._lock:
            self._queued(item_id)
            self.store.update_queue_item(item_id, state="cancelled")
        self._changed()
        return self.public(item_id)

    def _queued(self, item_id: str) -> dict[str, Any]:
        item = self.store.get_queue_item(item_id)
        if item is None:
            raise StudioError(404, f"No queue item {item_id}")
        if item["state"] != "queued":
            raise StudioError(409, f"Queue item {item_id} is {item['state']}; only queued items can be "
                                   "moved or cancelled (stop a running one from the Training tab)")
        return item

    # -- the worker -----------------------------------------------------------------------------
    def start(self) -> None:
        self._fail_interrupted()
        self._halt.clear()
        self._thread = threading.Thread(target=self._loop, name="run-queue", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Before the job manager shuts down, so a run it kills never lets the next item start."""
        self._halt.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def _loop(self) -> None:
        while not self._halt.is_set():
            try:
                self.tick()
            except Exception:  # noqa: BLE001 - the worker must outlive any one bad item
                log.exception("queue worker")
            self._wake.wait(POLL_SECONDS)
            self._wake.clear()

    def tick(self) -> None:
        """One pass: settle the running item if its run ended, then start the next if nothing runs."""
        with self._lock:
            changed = self._settle_running()
            if self.jobs.active_run_id is None and not self._halt.is_set():
                changed |= self._start_next()
        if changed:
            self._publish()

    def _settle_running(self) -> bool:
        changed = False
        for item in self.store.list_queue_items(states=["running"]):
            run = self.store.find_run(item["run_id"]) if item["run_id"] else None
            if run is None:
                self.store.update_queue_item(item["id"], state="failed", error="its run no longer exists")
            elif run["state"] in ACTIVE_STATES:
                continue
            else:
                state = RUN_OUTCOME.get(run["state"], "failed")
                self.store.update_queue_item(item["id"], state=state, error=run["error"] if state == "failed" else None)
            changed = True
        return changed

    def _start_next(self) -> bool:
        from backend.training.launch import start_enhanced, start_sft

        queued = self.store.list_queue_items(states=["queued"])
        if not queued or self.store.list_queue_items(states=["running"]):
            return False
        item = queued[0]
        try:
            config = parse_config(item["kind"], item["config"])
            start = start_sft if item["kind"] == "sft" else start_enhanced
            started = start(self.jobs, self.settings, config)
        except StudioError as exc:
            if exc.status == 409:
                return False  # a run started elsewhere meanwhile: try again when it ends
            self.store.update_queue_item(item["id"], state="failed", error=_message(exc.detail))
            return True
        self.store.update_queue_item(item["id"], state="running", run_id=started["run_id"])
        return True

    def _fail_interrupted(self) -> None:
        """At server start: an item whose run was cut by the restart is failed; the queue goes on."""
        for item in self.store.list_queue_items(states=["running"]):
            run = self.store.find_run(item["run_id"]) if item["run_id"] else None
            if run is None or run["state"] not in ("completed",):
                self.store.update_queue_item(
                    item["id"], state="failed",
                    error="interrupted: the server stopped during this run; resume it from its session")
            else:
                self.store.update_queue_item(item["id"], state="done")

    def _changed(self) -> None:
        self._publish()
        self._wake.set()

    def _publish(self) -> None:
        self.hub.publish("queue_updated", None, {"items": self.items()})

    @staticmethod
    def _public(row: dict[str, Any], rank: int | None) -> dict[str, Any]:
        return {"queue_id": row["id"], "kind": row["kind"], "position": None if rank is None else rank + 1,
                "state": row["state"], "run_id": row["run_id"], "error": row["error"],
                "created_at": row["created_at"], "updated_at": row["updated_at"],
                "summary": summary(row["kind"], row["config"]), "config": row["config"]}


def _inside_config(exc: StudioError) -> StudioError:
    """A start check's field errors point at the body's fields; here those live under `config`."""
    if not isinstance(exc.detail, list):
        return exc
    return StudioError(exc.status, [{**e, "loc": ["body", "config", *e.get("loc", [])[1:]]} for e in exc.detail])


def _message(detail: Any) -> str:
    if isinstance(detail, str):
        return detail
    if isinstance(detail, list):
        return "; ".join(f"{'.'.join(str(p) for p in d.get('loc', [])[1:])}: {d.get('msg')}" for d in detail)
    if isinstance(detail, dict):
        return str(detail.get("message") or detail)
    return str(detail)
