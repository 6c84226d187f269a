"""Reading a dataset source into raw rows: JSONL, JSON, CSV/TSV, Parquet, Arrow, Hugging Face
`save_to_disk` folders and mlx-lm data folders.

The source kind is decided by the file's content (magic bytes, then text sniffing), the suffix only
picks between text layouts. Whole-source problems (missing, binary, unreadable, empty) raise
DatasetError; a broken JSONL line is reported with its number and the rest is still read.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from backend.training.data.errors import DatasetError

SPLITS = ("train", "valid", "test")
# Hugging Face split names as the mlx-lm split they fill.
HF_SPLIT_NAMES = {"train": "train", "validation": "valid", "valid": "valid", "val": "valid", "dev": "valid",
                  "test": "test"}
SNIFF_BYTES = 65536
MAX_TEXT_BYTES = 4 * 2**30  # text sources are read whole; bigger ones belong in Parquet
# Binary formats we recognise but cannot read as a dataset.
FOREIGN_MAGIC = [(b"\x1f\x8b", "a gzip file"), (b"PK\x03\x04", "a Zip file (e.g. .xlsx or .zip)"),
                 (b"SQLite format 3", "an SQLite database"), (b"\x89HDF", "an HDF5 file"),
                 (b"%PDF", "a PDF document"), (b"\x93NUMPY", "a NumPy array file")]


@dataclass
class Split:
    """Raw rows of one split, each with its 1-based number; `unit` names the number ("line" or "row")."""

    rows: list[tuple[int, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    unit: str = "row"


@dataclass
class Source:
    path: str
    kind: str  # jsonl | json | csv | tsv | parquet | arrow | hf-dataset | hf-datasetdict | mlx-folder
    splits: dict[str, Split]
    columns: list[str] = field(default_factory=list)


def _without_nulls(value: Any) -> Any:
    """Arrow fills absent struct fields with null; a null means 'not given' in every row format."""
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


def _table_split(table) -> Split:
    return Split(rows=[(i, _without_nulls(r)) for i, r in enumerate(table.to_pylist(), start=1)], unit="row")


def _read_arrow(path: Path):
    """An Arrow IPC file or stream (save_to_disk writes streams) as a pyarrow Table."""
    import pyarrow as pa

    with pa.memory_map(str(path)) as source:
        head = source.read(6)
        source.seek(0)
        if head == b"ARROW1":
            return pa.ipc.open_file(source).read_all()
        return pa.ipc.open_stream(source).read_all()


def _binary_kind(head: bytes) -> str | None:
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith(b"ARROW1") or head.startswith(b"\xff\xff\xff\xff"):
        return "arrow"
    return None


def _read_table_file(path: Path, kind: str) -> Source:
    label = "Parquet" if kind == "parquet" else "Arrow"
    try:
        if kind == "parquet":
            import pyarrow.parquet as pq

            table = pq.read_table(str(path))
        else:
            table = _read_arrow(path)
        split = _table_split(table)
    except Exception as exc:  # noqa: BLE001 - any reader failure is this file's fault
        raise DatasetError(f"{path.name} looks like a {label} file but could not be read: {exc}",
                           status=422) from exc
    return Source(str(path), kind, {"train": split}, columns=list(table.column_names))


def _jsonl_split(text: str) -> Split:
    split = Split(unit="line")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            split.rows.append((number, json.loads(line)))
        except json.JSONDecodeError as exc:
            split.errors.append({"line": number, "message": f"invalid JSON: {exc.msg} (column {exc.colno})"})
        except RecursionError:
            split.errors.append({"line": number, "message": "invalid JSON: nested too deeply"})
    return split


def _json_split(data: Any, name: str) -> Split:
    if isinstance(data, dict) and isinstance(data.get("data"), list):
        data = data["data"]
    if not isinstance(data, list):
        raise DatasetError(f"{name}: a JSON dataset is an array of rows or {{\"data\": [...]}}", status=422)
    return Split(rows=list(enumerate(data, start=1)), unit="row")


def _csv_split(text: str, delimiter: str) -> tuple[Split, list[str]]:
    csv.field_size_limit(2**31 - 1)  # long answers are normal; the default 128 KiB cell limit is not
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    try:
        columns = [c for c in (reader.fieldnames or []) if c]
        # Row numbers count the header as row 0, so "row 3" is the third data row.
        rows = [(i, {k: v for k, v in r.items() if k}) for i, r in enumerate(reader, start=1)]
    except csv.Error as exc:
        raise DatasetError(f"not readable as {'TSV' if delimiter == chr(9) else 'CSV'} near line "
                           f"{reader.line_num}: {exc}", status=422) from exc
    return Split(rows=rows, unit="row"), columns


def _read_text_file(path: Path, data: bytes) -> Source:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DatasetError(f"{path.name} is not text (not UTF-8 at byte {exc.start})", status=422) from exc
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        split, columns = _csv_split(text, "\t" if suffix == ".tsv" else ",")
        return Source(str(path), suffix[1:], {"train": split}, columns=columns)
    if suffix == ".json" or text.lstrip().startswith("["):
        # One JSON document (an array or {"data": [...]}); a .json file of one object per line is JSONL.
        try:
            data = json.loads(text)
        except RecursionError as exc:
            raise DatasetError(f"{path.name} is nested too deeply to be a dataset", status=422) from exc
        except json.JSONDecodeError as exc:
            if not text.lstrip().startswith("{"):
                raise DatasetError(f"{path.name} is not valid JSON: {exc.msg} (line {exc.lineno})",
                                   status=422) from exc
        else:
            return Source(str(path), "json", {"train": _json_split(data, path.name)})
    return Source(str(path), "jsonl", {"train": _jsonl_split(text)})


def read_file(path: Path) -> Source:
    if not path.is_file():  # devices and pipes would never end (or never answer)
        raise DatasetError(f"{path} is not a regular file", status=422)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as exc:
        raise DatasetError(f"cannot read {path}: {exc.strerror or exc}", status=422) from exc
    if (kind := _binary_kind(head[:16])) is not None:
        return _read_table_file(path, kind)
    for magic, what in FOREIGN_MAGIC:
        if head.startswith(magic):
            raise DatasetError(f"{path.name} looks like {what}, not a dataset we can read", status=422)
    if path.suffix.lower() in (".parquet", ".arrow", ".feather"):
        label = "Parquet" if path.suffix.lower() == ".parquet" else "Arrow"
        raise DatasetError(f"{path.name} is named like a {label} file but does not start like one", status=422)
    if b"\x00" in head:
        raise DatasetError(f"{path.name} is not text (it holds binary data) and not a Parquet or Arrow "
                           "file", status=422)
    if size > MAX_TEXT_BYTES:
        raise DatasetError(f"{path.name} is {size / 2**30:.1f} GiB: text datasets above "
                           f"{MAX_TEXT_BYTES // 2**30} GiB are not read whole; convert it to Parquet", status=422)
    return _read_text_file(path, path.read_bytes())


def _hf_dataset_split(folder: Path) -> tuple[Split, list[str]]:
    """One `save_to_disk` Dataset folder: state.json names its Arrow stream files in order."""
    import pyarrow as pa

    try:
        state = json.loads((folder / "state.json").read_text(encoding="utf-8"))
        names = [f["filename"] for f in state["_data_files"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DatasetError(f"{folder}/state.json is not a Hugging Face dataset state: {exc}", status=422) from exc
    tables = []
    for name in names:
        file = folder / Path(name).name
        if not file.is_file():
            raise DatasetError(f"{folder.name}: data file {name} listed in state.json is missing", status=422)
        try:
            tables.append(_read_arrow(file))
        except Exception as exc:  # noqa: BLE001
            raise DatasetError(f"{file.name} looks like an Arrow file but could not be read: {exc}",
                               status=422) from exc
    if not tables:
        return Split(), []
    try:
        table = pa.concat_tables(tables, promote_options="default") if len(tables) > 1 else tables[0]
        return _table_split(table), list(table.column_names)
    except Exception as exc:  # noqa: BLE001 - shards that do not fit together, or values Python cannot hold
        raise DatasetError(f"{folder.name}: the Arrow data could not be read: {exc}", status=422) from exc


def read_folder(folder: Path) -> Source:
    if (folder / "dataset_dict.json").is_file():
        try:
            names = json.loads((folder / "dataset_dict.json").read_text(encoding="utf-8"))["splits"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise DatasetError(f"{folder}/dataset_dict.json has no 'splits' list: {exc}", status=422) from exc
        splits, columns, unused = {}, [], []
        for name in names:
            target = HF_SPLIT_NAMES.get(str(name).lower())
            if target is None or target in splits:
                unused.append(str(name))
                continue
            splits[target], cols = _hf_dataset_split(folder / str(name))
            columns = columns or cols
        if "train" not in splits:
            raise DatasetError(f"{folder.name}: the DatasetDict has no 'train' split (splits: {names})", status=422)
        return Source(str(folder), "hf-datasetdict", splits, columns=columns)
    if (folder / "state.json").is_file():
        split, columns = _hf_dataset_split(folder)
        return Source(str(folder), "hf-dataset", {"train": split}, columns=columns)
    if (folder / "train.jsonl").is_file():
        return read_mlx_folder(folder)
    raise DatasetError(f"{folder} holds no dataset: expected train.jsonl (mlx-lm), dataset_dict.json or "
                       "state.json (Hugging Face save_to_disk)", status=422)


def read_mlx_folder(folder: Path, given: Path | None = None) -> Source:
    """train.jsonl / valid.jsonl / test.jsonl, each split used as given (`given`: the path named)."""
    splits = {}
    for name in SPLITS:
        file = folder / f"{name}.jsonl"
        if file.is_file():
            source = read_file(file)
            splits[name] = source.splits["train"]
    return Source(str(given or folder), "mlx-folder", splits)


def read_source(path: str | Path) -> Source:
    p = Path(path).expanduser()
    if p.is_dir():
        return read_folder(p)
    if not p.exists():
        raise DatasetError(f"file not found: {p}", status=422)
    # train.jsonl beside valid.jsonl / test.jsonl is an mlx-lm data folder: its splits are used as given.
    if p.name == "train.jsonl" and any((p.parent / f"{s}.jsonl").is_file() for s in ("valid", "test")):
        return read_mlx_folder(p.parent, p)
    return read_file(p)
