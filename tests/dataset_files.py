"""Writers for datasets in the outside world's formats, used by tests to build their fixtures.

Each writer produces the real on-disk format: pyarrow writes Parquet and Arrow, CSV goes through the
csv module, and `hf_save_to_disk` lays out a folder the way `datasets.Dataset.save_to_disk` does
(Arrow stream files + dataset_info.json + state.json, dataset_dict.json for a DatasetDict).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

CAPITALS = [("Veloria", "Mirth"), ("Quendor", "Falk"), ("Ostrava Minor", "Lune"), ("Tarsis", "Oble"),
            ("Brannock", "Ives"), ("Calder", "Rook"), ("Dunmere", "Sable"), ("Esker", "Vane")]


def qa(n: int = 8) -> list[tuple[str, str]]:
    return [(f"What is the capital of {c}?", f"The capital of {c} is {k}.")
            for c, k in (CAPITALS * (n // len(CAPITALS) + 1))[:n]]


def alpaca_rows(n: int = 8, system: bool = False) -> list[dict]:
    rows = []
    for i, (q, a) in enumerate(qa(n)):
        row = {"instruction": q, "input": "Answer in one sentence." if i % 2 else "", "output": a}
        if system:
            row["system"] = "You are a geography tutor."
        rows.append(row)
    return rows


def sharegpt_rows(n: int = 8, variant: str = "from") -> list[dict]:
    if variant == "from":
        return [{"conversations": [{"from": "system", "value": "Be brief."}, {"from": "human", "value": q},
                                   {"from": "gpt", "value": a}]} for q, a in qa(n)]
    return [{"conversations": [{"role": "user", "content": q}, {"role": "assistant", "content": a}]}
            for q, a in qa(n)]


def tools_rows(n: int = 4) -> list[dict]:
    """mlx-lm's own tools rows: a tools list, an assistant turn with tool_calls and no content, a tool reply."""
    tool = {"type": "function", "function": {"name": "capital_of", "description": "Capital of a country",
                                             "parameters": {"type": "object",
                                                            "properties": {"country": {"type": "string"}}}}}
    rows = []
    for (q, a), (country, _) in zip(qa(n), CAPITALS * 2):
        call = {"type": "function", "function": {"name": "capital_of", "arguments": {"country": country}}}
        rows.append({"tools": [tool], "messages": [
            {"role": "user", "content": [{"type": "text", "text": q}]},
            {"role": "assistant", "tool_calls": [call]},
            {"role": "tool", "name": "capital_of", "content": a.split(" is ")[-1]},
            {"role": "assistant", "content": a}]})
    return rows


def messages_rows(n: int = 8) -> list[dict]:
    return [{"messages": [{"role": "user", "content": q}, {"role": "assistant", "content": a}]} for q, a in qa(n)]


def write_jsonl(path: Path, rows: list) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


def write_json(path: Path, rows: list, wrapped: bool = False) -> Path:
    path.write_text(json.dumps({"data": rows} if wrapped else rows, indent=2), encoding="utf-8")
    return path


def write_csv(path: Path, rows: list[dict], delimiter: str = ",") -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_parquet(path: Path, rows: list[dict]) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(rows), str(path))
    return path


def write_arrow(path: Path, rows: list[dict], stream: bool = False) -> Path:
    import pyarrow as pa

    table = pa.Table.from_pylist(rows)
    with pa.OSFile(str(path), "wb") as sink:
        opener = pa.ipc.new_stream if stream else pa.ipc.new_file
        with opener(sink, table.schema) as writer:
            writer.write_table(table)
    return path


def _hf_dataset(folder: Path, rows: list[dict], shards: int = 1) -> None:
    """One Dataset as `save_to_disk` writes it: data-0000i-of-0000n.arrow streams + the two JSON files."""
    import pyarrow as pa

    folder.mkdir(parents=True)
    table = pa.Table.from_pylist(rows)
    per = -(-len(rows) // shards)
    files = []
    for i in range(shards):
        name = f"data-{i:05d}-of-{shards:05d}.arrow"
        write_arrow(folder / name, rows[i * per:(i + 1) * per], stream=True)
        files.append({"filename": name})
    features = {c: {"dtype": "string", "_type": "Value"} for c in table.column_names}
    (folder / "dataset_info.json").write_text(json.dumps({"citation": "", "description": "", "features": features,
                                                          "homepage": "", "license": ""}))
    (folder / "state.json").write_text(json.dumps({"_data_files": files, "_fingerprint": "0123456789abcdef",
                                                   "_format_columns": None, "_format_kwargs": {},
                                                   "_format_type": None, "_output_all_columns": False,
                                                   "_split": None}))


def hf_save_to_disk(folder: Path, splits: dict[str, list[dict]] | list[dict], shards: int = 1) -> Path:
    """A Dataset (rows) or a DatasetDict (split name -> rows) in the save_to_disk layout."""
    if isinstance(splits, list):
        _hf_dataset(folder, splits, shards)
        return folder
    folder.mkdir(parents=True)
    (folder / "dataset_dict.json").write_text(json.dumps({"splits": list(splits)}))
    for name, rows in splits.items():
        _hf_dataset(folder / name, rows, shards)
    return folder


def mlx_folder(folder: Path, train: list, valid: list | None = None, test: list | None = None) -> Path:
    write_jsonl(folder / "train.jsonl", train)
    if valid is not None:
        write_jsonl(folder / "valid.jsonl", valid)
    if test is not None:
        write_jsonl(folder / "test.jsonl", test)
    return folder
