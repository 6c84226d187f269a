"""What the SFT and GRPO-family runners share: config loading, JSON-line events, stop signals.

Runners are started by the job manager with the backend's interpreter, one process group per run,
or once per rank under mlx.launch (see dist.py). They write one JSON object per line to
`events_path` (rank 0 only); their console output goes to `train.log`. SIGTERM/SIGINT or a `STOP`
file in the run directory ask for a graceful stop: the current step finishes, the adapter is saved,
`stopped` is emitted and the process exits 0. With several ranks the stop is agreed by all of them at
the same step boundary (one tiny all_sum), so no rank is left waiting alone inside an all-reduce.
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

from backend.runs.event_types import RunnerEvent as Ev
from backend.runs.layout import (
    ADAPTER_CONFIG,
    BEST_ADAPTER,
    FINAL_ADAPTER,
    STOP_FILE,
    checkpoint_name,
)
from backend.training.runner import console, heartbeat

NEVER = 10**12  # the trainers' own periodic saves are replaced by ours (absolute-step names)


def load_config_text(text: str) -> dict[str, Any]:
    from mlx_lm.lora import CONFIG_DEFAULTS, yaml_loader

    return {**CONFIG_DEFAULTS, **(yaml.load(text, yaml_loader) or {})}


def load_config(path: str) -> dict[str, Any]:
    with open(path, "r", encoding="utf-8") as f:
        return load_config_text(f.read())


class EventWriter:
    """Events (rank 0 only; each carries its rank) and console lines (ranks with a log of their own)."""

    def __init__(self, path: str | None, enabled: bool = True, rank: int = 0, echo: bool | None = None):
        self.enabled = enabled and bool(path)
        self.rank = rank
        self.echo = self.enabled if echo is None else echo
        self._file = open(path, "a", encoding="utf-8") if self.enabled else None
        self._lock = threading.Lock()

    def emit(self, type_: str, **data: Any) -> None:
        if not self.enabled:
            return
        line = json.dumps({"type": type_, "ts": time.time(), "rank": self.rank, **data}, default=float)
        with self._lock:
            self._file.write(line + "\n")
            self._file.flush()

    def log(self, message: str) -> None:
        if self.echo:
            print(message if self.rank == 0 else f"[rank {self.rank}] {message}", flush=True)


class StopFlag:
    def __init__(self) -> None:
        self._event = threading.Event()
        self.reason: str | None = None
        self.group = None
        self.stop_file: Path | None = None
        self.boundaries = 0  # step boundaries reached: the first comes before step 1, the second after it
        self.boundary_lock = threading.Lock()

    def set(self, reason: str) -> None:
        if not self._event.is_set():
            self.reason = reason
            self._event.set()

    def is_set(self) -> bool:
        return self._event.is_set()

    def wait(self) -> None:
        self._event.wait()

    def configure(self, group, stop_file: Path | None) -> None:
        self.group, self.stop_file = group, stop_file

    def agreed(self) -> bool:
        """At a step boundary: should every rank stop now? (A collective: all ranks must call it.)"""
        with self.boundary_lock:
            self.boundaries += 1
        if self.stop_file is not None and not self.is_set() and self.stop_file.exists():
            self.set("signal")  # the studio's stop request; it reaches remote ranks through the all_sum
        if self.group is None or self.group.size() == 1:
            return self.is_set()
        import mlx.core as mx

        local = [int(self.reason == "early_stop"), int(self.reason == "signal")]
        early, signalled = mx.distributed.all_sum(mx.array(local, dtype=mx.int32), group=self.group,
                                                  stream=mx.cpu).tolist()
        if signalled:
            self.reason = "signal"  # a stop request anywhere wins over a local early stop
            self._event.set()
        elif early:
            self.set("early_stop")
        return self.is_set()

    def install_signal_handlers(self) -> None:
        def handler(signum, _frame):
            self.set("signal")
        signal.signal(signal.SIGTERM, handler)
        signal.signal(signal.SIGINT, handler)


STOPPED_BEFORE_TRAINING = "stopped before training began"


def _supervise(run_dir: Path, stop: StopFlag) -> None:
    """A studio-started runner stops itself, adapter saved, once its server is gone (see supervision)."""
    from backend.runs.layout import RunFiles
    from backend.training.runner.supervision import supervise

    def server_lost() -> None:
        print("[studio] the server that started this run is gone; stopping at the next step", flush=True)
        stop.set("signal")

    supervise(run_dir, RunFiles(run_dir).runner_lock, server_lost)


def _exit_if_stopped_before_training(stop: StopFlag, events: EventWriter, config: dict) -> None:
    """A stop before the first step has finished has nothing to save, so it does not wait for that
    step: on Linux CPU the first step compiles MLX's kernels, which can take a minute. Exiting leaves
    the compiler processes (the stop signalled this process only) to finish their cache files."""

    def wait() -> None:
        stop.wait()
        with stop.boundary_lock:  # held to the end: the main thread cannot pass a boundary meanwhile
            if stop.reason != "signal" or stop.boundaries >= 2:
                return  # training began: the cooperative stop saves the adapter at the next boundary
            events.emit(Ev.STOPPED, step=int(config.get("resume_step") or 0), total=int(config["iters"]),
                        message=STOPPED_BEFORE_TRAINING)
            print(f"[studio] {STOPPED_BEFORE_TRAINING}", flush=True)
            os._exit(0)

    threading.Thread(target=wait, name="early-stop", daemon=True).start()


def save_adapter(model, path: Path) -> None:
    """Atomic write: a stop or crash mid-save never leaves a truncated adapter file."""
    import mlx.core as mx
    from mlx.utils import tree_flatten

    weights = dict(tree_flatten(model.trainable_parameters()))
    tmp = path.with_name(path.name + ".tmp.safetensors")
    mx.save_safetensors(str(tmp), weights)
    os.replace(tmp, path)


def run_main(run, description: str) -> int:
    """Shared entry point: parse --config, run, turn any exception into an `error` event.

    `run(config, events, stop)` returns the step it ended at. Under mlx.launch every rank runs this;
    each one records how it ended (dist.RankContext) so the studio can name a failing rank.
    """
    import argparse

    # Handlers first: a stop that arrives while mlx and the model load must still end gracefully.
    stop = StopFlag()
    stop.install_signal_handlers()
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--config", required=True, help="YAML written by the studio")
    args = parser.parse_args()
    _supervise(Path(args.config).resolve().parent, stop)  # the run's locks, before the slow imports
    import mlx.core as mx

    try:
        group = mx.distributed.init()
    except Exception as exc:  # e.g. a ring port in use, a peer that never came: name the rank
        launcher_rank = os.environ.get("MLX_RANK") or os.environ.get("OMPI_COMM_WORLD_RANK")
        if launcher_rank is not None:
            print(f"[studio] rank {launcher_rank} failed: {type(exc).__name__}: {exc}", file=sys.stderr,
                  flush=True)
        raise
    rank, world = group.rank(), group.size()
    heartbeat.start(Path(args.config).resolve().parent, rank)  # the studio's stall watchdog reads it
    ctx = None
    if world > 1:
        from backend.training.runner.dist import RankContext

        ctx = RankContext(args.config, group)
        ctx.open()
    events = EventWriter(None, enabled=False, rank=rank)
    try:
        config = ctx.receive_config(args.config, load_config_text) if ctx else load_config(args.config)
        expected = int(config.get("world_size") or 1)
        if expected != world:  # the YAML's global batch_size was computed for `expected` processes
            raise ValueError(f"this run is configured for {expected} process(es) but {world} joined; "
                             "start it the way the studio does (mlx.launch with the run's hostfile)")
        events = EventWriter(config.get("events_path"), enabled=rank == 0, rank=rank,
                             echo=ctx.echoes if ctx else None)
        events.log(console.lora_header(config))
        console.silence_trainer_console()
        # Only rank 0 of a multi-process run polls the STOP file (mlx.launch does not forward signals to
        # ranks); a single process is stopped by SIGTERM alone, so its steps stat nothing.
        stop.configure(group, Path(args.config).resolve().parent / STOP_FILE if rank == 0 and world > 1 else None)
        if world == 1:
            _exit_if_stopped_before_training(stop, events, config)
        step = run(config, events, stop)
        if ctx:
            ctx.finish("stopped" if stop.is_set() and stop.reason == "signal" else "completed", step=step)
        return 0
    except Exception as exc:  # noqa: BLE001 - every failure must reach the UI as an event
        tail = "".join(traceback.format_exc().splitlines(keepends=True)[-12:])
        message = f"{type(exc).__name__}: {exc}"
        events.emit(Ev.ERROR, message=message, traceback=tail)
        print(tail, file=sys.stderr, flush=True)
        if ctx:
            ctx.finish("error", message)
        return 1


class StudioCallback:
    """Turns mlx-lm's reports into events; keeps the best adapter; decides early stopping.

    Every `step` it reports is a number of completed optimizer steps (the chart, log, checkpoints
    and best adapter all count the same way)."""

    tracks_best = True  # validation loss measures quality (GRPO's does not: see GRPOCallback)

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
            Ev.PROGRESS, step=step, total=self.total, train_loss=info["train_loss"],
            learning_rate=info["learning_rate"], it_per_sec=it_s, step_time=1 / it_s if it_s > 0 else None,
            tokens_per_sec=info["tokens_per_second"], trained_tokens=info["trained_tokens"],
            peak_mem_gb=info["peak_memory"],
            eta_seconds=(self.total - step) / it_s if it_s > 0 else None, **self.extra_progress(info),
        )
        self.events.log(f"step {step}/{self.total}: train loss {info['train_loss']:.4f}, "
                        f"{info['tokens_per_second']:.0f} tok/s")

    def extra_progress(self, info: dict) -> dict:
        """Fields a trainer reports beyond mlx-lm's (GRPO: rewards and KL)."""
        return {}

    def completed_steps_at_val(self, info: dict) -> int:
        """Steps done when a validation ran: mlx-lm validates before step `it` and reports `it - 1`."""
        return info["iteration"]

    def on_val_loss_report(self, info: dict) -> None:
        done = self.completed_steps_at_val(info)
        step = done + self.offset
        val_loss = info["val_loss"]
        self.last_val_loss = val_loss
        self.events.emit(Ev.VAL, step=step, val_loss=val_loss, val_time=info.get("val_time"))
        self.events.log(f"step {step}/{self.total}: validation loss {val_loss:.4f}")
        if not self.tracks_best:
            return
        if self.best is None or val_loss < self.best - 1e-6:
            self.best = val_loss
            self.bad_evals = 0
            if done > 0:  # before the first step the adapter is the base model
                best_file = self.adapter_dir / BEST_ADAPTER
                save_adapter(self.model, best_file)
                self.events.emit(Ev.BEST, step=step, val_loss=val_loss, file=best_file.name)
            return
        self.bad_evals += 1
        if self.cfg.get("early_stop", False) and self.bad_evals >= int(self.cfg.get("patience", 3)):
            self.events.emit(Ev.EARLY_STOP, step=step, best_val_loss=self.best,
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
            if stop.agreed():
                cut["step"] = step
                return
            step += 1
            yield batch

    return batches


def finish_run(model, adapter_dir: Path, events: EventWriter, stop: StopFlag, callback: StudioCallback,
               final_step: int, *, cut_short: bool, last_saved: int, started: float) -> None:
    """Last checkpoint at the final step, then `stopped` (signal) or `completed` (end or early stop)."""
    if final_step != last_saved:
        ckpt = adapter_dir / checkpoint_name(final_step)
        save_adapter(model, ckpt)
        events.emit(Ev.CHECKPOINT, step=final_step, file=ckpt.name)
    summary = dict(step=final_step, total=callback.total, final_train_loss=callback.last_train_loss,
                   final_val_loss=callback.last_val_loss, best_val_loss=callback.best,
                   seconds=time.perf_counter() - started)
    if cut_short and stop.reason == "signal":
        events.emit(Ev.STOPPED, **summary)
        events.log(f"stopped at step {final_step}; adapter saved")
    else:
        events.emit(Ev.COMPLETED, early_stopped=cut_short and stop.reason == "early_stop", **summary)
        events.log(f"completed at step {final_step}")


class RunSetup:
    """What both runners do before their trainer starts: seeds, the step window, the LoRA layers
    (resumed and broadcast so every rank starts identical), adapter_config.json and `started`."""

    def __init__(self, cfg: dict):
        import mlx.core as mx
        import numpy as np

        self.cfg = cfg
        np.random.seed(cfg["seed"])
        mx.random.seed(cfg["seed"])
        self.world = mx.distributed.init()
        self.rank = self.world.rank()
        self.offset = int(cfg.get("resume_step") or 0)
        self.remaining = int(cfg["iters"]) - self.offset
        if self.remaining <= 0:
            raise ValueError(f"nothing left to train: resume step {self.offset} >= iterations {cfg['iters']}")
        self.adapter_dir = Path(cfg["adapter_path"])

    def attach_lora(self, model, events: EventWriter, *, use_dora: bool = False) -> int:
        from mlx.utils import tree_flatten
        from mlx_lm.tuner.utils import linear_to_lora_layers
        from mlx_lm.utils import save_config

        cfg = self.cfg
        model.freeze()
        if cfg["num_layers"] > len(model.layers):
            raise ValueError(f"num_layers {cfg['num_layers']} exceeds the model's {len(model.layers)} layers")
        lora_parameters = {k: v for k, v in cfg["lora_parameters"].items() if k != "alpha"}
        linear_to_lora_layers(model, cfg["num_layers"], lora_parameters, use_dora=use_dora)
        if cfg.get("resume_adapter_file"):
            events.log(f"resuming from {cfg['resume_adapter_file']} at step {self.offset}")
            model.load_weights(cfg["resume_adapter_file"], strict=False)
        if self.world.size() > 1:
            from backend.training.runner.dist import broadcast_trainable

            broadcast_trainable(model, self.world)  # identical starting weights on every rank
        self.adapter_dir.mkdir(parents=True, exist_ok=True)
        if self.rank == 0:
            save_config(dict(cfg), self.adapter_dir / ADAPTER_CONFIG)
        return sum(v.size for _, v in tree_flatten(model.trainable_parameters()))

    def announce(self, events: EventWriter, trainable: int, train_rows: int, valid_rows: int) -> None:
        events.emit(Ev.STARTED, total=int(self.cfg["iters"]), start_step=self.offset,
                    trainable_parameters=trainable, train_rows=train_rows, valid_rows=valid_rows,
                    world_size=self.world.size())


class Checkpointer:
    """Called at every step boundary: every `save_every` steps rank 0 writes an absolute-step
    checkpoint and refreshes adapters.safetensors."""

    def __init__(self, model, setup: RunSetup, events: EventWriter):
        self.model, self.setup, self.events = model, setup, events
        self.save_every = int(setup.cfg["save_every"])
        self.last_saved = setup.offset

    def __call__(self, step: int) -> None:
        if step % self.save_every or self.setup.rank != 0:
            return
        ckpt = self.setup.adapter_dir / checkpoint_name(step)
        save_adapter(self.model, ckpt)
        save_adapter(self.model, self.setup.adapter_dir / FINAL_ADAPTER)
        self.last_saved = step
        self.events.emit(Ev.CHECKPOINT, step=step, file=ckpt.name)
