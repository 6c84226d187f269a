"""Model folders added from the Setup tab; the catalog is rescanned after each change."""

from __future__ import annotations

from fastapi import APIRouter, Query, Response

from backend.deps import ServicesDep
from backend.models import folders
from backend.schemas.models import ModelFolderCreate, ModelFolders

router = APIRouter(prefix="/models/folders", tags=["system"])


@router.get("", response_model=ModelFolders)
def list_folders(services: ServicesDep) -> dict:
    return {"folders": folders.listing(services.settings)}


@router.post("", response_model=ModelFolders, status_code=201)
def add_folder(body: ModelFolderCreate, services: ServicesDep) -> dict:
    folders.add(services.settings, body.path)
    services.catalog.list(refresh=True)
    return {"folders": folders.listing(services.settings)}


@router.delete("", status_code=204)
def remove_folder(services: ServicesDep, path: str = Query(min_length=1, max_length=4096)) -> Response:
    folders.remove(services.settings, path)
    services.catalog.list(refresh=True)
    return Response(status_code=204)
