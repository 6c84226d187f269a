"""GRPO after SFT: a GSPO run that starts from the demo SFT adapter earns exact-answer reward.

The runs are the README's curl walkthrough ("capitals" SFT, then GSPO from it), shortened only in the
GSPO's length."""

import json
from pathlib import Path

import pytest
import yaml

from tests.conftest import wait_for_state

pytestmark = pytest.mark.e2e


def gspo_body(demo, **kw):
    return {"model_path": demo["model"], "train_data_path": demo["grpo_train"], "val_data_path": demo["grpo_valid"],
            "training_method": "gspo", "iterations": 4, "steps_per_report": 1, "steps_per_eval": 100,
            "save_every": 100, "group_size": 4, "max_completion_length": 16, "val_batches": 1, **kw}


def exact_rewards(data_root: Path, run_id: str) -> list[float]:
    """The exact-answer reward of each step, as the runner reported it."""
    events = (data_root / "runs" / run_id / "events.jsonl").read_text().splitlines()
    progress = [json.loads(line) for line in events if '"progress"' in line]
    assert [p["step"] for p in progress] == [1, 2, 3, 4]
    return [p["rewards"]["exact_answer"] for p in progress]


def test_gspo_from_the_sft_adapter_earns_exact_answer_reward(live_server, demo):
    http = live_server.client()
    sft = http.post("/training/start", json={
        "model_path": demo["model"], "train_data_path": demo["train"], "val_data_path": demo["valid"],
        "adapter_name": "capitals", "iterations": 60, "learning_rate": 0.002, "batch_size": 4,
        "steps_per_report": 10, "steps_per_eval": 20, "save_every": 20})
    assert sft.status_code == 201, sft.text
    sft_id = sft.json()["run_id"]
    assert wait_for_state(http, {"completed", "error"})["state"] == "completed"

    # bad references are a 422 on the field, before anything is written
    for bad, needle in (("nope", "No session nope"), (sft_id + "x", "No session")):
        r = http.post("/training/start-enhanced", json=gspo_body(demo, start_from_session_id=bad))
        assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "start_from_session_id"]
        assert needle in r.json()["detail"][0]["msg"]

    # plain base: the attention-only baseline; it does not answer the demo's questions yet
    base = http.post("/training/start-enhanced", json=gspo_body(demo, adapter_name="from-base"))
    assert base.status_code == 201, base.text
    assert wait_for_state(http, {"completed", "error"})["state"] == "completed"
    base_rewards = exact_rewards(live_server.data_root, base.json()["run_id"])

    r = http.post("/training/start-enhanced", json=gspo_body(demo, adapter_name="after-sft",
                                                             start_from_session_id=sft_id, lora_dropout=0.05))
    assert r.status_code == 201, r.text
    started = r.json()
    cfg = yaml.safe_load(Path(started["yaml_path"]).read_text())
    sft_keys = http.get(f"/sessions/{sft_id}").json()["lora_targets"]["keys"]
    assert cfg["lora_parameters"]["keys"] == sft_keys and "mlp.up_proj" in sft_keys  # the adapter's keys kept
    assert (cfg["lora_parameters"]["rank"], cfg["lora_parameters"]["scale"]) == (32, 1.0)  # not the r 8 baseline
    assert cfg["lora_parameters"]["dropout"] == 0.05  # the run's own setting
    assert cfg["resume_adapter_file"].endswith(f"{sft_id}/adapters/adapters.safetensors")
    assert started["config"]["start_from_session_id"] == sft_id and started["config"]["lora_rank"] == 32
    assert wait_for_state(http, {"completed", "error"})["state"] == "completed"
    rewards = exact_rewards(live_server.data_root, started["run_id"])
    assert max(rewards) > 0 and sum(rewards) > sum(base_rewards), (rewards, base_rewards)
