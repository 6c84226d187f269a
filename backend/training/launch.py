"""Starting and resuming runs (SFT and the GRPO family): validate against the real model and data, then launch."""

from __future__ import annotations

import json
import logging
import math
from pathlib import Path
from typing import Any

import yaml

from backend.errors import FieldErrors
from backend.models.catalog import ModelCatalog
from backend.runs.events import EventHub
from backend.runs.layout import RunFiles, checkpoint_name, has_state
from backend.schemas.distributed import DistributedCheck, DistributedConfig
from backend.schemas.enhanced import EnhancedTrainingConfig
from backend.schemas.lora import ATTENTION_KEYS
from backend.schemas.paths import directory_given
from backend.schemas.recipe import recipe_errors
from backend.schemas.training import TrainingConfig
from backend.settings import Settings
from backend.training.datasets import DatasetError, prepare_run_data
from backend.training.jobs import JobError, JobManager
from backend.training.runner.rewards import RewardFileError, check_reward_names
from backend.training.start_from import apply_session_adapter, session_adapter
from backend.training.yaml_builder import (
    build_enhanced_yaml,
    build_sft_yaml,
    write_run_yaml,
)

log = logging.getLogger("lora_studio.launch")
# The runner module each kind of run is started with (`python -m MODULE --config FILE`).
RUNNER_MODULES = {"sft": "backend.training.runner.sft", "enhanced": "backend.training.runner.grpo"}


def resolve_model(catalog: ModelCatalog, model_path: str) -> dict[str, Any]:
    entry = catalog.get(model_path)
    if entry is None:
        raise FieldErrors.one(["body", "model_path"], f"No model directory at {model_path}")
    if entry.get("error"):
        raise FieldErrors.one(["body", "model_path"], f"Model at {model_path} is not usable: {entry['error']}")
    return entry


def check_coverage(entry: dict[str, Any], num_layers: int) -> None:
    depth = entry["num_hidden_layers"]
    if num_layers != -1 and not 1 <= num_layers <= depth:
        raise FieldErrors.one(["body", "lora_num_layers"], f"Layer coverage must be -1 (all) or 1..{depth}: "
                                                           f"this model has {depth} layers")


def check_distributed(dist: DistributedConfig) -> None:
    """What the schema cannot check: rank 0 must be this machine, mpirun must exist."""
    from backend.training.distributed.launcher import DistributedError, check_runnable

    if not dist.enabled:
        return
    try:
        check_runnable(dist, need_local_rank0=True)
    except DistributedError as exc:
        raise FieldErrors.one(["body", "distributed", exc.field], str(exc)) from exc


def distributed_preflight(check: DistributedCheck) -> dict[str, Any]:
    """POST /training/distributed/check: a tiny all-reduce on the given hosts (see launcher.preflight)."""
    from backend.training.distributed.launcher import DistributedError, preflight

    try:
        return preflight(check, paths=check.paths, timeout=check.timeout_s)
    except DistributedError as exc:
        raise FieldErrors.one(["body", exc.field], str(exc)) from exc


def prepare_data(config, files: RunFiles, kind: str) -> dict[str, Any]:
    """The run's own validated copy of its data (a 422 listing bad lines), big enough for one batch."""
    try:
        data = prepare_run_data(config.train_data_path, config.val_data_path, files.data_dir,
                                kind=kind, seed=config.seed, mapping=config.data_mapping)
    except DatasetError as exc:
        raise JobError(422, exc.as_detail()) from exc
    check_batch(data, config)
    return data


def check_batch(data: dict[str, Any], config) -> None:
    """mlx-lm builds only full global batches: each split needs at least one (else it fails mid-start)."""
    need = config.effective_batch_size
    per = (f"{config.batch_size} per process × {config.world_size} processes"
           if config.world_size > 1 else "the batch size")
    for split in ("train", "valid"):
        rows = data.get(f"{split}_rows")
        if rows is not None and 0 < rows < need or (split == "train" and rows == 0):
            raise FieldErrors.one(["body", "batch_size"], f"The {split} split has {rows} rows, fewer than one "
                                                          f"global batch of {need} ({per}); lower the batch size")


