"""Two runs added to the queue from Setup run one after the other, watched on the Training tab (real Chromium)."""

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.conftest import wait_for

pytestmark = pytest.mark.browser


def test_add_two_runs_to_the_queue_and_watch_them_run_in_order(studio, page, demo):
    api = httpx.Client(base_url=studio.url, timeout=30)
    page.goto(studio.url + "/#/setup")
    page.get_by_test_id("model-select").select_option(demo["model"])
    page.get_by_test_id("setup-dataset-select").select_option(demo["train"])
    expect(page.get_by_test_id("setup-train-validation")).to_have_attribute("data-state", "ok")
    page.get_by_test_id("params-card").locator("summary", has_text="Advanced").click()
    for name, value in (("adapter_name", "queued-one"), ("iterations", "30"), ("steps_per_report", "2"),
                        ("steps_per_eval", "100"), ("learning_rate", "0.001")):
        page.get_by_test_id(f"field-{name}").fill(value)
    # the recipe: cosine after 3 warmup updates; the planned learning rate is drawn as it is typed
    page.get_by_test_id("field-lr_schedule").select_option("cosine")
    page.get_by_test_id("field-warmup_steps").fill("3")
    page.get_by_test_id("field-optimizer").select_option("adamw")
    expect(page.get_by_test_id("setup-lr-schedule-chart")).to_be_visible()
    # the memory preflight beside Start, measured from the model files and the data
    expect(page.get_by_test_id("memory-estimate")).to_have_attribute("data-verdict", "ok", timeout=20_000)
    expect(page.get_by_test_id("memory-estimate")).to_contain_text("Peak memory")

    # a warmup longer than the run is refused by the server, on the field, and queues nothing
    page.get_by_test_id("field-warmup_steps").fill("40")
    page.get_by_test_id("setup-add-to-queue").click()
    expect(page.get_by_test_id("field-error-warmup_steps")).to_be_visible()
    assert api.get("/queue").json()["items"] == []
    page.get_by_test_id("field-warmup_steps").fill("3")
    # a stall timeout under the server's minimum is refused on the field, before anything is sent
    page.get_by_test_id("field-stall_timeout_s").fill("3")
    page.get_by_test_id("setup-add-to-queue").click()
    expect(page.get_by_test_id("field-error-stall_timeout_s")).to_contain_text("at least 5")
    assert api.get("/queue").json()["items"] == []
    page.get_by_test_id("field-stall_timeout_s").fill("600")
    expect(page.get_by_test_id("field-error-stall_timeout_s")).to_have_count(0)
    # epochs instead of iterations: the form says what that comes to (36 demo rows / batch 1)
    page.get_by_test_id("field-epochs").fill("2")
    expect(page.locator("#setup-epochs-hint")).to_contain_text("= 72 iterations")
    page.get_by_test_id("field-epochs").fill("")

    page.get_by_test_id("setup-add-to-queue").click()
    wait_for(lambda: len(api.get("/queue").json()["items"]) == 1, what="first item queued")
    page.get_by_test_id("field-adapter_name").fill("queued-two")
    page.get_by_test_id("field-iterations").fill("10")
    page.get_by_test_id("setup-add-to-queue").click()
    wait_for(lambda: len(api.get("/queue").json()["items"]) == 2, what="second item queued")

    page.goto(studio.url + "/#/training")
    panel = page.get_by_test_id("queue-panel")
    expect(panel).to_be_visible()
    one = panel.locator("[data-testid=queue-item]", has_text="queued-one")
    two = panel.locator("[data-testid=queue-item]", has_text="queued-two")
    expect(one).to_have_attribute("data-state", "running", timeout=60_000)
    expect(two).to_have_attribute("data-state", "queued")
    expect(two.get_by_test_id("queue-position")).to_have_text("1")
    expect(page.get_by_test_id("lr-chart")).to_be_visible()
    screenshot(page, "queue", 1280)
    expect(one).to_have_attribute("data-state", "done", timeout=180_000)
    expect(two).to_have_attribute("data-state", "running", timeout=60_000)
    expect(two).to_have_attribute("data-state", "done", timeout=180_000)

    items = {i["summary"]["adapter_name"]: i for i in api.get("/queue").json()["items"]}
    sessions = {s["id"]: s for s in api.get("/sessions").json()}
    first, second = sessions[items["queued-one"]["run_id"]], sessions[items["queued-two"]["run_id"]]
    assert first["state"] == second["state"] == "completed"
    assert first["created_at"] < second["created_at"]
    detail = api.get(f"/sessions/{first['id']}").json()
    assert detail["config"]["lr_schedule"] == "cosine" and detail["config"]["optimizer"] == "adamw"
    assert detail["config"]["stall_timeout_s"] == 600
    assert page.errors == []  # type: ignore[attr-defined]

    # GRPO after SFT from Enhanced Setup: start from the first queued run's adapter, with its own recipe
    page.goto(studio.url + "/#/enhanced")
    page.get_by_test_id("method-card-gspo").click()
    page.get_by_test_id("model-select").select_option(demo["model"])
    page.get_by_test_id("enh-dataset-select").select_option(demo["grpo_train"])
    expect(page.get_by_test_id("enh-train-validation")).to_have_attribute("data-state", "ok")
    for name, value in (("iterations", "4"), ("group_size", "2"), ("max_completion_length", "10"),
                        ("steps_per_report", "1"), ("steps_per_eval", "100"), ("adapter_name", "grpo-after")):
        page.get_by_test_id(f"field-{name}").first.fill(value)
    expect(page.get_by_test_id("enh-lora_rank")).to_have_value("8")  # the attention-only baseline
    page.get_by_test_id("enh-start-from").select_option(first["id"])
    expect(page.get_by_test_id("enh-lora_rank")).to_have_count(0)  # the adapter's shape is kept
    page.get_by_test_id("enhanced-recipe").locator("summary").click()
    page.get_by_test_id("field-optimizer").select_option("sgd")
    page.get_by_test_id("field-lr_schedule").select_option("linear")
    page.get_by_test_id("field-stall_timeout_s").fill("900")
    expect(page.get_by_test_id("enh-lr-schedule-chart")).to_be_visible()
    page.get_by_test_id("enhanced-add-to-queue").click()
    wait_for(lambda: len(api.get("/queue").json()["items"]) == 3, what="enhanced item queued")
    item = next(i for i in api.get("/queue").json()["items"] if i["kind"] == "enhanced")
    wait_for(lambda: next(i for i in api.get("/queue").json()["items"]
                          if i["queue_id"] == item["queue_id"])["state"] == "done", timeout=180, what="GSPO done")
    run_id = next(i for i in api.get("/queue").json()["items"] if i["queue_id"] == item["queue_id"])["run_id"]
    config = api.get(f"/sessions/{run_id}").json()["config"]
    assert config["start_from_session_id"] == first["id"] and config["optimizer"] == "sgd"
    assert config["lr_schedule"] == "linear" and config["stall_timeout_s"] == 900
    assert config["lora_rank"] == 32  # rank of the SFT adapter
    assert page.errors == []  # type: ignore[attr-defined]
