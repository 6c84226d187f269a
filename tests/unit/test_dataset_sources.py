"""Every source and row format users bring: detection, row counts, conversion, and that mlx-lm accepts
the converted rows as they are written into a run's data directory."""

import json
import os
import types
from pathlib import Path

import pytest

from backend.training.datasets import DatasetError, prepare_run_data, read_dataset, validate
from tests import dataset_files as f


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def user_assistant(row: dict) -> tuple[str, str]:
    roles = {m["role"]: m["content"] for m in row["messages"] if "content" in m}
    return roles["user"], roles["assistant"]


def test_alpaca_json_array(tmp_path):
    r = read_dataset(f.write_json(tmp_path / "alpaca.json", f.alpaca_rows(8)))
    assert (r.source, r.format, r.trains_as, len(r.rows)) == ("json", "alpaca", "messages", 8)
    q0, a0 = f.qa(2)[0]
    q1, a1 = f.qa(2)[1]
    assert user_assistant(r.rows[0]) == (q0, a0)  # empty input adds nothing
    assert user_assistant(r.rows[1]) == (f"{q1}\n\nAnswer in one sentence.", a1)
    assert all(m["role"] != "system" for m in r.rows[0]["messages"])


def test_alpaca_with_system_in_a_data_wrapped_json(tmp_path):
    r = read_dataset(f.write_json(tmp_path / "a.json", f.alpaca_rows(3, system=True), wrapped=True))
    assert r.format == "alpaca" and len(r.rows) == 3
    assert r.rows[0]["messages"][0] == {"role": "system", "content": "You are a geography tutor."}


@pytest.mark.parametrize("variant", ["from", "role"])
def test_sharegpt_jsonl(tmp_path, variant):
    r = read_dataset(f.write_jsonl(tmp_path / "sg.jsonl", f.sharegpt_rows(6, variant)))
    assert (r.source, r.format, r.trains_as, len(r.rows)) == ("jsonl", "sharegpt", "messages", 6)
    roles = [m["role"] for m in r.rows[0]["messages"]]
    assert roles == (["system", "user", "assistant"] if variant == "from" else ["user", "assistant"])
    assert user_assistant(r.rows[0]) == f.qa(1)[0]


def test_sharegpt_unknown_speaker_is_a_row_error(tmp_path):
    rows = f.sharegpt_rows(3)
    rows[1]["conversations"][1]["from"] = "narrator"
    r = read_dataset(f.write_jsonl(tmp_path / "sg.jsonl", rows))
    assert len(r.rows) == 2 and r.errors == [{"line": 2, "message": r.errors[0]["message"]}]
    assert "narrator" in r.errors[0]["message"]


def test_tools_rows_as_mlx_lm_trains_them(tmp_path):
    r = read_dataset(f.write_jsonl(tmp_path / "tools.jsonl", f.tools_rows(4)))
    assert r.ok and r.format == "messages" and len(r.rows) == 4
    row = r.rows[0]
    assert row["tools"][0]["function"]["name"] == "capital_of"
    assert "content" not in row["messages"][1] and row["messages"][1]["tool_calls"]
    assert row["messages"][2]["role"] == "tool"
    assert row["messages"][0]["content"] == f.qa(1)[0][0]  # text parts joined into a string


def test_csv_question_answer_and_tsv_alpaca(tmp_path):
    rows = [{"question": q, "answer": a, "id": i} for i, (q, a) in enumerate(f.qa(5))]
    r = read_dataset(f.write_csv(tmp_path / "qa.csv", rows))
    assert (r.source, r.format, r.trains_as, len(r.rows)) == ("csv", "columns", "completions", 5)
    assert r.mapping == {"prompt": "question", "completion": "answer"} and r.columns == ["question", "answer", "id"]
    assert r.rows[0] == {"prompt": f.qa(1)[0][0], "completion": f.qa(1)[0][1]}
    t = read_dataset(f.write_csv(tmp_path / "alpaca.tsv", f.alpaca_rows(4), delimiter="\t"))
    assert (t.source, t.format, len(t.rows)) == ("tsv", "alpaca", 4)


