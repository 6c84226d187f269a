"""JobManager: one active training run at a time, each a runner subprocess in its own process group.

States: starting → running → completed | stopped | error. Everything a run needs is validated and
written (data copy, YAML) before the process starts, so bad input changes nothing. Stop sends SIGTERM
to the group (the runner saves and exits), then SIGKILL after a grace period. A server restart marks
runs that were active as `error` (interrupted); they can be resumed from their last checkpoint.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, Callable

from backend.services.catalog import ModelCatalog
from backend.services.events import EventHub
from backend.services.run_files import ACTIVE_STATES, RunFiles, new_run_id
from backend.services.run_monitor import RunMonitor
from backend.services.store import RunStore
from backend.settings import Settings

log = logging.getLogger("lora_studio.jobs")
SCRIPTS_DIR = Path(__file__).resolve().parents[2] / "scripts"


class JobError(Exception):
    """A request the manager refuses; `status` is the HTTP status to answer with."""

    def __init__(self, status: int, detail: Any):
        super().__init__(str(detail))
        self.status, self.detail = status, detail


class JobManager:
    def __init__(self, settings: Settings, store: RunStore, hub: EventHub, catalog: ModelCatalog):
        self.settings, self.store, self.hub, self.catalog = settings, store, hub, catalog
        self._lock = threading.RLock()
        self._monitor: RunMonitor | None = None
        self._last_run_id: str | None = None
        self._kill_timer: threading.Timer | None = None

    # -- queries ------------------------------------------------------------------------------
    @property
    def active_run_id(self) -> str | None:
        with self._lock:
            return self._monitor.run_id if self._monitor else None

    def files(self, run_id: str) -> RunFiles:
        return RunFiles.for_run(self.settings.runs_dir, run_id)

    def status(self) -> dict[str, Any]:
        with self._lock:
            monitor = self._monitor
            run_id = monitor.run_id if monitor else self._last_run_id
        if run_id is None:
            runs = self.store.list_runs()
            run_id = runs[0]["id"] if runs else None
        run = self.store.find_run(run_id) if run_id else None
        if run is None:
            return {"state": "idle", "run_id": None, "kind": None, "config": None, "metrics": {},
                    "error": None, "started_at": None}
        summary = run["summary"]
        metrics = {
            "step": run["steps_completed"], "total_steps": run["total_steps"],
            "train_loss": summary.get("final_train_loss"), "val_loss": summary.get("final_val_loss"),
            "best_val_loss": summary.get("best_val_loss"), "best_step": summary.get("best_step"),
        }
        if monitor is not None and monitor.run_id == run_id:
            metrics.update({k: v for k, v in monitor.metrics.items() if v is not None})
            metrics["step"] = run["steps_completed"]
        return {"state": run["state"], "run_id": run_id, "kind": run["kind"], "config": run["config"],
                "metrics": metrics, "error": run["error"], "started_at": run["created_at"],
                "lora_targets": summary.get("lora_targets")}

    # -- lifecycle ----------------------------------------------------------------------------
    def launch(self, *, kind: str, config: dict[str, Any], prepare: Callable[[str, RunFiles], dict],
               script: str, name: str) -> dict[str, Any]:
        """Create a run, let `prepare` write its data and YAML, then start the runner.

        `prepare(run_id, files)` validates and writes everything; it raises JobError (or
        DatasetError) before anything is recorded, and returns the start response extras.
        """
        with self._lock:
            self._refuse_if_active()
            run_id = new_run_id(name)
            files = self.files(run_id)
            files.root.mkdir(parents=True, exist_ok=False)
            try:
                extras = prepare(run_id, files)
            except BaseException:
                shutil.rmtree(files.root, ignore_errors=True)
                raise
            self.store.create_run({
                "id": run_id, "kind": kind, "name": name, "model_path": config["model_path"],
                "adapter_name": config["adapter_name"], "state": "starting", "config": config,
                "total_steps": int(config.get("iterations", 0)),
                "summary": {k: extras[k] for k in ("lora_targets", "data", "warnings", "yaml_path") if k in extras},
            })
            self._start_process(run_id, files, script, extras)
            return {"run_id": run_id, "config": config, **extras}

    def resume(self, run_id: str, rewrite_yaml: Callable[[dict, RunFiles, str, int], Path],
               script: str) -> dict[str, Any]:
        with self._lock:
            self._refuse_if_active()
            run = self.store.find_run(run_id)
            if run is None:
                raise JobError(404, f"No session {run_id}")
            if run["state"] == "completed":
                raise JobError(409, "This run completed; start a new run to train further")
            files = self.files(run_id)
            last = files.last_checkpoint()
            if last is None:
                raise JobError(409, "No checkpoint to resume from: the run stopped before its first save")
            step, ckpt = last
            yaml_path = rewrite_yaml(run, files, str(ckpt), step)
            self.store.update_run(run_id, state="starting", error=None, steps_completed=step)
            self._start_process(run_id, files, script, {"yaml_path": str(yaml_path), "resumed_from": step})
            return {"run_id": run_id, "config": run["config"], "yaml_path": str(yaml_path),
                    "resumed_from_step": step, "warnings": []}

    def stop(self) -> dict[str, Any]:
        with self._lock:
            monitor = self._monitor
            if monitor is None:
                raise JobError(409, "No run is active")
            monitor.stop_requested = True
            self.store.update_run(monitor.run_id, state="stopping")
            self._signal_group(monitor.proc, signal.SIGTERM)
            if self._kill_timer is None:
                self._kill_timer = threading.Timer(self.settings.stop_timeout, self._force_kill, [monitor])
                self._kill_timer.daemon = True
                self._kill_timer.start()
            return {"run_id": monitor.run_id, "state": "stopping"}

    def shutdown(self) -> None:
        """Server exit: no run outlives the server (the next start marks it interrupted)."""
        with self._lock:
            monitor = self._monitor
        if monitor is None:
            return
        self._signal_group(monitor.proc, signal.SIGTERM)
        try:
            monitor.proc.wait(timeout=min(self.settings.stop_timeout, 10))
        except subprocess.TimeoutExpired:
            self._signal_group(monitor.proc, signal.SIGKILL)
            monitor.proc.wait(timeout=10)
        monitor.join(timeout=5)

    def recover_interrupted(self) -> None:
        for run in self.store.list_runs(states=ACTIVE_STATES):
            pid = run["summary"].get("pid")
            if pid and _is_our_runner(pid, run["id"]):
                try:
                    os.killpg(pid, signal.SIGKILL)  # orphan of a server that died hard
                except OSError:
                    pass
            message = "interrupted: the server stopped during the run; resume it from its last checkpoint"
            self.store.update_run(run["id"], state="error", error=message)
            self.hub.publish("training_error", run["id"], {"message": message, "interrupted": True})

    # -- internals ----------------------------------------------------------------------------
    def _refuse_if_active(self) -> None:
        if self._monitor is not None:
            raise JobError(409, f"Run {self._monitor.run_id} is active; stop it before starting another")

    def _start_process(self, run_id: str, files: RunFiles, script: str, extras: dict) -> None:
        cmd = [sys.executable, str(SCRIPTS_DIR / script), "--config", str(files.config_yaml)]
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "NO_COLOR": "1", "TERM": "dumb",
               "TOKENIZERS_PARALLELISM": "false"}
        log_file = files.log.open("ab")
        try:
            proc = subprocess.Popen(cmd, cwd=files.root, stdout=log_file, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, env=env, start_new_session=True)
        except OSError as exc:
            self.store.update_run(run_id, state="error", error=f"could not start the runner: {exc}")
            raise JobError(500, f"could not start the runner: {exc}") from exc
        finally:
            log_file.close()
        self.store.merge_summary(run_id, pid=proc.pid)
        run = self.store.get_run(run_id)
        self.hub.publish("training_started", run_id, {
            "config": run["config"], "kind": run["kind"], "total_steps": run["total_steps"],
            "lora_targets": run["summary"].get("lora_targets"), "yaml_path": extras.get("yaml_path"),
            "resumed_from": extras.get("resumed_from"),
        })
        monitor = RunMonitor(run_id, proc, files, self.store, self.hub, self._on_exit)
        self._monitor = monitor
        self._last_run_id = run_id
        monitor.start()

    def _on_exit(self, run_id: str) -> None:
        with self._lock:
            if self._monitor is not None and self._monitor.run_id == run_id:
                self._monitor = None
            if self._kill_timer is not None:
                self._kill_timer.cancel()
                self._kill_timer = None

    def _force_kill(self, monitor: RunMonitor) -> None:
        if monitor.proc.poll() is None:
            monitor.forced = True
            self._signal_group(monitor.proc, signal.SIGKILL)

    @staticmethod
    def _signal_group(proc: subprocess.Popen, sig: int) -> None:
        try:
            os.killpg(proc.pid, sig)
        except (ProcessLookupError, PermissionError):
            pass


def _is_our_runner(pid: int, run_id: str) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return False
    return run_id in cmdline
