"""The Setup → Training → Sessions flow in real Chromium against the real server and real mlx-lm."""

import httpx
import pytest
from playwright.sync_api import expect

from backend.models.catalog import coverage_presets
from tests.browser.conftest import screenshot
from tests.conftest import wait_for

pytestmark = pytest.mark.browser


def test_setup_start_monitor_reload_and_sessions(studio, page, demo, demo_depth):
    api = httpx.Client(base_url=studio.url, timeout=30)
    page.goto(studio.url + "/#/setup")
    card = page.get_by_test_id("lora-card")
    expect(card).to_be_visible()

    # defaults served by the backend: 32 / 32 / 0 / All layers, presets from the model's depth
    page.get_by_test_id("model-select").select_option(demo["model"])
    expect(page.get_by_test_id("lora-rank")).to_have_value("32")
    expect(page.get_by_test_id("lora-alpha")).to_have_value("32")
    expect(page.get_by_test_id("lora-dropout")).to_have_value("0")
    coverage = page.get_by_test_id("lora-coverage")
    expect(coverage).to_have_value("-1")
    expect(coverage.locator("option:checked")).to_contain_text("All layers")
    values = coverage.locator("option").evaluate_all("opts => opts.map(o => Number(o.value))")
    assert values == coverage_presets(demo_depth)
    expect(page.get_by_test_id("field-save_every")).to_have_value("1000")  # the UI's own default
    expect(page.get_by_test_id("lora-target-keys")).to_contain_text("mlp.down_proj")
    expect(page.get_by_test_id("lora-scale")).to_have_text("1")

    page.get_by_test_id("setup-dataset-select").select_option(demo["train"])
    expect(page.get_by_test_id("setup-train-validation")).to_have_attribute("data-state", "ok")
    page.get_by_test_id("params-card").locator("summary", has_text="Advanced").click()
    for name, value in (("iterations", "60"), ("steps_per_report", "2"), ("steps_per_eval", "10"),
                        ("save_every", "20"), ("learning_rate", "0.002")):
        page.get_by_test_id(f"field-{name}").fill(value)
    # the demo converges fast: without early stopping the run goes all 60 steps
    page.get_by_test_id("field-early_stop").uncheck()
    expect(page.get_by_test_id("field-patience")).to_have_count(0)
    page.get_by_test_id("lora-rank").fill("16")
    expect(page.get_by_test_id("lora-scale")).to_have_text("2")
    for width in (1280, 375):
        screenshot(page, "setup", width)
    page.set_viewport_size({"width": 1280, "height": 900})

    # an invalid dropout shows a field error and starts nothing
    page.get_by_test_id("lora-dropout").fill("1.5")
    page.get_by_test_id("lora-dropout").blur()
    expect(page.get_by_test_id("field-error-lora_dropout")).to_be_visible()
    page.get_by_test_id("start-button").click()
    page.wait_for_timeout(500)
    assert api.get("/sessions").json() == []
    assert api.get("/training/status").json()["state"] == "idle"
    page.get_by_test_id("lora-dropout").fill("0")
    expect(page.get_by_test_id("field-error-lora_dropout")).to_have_count(0)

    page.get_by_test_id("start-button").click()
    expect(page).to_have_url(f"{studio.url}/#/training")
    progress = page.get_by_test_id("progress-bar")
    expect(progress).not_to_have_attribute("data-value", "")
    wait_for(lambda: float(progress.get_attribute("data-value") or 0) > 0, timeout=120, what="progress")
    chart = page.get_by_test_id("loss-chart")
    wait_for(lambda: int(chart.get_attribute("data-points") or 0) >= 2, timeout=120, what="loss points")
    for width in (1280, 375):
        screenshot(page, "training", width)
    page.set_viewport_size({"width": 1280, "height": 900})

    # reload mid-run: progress is still there (status + history + replay)
    before = float(progress.get_attribute("data-value"))
    assert api.get("/training/status").json()["state"] in ("running", "completed")
    page.reload()
    progress = page.get_by_test_id("progress-bar")
    wait_for(lambda: float(progress.get_attribute("data-value") or 0) >= before, timeout=60,
             what="progress after reload")
    expect(page.get_by_test_id("loss-chart")).to_be_visible()
    expect(page.get_by_test_id("status-badge")).to_have_attribute("data-state", "completed", timeout=180_000)
    expect(page.get_by_test_id("run-lora-rank")).to_contain_text("16")
    wait_for(lambda: float(page.get_by_test_id("progress-bar").get_attribute("data-value")) == 100,
             timeout=30, what="100%")

    [session] = api.get("/sessions").json()
    assert session["lora"]["rank"] == 16 and session["state"] == "completed"
    assert session["steps_completed"] == 60
    page.get_by_test_id("nav-sessions").click()
    row = page.get_by_test_id(f"session-row-{session['id']}")
    expect(row).to_be_visible()
    expect(row).to_contain_text("16")
    row.click()
    expect(page.get_by_test_id("session-detail")).to_contain_text("lora_rank: 16")
    for width in (1280, 375):
        screenshot(page, "sessions", width)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_test_id("nav-enhanced").click()
    expect(page.get_by_test_id("method-card-gspo")).to_be_visible()
    for width in (1280, 375):
        screenshot(page, "enhanced", width)
    assert page.errors == []  # type: ignore[attr-defined]