def test_input_output_columns_and_an_explicit_mapping(tmp_path):
    io_rows = [{"input": q, "output": a} for q, a in f.qa(3)]
    assert read_dataset(f.write_csv(tmp_path / "io.csv", io_rows)).mapping == {"prompt": "input", "completion": "output"}
    dolly = [{"instruction": q, "context": "", "response": a, "category": "open_qa"} for q, a in f.qa(3)]
    d = read_dataset(f.write_jsonl(tmp_path / "dolly.jsonl", dolly))
    assert d.mapping == {"prompt": "instruction", "completion": "response"} and d.rows[0]["completion"] == f.qa(1)[0][1]
    odd = [{"Frage": q, "Antwort": a, "Rolle": "Be brief."} for q, a in f.qa(4)]
    path = f.write_csv(tmp_path / "odd.csv", odd)
    with pytest.raises(DatasetError) as err:  # wrong columns without a mapping
        read_dataset(path)
    assert err.value.status == 422 and err.value.context["columns"] == ["Frage", "Antwort", "Rolle"]
    r = read_dataset(path, mapping={"prompt": "Frage", "completion": "Antwort"})
    assert r.format == "columns" and r.rows[1] == {"prompt": f.qa(2)[1][0], "completion": f.qa(2)[1][1]}
    s = read_dataset(path, mapping={"prompt": "Frage", "completion": "Antwort", "system": "Rolle"})
    assert s.trains_as == "messages" and s.rows[0]["messages"][0] == {"role": "system", "content": "Be brief."}
    with pytest.raises(DatasetError, match="not in the data"):
        read_dataset(path, mapping={"prompt": "Frage", "completion": "Reply"})


def test_parquet_sharegpt_with_nested_structs(tmp_path):
    r = read_dataset(f.write_parquet(tmp_path / "sg.parquet", f.sharegpt_rows(7, "role")))
    assert (r.source, r.format, len(r.rows)) == ("parquet", "sharegpt", 7)
    assert user_assistant(r.rows[6]) == f.qa(7)[6]


def test_parquet_tools_rows_drop_arrow_nulls(tmp_path):
    # Arrow gives every message every struct field; absent ones come back as null and must vanish.
    rows = f.tools_rows(3)
    for row in rows:  # one column type per field in Arrow: plain string content here
        row["messages"][0]["content"] = row["messages"][0]["content"][0]["text"]
    r = read_dataset(f.write_parquet(tmp_path / "tools.parquet", rows))
    assert r.ok and r.format == "messages"
    assert "content" not in r.rows[0]["messages"][1] and "tool_calls" not in r.rows[0]["messages"][0]


@pytest.mark.parametrize("stream", [False, True])
def test_arrow_file_and_stream(tmp_path, stream):
    rows = [{"prompt": q, "completion": a} for q, a in f.qa(6)]
    r = read_dataset(f.write_arrow(tmp_path / "d.arrow", rows, stream=stream))
    assert (r.source, r.format, len(r.rows)) == ("arrow", "completions", 6) and r.rows == rows


def test_text_rows_in_parquet(tmp_path):
    r = read_dataset(f.write_parquet(tmp_path / "t.parquet", [{"text": f"{q} {a}"} for q, a in f.qa(4)]))
    assert (r.format, r.trains_as, len(r.rows)) == ("text", "text", 4)


def test_hf_dataset_folder_by_hand(tmp_path):
    folder = f.hf_save_to_disk(tmp_path / "ds", f.alpaca_rows(9), shards=2)
    r = read_dataset(folder)
    assert (r.source, r.format, len(r.rows)) == ("hf-dataset", "alpaca", 9)
    assert user_assistant(r.rows[8])[1] == f.qa(9)[8][1]  # both shards, in order


def test_hf_datasetdict_folder_by_hand(tmp_path):
    folder = f.hf_save_to_disk(tmp_path / "dd", {"train": f.sharegpt_rows(8), "validation": f.sharegpt_rows(3),
                                                 "test": f.sharegpt_rows(2)})
    r = read_dataset(folder)
    assert r.source == "hf-datasetdict" and {k: len(v) for k, v in r.splits.items()} == {"train": 8, "valid": 3, "test": 2}


