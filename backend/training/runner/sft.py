"""SFT runner: `python -m backend.training.runner.sft --config runs/<id>/config.yaml`.

Uses mlx-lm as a library (model loading, datasets, LoRA conversion, its `train` loop) and observes
it through a `TrainingCallback` plus a wrapper around its batch iterator. The wrapper sees every step
boundary, which is where we stop cooperatively (signal or early stopping) and write checkpoints named
by the absolute step, so a resumed run never overwrites the checkpoints of its first leg.
"""

from __future__ import annotations

import sys
import time
import types

from backend.runs.layout import FINAL_ADAPTER
from backend.training.runner import heartbeat
from backend.training.runner.common import (
    NEVER,
    Checkpointer,
    EventWriter,
    RunSetup,
    StopFlag,
    StudioCallback,
    finish_run,
    observed_batches,
    run_main,
)
from backend.training.runner.recipe import build_optimizer
from backend.training.runner.state import RunState


def run(cfg: dict, events: EventWriter, stop: StopFlag) -> int:
    from mlx_lm.tuner.datasets import CacheDataset, load_dataset
    from mlx_lm.tuner.trainer import TrainingArgs, iterate_batches, train
    from mlx_lm.utils import load

    setup = RunSetup(cfg)
    args = types.SimpleNamespace(**cfg)
    events.log(f"loading model {args.model}")
    model, tokenizer = load(args.model)
    train_set, valid_set, _ = load_dataset(args, tokenizer)
    trainable = setup.attach_lora(model, events, use_dora=args.fine_tune_type == "dora")
    setup.announce(events, trainable, len(train_set), len(valid_set))

    callback = StudioCallback(model, cfg, events, stop, setup.offset)
    checkpoint = Checkpointer(model, setup, events)
    optimizer = build_optimizer(cfg)
    state = RunState(cfg, model, optimizer)
    state.restore(cfg.get("resume_adapter_file"), setup.offset, events.log)
    train_args = TrainingArgs(
        batch_size=args.batch_size, iters=setup.remaining, val_batches=args.val_batches,
        steps_per_report=args.steps_per_report, steps_per_eval=args.steps_per_eval,
        steps_per_save=NEVER, adapter_file=str(setup.adapter_dir / FINAL_ADAPTER),
        max_seq_length=args.max_seq_length, grad_checkpoint=args.grad_checkpoint,
        grad_accumulation_steps=int(cfg.get("grad_accumulation_steps", 1)),
    )
    started = time.perf_counter()
    cut: dict = {}
    # the watchdog's heartbeat counts the batches the trainer really takes (after a resume's replay)
    beating = heartbeat.current().batches(state.replayable(iterate_batches, setup.offset), setup.offset)
    train(model=model, optimizer=optimizer, args=train_args,
          train_dataset=CacheDataset(train_set),
          val_dataset=CacheDataset(valid_set) if len(valid_set) else None,
          iterate_batches=observed_batches(beating, state.saving_after(checkpoint, setup.rank), stop,
                                           setup.offset, cut),
          training_callback=callback)
    # mlx-lm has saved adapters.safetensors; the loop either ran to the end or was cut.
    final_step = cut.get("step", setup.offset + setup.remaining)
    if setup.rank == 0:
        state.save(final_step)  # before `stopped`/`completed`: a resume may follow at once
        finish_run(model, setup.adapter_dir, events, stop, callback, final_step,
                   cut_short="step" in cut, last_saved=checkpoint.last_saved, started=started)
    return final_step


if __name__ == "__main__":
    sys.exit(run_main(run, __doc__))
