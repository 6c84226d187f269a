"""Dataset intake: any supported source read, its rows detected and converted to mlx-lm rows, every
row checked (errors carry their line or row number), and the copy a run trains on.

Sources and row formats live in `backend.training.data` (sources.py, formats.py, stats.py). The run
trains on its own converted copy under `runs/<id>/data/` (train/valid/test.jsonl), so it trains exactly
what the preview showed and editing the source later cannot change what a session was trained on.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from backend.training.data import formats
from backend.training.data.errors import DatasetError
from backend.training.data.formats import Kind, RowProblem
from backend.training.data.sources import SPLITS, Source, read_source

__all__ = ["DatasetError", "DatasetReport", "read_dataset", "validate", "prepare_run_data",
           "describe_dataset_dir", "describe_run_source"]
MAX_REPORTED_ERRORS = 50
PREVIEW_ROWS = 5


@dataclass
class DatasetReport:
    path: str
    source: str
    format: str  # the detected row format (alpaca, sharegpt, columns, messages, ...)
    trains_as: str  # the mlx-lm row shape it is converted to (messages, completions, text, grpo)
    mapping: dict[str, str] | None
    columns: list[str]
    splits: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)
    error_count: int = 0
    # Where each converted train row came from ({"line": 7} or {"row": 3}), for later problems.
    origins: list[dict[str, int]] = field(default_factory=list)

    @property
    def rows(self) -> list[dict[str, Any]]:
        return self.splits.get("train", [])

    @property
    def ok(self) -> bool:
        return not self.error_count and bool(self.rows)

    def fail(self, entry: dict[str, Any]) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append(entry)

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "ok": self.ok, "source": self.source, "format": self.format,
                "trains_as": self.trains_as, "mapping": self.mapping, "columns": self.columns,
                "rows": len(self.rows), "splits": {s: len(self.splits.get(s, [])) for s in SPLITS},
                "errors": self.errors, "error_count": self.error_count, "preview": self.rows[:PREVIEW_ROWS]}

    def summary(self) -> dict[str, Any]:
        """What a session records about its data source."""
        return {"source": {"path": self.path, "kind": self.source}, "format": self.format,
                "trains_as": self.trains_as, "mapping": self.mapping}


def _first_row(source: Source) -> tuple[int, Any, str]:
    for split in SPLITS:
        part = source.splits.get(split)
        if part and part.rows:
            number, row = part.rows[0]
            return number, row, part.unit
    errors = [e for part in source.splits.values() for e in part.errors][:MAX_REPORTED_ERRORS]
    if errors:
        raise DatasetError(f"{source.path} has no readable rows", errors)
    raise DatasetError(f"the dataset {source.path} is empty", [{"line": 0, "message": "the dataset is empty"}],
                       context={"source": source.kind, "columns": source.columns})


def read_dataset(path: str | Path, kind: Kind = "sft", mapping: dict[str, str] | None = None) -> DatasetReport:
    """Read any supported source and convert every row; whole-source problems raise DatasetError (422)."""
    source = read_source(path)
    number, first, unit = _first_row(source)
    try:
        fmt, used = formats.detect(first, kind, mapping)
    except RowProblem as exc:
        raise DatasetError(f"cannot tell the format of {Path(source.path).name}: {exc}",
                           [{unit: number, "message": str(exc)}],
                           context={"source": source.kind, "columns": source.columns or _keys(first)}) from exc
    report = DatasetReport(path=source.path, source=source.kind, format=fmt,
                           trains_as=formats.output_format(fmt, used), mapping=used,
                           columns=source.columns or _keys(first))
    for name in SPLITS:
        part = source.splits.get(name)
        if part is None:
            continue
        where = {} if name == "train" else {"split": name}
        problems = list(part.errors)
        rows = report.splits.setdefault(name, [])
        for number, row in part.rows:
            try:
                rows.append(_json_safe(formats.convert(row, fmt, used)))
                if name == "train":
                    report.origins.append({part.unit: number})
            except RowProblem as exc:
                problems.append({part.unit: number, "message": str(exc)})
        for problem in sorted(problems, key=lambda e: e.get("line") or e.get("row") or 0):
            report.fail({**problem, **where})
    if not any(report.splits.values()) and not report.error_count:
        raise DatasetError(f"the dataset {source.path} is empty", [{"line": 0, "message": "the dataset is empty"}])
    return report


def _json_safe(row: dict[str, Any]) -> dict[str, Any]:
    """The row as it will be written to the run's JSONL (Arrow dates or bytes in extra fields cannot)."""
    try:
        json.dumps(row, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise RowProblem(f"a value cannot be written as JSON: {exc}") from exc
    return row


def _keys(row: Any) -> list[str]:
    return list(row) if isinstance(row, dict) else []


def validate(path: str, *, kind: Kind = "sft", mapping: dict[str, str] | None = None,
             model_path: str | None = None, max_seq_length: int | None = None) -> dict[str, Any]:
    """The /datasets/validate answer: detection, counts, errors, preview and (with a model) tokens."""
    report = read_dataset(path, kind, mapping)
    answer = report.as_dict()
    answer.update(rendered=None, token_stats=None)
    if model_path:
        from backend.training.data.stats import load_tokenizer, measure

        try:
            tokenizer = load_tokenizer(model_path)
        except Exception as exc:  # noqa: BLE001 - an unusable tokenizer is the model folder's fault
            raise DatasetError(f"cannot load the tokenizer of {model_path}: {exc}",
                               [{"line": 0, "message": str(exc)}]) from exc
        rendered, stats, problems = measure(tokenizer, report.rows, report.trains_as, max_seq_length)
        for index, message in problems:
            report.fail({**report.origins[index], "message": message})
        answer.update(rendered=rendered, token_stats=stats, errors=report.errors,
                      error_count=report.error_count, ok=report.ok)
    return answer


def require_valid(path: str | Path, kind: Kind, role: str, mapping: dict[str, str] | None) -> DatasetReport:
    report = read_dataset(path, kind, mapping)
    if not report.ok:
        raise DatasetError(f"{role} data {report.path} has problems", report.errors)
    return report


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    tmp.replace(path)


def prepare_run_data(train_path: str, val_path: str | None, out_dir: Path, *, kind: Kind = "sft",
                     seed: int = 0, mapping: dict[str, str] | None = None) -> dict[str, Any]:
    """Convert and write the data a run trains on: a given validation source, else the source's own
    valid split, else 10% held out (seeded). A test split of the source is kept for evaluation."""
    train = require_valid(train_path, kind, "Training", mapping)
    test_rows = train.splits.get("test", [])
    if val_path:
        given = require_valid(val_path, kind, "Validation", mapping)
        if given.trains_as != train.trains_as:
            raise DatasetError(f"validation rows are '{given.trains_as}' but training rows are '{train.trains_as}'")
        train_rows, valid_rows, split = train.rows, given.splits.get("valid") or given.rows, "given"
    elif train.splits.get("valid"):
        train_rows, valid_rows, split = train.rows, train.splits["valid"], "given"
    else:
        if len(train.rows) < 2:
            raise DatasetError("need at least 2 training rows to hold out a validation split",
                               [{"line": 0, "message": f"only {len(train.rows)} row(s)"}])
        rows = list(train.rows)
        random.Random(seed).shuffle(rows)
        n_valid = max(1, round(len(rows) * 0.1))
        valid_rows, train_rows, split = rows[:n_valid], rows[n_valid:], "auto 90/10 (seeded)"
    _write_jsonl(out_dir / "train.jsonl", train_rows)
    _write_jsonl(out_dir / "valid.jsonl", valid_rows)
    if test_rows:
        _write_jsonl(out_dir / "test.jsonl", test_rows)
    return {**train.summary(), "train_rows": len(train_rows), "valid_rows": len(valid_rows),
            "test_rows": len(test_rows), "split": split}


def _count_rows(path: Path) -> int:
    with path.open("rb") as f:
        return sum(1 for line in f if line.strip())


def describe_dataset_dir(directory: Path, name: str, kind: Kind) -> dict[str, Any] | None:
    splits = {s: (str(directory / f"{s}.jsonl") if (directory / f"{s}.jsonl").is_file() else None)
              for s in SPLITS}
    if splits["train"] is None:
        return None
    first = Path(splits["train"]).open(encoding="utf-8").readline()
    try:
        fmt = formats.output_format(*formats.detect(json.loads(first), kind, None))
    except (json.JSONDecodeError, RowProblem):
        fmt = None
    return {"name": name, "path": str(directory), "format": fmt, "kind": kind,
            "rows": _count_rows(Path(splits["train"])), "splits": splits,
            "split_rows": {s: _count_rows(Path(p)) if p else 0 for s, p in splits.items()}}


def describe_run_source(path: Path, kind: Kind, data: dict[str, Any] | None) -> dict[str, Any] | None:
    """A /datasets entry for a source a run trained on, from what the run recorded (nothing re-read)."""
    if not data or not isinstance(data.get("source"), dict):
        return None
    rows = int(data.get("train_rows") or 0) + (0 if data.get("split") == "given" else int(data.get("valid_rows") or 0))
    return {"name": path.name, "path": str(path), "format": data.get("format"), "kind": kind, "rows": rows,
            "splits": {"train": str(path), "valid": None, "test": None},
            "split_rows": {"train": rows, "valid": 0, "test": 0}, "mapping": data.get("mapping"),
            "source": data["source"].get("kind")}
