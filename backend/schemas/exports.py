"""Request/response models of exports: POST /sessions/{id}/export, GET/DELETE /exports/*."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from backend.schemas.inference import Checkpoint

ExportFormat = Literal["mlx", "peft", "gguf"]


class ExportRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: ExportFormat = Field(description="mlx = fused model folder, peft = Hugging Face PEFT adapter, "
                                             "gguf = llama.cpp file (llama, mistral, mixtral)")
    checkpoint: Checkpoint = "final"
    dequantize: bool = Field(False, description="mlx on a quantized base: fuse into a full-precision model")
    name: str | None = Field(None, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$",
                             description="Folder name under <data root>/exports/; default <adapter>-<format>-<checkpoint>")


class ExportStarted(BaseModel):
    export_id: str
    name: str
    path: str


class ExportFile(BaseModel):
    name: str
    size_bytes: int


class ExportStatus(BaseModel):
    id: str
    session_id: str
    format: ExportFormat
    name: str
    path: str
    state: Literal["queued", "running", "completed", "error"]
    progress: float = Field(ge=0.0, le=1.0)
    phase: str
    error: str | None
    request: dict[str, Any]
    verification: dict[str, Any] | None
    commands: dict[str, str] | None
    files: list[ExportFile] | None
    created_at: float
    updated_at: float
