"""/model/* and /evaluation/* on the real demo model, with small adapters written by the tests.

Adapters are made here from random LoRA weights (no training): attention-only keys (Enhanced Setup's
layout) and a legacy adapter_config.json without lora_parameters, imported as legacy sessions.
"""

import json
from pathlib import Path

import pytest

from backend.schemas.lora import ATTENTION_KEYS

PROMPT = "What is the capital of France?"


def write_adapter(dest: Path, model_dir: str, keys: list[str] | None, *, seed: int, config: dict | None = None,
                  file: str = "adapters.safetensors", rank: int = 4) -> Path:
    """Random LoRA weights for `keys` (None: every linear layer) saved in mlx-lm's adapter layout."""
    import mlx.core as mx
    from mlx.utils import tree_flatten
    from mlx_lm.tuner.utils import linear_to_lora_layers
    from mlx_lm.utils import load_model

    model, _ = load_model(Path(model_dir))
    params = {"rank": rank, "scale": 1.0, "dropout": 0.0, "keys": keys}
    linear_to_lora_layers(model, -1, params)
    mx.random.seed(seed)
    weights = {k: mx.random.normal(v.shape) * 0.3 for k, v in tree_flatten(model.parameters())
               if k.endswith((".lora_a", ".lora_b"))}
    dest.mkdir(parents=True, exist_ok=True)
    mx.save_safetensors(str(dest / file), weights)
    cfg = {"fine_tune_type": "lora", "num_layers": -1, "lora_parameters": params} if config is None else config
    (dest / "adapter_config.json").write_text(json.dumps(cfg))
    return dest


def import_session(client, demo, adapter_dir: Path | None, name: str = "imported") -> str:
    legacy = {"session_id": f"session_{name}", "status": "completed",
              "config": {"model_path": demo["model"], "train_data_path": demo["train"], "adapter_name": name}}
    if adapter_dir is not None:
        legacy["adapter_path"] = str(adapter_dir)
    r = client.post("/sessions/import", json=legacy)
    assert r.status_code == 200, r.text
    return r.json()["imported"][0]


def ask(client, path: str, **body) -> dict:
    r = client.post(path, json={"prompt": PROMPT, "temperature": 0.0, "max_tokens": 16, **body})
    assert r.status_code == 200, r.text
    return r.json()


@pytest.mark.parametrize("path", ["/model/test-base", "/model/test", "/model/test/stream", "/model/test-base/stream"])
def test_bad_input_is_a_clear_4xx(client, demo, path):
    base = {"prompt": PROMPT, "model_path": demo["model"]}
    for bad in ({"max_tokens": 0}, {"max_tokens": 10**6}, {"prompt": "x" * 16_001}, {"prompt": ""},
                {"top_p": 0}, {"temperature": -1}, {"checkpoint": "latest"}, {"session_id": "../etc"}):
        r = client.post(path, json={**base, **bad})
        assert r.status_code == 422, (bad, r.text)
    r = client.post(path, json={"prompt": PROMPT, "session_id": "no-such-session"})
    assert r.status_code == 404 and "no-such-session" in r.json()["detail"]
    r = client.post(path, json={"prompt": PROMPT})  # no session given, none loaded
    assert r.status_code == 422 and "load a session" in r.json()["detail"]


def test_model_path_errors(client, tmp_path):
    r = client.post("/model/test-base", json={"prompt": PROMPT, "model_path": str(tmp_path / "missing")})
    assert r.status_code == 422 and "not found" in r.json()["detail"]
    (tmp_path / "empty").mkdir()
    r = client.post("/model/test-base", json={"prompt": PROMPT, "model_path": str(tmp_path / "empty")})
    assert r.status_code == 422 and "config.json" in r.json()["detail"]


