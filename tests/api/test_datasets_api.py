"""POST /datasets/validate on sources users bring, and bad data refused by /training/start with nothing created."""

import os

import pytest

from tests import dataset_files as f
from tests.api.test_training_validation import assert_nothing_changed


def test_validate_a_csv_with_the_model_measures_and_renders(client, demo, tmp_path):
    path = f.write_csv(tmp_path / "qa.csv", [{"question": q, "answer": a} for q, a in f.qa(12)])
    r = client.post("/datasets/validate", json={"path": str(path), "model_path": demo["model"], "max_seq_length": 16})
    assert r.status_code == 200, r.text
    out = r.json()
    assert (out["ok"], out["source"], out["format"], out["trains_as"]) == (True, "csv", "columns", "completions")
    assert out["mapping"] == {"prompt": "question", "completion": "answer"}
    assert out["splits"] == {"train": 12, "valid": 0, "test": 0} and len(out["preview"]) == 5
    stats = out["token_stats"]
    assert stats["over_max_seq_length"] == 12 and stats["max_seq_length"] == 16  # every row is longer than 16
    assert out["rendered"][0]["truncated"] and out["rendered"][0]["segments"][1]["trained"]


def test_validate_an_hf_datasetdict_and_a_mapping(client, tmp_path):
    odd = [{"q": q, "a": a} for q, a in f.qa(6)]
    folder = f.hf_save_to_disk(tmp_path / "dd", {"train": odd[:4], "test": odd[4:]})
    r = client.post("/datasets/validate", json={"path": str(folder)})
    assert r.status_code == 422
    assert "give a mapping" in r.json()["detail"]["message"] and r.json()["detail"]["columns"] == ["q", "a"]
    r = client.post("/datasets/validate", json={"path": str(folder), "mapping": {"prompt": "q", "completion": "a"}})
    assert r.status_code == 200 and r.json()["splits"] == {"train": 4, "valid": 0, "test": 2}
    assert r.json()["rendered"] is None and r.json()["token_stats"] is None


def test_row_errors_are_listed_not_refused(client, tmp_path):
    rows = f.alpaca_rows(4)
    rows[2]["output"] = ""
    r = client.post("/datasets/validate", json={"path": str(f.write_json(tmp_path / "a.json", rows))})
    assert r.status_code == 200 and not r.json()["ok"] and r.json()["rows"] == 3
    assert r.json()["errors"] == [{"row": 3, "message": "'output' must be a non-empty string"}]


BAD_FILES = {
    "noise.bin": (os.urandom(100) + b"\x00", "not text"),
    "broken.parquet": (b"PAR1" + b"\x07" * 64 + b"PAR1", "looks like a Parquet file"),
    "empty.jsonl": (b"", "empty"),
    "columns.csv": (b"city,country\nMirth,Veloria\nFalk,Quendor\n", "give a mapping"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_sources_are_4xx_everywhere_and_nothing_is_created(client, settings, demo, tmp_path, name):
    content, needle = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(content)
    r = client.post("/datasets/validate", json={"path": str(path)})
    assert r.status_code == 422 and needle in r.json()["detail"]["message"]
    r = client.post("/training/start", json={"model_path": demo["model"], "train_data_path": str(path),
                                             "adapter_name": "bad", "iterations": 2})
    assert r.status_code == 422 and needle in r.json()["detail"]["message"]
    r = client.post("/training/start-enhanced", json={"model_path": demo["model"], "train_data_path": str(path),
                                                      "adapter_name": "bad", "iterations": 2})
    assert r.status_code == 422
    assert_nothing_changed(client, settings)


def test_bad_validate_requests(client, demo, tmp_path):
    path = str(f.write_jsonl(tmp_path / "m.jsonl", f.messages_rows(2)))
    for body in ({"path": path, "extra": 1}, {"path": ""}, {"path": path, "max_seq_length": 1},
                 {"path": path, "mapping": {"prompt": 3}}, {"path": path, "kind": "dpo"}):
        assert client.post("/datasets/validate", json=body).status_code == 422, body
    r = client.post("/datasets/validate", json={"path": path, "mapping": {"prompt": "x", "reply": "y"}})
    assert r.status_code == 422 and "not among" in r.json()["detail"]["message"]
    r = client.post("/datasets/validate", json={"path": path, "model_path": str(tmp_path)})
    assert r.status_code == 422 and "tokenizer" in r.json()["detail"]["message"]


def test_grpo_rows_need_prompt_and_answer(client, settings, demo, tmp_path):
    path = f.write_csv(tmp_path / "g.csv", [{"question": q, "answer": a.split()[-1]} for q, a in f.qa(4)])
    r = client.post("/datasets/validate", json={"path": str(path), "kind": "grpo"})
    assert r.status_code == 200 and r.json()["format"] == "grpo" and r.json()["preview"][0]["prompt"] == f.qa(1)[0][0]
    r = client.post("/datasets/validate", json={"path": str(path), "kind": "grpo", "model_path": demo["model"]})
    prompt, answer = r.json()["rendered"][0]["segments"]
    assert "<think>" in prompt["text"] and f.qa(1)[0][0] in prompt["text"]  # the runner's default system prompt
    assert answer == {"text": "Mirth.", "trained": True}
    alpaca = f.write_jsonl(tmp_path / "a.jsonl", [{"text": "no prompt here"}] * 3)
    r = client.post("/training/start-enhanced", json={"model_path": demo["model"], "train_data_path": str(alpaca),
                                                      "adapter_name": "g", "iterations": 2})
    assert r.status_code == 422 and "prompt, answer" in r.json()["detail"]["message"]
    assert_nothing_changed(client, settings)
