"""The older app's config and adapter_config.json, mapped onto our run configs (tolerantly, with warnings).

Its configs come in four shapes: older (no LoRA fields), newer (`lora_rank, lora_alpha, …`), Enhanced
(`training_method` and GRPO fields) and nested_learning (`train_data, val_data, num_steps,
training_type`). LoRA fields come from the adapter's own adapter_config.json when there is one.
"""

from __future__ import annotations

import json
import re
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from backend.errors import FieldErrors
from backend.models.weights import lora_rank
from backend.schemas.enhanced import METHOD_SETTINGS, EnhancedTrainingConfig
from backend.schemas.lora import MLX_LM_LORA_DEFAULTS
from backend.schemas.training import TrainingConfig

LORA_FIELDS = ("lora_rank", "lora_alpha", "lora_dropout", "lora_num_layers", "fine_tune_type")
# Fields only GRPO-family configs have; `training_method: sft` with these still means SFT.
GRPO_ONLY = ("group_size", "epsilon", "importance_sampling_level", "grpo_loss_type", "beta", "reward_functions",
             "max_completion_length")
METHOD_ALIASES = {"grpo": "grpo", "gspo": "gspo", "dr_grpo": "dr_grpo", "drgrpo": "dr_grpo", "dr.grpo": "dr_grpo"}
NESTED_RENAMES = {"train_data": "train_data_path", "val_data": "val_data_path", "num_steps": "iterations"}


