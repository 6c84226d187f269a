"""RunMonitor: follows one runner process, turning its JSON-line events and log into studio events.

The runner writes `events.jsonl` and `train.log` in its run directory; this thread tails both,
updates the run's record, and publishes through the EventHub (stored first, then broadcast). When the
process exits, the last event it wrote decides the final state; a process that died without one
(killed, crashed hard) ends in `error` with its exit status.

Distributed runs (`ranks` given): the process is mlx.launch and the run lasts while it or any local
rank lives. Every poll also asks the RankWatcher whether a rank failed; the first failure is handed to
`on_rank_failure` (which stops every rank) and its message, naming the rank, is the run's error even
if rank 0 then reports `stopped` or an error of its own (usually "connection to a peer was lost").
"""

from __future__ import annotations

import json
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

log = logging.getLogger("lora_studio.monitor")
POLL_SECONDS = 0.2
# A rank that lost its peer is a symptom; wait this long for the root cause before acting on it alone.
SYMPTOM_GRACE_SECONDS = 3.0

# runner event → studio event type
EVENT_MAP = {
    "progress": "training_progress", "val": "training_val", "checkpoint": "checkpoint_saved",
    "best": "best_model_updated", "completed": "training_completed", "stopped": "training_stopped",
    "error": "training_error",
}
TERMINAL = {"completed": "completed", "stopped": "stopped", "error": "error"}


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
                 on_rank_failure: Callable[["RunMonitor", str], None] | None = None):
        super().__init__(name=f"monitor-{run_id}", daemon=True)
        self.run_id, self.proc, self.files = run_id, proc, files
        self.store, self.hub, self.on_exit = store, hub, on_exit
        self.ranks, self.on_rank_failure = ranks, on_rank_failure
        self.metrics: dict[str, Any] = {}
        self.stop_requested = False
        self.forced = False
        self.rank_failed = False
        self._rank_pids: dict[int, int] = {}
        self._events = _Tail(files.events)
        self._log = _Tail(files.log)
        self._terminal: dict[str, Any] | None = None
        self._events.offset = files.events.stat().st_size if files.events.exists() else 0
        self._log.offset = files.log.stat().st_size if files.log.exists() else 0

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
        for line in self._events.read():
            if line.strip():
                try:
                    self._handle(json.loads(line))
                except json.JSONDecodeError:
                    log.warning("run %s wrote a malformed event: %r", self.run_id, line[:200])
        for line in self._log.read():
            text = clean_log_line(line)
            if text:
                if self.ranks is not None:
                    self.ranks.feed_line(text)
                self.hub.publish("training_log", self.run_id, {"line": text})

    def _watch_ranks(self) -> None:
        ranks = self.ranks
        ranks.scan()
        pids = ranks.local_pids()
        if pids != self._rank_pids:  # recorded so a restarted server can kill orphaned ranks
            self._rank_pids = pids
            self.store.merge_summary(self.run_id, rank_pids={str(r): p for r, p in pids.items()})
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

    def _handle(self, ev: dict[str, Any]) -> None:
        kind = ev.pop("type", None)
        ev.pop("ts", None)
        if kind == "started":
            self.store.merge_summary(self.run_id, trainable_parameters=ev.get("trainable_parameters"),
                                     train_rows=ev.get("train_rows"), valid_rows=ev.get("valid_rows"))
            self._set_state("running", total_steps=int(ev.get("total", 0)))
            return
        if kind == "early_stop":
            self.store.merge_summary(self.run_id, early_stopped=True)
            self.hub.notify("info", "Early stopping",
                            f"Validation loss did not improve for {ev.get('patience')} evaluations; "
                            f"stopping at step {ev.get('step')}.", self.run_id)
            return
        if kind == "progress":
            self.metrics.update({k: ev.get(k) for k in (
                "train_loss", "learning_rate", "it_per_sec", "tokens_per_sec", "trained_tokens",
                "peak_mem_gb", "eta_seconds", "reward", "reward_std", "kl")})
            self.metrics["step"] = ev.get("step")
            self.store.update_run(self.run_id, steps_completed=int(ev.get("step", 0)))
            # mx.get_peak_memory never decreases, so the latest report is the run's measured peak
            self.store.merge_summary(self.run_id, final_train_loss=ev.get("train_loss"),
                                     peak_mem_gb=ev.get("peak_mem_gb"))
        elif kind == "val":
            self.metrics["val_loss"] = ev.get("val_loss")
            self.store.merge_summary(self.run_id, final_val_loss=ev.get("val_loss"))
        elif kind == "best":
            self.metrics.update(best_val_loss=ev.get("val_loss"), best_step=ev.get("step"))
            self.store.merge_summary(self.run_id, best_val_loss=ev.get("val_loss"), best_step=ev.get("step"))
        elif kind == "checkpoint":
            self.store.merge_summary(self.run_id, last_checkpoint_step=ev.get("step"))
        elif kind in TERMINAL:
            # Published by _finish once the run's state is final, so a client that reacts to the
            # event by fetching status or the session never sees it still "running" (and, when
            # distributed, once we know which rank really failed).
            self._terminal = {"kind": kind, **ev}
            return
        if kind in EVENT_MAP:
            self.hub.publish(EVENT_MAP[kind], self.run_id, ev)

    # -- ending -----------------------------------------------------------------------------
    def _finish(self, returncode: int | None) -> None:
        term = self._terminal
        failure = self.ranks.message() if self.ranks is not None else None
        if failure and not (term and term["kind"] == "completed"):
            # One rank failed: that is the run's outcome, whatever rank 0 reported afterwards.
            self._set_state("error", error=failure)
            data = {"message": failure, "rank_failure": True}
            if term and term.get("traceback"):
                data["traceback"] = term["traceback"]  # rank 0's own error, often the peer it lost
            self.hub.publish("training_error", self.run_id, data)
            return
        if term and term["kind"] in ("completed", "stopped"):
            steps = int(term.get("step") or 0)
            self.store.update_run(self.run_id, steps_completed=steps)
            self.store.merge_summary(self.run_id, final_train_loss=term.get("final_train_loss"),
                                     final_val_loss=term.get("final_val_loss"),
                                     best_val_loss=term.get("best_val_loss"))
            self._set_state(term["kind"])
            self._publish_terminal(term)
            return
        if term and term["kind"] == "error":
            self._set_state("error", error=term.get("message") or "the runner failed")
            self._publish_terminal(term)
            return
        if self.stop_requested:
            # Killed before it could report: forced after the grace period, or stopped so early
            # that the runner had not installed its handlers. Whatever checkpoint exists is kept.
            message = ("stopped before training began" if returncode == -signal.SIGTERM
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

    def _publish_terminal(self, term: dict[str, Any]) -> None:
        self.hub.publish(EVENT_MAP[term["kind"]], self.run_id, {k: v for k, v in term.items() if k != "kind"})

    def _set_state(self, state: str, **extra: Any) -> None:
        self.store.update_run(self.run_id, state=state, **extra)
