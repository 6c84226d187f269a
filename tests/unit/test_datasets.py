import json

import pytest

from backend.training.datasets import DatasetError, prepare_run_data, read_dataset


def write(path, lines):
    path.write_text("".join((l if isinstance(l, str) else json.dumps(l)) + "\n" for l in lines))
    return path


MSG = {"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}]}


@pytest.mark.parametrize("row,fmt", [
    (MSG, "messages"), ({"prompt": "p", "completion": "c"}, "completions"), ({"text": "t"}, "text"),
])
def test_every_mlx_lm_format_is_accepted(tmp_path, row, fmt):
    r = read_dataset(write(tmp_path / "d.jsonl", [row, row]))
    assert r.ok and r.format == fmt and len(r.rows) == 2


def test_bad_rows_are_reported_with_line_numbers(tmp_path):
    p = write(tmp_path / "d.jsonl", [MSG, "{broken", MSG, {"messages": []},
                                     {"messages": [{"role": "user", "content": "only a question"}]},
                                     {"messages": [{"role": "robot", "content": "x"}]}])
    r = read_dataset(p)
    assert not r.ok
    assert [e["line"] for e in r.errors] == [2, 4, 5, 6]
    assert "invalid JSON" in r.errors[0]["message"]
    assert "assistant" in r.errors[2]["message"] and "role" in r.errors[3]["message"]


def test_first_row_sets_the_format(tmp_path):
    r = read_dataset(write(tmp_path / "d.jsonl", [{"text": "a"}, MSG]))
    assert r.errors == [{"line": 2, "message": "'text' must be a non-empty string"}]


def test_empty_and_missing_files_are_refused(tmp_path):
    with pytest.raises(DatasetError) as empty:
        read_dataset(write(tmp_path / "e.jsonl", []))
    assert empty.value.status == 422 and empty.value.errors[0]["message"] == "the dataset is empty"
    with pytest.raises(DatasetError, match="not found"):
        read_dataset(tmp_path / "nope.jsonl")


def test_grpo_rows(tmp_path):
    good = {"prompt": "p", "answer": "a", "system": "s"}
    r = read_dataset(write(tmp_path / "g.jsonl", [good, {"prompt": "p"}, {"prompt": "p", "answer": ""}]), "grpo")
    assert [e["line"] for e in r.errors] == [2, 3] and "answer" in r.errors[0]["message"]


def test_auto_split_is_seeded_90_10_and_copies_are_independent(tmp_path):
    rows = [{"text": f"row {i}"} for i in range(40)]
    src = write(tmp_path / "src.jsonl", rows)
    a = prepare_run_data(str(src), None, tmp_path / "a", seed=3)
    prepare_run_data(str(src), None, tmp_path / "b", seed=3)
    assert (a["train_rows"], a["valid_rows"], a["split"]) == (36, 4, "auto 90/10 (seeded)")
    assert (tmp_path / "a" / "valid.jsonl").read_text() == (tmp_path / "b" / "valid.jsonl").read_text()
    train = [json.loads(l) for l in (tmp_path / "a" / "train.jsonl").read_text().splitlines()]
    valid = [json.loads(l) for l in (tmp_path / "a" / "valid.jsonl").read_text().splitlines()]
    assert sorted(r["text"] for r in train + valid) == sorted(r["text"] for r in rows)
    src.write_text("")  # editing the source later does not touch the run's copy
    assert len((tmp_path / "a" / "train.jsonl").read_text().splitlines()) == 36


def test_given_validation_file_and_test_sibling(tmp_path):
    write(tmp_path / "train.jsonl", [MSG] * 3)
    write(tmp_path / "valid.jsonl", [MSG])
    write(tmp_path / "test.jsonl", [MSG] * 2)
    rep = prepare_run_data(str(tmp_path / "train.jsonl"), str(tmp_path / "valid.jsonl"), tmp_path / "out")
    assert (rep["train_rows"], rep["valid_rows"], rep["test_rows"], rep["split"]) == (3, 1, 2, "given")


def test_unusable_data_raises_with_details(tmp_path):
    with pytest.raises(DatasetError) as err:
        prepare_run_data(str(write(tmp_path / "t.jsonl", [MSG, "nope"])), None, tmp_path / "o")
    assert err.value.errors == [{"line": 2, "message": err.value.errors[0]["message"]}]
    with pytest.raises(DatasetError):
        prepare_run_data(str(write(tmp_path / "one.jsonl", [MSG])), None, tmp_path / "o2")
    with pytest.raises(DatasetError, match="validation rows"):
        prepare_run_data(str(write(tmp_path / "t2.jsonl", [MSG])),
                         str(write(tmp_path / "v2.jsonl", [{"text": "x"}])), tmp_path / "o3")
