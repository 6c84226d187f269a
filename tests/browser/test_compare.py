"""The Compare tab in real Chromium against the real server, on an adapter really trained on the demo set.

One short SFT run is shared by the module (its own server and data root). The flows: load the session
through the modal, paste (a synthetic paste event, then the Electron bridge's clipboard), generate both
answers, evaluate base vs adapter (progress, then score cards where the adapter wins), history across a
reload, a legacy session, and an evaluation failure shown in the error panel.
"""

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import load_then_lose_adapter, screenshot
from tests.conftest import (
    LiveServer,
    demo_paths,
    new_data_root,
    train_demo_session,
    wait_for,
    wait_for_state,
)

pytestmark = pytest.mark.browser

PROMPT = "What is the capital of Veloria?"
FAKE_BRIDGE = """
window.__bridgeCalls = [];
window.electronAPI = {
  platform: 'linux',
  clipboard: {
    readText: async () => { window.__bridgeCalls.push(['clipboard.readText']); return %s; },
    writeText: async (text) => { window.__bridgeCalls.push(['clipboard.writeText', text]); },
  },
  openFile: async (filters) => { window.__bridgeCalls.push(['openFile', filters]); return null; },
  selectDirectory: async () => { window.__bridgeCalls.push(['selectDirectory']); return null; },
  onMenu: () => () => {},
};
""" % json.dumps(PROMPT)

# Paste as the browser does on Ctrl+V: a ClipboardEvent whose clipboardData holds the text.
SYNTHETIC_PASTE = """([selector, text]) => {
  const el = document.querySelector(selector);
  el.focus();
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const ev = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
  el.dispatchEvent(ev);
  return ev.defaultPrevented;
}"""
PROMPT_INPUT = '[data-testid="prompt-input"]'


@pytest.fixture(scope="module")
def trained(tmp_path_factory, demo_cache):
    root = new_data_root(tmp_path_factory.mktemp("compare"), demo_cache)
    demo = demo_paths(root)
    server = LiveServer(root).start()
    http = server.client()
    run_id = train_demo_session(http, demo, "compare", save_every=40)
    yield SimpleNamespace(server=server, url=server.url, http=http, run_id=run_id, root=root, demo=demo)
    server.stop()


def load_through_modal(page, session_id: str, readiness: tuple[str, ...]) -> None:
    page.get_by_test_id("open-load-session").click()
    modal = page.get_by_test_id("load-session-modal")
    expect(modal).to_be_visible()
    badge = page.get_by_test_id(f"load-readiness-{session_id}")
    expect(badge).to_have_attribute("data-readiness", re.compile(f"^({'|'.join(readiness)})$"))
    page.get_by_test_id(f"load-session-{session_id}").click()
    expect(modal).to_have_count(0)
    expect(page.get_by_test_id("compare-page")).to_have_attribute("data-session-id", session_id)


def set_generation(page, max_tokens: int = 24) -> None:
    page.get_by_test_id("gen-max_tokens").fill(str(max_tokens))
    page.get_by_test_id("gen-temperature").fill("0")


def generate(page) -> tuple[str, str]:
    page.get_by_test_id("generate-button").click()
    for side in ("base", "adapter"):
        expect(page.get_by_test_id(f"answer-{side}")).to_have_attribute("data-status", "done", timeout=60_000)
    return (page.get_by_test_id("answer-base-text").inner_text().strip(),
            page.get_by_test_id("answer-adapter-text").inner_text().strip())


