"""Reading and writing adapter folders (mlx-lm and PEFT layouts) and the facts of a base model they need."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import numpy as np

from backend.adapters.peft import AdapterFormatError, Converted

MLX_CONFIG, MLX_WEIGHTS = "adapter_config.json", "adapters.safetensors"
PEFT_WEIGHTS = "adapter_model.safetensors"
HF_CACHE_RE = re.compile(r"models--([^/]+)--([^/]+)/snapshots/")


def load_tensors(path: Path) -> dict[str, np.ndarray]:
    """A safetensors file as float32 numpy arrays (mx reads bfloat16, which numpy cannot)."""
    import mlx.core as mx

    try:
        loaded = mx.load(str(path))
    except Exception as exc:  # any reader failure means a bad file
        raise AdapterFormatError(f"{path.name} is not a readable safetensors file: {exc}") from exc
    return {k: np.array(v.astype(mx.float32)) for k, v in loaded.items()}


def save_tensors(path: Path, tensors: dict[str, np.ndarray]) -> None:
    import mlx.core as mx

    path.parent.mkdir(parents=True, exist_ok=True)
    mx.save_safetensors(str(path), {k: mx.array(v) for k, v in tensors.items()}, metadata={"format": "pt"})


def read_json(path: Path) -> dict[str, Any]:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise AdapterFormatError(f"{path.name} is not readable JSON: {exc}") from exc
    if not isinstance(value, dict):
        raise AdapterFormatError(f"{path.name} is not a JSON object")
    return value


def detect_layout(folder: Path) -> str:
    """'mlx' (adapter_config.json + adapters.safetensors) or 'peft' (adapter_config.json + adapter_model.safetensors)."""
    if not (folder / MLX_CONFIG).is_file():
        raise AdapterFormatError(f"{folder} has no adapter_config.json: not an adapter folder")
    if (folder / MLX_WEIGHTS).is_file():
        return "mlx"
    if (folder / PEFT_WEIGHTS).is_file():
        return "peft"
    if (folder / "adapter_model.bin").is_file():
        raise AdapterFormatError("adapter_model.bin is a pickled PyTorch file, which is not loaded here; "
                                 "save the adapter with safe_serialization=True (adapter_model.safetensors)")
    raise AdapterFormatError(f"{folder} has adapter_config.json but neither adapters.safetensors (mlx-lm) "
                             "nor adapter_model.safetensors (PEFT)")


def write_mlx(folder: Path, converted: Converted) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    save_tensors(folder / MLX_WEIGHTS, converted.weights)
    (folder / MLX_CONFIG).write_text(json.dumps(converted.config, indent=2))


def write_peft(folder: Path, converted: Converted) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    save_tensors(folder / PEFT_WEIGHTS, converted.weights)
    (folder / MLX_CONFIG).write_text(json.dumps(converted.config, indent=2))


# -- the base model ---------------------------------------------------------------------------------
def model_config(model_path: str | Path) -> dict[str, Any]:
    return read_json(Path(model_path) / "config.json")


def hf_id(model_path: str | Path) -> str:
    """The base's Hugging Face id when its cache path or config tells it, else the folder itself."""
    path = str(Path(model_path).resolve())
    if m := HF_CACHE_RE.search(path):
        return f"{m.group(1)}/{m.group(2)}"
    try:
        name = model_config(model_path).get("_name_or_path")
    except AdapterFormatError:
        name = None
    if isinstance(name, str) and re.fullmatch(r"[\w.-]+/[\w.-]+", name) and not Path(name).exists():
        return name
    return path


def base_linear_shapes(model_path: str | Path) -> dict[str, tuple[int, int]]:
    """(out, in) of every linear layer of the base model, from its structure (no weights are read)."""
    from mlx import nn
    from mlx_lm.utils import load_model

    model, _ = load_model(Path(model_path), lazy=True, strict=False)
    shapes = {}
    for name, module in model.named_modules():
        if isinstance(module, nn.QuantizedLinear):
            out, packed = module.weight.shape
            shapes[name] = (int(out), int(packed * 32 // module.bits))
        elif isinstance(module, nn.Linear):
            shapes[name] = tuple(int(d) for d in module.weight.shape)
    return shapes
