"""Exports and adapter imports at the HTTP boundary: refusals, the security middleware, no side effects.
(The exports themselves, on a really trained adapter, are in tests/e2e/test_export.py.)"""

import json
import shutil

import numpy as np
from safetensors.numpy import save_file


def fake_run_adapter(client, demo_model: str, state: str) -> str:
    """A session row with adapter files of the demo model's shapes (rank 2, zero update)."""
    services = client.app.state.services
    run_id = f"r-{state}"
    adapters = services.settings.runs_dir / run_id / "adapters"
    adapters.mkdir(parents=True)
    save_file({"model.layers.1.self_attn.q_proj.lora_a": np.zeros((64, 2), np.float32),
               "model.layers.1.self_attn.q_proj.lora_b": np.zeros((2, 64), np.float32)},
              str(adapters / "adapters.safetensors"))
    (adapters / "adapter_config.json").write_text(json.dumps(
        {"fine_tune_type": "lora", "num_layers": 1, "lora_parameters": {"rank": 2, "scale": 1.0, "keys": ["self_attn.q_proj"]}}))
    services.store.create_run({"id": run_id, "kind": "sft", "name": run_id, "model_path": demo_model,
                               "adapter_name": run_id, "state": state, "config": {}})
    return run_id


def test_an_active_run_is_not_exported(client, demo):
    run_id = fake_run_adapter(client, demo["model"], "running")
    r = client.post(f"/sessions/{run_id}/export", json={"format": "mlx"})
    assert r.status_code == 409 and "still being written" in r.json()["detail"]
    assert client.get("/exports").json() == []


def test_new_routes_sit_behind_the_origin_check_and_are_documented(client, demo):
    run_id = fake_run_adapter(client, demo["model"], "completed")
    evil = {"origin": "https://evil.example"}
    assert client.post(f"/sessions/{run_id}/export", json={"format": "peft"}, headers=evil).status_code == 403
    assert client.post("/adapters/import", json={"path": "/x"}, headers=evil).status_code == 403
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/sessions/{session_id}/export", "/exports", "/exports/{export_id}", "/adapters/import"} <= set(paths)


def test_a_moe_adapter_is_refused_as_peft_before_anything_is_queued(client, demo):
    run_id = fake_run_adapter(client, demo["model"], "completed")
    adapters = client.app.state.services.settings.runs_dir / run_id / "adapters"
    save_file({"model.layers.1.mlp.switch_mlp.up_proj.lora_a": np.zeros((4, 2, 64), np.float32),
               "model.layers.1.mlp.switch_mlp.up_proj.lora_b": np.zeros((4, 128, 2), np.float32)},
              str(adapters / "adapters.safetensors"))
    r = client.post(f"/sessions/{run_id}/export", json={"format": "peft"})
    assert r.status_code == 422 and "SwitchLinear" in r.json()["detail"]
    assert client.get("/exports").json() == []
    assert not (client.app.state.services.settings.data_dir / "exports").exists()


def test_importing_a_file_path_uses_its_folder_and_a_bad_safetensors_is_a_422(client, demo, tmp_path):
    run_id = fake_run_adapter(client, demo["model"], "completed")
    src = client.app.state.services.settings.runs_dir / run_id / "adapters"
    folder = tmp_path / "adapter"
    shutil.copytree(src, folder)
    r = client.post("/adapters/import", json={"path": str(folder / "adapters.safetensors"), "model_path": demo["model"]})
    assert r.status_code == 201, r.text
    assert r.json()["lora"] == {"rank": 2, "alpha": 2.0, "num_layers": 1, "keys": ["self_attn.q_proj"]}
    (folder / "adapters.safetensors").write_bytes(b"PK\x03\x04 not safetensors")
    before = len(client.get("/sessions").json())
    r = client.post("/adapters/import", json={"path": str(folder), "model_path": demo["model"]})
    assert r.status_code == 422 and "not a readable safetensors" in r.json()["detail"]
    assert len(client.get("/sessions").json()) == before


def test_a_base_named_by_hugging_face_id_is_found_in_the_hf_cache(client, demo, tmp_path, monkeypatch):
    run_id = fake_run_adapter(client, demo["model"], "completed")
    folder = tmp_path / "peft-style"
    shutil.copytree(client.app.state.services.settings.runs_dir / run_id / "adapters", folder)
    cfg = json.loads((folder / "adapter_config.json").read_text())
    (folder / "adapter_config.json").write_text(json.dumps({**cfg, "model": "example-org/demo-model"}))
    r = client.post("/adapters/import", json={"path": str(folder)})
    assert r.status_code == 422 and "nor in the Hugging Face cache" in r.json()["detail"]
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    snapshot = tmp_path / "hf" / "hub" / "models--example-org--demo-model" / "snapshots" / "0123abc"
    shutil.copytree(demo["model"], snapshot)
    r = client.post("/adapters/import", json={"path": str(folder)})
    assert r.status_code == 201, r.text
    assert r.json()["model_path"] == str(snapshot.resolve())
