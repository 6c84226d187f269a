"""Compare with three adapters of one base in real Chromium: streamed answers, one evaluation, config diff."""

import re
import shutil

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.conftest import (
    LiveServer,
    demo_paths,
    new_data_root,
    train_demo_session,
    wait_for,
)

pytestmark = pytest.mark.browser
PROMPT = "What is the capital of Veloria?"


@pytest.fixture(scope="module")
def three(tmp_path_factory, demo_cache):
    """A trained session and two adapters imported from its earlier checkpoints (real, different weights)."""
    tmp_path = tmp_path_factory.mktemp("multi-compare")
    root = new_data_root(tmp_path, demo_cache)
    server = LiveServer(root).start()
    http = server.client()
    run_id = train_demo_session(http, demo_paths(root), "trio")
    adapters = root / "runs" / run_id / "adapters"
    ids = [run_id]
    for step in (25, 50):
        folder = tmp_path / f"step-{step}"
        folder.mkdir()
        shutil.copy(adapters / "adapter_config.json", folder)
        shutil.copy(adapters / f"{step:07d}_adapters.safetensors", folder / "adapters.safetensors")
        imported = http.post("/adapters/import", json={"path": str(folder), "name": f"trio-step-{step}"})
        assert imported.status_code == 201, imported.text
        ids.append(imported.json()["run_id"])
    yield server, http, ids, root
    server.stop()


def test_three_adapters_beside_the_base(three, page):
    server, http, ids, _ = three
    page.goto(f"{server.url}/#/compare")
    card = page.get_by_test_id("multi-compare")
    for sid in ids:
        page.get_by_test_id(f"multi-pick-{sid}").check()
    page.get_by_test_id("multi-prompt").fill(PROMPT)
    page.get_by_test_id("multi-generate").click()
    for key in ("base", "0", "1", "2"):
        expect(card.get_by_test_id(f"multi-answer-{key}")).to_have_attribute("data-status", "done", timeout=60_000)
    # each column is exactly what the API answers for that model
    body = {"prompt": PROMPT, "temperature": 0.0, "max_tokens": 64}
    expected = [http.post("/model/test-base", json={**body, "session_id": ids[0]}).json()["response"]]
    expected += [http.post("/model/test", json={**body, "session_id": sid}).json()["response"] for sid in ids]
    shown = [card.get_by_test_id(f"multi-answer-{k}").get_by_test_id("multi-answer-text").inner_text()
             for k in ("base", "0", "1", "2")]
    assert [s.strip() for s in shown] == [e.strip() for e in expected]
    # one evaluation: the base once, a score card per adapter
    page.get_by_test_id("multi-evaluate").click()
    expect(card.get_by_test_id("multi-score-cards")).to_be_visible(timeout=120_000)
    expect(card.get_by_test_id("multi-score-cards").locator("li")).to_have_count(4)
    evals = http.get(f"/sessions/{ids[0]}").json()["evaluations"]
    result = evals[0]["result"]
    assert [a["session_id"] for a in result["adapters"]] == ids
    shown_nll = card.get_by_test_id("multi-score-2-nll_score").inner_text()
    # the card shows the stored score (to two decimals, trailing zeros dropped) before its delta
    shown_value = float(re.match(r"-?[\d.]+", shown_nll).group())
    assert abs(shown_value - result['adapters'][2]['scores']['nll_score']) < 0.006, (shown_nll, result)
    # the config diff lists only fields that differ (the imported ones have no training data path)
    diff = card.get_by_test_id("multi-config-diff")
    expect(diff.get_by_test_id("multi-diff-train_data_path")).to_be_visible()
    expect(diff.get_by_test_id("multi-diff-lora_rank")).to_have_count(0)
    screenshot(page, "compare-multi", 1280)
    # an exported fused model is a column of its own and answers like its adapter
    r = http.post(f"/sessions/{ids[0]}/export", json={"format": "mlx"})
    assert r.status_code == 202, r.text
    wait_for(lambda: http.get(f"/exports/{r.json()['export_id']}").json()["state"] == "completed", timeout=120,
             what="export")
    page.reload()
    page.get_by_test_id(f"multi-pick-{ids[0]}").check()
    page.get_by_test_id(f"multi-pick-export-{r.json()['name']}").check()
    page.get_by_test_id("multi-prompt").fill(PROMPT)
    page.get_by_test_id("multi-generate").click()
    fused = card.get_by_test_id("multi-answer-export-0")
    expect(fused).to_have_attribute("data-status", "done", timeout=60_000)
    expect(card.get_by_test_id("multi-answer-0")).to_have_attribute("data-status", "done", timeout=60_000)
    assert fused.get_by_test_id("multi-answer-text").inner_text().strip() == expected[1].strip()
    assert page.errors == []


def test_an_imported_adapter_is_evaluated_in_compare_on_a_given_dataset(three, page):
    server, http, ids, root = three
    assert http.post(f"/sessions/{ids[1]}/load").status_code == 200
    page.goto(f"{server.url}/#/compare")
    expect(page.get_by_test_id("compare-page")).to_have_attribute("data-session-id", ids[1])
    page.get_by_test_id("eval-num-questions").fill("3")
    page.get_by_test_id("eval-max-tokens").fill("16")
    page.get_by_test_id("evaluate-button").click()
    expect(page.get_by_test_id("evaluation-error")).to_contain_text("no held-out data")
    page.get_by_test_id("evaluation-error-dismiss").click()
    page.get_by_test_id("eval-dataset-path").fill(str(root / "demo" / "datasets" / "sft" / "valid.jsonl"))
    page.get_by_test_id("evaluate-button").click()
    results = page.get_by_test_id("evaluation-results")
    expect(results).to_be_visible(timeout=120_000)
    expect(page.get_by_test_id("evaluation-summary")).to_contain_text("3 held-out samples (dataset_path)")
    assert page.errors == []
