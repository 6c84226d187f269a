"""Issue #13's "tried as a new user would" defects, each checked in real Chromium against the real server:
the only model pre-selected, the Setup draft kept across a reload, the estimate and the custom coverage,
the favicon (no console error), a stopping run shown as Stopping, a finished run's tiles after a reload,
catalog model names, Load refused alike for a session without files, Load leading on to Compare, and no
horizontal overflow at 375 px on any tab."""

from __future__ import annotations

import os
import re
import signal

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.conftest import wait_for, wait_for_state
from tests.e2e.test_sft_run import start_body

pytestmark = pytest.mark.browser
TABS = ("setup", "enhanced", "training", "compare", "sessions")


def watch_console(page) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    return problems


def assert_no_horizontal_overflow(page, url: str) -> None:
    page.set_viewport_size({"width": 375, "height": 800})
    for tab in TABS:
        page.goto(f"{url}/#/{tab}")
        expect(page.get_by_test_id(f"nav-{tab}")).to_have_attribute("aria-current", "page")
        page.wait_for_timeout(400)  # lazy charts and fetched lists settle
        width = page.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
        assert width <= 375, f"the {tab} tab is {width}px wide at 375px"
    page.set_viewport_size({"width": 1280, "height": 900})


def runner_pid(data_root, run_id: str) -> int:
    from backend.runs.store import RunStore

    store = RunStore(data_root / "studio.db")
    try:
        return int(store.get_run(run_id)["summary"]["pid"])
    finally:
        store.close()


def test_first_visit_setup_draft_estimate_and_favicon(studio, page, demo):
    problems = watch_console(page)
    page.goto(studio.url + "/#/setup")
    # the catalog's only model is chosen already, named as the catalog names it
    expect(page.get_by_test_id("model-select")).to_have_value(demo["model"])
    expect(page.get_by_test_id("model-select").locator("option:checked")).to_contain_text("lora-studio-demo")

    # the draft survives a reload
    page.get_by_test_id("params-card").locator("summary", has_text="Advanced").click()
    page.get_by_test_id("field-iterations").fill("42")
    page.get_by_test_id("lora-alpha").fill("48")
    page.reload()
    expect(page.get_by_test_id("field-iterations")).to_have_value("42")
    expect(page.get_by_test_id("lora-alpha")).to_have_value("48")
    expect(page.get_by_test_id("model-select")).to_have_value(demo["model"])

    # a custom coverage beside the presets; no trainable-parameter estimate for an invalid rank
    page.get_by_test_id("lora-coverage-custom").fill("1")
    expect(page.get_by_test_id("lora-coverage")).to_have_value("1")
    expect(page.get_by_test_id("lora-trainable-params")).to_have_text(re.compile(r"≈"))
    page.get_by_test_id("lora-rank").fill("0")
    expect(page.get_by_test_id("lora-trainable-params")).to_have_text("—")
    expect(page.get_by_test_id("lora-estimate-blocked")).to_be_visible()
    page.get_by_test_id("lora-rank").fill("8")
    expect(page.get_by_test_id("lora-trainable-params")).to_have_text(re.compile(r"≈"))

    # Enhanced Setup starts from the only model too
    page.goto(studio.url + "/#/enhanced")
    expect(page.get_by_test_id("enhanced-page").get_by_test_id("model-select")).to_have_value(demo["model"])

    # the favicon is served and nothing failed on the way
    icon = page.evaluate("fetch(document.querySelector('link[rel=icon]').href).then(r => r.status)")
    assert icon == 200
    assert problems == [] and page.errors == []  # type: ignore[attr-defined]


