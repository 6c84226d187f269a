"""Short real mlx-lm runs on datasets in the outside world's formats, and raw prompts.

One app, one data root; each run is a few steps on the demo model. The run's data directory must hold
exactly the converted rows the validation preview showed, and its session records the source, format
and mapping. A session trained on plain `text` rows is prompted without the chat template by default.
"""

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests import dataset_files as f
from tests.conftest import demo_paths, make_settings, new_data_root, wait_for_state

pytestmark = pytest.mark.e2e
RUN = {"iterations": 4, "batch_size": 2, "steps_per_report": 2, "steps_per_eval": 4, "save_every": 4,
       "learning_rate": 1e-3, "val_batches": 1}


@pytest.fixture(scope="module")
def studio(tmp_path_factory, demo_cache):
    from fastapi.testclient import TestClient

    from backend.app import create_app

    root = new_data_root(tmp_path_factory.mktemp("byod"), demo_cache)
    with TestClient(create_app(make_settings(root)), base_url="http://127.0.0.1") as client:
        yield SimpleNamespace(client=client, demo=demo_paths(root), runs=root / "runs",
                              files=tmp_path_factory.mktemp("sources"))


def train(studio, path: Path, name: str, **extra) -> dict:
    body = {"model_path": studio.demo["model"], "train_data_path": str(path), "adapter_name": name, **RUN, **extra}
    r = studio.client.post("/training/start", json=body)
    assert r.status_code == 201, r.text
    final = wait_for_state(studio.client, {"completed", "error", "stopped"}, timeout=300)
    assert final["state"] == "completed", final
    return r.json()


def run_rows(studio, run_id: str, split: str) -> list[dict]:
    path = studio.runs / run_id / "data" / f"{split}.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


SOURCES = {
    "alpaca-json": (lambda d: f.write_json(d / "alpaca.json", f.alpaca_rows(20, system=True)), "json", "alpaca", None),
    "sharegpt-jsonl": (lambda d: f.write_jsonl(d / "sharegpt.jsonl", f.sharegpt_rows(20)), "jsonl", "sharegpt", None),
    "csv": (lambda d: f.write_csv(d / "qa.csv", [{"Frage": q, "Antwort": a} for q, a in f.qa(20)]), "csv", "columns",
            {"prompt": "Frage", "completion": "Antwort"}),
    "mlx-folder": (lambda d: f.mlx_folder(d / "mlx", f.messages_rows(10), f.tools_rows(2), f.messages_rows(2)),
                   "mlx-folder", "messages", None),
}


@pytest.mark.parametrize("name", list(SOURCES))
def test_a_short_run_trains_exactly_the_preview(studio, name):
    make, source, fmt, mapping = SOURCES[name]
    path = make(studio.files)
    preview = studio.client.post("/datasets/validate", json={"path": str(path), "mapping": mapping}).json()
    assert preview["ok"] and preview["source"] == source and preview["format"] == fmt
    started = train(studio, path, name, data_mapping=mapping)
    run_id = started["run_id"]
    data = started["data"]
    assert data["source"] == {"path": str(path), "kind": source} and data["format"] == fmt
    assert data["mapping"] == (preview["mapping"])
    written = run_rows(studio, run_id, "train") + run_rows(studio, run_id, "valid")
    assert all(row in written for row in preview["preview"])
    assert data["train_rows"] + data["valid_rows"] == preview["rows"] + preview["splits"]["valid"]
    if name == "mlx-folder":  # splits used as given: the tools rows are the validation split
        assert (data["split"], data["valid_rows"], data["test_rows"]) == ("given", 2, 2)
        assert run_rows(studio, run_id, "valid")[0]["tools"][0]["function"]["name"] == "capital_of"
    known = {d["path"]: d for d in studio.client.get("/datasets").json()}
    listed = known[str(path)]  # offered again in the Data card's list, with its mapping
    assert listed["format"] == fmt and listed.get("mapping") == data["mapping"]
    session = studio.client.get(f"/sessions/{run_id}").json()
    assert session["data"]["source"]["kind"] == source and session["data"]["format"] == fmt
    adapters = studio.runs / run_id / "adapters"
    assert (adapters / "adapters.safetensors").is_file()


def test_raw_prompt_follows_text_data_and_can_be_chosen(studio):
    rows = [{"text": f"Q: {q}\nA: {a}"} for q, a in f.qa(20)]
    run_id = train(studio, f.write_parquet(studio.files / "text.parquet", rows), "texty")["run_id"]
    ask = {"prompt": "Q: What is the capital of Veloria?\nA:", "temperature": 0.0, "max_tokens": 4,
           "session_id": run_id}
    client = studio.client
    default = client.post("/model/test", json=ask).json()
    assert default["raw_prompt"] is True and default["prompt_text"].startswith("Q: What is the capital")
    templated = client.post("/model/test", json={**ask, "raw_prompt": False}).json()
    assert templated["raw_prompt"] is False and "<|im_start|>user" in templated["prompt_text"]
    assert templated["prompt_tokens"] > default["prompt_tokens"]
    base = client.post("/model/test-base", json=ask).json()  # the session's default applies to its base too
    assert base["raw_prompt"] is True and base["prompt_tokens"] == default["prompt_tokens"]
    chat_session = next(s["id"] for s in client.get("/sessions").json() if s["id"] != run_id)
    chat = client.post("/model/test-base", json={**ask, "session_id": chat_session}).json()
    assert chat["raw_prompt"] is False and "<|im_start|>" in chat["prompt_text"]
    with client.stream("POST", "/model/test/stream", json={**ask, "raw_prompt": False}) as r:
        body = "".join(r.iter_text())
    done = json.loads(body.split("event: done\ndata: ")[1].split("\n")[0])
    assert done["raw_prompt"] is False and done["prompt_tokens"] == templated["prompt_tokens"]


def test_enhanced_start_trains_a_csv_of_questions_and_answers(studio):
    rows = [{"question": q, "answer": a.split(" is ")[-1].rstrip(".")} for q, a in f.qa(20)]
    path = f.write_csv(studio.files / "grpo.csv", rows)
    r = studio.client.post("/training/start-enhanced", json={
        "model_path": studio.demo["model"], "train_data_path": str(path), "training_method": "grpo",
        "adapter_name": "grpo-csv", "iterations": 2, "steps_per_report": 1, "steps_per_eval": 100, "save_every": 2,
        "group_size": 2, "max_completion_length": 8, "learning_rate": 5e-4, "val_batches": 1})
    assert r.status_code == 201, r.text
    data = r.json()["data"]
    assert data["source"]["kind"] == "csv" and data["mapping"] == {"prompt": "question", "answer": "answer"}
    final = wait_for_state(studio.client, {"completed", "error", "stopped"}, timeout=300)
    assert final["state"] == "completed", final
    written = run_rows(studio, r.json()["run_id"], "train") + run_rows(studio, r.json()["run_id"], "valid")
    assert {"prompt": rows[0]["question"], "answer": rows[0]["answer"]} in written
