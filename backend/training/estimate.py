"""Memory preflight: what a start body will need at its peak, against what this machine has.

peak = weights (the files' bytes, quantization included) + LoRA parameters + their gradients +
the optimizer's state + activations. LoRA parameters come from the resolved target modules and the
layer coverage (float32, as mlx-lm creates them). Activations are what the backward pass keeps:
per covered block about `ACT_PER_TOKEN_HIDDEN` hidden-size vectors and `ACT_PER_TOKEN_FFN`
intermediate-size vectors per token, attention scores (heads × length²), and the logits with their
softmax and gradient (3 × vocab per token); with gradient checkpointing one block's worth plus the
block inputs. The sequence length is the longest training row (capped by max_seq_length), padded as
mlx-lm pads. The constants are calibrated against mx.get_peak_memory on real runs
(tests/e2e/test_memory_estimate.py).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

ACT_PER_TOKEN_HIDDEN = 16
ACT_PER_TOKEN_FFN = 6
LOGIT_COPIES = 4
OPTIMIZER_MOMENTS = {"adam": 2, "adamw": 2, "sgd": 0, "adafactor": 1, "muon": 1}
TIGHT, TOO_BIG = 0.8, 1.0


def weight_bytes(model_dir: Path) -> int:
    return sum(p.stat().st_size for p in model_dir.glob("*.safetensors"))


def lora_parameter_count(model_dir: Path, keys: list[str] | None, num_layers: int, rank: int, dora: bool) -> int:
    import mlx.nn as nn

    from backend.models.lora_policy import build_module_tree

    model = build_module_tree(json.loads((model_dir / "config.json").read_text()))
    blocks = model.layers if num_layers == -1 else model.layers[-num_layers:]
    total = 0
    for block in blocks:
        for name, module in block.named_modules():
            linear = isinstance(module, nn.Linear) or type(module).__name__ in ("SwitchLinear", "QuantizedSwitchLinear")
            if not linear or (keys is not None and name not in keys):
                continue
            shape = module.weight.shape  # (out, in) or (experts, out, in)
            experts = shape[0] if len(shape) == 3 else 1
            out_dim, in_dim = shape[-2], shape[-1]
            total += experts * rank * (in_dim + out_dim) + (experts * out_dim if dora else 0)
    return total


def longest_row_tokens(train_path: Path, model_dir: Path, limit: int = 2000) -> int:
    """Tokens of the longest of the first `limit` rows (its text, plus room for the chat markup)."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    longest = 0
    with open(train_path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= limit:
                break
            if not line.strip():
                continue
            row = json.loads(line)
            parts = [m.get("content", "") for m in row.get("messages", [])] or \
                [str(row.get(k, "")) for k in ("prompt", "completion", "text", "answer", "system")]
            longest = max(longest, len(tok.encode(" ".join(parts)).ids) + 6 * max(1, len(parts)))
    return longest


def available_bytes() -> int:
    """Unified memory's recommended working set on Apple silicon, the GPU's free memory on CUDA, else
    available RAM (Linux CPU)."""
    try:
        import mlx.core as mx

        if mx.metal.is_available():
            return int(mx.metal.device_info()["max_recommended_working_set_size"])
        if hasattr(mx, "cuda") and mx.cuda.is_available():
            from backend.mlx_backend import query_free_gpu_memory

            if (free := query_free_gpu_memory()) is not None:
                return free
    except Exception:  # noqa: BLE001 - no Metal or CUDA answer: fall through to RAM
        pass
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")


def estimate(model_dir: Path, train_path: Path, config, keys: list[str] | None, *, kind: str = "sft") -> dict[str, Any]:
    cfg = json.loads((model_dir / "config.json").read_text())
    hidden = int(cfg["hidden_size"])
    ffn = int(cfg.get("intermediate_size") or cfg.get("moe_intermediate_size") or 4 * hidden)
    experts_per_tok = int(cfg.get("num_experts_per_tok") or 1)
    heads = int(cfg.get("num_attention_heads") or 1)
    vocab = int(cfg["vocab_size"])
    depth = int(cfg["num_hidden_layers"])
    covered = depth if config.lora_num_layers == -1 else config.lora_num_layers
    seq = min(config.max_seq_length, longest_row_tokens(train_path, model_dir))
    if kind == "enhanced":  # prompt + completion, for group_size completions per prompt
        seq = min(config.max_seq_length, seq + config.max_completion_length)
    seq = min(config.max_seq_length, 1 + 32 * ((seq + 31) // 32))  # mlx-lm pads to 32k + 1
    batch = config.batch_size * (config.group_size if kind == "enhanced" else 1)
    tokens = batch * seq
    dtype_bytes = 2 if cfg.get("torch_dtype") in ("bfloat16", "float16") else 4

    lora = lora_parameter_count(model_dir, keys, config.lora_num_layers, config.lora_rank,
                                config.fine_tune_type == "dora")
    per_block = tokens * (ACT_PER_TOKEN_HIDDEN * hidden + ACT_PER_TOKEN_FFN * ffn * experts_per_tok) \
        + 3 * batch * heads * seq * seq
    blocks_kept = 1 if getattr(config, "grad_checkpoint", False) else covered
    activations = dtype_bytes * (per_block * blocks_kept + (tokens * hidden * covered if blocks_kept == 1 else 0)) \
        + 4 * LOGIT_COPIES * tokens * vocab
    breakdown = {
        "weights": weight_bytes(model_dir),
        "lora_params": 4 * lora,
        "gradients": 4 * lora,
        "optimizer_state": 4 * lora * OPTIMIZER_MOMENTS.get(config.optimizer, 2),
        "activations": int(activations),
    }
    peak = sum(breakdown.values())
    available = available_bytes()
    ratio = peak / available if available else float("inf")
    verdict = "ok" if ratio <= TIGHT else "tight" if ratio <= TOO_BIG else "too_big"
    return {"peak_bytes": peak, "breakdown": breakdown, "available_bytes": available, "verdict": verdict,
            "sequence_length": seq, "lora_parameters": lora}