def test_load_paste_generate_evaluate_history(trained, page):
    page.goto(trained.url + "/#/compare")
    expect(page.get_by_test_id("adapter-card")).to_contain_text("None loaded")
    expect(page.get_by_test_id("evaluate-button")).to_be_disabled()  # no session loaded
    load_through_modal(page, trained.run_id, ("ready", "best_available"))
    badge = page.get_by_test_id("adapter-readiness")
    labels = {"ready": "Ready", "best_available": "Best checkpoint available"}
    expect(badge).to_have_text(labels[badge.get_attribute("data-readiness")])
    expect(page.get_by_test_id("adapter-lora")).to_contain_text("rank32")
    expect(page.get_by_test_id("base-readiness")).to_have_attribute("data-readiness", "ready")
    expect(page.get_by_test_id("checkpoint-best")).to_be_enabled()  # the run kept a best checkpoint

    # paste at the caret (a synthetic paste event), one undoable edit; the current text is kept
    prompt = page.get_by_test_id("prompt-input")
    prompt.fill("draft")
    prompt.evaluate("el => el.setSelectionRange(5, 5)")
    assert page.evaluate(SYNTHETIC_PASTE, [PROMPT_INPUT, " (pasted)"]) is True
    expect(prompt).to_have_value("draft (pasted)")
    expect(prompt).to_have_attribute("data-paste-source", "event")
    page.keyboard.press("Control+z")
    expect(prompt).to_have_value("draft")
    prompt.fill("")
    page.evaluate(SYNTHETIC_PASTE, [PROMPT_INPUT, PROMPT])
    expect(prompt).to_have_value(PROMPT)
    expect(page.get_by_test_id("paste-status")).to_contain_text("keyboard paste")

    set_generation(page)
    base, adapter = generate(page)
    assert base and adapter and base != adapter, (base, adapter)
    assert "Mirth" in adapter and "Mirth" not in base  # the trained fact, on a held-out wording
    expect(page.get_by_test_id("answer-adapter-stats")).to_contain_text("tok/s")
    page.get_by_test_id("rate-current-5").click()
    expect(page.get_by_test_id("history-list").locator("li")).to_have_count(1)

    # evaluation: the progress meter, then score cards where the adapter wins
    page.get_by_test_id("eval-num-questions").fill("6")
    page.get_by_test_id("eval-max-tokens").fill("24")
    page.evaluate("""() => {
      window.__progressSeen = [];
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="evaluation-progress"]');
        const done = !!document.querySelector('[data-testid="evaluation-results"]');
        if (bar) window.__progressSeen.push([bar.getAttribute('data-value'), done]);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    }""")
    page.get_by_test_id("evaluate-button").click()
    expect(page.get_by_test_id("evaluation-results")).to_be_visible(timeout=90_000)
    seen = page.evaluate("window.__progressSeen")
    assert seen and seen[0][1] is False, seen  # the meter showed before the results
    expect(page.get_by_test_id("evaluation-progress")).to_have_attribute("data-value", "100.0")
    nll = page.get_by_test_id("score-delta-nll_score")  # 100 / perplexity of the reference answers
    assert float(nll.get_attribute("data-delta")) > 0
    expect(nll).to_have_text(re.compile(r"^\+\d"))
    expect(nll).to_have_attribute("data-tone", "better")
    expect(page.get_by_test_id("score-card-token_f1")).to_be_visible()
    f1 = page.get_by_test_id("score-delta-token_f1")  # the greedy answers themselves got better
    assert float(f1.get_attribute("data-delta")) > 0
    expect(page.get_by_test_id("evaluation-summary")).to_contain_text("6 held-out samples")
    page.get_by_test_id("samples").locator("summary").click()
    expect(page.get_by_test_id("samples-table").locator("tbody tr")).to_have_count(6)
    for width in (1280, 375):
        screenshot(page, "compare", width)
    page.set_viewport_size({"width": 1280, "height": 900})

    # history and the rating survive a reload; the last evaluation is shown again
    page.reload()
    entries = page.get_by_test_id("history-list").locator("li")
    expect(entries).to_have_count(1)
    expect(entries.first).to_contain_text(PROMPT)
    expect(entries.first.locator('[data-testid^="history-rating-"]').first).to_have_attribute("data-value", "5")
    expect(page.get_by_test_id("evaluation-results")).to_be_visible()
    assert page.errors == []  # type: ignore[attr-defined]


def test_electron_bridge_paste_with_a_legacy_session(trained, page):
    """A legacy session (imported from the older app, LoRA fields defaulted) with the trained adapter's
    files; the prompt comes through window.electronAPI.clipboard.readText via the Paste button."""
    adapters = Path(trained.root) / "runs" / trained.run_id / "adapters"
    r = trained.http.post("/sessions/import", json={
        "name": "legacy-import", "status": "completed", "adapter_path": str(adapters),
        "config": {"model_path": trained.demo["model"], "train_data_path": trained.demo["train"],
                   "adapter_name": "legacy-import", "iterations": 40}})
    assert r.status_code == 200, r.text
    [legacy_id] = r.json()["imported"]

    page.add_init_script(FAKE_BRIDGE)
    page.goto(trained.url + "/#/compare")
    load_through_modal(page, legacy_id, ("legacy",))
    expect(page.get_by_test_id("adapter-readiness")).to_have_text("Legacy")

    page.get_by_test_id("prompt-input").fill("")
    page.get_by_test_id("paste-button").click()
    expect(page.get_by_test_id("prompt-input")).to_have_value(PROMPT)
    expect(page.get_by_test_id("paste-status")).to_contain_text("desktop clipboard")
    assert ["clipboard.readText"] in page.evaluate("window.__bridgeCalls")

    set_generation(page)
    base, adapter = generate(page)
    assert base != adapter, (base, adapter)
    page.get_by_test_id("copy-adapter").click()
    expect(page.get_by_test_id("copy-adapter")).to_have_attribute("data-state", "copied")
    wait_for(lambda: ["clipboard.writeText", adapter] in page.evaluate("window.__bridgeCalls"), timeout=5,
             what="writeText through the bridge")
    assert page.errors == []  # type: ignore[attr-defined]


