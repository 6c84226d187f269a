"""SFT runner: `python scripts/run_finetune.py --config runs/<id>/config.yaml`.

Uses mlx-lm as a library (model loading, datasets, LoRA conversion, its `train` loop) and observes
it through a `TrainingCallback` plus a wrapper around its batch iterator. The wrapper sees every step
boundary, which is where we stop cooperatively (signal or early stopping) and write checkpoints named
by the absolute step, so a resumed run never overwrites the checkpoints of its first leg.
"""

from __future__ import annotations

import math
import sys
import time
import types
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from runner_common import EventWriter, StopFlag, run_main, save_adapter  # noqa: E402

NEVER = 10**12  # mlx-lm's own periodic save is replaced by ours


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
            eta_seconds=(self.total - step) / it_s if it_s > 0 else None,
        )
        self.events.log(f"step {step}/{self.total}: train loss {info['train_loss']:.4f}, "
                        f"{info['tokens_per_second']:.0f} tok/s")

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


def _observed_batches(iterate_batches, on_step_done, stop: StopFlag, offset: int, cut: dict):
    """Wraps mlx-lm's iterator: the training loop asks for batch N+1 only after step N is done.

    Returning early ends mlx-lm's loop cleanly (it then saves the final adapter); `cut["step"]`
    records where that happened.
    """

    def batches(dataset, batch_size, max_seq_length, loop=False, seed=None, comm_group=None):
        inner = iterate_batches(dataset=dataset, batch_size=batch_size, max_seq_length=max_seq_length,
                                loop=loop, seed=seed, comm_group=comm_group)
        if not loop:  # validation passes
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


def run(cfg: dict, events: EventWriter, stop: StopFlag) -> None:
    import mlx.core as mx
    import mlx.optimizers as optim
    import numpy as np
    from mlx_lm.tuner.datasets import CacheDataset, load_dataset
    from mlx_lm.tuner.trainer import TrainingArgs, iterate_batches, train
    from mlx_lm.tuner.utils import build_schedule, linear_to_lora_layers
    from mlx_lm.utils import load, save_config

    args = types.SimpleNamespace(**cfg)
    np.random.seed(args.seed)
    mx.random.seed(args.seed)
    rank = mx.distributed.init().rank()
    offset = int(cfg.get("resume_step") or 0)
    remaining = int(args.iters) - offset
    if remaining <= 0:
        raise ValueError(f"nothing left to train: resume step {offset} >= iterations {args.iters}")

    events.log(f"loading model {args.model}")
    model, tokenizer = load(args.model)
    train_set, valid_set, _ = load_dataset(args, tokenizer)

    model.freeze()
    if args.num_layers > len(model.layers):
        raise ValueError(f"num_layers {args.num_layers} exceeds the model's {len(model.layers)} layers")
    lora_parameters = {k: v for k, v in args.lora_parameters.items() if k != "alpha"}
    linear_to_lora_layers(model, args.num_layers, lora_parameters,
                          use_dora=args.fine_tune_type == "dora")
    if args.resume_adapter_file:
        events.log(f"resuming from {args.resume_adapter_file} at step {offset}")
        model.load_weights(args.resume_adapter_file, strict=False)

    adapter_dir = Path(args.adapter_path)
    adapter_dir.mkdir(parents=True, exist_ok=True)
    if rank == 0:
        save_config(vars(args), adapter_dir / "adapter_config.json")

    from mlx.utils import tree_flatten
    trainable = sum(v.size for _, v in tree_flatten(model.trainable_parameters()))
    events.emit("started", total=int(args.iters), start_step=offset, trainable_parameters=trainable,
                train_rows=len(train_set), valid_rows=len(valid_set))

    callback = StudioCallback(model, cfg, events, stop, offset)
    save_every = int(args.save_every)
    last_saved = [offset]

    def on_step_done(step: int) -> None:
        if step % save_every == 0 and rank == 0:
            ckpt = adapter_dir / f"{step:07d}_adapters.safetensors"
            save_adapter(model, ckpt)
            save_adapter(model, adapter_dir / "adapters.safetensors")
            last_saved[0] = step
            events.emit("checkpoint", step=step, file=ckpt.name)

    lr = build_schedule(args.lr_schedule) if args.lr_schedule else args.learning_rate
    optimizer = optim.Adam(learning_rate=lr)
    train_args = TrainingArgs(
        batch_size=args.batch_size, iters=remaining, val_batches=args.val_batches,
        steps_per_report=args.steps_per_report, steps_per_eval=args.steps_per_eval,
        steps_per_save=NEVER, adapter_file=str(adapter_dir / "adapters.safetensors"),
        max_seq_length=args.max_seq_length, grad_checkpoint=args.grad_checkpoint,
        grad_accumulation_steps=int(cfg.get("grad_accumulation_steps", 1)),
    )
    started = time.perf_counter()
    cut: dict = {}
    train(model=model, optimizer=optimizer, args=train_args,
          train_dataset=CacheDataset(train_set),
          val_dataset=CacheDataset(valid_set) if len(valid_set) else None,
          iterate_batches=_observed_batches(iterate_batches, on_step_done, stop, offset, cut),
          training_callback=callback)
    # mlx-lm has saved adapters.safetensors. The loop either ran to the end (the iterator is not
    # asked again after the last step) or was cut at a step boundary.
    final_step = cut.get("step", offset + remaining)
    if rank != 0:
        return
    if final_step != last_saved[0]:
        ckpt = adapter_dir / f"{final_step:07d}_adapters.safetensors"
        save_adapter(model, ckpt)
        events.emit("checkpoint", step=final_step, file=ckpt.name)
    summary = dict(step=final_step, total=int(args.iters), final_train_loss=callback.last_train_loss,
                   final_val_loss=callback.last_val_loss, best_val_loss=callback.best,
                   seconds=time.perf_counter() - started)
    if "step" in cut and stop.reason == "signal":
        events.emit("stopped", **summary)
        events.log(f"stopped at step {final_step}; adapter saved")
    else:
        events.emit("completed", early_stopped="step" in cut and stop.reason == "early_stop", **summary)
        events.log(f"completed at step {final_step}")
    if summary["final_val_loss"] is not None and math.isnan(summary["final_val_loss"]):
        events.log("warning: validation loss is NaN")


if __name__ == "__main__":
    sys.exit(run_main(run, __doc__))
