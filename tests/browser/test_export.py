"""The Sessions tab's Export card in real Chromium against the real server, on a really trained adapter."""

import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.conftest import (
    LiveServer,
    demo_paths,
    new_data_root,
    train_demo_session,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def trained(tmp_path_factory, demo_cache):
    root = new_data_root(tmp_path_factory.mktemp("ui-export"), demo_cache)
    server = LiveServer(root).start()
    http = server.client()
    yield server, http, train_demo_session(http, demo_paths(root), "ui-export"), root
    server.stop()


def test_export_from_the_sessions_tab_shows_the_verification(trained, page):
    server, http, run_id, root = trained
    page.goto(f"{server.url}/#/sessions")
    page.get_by_test_id(f"session-row-{run_id}").click()
    card = page.get_by_test_id("session-export")
    expect(card).to_be_visible()
    page.get_by_test_id("export-format").select_option("mlx")
    page.get_by_test_id("export-start").click()
    item = card.get_by_test_id("export-item").first
    expect(item).to_have_attribute("data-state", "completed", timeout=120_000)
    verdict = item.get_by_test_id("export-verdict")
    expect(verdict).to_have_attribute("data-ok", "true")
    expect(verdict).to_contain_text("4/4 answers identical")
    path = item.get_by_test_id("export-path").inner_text()
    assert Path(path) == root / "exports" / "ui-export-mlx-final" and (Path(path) / "config.json").is_file()
    expect(item.get_by_test_id("export-commands")).to_contain_text(f"mlx_lm.generate --model {path}")
    expect(item.get_by_test_id("export-commands")).to_contain_text("--adapter-path")
    # a PEFT export next: the ΔW check and the round trip, newest first
    page.get_by_test_id("export-format").select_option("peft")
    page.get_by_test_id("export-start").click()
    newest = card.get_by_test_id("export-item").first
    expect(newest).to_have_attribute("data-format", "peft")
    expect(newest).to_have_attribute("data-state", "completed", timeout=120_000)
    expect(newest.get_by_test_id("export-delta")).to_have_attribute("data-ok", "true")
    expect(newest.get_by_test_id("export-verdict")).to_contain_text("4/4 answers identical")
    expect(newest.get_by_test_id("export-commands")).to_contain_text("PeftModel.from_pretrained")
    # the server agrees with what the page shows
    listed = http.get("/exports", params={"session_id": run_id}).json()
    assert [e["format"] for e in listed] == ["peft", "mlx"] and all(e["verification"]["ok"] for e in listed)
    screenshot(page, "sessions-export", 1280)
    newest.get_by_test_id("export-delete").click()
    expect(card.get_by_test_id("export-item")).to_have_count(1)
    assert len(http.get("/exports", params={"session_id": run_id}).json()) == 1
    assert page.errors == []


def test_a_quantized_base_offers_dequantize_and_the_dequantized_export_matches(trained, page, tmp_path):
    server, http, run_id, root = trained
    q4 = tmp_path / "demo-4bit"
    subprocess.run([sys.executable, "-m", "mlx_lm", "convert", "--hf-path", str(root / "demo" / "model"),
                    "--mlx-path", str(q4), "-q", "--q-bits", "4", "--q-group-size", "32"], check=True, capture_output=True)
    r = http.post("/adapters/import", json={"path": str(root / "runs" / run_id / "adapters"), "model_path": str(q4),
                                            "name": "on-4bit"})
    assert r.status_code == 201, r.text
    sid = r.json()["run_id"]
    page.goto(f"{server.url}/#/sessions/{sid}")
    card = page.get_by_test_id("session-export")
    page.get_by_test_id("export-start").click()
    first = card.get_by_test_id("export-item").first
    expect(first).to_have_attribute("data-state", "completed", timeout=120_000)
    expect(first.get_by_test_id("export-note")).to_contain_text("4-bit")
    expect(first.get_by_test_id("export-update-error")).to_contain_text("Quantized base")
    first.get_by_test_id("export-dequantize-again").click()
    newest = card.get_by_test_id("export-item").first
    expect(newest).to_contain_text("dequantized")
    expect(newest).to_have_attribute("data-state", "completed", timeout=120_000)
    expect(newest.get_by_test_id("export-verdict")).to_have_attribute("data-ok", "true")
    expect(newest.get_by_test_id("export-verdict")).to_contain_text("4/4 answers identical")
    expect(newest.get_by_test_id("export-dequantize-again")).to_have_count(0)
    assert page.errors == []