def test_enhanced_attention_only_adapter(trained, page):
    """A GSPO adapter from Enhanced Setup (attention-only LoRA keys, prompt/answer data) compares and evaluates too."""
    d = Path(trained.root) / "demo" / "datasets" / "grpo"
    r = trained.http.post("/training/start-enhanced", json={
        "model_path": trained.demo["model"], "train_data_path": str(d / "train.jsonl"), "val_data_path": str(d / "valid.jsonl"),
        "training_method": "gspo", "adapter_name": "gspo-compare", "iterations": 4, "steps_per_report": 2,
        "steps_per_eval": 100, "save_every": 2, "group_size": 2, "max_completion_length": 10, "learning_rate": 5e-4,
        "val_batches": 1})
    assert r.status_code == 201, r.text
    run_id = r.json()["run_id"]
    assert wait_for_state(trained.http, {"completed", "error", "stopped"}, timeout=300)["state"] == "completed"

    page.goto(trained.url + "/#/compare")
    load_through_modal(page, run_id, ("ready", "best_available"))
    expect(page.get_by_test_id("adapter-card")).to_contain_text("GSPO · attention-only")
    expect(page.get_by_test_id("adapter-lora")).to_contain_text("rank8")
    page.get_by_test_id("prompt-input").fill("What is 2 + 3?")
    set_generation(page, max_tokens=12)
    generate(page)
    page.get_by_test_id("eval-num-questions").fill("2")
    page.get_by_test_id("eval-max-tokens").fill("12")
    page.get_by_test_id("evaluate-button").click()
    expect(page.get_by_test_id("evaluation-results")).to_be_visible(timeout=90_000)
    expect(page.get_by_test_id("evaluation-summary")).to_contain_text("2 held-out samples")
    expect(page.get_by_test_id("score-card-nll_score")).to_be_visible()
    assert page.errors == []  # type: ignore[attr-defined]


def test_evaluation_failure_shows_the_error_panel(trained, page):
    """A session whose adapter files were deleted: the server's 409 detail appears in a dismissible panel."""
    r = trained.http.post("/sessions/import", json={
        "name": "gone", "status": "completed",
        "config": {"model_path": trained.demo["model"], "train_data_path": trained.demo["train"], "adapter_name": "gone"}})
    [gone_id] = r.json()["imported"]
    load_then_lose_adapter(trained.http, trained.root / "runs", gone_id)  # loaded elsewhere: the event updates the page

    page.goto(trained.url + "/#/compare")
    expect(page.get_by_test_id("compare-page")).to_have_attribute("data-session-id", gone_id)
    expect(page.get_by_test_id("adapter-readiness")).to_have_text("Missing files")
    page.get_by_test_id("eval-num-questions").fill("2")
    page.get_by_test_id("evaluate-button").click()
    panel = page.get_by_test_id("evaluation-error")
    expect(panel).to_be_visible()
    expect(page.get_by_test_id("evaluation-error-message")).to_contain_text("has no adapter files")
    expect(page.get_by_test_id("evaluate-button")).to_be_enabled()
    for width in (1280, 375):
        screenshot(page, "compare-error", width)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_test_id("evaluation-error-dismiss").click()
    expect(panel).to_have_count(0)

    # and the trained session, its final adapter deleted on disk once loaded, fails the same way
    # (a session already without files cannot be loaded: see test_new_user.py)
    load_through_modal(page, trained.run_id, ("ready", "best_available"))
    (Path(trained.root) / "runs" / trained.run_id / "adapters" / "adapters.safetensors").unlink()
    page.get_by_test_id("evaluate-button").click()
    expect(page.get_by_test_id("evaluation-error-message")).to_contain_text("adapters.safetensors")
    assert page.errors == []  # type: ignore[attr-defined]
