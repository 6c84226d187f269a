"""The memory preflight against mx.get_peak_memory on real runs of three shapes (within ±30 %)."""

from pathlib import Path

import pytest

from backend.demo.shapes import build_shape
from tests.e2e.runner_runs import make_run, progress, run_to_end

pytestmark = pytest.mark.e2e
RUN = {"iterations": 3, "steps_per_report": 1, "steps_per_eval": 1000, "batch_size": 4, "save_every": 1000,
       "lora_rank": 8, "lora_alpha": 16, "val_batches": 1}


@pytest.mark.parametrize("shape", ["demo", "llama-24m", "mixtral-tiny"])
def test_estimate_within_30_percent_of_the_measured_peak(client, demo, tmp_path, shape):
    model = Path(demo["model"]) if shape == "demo" else build_shape(shape, tmp_path / f"model-{shape}",
                                                                     Path(demo["model"]))
    r = client.post("/training/estimate", json={"model_path": str(model), "train_data_path": demo["train"], **RUN})
    assert r.status_code == 200, r.text
    est = r.json()
    assert est["peak_bytes"] == sum(est["breakdown"].values()) and est["verdict"] == "ok"
    assert est["available_bytes"] > est["peak_bytes"] and est["breakdown"]["lora_params"] > 0
    assert est["breakdown"]["optimizer_state"] == 2 * est["breakdown"]["lora_params"]  # Adam's two moments

    events = run_to_end(make_run(tmp_path / f"run-{shape}", {**demo, "model": str(model)}, **RUN))
    measured = max(p["peak_mem_gb"] for p in progress(events)) * 1e9
    assert abs(est["peak_bytes"] / measured - 1) <= 0.30, (shape, est, measured)


def test_estimate_follows_the_config(client, demo):
    body = {"model_path": demo["model"], "train_data_path": demo["train"], **RUN}
    base = client.post("/training/estimate", json=body).json()
    ckpt = client.post("/training/estimate", json={**body, "grad_checkpoint": True}).json()
    sgd = client.post("/training/estimate", json={**body, "optimizer": "sgd"}).json()
    wide = client.post("/training/estimate", json={**body, "lora_rank": 16}).json()
    assert ckpt["breakdown"]["activations"] < base["breakdown"]["activations"]
    assert sgd["breakdown"]["optimizer_state"] == 0
    assert wide["breakdown"]["lora_params"] == 2 * base["breakdown"]["lora_params"]


def test_bad_estimate_bodies(client, demo, tmp_path):
    assert client.post("/training/estimate", json={"model_path": demo["model"]}).status_code == 422
    r = client.post("/training/estimate", json={"model_path": demo["model"], "train_data_path": str(tmp_path / "no")})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "train_data_path"]
    r = client.post("/training/estimate", json={"model_path": str(tmp_path), "train_data_path": demo["train"]})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "model_path"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n")
    r = client.post("/training/estimate", json={"model_path": demo["model"], "train_data_path": str(bad)})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "train_data_path"]


def test_the_session_keeps_the_estimate_beside_the_measured_peak(live_server, demo):
    from tests.conftest import wait_for_state

    http = live_server.client()
    r = http.post("/training/start", json={"model_path": demo["model"], "train_data_path": demo["train"],
                                           "val_data_path": demo["valid"], "adapter_name": "mem", **RUN})
    assert r.status_code == 201, r.text
    assert wait_for_state(http, {"completed", "error"})["state"] == "completed"
    memory = http.get(f"/sessions/{r.json()['run_id']}").json()["memory"]
    estimate, measured = memory["estimate"]["peak_bytes"], memory["measured_peak_bytes"]
    assert measured > 0 and abs(estimate / measured - 1) <= 0.30, memory
