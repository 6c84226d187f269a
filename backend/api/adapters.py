"""Adapters made elsewhere: POST /adapters/import creates a session of kind `imported`."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter

from backend.adapters.importer import import_adapter
from backend.adapters.peft import AdapterFormatError
from backend.deps import ServicesDep
from backend.errors import StudioError
from backend.schemas.adapters import AdapterImported, AdapterImportRequest

router = APIRouter(prefix="/adapters", tags=["adapters"])


@router.post("/import", status_code=201, response_model=AdapterImported)
async def import_(body: AdapterImportRequest, services: ServicesDep) -> dict:
    try:
        # Off the loop: reads the adapter's tensors and the base model's structure.
        return await asyncio.to_thread(import_adapter, services.store, services.settings.runs_dir,
                                       body.path, body.model_path, body.name)
    except AdapterFormatError as exc:
        raise StudioError(422, f"Cannot import {body.path}: {exc}") from exc
