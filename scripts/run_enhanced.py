"""GRPO-family runner (GRPO, GSPO, Dr. GRPO): `python scripts/run_enhanced.py --config config.yaml`.

Runs mlx-lm-lora's GRPO trainer as a library on an attention-only LoRA (the Enhanced Setup baseline),
with a frozen copy of the base model as the KL reference. It shares the SFT runner's events, stop
handling and absolute-step checkpoints; progress events add reward, reward std, KL and the mean of
each reward function. Only adapters are written: the model is never fused into the run directory.
Under mlx.launch, mlx-lm-lora saves its final adapter on every rank: the other ranks' adapter_path
points at their private scratch folder (runner_dist), so only rank 0 writes the run's adapters.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import time
import types
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from runner_common import (  # noqa: E402
    NEVER, EventWriter, StopFlag, StudioCallback, finish_run, observed_batches, run_main,
    save_adapter,
)


class GRPOCallback(StudioCallback):
    def __init__(self, *args, reward_names: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.reward_names = reward_names

    def extra_progress(self, info: dict) -> dict:
        return {
            "reward": info.get("train_total_rewards_mean"),
            "reward_std": info.get("train_total_rewards_std"),
            "kl": info.get("train_kl"),
            "rewards": {n: info.get(f"train_{n}_mean") for n in self.reward_names},
            "avg_completion_tokens": info.get("train_average_generated_tokens"),
        }


def load_reward_functions(cfg: dict):
    from mlx_lm_lora.trainer import grpo_reward_functions as registry

    from backend.services.rewards import STUDIO_REWARDS

    for name, fn in STUDIO_REWARDS.items():
        registry.REWARD_REGISTRY.setdefault(name, fn)
    if path := cfg.get("reward_functions_file"):
        # The user named this file; it registers its functions through mlx-lm-lora's decorator.
        spec = importlib.util.spec_from_file_location("studio_custom_rewards", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules["studio_custom_rewards"] = module
        spec.loader.exec_module(module)
    return [registry.get_reward_function(n) for n in cfg["reward_functions"]]


def read_rows(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run(cfg: dict, events: EventWriter, stop: StopFlag) -> int:
    import mlx.core as mx
    import mlx.optimizers as optim
    import numpy as np
    from mlx.utils import tree_flatten
    from mlx_lm.tuner.utils import linear_to_lora_layers
    from mlx_lm.utils import load, save_config
    from mlx_lm_lora.trainer.datasets import GRPODataset
    from mlx_lm_lora.trainer.grpo_trainer import GRPOTrainingArgs, iterate_grpo_batches, train_grpo

    args = types.SimpleNamespace(**cfg)
    np.random.seed(args.seed)
    mx.random.seed(args.seed)
    world = mx.distributed.init()
    rank = world.rank()
    offset = int(cfg.get("resume_step") or 0)
    remaining = int(args.iters) - offset
    if remaining <= 0:
        raise ValueError(f"nothing left to train: resume step {offset} >= iterations {args.iters}")
    reward_funcs = load_reward_functions(cfg)

    events.log(f"loading model {args.model} ({args.training_method})")
    model, tokenizer = load(args.model)
    ref_model = load(args.model)[0].freeze() if args.beta > 0 else None
    data = Path(args.data)
    train_set = GRPODataset(read_rows(data / "train.jsonl"), tokenizer)
    valid_set = GRPODataset(read_rows(data / "valid.jsonl"), tokenizer)

    model.freeze()
    lora_parameters = {k: v for k, v in args.lora_parameters.items() if k != "alpha"}
    linear_to_lora_layers(model, args.num_layers, lora_parameters)
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
    trainable = sum(v.size for _, v in tree_flatten(model.trainable_parameters()))
    events.emit("started", total=int(args.iters), start_step=offset, trainable_parameters=trainable,
                train_rows=len(train_set), valid_rows=len(valid_set), world_size=world.size())

    callback = GRPOCallback(model, cfg, events, stop, offset, reward_names=list(cfg["reward_functions"]))
    last_saved = [offset]

    def on_step_done(step: int) -> None:
        if step % int(args.save_every) == 0 and rank == 0:
            ckpt = adapter_dir / f"{step:07d}_adapters.safetensors"
            save_adapter(model, ckpt)
            save_adapter(model, adapter_dir / "adapters.safetensors")
            last_saved[0] = step
            events.emit("checkpoint", step=step, file=ckpt.name)

    grpo_args = GRPOTrainingArgs(
        batch_size=args.batch_size, iters=remaining, val_batches=args.val_batches,
        steps_per_report=args.steps_per_report, steps_per_eval=args.steps_per_eval,
        steps_per_save=NEVER, adapter_file=str(adapter_dir / "adapters.safetensors"),
        max_seq_length=args.max_seq_length, max_completion_length=args.max_completion_length,
        beta=args.beta, group_size=args.group_size, epsilon=args.epsilon, epsilon_high=args.epsilon_high,
        temperature=args.temperature, reward_weights=args.reward_weights,
        importance_sampling_level=args.importance_sampling_level, grpo_loss_type=args.grpo_loss_type,
    )
    started = time.perf_counter()
    cut: dict = {}
    try:
        train_grpo(model=model, ref_model=ref_model, tokenizer=tokenizer,
                   optimizer=optim.Adam(learning_rate=args.learning_rate), train_dataset=train_set,
                   val_dataset=valid_set if len(valid_set) else None, reward_funcs=reward_funcs,
                   args=grpo_args, training_callback=callback, end_answer_token=None,
                   iterate_batches=observed_batches(iterate_grpo_batches, on_step_done, stop, offset, cut))
    except StopIteration:
        if "step" not in cut:
            raise
    final_step = cut.get("step", offset + remaining)
    if rank == 0:
        # mlx-lm-lora saves its final adapter only when the loop runs to the end.
        save_adapter(model, adapter_dir / "adapters.safetensors")
        finish_run(model, adapter_dir, events, stop, callback, final_step,
                   cut_short="step" in cut, last_saved=last_saved[0], started=started)
    return final_step


if __name__ == "__main__":
    sys.exit(run_main(run, __doc__))
