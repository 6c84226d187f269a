"""Bad input gets a clear 4xx and changes nothing: no run, no files, no process."""


import pytest


def body(demo, **kw):
    return {"model_path": demo["model"], "train_data_path": demo["train"], "val_data_path": demo["valid"],
            "adapter_name": "t", "iterations": 2, **kw}


def assert_nothing_changed(client, settings):
    assert client.get("/sessions").json() == []
    assert not settings.runs_dir.exists() or list(settings.runs_dir.iterdir()) == []
    assert client.get("/training/status").json()["state"] == "idle"
    assert not settings.parity_yaml_path.exists()


@pytest.mark.parametrize("field,value,needle", [
    ("lora_rank", 0, "greater than or equal to 1"),
    ("lora_alpha", -1, "greater than 0"),
    ("lora_dropout", 1.5, "less than 1"),
    ("adapter_name", "../x", "pattern"),
])
def test_invalid_fields(client, settings, demo, field, value, needle):
    r = client.post("/training/start", json=body(demo, **{field: value}))
    assert r.status_code == 422
    [err] = r.json()["detail"]
    assert err["loc"] == ["body", field] and needle in err["msg"]
    assert_nothing_changed(client, settings)


def test_coverage_deeper_than_the_model(client, settings, demo, demo_depth):
    r = client.post("/training/start", json=body(demo, lora_num_layers=demo_depth + 1))
    assert r.status_code == 422
    [err] = r.json()["detail"]
    assert err["loc"] == ["body", "lora_num_layers"] and f"{demo_depth} layers" in err["msg"]
    assert_nothing_changed(client, settings)


def test_missing_model_dir(client, settings, demo, tmp_path):
    r = client.post("/training/start", json=body(demo, model_path=str(tmp_path / "nope")))
    assert r.status_code == 422 and "No model directory" in r.json()["detail"][0]["msg"]
    assert_nothing_changed(client, settings)


def test_dataset_with_a_broken_line(client, settings, demo, tmp_path):
    lines = open(demo["train"]).read().splitlines()
    lines.insert(3, '{"messages": [oops')
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(lines) + "\n")
    r = client.post("/training/start", json=body(demo, train_data_path=str(bad)))
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert "Training data" in detail["message"] and detail["errors"][0]["line"] == 4
    assert_nothing_changed(client, settings)


def test_empty_dataset(client, settings, demo, tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    r = client.post("/training/start", json=body(demo, train_data_path=str(empty), val_data_path=None))
    assert r.status_code == 422 and r.json()["detail"]["errors"][0]["message"] == "the dataset is empty"
    assert_nothing_changed(client, settings)


def test_missing_required_fields(client, settings):
    r = client.post("/training/start", json={})
    assert r.status_code == 422
    assert {tuple(e["loc"]) for e in r.json()["detail"]} == {("body", "model_path"), ("body", "train_data_path")}
    assert_nothing_changed(client, settings)


def test_stop_without_a_run_is_409(client):
    assert client.post("/training/stop").status_code == 409


def test_defaults_endpoint(client):
    d = client.get("/training/defaults").json()
    assert d["defaults"]["lora_rank"] == 32 and d["ui_overrides"]["save_every"] == 1000


def test_unknown_session_is_404(client):
    assert client.get("/sessions/nope").status_code == 404
    assert client.post("/sessions/nope/resume").status_code == 404
    assert client.delete("/sessions/nope").status_code == 404
    assert client.get("/sessions/..%2F..").status_code in (404, 422)
