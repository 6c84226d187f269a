"""Model testing and base-vs-adapter evaluation on an adapter really trained on the demo set.

One SFT run per module (shared by every test), one app, one inference cache. The LLM judge is exercised
against real HTTP servers: mlx-lm's own OpenAI-compatible server (the demo model cannot answer in
JSON, so every sample must carry a judge error, never a zero score), a small http.server that answers
with well-formed scores, and a port where nothing listens.
"""

import json
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from mlx_lm import generate, load
from mlx_lm.sample_utils import make_sampler

from tests.conftest import (
    demo_paths,
    free_port,
    make_settings,
    new_data_root,
    train_demo_session,
    wait_for,
)

pytestmark = pytest.mark.e2e
SCORES = ("exact_match", "token_f1", "rouge_l", "nll_score")


@pytest.fixture(scope="module")
def trained(tmp_path_factory, demo_cache):
    from fastapi.testclient import TestClient

    from backend.app import create_app

    root = new_data_root(tmp_path_factory.mktemp("inference"), demo_cache)
    demo = demo_paths(root)
    with TestClient(create_app(make_settings(root)), base_url="http://127.0.0.1") as client:
        run_id = train_demo_session(client, demo, "infer", save_every=60)
        services = client.app.state.services
        train_rows = [json.loads(line) for line in (services.settings.runs_dir / run_id / "data" / "train.jsonl")
                      .read_text().splitlines() if line.strip()]
        yield SimpleNamespace(client=client, run_id=run_id, demo=demo, services=services, train_rows=train_rows)


def evaluate(client, body: dict, timeout: float = 120) -> dict:
    r = client.post("/evaluation/start", json=body)
    assert r.status_code == 202, r.text
    eval_id = r.json()["evaluation_id"]
    return wait_for(lambda: (e := client.get(f"/evaluation/{eval_id}").json())["state"] in ("completed", "failed")
                    and e, timeout=timeout, what="evaluation end")


def test_adapter_answers_the_trained_target_and_the_base_does_not(trained):
    client, sid = trained.client, trained.run_id
    svc = trained.services.inference
    row = trained.train_rows[0]["messages"]
    prompt, target = row[0]["content"], row[-1]["content"]
    body = {"prompt": prompt, "temperature": 0.0, "max_tokens": 32, "session_id": sid}
    adapter = client.post("/model/test", json=body).json()
    base = client.post("/model/test-base", json=body).json()
    # exactly the answer plain mlx-lm gives with this adapter directory
    model, tok = load(trained.demo["model"], adapter_path=adapter["model_info"]["adapter_path"])
    ids = tok.apply_chat_template([{"role": "user", "content": prompt}], add_generation_prompt=True)
    assert generate(model, tok, ids, max_tokens=32, sampler=make_sampler(temp=0.0)) == adapter["response"]
    assert adapter["response"].strip() == target, (prompt, adapter["response"])
    assert base["response"].strip() != adapter["response"].strip()
    assert adapter["tokens"] > 0 and adapter["tokens_per_sec"] > 0
    assert adapter["model_info"]["adapter_path"].endswith(f"{sid}/adapters")
    assert base["model_info"] == {**base["model_info"], "adapter_path": None, "session_id": sid}

    loads = svc.loads
    again = client.post("/model/test", json=body).json()
    assert again["response"] == adapter["response"]  # greedy decoding is deterministic
    assert again["model_info"]["loaded_from_cache"] is True and again["model_info"]["load_seconds"] == 0.0
    assert client.post("/model/test-base", json=body).json()["model_info"]["loaded_from_cache"] is True
    assert svc.loads == loads  # neither model was loaded again

    best = client.post("/model/test", json={**body, "checkpoint": "best"}).json()
    assert best["model_info"]["adapter_file"].endswith("best_adapters.safetensors")
    # sampling settings are honoured: temperature > 0 with top_p still answers
    sampled = client.post("/model/test", json={**body, "temperature": 1.0, "top_p": 0.9})
    assert sampled.status_code == 200 and sampled.json()["model_info"]["loaded_from_cache"] is True


