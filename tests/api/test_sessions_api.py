LEGACY = {
    "session_id": "5b0c8a4e-2f0e-4a53-9a57-1d3f6f1c2b11",
    "training_state": "completed",
    "timestamp": "2024-01-01T12:00:00",
    "config": {"model_path": "/models/old", "train_data_path": "/data/train.jsonl", "adapter_name": "old-one",
               "learning_rate": 1e-5, "batch_size": 2, "iterations": 300, "save_every": 100,
               "some_removed_option": True},
    "metrics": {"current_step": 300, "total_steps": 300, "train_loss": 1.25, "val_loss": 1.2},
    "best_model": {"val_loss": 1.1, "step": 200, "path": "/gone/best_adapters.safetensors"},
    "ui_theme": "dark",
}


def test_legacy_session_imports_with_lora_defaults(client):
    r = client.post("/sessions/import", json=LEGACY)
    assert r.status_code == 200
    body = r.json()
    [run_id] = body["imported"]
    assert any("some_removed_option" in w for w in body["warnings"])
    assert any("ui_theme" in w for w in body["warnings"])
    assert any("LoRA fields defaulted" in w for w in body["warnings"])
    [summary] = client.get("/sessions").json()
    assert summary["legacy"] is True and summary["state"] == "completed"
    assert summary["lora"]["rank"] == 32 and summary["lora"]["alpha"] == 32 and summary["lora"]["num_layers"] == -1
    assert summary["readiness"] == "missing_files"  # no adapter files came with it
    assert summary["final_train_loss"] == 1.25 and summary["final_val_loss"] == 1.2
    assert summary["best_val_loss"] == 1.1 and summary["best_step"] == 200 and summary["steps_completed"] == 300
    detail = client.get(f"/sessions/{run_id}").json()
    assert detail["config"]["learning_rate"] == 1e-5 and detail["config"]["save_every"] == 100
    assert detail["config"]["lora_dropout"] == 0.0 and detail["config"]["fine_tune_type"] == "lora"
    # no adapter files: nothing to load (Sessions and Compare both refuse it, with the reason)
    r = client.post(f"/sessions/{run_id}/load")
    assert r.status_code == 409 and "no adapter files" in r.json()["detail"]
    assert client.get("/sessions/loaded").json() == {"session_id": None}


def test_sessions_name_the_model_as_the_catalog_does(client, demo):
    legacy = {**LEGACY, "config": {**LEGACY["config"], "model_path": demo["model"]}}
    [run_id] = client.post("/sessions/import", json=legacy).json()["imported"]
    catalog_name = next(m["name"] for m in client.get("/models").json() if m["path"] == demo["model"])
    assert catalog_name == "lora-studio-demo"
    assert [s["model_name"] for s in client.get("/sessions").json()] == ["lora-studio-demo"]
    assert client.get(f"/sessions/{run_id}").json()["model_name"] == "lora-studio-demo"


def test_legacy_with_adapter_files_is_ready_as_legacy(client, tmp_path):
    adapter = tmp_path / "old-adapter"
    adapter.mkdir()
    (adapter / "adapters.safetensors").write_bytes(b"x")
    (adapter / "0000100_adapters.safetensors").write_bytes(b"x")
    (adapter / "adapter_config.json").write_text("{}")
    (adapter / "notes.txt").write_text("not an adapter file")
    (adapter / "other.json").write_text("{}")
    legacy = {**LEGACY, "adapter_path": str(adapter / "adapters.safetensors")}  # a FILE, as the older app wrote it
    [run_id] = client.post("/sessions/import", json=[legacy]).json()["imported"]
    s = client.get(f"/sessions/{run_id}").json()
    assert s["readiness"] == "legacy"
    assert {f["name"] for f in s["adapter_files"]} == {"adapters.safetensors", "adapter_config.json",
                                                         "0000100_adapters.safetensors"}
    assert client.post(f"/sessions/{run_id}/load").status_code == 200
    assert client.get("/sessions/loaded").json() == {"session_id": run_id}


def test_bad_legacy_values_fall_back_to_defaults(client):
    legacy = {"session_id": "bad-values", "config": {"model_path": "/m", "train_data_path": "/t", "lora_rank": 0,
                                                     "batch_size": "many"}}
    body = client.post("/sessions/import", json=legacy).json()
    [run_id] = body["imported"]
    cfg = client.get(f"/sessions/{run_id}").json()["config"]
    assert cfg["lora_rank"] == 32 and cfg["batch_size"] == 1
    assert any("lora_rank" in w for w in body["warnings"])


def test_import_rejects_non_objects(client):
    for bad in ([1], {"config": "nope"}, {"name": 5}, {"session_id": ["x"]}, [], {"metrics": {"current_step": "ten"}}):
        assert client.post("/sessions/import", json=bad).status_code == 422, bad
    assert client.get("/sessions").json() == []


def test_delete_removes_record_and_files(client, settings):
    [run_id] = client.post("/sessions/import", json=LEGACY).json()["imported"]
    client.post(f"/sessions/{run_id}/load")
    run_dir = settings.runs_dir / run_id
    assert run_dir.is_dir()
    assert client.delete(f"/sessions/{run_id}").status_code == 204
    assert not run_dir.exists()
    assert client.get(f"/sessions/{run_id}").status_code == 404
    assert client.get("/sessions/loaded").json() == {"session_id": None}


def test_delete_refuses_an_active_run(client, settings):
    [run_id] = client.post("/sessions/import", json=LEGACY).json()["imported"]
    client.app.state.services.store.update_run(run_id, state="running")
    r = client.delete(f"/sessions/{run_id}")
    assert r.status_code == 409 and (settings.runs_dir / run_id).is_dir()


def test_resume_without_checkpoint_is_409(client):
    [run_id] = client.post("/sessions/import", json={**LEGACY, "training_state": "stopped"}).json()["imported"]
    r = client.post(f"/sessions/{run_id}/resume")
    assert r.status_code == 409 and "checkpoint" in r.json()["detail"]


def test_odd_values_are_4xx_or_warnings_never_500(client):
    long = "/" + "x" * 300 + "/adapters.safetensors"
    refused = [
        {**LEGACY, "metrics": {"current_step": 2**70}},
        {**LEGACY, "adapter_path": "/tmp/a\x00b"},
        {**LEGACY, "adapter_path": long},
        {**LEGACY, "best_model": {"step": -1}},
        {"path": "/tmp", "extra": True},
    ]
    for body in refused:
        r = client.post("/sessions/import", json=body)
        assert r.status_code == 422, (body, r.text)
    assert client.get("/sessions").json() == []
    tolerated = {**LEGACY, "best_model": {"val_loss": 1.0, "step": 3, "path": long}, "training_state": "weird",
                 "adapter_path": "adapters/adapters.safetensors",
                 "config": {**LEGACY["config"], "adapter_name": "my old adapter!", "lora_num_layers": 0}}
    r = client.post("/sessions/import", json=tolerated)
    assert r.status_code == 200, r.text
    d = client.get(f"/sessions/{r.json()['imported'][0]}").json()
    assert d["adapter_name"] == "my-old-adapter" and d["config"]["lora_num_layers"] == -1
    assert any("weird" in w for w in d["warnings"]) and any("best_model.path" in w for w in d["warnings"])
    assert any("is relative" in w for w in d["warnings"]) and d["adapter_files"] == []
