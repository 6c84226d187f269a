"""Builds the runner's YAML: mlx-lm's `lora` schema plus the studio's keys.

scale = alpha / rank (the PEFT / LoRA-paper convention). mlx-lm multiplies the low-rank update by
`scale` directly, so passing alpha as scale would make updates rank-times too large.

batch_size: the studio's config gives the batch of one process, but mlx-lm's (and mlx-lm-lora's)
batch iterators treat `batch_size` as GLOBAL and hand each rank batch_size / world rows. So the YAML's
`batch_size` is per-rank × world size, and the studio keys `world_size`, `per_rank_batch_size`,
`effective_batch_size` say so explicitly.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from backend.runs.layout import CONFIG_FILE, EVENTS_FILE
from backend.schemas.recipe import recipe_yaml
from backend.schemas.training import TrainingConfig


def _lora_run_keys(config, run_dir: Path, keys: list[str] | None) -> dict[str, Any]:
    """The mlx-lm `lora` keys SFT and GRPO-family runs share, in the order a reader expects."""
    lora_parameters: dict[str, Any] = {"rank": config.lora_rank, "alpha": config.lora_alpha,
                                       "scale": config.lora_scale, "dropout": config.lora_dropout}
    if keys is not None:  # None = mlx-lm's default: every linear module in the blocks
        lora_parameters["keys"] = list(keys)
    return {
        "model": config.model_path,
        "data": str(run_dir / "data"),
        "adapter_path": str(run_dir / "adapters"),
        "train": True,
        "num_layers": config.lora_num_layers,
        "iters": config.iterations,
        "batch_size": config.effective_batch_size,
        "learning_rate": config.learning_rate,
        "max_seq_length": config.max_seq_length,
        "steps_per_report": config.steps_per_report,
        "steps_per_eval": config.steps_per_eval,
        "save_every": config.save_every,
        "val_batches": config.val_batches,
        "seed": config.seed,
        "lora_parameters": lora_parameters,
        "lora_rank": config.lora_rank,
        "lora_alpha": config.lora_alpha,
        "lora_dropout": config.lora_dropout,
        "fine_tune_type": config.fine_tune_type,
        **recipe_yaml(config),
    }


def _studio_keys(config, run_id: str, run_dir: Path) -> dict[str, Any]:
    """Keys mlx-lm's CLI ignores and our runners read."""
    return {**batch_keys(config), "run_id": run_id, "events_path": str(run_dir / EVENTS_FILE)}


def build_sft_yaml(config: TrainingConfig, *, run_id: str, run_dir: Path,
                   keys: list[str] | None) -> dict[str, Any]:
    return {
        **_lora_run_keys(config, run_dir, keys),
        "grad_checkpoint": config.grad_checkpoint,
        "mask_prompt": config.mask_prompt,
        "early_stop": config.early_stop,
        "patience": config.patience,
        **_studio_keys(config, run_id, run_dir),
    }


def batch_keys(config) -> dict[str, Any]:
    """Studio keys: how the global batch is made (mlx-lm ignores them)."""
    keys: dict[str, Any] = {"world_size": config.world_size, "per_rank_batch_size": config.batch_size,
                            "effective_batch_size": config.effective_batch_size}
    if config.distributed.enabled:
        keys["distributed_backend"] = config.distributed.backend
    return keys


def dump_yaml(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, default_flow_style=False)


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_run_yaml(data: dict[str, Any], run_dir: Path, parity_path: Path | None) -> Path:
    """Writes `runs/<id>/config.yaml` and, for parity with the older app, the temp-dir copy."""
    text = dump_yaml(data)
    path = run_dir / CONFIG_FILE
    write_atomic(path, text)
    if parity_path is not None:
        try:
            write_atomic(parity_path, text)
        except OSError:
            pass  # the parity copy is a convenience; the run's own YAML is the record
    return path


def build_enhanced_yaml(config, *, run_id: str, run_dir: Path, keys: list[str]) -> dict[str, Any]:
    """YAML for the GRPO-family runner: mlx-lm-lora's grpo fields plus the studio's keys."""
    return {
        **_lora_run_keys(config, run_dir, keys),
        "train_mode": "grpo",
        "training_method": config.training_method,
        "group_size": config.group_size,
        "epsilon": config.epsilon,
        "epsilon_high": config.epsilon_high,
        "beta": config.beta,
        "temperature": config.temperature,
        "max_completion_length": config.max_completion_length,
        "importance_sampling_level": config.importance_sampling_level,
        "grpo_loss_type": config.grpo_loss_type,
        "reward_functions": list(config.reward_functions),
        "reward_weights": config.reward_weights,
        "reward_functions_file": config.reward_functions_file,
        "early_stop": False,
        **_studio_keys(config, run_id, run_dir),
    }
