"""The SPA as the Electron shell runs it, in Chromium against the real server (no Electron binary).

window.electronAPI is injected with the preload's exact shape (see frontend/electron/shared/bridgeApi.ts)
and records every call into window.__bridgeCalls: the Setup Browse buttons use its dialogs, the menu
commands drive the SPA, Compare pastes and copies through its clipboard. The last test serves the API
with a token, as the shell does, and checks the SPA takes it from the URL and sends it.
"""

import base64
import hashlib
import json
import re
import secrets

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import load_then_lose_adapter
from tests.conftest import ROOT, LiveServer

pytestmark = pytest.mark.browser

PROMPT = "What is the capital of Veloria?"


def inject_bridge(page, *, directory: str | None = None, files: list[str] | None = None) -> None:
    """The preload bridge's surface, as a test double that records calls."""
    page.add_init_script("""
      window.__bridgeCalls = [];
      window.__files = %s;
      window.__menuListeners = [];
      window.__menu = (command) => window.__menuListeners.forEach((cb) => cb(command));
      window.electronAPI = Object.freeze({
        platform: 'linux',
        clipboard: {
          readText: async () => { window.__bridgeCalls.push(['clipboard.readText']); return %s; },
          writeText: async (text) => { window.__bridgeCalls.push(['clipboard.writeText', text]); },
        },
        openFile: async (filters) => { window.__bridgeCalls.push(['openFile', filters]); return window.__files.shift() ?? null; },
        selectDirectory: async () => { window.__bridgeCalls.push(['selectDirectory']); return %s; },
        onMenu: (cb) => {
          window.__menuListeners.push(cb);
          return () => { window.__menuListeners = window.__menuListeners.filter((x) => x !== cb); };
        },
      });
    """ % (json.dumps(files or []), json.dumps(PROMPT), json.dumps(directory)))


def calls(page) -> list:
    return page.evaluate("window.__bridgeCalls")


def shell_hooks(page, origin: str, token: str, csp: str) -> None:
    """What the shell's session.webRequest hooks do, through the DevTools protocol (Playwright's route
    would replace the real response, and Chromium then blocks the page's loopback websocket): the bearer
    token on the page's own files, the Content-Security-Policy on its HTML."""
    cdp = page.context.new_cdp_session(page)

    def paused(ev):
        rid, req = ev["requestId"], ev["request"]
        if "responseStatusCode" in ev:
            headers = [h for h in ev.get("responseHeaders", []) if h["name"].lower() != "content-security-policy"]
            cdp.send("Fetch.continueResponse", {"requestId": rid, "responseCode": ev["responseStatusCode"], "responseHeaders": headers + [
                {"name": "Content-Security-Policy", "value": csp}]})
        elif ev.get("resourceType") in ("Document", "Stylesheet", "Script", "Image", "Font"):
            headers = [{"name": k, "value": v} for k, v in req["headers"].items()]
            cdp.send("Fetch.continueRequest", {"requestId": rid, "headers": headers + [
                {"name": "Authorization", "value": f"Bearer {token}"}]})
        else:
            cdp.send("Fetch.continueRequest", {"requestId": rid})

    cdp.on("Fetch.requestPaused", paused)
    cdp.send("Fetch.enable", {"patterns": [
        {"urlPattern": f"{origin}/*", "requestStage": "Request"},
        {"urlPattern": f"{origin}/*", "resourceType": "Document", "requestStage": "Response"},
    ]})


def test_setup_browse_buttons_use_the_native_dialogs(studio, page, browser, demo):
    inject_bridge(page, directory=demo["model"], files=[demo["train"], demo["valid"]])
    page.goto(studio.url + "/#/setup")
    expect(page.get_by_test_id("setup-page")).to_be_visible()

    page.get_by_test_id("model-browse").click()
    expect(page.get_by_test_id("model-select")).to_have_value(demo["model"])
    assert ["selectDirectory"] in calls(page)

    page.get_by_test_id("setup-train-browse").click()
    expect(page.get_by_test_id("setup-train-path")).to_have_value(demo["train"])
    [(name, filters)] = [c for c in calls(page) if c[0] == "openFile"]
    assert any("jsonl" in f["extensions"] for f in filters), filters
    expect(page.get_by_test_id("setup-train-validation")).to_have_attribute("data-state", "ok")  # the server read it

    page.get_by_test_id("setup-val-browse").click()
    expect(page.get_by_test_id("setup-val-path")).to_have_value(demo["valid"])
    assert len([c for c in calls(page) if c[0] == "openFile"]) == 2

    # a cancelled dialog (null) changes nothing
    page.get_by_test_id("setup-val-browse").click()
    page.wait_for_timeout(200)
    expect(page.get_by_test_id("setup-val-path")).to_have_value(demo["valid"])

    # a dataset may be a folder: the folder dialog fills the path (the model folder holds no dataset)
    page.get_by_test_id("setup-train-browse-folder").click()
    expect(page.get_by_test_id("setup-train-path")).to_have_value(demo["model"])
    expect(page.get_by_test_id("setup-train-validation")).to_have_attribute("data-state", "refused")
    expect(page.get_by_test_id("setup-train-validation-message")).to_contain_text("holds no dataset")

    # in a plain browser there is no bridge and no Browse button
    plain = browser.new_page()
    try:
        plain.goto(studio.url + "/#/setup")
        expect(plain.get_by_test_id("setup-page")).to_be_visible()
        expect(plain.get_by_test_id("model-browse")).to_have_count(0)
    finally:
        plain.close()
    assert page.errors == []  # type: ignore[attr-defined]


