"""Shared fixtures: the demo built once per source version, isolated data roots, real servers."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent

from backend.settings import Settings


def _demo_cache_dir() -> Path:
    # Keyed by the builder's source, so a changed builder never reuses a stale demo.
    digest = hashlib.sha256()
    for f in (ROOT / "backend" / "demo" / "builder.py", ROOT / "backend" / "demo" / "corpus.py"):
        digest.update(f.read_bytes())
    return Path(tempfile.gettempdir()) / f"lora-studio-test-demo-{digest.hexdigest()[:12]}"


@pytest.fixture(scope="session")
def demo_cache() -> Path:
    from backend.demo import build_demo

    path = _demo_cache_dir()
    build_demo(path, log=lambda *_: None)
    return path


def new_data_root(parent: Path, demo_cache: Path) -> Path:
    """An isolated data root holding a copy of the demo (module-scoped fixtures use it too)."""
    root = parent / "data"
    root.mkdir()
    shutil.copytree(demo_cache, root / "demo")
    return root


def demo_paths(root: Path) -> dict[str, str]:
    d = root / "demo"
    return {
        "model": str(d / "model"),
        "train": str(d / "datasets" / "sft" / "train.jsonl"),
        "valid": str(d / "datasets" / "sft" / "valid.jsonl"),
        "grpo_train": str(d / "datasets" / "grpo" / "train.jsonl"),
        "grpo_valid": str(d / "datasets" / "grpo" / "valid.jsonl"),
    }


# A run that learns the demo's invented capitals: 60 steps at lr 1e-3 (about 5 s here); above about
# 2e-3 this tiny model's LoRA run overshoots and mixes up countries.
DEMO_SFT_RECIPE = {"iterations": 60, "learning_rate": 1e-3, "batch_size": 4, "steps_per_eval": 20,
                   "steps_per_report": 10}


@pytest.fixture
def data_root(tmp_path: Path, demo_cache: Path) -> Path:
    return new_data_root(tmp_path, demo_cache)


def make_settings(data_root: Path, **overrides) -> Settings:
    base = Settings(data_dir=data_root, include_hf_cache=False,
                    parity_yaml_path=data_root / "parity" / "gui_training_config.yaml",
                    frontend_dist=data_root / "no-spa", stop_timeout=20.0)
    return base.with_overrides(**overrides)


@pytest.fixture
def settings(data_root: Path) -> Settings:
    return make_settings(data_root)


@pytest.fixture
def client(settings: Settings):
    from fastapi.testclient import TestClient

    from backend.app import create_app

    with TestClient(create_app(settings), base_url="http://127.0.0.1") as c:
        yield c


@pytest.fixture
def demo(data_root: Path) -> dict[str, str]:
    return demo_paths(data_root)


@pytest.fixture
def demo_depth(demo) -> int:
    import json
    return json.loads((Path(demo["model"]) / "config.json").read_text())["num_hidden_layers"]


def rows_in(path: str) -> int:
    return sum(1 for line in open(path) if line.strip())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """`python -m backend serve` in its own process, as a user runs it."""

    def __init__(self, data_root: Path, extra_env: dict[str, str] | None = None, log_level: str = "warning"):
        self.data_root = data_root
        self.log_level = log_level
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.ws_url = f"ws://127.0.0.1:{self.port}/ws"
        self.extra_env = extra_env or {}
        self.proc: subprocess.Popen | None = None
        self.log_path = data_root / f"server-{self.port}.log"

    def start(self) -> "LiveServer":
        env = {**os.environ, "LORA_STUDIO_HF_CACHE": "0",
               "LORA_STUDIO_PARITY_YAML": str(self.data_root / "parity" / "gui_training_config.yaml"),
               **self.extra_env}
        env.pop("LORA_STUDIO_MODELS", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "backend", "serve", "--port", str(self.port), "--data-dir",
             str(self.data_root), "--no-demo", "--log-level", self.log_level],
            cwd=ROOT, env=env, stdout=self.log_path.open("ab"), stderr=subprocess.STDOUT,
            start_new_session=True)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.log_path.read_text()[-2000:]}")
            try:
                if httpx.get(self.url + "/health", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError("server did not become healthy")

    def stop(self, kill: bool = False) -> None:
        if self.proc and self.proc.poll() is None:
            if kill:
                self.proc.kill()
            else:
                self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30)


@pytest.fixture
def live_server(data_root: Path):
    server = LiveServer(data_root).start()
    yield server
    server.stop()


def wait_for(predicate, timeout: float = 120, interval: float = 0.25, what: str = "condition"):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {what}")


def wait_for_state(http: httpx.Client, states: set[str], timeout: float = 180) -> dict:
    return wait_for(lambda: (s := http.get("/training/status").json())["state"] in states and s,
                    timeout=timeout, what=f"training state in {states}")


def start_body(demo, **kw):
    """A /training/start body on the demo model and its SFT set."""
    return {"model_path": demo["model"], "train_data_path": demo["train"], "val_data_path": demo["valid"],
            "adapter_name": "e2e", "learning_rate": 2e-3, "batch_size": 4, **kw}


def train_demo_session(http, demo, adapter_name: str, **overrides) -> str:
    """Trains DEMO_SFT_RECIPE (with `overrides`) to completion through the real API; the session id."""
    r = http.post("/training/start", json=start_body(demo, adapter_name=adapter_name,
                                                     **{**DEMO_SFT_RECIPE, **overrides}))
    assert r.status_code == 201, r.text
    final = wait_for_state(http, {"completed", "error", "stopped"}, timeout=300)
    assert final["state"] == "completed", final
    return r.json()["run_id"]
