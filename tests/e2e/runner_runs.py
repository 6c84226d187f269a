"""Run a studio runner directly (`python -m backend.training.runner.sft --config ...`) on the demo model.

Used by tests that need many short real runs: the YAML comes from the studio's own builder, the
runner from the studio's own module, the events from its events.jsonl.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from backend.models.lora_policy import resolve_for_model_dir
from backend.schemas.enhanced import EnhancedTrainingConfig
from backend.schemas.training import TrainingConfig
from backend.training.launch import attention_only_keys
from backend.training.yaml_builder import build_enhanced_yaml, build_sft_yaml, write_run_yaml

ROOT = Path(__file__).resolve().parents[2]
MODULES = {"sft": "backend.training.runner.sft", "grpo": "backend.training.runner.grpo"}


def make_run(run_dir: Path, demo: dict, kind: str = "sft", **fields) -> Path:
    """A run directory with the demo data and the studio's YAML for `fields`; returns the YAML path."""
    data = run_dir / "data"
    data.mkdir(parents=True)
    if kind == "sft":
        config = TrainingConfig(model_path=demo["model"], train_data_path=demo["train"], **fields)
        shutil.copy(demo["train"], data / "train.jsonl")
        shutil.copy(demo["valid"], data / "valid.jsonl")
        keys = resolve_for_model_dir(Path(demo["model"])).keys
        built = build_sft_yaml(config, run_id=run_dir.name, run_dir=run_dir, keys=keys)
    else:
        config = EnhancedTrainingConfig(model_path=demo["model"], train_data_path=demo["grpo_train"], **fields)
        shutil.copy(demo["grpo_train"], data / "train.jsonl")
        shutil.copy(demo["grpo_valid"], data / "valid.jsonl")
        built = build_enhanced_yaml(config, run_id=run_dir.name, run_dir=run_dir,
                                    keys=attention_only_keys(Path(demo["model"])))
    return write_run_yaml(built, run_dir, None)


def start_runner(yaml_path: Path, kind: str = "sft") -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1", "NO_COLOR": "1"}
    log = (yaml_path.parent / "train.log").open("ab")
    return subprocess.Popen([sys.executable, "-m", MODULES[kind], "--config", str(yaml_path)],
                            cwd=yaml_path.parent, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)


def run_to_end(yaml_path: Path, kind: str = "sft", timeout: float = 300) -> list[dict]:
    proc = start_runner(yaml_path, kind)
    rc = proc.wait(timeout=timeout)
    assert rc == 0, (yaml_path.parent / "train.log").read_text()[-3000:]
    return read_events(yaml_path)


def read_events(yaml_path: Path) -> list[dict]:
    path = Path(yaml.safe_load(yaml_path.read_text())["events_path"])
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def progress(events: list[dict]) -> list[dict]:
    return [e for e in events if e["type"] == "progress"]