def slug(value: Any, fallback: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", str(value or "")).strip("-.")[:64]
    return slug or fallback


def timestamp(*values: Any) -> float:
    for value in values:
        if isinstance(value, (int, float)):
            return float(value)
        if isinstance(value, str):
            try:
                return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
            except ValueError:
                continue
    return time.time()


def adapter_folder(adapter_path: str | None, where: list[Any]) -> tuple[Path | None, list[str]]:
    """The adapter folder of `adapter_path` (a file: its folder), None with a warning when it is gone."""
    if not adapter_path:
        return None, ["the session names no adapter_path: imported without adapter files"]
    path = Path(adapter_path).expanduser()  # PathStr refused NUL bytes and ~ of unknown users
    if not path.is_absolute():  # the older app wrote absolute paths; a relative one has no base here
        return None, [f"adapter_path {adapter_path} is relative: imported without adapter files"]
    try:
        folder = path if path.is_dir() else path.parent if path.is_file() else None
        if folder is None:
            return None, [f"adapter files not found at {adapter_path}: imported without them"]
        names = {p.name for p in folder.iterdir() if p.is_file()}
    except OSError as exc:
        raise FieldErrors.one(where, f"adapter_path {adapter_path} cannot be read: {exc.strerror or exc}") from exc
    if "adapter_config.json" not in names or not any(n.endswith(".safetensors") for n in names):
        raise FieldErrors.one(where, f"{folder} is not an mlx-lm adapter folder (it needs adapter_config.json "
                                     "and *.safetensors weights)")
    return folder, []


def adapter_lora(folder: Path, where: list[Any]) -> dict[str, Any]:
    """rank, alpha (= scale × rank), dropout, num_layers, fine_tune_type and keys from adapter_config.json."""
    try:
        raw = json.loads((folder / "adapter_config.json").read_text())
    except (OSError, ValueError) as exc:
        raise FieldErrors.one(where, f"{folder / 'adapter_config.json'} is not readable JSON: {exc}") from exc
    if not isinstance(raw, dict):
        raise FieldErrors.one(where, f"{folder / 'adapter_config.json'} is not a JSON object")
    out: dict[str, Any] = {}
    params = raw.get("lora_parameters")
    if not isinstance(params, dict):
        # Older mlx-lm wrote no lora_parameters: its defaults apply (scale 20, the rank of the weights).
        params = dict(MLX_LM_LORA_DEFAULTS)
        try:
            params["rank"] = lora_rank(folder / "adapters.safetensors") or params["rank"]
        except (OSError, ValueError):
            pass
        out["note"] = (f"adapter_config.json has no lora_parameters: mlx-lm's defaults apply "
                       f"(rank {params['rank']} from the weights, scale {params['scale']})")
    rank, scale = params.get("rank"), params.get("scale")
    if isinstance(rank, int) and rank > 0:
        out["lora_rank"] = rank
        if isinstance(scale, (int, float)) and scale > 0:
            out["lora_alpha"] = float(scale) * rank
    if isinstance(params.get("dropout"), (int, float)):
        out["lora_dropout"] = float(params["dropout"])
    num_layers = raw.get("num_layers", raw.get("lora_layers"))  # lora_layers: older mlx-lm
    if isinstance(num_layers, int):
        out["lora_num_layers"] = num_layers
    if raw.get("fine_tune_type") in ("lora", "dora"):
        out["fine_tune_type"] = raw["fine_tune_type"]
    if isinstance(params.get("keys"), list) and all(isinstance(k, str) for k in params["keys"]):
        out["keys"] = params["keys"]
    if isinstance(raw.get("model"), str):
        out["model_path"] = raw["model"]
    return out


def _coerce(model: type[BaseModel], values: dict[str, Any], warnings: list[str]) -> dict[str, Any]:
    """Validate against our config; each invalid field is replaced by its default, with a warning."""
    for _ in range(len(values) + 1):
        try:
            return model.model_validate(values).model_dump()
        except ValidationError as exc:
            bad = {str(e["loc"][0]) for e in exc.errors() if e["loc"]} or {"reward_weights"}
            if not bad & set(values):
                break
            for name in sorted(bad & set(values)):
                warnings.append(f"invalid {name}={values.pop(name)!r} replaced by the default")
    raise ValueError("the legacy config could not be read")


def _method(config: dict[str, Any], warnings: list[str]) -> str | None:
    """The GRPO-family method of an Enhanced config, None for SFT."""
    given = str(config.get("training_method") or "").lower().replace("-", "_").replace(" ", "_")
    if given == "sft" or (not given and not any(k in config for k in GRPO_ONLY)):
        return None
    if given in METHOD_ALIASES:
        method = METHOD_ALIASES[given]
    else:
        if given:
            warnings.append(f"training_method {given!r} is not one of grpo, gspo, dr_grpo: imported as grpo")
        method = "grpo"
    if method == "grpo" and config.get("importance_sampling_level") == "sequence":
        method = "gspo"
    if method == "grpo" and config.get("grpo_loss_type") == "dr_grpo":
        method = "dr_grpo"
    return method


def map_config(raw: dict[str, Any], lora: dict[str, Any], adapter_name: str, warnings: list[str]
            ) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """(kind, our config, extras for the summary) from the older app's config."""
    values = dict(raw)
    extras: dict[str, Any] = {}
    if str(values.get("training_type") or "").lower() == "nested_learning" or "num_steps" in values:
        extras["legacy_training_type"] = "nested_learning"
        for old, new in NESTED_RENAMES.items():
            if old in values:
                values.setdefault(new, values.pop(old))
        warnings.append("nested_learning session: imported as LoRA SFT (its nested-learning options are kept "
                        "in the summary, not trained by this studio)")
    method = _method(values, warnings)
    model: type[BaseModel] = TrainingConfig
    if method:
        model = EnhancedTrainingConfig
        for name, fixed in METHOD_SETTINGS[method].items():
            if values.get(name) not in (None, fixed):
                warnings.append(f"{name}={values[name]!r} does not fit {method}: set to {fixed!r}")
            values.pop(name, None)
        values["training_method"] = method
    known = set(model.model_fields) - {"distributed"}
    ignored = sorted(k for k in values if k not in known)
    if ignored:
        warnings.append(f"ignored unknown config fields: {', '.join(ignored)}")
        extras["legacy_config_extra"] = {k: values[k] for k in ignored}
    values = {k: v for k, v in values.items() if k in known}
    values["adapter_name"] = slug(values.get("adapter_name"), adapter_name)
    from_adapter = {k: v for k, v in lora.items() if k in LORA_FIELDS}
    disagree = sorted(k for k, v in from_adapter.items() if k in values and values[k] != v)
    if disagree:
        warnings.append(f"{', '.join(disagree)} taken from the adapter's adapter_config.json, not the session config")
    values.update(from_adapter)
    missing = [k for k in LORA_FIELDS if k not in values]
    if missing:
        defaults = {k: model.model_fields[k].default for k in missing if k in model.model_fields}
        warnings.append("LoRA fields defaulted (no adapter_config.json and not in the session config): "
                        + ", ".join(f"{k}={v}" for k, v in defaults.items()))
    if not isinstance(values.get("model_path"), str) or not values["model_path"]:
        values["model_path"] = lora.get("model_path") or "unknown"
        if values["model_path"] == "unknown":
            warnings.append("model_path missing in the session and its adapter")
    if not isinstance(values.get("train_data_path"), str) or not values["train_data_path"]:
        values["train_data_path"] = "unknown"
        warnings.append("train_data_path missing in the session")
    return ("enhanced" if method else "sft"), _coerce(model, values, warnings), extras