def resolve_recipe(config, train_rows: int, record: dict[str, Any]):
    """`epochs` -> iterations (ceil(epochs × rows / effective batch)), then the recipe's cross-field rules.

    `record` is the config the run is stored with; it gets the resolved iterations too."""
    if config.epochs:
        iterations = max(1, math.ceil(config.epochs * train_rows / config.effective_batch_size))
        if iterations > 1_000_000:
            raise FieldErrors.one(["body", "epochs"], f"{config.epochs} epochs of {train_rows} rows is "
                                                      f"{iterations} iterations, more than 1,000,000")
        config = config.model_copy(update={"iterations": iterations})
        record["iterations"] = iterations
    if errors := recipe_errors(config):
        raise FieldErrors(errors)
    return config


def _targets(entry: dict[str, Any], config: TrainingConfig, hub: EventHub, run_id: str | None):
    from backend.models.lora_policy import resolve_for_model_dir

    targets = resolve_for_model_dir(Path(entry["path"]), rank=config.lora_rank,
                                    num_layers=config.lora_num_layers)
    for warning in targets.warnings:
        log.warning("LoRA targets for %s: %s", entry["path"], warning)
    if targets.fallback:
        hub.notify("warning", "Architecture fallback",
                   f"LoRA keys for {entry.get('model_type')} could not be verified; adapting every "
                   f"linear module in the blocks instead. " + " ".join(targets.warnings), run_id)
    return targets


def start_sft(jobs: JobManager, settings: Settings, config: TrainingConfig) -> dict[str, Any]:
    entry = resolve_model(jobs.catalog, config.model_path)
    check_coverage(entry, config.lora_num_layers)
    check_distributed(config.distributed)
    # Canonical model path, so sessions, YAML and the inference cache agree on one key.
    config = config.model_copy(update={"model_path": entry["path"]})

    record = config.model_dump()

    def prepare(run_id: str, files: RunFiles) -> dict[str, Any]:
        data = prepare_data(config, files, "sft")
        resolved = resolve_recipe(config, data["train_rows"], record)
        targets = _targets(entry, config, jobs.hub, run_id)
        warnings = list(targets.warnings)
        if data["split"] != "given":
            warnings.append(f"No validation file: held out {data['valid_rows']} of "
                            f"{data['train_rows'] + data['valid_rows']} rows ({data['split']}).")
        run_yaml = build_sft_yaml(resolved, run_id=run_id, run_dir=files.root, keys=targets.keys)
        yaml_path = write_run_yaml(run_yaml, files.root, settings.parity_yaml_path)
        return {"yaml_path": str(yaml_path), "warnings": warnings, "data": data,
                "lora_targets": targets.as_dict(), "world_size": config.world_size,
                "effective_batch_size": config.effective_batch_size}

    started = jobs.launch(kind="sft", config=record, prepare=prepare, runner=RUNNER_MODULES["sft"],
                          name=config.adapter_name, distributed=config.distributed)
    record_memory_estimate(jobs, started["run_id"], entry, config, started.get("lora_targets") or {})
    return started


def record_memory_estimate(jobs: JobManager, run_id: str, entry: dict[str, Any], config, targets: dict) -> None:
    """The preflight's estimate, kept on the session beside the peak the runner will measure."""
    from backend.training.estimate import estimate

    try:
        est = estimate(Path(entry["path"]), Path(config.train_data_path), config, targets.get("keys"))
    except Exception as exc:  # noqa: BLE001 - an estimate is advice; it never fails a started run
        log.warning("memory estimate for %s failed: %s", run_id, exc)
        return
    jobs.store.merge_summary(run_id, memory_estimate={k: est[k] for k in ("peak_bytes", "breakdown", "verdict",
                                                                           "available_bytes")})


