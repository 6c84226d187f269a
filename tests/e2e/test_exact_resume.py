"""Exact resume: a run stopped (or killed) and resumed trains exactly like the uninterrupted run.

Every leg's per-step train loss after the resume point must match the uninterrupted run's loss at
the same step (relative difference < 1e-4), on the demo model, for SFT and GSPO. The recipe uses a
warmup + cosine schedule, AdamW and LoRA dropout, so the optimizer's moments and step, mlx's random
key and the data order all have to come back for the numbers to agree.
"""

import json
import os
import signal
from pathlib import Path

import pytest

from tests.conftest import wait_for, wait_for_state

pytestmark = pytest.mark.e2e
REL = 1e-4


def legs(events_path: Path) -> list[dict[int, float]]:
    """Per leg (one per `started` event): step -> train loss."""
    out: list[dict[int, float]] = []
    for line in events_path.read_text().splitlines():
        ev = json.loads(line)
        if ev["type"] == "started":
            out.append({})
        elif ev["type"] == "progress":
            out[-1][ev["step"]] = ev["train_loss"]
    return out


def assert_same_losses(leg: dict[int, float], reference: dict[int, float], after: int) -> int:
    steps = [s for s in sorted(leg) if s > after]
    assert steps and steps[0] == after + 1, (after, sorted(leg))
    for s in steps:
        assert abs(leg[s] - reference[s]) <= REL * abs(reference[s]), (s, leg[s], reference[s])
    return len(steps)


def runner_pid(data_root: Path, run_id: str) -> int:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmd = (entry / "cmdline").read_bytes().decode(errors="replace")
            except OSError:
                continue
            if "backend.training.runner" in cmd and run_id in cmd:
                return int(entry.name)
    raise AssertionError(f"no runner process for {run_id}")


def start(http, path: str, body: dict) -> str:
    r = http.post(path, json=body)
    assert r.status_code == 201, r.text
    return r.json()["run_id"]


def wait_step(http, at_least: int) -> None:
    wait_for(lambda: (http.get("/training/status").json()["metrics"].get("step") or 0) >= at_least,
             timeout=240, what=f"step {at_least}")


def uninterrupted(http, data_root: Path, path: str, body: dict) -> dict[int, float]:
    run_id = start(http, path, {**body, "adapter_name": "whole"})
    done = wait_state(http, "completed")
    [leg] = legs(data_root / "runs" / run_id / "events.jsonl")
    assert len(leg) == body["iterations"], done
    return leg


def wait_state(http, state: str) -> dict:
    final = wait_for_state(http, {state, "error", "completed", "stopped"}, timeout=300)
    assert final["state"] == state, final
    return final


SFT = {"iterations": 36, "steps_per_report": 1, "steps_per_eval": 7, "save_every": 5, "batch_size": 4,
       "learning_rate": 1e-3, "lr_schedule": "cosine", "warmup_steps": 3, "min_learning_rate": 1e-4,
       "optimizer": "adamw", "weight_decay": 0.01, "lora_dropout": 0.1, "lora_rank": 8, "lora_alpha": 16,
       "early_stop": False}


def test_sft_stop_and_kill_resume_exactly(live_server, demo):
    http = live_server.client()
    body = {"model_path": demo["model"], "train_data_path": demo["train"], "val_data_path": demo["valid"], **SFT}
    reference = uninterrupted(http, live_server.data_root, "/training/start", body)

    run_id = start(http, "/training/start", {**body, "adapter_name": "resumed"})
    wait_step(http, 4)
    http.post("/training/stop")
    k = wait_state(http, "stopped")["metrics"]["step"]
    assert k < SFT["iterations"] - 8
    assert http.get(f"/sessions/{run_id}").json()["ended_at"] is not None
    adapters = live_server.data_root / "runs" / run_id / "adapters"
    assert (adapters / f"{k:07d}_state.safetensors").is_file() and (adapters / f"{k:07d}_state.json").is_file()

    resumed = http.post(f"/sessions/{run_id}/resume").json()
    assert resumed["resumed_from_step"] == k and resumed["exact_resume"] is True and not resumed["warnings"]
    wait_step(http, k + 7)
    assert http.get(f"/sessions/{run_id}").json()["ended_at"] is None  # running again: it has not ended
    os.kill(runner_pid(live_server.data_root, run_id), signal.SIGKILL)  # kill -9: no goodbye, no final save
    wait_state(http, "error")
    again = http.post(f"/sessions/{run_id}/resume").json()
    c = again["resumed_from_step"]
    assert c > k and c % SFT["save_every"] == 0 and again["exact_resume"] is True
    wait_state(http, "completed")

    first, second, third = legs(live_server.data_root / "runs" / run_id / "events.jsonl")
    assert all(abs(first[s] - reference[s]) <= REL * abs(reference[s]) for s in first)
    assert assert_same_losses(second, reference, k) >= 7
    assert assert_same_losses(third, reference, c) == SFT["iterations"] - c