def test_distributed_section_checks_hosts_and_shows_the_effective_batch(studio, page, demo):
    page.goto(studio.url + "/#/setup")
    card = page.get_by_test_id("distributed-card")
    card.locator("summary").click()
    page.get_by_test_id("distributed-enabled").check()
    page.get_by_test_id("distributed-hosts").fill("127.0.0.1")
    page.get_by_test_id("distributed-hosts").blur()
    page.get_by_test_id("start-button").click()  # one process is not distributed: blocked
    expect(page.get_by_test_id("field-error-distributed")).to_contain_text("One process")
    page.get_by_test_id("distributed-ppn").fill("2")
    page.get_by_test_id("field-batch_size").fill("3")
    expect(page.get_by_test_id("field-error-distributed")).to_have_count(0)
    expect(page.get_by_test_id("distributed-effective-batch")).to_contain_text("6")
    page.get_by_test_id("distributed-check").click()
    result = page.get_by_test_id("distributed-check-result")
    expect(result).to_have_attribute("data-ok", "true", timeout=60_000)
    expect(page.get_by_test_id("distributed-rank-0")).to_contain_text("reachable")
    expect(page.get_by_test_id("distributed-rank-1")).to_contain_text("reachable")
    screenshot(page, "setup-distributed", 1280)


def test_enhanced_setup_starts_a_gspo_run_with_reward_and_kl_charts(studio, page, demo):
    api = httpx.Client(base_url=studio.url, timeout=30)
    page.goto(studio.url + "/#/enhanced")
    page.get_by_test_id("method-card-gspo").click()
    expect(page.get_by_test_id("method-card-gspo")).to_have_attribute("data-selected", "true")
    page.get_by_test_id("model-select").select_option(demo["model"])
    page.get_by_test_id("enh-dataset-select").select_option(demo["grpo_train"])
    expect(page.get_by_test_id("enh-train-validation")).to_have_attribute("data-state", "ok")
    for name, value in (("iterations", "4"), ("group_size", "2"), ("max_completion_length", "10"),
                        ("steps_per_report", "2"), ("steps_per_eval", "100")):
        page.get_by_test_id(f"field-{name}").first.fill(value)
    page.get_by_test_id("enhanced-start-button").click()
    expect(page).to_have_url(f"{studio.url}/#/training")
    expect(page.get_by_test_id("status-badge")).to_have_attribute("data-state", "completed", timeout=180_000)
    wait_for(lambda: int(page.get_by_test_id("reward-chart").get_attribute("data-points") or 0) >= 2,
             timeout=30, what="reward points")
    expect(page.get_by_test_id("kl-chart")).to_be_visible()
    [session] = api.get("/sessions").json()
    assert session["kind"] == "enhanced" and session["method"] == "gspo"
    assert session["steps_completed"] == 4
    assert page.errors == []  # type: ignore[attr-defined]
