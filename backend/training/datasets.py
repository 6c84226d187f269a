"""Dataset intake: format detection, row-by-row validation with line numbers, and the copy a run uses.

Every row is checked before a run starts, so a broken line is reported as "line 7: ..." instead of
crashing the runner minutes later. The run trains on its own normalised copy under
`runs/<id>/data/`, so editing the source file later cannot change what a session was trained on.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Kind = Literal["sft", "grpo"]
ROLES = {"system", "user", "assistant", "tool"}
MAX_REPORTED_ERRORS = 50
PREVIEW_ROWS = 5


class DatasetError(ValueError):
    """An unusable dataset; `errors` lists `{line, message}` a person can act on."""

    def __init__(self, message: str, errors: list[dict[str, Any]] | None = None):
        super().__init__(message)
        self.message = message
        self.errors = errors or []

    def as_detail(self) -> dict[str, Any]:
        return {"message": self.message, "errors": self.errors}


@dataclass
class DatasetReport:
    path: str
    format: str | None
    rows: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "ok": self.ok, "format": self.format, "rows": len(self.rows),
                "errors": self.errors, "preview": self.rows[:PREVIEW_ROWS]}


def detect_format(row: dict[str, Any], kind: Kind) -> str | None:
    if kind == "grpo":
        return "grpo" if "prompt" in row else None
    if "prompt" in row and "completion" in row:
        return "completions"
    if "messages" in row:
        return "messages"
    if "text" in row:
        return "text"
    return None


def _nonempty_str(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def check_row(row: Any, fmt: str) -> str | None:
    """The problem with one row, or None."""
    if not isinstance(row, dict):
        return "row is not a JSON object"
    if fmt == "messages":
        msgs = row.get("messages")
        if not isinstance(msgs, list) or not msgs:
            return "'messages' must be a non-empty list"
        for i, m in enumerate(msgs):
            if not isinstance(m, dict) or m.get("role") not in ROLES:
                return f"messages[{i}] needs a role of {sorted(ROLES)}"
            if not isinstance(m.get("content"), str):
                return f"messages[{i}].content must be a string"
        if not any(m["role"] == "assistant" for m in msgs):
            return "no assistant message to learn from"
        return None
    if fmt == "completions":
        if not _nonempty_str(row.get("prompt")) or not _nonempty_str(row.get("completion")):
            return "'prompt' and 'completion' must be non-empty strings"
        return None
    if fmt == "text":
        return None if _nonempty_str(row.get("text")) else "'text' must be a non-empty string"
    if fmt == "grpo":
        if not _nonempty_str(row.get("prompt")):
            return "'prompt' must be a non-empty string"
        if "answer" not in row:
            return "missing 'answer'"
        if not isinstance(row["answer"], (str, int, float)) or str(row["answer"]).strip() == "":
            return "'answer' must be a non-empty string or number"
        if "system" in row and not isinstance(row["system"], str):
            return "'system' must be a string"
        return None
    return f"unknown format {fmt}"


def read_dataset(path: str | Path, kind: Kind = "sft") -> DatasetReport:
    """Parse and check every line; the format is set by the first row and must hold for all."""
    p = Path(path).expanduser()
    report = DatasetReport(path=str(p), format=None)

    def fail(line: int, message: str) -> None:
        if len(report.errors) < MAX_REPORTED_ERRORS:
            report.errors.append({"line": line, "message": message})

    if not p.is_file():
        fail(0, f"file not found: {p}")
        return report
    try:
        handle = p.open("r", encoding="utf-8")
    except OSError as exc:
        fail(0, f"cannot read {p}: {exc}")
        return report
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                fail(number, f"invalid JSON: {exc.msg} (column {exc.colno})")
                continue
            if report.format is None:
                if not isinstance(row, dict) or (fmt := detect_format(row, kind)) is None:
                    expected = ("{prompt, answer, system?}" if kind == "grpo"
                                else "'messages', 'prompt'/'completion' or 'text'")
                    fail(number, f"unrecognised row: expected {expected}")
                    continue
                report.format = fmt
            if (problem := check_row(row, report.format)) is not None:
                fail(number, problem)
                continue
            report.rows.append(row)
    if not report.rows and not report.errors:
        fail(0, "the dataset is empty")
    return report


def require_valid(path: str | Path, kind: Kind, role: str) -> DatasetReport:
    report = read_dataset(path, kind)
    if not report.ok:
        raise DatasetError(f"{role} data {report.path} has problems", report.errors)
    return report


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    tmp.replace(path)


def prepare_run_data(train_path: str, val_path: str | None, out_dir: Path, *, kind: Kind = "sft",
                     seed: int = 0) -> dict[str, Any]:
    """Validate and copy the data a run trains on; without a validation file hold out 10% (seeded)."""
    train = require_valid(train_path, kind, "Training")
    if val_path:
        valid = require_valid(val_path, kind, "Validation")
        if valid.format != train.format:
            raise DatasetError(
                f"validation rows are '{valid.format}' but training rows are '{train.format}'")
        train_rows, valid_rows, split = train.rows, valid.rows, "given"
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
    report = {"format": train.format, "train_rows": len(train_rows), "valid_rows": len(valid_rows),
              "split": split, "test_rows": 0}
    # A test split beside the training file (the mlx-lm directory layout) is kept for evaluation.
    sibling_test = Path(train_path).expanduser().with_name("test.jsonl")
    if Path(train_path).name == "train.jsonl" and sibling_test.is_file():
        test = read_dataset(sibling_test, kind)
        if test.ok and test.format == train.format:
            _write_jsonl(out_dir / "test.jsonl", test.rows)
            report["test_rows"] = len(test.rows)
    return report


def _count_rows(path: Path) -> int:
    with path.open("rb") as f:
        return sum(1 for line in f if line.strip())


def describe_dataset_dir(directory: Path, name: str, kind: Kind) -> dict[str, Any] | None:
    splits = {s: (str(directory / f"{s}.jsonl") if (directory / f"{s}.jsonl").is_file() else None)
              for s in ("train", "valid", "test")}
    if splits["train"] is None:
        return None
    first = Path(splits["train"]).open(encoding="utf-8").readline()
    try:
        fmt = detect_format(json.loads(first), kind)
    except (json.JSONDecodeError, AttributeError, TypeError):
        fmt = None
    return {"name": name, "path": str(directory), "format": fmt, "kind": kind,
            "rows": _count_rows(Path(splits["train"])), "splits": splits,
            "split_rows": {s: _count_rows(Path(p)) if p else 0 for s, p in splits.items()}}