def test_sessions_without_usable_adapter_files(client, demo, tmp_path):
    bare = import_session(client, demo, None, "bare")
    r = client.post("/model/test", json={"prompt": PROMPT, "session_id": bare})
    assert r.status_code == 409 and "no adapter files" in r.json()["detail"]
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "adapters.safetensors").write_bytes(b"x")
    (broken / "adapter_config.json").write_text("{}")
    sid = import_session(client, demo, broken, "broken")
    r = client.post("/model/test", json={"prompt": PROMPT, "session_id": sid})
    assert r.status_code == 422 and "Could not load the adapter" in r.json()["detail"]
    r = client.post("/model/test", json={"prompt": PROMPT, "session_id": sid, "checkpoint": "best"})
    assert r.status_code == 409 and "best_adapters.safetensors" in r.json()["detail"]
    # an adapter for another architecture (wrong shapes) is refused with the tensors named
    other = write_adapter(tmp_path / "other", demo["model"], ATTENTION_KEYS, seed=0, rank=4)
    cfg = json.loads((other / "adapter_config.json").read_text())
    cfg["lora_parameters"]["rank"] = 8
    (other / "adapter_config.json").write_text(json.dumps(cfg))
    sid = import_session(client, demo, other, "mismatch")
    r = client.post("/model/test", json={"prompt": PROMPT, "session_id": sid})
    assert r.status_code == 422 and "lora_a" in r.json()["detail"]


def test_attention_only_adapter_final_and_best(client, demo, tmp_path):
    adapter = write_adapter(tmp_path / "attn", demo["model"], ATTENTION_KEYS, seed=1)
    write_adapter(adapter, demo["model"], ATTENTION_KEYS, seed=2, file="best_adapters.safetensors")
    sid = import_session(client, demo, adapter, "attn")
    svc = client.app.state.services.inference

    base = ask(client, "/model/test-base", session_id=sid)
    assert base["model_info"]["adapter_path"] is None and base["model_info"]["session_id"] == sid
    final = ask(client, "/model/test", session_id=sid)
    info = final["model_info"]
    assert info["checkpoint"] == "final" and info["adapter_file"].endswith("/adapters.safetensors")
    assert info["loaded_from_cache"] is False and final["response"] != base["response"]
    best = ask(client, "/model/test", session_id=sid, checkpoint="best")
    assert best["model_info"]["adapter_file"].endswith("/best_adapters.safetensors")
    assert best["response"] != final["response"]

    loads = svc.loads
    again = ask(client, "/model/test", session_id=sid)
    assert again["response"] == final["response"]  # temperature 0 is deterministic
    assert again["model_info"]["loaded_from_cache"] is True and again["model_info"]["load_seconds"] == 0.0
    assert svc.loads == loads
    # the base entry shares its weights with the adapter entries but was not changed by them
    assert ask(client, "/model/test-base", session_id=sid)["response"] == base["response"]
    # the run's files are read, never changed
    assert {p.name for p in (Path(info["adapter_path"])).iterdir()} == {
        "adapter_config.json", "adapters.safetensors", "best_adapters.safetensors"}


def test_legacy_adapter_config_and_the_loaded_session(client, demo, tmp_path):
    # An older app's config: no lora_parameters, no num_layers → mlx-lm defaults, rank from the weights
    adapter = write_adapter(tmp_path / "legacy", demo["model"], None, seed=3, config={}, rank=6)
    sid = import_session(client, demo, adapter, "legacy")
    assert client.post(f"/sessions/{sid}/load").status_code == 200
    out = ask(client, "/model/test")  # no session_id: the loaded session
    assert out["model_info"]["session_id"] == sid and out["tokens"] >= 1
    assert out["response"] != ask(client, "/model/test-base")["response"]


def test_stream_matches_the_plain_answer(client, demo):
    plain = ask(client, "/model/test-base", model_path=demo["model"])
    with client.stream("POST", "/model/test-base/stream",
                       json={"prompt": PROMPT, "temperature": 0, "max_tokens": 16, "model_path": demo["model"]}) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        events = [json.loads(line[6:]) if line.startswith("data: ") else line[7:]
                  for line in r.iter_lines() if line.startswith(("event: ", "data: "))]
    kinds, datas = events[0::2], events[1::2]
    assert kinds[-1] == "done" and set(kinds[:-1]) == {"token"}
    assert "".join(d["text"] for d in datas[:-1]) == plain["response"] == datas[-1]["response"]
    assert datas[-1]["tokens"] == plain["tokens"] and datas[-1]["model_info"]["loaded_from_cache"] is True


