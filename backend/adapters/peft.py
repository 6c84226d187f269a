"""LoRA adapters both ways between mlx-lm's layout and Hugging Face PEFT's, as pure functions.

mlx-lm's LoRALinear computes `y = W x + scale * (x @ lora_a) @ lora_b` with `lora_a` (in × r) and
`lora_b` (r × out), so its update is ΔW = scale · lora_bᵀ · lora_aᵀ (out × in). PEFT computes
ΔW = (lora_alpha / r) · B · A (or lora_alpha / √r with `use_rslora`) with `lora_A.weight` (r × in) and
`lora_B.weight` (out × r). Hence A = lora_aᵀ, B = lora_bᵀ and lora_alpha = scale · r. A forgotten
transpose loads silently when r == in, so `delta_w` recomputes both updates independently for checks.

Module paths are the same on both sides (mlx-lm's models mirror the Hugging Face names); PEFT prefixes
them with `base_model.model.`. MoE expert layers (mlx-lm's SwitchLinear, one 3-D tensor for all experts)
and DoRA have no faithful PEFT equivalent here and are refused rather than written wrongly.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from backend.schemas.lora import MLX_LM_LORA_DEFAULTS

PEFT_PREFIX = "base_model.model."
LAYER_RE = re.compile(r"(?:^|\.)layers\.(\d+)\.(.+)$")


class AdapterFormatError(ValueError):
    """The adapter cannot be converted; the message says why and what to do."""


@dataclass
class Converted:
    weights: dict[str, np.ndarray]
    config: dict[str, Any]


def _modules(weights: dict[str, Any], a: str, b: str) -> dict[str, tuple[Any, Any]]:
    """{module path: (A-side tensor, B-side tensor)} for keys ending in `.<a>` / `.<b>`."""
    found: dict[str, dict[str, Any]] = {}
    for key, value in weights.items():
        for side in (a, b):
            if key.endswith("." + side):
                found.setdefault(key[: -len(side) - 1], {})[side] = value
    missing = [m for m, pair in found.items() if len(pair) != 2]
    if missing:
        raise AdapterFormatError(f"{len(missing)} module(s) have only one of {a}/{b}, e.g. {missing[0]}")
    return {m: (pair[a], pair[b]) for m, pair in sorted(found.items())}


def _layer_and_key(module: str) -> tuple[int, str]:
    m = LAYER_RE.search(module)
    if m is None:
        raise AdapterFormatError(f"{module}: not inside a transformer block (`layers.N.`); "
                                 "only block modules can be converted")
    return int(m.group(1)), m.group(2)


def mlx_lora_parameters(config: dict[str, Any], weights: dict[str, Any]) -> dict[str, Any]:
    """rank, scale, dropout (and keys) of an mlx-lm adapter_config.json, mlx-lm's defaults filled in."""
    params = {**MLX_LM_LORA_DEFAULTS, **(config.get("lora_parameters") or {})}
    if "rank" not in (config.get("lora_parameters") or {}):
        ranks = [w.shape[-1] for k, w in weights.items() if k.endswith(".lora_a")]  # numpy or mlx arrays
        params["rank"] = int(ranks[0]) if ranks else params["rank"]
    return params


def mlx_to_peft(weights: dict[str, Any], config: dict[str, Any],
                base_model_name_or_path: str | None = None) -> Converted:
    """PEFT tensors and adapter_config.json from an mlx-lm adapter (its weights and adapter_config.json)."""
    fine_tune_type = config.get("fine_tune_type") or "lora"
    if fine_tune_type != "lora":
        raise AdapterFormatError(f"fine_tune_type {fine_tune_type!r}: only plain LoRA adapters have a PEFT "
                                 "export (DoRA magnitudes and full fine-tunes do not)")
    params = mlx_lora_parameters(config, weights)
    rank, scale = int(params["rank"]), float(params["scale"])
    modules = _modules(weights, "lora_a", "lora_b")
    if not modules:
        raise AdapterFormatError("no lora_a/lora_b tensors in the adapter")
    experts = [m for m, (a, _) in modules.items() if np.ndim(a) != 2]
    if experts:
        raise AdapterFormatError(
            f"{len(experts)} module(s) are MoE expert layers (SwitchLinear: one tensor for all experts), "
            f"e.g. {experts[0]}; PEFT has no equivalent for them, so this adapter cannot be exported as PEFT. "
            "Export it as a fused MLX model instead")
    out: dict[str, np.ndarray] = {}
    layers, keys = set(), set()
    for module, (a, b) in modules.items():
        layer, key = _layer_and_key(module)
        layers.add(layer)
        keys.add(key)
        out[f"{PEFT_PREFIX}{module}.lora_A.weight"] = np.ascontiguousarray(np.asarray(a).T)
        out[f"{PEFT_PREFIX}{module}.lora_B.weight"] = np.ascontiguousarray(np.asarray(b).T)
        if out[f"{PEFT_PREFIX}{module}.lora_A.weight"].shape[0] != rank:
            raise AdapterFormatError(f"{module}: lora_a has rank {np.shape(a)[-1]}, the config says {rank}")
    leaves = [k.rsplit(".", 1)[-1] for k in keys]
    # PEFT matches a target by suffix: leaf names when they are unambiguous, else the block-relative path.
    targets = sorted(set(leaves)) if len(set(leaves)) == len(keys) else sorted(keys)
    peft_config = {
        "peft_type": "LORA", "task_type": "CAUSAL_LM", "r": rank, "lora_alpha": scale * rank,
        "lora_dropout": float(params.get("dropout", 0.0)), "target_modules": targets,
        "layers_to_transform": sorted(layers), "bias": "none", "use_rslora": False, "use_dora": False,
        "fan_in_fan_out": False, "base_model_name_or_path": base_model_name_or_path,
        "inference_mode": True, "modules_to_save": None,
    }
    return Converted(out, peft_config)


