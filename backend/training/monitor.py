"""RunMonitor: follows one runner process, turning its JSON-line events and log into studio events.

The runner writes `events.jsonl` and `train.log` in its run directory; this thread tails both,
updates the run's record, and publishes through the EventHub (stored first, then broadcast). When the
process exits, the last event it wrote decides the final state; a process that died without one
(killed, crashed hard) ends in `error` with its exit status.

Distributed runs (`ranks` given): the process is mlx.launch and the run lasts while it or any local
rank lives. Every poll also asks the RankWatcher whether a rank failed; the first failure is handed to
`on_rank_failure` (which stops every rank) and its message, naming the rank, is the run's error even
if rank 0 then reports `stopped` or an error of its own (usually "connection to a peer was lost").

Every run (one process or many) also has a StallWatchdog: when no rank completes a step for too long,
the run is declared stalled and stopped the same way, with the watchdog's message as its error.
"""

from __future__ import annotations

import logging
import signal
import subprocess
import threading
import time
from pathlib import Path
from typing import Any, Callable

from backend.runs.events import EventHub
from backend.runs.layout import RunFiles, clean_log_line
from backend.runs.store import RunStore
from backend.training.distributed.rank_watch import RankWatcher
from backend.training.ingest import RunEvents
from backend.training.runner.common import STOPPED_BEFORE_TRAINING
from backend.training.watchdog import StallWatchdog

log = logging.getLogger("lora_studio.monitor")
POLL_SECONDS = 0.2
# A rank that lost its peer is a symptom; wait this long for the root cause before acting on it alone.
SYMPTOM_GRACE_SECONDS = 3.0

class _Tail:
    """Reads complete new lines from a file that another process appends to."""

    def __init__(self, path: Path):
        self.path, self.offset, self.partial = path, 0, ""

    def read(self) -> list[str]:
        try:
            with self.path.open("r", encoding="utf-8", errors="replace") as f:
                f.seek(self.offset)
                chunk = f.read()
                self.offset = f.tell()
        except FileNotFoundError:
            return []
        lines = (self.partial + chunk).split("\n")
        self.partial = lines.pop()
        return lines


