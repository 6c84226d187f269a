"""Realistic-shape models for benchmarks and tests: mlx-lm's own model classes, random weights.

`python -m backend demo --shape llama-6m|llama-24m|qwen2-moe-tiny|mixtral-tiny` writes a folder loadable by plain
`mlx_lm.load`: config.json, the weights saved with mlx-lm's `save_model`, and the demo tokenizer. The
weights come from the layers' own initialisers under a fixed seed, so a build is deterministic (same
bytes every time) and takes seconds. They answer nonsense; they exist for their shape: compute-bound
training steps (the demo model is so small that process start-up dominates), memory estimates, and
architectures with routed experts.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json")
_COMMON = {"rms_norm_eps": 1e-5, "rope_theta": 10000.0, "max_position_embeddings": 2048,
           "tie_word_embeddings": False, "torch_dtype": "float32"}
SHAPES: dict[str, dict] = {
    # ~6.6M parameters: 8 blocks of hidden 256 (GQA 8/4 heads)
    "llama-6m": {"model_type": "llama", "architectures": ["LlamaForCausalLM"], "hidden_size": 256,
                 "num_hidden_layers": 8, "intermediate_size": 768, "num_attention_heads": 8,
                 "num_key_value_heads": 4},
    # ~24M parameters: 8 blocks of hidden 512
    "llama-24m": {"model_type": "llama", "architectures": ["LlamaForCausalLM"], "hidden_size": 512,
                  "num_hidden_layers": 8, "intermediate_size": 1408, "num_attention_heads": 8,
                  "num_key_value_heads": 4},
    # routed experts (SwitchGLU), a shared expert and its gate: the MoE keys of the LoRA policy
    "qwen2-moe-tiny": {"model_type": "qwen2_moe", "architectures": ["Qwen2MoeForCausalLM"],
                       "hidden_size": 128, "num_hidden_layers": 2, "intermediate_size": 256,
                       "num_attention_heads": 4, "num_key_value_heads": 2, "num_experts": 4,
                       "num_experts_per_tok": 2, "moe_intermediate_size": 128,
                       "shared_expert_intermediate_size": 256},
    # routed experts without a shared one (Mixtral's SwitchGLU, 4 experts, 2 per token)
    "mixtral-tiny": {"model_type": "mixtral", "architectures": ["MixtralForCausalLM"], "hidden_size": 128,
                     "num_hidden_layers": 2, "intermediate_size": 256, "num_attention_heads": 4,
                     "num_key_value_heads": 2, "num_local_experts": 4, "num_experts_per_tok": 2},
}


def shape_config(name: str, vocab_size: int, eos_ids: list[int]) -> dict:
    if name not in SHAPES:
        raise ValueError(f"unknown shape {name!r}; known: {', '.join(SHAPES)}")
    return {**_COMMON, **SHAPES[name], "vocab_size": vocab_size, "eos_token_id": eos_ids}


def build_shape(name: str, out_dir: Path, tokenizer_dir: Path, seed: int = 0, force: bool = False) -> Path:
    """Writes the `name` shape into `out_dir` (tokenizer copied from `tokenizer_dir`); returns out_dir."""
    import mlx.core as mx
    from mlx.core import eval as materialize  # MLX's lazy-array evaluation, not Python's eval
    from mlx_lm.utils import _get_classes, save_config, save_model

    demo_config = json.loads((tokenizer_dir / "config.json").read_text())
    config = shape_config(name, demo_config["vocab_size"], demo_config["eos_token_id"])
    if (out_dir / "config.json").is_file() and not force:
        if json.loads((out_dir / "config.json").read_text()).get("shape") == {"name": name, "seed": seed}:
            return out_dir
    model_class, args_class = _get_classes(config)
    mx.random.seed(seed)
    model = model_class(args_class.from_dict(config))
    materialize(model.parameters())
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=out_dir.parent))
    try:
        save_model(tmp, model)
        save_config({**config, "shape": {"name": name, "seed": seed}}, tmp / "config.json")
        for f in TOKENIZER_FILES:
            shutil.copy(tokenizer_dir / f, tmp / f)
        shutil.rmtree(out_dir, ignore_errors=True)
        tmp.rename(out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out_dir


def parameter_count(model_dir: Path) -> int:
    import mlx.core as mx

    return sum(int(v.size) for f in sorted(model_dir.glob("*.safetensors")) for v in mx.load(str(f)).values())
