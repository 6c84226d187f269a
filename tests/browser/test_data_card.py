"""The Setup Data card on a CSV with its own column names, in real Chromium against the real server:
the mapping is chosen, the rendered rows show the trained part, the token histogram and the truncation
warning follow max_seq_length, and the run started from the card trains with that mapping."""

import httpx
import pytest
from playwright.sync_api import expect

from tests import dataset_files as f
from tests.browser.conftest import screenshot
from tests.conftest import wait_for

pytestmark = pytest.mark.browser


def test_data_card_maps_columns_renders_rows_and_warns_about_truncation(studio, page, demo, tmp_path):
    api = httpx.Client(base_url=studio.url, timeout=30)
    path = f.write_csv(tmp_path / "capitals.csv", [{"Frage": q, "Antwort": a, "Quelle": "atlas"} for q, a in f.qa(20)])
    page.goto(studio.url + "/#/setup")
    page.get_by_test_id("model-select").select_option(demo["model"])
    page.get_by_test_id("data-card").get_by_text("File path", exact=True).click()
    page.get_by_test_id("setup-train-path").fill(str(path))

    # unknown columns: refused with the reason, and the columns offered for a mapping
    view = page.get_by_test_id("setup-train-validation")
    expect(view).to_have_attribute("data-state", "refused")
    expect(page.get_by_test_id("setup-train-validation-message")).to_contain_text("give a mapping")
    expect(page.get_by_text("Could not validate the dataset")).to_have_count(0)  # shown in place, no toast
    page.get_by_test_id("setup-train-validation-mapping-prompt").select_option("Frage")
    page.get_by_test_id("setup-train-validation-mapping-completion").select_option("Antwort")

    expect(view).to_have_attribute("data-state", "ok")
    expect(page.get_by_test_id("setup-train-validation-source")).to_have_text("csv")
    expect(page.get_by_test_id("setup-train-validation-format")).to_have_text("columns → completions")
    expect(page.get_by_test_id("setup-train-validation-rows")).to_contain_text("20 rows")
    rendered = page.get_by_test_id("setup-train-validation-rendered")
    expect(rendered.locator("li")).to_have_count(3)
    first = rendered.locator("li").first
    q, a = f.qa(1)[0]
    expect(first.locator("[data-trained=false]")).to_contain_text(q)
    expect(first.locator("[data-trained=true]")).to_contain_text(a)
    histogram = page.get_by_test_id("setup-train-validation-histogram")
    expect(histogram).to_be_visible()
    assert histogram.get_by_test_id("setup-train-validation-histogram-bin").count() >= 1
    expect(page.get_by_test_id("setup-train-validation-truncation")).to_have_count(0)

    # a max_seq_length below the rows' lengths: the warning counts the rows that will be cut
    measured = api.post("/datasets/validate", json={"path": str(path), "model_path": demo["model"],
                                                    "max_seq_length": 24,
                                                    "mapping": {"prompt": "Frage", "completion": "Antwort"}}).json()
    over = measured["token_stats"]["over_max_seq_length"]
    assert 0 < over <= 20
    page.get_by_test_id("field-max_seq_length").fill("24")
    warning = page.get_by_test_id("setup-train-validation-truncation")
    expect(warning).to_contain_text(f"{over} of 20 rows are longer than max_seq_length (24 tokens)")
    # bins past the limit are marked; together they hold at least the rows that will be cut
    wait_for(lambda: sum(int(c) for c in histogram.locator("[data-over=true]").evaluate_all(
        "bins => bins.map(b => b.dataset.count)")) >= over, timeout=10, what="marked bins")
    for width in (1280, 375):
        screenshot(page, "data-card", width)
    page.set_viewport_size({"width": 1280, "height": 900})
    assert page.errors == []

    # the run trains with the mapping the card shows
    page.get_by_test_id("field-max_seq_length").fill("128")
    page.get_by_test_id("params-card").locator("summary", has_text="Advanced").click()
    for name, value in (("iterations", "2"), ("steps_per_report", "1"), ("steps_per_eval", "2"), ("save_every", "2")):
        page.get_by_test_id(f"field-{name}").fill(value)
    page.get_by_test_id("start-button").click()
    expect(page).to_have_url(f"{studio.url}/#/training")
    sessions = wait_for(lambda: api.get("/sessions").json(), timeout=60, what="the session")
    data = api.get(f"/sessions/{sessions[0]['id']}").json()["data"]
    assert data["mapping"] == {"prompt": "Frage", "completion": "Antwort"}
    assert data["source"] == {"path": str(path), "kind": "csv"} and data["format"] == "columns"
