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


def fuse(base_path: str, adapter_dir: Path, weights_file: Path, *, dequantize: bool) -> tuple[Any, Any, dict]:
    """(fused model, tokenizer, config) like `mlx_lm fuse [--dequantize]`, from one weights file of the run."""
    from mlx.utils import tree_unflatten
    from mlx_lm.utils import dequantize_model, load

    from backend.inference.service import apply_adapter

    model, tokenizer, config = load(base_path, return_config=True)
    apply_adapter(model, adapter_dir, weights_file)
    fused = [(n, m.fuse(dequantize=dequantize)) for n, m in model.named_modules() if hasattr(m, "fuse")]
    if fused:
        model.update_modules(tree_unflatten(fused))
    if dequantize:
        model = dequantize_model(model)
        config.pop("quantization", None)
        config.pop("quantization_config", None)
    return model, tokenizer, config


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
