"""Fusing an adapter into its base with mlx-lm's own functions, saving it, and writing/reading GGUF.

The steps are those of `mlx_lm fuse` (mlx_lm/fuse.py), called as a library: load the base, apply the
adapter (here any weights file of the run: final or best), replace every LoRA layer by `layer.fuse()`,
optionally dequantize, `mlx_lm.utils.save`, and `mlx_lm.gguf.convert_to_gguf` for GGUF.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

GGUF_ARCHITECTURES = ("llama", "mistral", "mixtral")  # what mlx_lm.gguf.convert_to_gguf writes


def quantization_of(config: dict[str, Any]) -> dict[str, Any] | None:
    q = config.get("quantization") or config.get("quantization_config")
    return q if isinstance(q, dict) else None


def fuse(base_path: str, adapter_dir: Path, weights_file: Path, *,
         dequantize: bool) -> tuple[Any, Any, dict, dict | None]:
    """(fused model, tokenizer, config, update report) like `mlx_lm fuse [--dequantize]`, from one weights
    file of the run; the report (see `update_kept`) only for a quantized base."""
    from mlx.utils import tree_unflatten
    from mlx_lm.utils import dequantize_model, load

    from backend.inference.service import apply_adapter

    model, tokenizer, config = load(base_path, return_config=True)
    apply_adapter(model, adapter_dir, weights_file)
    lora_layers = [(n, m) for n, m in model.named_modules() if hasattr(m, "fuse")]
    fused = [(n, m.fuse(dequantize=dequantize)) for n, m in lora_layers]
    report = update_kept(lora_layers, fused) if quantization_of(config) else None
    if fused:
        model.update_modules(tree_unflatten(fused))
    if dequantize:
        model = dequantize_model(model)
        config.pop("quantization", None)
        config.pop("quantization_config", None)
    return model, tokenizer, config, report


def _dense(layer: Any) -> Any:
    import mlx.core as mx
    from mlx import nn

    if isinstance(layer, nn.QuantizedLinear):
        return mx.dequantize(layer.weight, layer.scales, layer.biases, group_size=layer.group_size,
                             bits=layer.bits, mode=layer.mode).astype(mx.float32)
    return layer.weight.astype(mx.float32)


def update_kept(lora_layers: list[tuple[str, Any]], fused: list[tuple[str, Any]]) -> dict[str, Any]:
    """How much of each LoRA update survives in the fused weights of a quantized base: the relative error
    ‖(W_fused − W_base) − ΔW‖ / ‖ΔW‖ per module (0 = kept exactly; re-quantizing W + ΔW loses part of it)."""
    import mlx.core as mx
    from mlx_lm.tuner.lora import LoRALinear

    errors = {}
    for (name, lora), (_, out) in zip(lora_layers, fused):
        if type(lora) is not LoRALinear:  # DoRA and expert layers fuse differently
            continue
        delta = (lora.scale * lora.lora_b.T.astype(mx.float32)) @ lora.lora_a.T.astype(mx.float32)
        norm = mx.linalg.norm(delta).item()
        if norm > 0:
            errors[name] = mx.linalg.norm(_dense(out) - _dense(lora.linear) - delta).item() / norm
    values = list(errors.values())
    worst = sorted(errors.items(), key=lambda kv: -kv[1])[:3]
    return {"modules": len(values), "mean_relative_error": round(sum(values) / len(values), 6) if values else None,
            "max_relative_error": round(max(values), 6) if values else None,
            "worst_modules": [[n, round(e, 6)] for n, e in worst]}


def save_fused(dst: Path, base_path: str, model: Any, tokenizer: Any, config: dict) -> None:
    from mlx_lm.utils import save

    save(dst, base_path, model, tokenizer, config, donate_model=False)


def write_gguf(fused_dir: Path, model: Any, config: dict, out_file: Path) -> dict[str, tuple[int, ...]]:
    """The GGUF file of a fused, unquantized model; returns the expected {gguf name: numpy shape}."""
    from mlx.utils import tree_flatten
    from mlx_lm.gguf import convert_to_gguf, translate_weight_names

    weights = dict(tree_flatten(model.parameters()))
    convert_to_gguf(fused_dir, weights, config, str(out_file))
    return {translate_weight_names(k): tuple(int(d) for d in v.shape) for k, v in weights.items()}


def read_gguf(path: Path, expected: dict[str, tuple[int, ...]]) -> dict[str, Any]:
    """Reads the file back with llama.cpp's `gguf` reader: tensor count, names, shapes, empty tensors."""
    import numpy as np
    from gguf import GGUFReader

    reader = GGUFReader(str(path))
    found = {t.name: tuple(int(d) for d in reversed(t.shape.tolist())) for t in reader.tensors}
    mismatched = [{"tensor": name, "expected": list(shape), "found": list(found[name]) if name in found else None}
                  for name, shape in sorted(expected.items()) if found.get(name) != shape]
    extra = sorted(set(found) - set(expected))
    empty = sorted(t.name for t in reader.tensors if not np.any(t.data))
    arch = reader.fields.get("general.architecture")
    architecture = bytes(arch.parts[arch.data[0]]).decode() if arch is not None else None
    return {"tensors": len(found), "expected_tensors": len(expected), "shapes_match": not mismatched and not extra,
            "mismatched": mismatched[:20], "unexpected": extra[:20], "empty_tensors": empty[:20],
            "architecture": architecture, "file_bytes": path.stat().st_size}
