"""`epochs` instead of `iterations`: the server derives the run length and shows both."""

from pathlib import Path

import pytest
import yaml

from tests.conftest import rows_in, wait_for_state

pytestmark = pytest.mark.e2e


def test_epochs_become_iterations_and_both_are_shown(live_server, demo):
    http = live_server.client()
    rows = rows_in(demo["train"])
    r = http.post("/training/start", json={
        "model_path": demo["model"], "train_data_path": demo["train"], "val_data_path": demo["valid"],
        "adapter_name": "epochs", "batch_size": 4, "epochs": 1.5, "steps_per_report": 1, "steps_per_eval": 100,
        "learning_rate": 1e-3, "save_every": 100})
    assert r.status_code == 201, r.text
    expected = -(-3 * rows // (2 * 4))  # ceil(1.5 × rows / 4)
    started = r.json()
    assert started["config"]["epochs"] == 1.5 and started["config"]["iterations"] == expected
    assert yaml.safe_load(Path(started["yaml_path"]).read_text())["iters"] == expected

    final = wait_for_state(http, {"completed", "error"})
    assert final["state"] == "completed", final["error"]
    assert final["metrics"]["step"] == expected and final["metrics"]["total_steps"] == expected
    session = http.get(f"/sessions/{started['run_id']}").json()
    assert session["config"]["epochs"] == 1.5 and session["config"]["iterations"] == expected
    assert [p["step"] for p in session["history"]["train"]] == list(range(1, expected + 1))
