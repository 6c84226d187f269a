"""How a model is quantized, described as it is: "4-bit", "3/6-bit mixed", "mxfp4".

mlx-lm writes `quantization` in config.json as the defaults (`bits`, `group_size`, `mode`) plus one
entry per layer that differs (`"model.layers.0.mlp.down_proj": {"bits": 6, ...}`). Mixed recipes
(`convert --quant-predicate mixed_3_6`) give every quantized layer its own entry, so the top-level
`bits` may be used by no layer at all: the quantized layers are read from the weights' headers (a
layer is quantized when it has `<layer>.scales`) and each is counted with its own settings.
Hugging Face `quantization_config` (GPTQ, AWQ, bitsandbytes, fp8) is described by its `quant_method`.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from backend.models.weights import safetensors_header

LAYER_KEYS = ("bits", "group_size", "mode")


def quantized_layers(model_dir: Path) -> list[str] | None:
    """Module paths with quantized weights (`<path>.scales`), None when the headers cannot be read."""
    layers: list[str] = []
    try:
        for f in sorted(model_dir.glob("*.safetensors")):
            layers += [name[: -len(".scales")] for name in safetensors_header(f) if name.endswith(".scales")]
    except (OSError, ValueError):
        return None
    return layers


def _describe(groups: Counter) -> str:
    """groups: (mode, bits) → layer count."""
    affine = sorted({bits for mode, bits in groups if mode == "affine" and bits is not None})
    other = sorted({mode for mode, _ in groups if mode != "affine"})
    if not other:
        if len(affine) == 1:
            return f"{affine[0]}-bit"
        return "/".join(map(str, affine)) + "-bit mixed" if affine else "quantized"
    parts = other + ([f"{'/'.join(map(str, affine))}-bit"] if affine else [])
    return parts[0] if len(parts) == 1 else " + ".join(parts) + " mixed"


def describe_quantization(config: dict[str, Any], model_dir: Path) -> dict[str, Any] | None:
    q = config.get("quantization")
    if not isinstance(q, dict):
        hf = config.get("quantization_config")
        if not isinstance(hf, dict):
            return None
        if "quant_method" in hf:  # quantized by another tool (GPTQ, AWQ, bitsandbytes, fp8…)
            method, bits = str(hf["quant_method"]), hf.get("bits")
            return {"quant_method": method, "bits": bits, "group_size": hf.get("group_size"), "mode": None,
                    "mixed": False, "layers_by_bits": {},
                    "description": f"{method} {bits}-bit" if isinstance(bits, int) else method}
        q = hf  # mlx-lm writes the same dict under both names
    default = {"bits": q.get("bits"), "group_size": q.get("group_size"), "mode": q.get("mode") or "affine"}
    per_layer = {k: v for k, v in q.items() if k not in (*LAYER_KEYS, "quant_method")}
    layers = quantized_layers(model_dir)
    if layers is None:  # no readable weights: the defaults and every override
        layers = list(per_layer) + ["<default>"]
    settings = []
    for layer in layers:
        own = per_layer.get(layer)
        if own is False:
            continue
        own = {k: v for k, v in own.items() if v is not None} if isinstance(own, dict) else {}
        settings.append({**default, **own})
    groups = Counter((s["mode"] or "affine", s["bits"]) for s in settings)
    bits = Counter(s["bits"] for s in settings if s["bits"] is not None)
    return {
        "bits": default["bits"], "group_size": default["group_size"],
        "mode": default["mode"], "quant_method": q.get("quant_method"),
        "mixed": len(groups) > 1, "layers_by_bits": {str(b): n for b, n in sorted(bits.items())},
        "description": _describe(groups) if groups else f"{default['bits']}-bit",
    }
