"""Stop is clean at any moment: while Python starts, while MLX and the model load, while MLX compiles
its first kernels (on Linux CPU it runs a C++ compiler in child processes), and mid-training.

Every stop ends `stopped`: with an adapter, or with the clear "stopped before training began".
Real processes: `python -m backend serve` and the mlx-lm runner on the demo model.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from backend.runs.layout import RunFiles
from backend.training.runner.common import STOPPED_BEFORE_TRAINING
from tests.conftest import LiveServer, new_data_root, wait_for, wait_for_state

pytestmark = pytest.mark.e2e

DELAYS = (0.0, 0.5, 1.0, 2.0, 4.0)
REPEATS = 2


def _serve(tmp_path_factory, demo_cache, cold: bool):
    root = new_data_root(tmp_path_factory.mktemp("stop-cold" if cold else "stop-warm"), demo_cache)
    env = {}
    if cold:
        (root / "tmp").mkdir()
        env["TMPDIR"] = str(root / "tmp")
    live = LiveServer(root, extra_env=env).start()
    live.cold_cache = root / "tmp" / "mlx" if cold else None
    yield live
    live.stop()


@pytest.fixture(scope="module")
def warm_server(tmp_path_factory, demo_cache):
    """MLX's compiled-kernel cache ($TMPDIR/mlx) as the machine has it."""
    yield from _serve(tmp_path_factory, demo_cache, cold=False)


@pytest.fixture(scope="module")
def cold_server(tmp_path_factory, demo_cache):
    """A private kernel cache, emptied before every run: each run compiles its kernels again (a
    minute on a busy CPU), so stops land while the C++ compiler runs."""
    yield from _serve(tmp_path_factory, demo_cache, cold=True)


def start(server: LiveServer, name: str) -> str:
    if server.cold_cache is not None:
        shutil.rmtree(server.cold_cache, ignore_errors=True)
    demo = server.data_root / "demo"
    r = server.client().post("/training/start", json={
        "model_path": str(demo / "model"), "train_data_path": str(demo / "datasets/sft/train.jsonl"),
        "val_data_path": str(demo / "datasets/sft/valid.jsonl"), "adapter_name": name,
        "iterations": 5000, "batch_size": 4, "steps_per_report": 1, "steps_per_eval": 50, "save_every": 50,
    })
    assert r.status_code == 201, r.text
    return r.json()["run_id"]


def stop_and_settle(server: LiveServer, run_id: str) -> tuple[dict, RunFiles]:
    http = server.client()
    stop = http.post("/training/stop")
    assert stop.status_code == 200, stop.text
    final = wait_for_state(http, {"stopped", "error", "completed"}, timeout=120)
    assert final["run_id"] == run_id
    files = RunFiles.for_run(server.data_root / "runs", run_id)
    assert final["state"] == "stopped", f"{final['error']}\n{files.log.read_text()[-1500:]}"
    assert "Could not load" not in files.log.read_text()
    return final, files


@pytest.mark.parametrize("repeat", range(REPEATS))
@pytest.mark.parametrize("delay", DELAYS)
@pytest.mark.parametrize("cache", ["warm", "cold"])
def test_stop_at_any_moment_ends_stopped(request, cache, delay, repeat):
    server = request.getfixturevalue(f"{cache}_server")
    run_id = start(server, f"stop-{delay}")
    time.sleep(delay)
    final, files = stop_and_settle(server, run_id)
    if final["error"] is None:
        assert files.has_adapter(), f"stopped at {delay} s without an adapter"
        step = final["metrics"]["step"]
        assert step == 0 or (files.adapters / f"{step:07d}_adapters.safetensors").is_file()
    else:
        assert final["error"] == STOPPED_BEFORE_TRAINING, final
    print(f"{cache} cache, stop at {delay} s: "
          f"step {final['metrics']['step']}, {final['error'] or 'adapter saved'}")


def test_stop_once_training_began_saves_the_adapter_at_that_step(warm_server):
    server = warm_server
    run_id = start(server, "stop-trained")
    http = server.client()
    wait_for(lambda: http.get("/training/status").json()["metrics"].get("step", 0) >= 1, timeout=300,
             what="the first step")
    final, files = stop_and_settle(server, run_id)
    step = final["metrics"]["step"]
    assert final["error"] is None and step >= 1
    assert files.has_adapter() and (files.adapters / f"{step:07d}_adapters.safetensors").is_file()
    assert Path(files.events).read_text().splitlines()[-1].startswith('{"type": "stopped"')
