"""What a `.safetensors` file holds (tensor names, shapes, dtypes), read from its header without loading it."""

from __future__ import annotations

import json
import struct
from pathlib import Path
from typing import Any

MAX_HEADER_BYTES = 100 * 1024 * 1024  # the format's own limit


def safetensors_header(path: Path) -> dict[str, dict[str, Any]]:
    """{tensor name: {"dtype", "shape", "data_offsets"}}; ValueError when the file is not safetensors."""
    with open(path, "rb") as f:
        head = f.read(8)
        if len(head) != 8:
            raise ValueError(f"{path.name} is not a safetensors file (too short)")
        (size,) = struct.unpack("<Q", head)
        if size > MAX_HEADER_BYTES:
            raise ValueError(f"{path.name} is not a safetensors file (header size {size})")
        header = json.loads(f.read(size))
    if not isinstance(header, dict):
        raise ValueError(f"{path.name} is not a safetensors file (header is not an object)")
    header.pop("__metadata__", None)
    return header


def lora_rank(path: Path) -> int | None:
    """The rank of an mlx-lm adapter's weights: the last dimension of any `lora_a`."""
    for name, info in safetensors_header(path).items():
        if name.endswith(".lora_a") and isinstance(info, dict) and info.get("shape"):
            return int(info["shape"][-1])
    return None
