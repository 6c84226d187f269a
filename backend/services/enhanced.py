"""Starting GRPO-family runs (Enhanced Setup): attention-only LoRA keys, data and reward checks first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from backend.schemas.enhanced import EnhancedTrainingConfig
from backend.services.jobs import JobError, JobManager
from backend.services.rewards import RewardFileError, check_reward_names
from backend.services.run_files import RunFiles
from backend.services.sft import check_coverage, check_distributed, prepare_data, resolve_model
from backend.services.yaml_builder import build_enhanced_yaml, write_run_yaml
from backend.settings import Settings

ENHANCED_SCRIPT = "run_enhanced.py"
ATTENTION_KEYS = ("self_attn.q_proj", "self_attn.k_proj", "self_attn.v_proj", "self_attn.o_proj")


def attention_only_keys(model_dir: Path) -> list[str]:
    """The comparison baseline's keys, checked against the model's real module tree."""
    from backend.services.lora_policy import build_module_tree

    import json
    config = json.loads((model_dir / "config.json").read_text())
    try:
        model = build_module_tree(config)
    except ValueError as exc:
        raise JobError(422, f"cannot build the module tree of {model_dir.name}: {exc}") from exc
    present = {name for block in model.layers for name, _ in block.named_modules()}
    keys = [k for k in ATTENTION_KEYS if k in present]
    if not keys:
        raise JobError(422, f"{model_dir.name} has no self_attn.{{q,k,v,o}}_proj modules for the "
                            "attention-only baseline")
    return keys


def start_enhanced(jobs: JobManager, settings: Settings, config: EnhancedTrainingConfig) -> dict[str, Any]:
    entry = resolve_model(jobs.catalog, config.model_path)
    check_coverage(entry, config.lora_num_layers)
    check_distributed(config.distributed)
    try:
        check_reward_names(config.reward_functions, config.reward_functions_file)
    except RewardFileError as exc:
        raise JobError(422, [{"loc": ["body", "reward_functions"], "type": "value_error",
                              "msg": str(exc)}]) from exc
    config = config.model_copy(update={"model_path": entry["path"]})
    keys = attention_only_keys(Path(entry["path"]))

    def prepare(run_id: str, files: RunFiles) -> dict[str, Any]:
        data = prepare_data(config, files, "grpo")
        yaml_path = write_run_yaml(build_enhanced_yaml(config, run_id=run_id, run_dir=files.root, keys=keys),
                                   files.root, None)
        targets = {"keys": keys, "resolved_keys": keys, "warnings": [], "fallback": False,
                   "architecture": entry.get("model_type"), "trainable_parameters": None,
                   "attention_only": True}
        return {"yaml_path": str(yaml_path), "warnings": [], "data": data, "lora_targets": targets,
                "world_size": config.world_size, "effective_batch_size": config.effective_batch_size}

    return jobs.launch(kind="enhanced", config=config.model_dump(), prepare=prepare,
                       script=ENHANCED_SCRIPT, name=config.adapter_name, distributed=config.distributed)