def test_stream_sends_tokens_then_done(trained):
    client, row = trained.client, trained.train_rows[1]["messages"]
    body = {"prompt": row[0]["content"], "temperature": 0.0, "max_tokens": 32, "session_id": trained.run_id}
    plain = client.post("/model/test", json=body).json()
    with client.stream("POST", "/model/test/stream", json=body) as r:
        lines = [line for line in r.iter_lines() if line]
    kinds = [line[7:] for line in lines if line.startswith("event: ")]
    datas = [json.loads(line[6:]) for line in lines if line.startswith("data: ")]
    assert kinds[-1] == "done" and kinds.count("token") == len(kinds) - 1 >= 1
    assert "".join(d["text"] for d in datas[:-1]) == plain["response"]
    assert datas[-1]["tokens"] == plain["tokens"]


def test_evaluation_reports_the_adapter_better(trained):
    client, sid, store = trained.client, trained.run_id, trained.services.store
    svc = trained.services.inference
    # Hold the model lock so the job cannot finish before the second start is tried.
    with svc.compute_lock:
        r = client.post("/evaluation/start", json={"session_id": sid, "num_questions": 500, "max_tokens": 24})
        assert r.status_code == 202, r.text
        started = r.json()
        n = len((trained.services.settings.runs_dir / sid / "data" / "test.jsonl").read_text().splitlines())
        assert started["split_used"] == "test" and started["num_samples"] == n >= 4  # every test row
        second = client.post("/evaluation/start", json={"session_id": sid})
        assert second.status_code == 409 and started["evaluation_id"] in second.json()["detail"]
        running = client.get(f"/evaluation/{started['evaluation_id']}").json()
        assert running["state"] in ("queued", "running") and 0 <= running["progress"] < 1
    ev = wait_for(lambda: (e := client.get(f"/evaluation/{started['evaluation_id']}").json())["state"]
                  in ("completed", "failed") and e, timeout=120, what="evaluation end")
    assert ev["state"] == "completed", ev["error"]
    assert ev["progress"] == 1.0 and ev["session_id"] == sid
    res = ev["result"]
    base, adapter = res["base"]["scores"], res["adapter"]["scores"]
    for side in (base, adapter):
        assert set(SCORES) <= set(side) and all(0 <= side[k] <= 100 for k in SCORES)
    assert adapter["token_f1"] > base["token_f1"] and adapter["rouge_l"] > base["rouge_l"]
    assert adapter["nll_score"] > base["nll_score"] and res["adapter"]["mean_nll"] < res["base"]["mean_nll"]
    assert adapter["exact_match"] >= base["exact_match"]
    assert res["delta"]["token_f1"] == pytest.approx(adapter["token_f1"] - base["token_f1"], abs=1e-3)
    assert res["num_samples"] == len(res["samples"]) == n and res["split_used"] == "test"
    for s in res["samples"]:
        assert {"question", "reference", "base_answer", "adapter_answer", "base", "adapter"} <= set(s)
        for side in ("base", "adapter"):
            assert s[side]["nll"] > 0 and s[side]["perplexity"] >= 1 and 0 <= s[side]["rouge_l"] <= 100
        assert "judge" not in s
    assert "judge" not in res and "100 * exp(-mean_nll)" in res["formulas"]["nll_score"]

    # progress and completion went out as stored events; the session lists the evaluation
    events = store.run_events(sid, ("evaluation_progress", "evaluation_completed"))
    progress = [e["data"]["progress"] for e in events if e["type"] == "evaluation_progress"]
    assert progress == sorted(progress) and progress[-1] == 1.0
    assert events[-1]["type"] == "evaluation_completed" and events[-1]["data"]["state"] == "completed"
    listed = client.get(f"/sessions/{sid}").json()["evaluations"]
    assert any(e["id"] == ev["id"] and e["state"] == "completed" for e in listed)


