"""Adapters made elsewhere: one trained with plain `python -m mlx_lm lora`, and Hugging Face PEFT folders
built in the test (by hand, following PEFT's conventions) from that known mlx-lm adapter."""

import json
import math
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
import yaml
from safetensors.numpy import load_file, save_file

from tests.conftest import demo_paths, make_settings, new_data_root, wait_for

pytestmark = pytest.mark.e2e
MAX_TOKENS = 24


@pytest.fixture(scope="module")
def outside(tmp_path_factory, demo_cache):
    """An adapter trained by mlx-lm's own CLI from a YAML written here, and an app to import it into."""
    from fastapi.testclient import TestClient

    from backend.app import create_app

    work = tmp_path_factory.mktemp("adapters-import")
    root = new_data_root(work, demo_cache)
    demo = demo_paths(root)
    data = work / "mlx-data"
    data.mkdir()
    shutil.copy(demo["train"], data / "train.jsonl")
    shutil.copy(demo["valid"], data / "valid.jsonl")
    adapter = work / "mlx-adapter"
    config = {"model": demo["model"], "train": True, "data": str(data), "adapter_path": str(adapter),
              "fine_tune_type": "lora", "num_layers": 2, "batch_size": 4, "iters": 40, "learning_rate": 1e-3,
              "steps_per_report": 10, "steps_per_eval": 20, "save_every": 20, "val_batches": 2, "seed": 0,
              "lora_parameters": {"rank": 8, "scale": 10.0, "dropout": 0.0,
                                  "keys": ["self_attn.q_proj", "self_attn.v_proj", "mlp.down_proj"]}}
    (work / "lora.yaml").write_text(yaml.safe_dump(config))
    subprocess.run([sys.executable, "-m", "mlx_lm", "lora", "-c", str(work / "lora.yaml")], check=True,
                   capture_output=True, cwd=work)
    assert (adapter / "adapters.safetensors").is_file() and (adapter / "0000020_adapters.safetensors").is_file()
    prompt = json.loads(Path(demo["valid"]).read_text().splitlines()[0])["messages"][0]["content"]
    with TestClient(create_app(make_settings(root)), base_url="http://127.0.0.1") as client:
        yield SimpleNamespace(client=client, demo=demo, adapter=adapter, work=work, prompt=prompt,
                              services=client.app.state.services)


def cli_answer(model: str, adapter: Path, prompt: str) -> str:
    out = subprocess.run([sys.executable, "-m", "mlx_lm", "generate", "--model", model, "--adapter-path",
                          str(adapter), "--prompt", prompt, "--temp", "0", "--max-tokens", str(MAX_TOKENS),
                          "--verbose", "F"], check=True, capture_output=True, text=True).stdout
    return out.removesuffix("\n")


def api_answer(client, run_id: str, prompt: str) -> str:
    r = client.post("/model/test", json={"prompt": prompt, "temperature": 0.0, "max_tokens": MAX_TOKENS,
                                         "session_id": run_id})
    assert r.status_code == 200, r.text
    return r.json()["response"]


def peft_from_mlx(adapter: Path, dst: Path, *, rslora: bool = False, **config_changes) -> Path:
    """A PEFT folder as `peft` writes it, built from the mlx-lm adapter by PEFT's own conventions."""
    mlx_cfg = json.loads((adapter / "adapter_config.json").read_text())
    rank, scale = mlx_cfg["lora_parameters"]["rank"], mlx_cfg["lora_parameters"]["scale"]
    tensors = {}
    for key, value in load_file(str(adapter / "adapters.safetensors")).items():
        module, leaf = key.rsplit(".", 1)
        name = {"lora_a": "lora_A", "lora_b": "lora_B"}[leaf]
        tensors[f"base_model.model.{module}.{name}.weight"] = np.ascontiguousarray(value.T)
    dst.mkdir(parents=True)
    save_file(tensors, str(dst / "adapter_model.safetensors"), metadata={"format": "pt"})
    alpha = scale * math.sqrt(rank) if rslora else scale * rank
    cfg = {"peft_type": "LORA", "task_type": "CAUSAL_LM", "r": rank, "lora_alpha": alpha, "lora_dropout": 0.0,
           "target_modules": ["q_proj", "v_proj", "down_proj"], "bias": "none", "use_rslora": rslora,
           "base_model_name_or_path": "example/demo-model", "fan_in_fan_out": False, **config_changes}
    (dst / "adapter_config.json").write_text(json.dumps(cfg))
    return dst