def test_evaluation_refuses_bad_requests_up_front(client, demo, tmp_path):
    adapter = write_adapter(tmp_path / "a", demo["model"], ATTENTION_KEYS, seed=4)
    sid = import_session(client, demo, adapter, "evalbad")
    assert client.post("/evaluation/start", json={"session_id": "nope"}).status_code == 404
    for bad in ({"num_questions": 0}, {"num_questions": 501}, {"max_tokens": 0}, {"checkpoint": "x"},
                {"judge": {"base_url": "http://127.0.0.1:9", "model": "m", "api_key": "sk-secret"}},
                {"judge": {"base_url": "ftp://x", "model": "m"}}):
        r = client.post("/evaluation/start", json={"session_id": sid, **bad})
        assert r.status_code == 422, (bad, r.text)
    # the imported legacy session brought no data
    r = client.post("/evaluation/start", json={"session_id": sid})
    assert r.status_code == 422 and "no held-out data" in r.json()["detail"]
    data = client.app.state.services.settings.runs_dir / sid / "data"
    data.mkdir()
    (data / "valid.jsonl").write_text('{"text": "plain text only"}\n')
    r = client.post("/evaluation/start", json={"session_id": sid})
    assert r.status_code == 422 and "plain 'text'" in r.json()["detail"]
    (data / "valid.jsonl").write_text(Path(demo["valid"]).read_text())
    r = client.post("/evaluation/start", json={"session_id": sid, "checkpoint": "best"})
    assert r.status_code == 409 and "best" in r.json()["detail"]
    r = client.post("/evaluation/start", json={"session_id": sid, "judge": {
        "base_url": "http://127.0.0.1:9", "model": "m", "api_key_env": "LORA_STUDIO_TEST_UNSET_KEY"}})
    assert r.status_code == 422 and "LORA_STUDIO_TEST_UNSET_KEY" in r.json()["detail"]
    assert client.get("/evaluation/eval-unknown").status_code == 404


def test_batched_nll_equals_one_at_a_time_and_a_direct_computation(client, demo):
    import math

    import mlx.core as mx

    from backend.inference.evaluation import example_from_row
    from backend.inference.service import Target, encode_reference

    svc, target = client.app.state.services.inference, Target(demo["model"])
    tokenizer = svc.acquire(target)[0].tokenizer
    rows = [json.loads(line) for line in Path(demo["valid"]).read_text().splitlines()[:6]]
    pairs = [encode_reference(tokenizer, ex.messages, ex.reference) for ex in map(example_from_row, rows)]
    batched = svc.reference_nll(target, pairs, batch_tokens=64)  # forces several padded batches
    single = svc.reference_nll(target, pairs, max_batch=1)
    assert batched == pytest.approx(single, abs=1e-4)
    # the reference tokens are the answer and the end of turn, as training saw them
    prompt, ref = pairs[0]
    assert tokenizer.decode(ref).startswith(rows[0]["messages"][-1]["content"])
    model = svc.acquire(target)[0].model
    ids = prompt + ref
    logp = mx.softmax(model(mx.array([ids[:-1]])).astype(mx.float32), axis=-1)[0]
    direct = -sum(math.log(logp[t - 1, ids[t]].item()) for t in range(len(prompt), len(ids))) / len(ref)
    assert batched[0] == pytest.approx(direct, rel=1e-4)


def test_evaluation_job_on_grpo_rows(client, demo, tmp_path):
    import time

    adapter = write_adapter(tmp_path / "g", demo["model"], ATTENTION_KEYS, seed=5)
    sid = import_session(client, demo, adapter, "grpo")
    data = client.app.state.services.settings.runs_dir / sid / "data"
    data.mkdir()
    grpo_rows = Path(demo["grpo_valid"]).read_text().splitlines()[:3]
    (data / "test.jsonl").write_text("\n".join(grpo_rows) + "\n")
    r = client.post("/evaluation/start", json={"session_id": sid, "num_questions": 10, "max_tokens": 8})
    assert r.status_code == 202 and r.json()["num_samples"] == 3 and r.json()["split_used"] == "test"
    eval_id = r.json()["evaluation_id"]
    deadline = time.time() + 60
    while (ev := client.get(f"/evaluation/{eval_id}").json())["state"] not in ("completed", "failed"):
        assert time.time() < deadline
        time.sleep(0.1)
    assert ev["state"] == "completed", ev["error"]
    first = json.loads(grpo_rows[0])
    sample = ev["result"]["samples"][0]
    # the row's system message is part of the prompt; the reference is the bare answer
    assert sample["question"] == f"system: {first['system']}\nuser: {first['prompt']}"
    assert sample["reference"] == first["answer"]
    assert all(0 <= v <= 100 for side in ("base", "adapter") for v in ev["result"][side]["scores"].values())