def test_datasetdict_written_by_the_datasets_package(tmp_path):
    import datasets

    qa_rows = [{"question": q, "answer": a} for q, a in f.qa(10)]
    datasets.DatasetDict({"train": datasets.Dataset.from_list(qa_rows[:8]),
                          "validation": datasets.Dataset.from_list(qa_rows[8:])}).save_to_disk(str(tmp_path / "hf"))
    r = read_dataset(tmp_path / "hf")
    assert (r.source, r.format, len(r.rows), len(r.splits["valid"])) == ("hf-datasetdict", "columns", 8, 2)
    assert r.splits["valid"][0] == {"prompt": f.qa(9)[8][0], "completion": f.qa(9)[8][1]}


def test_mlx_lm_folder_is_used_as_given(tmp_path):
    folder = f.mlx_folder(tmp_path / "mlx", f.messages_rows(6), f.messages_rows(2), f.messages_rows(3))
    out = tmp_path / "run-data"
    rep = prepare_run_data(str(folder), None, out)
    assert (rep["train_rows"], rep["valid_rows"], rep["test_rows"], rep["split"]) == (6, 2, 3, "given")
    assert rep["source"] == {"path": str(folder), "kind": "mlx-folder"} and rep["format"] == "messages"
    assert read_jsonl(out / "valid.jsonl") == f.messages_rows(2)


def test_valid_jsonl_beside_train_jsonl_is_the_validation_split(tmp_path):
    folder = f.mlx_folder(tmp_path / "d", f.messages_rows(8), f.messages_rows(3))
    rep = prepare_run_data(str(folder / "train.jsonl"), None, tmp_path / "out")
    assert (rep["train_rows"], rep["valid_rows"], rep["test_rows"], rep["split"]) == (8, 3, 0, "given")


def test_run_data_is_the_converted_preview_and_mlx_lm_loads_it(tmp_path, demo_cache):
    """The run's JSONL is what the preview shows, and mlx-lm's own loader tokenises every row."""
    from mlx_lm.tuner.datasets import load_dataset
    from mlx_lm.utils import load_tokenizer

    tokenizer = load_tokenizer(demo_cache / "model")
    sources = {
        "alpaca": f.write_json(tmp_path / "alpaca.json", f.alpaca_rows(10, system=True)),
        "sharegpt": f.write_parquet(tmp_path / "sg.parquet", f.sharegpt_rows(10)),
        "columns": f.write_csv(tmp_path / "qa.csv", [{"question": q, "answer": a} for q, a in f.qa(10)]),
        "tools": f.write_jsonl(tmp_path / "tools.jsonl", f.tools_rows(10)),
        "hf": f.hf_save_to_disk(tmp_path / "hf", f.alpaca_rows(10)),
    }
    for name, path in sources.items():
        out = tmp_path / f"run-{name}"
        answer = validate(str(path))
        rep = prepare_run_data(str(path), None, out, seed=1)
        written = read_jsonl(out / "train.jsonl") + read_jsonl(out / "valid.jsonl")
        assert rep["train_rows"] + rep["valid_rows"] == answer["rows"] == 10
        assert all(row in written for row in answer["preview"])
        args = types.SimpleNamespace(data=str(out), train=True, test=False, mask_prompt=True, hf_dataset=False)
        train, valid, _ = load_dataset(args, tokenizer)
        for i in range(len(train)):
            tokens, offset = train.process(train[i])
            assert 0 < offset < len(tokens), name


def test_validate_with_a_model_renders_rows_and_measures_tokens(tmp_path, demo_cache):
    path = f.write_json(tmp_path / "alpaca.json", f.alpaca_rows(8))
    answer = validate(str(path), model_path=str(demo_cache / "model"), max_seq_length=26)
    stats = answer["token_stats"]
    assert stats["min"] <= stats["median"] <= stats["p95"] <= stats["max"] and stats["measured_rows"] == 8
    assert sum(b["count"] for b in stats["histogram"]) == 8
    assert 0 < stats["over_max_seq_length"] < 8  # the "Answer in one sentence." rows are longer
    first = answer["rendered"][0]
    prompt, trained = first["segments"]
    assert not prompt["trained"] and trained["trained"]
    q, a = f.qa(1)[0]
    assert q in prompt["text"] and a not in prompt["text"] and a in trained["text"]
    assert first["tokens"] > first["trained_tokens"] > 0


