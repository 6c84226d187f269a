"""Real GSPO and Dr. GRPO runs (mlx-lm-lora's trainer) on the demo GRPO set."""

import math
import re
from pathlib import Path

import pytest
import yaml

from backend.schemas.lora import ATTENTION_KEYS
from tests.conftest import wait_for_state
from tests.e2e.wsclient import EventRecorder

pytestmark = pytest.mark.e2e
ATTENTION = list(ATTENTION_KEYS)


@pytest.mark.parametrize("method,level,loss", [("gspo", "sequence", "grpo"), ("dr_grpo", "token", "dr_grpo")])
def test_grpo_family_run_completes(live_server, demo, method, level, loss):
    http = live_server.client()
    ws = EventRecorder(live_server.ws_url)
    r = http.post("/training/start-enhanced", json={
        "model_path": demo["model"], "train_data_path": demo["grpo_train"], "val_data_path": demo["grpo_valid"],
        "training_method": method, "adapter_name": f"{method}-demo", "iterations": 4, "steps_per_report": 2,
        "steps_per_eval": 100, "save_every": 2, "group_size": 2, "max_completion_length": 10,
        "learning_rate": 5e-4, "val_batches": 1, "beta": 0.1,
    })
    assert r.status_code == 201, r.text
    run_id = r.json()["run_id"]
    cfg = yaml.safe_load(Path(r.json()["yaml_path"]).read_text())
    assert cfg["importance_sampling_level"] == level and cfg["grpo_loss_type"] == loss
    assert cfg["lora_parameters"]["keys"] == ATTENTION

    final = wait_for_state(http, {"completed", "error"})
    assert final["state"] == "completed", final["error"]
    progress = ws.of_type("training_progress", run_id)
    assert [e["data"]["step"] for e in progress] == [2, 4]
    for e in progress:
        d = e["data"]
        assert math.isfinite(d["kl"]) and d["kl"] >= 0
        assert 0 < d["reward"] <= 2 and d["reward_std"] >= 0
        assert set(d["rewards"]) == {"exact_answer", "answer_similarity"}
    assert ws.wait_for("training_completed", run_id)["data"]["step"] == 4
    # completed optimizer steps: validation before step 1 and before step 4; GRPO's surrogate loss does
    # not rank adapters, so no "best checkpoint" comes from it
    assert [e["data"]["step"] for e in ws.of_type("training_val", run_id)] == [0, 3]
    assert ws.of_type("best_model_updated", run_id) == []
    ws.close()
    assert final["metrics"]["best_val_loss"] is None and final["metrics"]["best_step"] is None
    assert final["metrics"]["reward"] == progress[-1]["data"]["reward"]  # Reward/KL kept for a finished run
    assert final["metrics"]["kl"] == progress[-1]["data"]["kl"]
    log = (live_server.data_root / "runs" / run_id / "train.log").read_text().splitlines()
    assert log[0].startswith("LoRA: rank ") and log[0].endswith(", ".join(ATTENTION))
    assert len([ln for ln in log if "train loss" in ln]) == 2
    assert not [ln for ln in log if re.search(r"\bIter \d+|\d+%\||it/s\]", ln)], log

    stored = http.get("/events").json()  # validated against the documented event shapes
    assert [e["data"]["rewards"] for e in stored if e["type"] == "training_progress"]
    session = http.get(f"/sessions/{run_id}").json()
    assert session["kind"] == "enhanced" and session["method"] == method
    assert session["config"]["group_size"] == 2 and session["config"]["importance_sampling_level"] == level
    assert session["lora_targets"]["keys"] == ATTENTION
    assert [p["step"] for p in session["history"]["train"]] == [2, 4]
    assert all("reward" in p and "kl" in p for p in session["history"]["train"])
    assert session["best_step"] is None and not session["has_best"]

    adapters = live_server.data_root / "runs" / run_id / "adapters"
    assert not any(p.name.startswith("model") for p in adapters.parent.rglob("*.safetensors"))  # never fused
    from mlx_lm import generate, load
    from mlx_lm.sample_utils import make_sampler
    from mlx_lm.tuner.lora import LoRALinear

    model, tok = load(demo["model"], adapter_path=str(adapters))
    adapted = {re.sub(r"^.*layers\.\d+\.", "", n) for n, m in model.named_modules()
               if isinstance(m, LoRALinear)}
    assert adapted == set(ATTENTION)
    prompt = tok.apply_chat_template([{"role": "user", "content": "What is the capital of Veloria?"}],
                                     add_generation_prompt=True)
    assert generate(model, tok, prompt, max_tokens=8, sampler=make_sampler(temp=0.0)).strip()

    # and it answers through the studio's own inference endpoint
    answer = http.post("/model/test", json={"prompt": "What is the capital of Veloria?", "session_id": run_id,
                                            "temperature": 0, "max_tokens": 12}).json()
    assert answer["response"].strip() and answer["model_info"]["session_id"] == run_id
    assert answer["model_info"]["adapter_path"].endswith("adapters")