def test_menu_commands_drive_the_spa(studio, page, demo):
    inject_bridge(page)
    page.goto(studio.url + "/#/compare")
    expect(page.get_by_test_id("compare-page")).to_be_visible()

    # File → Open Training Data…: the shell's dialog path lands in Setup's training-data field
    page.evaluate("(path) => window.__menu({ type: 'open-training-data', path })", demo["train"])
    expect(page).to_have_url(f"{studio.url}/#/setup")
    # a known dataset shows in the list, any other file in the path field
    chosen = page.locator('[data-testid="setup-train-path"], [data-testid="setup-dataset-select"]')
    expect(chosen).to_have_value(demo["train"])

    # View → Toggle Dark Theme
    dark = page.evaluate("document.documentElement.classList.contains('dark')")
    page.evaluate("window.__menu({ type: 'toggle-theme' })")
    html = expect(page.locator("html"))
    (html.not_to_have_class if dark else html.to_have_class)(re.compile(r"\bdark\b"))

    # Training → Start runs Setup's own Start: same validation (no model chosen yet), nothing starts
    page.evaluate("window.__menu({ type: 'start-training' })")
    expect(page.get_by_test_id("field-error-model_path")).to_be_visible()
    assert httpx.get(studio.url + "/training/status").json()["state"] == "idle"

    # Training → Stop posts /training/stop; with no run the server's answer is shown
    page.evaluate("window.__menu({ type: 'stop-training' })")
    expect(page.get_by_test_id("toasts")).to_contain_text("No run is active")
    assert page.errors == []  # type: ignore[attr-defined]


def test_compare_paste_and_copy_use_the_bridge_clipboard(studio, page, demo, data_root):
    http = httpx.Client(base_url=studio.url, timeout=30)
    r = http.post("/sessions/import", json={
        "name": "base-only", "status": "completed",
        "config": {"model_path": demo["model"], "train_data_path": demo["train"], "adapter_name": "base-only"}})
    [session_id] = r.json()["imported"]
    load_then_lose_adapter(http, data_root / "runs", session_id)

    inject_bridge(page)
    page.goto(studio.url + "/#/compare")
    expect(page.get_by_test_id("compare-page")).to_have_attribute("data-session-id", session_id)
    page.get_by_test_id("paste-button").click()
    expect(page.get_by_test_id("prompt-input")).to_have_value(PROMPT)
    assert calls(page) == [["clipboard.readText"]]

    page.get_by_test_id("gen-max_tokens").fill("16")
    page.get_by_test_id("gen-temperature").fill("0")
    page.get_by_test_id("generate-button").click()
    expect(page.get_by_test_id("answer-base")).to_have_attribute("data-status", "done", timeout=60_000)
    # this session has no adapter files: that side shows the server's message, the base side answers
    expect(page.get_by_test_id("answer-adapter-error")).to_contain_text("no adapter files")
    base = page.get_by_test_id("answer-base-text").inner_text().strip()
    assert base
    page.get_by_test_id("copy-base").click()
    expect(page.get_by_test_id("copy-base")).to_have_attribute("data-state", "copied")
    assert ["clipboard.writeText", base] in calls(page)
    assert page.errors == []  # type: ignore[attr-defined]


def test_spa_sends_the_api_token_it_was_opened_with(data_root, page):
    """The shell starts the server with a token and opens /?token=…; its request hooks authorise the
    page's own files and add its Content-Security-Policy (simulated with DevTools-protocol hooks); the SPA must send
    the token on every API call (Authorization: Bearer) and on the websocket (?token=), and run under
    that policy."""
    token = secrets.token_hex(16)
    server = LiveServer(data_root, extra_env={"LORA_STUDIO_TOKEN": token}).start()
    try:
        assert httpx.get(server.url + "/training/defaults").status_code == 401

        # The shell's Content-Security-Policy for the page (frontend/electron/security.ts), with the hash of
        # index.html's inline theme script, which the shell reads from the built file.
        html = (ROOT / "frontend" / "dist" / "index.html").read_text()
        hashes = " ".join("'sha256-%s'" % base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
                          for body in re.findall(r"<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)</script>", html))
        csp = (f"default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
               f"font-src 'self' data:; connect-src 'self' {server.ws_url.removesuffix('/ws')}; object-src 'none'; "
               "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
        shell_hooks(page, server.url, token, csp)
        violations: list[str] = []
        page.on("console", lambda msg: "Content Security Policy" in msg.text and violations.append(msg.text))
        api_auth: dict[str, str | None] = {}
        page.on("request", lambda req: req.resource_type == "fetch" and api_auth.setdefault(
            req.url.split("?")[0].removeprefix(server.url), req.headers.get("authorization")))
        page.goto(f"{server.url}/?token={token}#/setup")
        expect(page.get_by_test_id("setup-page")).to_be_visible()  # defaults came through
        expect(page.get_by_test_id("connection-status")).to_have_attribute("data-state", "open")
        assert "token" not in page.url  # moved out of the address bar
        assert api_auth.get("/training/defaults") == f"Bearer {token}", api_auth
        page.get_by_test_id("nav-compare").click()  # a page with inline-styled progress bars and cards
        expect(page.get_by_test_id("compare-page")).to_be_visible()
        page.reload()
        expect(page.get_by_test_id("compare-page")).to_be_visible()
        expect(page.get_by_test_id("connection-status")).to_have_attribute("data-state", "open")
        assert violations == [], violations
        assert page.errors == []  # type: ignore[attr-defined]
    finally:
        server.stop()