BINARY_CASES = {
    "random.bin": (os.urandom(64) + b"\x00" * 64, "not text"),
    "broken.parquet": (b"PAR1" + os.urandom(200) + b"PAR1", "looks like a Parquet file"),
    "broken.arrow": (b"ARROW1\x00\x00" + os.urandom(100), "looks like a Arrow file"),
    "data.jsonl.gz": (b"\x1f\x8b\x08\x00" + os.urandom(50), "looks like a gzip file"),
    "latin1.jsonl": ('{"text": "caf\xe9"}\n'.encode("latin-1"), "not text"),
}


@pytest.mark.parametrize("name", sorted(BINARY_CASES))
def test_files_that_are_not_datasets(tmp_path, name):
    content, needle = BINARY_CASES[name]
    (tmp_path / name).write_bytes(content)
    with pytest.raises(DatasetError) as err:
        read_dataset(tmp_path / name)
    assert err.value.status == 422 and needle in err.value.message


def test_folders_and_json_that_hold_no_dataset(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(DatasetError, match="holds no dataset"):
        read_dataset(tmp_path / "empty")
    (tmp_path / "obj.json").write_text('{"rows": [1, 2]}')
    with pytest.raises(DatasetError, match="array of rows"):
        read_dataset(tmp_path / "obj.json")
    (tmp_path / "only-broken.jsonl").write_text("{nope\n{also nope\n")
    with pytest.raises(DatasetError) as err:
        read_dataset(tmp_path / "only-broken.jsonl")
    assert [e["line"] for e in err.value.errors] == [1, 2]


def test_devices_are_refused_without_reading_them():
    with pytest.raises(DatasetError, match="not a regular file"):
        read_dataset("/dev/zero")


def test_odd_values_are_row_errors_not_crashes(tmp_path):
    import datetime

    rows = f.messages_rows(3)
    rows[1]["messages"][0]["role"] = ["user"]
    rows[2]["messages"][0]["sent"] = datetime.datetime(2024, 1, 1)  # Arrow gives datetimes back
    r = read_dataset(f.write_parquet(tmp_path / "odd.parquet", [rows[0], rows[2]]))
    assert len(r.rows) == 1 and "JSON" in r.errors[0]["message"] and r.errors[0]["row"] == 2
    r = read_dataset(f.write_jsonl(tmp_path / "odd.jsonl", [rows[0], rows[1], "[" * 100000]))
    assert [e["line"] for e in r.errors] == [2, 3] and "role" in r.errors[0]["message"]
    (tmp_path / "big.csv").write_text("prompt,completion\n" + "a," + "b" * 200_000 + "\n")
    assert len(read_dataset(tmp_path / "big.csv").rows[0]["completion"]) == 200_000  # past csv's 128 KiB default
    (tmp_path / "quote.csv").write_text('prompt,completion\n"a\0,b\n')
    with pytest.raises(DatasetError):
        read_dataset(tmp_path / "quote.csv")


def test_rows_the_chat_template_refuses_are_reported_where_they_are(tmp_path, demo_cache):
    from backend.training.data import stats

    rows = f.messages_rows(4)
    rows[0]["messages"][0]["role"] = "narrator"  # a row error: line 1
    path = f.write_jsonl(tmp_path / "m.jsonl", rows)
    tokenizer = stats.load_tokenizer(str(demo_cache / "model"))
    original = tokenizer.apply_chat_template

    def refuse_the_third_question(messages, **kw):  # a template that raises on one conversation
        if messages and messages[0].get("content") == f.qa(3)[2][0]:
            raise ValueError("template refused")
        return original(messages, **kw)

    tokenizer.apply_chat_template = refuse_the_third_question
    try:
        answer = validate(str(path), model_path=str(demo_cache / "model"))
    finally:
        tokenizer.apply_chat_template = original
    assert [e["line"] for e in answer["errors"]] == [1, 3] and "template refused" in answer["errors"][1]["message"]
    assert not answer["ok"] and answer["token_stats"]["measured_rows"] == 2