def test_stopping_finished_run_sessions_and_narrow_screens(studio, page, demo, data_root):
    http = httpx.Client(base_url=studio.url, timeout=30)
    problems = watch_console(page)
    r = http.post("/training/start", json=start_body(demo, adapter_name="stopper", iterations=100000,
                                                     steps_per_report=5, steps_per_eval=50, save_every=10,
                                                     learning_rate=1e-3))
    assert r.status_code == 201, r.text
    run_id = r.json()["run_id"]
    wait_for(lambda: (http.get("/training/status").json()["metrics"].get("step") or 0) >= 10, what="10 steps")
    page.goto(studio.url + "/#/training")
    expect(page.get_by_test_id("status-badge")).to_have_attribute("data-state", "running")

    # freeze the runner so the stop stays pending: the server says "stopping" until it saves and exits
    pid = runner_pid(data_root, run_id)
    os.kill(pid, signal.SIGSTOP)
    try:
        page.get_by_test_id("stop-button").click()
        page.get_by_role("dialog").get_by_role("button", name="Stop training").click()
        expect(page.get_by_test_id("status-badge")).to_have_attribute("data-state", "stopping")
        expect(page.get_by_test_id("status-badge")).to_have_text("Stopping")
        stop = page.get_by_test_id("stop-button")
        expect(stop).to_be_disabled()
        expect(stop).to_have_attribute("aria-busy", "true")
        assert http.get("/training/status").json()["state"] == "stopping"
        with page.expect_request(lambda q: q.url.endswith("/training/status"), timeout=15_000):
            pass  # status polling goes on while stopping
        page.goto(f"{studio.url}/#/sessions/{run_id}")
        expect(page.get_by_test_id("session-detail-state")).to_have_attribute("data-state", "stopping")
        expect(page.get_by_test_id("session-delete")).to_be_disabled()
    finally:
        os.kill(pid, signal.SIGCONT)
    final = wait_for_state(http, {"stopped", "completed", "error"}, timeout=60)
    assert final["state"] == "stopped", final
    steps = final["metrics"]["step"]
    expect(page.get_by_test_id("toast-info")).to_contain_text(f"step {steps}")

    # a finished run after a reload: every tile measured, elapsed is the run's duration
    page.goto(studio.url + "/#/training")
    page.reload()
    expect(page.get_by_test_id("status-badge")).to_have_attribute("data-state", "stopped")
    expect(page.get_by_test_id("progress-steps")).to_contain_text(f"{steps} / 100000")
    for tile in ("metric-tokens-per-sec", "metric-peak-mem", "metric-lr", "metric-trained-tokens",
                 "metric-last-checkpoint"):
        expect(page.get_by_test_id(tile)).not_to_contain_text("—")
    expect(page.get_by_test_id("metric-last-checkpoint")).to_contain_text(f"step {steps}")
    expect(page.get_by_test_id("metric-peak-mem")).to_contain_text(re.compile(r"\d+(\.\d)? MB"))  # a tiny model
    expect(page.get_by_test_id("elapsed")).to_have_text(re.compile(r"^(\d+m )?\d+s$"))

    # Sessions: the catalog's model name; Load leads on to Compare
    page.goto(studio.url + "/#/sessions")
    expect(page.get_by_test_id(f"session-row-{run_id}")).to_contain_text("lora-studio-demo")
    page.get_by_test_id(f"session-row-{run_id}").click()
    page.get_by_test_id("session-load").click()
    page.get_by_test_id("session-open-compare").click()
    expect(page.get_by_test_id("compare-page")).to_have_attribute("data-session-id", run_id)
    expect(page.get_by_test_id("base-model-name")).to_have_text("lora-studio-demo")

    # a session without adapter files: Load refused, with the reason, in Sessions and in Compare
    [gone] = http.post("/sessions/import", json={"name": "gone", "status": "completed", "config": {
        "model_path": demo["model"], "train_data_path": demo["train"], "adapter_name": "gone"}}).json()["imported"]
    page.goto(f"{studio.url}/#/sessions/{gone}")
    expect(page.get_by_test_id("session-load")).to_be_disabled()
    expect(page.get_by_test_id("session-load-blocked")).to_contain_text("No adapter files")
    page.goto(studio.url + "/#/compare")
    page.get_by_test_id("header-load-session").click()
    expect(page.get_by_test_id(f"load-session-{gone}")).to_be_disabled()
    expect(page.get_by_test_id(f"load-blocked-{gone}")).to_contain_text("No adapter files")
    expect(page.get_by_test_id(f"load-session-{run_id}")).to_be_visible()
    page.keyboard.press("Escape")

    assert_no_horizontal_overflow(page, studio.url)
    for tab in ("training", "sessions"):
        page.goto(f"{studio.url}/#/{tab}")
        screenshot(page, f"new-user-{tab}", 375)
    assert problems == [] and page.errors == []  # type: ignore[attr-defined]
