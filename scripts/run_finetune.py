"""SFT runner: `python scripts/run_finetune.py --config runs/<id>/config.yaml`.

Uses mlx-lm as a library (model loading, datasets, LoRA conversion, its `train` loop) and observes
it through a `TrainingCallback` plus a wrapper around its batch iterator. The wrapper sees every step
boundary, which is where we stop cooperatively (signal or early stopping) and write checkpoints named
by the absolute step, so a resumed run never overwrites the checkpoints of its first leg.
"""

from __future__ import annotations

import sys
import time
import types
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from runner_common import (  # noqa: E402
    NEVER, EventWriter, StopFlag, StudioCallback, finish_run, observed_batches, run_main,
    save_adapter,
)


def run(cfg: dict, events: EventWriter, stop: StopFlag) -> int:
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
    world = mx.distributed.init()
    rank = world.rank()
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
    if world.size() > 1:
        from runner_dist import broadcast_trainable

        broadcast_trainable(model, world)  # identical starting weights on every rank

    adapter_dir = Path(args.adapter_path)
    adapter_dir.mkdir(parents=True, exist_ok=True)
    if rank == 0:
        save_config(vars(args), adapter_dir / "adapter_config.json")

    from mlx.utils import tree_flatten
    trainable = sum(v.size for _, v in tree_flatten(model.trainable_parameters()))
    events.emit("started", total=int(args.iters), start_step=offset, trainable_parameters=trainable,
                train_rows=len(train_set), valid_rows=len(valid_set), world_size=world.size())

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
          iterate_batches=observed_batches(iterate_batches, on_step_done, stop, offset, cut),
          training_callback=callback)
    # mlx-lm has saved adapters.safetensors; the loop either ran to the end or was cut.
    final_step = cut.get("step", offset + remaining)
    if rank == 0:
        finish_run(model, adapter_dir, events, stop, callback, final_step,
                   cut_short="step" in cut, last_saved=last_saved[0], started=started)
    return final_step


if __name__ == "__main__":
    sys.exit(run_main(run, __doc__))
