"""What a runner prints to train.log: its LoRA configuration first, then one line per report.

The trainers draw their own tables and progress bars (mlx-lm's rich table, mlx-lm-lora's tqdm and
"Iter N:" lines); the studio's callback already logs every report once, so those are silenced.
"""

from __future__ import annotations

from typing import Any


def lora_header(cfg: dict[str, Any]) -> str:
    """The run's LoRA configuration, written as the first line of train.log."""
    lp = cfg.get("lora_parameters") or {}
    layers = cfg.get("num_layers")
    keys = lp.get("keys")
    return (f"LoRA: rank {lp.get('rank')}, alpha {lp.get('alpha', cfg.get('lora_alpha'))}, "
            f"scale {lp.get('scale')}, dropout {lp.get('dropout')}, "
            f"layers {'all' if layers == -1 else layers}, "
            f"keys {', '.join(keys) if keys else 'every linear module (mlx-lm default)'}")


def silence_trainer_console() -> None:
    """mlx-lm (a rich table and progress bar) and mlx-lm-lora (tqdm bars, "Iter N:" lines) print
    their own report of every step; the callback already logs one line per report, so the log keeps
    only ours. mlx-lm draws nothing for a rank other than 0; tqdm honours `disable`."""
    from mlx_lm import cli_ui
    from mlx_lm.tuner import trainer

    class QuietTrainUI(cli_ui.TrainUI):
        def __init__(self, total_iters: int, rank: int = 0):
            super().__init__(total_iters, rank=max(rank, 1))

    trainer.TrainUI = QuietTrainUI
    try:
        from mlx_lm_lora.trainer import grpo_trainer
    except ImportError:  # SFT-only installs
        return
    from tqdm import tqdm

    class QuietTqdm(tqdm):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **{**kwargs, "disable": True})

        @classmethod
        def write(cls, *args, **kwargs) -> None:
            pass

    grpo_trainer.tqdm = QuietTqdm
