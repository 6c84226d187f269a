"""The Training tab warns "No progress for N s" while a frozen run is silent, then shows the stall."""

import os
import re
import signal

import pytest
from playwright.sync_api import expect

from tests.conftest import wait_for
from tests.e2e.test_distributed import processes_of
from tests.e2e.test_sft_run import start_body

pytestmark = pytest.mark.browser
STALL_S = 16  # the warning shows after half of it


def test_frozen_run_warns_then_shows_the_stall(studio, page, demo):
    http = studio.client()
    page.goto(studio.url + "/#/training")
    r = http.post("/training/start", json=start_body(
        demo, adapter_name="frozen-ui", iterations=3000, steps_per_report=2, steps_per_eval=1000,
        save_every=4, stall_timeout_s=STALL_S))
    assert r.status_code == 201, r.text
    run_id = r.json()["run_id"]
    wait_for(lambda: (http.get("/training/status").json()["metrics"].get("step") or 0) >= 4, timeout=120,
             what="step 4")
    expect(page.get_by_test_id("no-progress")).to_have_count(0)  # steady steps: no warning
    [pid] = processes_of(run_id)
    os.kill(pid, signal.SIGSTOP)
    try:
        warning = page.get_by_test_id("no-progress")
        expect(warning).to_be_visible(timeout=(STALL_S / 2 + 6) * 1000)
        expect(warning).to_contain_text(re.compile(r"No progress for \d+ s"))
        expect(warning).to_contain_text(f"After {STALL_S} s without one")
        error = page.get_by_test_id("run-error")
        expect(error).to_contain_text("stalled: no step for", timeout=(STALL_S + 20) * 1000)
        expect(error).to_contain_text("(rank 0 last seen at step")
        expect(warning).to_have_count(0)  # the run has ended: the error says it all
    finally:
        try:
            os.kill(pid, signal.SIGCONT)
        except OSError:
            pass
    assert page.errors == []
