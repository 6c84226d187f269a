"""What the SFT and GRPO-family runners share: config loading, JSON-line events, stop signals.

Runners are started by the job manager with the backend's interpreter, one process group per run.
They write one JSON object per line to `events_path` (rank 0 only); their console output goes to
`train.log`. SIGTERM/SIGINT ask for a graceful stop: the current step finishes, the adapter is saved,
`stopped` is emitted and the process exits 0.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Any

import yaml


def load_config(path: str) -> dict[str, Any]:
    from mlx_lm.lora import CONFIG_DEFAULTS, yaml_loader

    with open(path, "r", encoding="utf-8") as f:
        config = yaml.load(f, yaml_loader) or {}
    return {**CONFIG_DEFAULTS, **config}


class EventWriter:
    def __init__(self, path: str | None, enabled: bool = True):
        self.enabled = enabled and bool(path)
        self._file = open(path, "a", encoding="utf-8") if self.enabled else None
        self._lock = threading.Lock()

    def emit(self, type_: str, **data: Any) -> None:
        if not self.enabled:
            return
        line = json.dumps({"type": type_, "ts": time.time(), **data}, default=float)
        with self._lock:
            self._file.write(line + "\n")
            self._file.flush()

    def log(self, message: str) -> None:
        if self.enabled:
            print(message, flush=True)


class StopFlag:
    def __init__(self) -> None:
        self._event = threading.Event()
        self.reason: str | None = None

    def set(self, reason: str) -> None:
        if not self._event.is_set():
            self.reason = reason
            self._event.set()

    def is_set(self) -> bool:
        return self._event.is_set()

    def install_signal_handlers(self) -> None:
        def handler(signum, _frame):
            self.set("signal")
        signal.signal(signal.SIGTERM, handler)
        signal.signal(signal.SIGINT, handler)


def world_rank() -> int:
    import mlx.core as mx

    return mx.distributed.init().rank()


def save_adapter(model, path: Path) -> None:
    """Atomic write: a stop or crash mid-save never leaves a truncated adapter file."""
    import mlx.core as mx
    from mlx.utils import tree_flatten

    weights = dict(tree_flatten(model.trainable_parameters()))
    tmp = path.with_name(path.name + ".tmp.safetensors")
    mx.save_safetensors(str(tmp), weights)
    os.replace(tmp, path)


def run_main(run, description: str) -> int:
    """Shared entry point: parse --config, run, turn any exception into an `error` event."""
    import argparse

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--config", required=True, help="YAML written by the studio")
    args = parser.parse_args()
    config = load_config(args.config)
    events = EventWriter(config.get("events_path"), enabled=world_rank() == 0)
    stop = StopFlag()
    stop.install_signal_handlers()
    try:
        run(config, events, stop)
        return 0
    except Exception as exc:  # noqa: BLE001 - every failure must reach the UI as an event
        tail = "".join(traceback.format_exc().splitlines(keepends=True)[-12:])
        events.emit("error", message=f"{type(exc).__name__}: {exc}", traceback=tail)
        print(tail, file=sys.stderr, flush=True)
        return 1