def snapshot(outside) -> tuple:
    runs = outside.services.settings.runs_dir
    return len(outside.services.store.list_runs()), sorted(p.name for p in runs.iterdir()) if runs.is_dir() else []


def test_an_mlx_lm_cli_adapter_imports_and_answers_like_mlx_lm_generate(outside):
    client = outside.client
    r = client.post("/adapters/import", json={"path": str(outside.adapter)})  # base model from its config
    assert r.status_code == 201, r.text
    out = r.json()
    # alpha = scale × rank; num_layers 2 covers every block of the 2-block demo model (-1 = all)
    assert out["source_format"] == "mlx" and out["lora"] == {
        "rank": 8, "alpha": 80.0, "num_layers": -1,
        "keys": ["self_attn.q_proj", "self_attn.v_proj", "mlp.down_proj"]}
    run_id = out["run_id"]
    session = client.get(f"/sessions/{run_id}").json()
    assert session["kind"] == "imported" and session["state"] == "completed"
    assert session["lora"]["rank"] == 8 and session["lora"]["alpha"] == 80.0 and session["lora"]["scale"] == 10.0
    assert {f["name"] for f in session["adapter_files"]} == {
        "adapter_config.json", "adapters.safetensors", "0000020_adapters.safetensors", "0000040_adapters.safetensors"}
    expected = cli_answer(outside.demo["model"], outside.adapter, outside.prompt)
    assert api_answer(client, run_id, outside.prompt) == expected
    base = client.post("/model/test-base", json={"prompt": outside.prompt, "temperature": 0.0,
                                                 "max_tokens": MAX_TOKENS, "session_id": run_id}).json()
    assert base["response"] != expected


@pytest.mark.parametrize("rslora", [False, True])
def test_a_peft_folder_built_from_a_known_adapter_gives_identical_answers(outside, rslora):
    client = outside.client
    peft = peft_from_mlx(outside.adapter, outside.work / f"peft-{rslora}", rslora=rslora)
    r = client.post("/adapters/import", json={"path": str(peft), "model_path": outside.demo["model"],
                                              "name": f"peft-{rslora}"})
    assert r.status_code == 201, r.text
    out = r.json()
    assert out["source_format"] == "peft" and out["lora"]["rank"] == 8
    assert out["lora"]["alpha"] == pytest.approx(80.0)  # scale 10 either way: alpha/r or alpha/√r
    run_dir = outside.services.settings.runs_dir / out["run_id"] / "adapters"
    converted = load_file(str(run_dir / "adapters.safetensors"))
    original = load_file(str(outside.adapter / "adapters.safetensors"))
    assert converted.keys() == original.keys()
    for k in original:
        np.testing.assert_array_equal(converted[k], original[k])
    assert api_answer(client, out["run_id"], outside.prompt) == cli_answer(outside.demo["model"], outside.adapter,
                                                                          outside.prompt)


def test_adapters_that_do_not_fit_are_refused_and_nothing_is_created(outside):
    client, before = outside.client, snapshot(outside)
    # a module the base model does not have
    bad = peft_from_mlx(outside.adapter, outside.work / "peft-wrong-module")
    t = load_file(str(bad / "adapter_model.safetensors"))
    t = {k.replace("self_attn.q_proj", "self_attn.qkv_proj"): v for k, v in t.items()}
    save_file(t, str(bad / "adapter_model.safetensors"))
    r = client.post("/adapters/import", json={"path": str(bad), "model_path": outside.demo["model"]})
    assert r.status_code == 422 and "qkv_proj: no such linear layer" in r.json()["detail"]
    # shapes of another model
    wide = peft_from_mlx(outside.adapter, outside.work / "peft-wrong-shape")
    t = load_file(str(wide / "adapter_model.safetensors"))
    t = {k: (np.concatenate([v, v], axis=1) if k.endswith("lora_A.weight") else v) for k, v in t.items()}
    save_file(t, str(wide / "adapter_model.safetensors"))
    r = client.post("/adapters/import", json={"path": str(wide), "model_path": outside.demo["model"]})
    assert r.status_code == 422 and "does not fit the base model" in r.json()["detail"]
    # PEFT settings mlx-lm cannot express, an unknown base, a folder that is not an adapter, a bad body
    dora = peft_from_mlx(outside.adapter, outside.work / "peft-dora", use_dora=True)
    r = client.post("/adapters/import", json={"path": str(dora), "model_path": outside.demo["model"]})
    assert r.status_code == 422 and "use_dora" in r.json()["detail"]
    r = client.post("/adapters/import", json={"path": str(outside.work / "peft-False")})
    assert r.status_code == 422 and "pass model_path" in r.json()["detail"]
    assert client.post("/adapters/import", json={"path": str(outside.work)}).status_code == 422
    assert client.post("/adapters/import", json={"path": "/nowhere/at/all"}).status_code == 422
    assert client.post("/adapters/import", json={"path": str(outside.adapter), "x": 1}).status_code == 422
    assert client.post("/adapters/import", json={"path": str(outside.adapter), "name": "a b/c"}).status_code == 422
    r = client.post("/adapters/import", json={"path": str(outside.adapter), "model_path": str(outside.work)})
    assert r.status_code == 422
    assert snapshot(outside) == before


