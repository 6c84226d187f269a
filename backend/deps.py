"""Dependency providers: routers receive services through `Depends`, never through globals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, Request

from backend.models.catalog import ModelCatalog
from backend.runs.events import EventHub
from backend.runs.store import RunStore
from backend.settings import Settings

if TYPE_CHECKING:
    from backend.export.jobs import ExportManager
    from backend.inference.evaluation import EvaluationManager
    from backend.inference.service import InferenceService
    from backend.training.jobs import JobManager


@dataclass
class Services:
    settings: Settings
    store: RunStore
    hub: EventHub
    catalog: ModelCatalog
    jobs: "JobManager"
    inference: "InferenceService"
    evaluations: "EvaluationManager"
    exports: "ExportManager | None" = None


def get_services(request: Request) -> Services:
    return request.app.state.services


def get_settings(request: Request) -> Settings:
    return request.app.state.services.settings


def get_store(request: Request) -> RunStore:
    return request.app.state.services.store


def get_catalog(request: Request) -> ModelCatalog:
    return request.app.state.services.catalog


def get_hub(request: Request) -> EventHub:
    return request.app.state.services.hub


def get_jobs(request: Request) -> "JobManager":
    return request.app.state.services.jobs


def get_inference(request: Request) -> "InferenceService":
    return request.app.state.services.inference


def get_evaluations(request: Request) -> "EvaluationManager":
    return request.app.state.services.evaluations


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[RunStore, Depends(get_store)]
CatalogDep = Annotated[ModelCatalog, Depends(get_catalog)]
HubDep = Annotated[EventHub, Depends(get_hub)]
JobsDep = Annotated["JobManager", Depends(get_jobs)]
ServicesDep = Annotated[Services, Depends(get_services)]
InferenceDep = Annotated["InferenceService", Depends(get_inference)]
EvaluationsDep = Annotated["EvaluationManager", Depends(get_evaluations)]
