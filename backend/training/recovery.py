"""What a server start does with the runs a dead server left active.

Its runners stop on their own once the server is gone (runner/supervision.py): we wait while one
still holds its run's lock (it is saving its adapter), then kill it only if it outlasts the grace
period. Then every event it wrote that the dead server had not stored is ingested, in order, so the
run ends as the runner reported it: `completed`, `stopped` (adapter saved) or `error`. Only a run
whose runner left no last word (killed hard, or recorded before offsets were kept) is `interrupted`.
"""

from __future__ import annotations

import logging
import os
import signal

from backend.runs.events import EventHub
from backend.runs.layout import RunFiles
from backend.runs.store import RunStore
from backend.training.ingest import RunEvents
from backend.training.runner.supervision import lock_holder, wait_released

log = logging.getLogger("lora_studio.recovery")
INTERRUPTED = "interrupted: the server stopped during the run; resume it from its last checkpoint"
SERVER_LOST = "stopped when the server went away (adapter saved); resume it to train further"


def recover_run(run: dict, files: RunFiles, store: RunStore, hub: EventHub, grace: float) -> None:
    holder = lock_holder(files.runner_lock)
    if holder is not None:
        log.warning("run %s: its runner (pid %s) outlived the server; waiting for it to stop",
                    run["id"], holder or "?")
        if not wait_released(files.runner_lock, grace):
            _kill(lock_holder(files.runner_lock))
            wait_released(files.runner_lock, 10)
    events = RunEvents.from_record(run, files.events, store, hub)
    if events is not None:
        events.drain()
        if events.apply_terminal(note=None if run["state"] == "stopping" else SERVER_LOST):
            return
    store.end_run(run["id"], "error", INTERRUPTED)
    hub.publish("training_error", run["id"], {"message": INTERRUPTED, "interrupted": True})


def _kill(pid: int | None) -> None:
    """The lock holder is alive and ours; a single runner leads its own group (compiler children)."""
    if not pid:
        return
    for kill in (os.killpg, os.kill):
        try:
            kill(pid, signal.SIGKILL)
        except OSError:
            pass