class _JudgeHandler(BaseHTTPRequestHandler):
    """A real OpenAI-compatible endpoint that always grades the adapter higher."""

    seen: list = []

    def do_POST(self):  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).seen.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": body})
        scores = {"base": {"faithfulness": 20, "fact_recall": 10, "consistency": 90, "hallucination": 70},
                  "adapter": {"faithfulness": 90, "fact_recall": 100, "consistency": 95, "hallucination": 5}}
        reply = {"id": "c1", "object": "chat.completion", "model": body["model"], "choices": [
            {"index": 0, "finish_reason": "stop",
             "message": {"role": "assistant", "content": "```json\n" + json.dumps(scores) + "\n```"}}]}
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def test_judge_scores_are_parsed_and_averaged(trained, monkeypatch):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _JudgeHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("LORA_STUDIO_TEST_JUDGE_KEY", "sk-test-123")
    try:
        judge = {"base_url": f"http://127.0.0.1:{server.server_port}/v1", "model": "grader",
                 "api_key_env": "LORA_STUDIO_TEST_JUDGE_KEY"}
        ev = evaluate(trained.client, {"session_id": trained.run_id, "num_questions": 3, "max_tokens": 24,
                                       "judge": judge})
    finally:
        server.shutdown()
    assert ev["state"] == "completed", ev["error"]
    res = ev["result"]
    assert res["judge"]["scored"] == 3 and res["judge"]["failed"] == 0 and "judge_error" not in res
    assert res["adapter"]["scores"]["judge_fact_recall"] == 100.0 and res["base"]["scores"]["judge_faithfulness"] == 20.0
    assert res["delta"]["judge_faithfulness"] == 70.0 and res["adapter"]["judged_samples"] == 3
    assert all(s["judge"]["adapter"]["hallucination"] == 5.0 for s in res["samples"])
    seen = _JudgeHandler.seen
    assert len(seen) == 3 and seen[0]["path"] == "/v1/chat/completions"
    assert seen[0]["auth"] == "Bearer sk-test-123" and seen[0]["body"]["model"] == "grader"
    assert res["samples"][0]["reference"] in seen[0]["body"]["messages"][-1]["content"]
    assert "sk-test-123" not in json.dumps(ev)  # the key is never stored


def test_a_real_judge_that_answers_no_json_marks_samples_not_zero(trained):
    port = free_port()
    log = Path(trained.services.settings.data_dir) / "mlx-server.log"
    proc = subprocess.Popen([sys.executable, "-m", "mlx_lm", "server", "--model", trained.demo["model"],
                             "--port", str(port), "--host", "127.0.0.1"],
                            stdout=log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True)
    try:
        def healthy():
            assert proc.poll() is None, log.read_text()[-2000:]
            try:
                return httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200
            except httpx.HTTPError:
                return False
        wait_for(healthy, timeout=60, what="mlx_lm server")
        judge = {"base_url": f"http://127.0.0.1:{port}/v1", "model": "default_model"}
        ev = evaluate(trained.client, {"session_id": trained.run_id, "num_questions": 2, "max_tokens": 24,
                                       "judge": judge})
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert ev["state"] == "completed", ev["error"]
    res = ev["result"]
    assert res["judge"] == {**res["judge"], "scored": 0, "failed": 2}
    assert all("error" in s["judge"] and "JSON" in s["judge"]["error"] for s in res["samples"]), res["samples"]
    assert "every judge call failed" in res["judge_error"]
    assert not any(k.startswith("judge_") for k in res["adapter"]["scores"])  # excluded, not zero
    assert all(0 <= v <= 100 for v in res["adapter"]["scores"].values())


def test_a_judge_that_refuses_connections_neither_hangs_nor_fails_the_job(trained):
    started = time.monotonic()
    ev = evaluate(trained.client, {"session_id": trained.run_id, "num_questions": 5, "max_tokens": 24,
                                   "judge": {"base_url": f"http://127.0.0.1:{free_port()}", "model": "m"}})
    assert ev["state"] == "completed", ev["error"]
    res = ev["result"]
    errors = [s["judge"]["error"] for s in res["samples"]]
    assert all("unreachable" in e for e in errors[:3]) and all(e.startswith("skipped") for e in errors[3:])
    assert "judge_error" in res and res["judge"]["scored"] == 0
    assert res["timing"]["judge_seconds"] < 10 and time.monotonic() - started < 60