class RunMonitor(threading.Thread):
    def __init__(self, run_id: str, proc: subprocess.Popen, files: RunFiles, store: RunStore,
                 hub: EventHub, on_exit: Callable[[str], None], ranks: RankWatcher | None = None,
                 on_rank_failure: Callable[["RunMonitor", str], None] | None = None,
                 watchdog: StallWatchdog | None = None):
        super().__init__(name=f"monitor-{run_id}", daemon=True)
        self.run_id, self.proc, self.files = run_id, proc, files
        self.store, self.hub, self.on_exit = store, hub, on_exit
        self.ranks, self.on_rank_failure = ranks, on_rank_failure
        self.stop_requested = False
        self.forced = False
        self.rank_failed = False
        self.watchdog = watchdog
        self.stalled: str | None = None  # the stall message, once declared
        self._events = RunEvents.from_now(run_id, files.events, store, hub)
        self._log = _Tail(files.log)
        self._log.offset = files.log.stat().st_size if files.log.exists() else 0

    @property
    def metrics(self) -> dict[str, Any]:
        return self._events.metrics

    def alive(self) -> bool:
        return self.proc.poll() is None or (self.ranks is not None and self.ranks.any_alive())

    def expect_kill(self) -> None:
        """We are about to kill the ranks ourselves: their deaths are not failures."""
        if self.ranks is not None:
            self.ranks.frozen = True

    def run(self) -> None:
        try:
            while True:
                alive = self.alive()
                self._drain()
                if self.ranks is not None:
                    self._watch_ranks()
                if self.watchdog is not None:
                    self._watch_stall()
                if not alive:
                    break
                time.sleep(POLL_SECONDS)
            self._drain()
            if self.ranks is not None:
                self.ranks.scan()
                if self.proc.stdin is not None:
                    self.proc.stdin.close()
            self._finish(self.proc.returncode)
        except Exception:  # noqa: BLE001 - a monitor bug must not leave the run "running" forever
            log.exception("monitor of %s failed", self.run_id)
            self._set_state("error", error="internal error while following the run (see server log)")
        finally:
            self.on_exit(self.run_id)

    # -- reading ----------------------------------------------------------------------------
    def _drain(self) -> None:
        self._events.drain()
        for line in self._log.read():
            text = clean_log_line(line)
            if text:
                if self.ranks is not None:
                    self.ranks.feed_line(text)
                self.hub.publish("training_log", self.run_id, {"line": text})

    def _watch_ranks(self) -> None:
        ranks = self.ranks
        ranks.scan()
        if self.rank_failed or ranks.frozen:
            return
        since = ranks.symptom_since()
        if ranks.root_cause() or (since is not None and time.monotonic() - since > SYMPTOM_GRACE_SECONDS):
            self.rank_failed = True
            ranks.frozen = True  # the ranks we now stop must not count as failures of their own
            try:  # into the run's log (the tail publishes it), so it outlives the websocket
                with self.files.log.open("a", encoding="utf-8") as f:
                    f.write(f"[studio] {ranks.message()}; stopping every rank\n")
            except OSError:
                pass
            if self.on_rank_failure is not None:
                self.on_rank_failure(self, ranks.message())

    def _watch_stall(self) -> None:
        """No step for too long: the run is declared stalled and every rank stopped (like a failure)."""
        watchdog = self.watchdog
        watchdog.poll()
        if self.stalled or self.rank_failed or self.stop_requested or not watchdog.stalled():
            return
        if self.ranks is not None and self.ranks.frozen:
            return
        self.stalled = watchdog.message()
        self.rank_failed = True
        self.expect_kill()  # the ranks we now stop must not count as failures of their own
        try:
            with self.files.log.open("a", encoding="utf-8") as f:
                f.write(f"[studio] {self.stalled}; stopping every rank (the last checkpoint is kept)\n")
            self.files.stop_file.touch()  # graceful first, should the ranks wake up
        except OSError:
            pass
        self.hub.notify("error", "Training stalled", f"{self.stalled}. The run was stopped; resume it from "
                        "its last checkpoint.", self.run_id)
        if self.on_rank_failure is not None:
            self.on_rank_failure(self, self.stalled)

    # -- ending -----------------------------------------------------------------------------
    def _finish(self, returncode: int | None) -> None:
        term = self._events.terminal
        failure = self.stalled or (self.ranks.message() if self.ranks is not None else None)
        if failure and not (term and term["kind"] == "completed"):
            # One rank failed (or the run stalled): that is the outcome, whatever rank 0 reported after.
            self._set_state("error", error=failure)
            data = {"message": failure, "stalled" if self.stalled else "rank_failure": True}
            if term and term.get("traceback"):
                data["traceback"] = term["traceback"]  # rank 0's own error, often the peer it lost
            self.hub.publish("training_error", self.run_id, data)
            return
        if self._events.apply_terminal():
            return
        if self.stop_requested:
            # Killed before it could report: forced after the grace period, or stopped so early
            # that the runner had not installed its handlers. Whatever checkpoint exists is kept.
            message = (STOPPED_BEFORE_TRAINING if returncode == -signal.SIGTERM
                       else "stopped forcefully after the grace period; the last checkpoint is kept")
            self._set_state("stopped", error=message)
            self.hub.publish("training_stopped", self.run_id, {"forced": True, "message": message})
            return
        if self.ranks is not None:
            message = (f"the distributed launch ended (status {returncode}) without a result from rank 0; "
                       "see the log")
        elif returncode is not None and returncode < 0:
            name = signal.Signals(-returncode).name if -returncode in signal.Signals._value2member_map_ else str(-returncode)
            message = f"the runner was killed by {name}"
        else:
            message = f"the runner exited with status {returncode} without reporting a result"
        self._set_state("error", error=message)
        self.hub.publish("training_error", self.run_id, {"message": message})

    def _set_state(self, state: str, error: str) -> None:
        self.store.end_run(self.run_id, state, error)
