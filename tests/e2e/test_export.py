"""Exports of a session really trained on the demo model: fused MLX, PEFT, GGUF, each verified.

One SFT run per module; every export goes through the HTTP API and is then checked again here with
outside tools: plain `mlx_lm.load` for the fused model, the Hugging Face PEFT key/shape conventions for
the PEFT folder, llama.cpp's `gguf` reader for the GGUF file, and `mlx_lm convert -q` for a 4-bit base.
"""

import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from mlx_lm import generate, load
from mlx_lm.sample_utils import make_sampler

from tests.conftest import (
    demo_paths,
    make_settings,
    new_data_root,
    train_demo_session,
    wait_for,
)

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def trained(tmp_path_factory, demo_cache):
    from fastapi.testclient import TestClient

    from backend.app import create_app

    root = new_data_root(tmp_path_factory.mktemp("export"), demo_cache)
    demo = demo_paths(root)
    with TestClient(create_app(make_settings(root)), base_url="http://127.0.0.1") as client:
        run_id = train_demo_session(client, demo, "exp")
        yield SimpleNamespace(client=client, run_id=run_id, demo=demo, root=root,
                              services=client.app.state.services)


def export(client, session_id: str, body: dict, timeout: float = 300) -> dict:
    r = client.post(f"/sessions/{session_id}/export", json=body)
    assert r.status_code == 202, r.text
    export_id = r.json()["export_id"]
    done = wait_for(lambda: (e := client.get(f"/exports/{export_id}").json())["state"] in ("completed", "error")
                    and e, timeout=timeout, what="export end")
    assert done["state"] == "completed", done
    return done


def greedy(model, tok, prompt: str, max_tokens: int = 24) -> str:
    ids = tok.apply_chat_template([{"role": "user", "content": prompt}], add_generation_prompt=True)
    return generate(model, tok, ids, max_tokens=max_tokens, sampler=make_sampler(temp=0.0))


def first_prompt(trained) -> str:
    row = json.loads((trained.services.settings.runs_dir / trained.run_id / "data" / "valid.jsonl")
                     .read_text().splitlines()[0])
    return row["messages"][0]["content"]


def test_mlx_export_is_a_fused_model_that_answers_like_the_adapter(trained):
    client, sid = trained.client, trained.run_id
    done = export(client, sid, {"format": "mlx", "checkpoint": "final"})
    v, path = done["verification"], Path(done["path"])
    assert path.parent == trained.root / "exports" and path.name == "exp-mlx-final"
    assert v["prompts"] >= 4 and v["identical"] == v["prompts"] and v["divergent"] == [] and v["ok"] is True
    for name in ("config.json", "model.safetensors", "tokenizer.json", "README.md", "adapter_config.json"):
        assert (path / name).is_file(), name
    readme = (path / "README.md").read_text()
    assert "rank 32" in readme and "mlx_lm.generate --model" in readme
    assert done["commands"]["mlx_lm_generate"].startswith(f"mlx_lm.generate --model {path}")
    # plain mlx-lm loads the folder, and it answers as the adapter does through the API
    prompt = first_prompt(trained)
    model, tok = load(str(path))
    assert not any("lora" in k for k in dict(model.named_modules()))
    api = client.post("/model/test", json={"prompt": prompt, "temperature": 0.0, "max_tokens": 24,
                                           "session_id": sid}).json()["response"]
    base = client.post("/model/test-base", json={"prompt": prompt, "temperature": 0.0, "max_tokens": 24,
                                                 "session_id": sid}).json()["response"]
    assert greedy(model, tok, prompt) == api != base
    # listed on the session and in /exports; progress and completion went out as events
    assert done["id"] in [e["id"] for e in client.get(f"/sessions/{sid}").json()["exports"]]
    assert done["id"] in [e["id"] for e in client.get("/exports").json()]
    types = [e["type"] for e in trained.services.store.run_events(sid, ("export_progress", "export_completed"))]
    assert "export_progress" in types and "export_completed" in types


