"""Request/response models of /adapters/* (adapters made elsewhere)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from backend.schemas.common import SLUG_PATTERN
from backend.schemas.paths import PathStr


class AdapterImportRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: PathStr = Field(min_length=1, max_length=4096,
                      description="An mlx-lm adapter folder (adapter_config.json + adapters.safetensors) or a "
                                  "Hugging Face PEFT folder (adapter_config.json + adapter_model.safetensors).")
    model_path: PathStr | None = Field(None, min_length=1, max_length=4096,
                                   description="The base model folder; defaults to the one the adapter names.")
    name: str | None = Field(None, pattern=SLUG_PATTERN, description="The session's name.")


class ImportedLora(BaseModel):
    rank: int
    alpha: float
    num_layers: int
    keys: list[str] | None


class AdapterImported(BaseModel):
    run_id: str
    source_format: str
    model_path: str
    lora: ImportedLora