def peft_to_mlx(tensors: dict[str, Any], peft_config: dict[str, Any], num_hidden_layers: int,
                base_model: str | None = None) -> Converted:
    """mlx-lm adapter weights and adapter_config.json from a PEFT LoRA adapter."""
    if str(peft_config.get("peft_type", "LORA")).upper() != "LORA":
        raise AdapterFormatError(f"peft_type {peft_config.get('peft_type')!r}: only LORA adapters convert")
    refused = [(k, peft_config.get(k)) for k in ("use_dora", "fan_in_fan_out", "rank_pattern", "alpha_pattern")
               if peft_config.get(k)]
    if peft_config.get("bias") not in (None, "none"):
        refused.append(("bias", peft_config["bias"]))
    if peft_config.get("modules_to_save"):
        refused.append(("modules_to_save", peft_config["modules_to_save"]))
    if refused:
        raise AdapterFormatError("PEFT settings with no mlx-lm equivalent: "
                                 + ", ".join(f"{k}={v!r}" for k, v in refused))
    rank, alpha = peft_config.get("r"), peft_config.get("lora_alpha")
    if not isinstance(rank, int) or rank < 1 or not isinstance(alpha, (int, float)) or alpha <= 0:
        raise AdapterFormatError("adapter_config.json needs an integer r >= 1 and a positive lora_alpha")
    scale = alpha / math.sqrt(rank) if peft_config.get("use_rslora") else alpha / rank
    named = {k.removeprefix(PEFT_PREFIX): v for k, v in tensors.items()}
    named = {k.replace(".lora_A.default.weight", ".lora_A.weight").replace(".lora_B.default.weight",
                                                                           ".lora_B.weight"): v
             for k, v in named.items()}
    stray = [k for k in named if not k.endswith((".lora_A.weight", ".lora_B.weight"))]
    if stray:
        raise AdapterFormatError(f"{len(stray)} tensor(s) are not LoRA A/B matrices, e.g. {stray[0]}")
    modules = _modules({k[: -len(".weight")]: v for k, v in named.items()}, "lora_A", "lora_B")
    weights: dict[str, np.ndarray] = {}
    layers, keys = set(), set()
    for module, (a, b) in modules.items():
        layer, key = _layer_and_key(module)
        if np.ndim(a) != 2 or np.shape(a)[0] != rank or np.shape(b)[-1] != rank:
            raise AdapterFormatError(f"{module}: lora_A {np.shape(a)} / lora_B {np.shape(b)} do not have rank {rank}")
        layers.add(layer)
        keys.add(key)
        weights[f"{module}.lora_a"] = np.ascontiguousarray(np.asarray(a).T)
        weights[f"{module}.lora_b"] = np.ascontiguousarray(np.asarray(b).T)
    if not modules:
        raise AdapterFormatError("no lora_A/lora_B tensors in adapter_model.safetensors")
    if max(layers) >= num_hidden_layers:
        raise AdapterFormatError(f"the adapter has block {max(layers)} but the base model has "
                                 f"{num_hidden_layers} blocks: it was made for another model")
    # mlx-lm converts the top `num_layers` blocks; blocks the adapter has no tensors for stay identities.
    config = {"fine_tune_type": "lora", "num_layers": num_hidden_layers - min(layers),
              "lora_parameters": {"rank": rank, "scale": scale, "dropout": float(peft_config.get("lora_dropout") or 0.0),
                                  "keys": sorted(keys)},
              "model": base_model, "converted_from": "peft"}
    return Converted(weights, config)


def delta_w_mlx(lora_a: Any, lora_b: Any, scale: float) -> np.ndarray:
    """mlx-lm's update as its LoRALinear.fuse computes it: (scale · lora_bᵀ) @ lora_aᵀ."""
    return (scale * np.asarray(lora_b, np.float64).T) @ np.asarray(lora_a, np.float64).T


def delta_w_peft(lora_A: Any, lora_B: Any, lora_alpha: float, r: int, use_rslora: bool = False) -> np.ndarray:
    """PEFT's update as its LoRA Linear computes it: B @ A · scaling."""
    scaling = lora_alpha / (math.sqrt(r) if use_rslora else r)
    return (np.asarray(lora_B, np.float64) @ np.asarray(lora_A, np.float64)) * scaling


def check_against_base(modules: dict[str, tuple[int, int]], base_linears: dict[str, tuple[int, int]]) -> None:
    """Refuse an adapter whose modules (path -> (out, in)) the base model lacks or shapes differently."""
    problems = []
    for path, shape in sorted(modules.items()):
        if path not in base_linears:
            problems.append(f"{path}: no such linear layer in the base model")
        elif base_linears[path] != shape:
            problems.append(f"{path}: adapter is {shape[0]}×{shape[1]} (out×in), the base layer is "
                            f"{base_linears[path][0]}×{base_linears[path][1]}")
    if problems:
        raise AdapterFormatError(f"the adapter does not fit the base model ({len(problems)} module(s)): "
                                 + "; ".join(problems[:4]))


def mlx_module_shapes(weights: dict[str, Any]) -> dict[str, tuple[int, int]]:
    """(out, in) of every module of mlx-lm adapter weights."""
    return {m: (int(np.shape(b)[-1]), int(np.shape(a)[0]))
            for m, (a, b) in _modules(weights, "lora_a", "lora_b").items()}