def test_batched_greedy_answers_equal_one_at_a_time(trained):
    """The evaluation's batch_generate path gives exactly the answers of one-prompt-at-a-time greedy
    generation, for the base and the adapter, including prompts of different lengths in one batch."""
    from backend.inference.evaluation import heldout_examples
    from backend.inference.service import encode_messages, resolve_adapter, resolve_base
    from backend.runs.layout import RunFiles

    services = trained.services
    svc, store, runs_dir = services.inference, services.store, services.settings.runs_dir
    examples, _ = heldout_examples(store.get_run(trained.run_id), RunFiles.for_run(runs_dir, trained.run_id), 12)
    conversations = [ex.messages for ex in examples]
    conversations.append([{"role": "user", "content": "Name a river. " * 6}])  # a much longer prompt
    for target in (resolve_base(store, model_path=None, session_id=trained.run_id),
                   resolve_adapter(store, runs_dir, session_id=trained.run_id)):
        one_by_one = [svc.generate(target, msgs, max_tokens=24, temperature=0.0)["response"]
                      for msgs in conversations]
        batches = []
        tokenizer = svc.acquire(target)[0].tokenizer
        ids = [encode_messages(tokenizer, msgs) for msgs in conversations]
        batched = svc.generate_greedy_batch(target, ids, max_tokens=24, batch_size=5, on_batch=batches.append)
        assert batched == one_by_one
        assert batches == [5, 5, 3]


def test_batched_and_one_at_a_time_evaluations_score_the_same(trained):
    evaluations = trained.services.evaluations
    body = {"session_id": trained.run_id, "num_questions": 6, "max_tokens": 24}
    results = []
    for batch_size in (16, 1):
        evaluations.batch_size = batch_size
        try:
            ev = evaluate(trained.client, body)
        finally:
            evaluations.batch_size = 16
        assert ev["state"] == "completed", ev
        results.append(ev["result"])
    batched, single = results
    assert [s["adapter_answer"] for s in batched["samples"]] == [s["adapter_answer"] for s in single["samples"]]
    assert [s["base_answer"] for s in batched["samples"]] == [s["base_answer"] for s in single["samples"]]
    assert batched["base"]["scores"] == single["base"]["scores"]
    assert batched["adapter"]["scores"] == single["adapter"]["scores"]


def test_base_and_adapter_streams_advance_together(trained):
    """Compare sends two stream requests at once: both answers grow side by side (tokens interleave)
    and are exactly the answers each gives alone."""
    from backend.inference.service import resolve_adapter, resolve_base

    services = trained.services
    svc, store = services.inference, services.store
    targets = {"base": resolve_base(store, model_path=None, session_id=trained.run_id),
               "adapter": resolve_adapter(store, services.settings.runs_dir, session_id=trained.run_id)}
    messages = [{"role": "user", "content": "Tell me about the rivers and the mountains of Veloria."}]
    alone = {side: svc.generate(t, messages, max_tokens=40, temperature=0.0)["response"] for side, t in targets.items()}
    order: list[str] = []
    together: dict[str, str] = {}

    def run(side: str) -> None:
        together[side] = svc.generate(targets[side], messages, max_tokens=40, temperature=0.0,
                                      on_text=lambda _t: order.append(side))["response"]

    threads = [threading.Thread(target=run, args=(side,)) for side in targets]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert together == alone
    assert len(order) > 10
    # interleaved: the side that started first has not finished when the other one begins
    first, second = order[0], next(s for s in order if s != order[0])
    assert order.index(second) < len(order) - 1 - order[::-1].index(first)
    switches = sum(1 for a, b in zip(order, order[1:]) if a != b)
    assert switches >= min(order.count("base"), order.count("adapter")) // 2
