"""Model shapes with random weights, built from mlx-lm's own classes, with the demo's tokenizer.

For tests and benchmarks that need a bigger or differently shaped model than the demo (a ~20M
llama, a tiny mixture of experts) without any download: `build_shape(out, demo_model, name)`.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

SHAPES: dict[str, dict] = {
    "demo": {},
    # ~20M parameters: 8 blocks of hidden 384, a 8192-token embedding (tied)
    "llama20m": {"hidden_size": 384, "num_hidden_layers": 8, "intermediate_size": 1024, "num_attention_heads": 6,
                 "num_key_value_heads": 2, "vocab_size": 8192},
    # a tiny Mixtral: 4 experts, 2 per token
    "moe": {"model_type": "mixtral", "architectures": ["MixtralForCausalLM"], "hidden_size": 128,
            "num_hidden_layers": 2, "intermediate_size": 256, "num_attention_heads": 4, "num_key_value_heads": 2,
            "num_local_experts": 4, "num_experts_per_tok": 2, "vocab_size": 1024},
}


def build_shape(out: Path, demo_model: Path, name: str) -> Path:
    """`out` holding a loadable model of shape `name` (the demo's config with the shape's changes)."""
    if not SHAPES[name]:
        return demo_model
    import mlx.core as mx
    from mlx.utils import tree_flatten
    from mlx_lm.utils import _get_classes

    if (out / "model.safetensors").is_file():
        return out
    out.mkdir(parents=True, exist_ok=True)
    config = {**json.loads((demo_model / "config.json").read_text()), **SHAPES[name]}
    model_cls, args_cls = _get_classes(config)
    model = model_cls(args_cls.from_dict(config))
    mx.random.seed(0)
    mx.eval(model.parameters())
    mx.save_safetensors(str(out / "model.safetensors"), dict(tree_flatten(model.parameters())))
    (out / "config.json").write_text(json.dumps(config))
    for f in ("tokenizer.json", "tokenizer_config.json"):
        shutil.copy(demo_model / f, out / f)
    return out
