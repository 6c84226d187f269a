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


NEVER = 10**12  # the trainers' own periodic saves are replaced by ours (absolute-step names)


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


class StudioCallback:
    """Turns mlx-lm's reports into events; keeps the best adapter; decides early stopping."""

    def __init__(self, model, cfg: dict, events: EventWriter, stop: StopFlag, offset: int):
        self.model, self.cfg, self.events, self.stop, self.offset = model, cfg, events, stop, offset
        self.total = int(cfg["iters"])
        # A resumed leg must beat the best of the earlier legs before replacing best_adapters.
        self.best: float | None = cfg.get("resume_best_val_loss")
        self.bad_evals = 0
        self.last_train_loss: float | None = None
        self.last_val_loss: float | None = None
        self.adapter_dir = Path(cfg["adapter_path"])

    def on_train_loss_report(self, info: dict) -> None:
        step = info["iteration"] + self.offset
        it_s = info["iterations_per_second"]
        self.last_train_loss = info["train_loss"]
        self.events.emit(
            "progress", step=step, total=self.total, train_loss=info["train_loss"],
            learning_rate=info["learning_rate"], it_per_sec=it_s,
            tokens_per_sec=info["tokens_per_second"], trained_tokens=info["trained_tokens"],
            peak_mem_gb=info["peak_memory"],
            eta_seconds=(self.total - step) / it_s if it_s > 0 else None, **self.extra_progress(info),
        )
        self.events.log(f"step {step}/{self.total}: train loss {info['train_loss']:.4f}, "
                        f"{info['tokens_per_second']:.0f} tok/s")

    def extra_progress(self, info: dict) -> dict:
        """Fields a trainer reports beyond mlx-lm's (GRPO: rewards and KL)."""
        return {}

    def on_val_loss_report(self, info: dict) -> None:
        step = info["iteration"] + self.offset
        val_loss = info["val_loss"]
        self.last_val_loss = val_loss
        self.events.emit("val", step=step, val_loss=val_loss, val_time=info.get("val_time"))
        self.events.log(f"step {step}/{self.total}: validation loss {val_loss:.4f}")
        if self.best is None or val_loss < self.best - 1e-6:
            self.best = val_loss
            self.bad_evals = 0
            if info["iteration"] > 0:  # before the first step the adapter is the base model
                best_file = self.adapter_dir / "best_adapters.safetensors"
                save_adapter(self.model, best_file)
                self.events.emit("best", step=step, val_loss=val_loss, file=best_file.name)
            return
        self.bad_evals += 1
        if self.cfg.get("early_stop", False) and self.bad_evals >= int(self.cfg.get("patience", 3)):
            self.events.emit("early_stop", step=step, best_val_loss=self.best,
                             patience=int(self.cfg.get("patience", 3)))
            self.events.log(f"early stopping at step {step}: no improvement in "
                            f"{self.bad_evals} validations")
            self.stop.set("early_stop")


def observed_batches(iterate_batches, on_step_done, stop: StopFlag, offset: int, cut: dict):
    """Wraps a trainer's batch iterator: the loop asks for batch N+1 only after step N is done.

    Returning early ends the trainer's loop at a step boundary; `cut["step"]` records where. The
    training pass is the looping one (mlx-lm: `loop=True`, mlx-lm-lora: `train=True`); validation
    passes go through untouched.
    """

    def batches(**kwargs):
        inner = iterate_batches(**kwargs)
        if not (kwargs.get("loop") or kwargs.get("train")):
            yield from inner
            return
        step = offset
        for batch in inner:
            if step > offset:
                on_step_done(step)
            if stop.is_set():
                cut["step"] = step
                return
            step += 1
            yield batch

    return batches


def finish_run(model, adapter_dir: Path, events: EventWriter, stop: StopFlag, callback: StudioCallback,
               final_step: int, *, cut_short: bool, last_saved: int, started: float) -> None:
    """Last checkpoint at the final step, then `stopped` (signal) or `completed` (end or early stop)."""
    if final_step != last_saved:
        ckpt = adapter_dir / f"{final_step:07d}_adapters.safetensors"
        save_adapter(model, ckpt)
        events.emit("checkpoint", step=final_step, file=ckpt.name)
    summary = dict(step=final_step, total=callback.total, final_train_loss=callback.last_train_loss,
                   final_val_loss=callback.last_val_loss, best_val_loss=callback.best,
                   seconds=time.perf_counter() - started)
    if cut_short and stop.reason == "signal":
        events.emit("stopped", **summary)
        events.log(f"stopped at step {final_step}; adapter saved")
    else:
        events.emit("completed", early_stopped=cut_short and stop.reason == "early_stop", **summary)
        events.log(f"completed at step {final_step}")
