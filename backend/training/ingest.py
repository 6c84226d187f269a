"""RunEvents: applies a runner's `events.jsonl` to its run record and to the studio's event log.

Used live by the RunMonitor and, after a crash, by the next server start. Lines are read as bytes
from an offset that is recorded in the run's summary (`events_offset`) after each line is applied, so
a restarted server takes up exactly where the dead one stopped: every line is stored once, in order,
under new global seqs, and the run's state, steps, losses and checkpoints end as the runner reported.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from backend.runs.event_types import RUNNER_TO_STUDIO, TERMINAL, RunnerEvent as Ev
from backend.runs.events import EventHub
from backend.runs.store import RunStore

log = logging.getLogger("lora_studio.ingest")
OFFSET_KEY = "events_offset"

# Progress fields kept in the run's summary, so a finished run (or a reloaded page) still shows them.
LAST_PROGRESS_KEYS = ("learning_rate", "it_per_sec", "step_time", "tokens_per_sec", "trained_tokens",
                      "peak_mem_gb", "reward", "reward_std", "kl")


class RunEvents:
    def __init__(self, run_id: str, path: Path, store: RunStore, hub: EventHub, offset: int):
        self.run_id, self.path, self.store, self.hub = run_id, path, store, hub
        self.offset = offset
        self.metrics: dict[str, Any] = {}
        self.terminal: dict[str, Any] | None = None
        self.terminal_ts: float | None = None  # when the runner wrote its last word (the run's end)

    @classmethod
    def from_now(cls, run_id: str, path: Path, store: RunStore, hub: EventHub) -> RunEvents:
        """A new leg: what the file holds already belongs to earlier legs (and is in the db)."""
        offset = path.stat().st_size if path.exists() else 0
        store.merge_summary(run_id, **{OFFSET_KEY: offset})
        return cls(run_id, path, store, hub, offset)

    @classmethod
    def from_record(cls, run: dict, path: Path, store: RunStore, hub: EventHub) -> RunEvents | None:
        """Where the last server stopped reading (None for a run recorded before offsets were kept)."""
        offset = run["summary"].get(OFFSET_KEY)
        return cls(run["id"], path, store, hub, int(offset)) if isinstance(offset, int) else None

    # -- reading ----------------------------------------------------------------------------
    def drain(self) -> int:
        """Apply every complete new line; returns how many were read."""
        try:
            with self.path.open("rb") as f:
                f.seek(self.offset)
                chunk = f.read()
        except FileNotFoundError:
            return 0
        end = chunk.rfind(b"\n")
        if end < 0:
            return 0  # only a partial line so far: the runner is still writing it
        lines = chunk[:end].split(b"\n")
        for raw in lines:
            self.offset += len(raw) + 1
            if raw.strip():
                try:
                    self._handle(json.loads(raw.decode("utf-8", errors="replace")))
                except json.JSONDecodeError:
                    log.warning("run %s wrote a malformed event: %r", self.run_id, raw[:200])
            if self.terminal is None:  # a last word counts as stored once apply_terminal stored it
                self._record_offset()
        return len(lines)

    def _handle(self, ev: dict[str, Any]) -> None:
        kind = ev.pop("type", None)
        ts = ev.pop("ts", None)
        store, run_id = self.store, self.run_id
        if kind == Ev.STARTED:
            store.update_run(run_id, state="running", total_steps=int(ev.get("total", 0)))
            return
        if kind == Ev.EARLY_STOP:
            # Announced by apply_terminal with the step the run really ended at (the current step finishes).
            store.merge_summary(run_id, early_stop_patience=ev.get("patience"))
            return
        if kind == Ev.PROGRESS:
            last = {k: ev.get(k) for k in LAST_PROGRESS_KEYS if ev.get(k) is not None}
            self.metrics.update(last, train_loss=ev.get("train_loss"), eta_seconds=ev.get("eta_seconds"))
            self.metrics["step"] = ev.get("step")
            store.update_run(run_id, steps_completed=int(ev.get("step", 0)))
            # mx.get_peak_memory never decreases, so the latest report is the run's measured peak
            store.merge_summary(run_id, final_train_loss=ev.get("train_loss"), last_progress=last,
                                peak_mem_gb=ev.get("peak_mem_gb"))
        elif kind == Ev.VAL:
            self.metrics["val_loss"] = ev.get("val_loss")
            store.merge_summary(run_id, final_val_loss=ev.get("val_loss"))
        elif kind == Ev.BEST:
            self.metrics.update(best_val_loss=ev.get("val_loss"), best_step=ev.get("step"))
            store.merge_summary(run_id, best_val_loss=ev.get("val_loss"), best_step=ev.get("step"))
        elif kind == Ev.CHECKPOINT:
            self.metrics["last_checkpoint_step"] = ev.get("step")
            store.merge_summary(run_id, last_checkpoint_step=ev.get("step"))
        elif kind in TERMINAL:
            # Published by apply_terminal once the run's state is final, so a client that reacts to
            # the event by fetching status or the session never sees it still "running" (and, when
            # distributed, once we know which rank really failed).
            self.terminal, self.terminal_ts = {"kind": kind, **ev}, ts
            return
        if kind in RUNNER_TO_STUDIO:
            self.hub.publish(RUNNER_TO_STUDIO[kind], run_id, ev)

    # -- ending -----------------------------------------------------------------------------
    def apply_terminal(self, note: str | None = None) -> bool:
        """Make the runner's own last word (completed, stopped, error) the run's state; False if it
        wrote none. `note` explains a stop nobody asked for (the server went away)."""
        term = self.terminal
        if term is None:
            return False
        if term["kind"] in (Ev.COMPLETED, Ev.STOPPED):
            self.store.update_run(self.run_id, steps_completed=int(term.get("step") or 0))
            losses = {k: term.get(k) for k in ("final_train_loss", "final_val_loss", "best_val_loss")}
            self.store.merge_summary(self.run_id, **{k: v for k, v in losses.items() if v is not None})
            message = term.get("message") or (note if term["kind"] == "stopped" else None)
            self.store.end_run(self.run_id, TERMINAL[term["kind"]], message, ended_at=self.terminal_ts)
            if term.get("early_stopped"):
                patience = self.store.get_run(self.run_id)["summary"].get("early_stop_patience")
                self.hub.notify("info", "Early stopping",
                                f"Validation loss did not improve for {patience} evaluations; "
                                f"the run stopped after step {term.get('step')}.", self.run_id)
        else:
            self.store.end_run(self.run_id, "error", term.get("message") or "the runner failed",
                               ended_at=self.terminal_ts)
        self.hub.publish(RUNNER_TO_STUDIO[term["kind"]], self.run_id, {k: v for k, v in term.items() if k != "kind"})
        self._record_offset()
        return True

    def _record_offset(self) -> None:
        self.store.merge_summary(self.run_id, **{OFFSET_KEY: self.offset})