def test_old_checkpoint_without_state_resumes_from_weights(live_server, demo):
    http = live_server.client()
    body = {"model_path": demo["model"], "train_data_path": demo["train"], "val_data_path": demo["valid"],
            **SFT, "iterations": 30}
    reference = uninterrupted(http, live_server.data_root, "/training/start", body)
    run_id = start(http, "/training/start", {**body, "adapter_name": "old"})
    wait_step(http, 4)
    http.post("/training/stop")
    wait_state(http, "stopped")
    adapters = live_server.data_root / "runs" / run_id / "adapters"
    for f in adapters.glob("*_state.*"):  # as written by the studio before exact resume existed
        f.unlink()
    resumed = http.post(f"/sessions/{run_id}/resume").json()
    assert resumed["exact_resume"] is False and "weights only" in resumed["warnings"][0]
    done = wait_state(http, "completed")
    assert done["metrics"]["step"] == 30
    log = (live_server.data_root / "runs" / run_id / "train.log").read_text()
    assert "resuming from its weights only" in log
    # and without the state the numbers do part from the uninterrupted run (what the state is for)
    _, second = legs(live_server.data_root / "runs" / run_id / "events.jsonl")
    assert max(abs(second[s] - reference[s]) / reference[s] for s in second) > 10 * REL


def test_gspo_stop_and_kill_resume_exactly(live_server, demo):
    http = live_server.client()
    body = {"model_path": demo["model"], "train_data_path": demo["grpo_train"], "val_data_path": demo["grpo_valid"],
            "training_method": "gspo", "iterations": 14, "steps_per_report": 1, "steps_per_eval": 4,
            "save_every": 2, "group_size": 2, "max_completion_length": 8, "temperature": 0.9,
            "learning_rate": 5e-4, "val_batches": 1, "optimizer": "adamw", "lr_schedule": "linear",
            "warmup_steps": 1}
    reference = uninterrupted(http, live_server.data_root, "/training/start-enhanced", body)
    run_id = start(http, "/training/start-enhanced", {**body, "adapter_name": "gspo-resumed"})
    wait_step(http, 2)
    http.post("/training/stop")
    k = wait_state(http, "stopped")["metrics"]["step"]
    assert k < 8
    resumed = http.post(f"/sessions/{run_id}/resume").json()
    assert resumed["exact_resume"] is True
    wait_step(http, k + 3)
    os.kill(runner_pid(live_server.data_root, run_id), signal.SIGKILL)
    wait_state(http, "error")
    again = http.post(f"/sessions/{run_id}/resume").json()
    c = again["resumed_from_step"]
    assert c > k and again["exact_resume"] is True
    wait_state(http, "completed")
    _, second, third = legs(live_server.data_root / "runs" / run_id / "events.jsonl")
    assert assert_same_losses(second, reference, k) >= 3
    assert assert_same_losses(third, reference, c) == 14 - c


def test_resume_after_a_server_restart_is_exact(data_root, demo):
    from tests.conftest import LiveServer

    body = {"model_path": demo["model"], "train_data_path": demo["train"], "val_data_path": demo["valid"],
            **SFT, "iterations": 30}
    server = LiveServer(data_root).start()
    try:
        http = server.client()
        reference = uninterrupted(http, data_root, "/training/start", body)
        run_id = start(http, "/training/start", {**body, "adapter_name": "restarted"})
        wait_step(http, 4)
    finally:
        server.stop()  # the server goes down mid-run, taking its runner with it
    again = LiveServer(data_root).start()
    try:
        http = again.client()
        assert http.get(f"/sessions/{run_id}").json()["state"] in ("stopped", "error")
        resumed = http.post(f"/sessions/{run_id}/resume").json()
        k = resumed["resumed_from_step"]
        assert resumed["exact_resume"] is True and 0 < k < 30
        wait_state(http, "completed")
        *_, last = legs(data_root / "runs" / run_id / "events.jsonl")
        assert assert_same_losses(last, reference, k) == 30 - k
    finally:
        again.stop()


def test_distributed_stop_resume_is_exact(live_server, demo):
    from tests.e2e.test_distributed import LOOPBACK_2

    http = live_server.client()
    body = {"model_path": demo["model"], "train_data_path": demo["train"], "val_data_path": demo["valid"],
            **SFT, "iterations": 24, "batch_size": 2, "distributed": LOOPBACK_2}
    reference = uninterrupted(http, live_server.data_root, "/training/start", body)
    run_id = start(http, "/training/start", {**body, "adapter_name": "dist-resumed"})
    wait_step(http, 4)
    http.post("/training/stop")
    k = wait_state(http, "stopped")["metrics"]["step"]
    assert k < 24
    resumed = http.post(f"/sessions/{run_id}/resume").json()
    assert resumed["exact_resume"] is True
    wait_state(http, "completed")
    _, second = legs(live_server.data_root / "runs" / run_id / "events.jsonl")
    assert assert_same_losses(second, reference, k) == 24 - k
