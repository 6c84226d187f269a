"""App factory: `create_app(settings)` builds an isolated app over one data root (tests use temp roots)."""

from __future__ import annotations

import asyncio
import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from backend import __version__
from backend.deps import Services
from backend.errors import install_error_handlers
from backend.models.catalog import ModelCatalog
from backend.runs.events import EventHub
from backend.runs.store import RunStore
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
    catalog = ModelCatalog(settings.all_model_dirs, annotate=_annotate_targets,
                           names={settings.demo_model_dir: "lora-studio-demo"})
    jobs = JobManager(settings, store, hub, catalog)
    inference = InferenceService()
    evaluations = EvaluationManager(store, hub, inference, settings.runs_dir)
    return Services(settings=settings, store=store, hub=hub, catalog=catalog, jobs=jobs,
                    inference=inference, evaluations=evaluations)


class BodySizeLimit:
    """Rejects request bodies over a fixed size before they are read into memory."""

    def __init__(self, app, limit: int = MAX_BODY_BYTES):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            for k, v in scope["headers"]:
                if k == b"content-length" and v.isdigit() and int(v) > self.limit:
                    from starlette.responses import JSONResponse
                    return await JSONResponse(
                        {"detail": f"Request body over {self.limit // (1024 * 1024)} MiB"}, 413
                    )(scope, receive, send)
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
            services.inference.close()

    app = FastAPI(title="LoRA Studio", version=__version__, lifespan=lifespan)
    app.state.services = services
    from backend.training.queue import RunQueue

    app.state.queue = RunQueue(settings, services.store, services.hub, services.jobs)
    install_error_handlers(app)

    from backend.api import (
        enhanced,
        estimate,
        evaluation,
        inference,
        queue,
        sessions,
        system,
        training,
        ws,
    )

    for module in (system, training, estimate, enhanced, sessions, inference, evaluation, ws, queue):
        app.include_router(module.router)

    index = settings.frontend_dist / "index.html"
    if index.is_file():
        app.mount("/", StaticFiles(directory=settings.frontend_dist, html=True), name="spa")
    else:
        @app.get("/", include_in_schema=False)
        def no_spa() -> dict:
            return {"message": "LoRA Studio API. The web UI is not built: run `make run`.",
                    "docs": "/docs"}

    app.add_middleware(BodySizeLimit)
    app.add_middleware(SecurityMiddleware, settings=settings)
    return app
