"""JobManager: one active training run at a time, each a runner subprocess in its own process group.

States: starting → running → completed | stopped | error. Everything a run needs is validated and
written (data copy, YAML) before the process starts, so bad input changes nothing. Stop writes the
run's STOP file and sends SIGTERM to the runner process only (the runner saves and exits; the
compiler processes MLX may have started must finish their work), then SIGKILL to its whole group after
a grace period. The server holds a lock in the run's directory for as long as it follows the run; a
runner whose server died stops itself, adapter saved, and the next server start ingests what it wrote
while nobody listened (recovery.py). A run whose runner left no result is `error` (interrupted); it
can be resumed from its last checkpoint.

Distributed runs start mlx.launch (its own process group, holding the local ranks) instead of the
runner. Their stop goes through the STOP file only: rank 0 sees it and every rank agrees on it at the
next step boundary (a SIGTERM would kill the launcher and strand remote ranks). A failing rank, seen
by the RankWatcher, stops the whole group: SIGTERM, then SIGKILL after a short grace period.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable

from pydantic import ValidationError

from backend.errors import StudioError
from backend.models.catalog import ModelCatalog
from backend.runs.events import EventHub
from backend.runs.layout import ACTIVE_STATES, RunFiles, new_run_id
from backend.runs.store import RunStore
from backend.schemas.distributed import DistributedConfig
from backend.settings import Settings
from backend.training.distributed.launcher import (
    launcher_command,
    rank_hosts,
    write_hostfile,
)
from backend.training.distributed.rank_watch import RankWatcher
from backend.training.monitor import RunMonitor
from backend.training.recovery import recover_run
from backend.training.runner.supervision import ServerLock, lock_holder
from backend.training.watchdog import StallWatchdog

log = logging.getLogger("lora_studio.jobs")
# After one rank failed: mlx.launch first gets LAUNCHER_TEARDOWN seconds to do its own teardown
# (it notices the exit within a second, logs the rank's exit status, which makes our message precise,
# and terminates the others); then SIGTERM to the group, then SIGKILL after RANK_FAILURE_GRACE.
LAUNCHER_TEARDOWN = 1.5
RANK_FAILURE_GRACE = 5.0


class JobError(StudioError):
    """A request the job manager refuses."""


class JobManager:
    def __init__(self, settings: Settings, store: RunStore, hub: EventHub, catalog: ModelCatalog):
        self.settings, self.store, self.hub, self.catalog = settings, store, hub, catalog
        self._lock = threading.RLock()
        self._monitor: RunMonitor | None = None
        self._last_run_id: str | None = None
        self._kill_timer: threading.Timer | None = None
        self._server_lock: ServerLock | None = None

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
            **(summary.get("last_progress") or {}),
            "step": run["steps_completed"], "total_steps": run["total_steps"],
            "train_loss": summary.get("final_train_loss"), "val_loss": summary.get("final_val_loss"),
            "best_val_loss": summary.get("best_val_loss"), "best_step": summary.get("best_step"),
            "last_checkpoint_step": summary.get("last_checkpoint_step"),
        }
        stall = None
        if monitor is not None and monitor.run_id == run_id:
            metrics.update({k: v for k, v in monitor.metrics.items() if v is not None})
            metrics["step"] = run["steps_completed"]
            stall = monitor.watchdog.snapshot() if monitor.watchdog is not None else None
        config = run["config"] or {}
        world = int(config.get("world_size") or 1)
        return {"state": run["state"], "run_id": run_id, "kind": run["kind"], "config": run["config"],
                "stall": stall,
                "metrics": metrics, "error": run["error"], "started_at": run["created_at"],
                "ended_at": summary.get("ended_at"),
                "lora_targets": summary.get("lora_targets"), "world_size": world,
                "effective_batch_size": config.get("effective_batch_size",
                                                   int(config.get("batch_size") or 1) * world)}

    # -- lifecycle ----------------------------------------------------------------------------
    def launch(self, *, kind: str, config: dict[str, Any], prepare: Callable[[str, RunFiles], dict],
               runner: str, name: str, distributed: DistributedConfig | None = None) -> dict[str, Any]:
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
                "summary": {k: extras[k] for k in ("lora_targets", "data", "warnings") if k in extras},
            })
            self._start_process(run_id, files, runner, extras, distributed)
            return {"run_id": run_id, "config": config, **extras}

    def resume(self, run_id: str, rewrite_yaml: Callable[[dict, RunFiles, str, int], Path],
               runner: str) -> dict[str, Any]:
        with self._lock:
            self._refuse_if_active()
            run = self.store.find_run(run_id)
            if run is None:
                raise JobError(404, f"No session {run_id}")
            if run["state"] == "completed":
                raise JobError(409, "This run completed; start a new run to train further")
            files = self.files(run_id)
            if lock_holder(files.runner_lock) is not None:
                raise JobError(409, "This run's runner is still running; wait for it to stop")
            last = files.resume_point()
            if last is None:
                raise JobError(409, "No checkpoint to resume from: the run stopped before its first save")
            step, ckpt = last
            distributed = self._resume_distributed(run, files)
            yaml_path = rewrite_yaml(run, files, str(ckpt), step)
            self.store.update_run(run_id, state="starting", error=None, steps_completed=step)
            self.store.merge_summary(run_id, ended_at=None)  # running again; end_run stamps the next end
            self._start_process(run_id, files, runner, {"yaml_path": str(yaml_path), "resumed_from": step},
                                distributed)
            return {"run_id": run_id, "config": run["config"], "yaml_path": str(yaml_path),
                    "resumed_from_step": step, "warnings": []}

    def stop(self) -> dict[str, Any]:
        with self._lock:
            monitor = self._monitor
            if monitor is None:
                raise JobError(409, "No run is active")
            monitor.stop_requested = True
            self.store.update_run(monitor.run_id, state="stopping")
            _touch(monitor.files.stop_file)
            if monitor.ranks is None:
                _signal_process(monitor.proc, signal.SIGTERM)
            self._arm_kill_timer(monitor, self.settings.stop_timeout)
            return {"run_id": monitor.run_id, "state": "stopping"}

    def shutdown(self) -> None:
        """Server exit: no run outlives the server (the next start marks it interrupted)."""
        with self._lock:
            monitor = self._monitor
        if monitor is None:
            return
        monitor.expect_kill()
        _touch(monitor.files.stop_file)
        if monitor.ranks is None:
            _signal_process(monitor.proc, signal.SIGTERM)
        else:
            self._signal_all(monitor, signal.SIGTERM)
        if not _wait_until_gone(monitor, min(self.settings.stop_timeout, 10)):
            self._signal_all(monitor, signal.SIGKILL)
            _wait_until_gone(monitor, 10)
        monitor.join(timeout=5)

    def recover_interrupted(self) -> None:
        """Server start: settle the runs a dead server left active (see recovery.py)."""
        for run in self.store.list_runs(states=ACTIVE_STATES):
            recover_run(run, self.files(run["id"]), self.store, self.hub, self.settings.stop_timeout)

    # -- internals ----------------------------------------------------------------------------
    @staticmethod
    def _resume_distributed(run: dict, files: RunFiles) -> DistributedConfig:
        """The world the run started with: its recorded hostfile (already one entry per rank), so a
        resumed leg keeps the world size its YAML's global batch was computed for."""
        raw = dict((run["config"] or {}).get("distributed") or {})
        if raw.get("enabled") and files.hostfile.is_file():
            raw.update(hosts=[], hostfile=str(files.hostfile), processes_per_host=1)
        try:
            return DistributedConfig.model_validate(raw)
        except ValidationError as exc:
            raise JobError(409, f"Cannot resume this distributed run: "
                                f"{'; '.join(e['msg'] for e in exc.errors())}") from exc

    def _refuse_if_active(self) -> None:
        if self._monitor is not None:
            raise JobError(409, f"Run {self._monitor.run_id} is active; stop it before starting another")

    def _start_process(self, run_id: str, files: RunFiles, runner_module: str, extras: dict,
                       distributed: DistributedConfig | None = None) -> None:
        files.stop_file.unlink(missing_ok=True)  # a stale request must not stop the new leg
        runner = ["-m", runner_module, "--config", str(files.config_yaml)]
        watcher = None
        if distributed is not None and distributed.enabled:
            shutil.rmtree(files.ranks_dir, ignore_errors=True)  # records of an earlier leg
            files.ranks_dir.mkdir()
            entries = write_hostfile(distributed, files.hostfile)
            cmd = launcher_command(distributed, files.hostfile, runner)
            watcher = RankWatcher(files.ranks_dir, rank_hosts(entries))
        else:
            cmd = [sys.executable, *runner]
        try:
            server_lock = ServerLock(files.server_lock)
        except OSError as exc:
            self.store.end_run(run_id, "error", f"could not lock the run directory: {exc}")
            raise JobError(409, f"could not lock the run directory (another server?): {exc}") from exc
        watchdog = StallWatchdog.for_run(files.root, self.store.get_run(run_id)["config"], watcher)
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "NO_COLOR": "1", "TERM": "dumb",
               "TOKENIZERS_PARALLELISM": "false", **server_lock.env()}
        log_file = files.log.open("ab")
        try:
            # The launcher select()s on its stdin and spins at EOF: give it a pipe we keep open.
            proc = subprocess.Popen(cmd, cwd=files.root, stdout=log_file, stderr=subprocess.STDOUT,
                                    stdin=subprocess.PIPE if watcher else subprocess.DEVNULL, env=env,
                                    start_new_session=True)
        except OSError as exc:
            server_lock.release()
            self.store.end_run(run_id, "error", f"could not start the runner: {exc}")
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
        monitor = RunMonitor(run_id, proc, files, self.store, self.hub, self._on_exit,
                             ranks=watcher, on_rank_failure=self._on_rank_failure, watchdog=watchdog)
        self._monitor = monitor
        self._server_lock = server_lock
        self._last_run_id = run_id
        monitor.start()

    def _on_exit(self, run_id: str) -> None:
        with self._lock:
            if self._monitor is not None and self._monitor.run_id == run_id:
                self._monitor = None
                if self._server_lock is not None:
                    self._server_lock.release()
                    self._server_lock = None
            if self._kill_timer is not None:
                self._kill_timer.cancel()
                self._kill_timer = None

    def _arm_kill_timer(self, monitor: RunMonitor, delay: float) -> None:
        with self._lock:
            if self._kill_timer is None:
                self._kill_timer = threading.Timer(delay, self._force_kill, [monitor])
                self._kill_timer.daemon = True
                self._kill_timer.start()

    def _force_kill(self, monitor: RunMonitor) -> None:
        if monitor.alive():
            monitor.forced = True
            monitor.expect_kill()
            self._signal_all(monitor, signal.SIGKILL)

    def _on_rank_failure(self, monitor: RunMonitor, message: str) -> None:
        """Called by the monitor when one rank failed: the others cannot go on without it."""
        log.warning("run %s: %s; stopping every rank", monitor.run_id, message)
        self.store.update_run(monitor.run_id, state="stopping")
        terminate = threading.Timer(LAUNCHER_TEARDOWN, self._signal_all, [monitor, signal.SIGTERM])
        terminate.daemon = True
        terminate.start()
        self._arm_kill_timer(monitor, LAUNCHER_TEARDOWN + RANK_FAILURE_GRACE)

    def _signal_all(self, monitor: RunMonitor, sig: int) -> None:
        """The run's process group, plus local ranks (they may run outside it, e.g. ssh to self)."""
        if not monitor.alive():
            return  # all gone already: never signal a process group id that may have been reused
        self._signal_group(monitor.proc, sig)
        if monitor.ranks is not None:
            for pid in monitor.ranks.local_pids().values():
                try:
                    os.kill(pid, sig)
                except (ProcessLookupError, PermissionError):
                    pass

    @staticmethod
    def _signal_group(proc: subprocess.Popen, sig: int) -> None:
        try:
            os.killpg(proc.pid, sig)
        except (ProcessLookupError, PermissionError):
            pass


def _touch(path: Path) -> None:
    try:
        path.touch()
    except OSError:
        pass


def _wait_until_gone(monitor: RunMonitor, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while monitor.alive():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def _signal_process(proc: subprocess.Popen, sig: int) -> None:
    """The runner alone: SIGTERM to its group would also kill the compilers MLX runs on first use."""
    try:
        proc.send_signal(sig)
    except (ProcessLookupError, PermissionError):
        pass
