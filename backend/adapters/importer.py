"""Adapters made elsewhere become sessions of kind `imported`: an mlx-lm adapter folder as it is, a
Hugging Face PEFT folder converted to the mlx-lm layout. Everything is checked against the base model
before anything is written, so a refused import leaves no trace."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path
from typing import Any

from backend.adapters import files as af
from backend.adapters.peft import (
    AdapterFormatError,
    check_against_base,
    mlx_lora_parameters,
    mlx_module_shapes,
    peft_to_mlx,
)
from backend.runs.layout import CHECKPOINT_RE, RunFiles, new_run_id
from backend.runs.store import RunStore

log = logging.getLogger("lora_studio.adapters")
MLX_FILES = re.compile(r"^(adapter_config\.json|adapters\.safetensors|best_adapters\.safetensors|"
                       + CHECKPOINT_RE.pattern[1:-1] + r")$")


def _hf_cache_snapshot(repo_id: str) -> Path | None:
    """The newest local snapshot of a Hugging Face repo id (`org/name`) in the HF cache, if downloaded."""
    from backend.settings import default_hf_cache

    if not re.fullmatch(r"[\w.-]+/[\w.-]+", repo_id):
        return None
    snapshots = default_hf_cache() / f"models--{repo_id.replace('/', '--')}" / "snapshots"
    found = sorted((p for p in snapshots.glob("*") if (p / "config.json").is_file()),
                   key=lambda p: p.stat().st_mtime) if snapshots.is_dir() else []
    return found[-1] if found else None


def _base_model(model_path: str | None, config: dict[str, Any], layout: str) -> Path:
    """model_path, else the folder or Hugging Face id the adapter's config names (mlx-lm `model`, PEFT
    `base_model_name_or_path`), an id resolved through the local HF cache."""
    candidates = [model_path] if model_path else [config.get("model"), config.get("base_model_name_or_path")]
    for candidate in candidates:
        if isinstance(candidate, str) and candidate:
            path = Path(candidate).expanduser()
            if (path / "config.json").is_file():
                return path.resolve()
            if model_path:
                raise AdapterFormatError(f"model_path {model_path} is not a model folder (no config.json)")
            if (cached := _hf_cache_snapshot(candidate)) is not None:
                return cached
    named = next((c for c in candidates if isinstance(c, str) and c), None)
    hint = (f" (its config names {named!r}, which is neither a local model folder nor in the Hugging Face "
            "cache)") if named else ""
    raise AdapterFormatError(f"the base model of this {layout} adapter is unknown{hint}: pass model_path")


def _slug(text: str) -> str:
    return (re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.") or "imported")[:64]


def read_adapter(folder: Path, model_path: str | None) -> dict[str, Any]:
    """Everything an import needs, validated: layout, base model, mlx-lm weights/config and files to copy."""
    layout = af.detect_layout(folder)
    config = af.read_json(folder / af.MLX_CONFIG)
    base = _base_model(model_path, config, layout)
    base_config = af.model_config(base)
    depth = base_config.get("num_hidden_layers") or (base_config.get("text_config") or {}).get("num_hidden_layers")
    if not isinstance(depth, int):
        raise AdapterFormatError(f"the base model at {base} does not say its num_hidden_layers")
    if layout == "peft":
        converted = peft_to_mlx(af.load_tensors(folder / af.PEFT_WEIGHTS), config, depth, str(base))
        weights, mlx_config, copies = converted.weights, converted.config, []
    else:
        weights, mlx_config = af.load_tensors(folder / af.MLX_WEIGHTS), config
        copies = sorted(p for p in folder.iterdir() if p.is_file() and MLX_FILES.match(p.name))
        converted = None
    plain = {k: v for k, v in weights.items() if v.ndim == 2}  # expert (3-D) tensors: checked by mlx-lm
    if plain:
        try:
            linears = af.base_linear_shapes(base)
        except Exception as exc:
            raise AdapterFormatError(f"the base model at {base} could not be read: {exc}") from exc
        check_against_base(mlx_module_shapes(plain), linears)
    return {"layout": layout, "base": base, "depth": depth, "config": mlx_config, "weights": weights,
            "converted": converted, "copies": copies, "source_config": config}


def run_config(info: dict[str, Any], adapter_name: str, source: Path) -> dict[str, Any]:
    """The session's config: the LoRA facts of the adapter itself (alpha = scale × rank)."""
    params = mlx_lora_parameters(info["config"], info["weights"])
    num_layers = info["config"].get("num_layers")
    return {"model_path": str(info["base"]), "train_data_path": "", "adapter_name": adapter_name,
            "lora_rank": int(params["rank"]), "lora_alpha": float(params["scale"]) * int(params["rank"]),
            "lora_dropout": float(params.get("dropout") or 0.0),
            "lora_num_layers": num_layers if isinstance(num_layers, int) and num_layers < info["depth"] else -1,
            "fine_tune_type": info["config"].get("fine_tune_type") or "lora",
            "lora_keys": params.get("keys"), "imported_from": str(source), "source_format": info["layout"]}


def import_adapter(store: RunStore, runs_dir: Path, path: str, model_path: str | None = None,
                   name: str | None = None) -> dict[str, Any]:
    folder = Path(path).expanduser()
    if folder.is_file():
        folder = folder.parent
    if not folder.is_dir():
        raise AdapterFormatError(f"no adapter folder at {path}")
    folder = folder.resolve()
    info = read_adapter(folder, model_path)
    adapter_name = _slug(name or folder.name)
    run_id = new_run_id(adapter_name)
    files = RunFiles.for_run(runs_dir, run_id)
    config = run_config(info, adapter_name, folder)
    try:
        files.adapters.mkdir(parents=True)
        if info["converted"] is not None:
            af.write_mlx(files.adapters, info["converted"])
        for f in info["copies"]:
            shutil.copy2(f, files.adapters / f.name)
        ckpts = files.checkpoints()
        summary = {"imported_from": str(folder), "source_format": info["layout"], "warnings": []}
        run = store.create_run({
            "id": run_id, "kind": "imported", "name": name or adapter_name, "model_path": str(info["base"]),
            "adapter_name": adapter_name, "state": "completed", "config": config, "summary": summary,
            "steps_completed": ckpts[-1][0] if ckpts else 0, "total_steps": ckpts[-1][0] if ckpts else 0,
        })
    except BaseException:
        shutil.rmtree(files.root, ignore_errors=True)
        raise
    log.info("imported %s adapter %s as %s", info["layout"], folder, run_id)
    return {"run_id": run["id"], "source_format": info["layout"], "model_path": str(info["base"]),
            "lora": {"rank": config["lora_rank"], "alpha": config["lora_alpha"],
                     "num_layers": config["lora_num_layers"], "keys": config["lora_keys"]}}
