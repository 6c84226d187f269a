"""Model folders the user adds from the Setup tab (persisted in the data root's settings.json)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from backend.schemas.paths import PathStr


class ModelFolderCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: PathStr = Field(min_length=1, max_length=4096,
                      description="A model folder, a folder of model folders, or a Hugging Face hub cache.")


class ModelFolder(BaseModel):
    path: str
    source: Literal["added", "configured", "demo", "hf_cache"] = Field(
        description="added: from the Setup tab (removable); configured: --models / LORA_STUDIO_MODELS.")
    removable: bool
    exists: bool


class ModelFolders(BaseModel):
    folders: list[ModelFolder]
