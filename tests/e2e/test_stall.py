"""The stall watchdog on real runs: a runner frozen with SIGSTOP (a real wedge: it holds its place but
completes no step) is declared stalled within its stall_timeout_s plus the stop grace; a run with the
same short timeout but steady steps is not."""

import os
import signal
import time
from pathlib import Path

import pytest

from backend.training.jobs import LAUNCHER_TEARDOWN, RANK_FAILURE_GRACE
from backend.training.watchdog import process_state
from tests.conftest import wait_for, wait_for_state
from tests.e2e.test_distributed import LOOPBACK_2, processes_of, rank_record
from tests.e2e.test_sft_run import load_and_generate, start_body
from tests.e2e.wsclient import EventRecorder

pytestmark = pytest.mark.e2e
STALL_S = 8
# declared at most one poll after the timeout; then SIGTERM after the teardown pause, SIGKILL after
# the grace; plus the monitor's final poll and a margin for this shared, busy machine
ENDED_WITHIN = STALL_S + LAUNCHER_TEARDOWN + RANK_FAILURE_GRACE + 10


def _resume_all(pids):
    for pid in pids:  # nothing of a failed test may stay frozen
        try:
            os.kill(pid, signal.SIGCONT)
        except OSError:
            pass


def _wait_step(http, step: int):
    wait_for(lambda: (http.get("/training/status").json()["metrics"].get("step") or 0) >= step,
             timeout=180, what=f"step {step}")


def _watch_until_ended(http, timeout: float) -> tuple[dict, float]:
    """Polls status until the run ends; returns it and the largest idle_s shown while it was active."""
    most_idle = 0.0
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        s = http.get("/training/status").json()
        if s["state"] in ("error", "stopped", "completed"):
            return s, most_idle
        if s["state"] == "running" and s.get("stall"):
            most_idle = max(most_idle, s["stall"]["idle_s"])
        time.sleep(0.25)
    raise AssertionError(f"the run did not end within {timeout}s")


def test_frozen_runner_is_declared_stalled_and_keeps_its_checkpoint(live_server, demo):
    http = live_server.client()
    ws = EventRecorder(live_server.ws_url)
    r = http.post("/training/start", json=start_body(
        demo, adapter_name="wedged", iterations=3000, steps_per_report=2, steps_per_eval=1000,
        save_every=4, stall_timeout_s=STALL_S))
    assert r.status_code == 201, r.text
    run_id = r.json()["run_id"]
    assert r.json()["config"]["stall_timeout_s"] == STALL_S
    _wait_step(http, 6)
    snap = http.get("/training/status").json()["stall"]
    assert snap["timeout_s"] == STALL_S and snap["warn_after_s"] == STALL_S / 2 and snap["beating"]
    pids = processes_of(run_id)
    assert len(pids) == 1
    try:
        os.kill(pids[0], signal.SIGSTOP)
        frozen_at = time.monotonic()
        wait_for(lambda: process_state(pids[0]) in ("T", "t"), timeout=5, what="frozen")
        final, most_idle = _watch_until_ended(http, ENDED_WITHIN)
        took = time.monotonic() - frozen_at
    finally:
        _resume_all(pids)
    assert final["state"] == "error", final
    assert final["error"].startswith("stalled: no step for "), final["error"]
    assert "(rank 0 last seen at step " in final["error"]
    seconds = int(final["error"].split("no step for ")[1].split()[0])
    assert STALL_S <= seconds <= STALL_S + 2
    assert STALL_S < took <= ENDED_WITHIN
    # the Training tab's warning had something to show before the stall was declared
    assert STALL_S / 2 <= most_idle <= STALL_S + 1
    notes = [e for e in ws.of_type("notification", run_id) if e["data"]["title"] == "Training stalled"]
    assert notes and notes[0]["data"]["level"] == "error" and "stalled: no step for" in notes[0]["data"]["message"]
    err = ws.wait_for("training_error", run_id, timeout=10)
    assert err["data"]["stalled"] is True and err["data"]["message"] == final["error"]
    wait_for(lambda: processes_of(run_id) == [], timeout=15, what="runner gone")
    adapters = live_server.data_root / "runs" / run_id / "adapters"
    ckpts = sorted(p.name for p in adapters.glob("*_adapters.safetensors"))
    assert ckpts, "the last checkpoint is kept"
    assert load_and_generate(demo["model"], str(adapters)).strip()
    logs = http.get("/training/logs", params={"run_id": run_id, "tail": 50}).json()["lines"]
    assert any(line.startswith("[studio] stalled: no step for") for line in logs)
    # a stalled run resumes from its last checkpoint like any failed run
    resumed = http.post(f"/sessions/{run_id}/resume")
    assert resumed.status_code == 201, resumed.text
    assert http.post("/training/stop").status_code == 200
    wait_for_state(http, {"stopped", "error"}, timeout=60)
    ws.close()


def test_steady_run_with_a_short_timeout_is_not_declared_stalled(live_server, demo):
    """Steps every fraction of a second, validations (25 batches) and saves in between: never silent
    for 5 s, so it completes."""
    http = live_server.client()
    r = http.post("/training/start", json=start_body(
        demo, adapter_name="steady", iterations=60, steps_per_report=10, steps_per_eval=20,
        save_every=20, stall_timeout_s=5))
    assert r.status_code == 201, r.text
    final, most_idle = _watch_until_ended(http, 240)
    assert final["state"] == "completed", final
    assert final["error"] is None and final["metrics"]["step"] == 60
    assert most_idle < 5


def test_frozen_rank_of_two_is_named(live_server, demo):
    """Rank 1 frozen: rank 0 waits inside the all-reduce, so both are silent; the watchdog names the
    frozen one (the kernel shows it stopped) and the step it was last seen at."""
    http = live_server.client()
    r = http.post("/training/start", json=start_body(
        demo, batch_size=2, adapter_name="frozen-rank", iterations=3000, steps_per_report=2,
        steps_per_eval=1000, save_every=4, stall_timeout_s=STALL_S, distributed=LOOPBACK_2))
    assert r.status_code == 201, r.text
    run_id = r.json()["run_id"]
    run_dir = live_server.data_root / "runs" / run_id
    _wait_step(http, 6)
    pid1 = rank_record(run_dir, 1)["pid"]
    try:
        os.kill(pid1, signal.SIGSTOP)
        final, _ = _watch_until_ended(http, ENDED_WITHIN)
    finally:
        _resume_all([pid1])
    assert final["state"] == "error", final
    assert final["error"].startswith("stalled: no step for ")
    step = int(Path(run_dir / "heartbeat" / "rank1").read_text().split()[0])
    assert final["error"].endswith(f"(rank 1 on 127.0.0.1 last seen at step {step})"), final["error"]
    wait_for(lambda: processes_of(run_id) == [], timeout=20, what="launcher and ranks gone")