def test_an_imported_session_is_evaluated_on_an_explicit_dataset(outside):
    client = outside.client
    run_id = client.post("/adapters/import", json={"path": str(outside.adapter), "name": "evaluated"}).json()["run_id"]
    r = client.post("/evaluation/start", json={"session_id": run_id, "num_questions": 3, "max_tokens": 16})
    assert r.status_code == 422 and "no held-out data" in r.json()["detail"]
    assert client.post("/evaluation/start", json={"session_id": run_id, "dataset_path": "/no/file.jsonl"}
                       ).status_code == 422
    r = client.post("/evaluation/start", json={"session_id": run_id, "num_questions": 3, "max_tokens": 16,
                                               "dataset_path": outside.demo["valid"]})
    assert r.status_code == 202, r.text
    eval_id = r.json()["evaluation_id"]
    done = wait_for(lambda: (e := client.get(f"/evaluation/{eval_id}").json())["state"] in ("completed", "failed")
                    and e, timeout=120, what="evaluation end")
    assert done["state"] == "completed", done
    assert done["result"]["num_samples"] == 3 and done["result"]["split_used"] == "dataset_path"
    assert done["request"]["dataset_path"] == outside.demo["valid"]
    assert client.post(f"/sessions/{run_id}/resume").status_code == 409


def test_several_adapters_are_evaluated_against_one_base(outside):
    client = outside.client
    early = outside.work / "early-adapter"  # the same run at step 20: a genuinely different adapter
    early.mkdir()
    shutil.copy(outside.adapter / "adapter_config.json", early / "adapter_config.json")
    shutil.copy(outside.adapter / "0000020_adapters.safetensors", early / "adapters.safetensors")
    ids = [client.post("/adapters/import", json={"path": str(p), "name": n}).json()["run_id"]
           for p, n in ((outside.adapter, "multi-final"), (early, "multi-early"), (outside.adapter, "multi-twin"))]
    body = {"session_ids": ids, "num_questions": 3, "max_tokens": 16, "dataset_path": outside.demo["valid"]}
    assert client.post("/evaluation/start", json={**body, "session_id": ids[0]}).status_code == 422
    assert client.post("/evaluation/start", json={**body, "session_ids": ids + ids[:1]}).status_code == 422
    assert client.post("/evaluation/start", json={**body, "session_ids": [ids[0], ids[0]]}).status_code == 422
    r = client.post("/evaluation/start", json=body)
    assert r.status_code == 202, r.text
    eval_id = r.json()["evaluation_id"]
    done = wait_for(lambda: (e := client.get(f"/evaluation/{eval_id}").json())["state"] in ("completed", "failed")
                    and e, timeout=180, what="evaluation end")
    assert done["state"] == "completed", done
    result = done["result"]
    adapters = result["adapters"]
    assert [a["session_id"] for a in adapters] == ids and done["request"]["session_ids"] == ids
    final, early_scores, twin = adapters
    assert final["scores"] == twin["scores"] and final["answers"] == twin["answers"]  # same weights, same scores
    assert final["scores"] == result["adapter"]["scores"]
    assert final["answers"] != early_scores["answers"] or final["mean_nll"] != early_scores["mean_nll"]
    for a in adapters:  # every delta is against the one base
        for k, v in a["delta"].items():
            if k != "mean_nll":
                assert v == pytest.approx(a["scores"][k] - result["base"]["scores"][k], abs=1e-3)
