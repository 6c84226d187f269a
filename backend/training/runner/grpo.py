"""GRPO-family runner (GRPO, GSPO, Dr. GRPO): `python -m backend.training.runner.grpo --config config.yaml`.

Runs mlx-lm-lora's GRPO trainer as a library on an attention-only LoRA (the Enhanced Setup baseline),
with a frozen copy of the base model as the KL reference. It shares the SFT runner's events, stop
handling and absolute-step checkpoints; progress events add reward, reward std, KL and the mean of
each reward function. Only adapters are written: the model is never fused into the run directory.
Under mlx.launch, mlx-lm-lora saves its final adapter on every rank: the other ranks' adapter_path
points at their private scratch folder (runner.dist), so only rank 0 writes the run's adapters.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import time
import types
from pathlib import Path

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
    save_adapter,
)
from backend.training.runner.recipe import build_optimizer
from backend.training.runner.state import RunState


class GRPOCallback(StudioCallback):
    # GRPO's loss is a policy-gradient surrogate (about 0 whatever the adapter's quality), so the
    # lowest one does not pick a better adapter: no best checkpoint and no early stopping on it.
    tracks_best = False

    def __init__(self, *args, reward_names: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.reward_names = reward_names

    def completed_steps_at_val(self, info: dict) -> int:
        return info["iteration"] - 1  # mlx-lm-lora validates before step `it` and reports `it`

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

    from backend.training.runner.rewards import STUDIO_REWARDS

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
    from mlx_lm.utils import load
    from mlx_lm_lora.trainer.datasets import GRPODataset
    from mlx_lm_lora.trainer.grpo_trainer import (
        GRPOTrainingArgs,
        iterate_grpo_batches,
        train_grpo,
    )

    setup = RunSetup(cfg)
    args = types.SimpleNamespace(**cfg)
    reward_funcs = load_reward_functions(cfg)
    events.log(f"loading model {args.model} ({args.training_method})")
    model, tokenizer = load(args.model)
    ref_model = load(args.model)[0].freeze() if args.beta > 0 else None
    data = Path(args.data)
    train_set = GRPODataset(read_rows(data / "train.jsonl"), tokenizer)
    valid_set = GRPODataset(read_rows(data / "valid.jsonl"), tokenizer)
    trainable = setup.attach_lora(model, events, use_dora=cfg.get("fine_tune_type") == "dora")
    setup.announce(events, trainable, len(train_set), len(valid_set))

    callback = GRPOCallback(model, cfg, events, stop, setup.offset, reward_names=list(cfg["reward_functions"]))
    checkpoint = Checkpointer(model, setup, events)
    optimizer = build_optimizer(cfg)
    state = RunState(cfg, model, optimizer)
    state.restore(cfg.get("resume_adapter_file"), setup.offset, events.log)
    grpo_args = GRPOTrainingArgs(
        batch_size=args.batch_size, iters=setup.remaining, val_batches=args.val_batches,
        steps_per_report=args.steps_per_report, steps_per_eval=args.steps_per_eval,
        steps_per_save=NEVER, adapter_file=str(setup.adapter_dir / FINAL_ADAPTER),
        max_seq_length=args.max_seq_length, max_completion_length=args.max_completion_length,
        beta=args.beta, group_size=args.group_size, epsilon=args.epsilon, epsilon_high=args.epsilon_high,
        temperature=args.temperature, reward_weights=args.reward_weights,
        importance_sampling_level=args.importance_sampling_level, grpo_loss_type=args.grpo_loss_type,
        gradient_accumulation_steps=int(cfg.get("grad_accumulation_steps") or 1),
    )
    started = time.perf_counter()
    cut: dict = {}
    # the watchdog's heartbeat counts the batches the trainer really takes (after a resume's replay)
    beating = heartbeat.current().batches(state.replayable(iterate_grpo_batches, setup.offset), setup.offset)
    try:
        train_grpo(model=model, ref_model=ref_model, tokenizer=tokenizer,
                   optimizer=optimizer, train_dataset=train_set,
                   val_dataset=valid_set if len(valid_set) else None, reward_funcs=reward_funcs,
                   args=grpo_args, training_callback=callback, end_answer_token=None,
                   iterate_batches=observed_batches(beating, state.saving_after(checkpoint, setup.rank), stop,
                                                    setup.offset, cut))
    except StopIteration:  # our iterator ended the loop at a step boundary
        if "step" not in cut:
            raise
    final_step = cut.get("step", setup.offset + setup.remaining)
    if setup.rank == 0:
        # mlx-lm-lora saves its final adapter only when the loop runs to the end.
        save_adapter(model, setup.adapter_dir / FINAL_ADAPTER)
        state.save(final_step)  # before `stopped`/`completed`: a resume may follow at once
        finish_run(model, setup.adapter_dir, events, stop, callback, final_step,
                   cut_short="step" in cut, last_saved=checkpoint.last_saved, started=started)
    return final_step


if __name__ == "__main__":
    sys.exit(run_main(run, __doc__))
