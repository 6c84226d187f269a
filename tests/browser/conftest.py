"""Playwright driving Debian's Chromium against a real server that serves the built SPA."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import ROOT, LiveServer

CHROMIUM = os.environ.get("LORA_STUDIO_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not (ROOT / "frontend" / "dist" / "index.html").is_file():
        pytest.fail("the SPA is not built: run `make frontend` (make test does)")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: `apt-get install chromium` (make test does)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        yield b
        b.close()


@pytest.fixture
def studio(data_root):
    """The real server with the real SPA build at `/`."""
    server = LiveServer(data_root).start()
    yield server
    server.stop()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.errors = errors  # type: ignore[attr-defined]
    yield pg
    context.close()


def screenshot(page, name: str, width: int) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": width, "height": 900})
    path = SCREENSHOTS / f"{name}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def load_then_lose_adapter(http, runs_dir: Path, session_id: str) -> None:
    """Make `session_id` the loaded session, then delete its adapter files on disk.

    The server refuses to load a session without adapter files, so they are given placeholder files
    for the load and lose them afterwards (as when a user deletes them while the app runs)."""
    import shutil

    adapters = runs_dir / session_id / "adapters"
    adapters.mkdir(parents=True, exist_ok=True)
    (adapters / "adapter_config.json").write_text("{}")
    (adapters / "adapters.safetensors").write_bytes(b"")
    http.post(f"/sessions/{session_id}/load").raise_for_status()
    shutil.rmtree(adapters)
