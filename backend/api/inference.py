"""Testing a model: POST /model/test-base, /model/test and their server-sent-event streams."""

from __future__ import annotations

import asyncio
import json
import threading
from typing import AsyncIterator

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from backend.deps import ServicesDep
from backend.inference.service import (
    InferenceError,
    InferenceService,
    Target,
    resolve_adapter,
    resolve_base,
    session_prefers_raw,
)
from backend.schemas.errors import error_responses
from backend.schemas.inference import TestRequest, TestResponse

router = APIRouter(prefix="/model", tags=["inference"], responses=error_responses(404, 409))


def _target(services, body: TestRequest, adapter: bool) -> Target:
    if adapter:
        return resolve_adapter(services.store, services.settings.runs_dir, session_id=body.session_id,
                               checkpoint=body.checkpoint)
    return resolve_base(services.store, model_path=body.model_path, session_id=body.session_id)


def _raw_prompt(services, body: TestRequest, target: Target) -> bool:
    if body.raw_prompt is not None:
        return body.raw_prompt
    return target.session_id is not None and session_prefers_raw(services.store.find_run(target.session_id))


async def _generate(services, body: TestRequest, adapter: bool) -> dict:
    target = _target(services, body, adapter)
    return await asyncio.to_thread(services.inference.generate, target, body.messages(),
                                   max_tokens=body.max_tokens, temperature=body.temperature,
                                   top_p=body.top_p, raw_prompt=_raw_prompt(services, body, target))


@router.post("/test-base", response_model=TestResponse, response_model_exclude_unset=True)
async def test_base(body: TestRequest, services: ServicesDep) -> dict:
    return await _generate(services, body, adapter=False)


@router.post("/test", response_model=TestResponse, response_model_exclude_unset=True)
async def test_adapter(body: TestRequest, services: ServicesDep) -> dict:
    return await _generate(services, body, adapter=True)


def _sse(event: str, data: dict) -> str:
    return f"event: {event}\ndata: {json.dumps(data)}\n\n"


async def _stream(services, body: TestRequest, adapter: bool) -> StreamingResponse:
    """Loads before the stream opens (so load failures are plain 4xx), then streams `token` events,
    then `done` or `error`. A client that goes away stops the generation at its next token."""
    target = _target(services, body, adapter)
    svc: InferenceService = services.inference
    await asyncio.to_thread(svc.acquire, target)
    loop, queue, stop = asyncio.get_running_loop(), asyncio.Queue(), threading.Event()
    raw_prompt = _raw_prompt(services, body, target)

    def put(item: tuple[str, dict]) -> None:
        try:
            loop.call_soon_threadsafe(queue.put_nowait, item)
        except RuntimeError:  # the loop is closed: nobody is listening any more
            stop.set()

    def work() -> None:
        try:
            out = svc.generate(target, body.messages(), max_tokens=body.max_tokens,
                               temperature=body.temperature, top_p=body.top_p, raw_prompt=raw_prompt,
                               on_text=lambda text: put(("token", {"text": text})), should_stop=stop.is_set)
            put(("done", out))
        except InferenceError as exc:
            put(("error", {"message": exc.detail}))
        except Exception as exc:  # noqa: BLE001 - reported to the client as an error event
            put(("error", {"message": f"generation failed: {type(exc).__name__}: {exc}"}))

    async def events() -> AsyncIterator[str]:
        worker = asyncio.ensure_future(asyncio.to_thread(work))
        try:
            while True:
                kind, data = await queue.get()
                yield _sse(kind, data)
                if kind != "token":
                    break
        finally:
            stop.set()  # the worker ends at its next token; nothing waits for it
            del worker

    return StreamingResponse(events(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


SSE = {200: {"description": "Server-sent events: `token` {text}, then `done` (a TestResponse) or `error` {message}",
             "content": {"text/event-stream": {"schema": {"type": "string"}}}}}


@router.post("/test/stream", response_class=StreamingResponse, responses=SSE)
async def stream_adapter(body: TestRequest, services: ServicesDep) -> StreamingResponse:
    return await _stream(services, body, adapter=True)


@router.post("/test-base/stream", response_class=StreamingResponse, responses=SSE)
async def stream_base(body: TestRequest, services: ServicesDep) -> StreamingResponse:
    return await _stream(services, body, adapter=False)
