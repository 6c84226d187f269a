"""ModelCatalog: finds local MLX models without loading weights and describes them for the UI.

A model is a directory with `config.json`, `*.safetensors` and tokenizer files. Configured roots may
be a model directory, a directory of model directories, or a Hugging Face hub cache
(`models--org--name/snapshots/<rev>/`). A directory that looks like a model but has a missing or
broken config.json is listed with an `error`, so a user sees why it cannot be used.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any, Callable

from backend.models.quantization import describe_quantization

COMMON_DEPTHS = frozenset({2, 4, 6, 8, 12, 16, 18, 22, 24, 26, 28, 32, 36, 40, 42, 46, 48, 60, 62, 64, 80, 94})
TOKENIZER_FILES = ("tokenizer.json", "tokenizer.model", "tokenizer_config.json", "tiktoken.model")


def coverage_presets(depth: int) -> list[int]:
    """`-1` (all blocks) then top-k presets at 3/4, 1/2 and 1/4 of the depth (32 → 24, 16, 8)."""
    if depth < 1:
        return [-1]
    picks = {max(1, round(depth * f)) for f in (0.75, 0.5, 0.25)}
    return [-1, *sorted((k for k in picks if k < depth), reverse=True)]


def _text_config(config: dict[str, Any]) -> dict[str, Any]:
    """Multimodal configs nest the language model's fields under text_config."""
    inner = config.get("text_config")
    return {**inner, **{k: v for k, v in config.items() if k not in inner}} if isinstance(inner, dict) else config


def _dir_size(path: Path) -> int:
    total = 0
    for f in path.iterdir():
        try:
            if f.is_file():
                total += f.stat().st_size  # follows hub-cache symlinks to their blobs
        except OSError:
            pass
    return total


def _looks_like_model(path: Path) -> bool:
    return (path / "config.json").exists() or any(path.glob("*.safetensors"))


def _hub_name(snapshot: Path) -> str:
    # .../models--org--name/snapshots/<rev> → org/name
    repo = snapshot.parent.parent.name
    return repo.removeprefix("models--").replace("--", "/")


def describe_model(path: Path, name: str | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "name": name or path.name, "path": str(path), "model_type": None,
        "num_hidden_layers": None, "hidden_size": None, "vocab_size": None, "quantized": None,
        "size_bytes": _dir_size(path), "coverage_presets": [-1], "depth_is_standard": None,
        "error": None, "usable": False,
    }
    config_file = path / "config.json"
    try:
        raw = json.loads(config_file.read_text())
        if not isinstance(raw, dict):
            raise ValueError("config.json is not a JSON object")
    except FileNotFoundError:
        entry["error"] = "config.json is missing"
        return entry
    except (OSError, ValueError) as exc:
        entry["error"] = f"config.json is unreadable: {exc}"
        return entry
    config = _text_config(raw)
    depth = config.get("num_hidden_layers") or config.get("n_layer") or config.get("num_layers")
    entry.update(
        model_type=config.get("model_type"),
        num_hidden_layers=depth,
        hidden_size=config.get("hidden_size") or config.get("d_model"),
        vocab_size=config.get("vocab_size"),
        quantized=describe_quantization(raw, path),
    )
    problems = []
    if not entry["model_type"]:
        problems.append("config.json has no model_type")
    if not isinstance(depth, int) or depth < 1:
        problems.append("config.json has no num_hidden_layers")
    else:
        entry["coverage_presets"] = coverage_presets(depth)
        entry["depth_is_standard"] = depth in COMMON_DEPTHS
    if not any(path.glob("*.safetensors")):
        problems.append("no *.safetensors weights")
    if not any((path / f).exists() for f in TOKENIZER_FILES):
        problems.append("no tokenizer files")
    if entry["model_type"] and not problems:
        from backend.models.lora_policy import architecture_problem

        if reason := architecture_problem(raw):  # what mlx-lm itself loads
            problems.append(reason)
    entry["error"] = "; ".join(problems) or None
    entry["usable"] = entry["error"] is None
    return entry


def discover(roots: list[Path]) -> list[tuple[Path, str]]:
    """Candidate model dirs (path, display name) under the roots, deduplicated, in a stable order."""
    found: dict[Path, str] = {}

    def add(path: Path, name: str) -> None:
        found.setdefault(path.resolve(), name)

    for root in roots:
        if not root.is_dir():
            continue
        if _looks_like_model(root):
            add(root, root.name)
            continue
        for child in sorted(root.iterdir()):
            if not child.is_dir():
                continue
            if child.name.startswith("models--"):
                for snap in sorted((child / "snapshots").glob("*")):
                    if snap.is_dir() and _looks_like_model(snap):
                        add(snap, _hub_name(snap))
            elif _looks_like_model(child):
                add(child, child.name)
    return [(p, n) for p, n in found.items()]


class ModelCatalog:
    """Cached discovery; `refresh()` rescans. `annotate` adds derived fields (LoRA targets)."""

    def __init__(self, roots: Callable[[], list[Path]],
                 annotate: Callable[[dict[str, Any]], None] | None = None,
                 names: dict[Path, str] | None = None):
        self._roots = roots
        self._annotate = annotate
        # Display names for dirs whose folder name says little (the demo lives in demo/model).
        self._names = {p.resolve(): n for p, n in (names or {}).items()}
        self._lock = threading.Lock()
        self._models: list[dict[str, Any]] | None = None

    def list(self, refresh: bool = False) -> list[dict[str, Any]]:
        with self._lock:
            if self._models is None or refresh:
                models = [describe_model(p, self._names.get(p, n)) for p, n in discover(self._roots())]
                if self._annotate:
                    for m in models:
                        if m["error"] is None:
                            self._annotate(m)
                self._models = models
            return list(self._models)

    def display_name(self, path: str | Path) -> str:
        """The name the catalog lists a model under (the demo: lora-studio-demo, not its folder)."""
        target = Path(path).expanduser().resolve()
        for m in self.list():
            if Path(m["path"]).resolve() == target:
                return m["name"]
        return self._names.get(target, target.name)

    def get(self, path: str | Path) -> dict[str, Any] | None:
        """The catalog entry for a path, described on demand when it is outside the roots."""
        try:
            target = Path(path).expanduser().resolve()
            is_dir = target.is_dir()
        except (OSError, ValueError, RuntimeError):  # too long, NUL, ~unknown-user: names no model
            return None
        for m in self.list():
            if Path(m["path"]).resolve() == target:
                return m
        if is_dir:
            entry = describe_model(target)
            if entry["error"] is None and self._annotate:
                self._annotate(entry)
            return entry
        return None