def rewrite_for_resume(run: dict, files: RunFiles, checkpoint: str, step: int) -> Path:
    """The run's own YAML with `resume_adapter_file` / `resume_step` added (other fields unchanged)."""
    data = yaml.safe_load(files.config_yaml.read_text())
    data["resume_adapter_file"] = checkpoint
    data["resume_step"] = step
    data["resume_best_val_loss"] = run["summary"].get("best_val_loss")
    return write_run_yaml(data, files.root, None)


# -- GRPO family (Enhanced Setup): attention-only LoRA keys, data and reward checks first ------------
def attention_only_keys(model_dir: Path) -> list[str]:
    """The comparison baseline's keys, checked against the model's real module tree."""
    from backend.models.lora_policy import build_module_tree

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


def check_rewards(config: EnhancedTrainingConfig) -> None:
    """The reward functions exist (built in or in the user's file, read without running it)."""
    if problem := directory_given(config.reward_functions_file):
        raise FieldErrors.one(["body", "reward_functions_file"], problem)
    try:
        check_reward_names(config.reward_functions, config.reward_functions_file)
    except RewardFileError as exc:
        raise FieldErrors.one(["body", "reward_functions"], str(exc)) from exc


def start_enhanced(jobs: JobManager, settings: Settings, config: EnhancedTrainingConfig) -> dict[str, Any]:
    entry = resolve_model(jobs.catalog, config.model_path)
    check_coverage(entry, config.lora_num_layers)
    check_distributed(config.distributed)
    check_rewards(config)
    config = config.model_copy(update={"model_path": entry["path"]})
    adapter = None
    if config.start_from_session_id:
        adapter = session_adapter(jobs, config.start_from_session_id, entry["path"])
        config = apply_session_adapter(config, adapter)
    keys = adapter["keys"] if adapter else attention_only_keys(Path(entry["path"]))

    record = config.model_dump()

    def prepare(run_id: str, files: RunFiles) -> dict[str, Any]:
        data = prepare_data(config, files, "grpo")
        resolved = resolve_recipe(config, data["train_rows"], record)
        run_yaml = build_enhanced_yaml(resolved, run_id=run_id, run_dir=files.root, keys=keys)
        if adapter:
            run_yaml.update(resume_adapter_file=adapter["file"], start_from_session_id=config.start_from_session_id)
        yaml_path = write_run_yaml(run_yaml, files.root, None)
        targets = {"keys": keys, "resolved_keys": keys, "warnings": [], "fallback": False,
                   "architecture": entry.get("model_type"), "trainable_parameters": None,
                   "attention_only": adapter is None}
        return {"yaml_path": str(yaml_path), "warnings": [], "data": data, "lora_targets": targets,
                "world_size": config.world_size, "effective_batch_size": config.effective_batch_size}

    return jobs.launch(kind="enhanced", config=record, prepare=prepare,
                       runner=RUNNER_MODULES["enhanced"], name=config.adapter_name, distributed=config.distributed)


def resume_run(jobs: JobManager, run_id: str) -> dict[str, Any]:
    """Continue a stopped or failed run from its last checkpoint with the runner of its kind."""
    run = jobs.store.find_run(run_id)
    if run is None:
        raise JobError(404, f"No session {run_id}")
    if run["kind"] not in RUNNER_MODULES:
        raise JobError(409, f"Session {run_id} is an {run['kind']} adapter: it has no training run to resume")
    result = jobs.resume(run_id, rewrite_for_resume, RUNNER_MODULES[run["kind"]])
    checkpoint = jobs.files(run_id).adapters / checkpoint_name(result["resumed_from_step"])
    result["exact_resume"] = has_state(checkpoint)
    if not result["exact_resume"]:
        notice = (f"{checkpoint.name} was saved without optimizer and random state (an older checkpoint, "
                  "or a step inside a gradient accumulation): resuming from its weights only")
        result["warnings"] = [*result.get("warnings", []), notice]
        jobs.hub.notify("warning", "Weights-only resume", notice, run_id)
    return result