def test_peft_export_has_the_hf_layout_the_same_update_and_round_trips(trained):
    client, sid = trained.client, trained.run_id
    done = export(client, sid, {"format": "peft", "checkpoint": "best", "name": "exp-peft"})
    v, path = done["verification"], Path(done["path"])
    assert v["ok"] and v["max_abs_diff"] <= 1e-5 and v["identical"] == v["prompts"] >= 4
    cfg = json.loads((path / "adapter_config.json").read_text())
    mlx_cfg = json.loads((trained.services.settings.runs_dir / sid / "adapters" / "adapter_config.json").read_text())
    rank, scale = mlx_cfg["lora_parameters"]["rank"], mlx_cfg["lora_parameters"]["scale"]
    assert cfg["peft_type"] == "LORA" and cfg["r"] == rank and cfg["lora_alpha"] == pytest.approx(scale * rank)
    assert set(cfg["target_modules"]) >= {"q_proj", "v_proj"}
    # keys and shapes as transformers + peft expect them, checked against the base model's own weights
    from safetensors.numpy import load_file
    peft = load_file(str(path / "adapter_model.safetensors"))
    base = load_file(str(Path(trained.demo["model"]) / "model.safetensors"))
    mlx = load_file(str(trained.services.settings.runs_dir / sid / "adapters" / "best_adapters.safetensors"))
    assert len(peft) == len(mlx)
    for key, a in peft.items():
        assert key.startswith("base_model.model.model.layers.")
        module = key[len("base_model.model."):].rsplit(".", 2)[0]
        out_dim, in_dim = base[module + ".weight"].shape
        if key.endswith(".lora_A.weight"):
            assert a.shape == (rank, in_dim)
            np.testing.assert_array_equal(a, mlx[module + ".lora_a"].T)
        else:
            assert key.endswith(".lora_B.weight") and a.shape == (out_dim, rank)
    # the PEFT folder imported back answers like the session (best checkpoint)
    r = client.post("/adapters/import", json={"path": str(path), "model_path": trained.demo["model"]})
    assert r.status_code == 201, r.text
    prompt = first_prompt(trained)
    body = {"prompt": prompt, "temperature": 0.0, "max_tokens": 24}
    ours = client.post("/model/test", json={**body, "session_id": sid, "checkpoint": "best"}).json()["response"]
    back = client.post("/model/test", json={**body, "session_id": r.json()["run_id"]}).json()["response"]
    assert back == ours


def test_gguf_export_reads_back_with_the_gguf_package(trained):
    from gguf import GGUFReader

    done = export(trained.client, trained.run_id, {"format": "gguf", "checkpoint": "final"})
    v = done["verification"]
    gguf_file = Path(v["file"])
    assert v["ok"] and v["shapes_match"] and v["empty_tensors"] == [] and v["architecture"] == "llama"
    fused, _ = load(str(Path(export(trained.client, trained.run_id, {"format": "mlx"})["path"])))
    from mlx.utils import tree_flatten
    weights = dict(tree_flatten(fused.parameters()))
    reader = GGUFReader(str(gguf_file))
    assert len(reader.tensors) == len(weights) == v["tensors"]
    by_name = {t.name: t for t in reader.tensors}
    # the token embedding is stored unpermuted: its values are the fused model's
    emb = by_name["token_embd.weight"]
    np.testing.assert_allclose(np.asarray(emb.data).reshape(weights["model.embed_tokens.weight"].shape),
                               np.array(weights["model.embed_tokens.weight"]), rtol=1e-3, atol=1e-3)
    assert not (Path(done["path"]) / ".fused").exists()


