"""LoRA facts declared once: the attention-only keys, the default rank and the scale formula."""

from __future__ import annotations

# Block-relative module paths of the attention projections: the GRPO baseline's only keys and the
# first part of every llama-like full-layer key set (backend/models/lora_policy.py).
ATTENTION_KEYS: tuple[str, ...] = ("self_attn.q_proj", "self_attn.k_proj", "self_attn.v_proj",
                                   "self_attn.o_proj")
DEFAULT_LORA_RANK = 32  # the SFT default; GRPO runs default lower (EnhancedTrainingConfig)
# What mlx-lm assumes when an adapter_config.json has no `lora_parameters` (older mlx-lm wrote none).
MLX_LM_LORA_DEFAULTS = {"rank": 8, "scale": 20.0, "dropout": 0.0}


def lora_scale(alpha: float, rank: int) -> float | None:
    """PEFT convention: the update is scaled by alpha / rank (mlx-lm multiplies by `scale` directly)."""
    return alpha / rank if rank else None
