"""Request/response models of /datasets (listing and validating training data)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from backend.schemas.errors import DatasetLineError
from backend.schemas.paths import PathStr

# target field -> source column, e.g. {"prompt": "question", "completion": "answer"}
DataMapping = dict[str, str]


class ValidateRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: PathStr = Field(min_length=1, max_length=4096,
                      description="A file (.jsonl, .json, .csv, .tsv, .parquet, .arrow) or a folder (mlx-lm "
                                  "train/valid/test.jsonl, Hugging Face save_to_disk).")
    kind: Literal["sft", "grpo"] = "sft"
    model_path: PathStr | None = Field(None, min_length=1, max_length=4096,
                                   description="With a model: rendered rows and token statistics.")
    max_seq_length: int | None = Field(None, ge=16, le=131072)
    mapping: DataMapping | None = Field(None, description="Columns as prompt/completion (sft) or "
                                                          "prompt/answer (grpo), optional system.")


class Segment(BaseModel):
    text: str
    trained: bool


class RenderedRow(BaseModel):
    segments: list[Segment]
    tokens: int
    trained_tokens: int
    truncated: bool


class HistogramBin(BaseModel):
    lo: int
    hi: int
    count: int


class TokenStats(BaseModel):
    min: int
    median: int
    p95: int
    max: int
    measured_rows: int
    max_seq_length: int | None
    over_max_seq_length: int
    histogram: list[HistogramBin]


class SplitCounts(BaseModel):
    train: int
    valid: int
    test: int


class DatasetValidation(BaseModel):
    path: str
    ok: bool
    source: str
    format: str
    trains_as: str
    mapping: DataMapping | None
    columns: list[str]
    rows: int
    splits: SplitCounts
    errors: list[DatasetLineError]
    error_count: int
    preview: list[dict[str, Any]]
    rendered: list[RenderedRow] | None
    token_stats: TokenStats | None