def test_a_4bit_base_fused_dequantized_matches_the_adapter(trained, tmp_path):
    client = trained.client
    q4 = tmp_path / "demo-4bit"
    subprocess.run([sys.executable, "-m", "mlx_lm", "convert", "--hf-path", trained.demo["model"],
                    "--mlx-path", str(q4), "-q", "--q-bits", "4", "--q-group-size", "32"],
                   check=True, capture_output=True)
    assert json.loads((q4 / "config.json").read_text())["quantization"]["bits"] == 4
    adapters = trained.services.settings.runs_dir / trained.run_id / "adapters"
    r = client.post("/adapters/import", json={"path": str(adapters), "model_path": str(q4), "name": "q4"})
    assert r.status_code == 201, r.text
    sid = r.json()["run_id"]
    plain = export(client, sid, {"format": "mlx"})["verification"]
    assert plain["quantized_base"] == 4 and plain["dequantized"] is False
    # re-quantizing W + ΔW loses part of every module's update: measured, explained, dequantize offered
    assert plain["update_error"]["modules"] == 14 and plain["update_error"]["mean_relative_error"] > 0.05
    assert plain["suggest_dequantize"] is True and "dequantize: true" in plain["note"]
    deq = export(client, sid, {"format": "mlx", "dequantize": True})
    v = deq["verification"]
    assert v["dequantized"] is True and v["identical"] == v["prompts"] >= 4 and v["ok"]
    assert v["update_error"]["max_relative_error"] < 1e-4 and "suggest_dequantize" not in v
    cfg = json.loads((Path(deq["path"]) / "config.json").read_text())
    assert "quantization" not in cfg
    model, tok = load(deq["path"])
    prompt = first_prompt(trained)
    api = client.post("/model/test", json={"prompt": prompt, "temperature": 0.0, "max_tokens": 24,
                                           "session_id": sid}).json()["response"]
    assert greedy(model, tok, prompt) == api


def test_bad_export_requests_are_refused_and_change_nothing(trained, tmp_path):
    client, sid, store = trained.client, trained.run_id, trained.services.store
    exports_dir = trained.root / "exports"
    before = (sorted(p.name for p in exports_dir.iterdir()) if exports_dir.is_dir() else [], len(store.list_exports()))
    assert client.post("/sessions/nope/export", json={"format": "mlx"}).status_code == 404
    assert client.post(f"/sessions/{sid}/export", json={"format": "onnx"}).status_code == 422
    assert client.post(f"/sessions/{sid}/export", json={"format": "mlx", "x": 1}).status_code == 422
    assert client.post(f"/sessions/{sid}/export", json={"format": "mlx", "name": "../up"}).status_code == 422
    r = client.post(f"/sessions/{sid}/export", json={"format": "mlx", "dequantize": True})
    assert r.status_code == 422 and "not quantized" in r.json()["detail"]
    # a session whose adapter files are gone: 409 with the reason
    adapters = trained.services.settings.runs_dir / sid / "adapters"
    imported = client.post("/adapters/import", json={"path": str(adapters), "name": "gone"}).json()["run_id"]
    (trained.services.settings.runs_dir / imported / "adapters" / "adapters.safetensors").unlink()
    r = client.post(f"/sessions/{imported}/export", json={"format": "mlx"})
    assert r.status_code == 409 and "adapters.safetensors" in r.json()["detail"]
    # GGUF of an architecture mlx-lm's writer does not support: 422 naming the supported ones
    other = tmp_path / "qwen-like"
    other.mkdir()
    for f in Path(trained.demo["model"]).iterdir():
        (other / f.name).write_bytes(f.read_bytes())
    cfg = json.loads((other / "config.json").read_text())
    (other / "config.json").write_text(json.dumps({**cfg, "model_type": "qwen3", "head_dim": 16}))
    q = client.post("/adapters/import", json={"path": str(adapters), "model_path": str(other), "name": "q3"})
    assert q.status_code == 201, q.text
    r = client.post(f"/sessions/{q.json()['run_id']}/export", json={"format": "gguf"})
    assert r.status_code == 422 and "llama, mistral, mixtral" in r.json()["detail"]
    after = (sorted(p.name for p in exports_dir.iterdir()) if exports_dir.is_dir() else [], len(store.list_exports()))
    assert after == before
    assert client.get("/exports/nope").status_code == 404
    assert client.delete("/exports/nope").status_code == 404


def test_a_finished_export_can_be_deleted_and_its_name_reused(trained):
    client, sid = trained.client, trained.run_id
    done = export(client, sid, {"format": "peft", "name": "to-delete"})
    r = client.post(f"/sessions/{sid}/export", json={"format": "peft", "name": "to-delete"})
    assert r.status_code == 409
    assert client.delete(f"/exports/{done['id']}").status_code == 204
    assert not Path(done["path"]).exists() and client.get(f"/exports/{done['id']}").status_code == 404
    assert export(client, sid, {"format": "peft", "name": "to-delete"})["verification"]["ok"]
