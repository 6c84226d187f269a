"""Responses of /health, /models, /models/targets, /datasets and /datasets/validate."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from backend.schemas.public import Public

DatasetKind = Literal["sft", "grpo"]


class Health(Public):
    status: Literal["ok"]
    version: str
    mlx_device: str
    mlx_backend: Literal["metal", "cuda", "cpu"]
    mlx_version: str
    device_name: str | None


class LoraTargets(Public):
    """The LoRA keys a model gets (backend/models/lora_policy.py)."""

    keys: list[str] | None = Field(description="Keys written to the YAML; null = mlx-lm's own default.")
    resolved_keys: list[str]
    warnings: list[str]
    fallback: bool = Field(description="True when the keys could not be verified and every linear is adapted.")
    trainable_parameters: int | None
    architecture: str | None
    attention_only: bool | None = None


class Quantization(Public):
    bits: int | None = None
    group_size: int | None = None
    mode: str | None = None
    quant_method: str | None = None
    mixed: bool = False
    layers_by_bits: dict[str, int] = Field(default_factory=dict)
    description: str | None = Field(None, description='As it is: "4-bit", "3/6-bit mixed", "mxfp4".')


class ModelEntry(Public):
    name: str
    path: str
    model_type: str | None
    num_hidden_layers: int | None
    hidden_size: int | None
    vocab_size: int | None
    quantized: Quantization | None
    size_bytes: int | None
    coverage_presets: list[int]
    depth_is_standard: bool | None
    error: str | None
    usable: bool = Field(True, description="False when this mlx-lm cannot build the architecture (see error).")
    lora_targets: LoraTargets | None = None


class DatasetSplits(Public):
    train: str | None
    valid: str | None
    test: str | None


class DatasetEntry(Public):
    name: str
    path: str
    format: str | None
    kind: DatasetKind
    rows: int
    splits: DatasetSplits
    split_rows: dict[str, int]
    source: str | None = Field(None, description="A source an earlier run trained on: its kind (csv, parquet…).")
    mapping: dict[str, str] | None = Field(None, description="The column mapping that run used.")
