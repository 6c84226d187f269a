"""App factory: `create_app(settings)` builds an isolated app over one data root (tests use temp roots)."""

from __future__ import annotations

import asyncio
import logging
import re
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.routing import compile_path

from backend import __version__
from backend.deps import Services
from backend.errors import install_error_handlers
from backend.json_guard import StrictJsonBodies
from backend.models.catalog import ModelCatalog
from backend.models.folders import added_folders
from backend.runs.events import EventHub
from backend.runs.store import RunStore
from backend.schemas.errors import COMMON_ERRORS
from backend.security import SecurityMiddleware
from backend.settings import Settings

log = logging.getLogger("lora_studio")
MAX_BODY_BYTES = 8 * 1024 * 1024


def _annotate_targets(entry: dict) -> None:
    from pathlib import Path

    from backend.models.lora_policy import resolve_for_model_dir

    entry["lora_targets"] = resolve_for_model_dir(Path(entry["path"])).as_dict()


def build_services(settings: Settings) -> Services:
    from backend.inference.evaluation import EvaluationManager
    from backend.inference.service import InferenceService
    from backend.training.jobs import JobManager

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    settings.runs_dir.mkdir(parents=True, exist_ok=True)
    store = RunStore(settings.db_path)
    hub = EventHub(store)
    catalog = ModelCatalog(lambda: settings.all_model_dirs() + added_folders(settings.data_dir),
                           annotate=_annotate_targets,
                           names={settings.demo_model_dir: "lora-studio-demo"})
    jobs = JobManager(settings, store, hub, catalog)
    inference = InferenceService()
    evaluations = EvaluationManager(store, hub, inference, settings.runs_dir, settings.eval_batch_size)
    from backend.export.jobs import ExportManager
    exports = ExportManager(store, hub, inference, settings.runs_dir, settings.data_dir / "exports")
    return Services(settings=settings, store=store, hub=hub, catalog=catalog, jobs=jobs,
                    inference=inference, evaluations=evaluations, exports=exports)


class MethodNotAllowed:
    """405 with the right `Allow` for an API path asked with a method it does not serve.

    Without this the SPA's static mount at "/" (which matches every path) would answer instead, and
    a path served by several routes (GET and DELETE /sessions/{id}) would name only one method.
    The table comes from the published OpenAPI paths, so it is the contract itself.
    """

    def __init__(self, app, api: FastAPI):
        self.app, self.api = app, api
        self._table: list[tuple[re.Pattern, set[str]]] | None = None

    def _allowed(self, path: str) -> set[str]:
        if self._table is None:
            self._table = [(compile_path(template)[0], {m.upper() for m in ops})
                           for template, ops in self.api.openapi()["paths"].items()]
        return {m for regex, methods in self._table if regex.match(path) for m in methods}

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            allowed = self._allowed(scope["path"])
            if allowed and scope["method"] not in allowed:
                from starlette.responses import JSONResponse
                return await JSONResponse({"detail": "Method Not Allowed"}, 405,
                                          headers={"Allow": ", ".join(sorted(allowed))})(scope, receive, send)
        await self.app(scope, receive, send)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    services = build_services(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        services.hub.bind_loop(asyncio.get_running_loop())
        services.jobs.recover_interrupted()
        app.state.queue.start()
        try:
            yield
        finally:
            app.state.queue.stop()  # first: a run the job manager ends must not start the next item
            services.jobs.shutdown()
            services.evaluations.shutdown()
            services.exports.shutdown()
            services.inference.close()

    # One schema per model for requests and responses: fields with defaults stay optional in the SPA's
    # generated types, matching responses that omit what a service did not set (exclude_unset).
    app = FastAPI(title="LoRA Studio", version=__version__, lifespan=lifespan,
                  separate_input_output_schemas=False)
    app.state.services = services
    from backend.training.queue import RunQueue

    app.state.queue = RunQueue(settings, services.store, services.hub, services.jobs)
    install_error_handlers(app)

    from backend.api import (
        adapters,
        enhanced,
        estimate,
        evaluation,
        events,
        exports,
        inference,
        model_folders,
        queue,
        sessions,
        system,
        training,
        ws,
    )

    for module in (model_folders, system, training, estimate, enhanced, sessions, inference, evaluation, events,
                   ws, adapters, exports, queue):
        app.include_router(module.router, responses=COMMON_ERRORS)

    index = settings.frontend_dist / "index.html"
    if index.is_file():
        app.mount("/", StaticFiles(directory=settings.frontend_dist, html=True), name="spa")
    else:
        @app.get("/", include_in_schema=False)
        def no_spa() -> dict:
            return {"message": "LoRA Studio API. The web UI is not built: run `make run`.",
                    "docs": "/docs"}

    app.add_middleware(StrictJsonBodies, limit=MAX_BODY_BYTES)
    app.add_middleware(MethodNotAllowed, api=app)
    app.add_middleware(SecurityMiddleware, settings=settings)
    return app
