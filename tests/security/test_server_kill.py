"""kill -9 of the server: its runner stops by itself (adapter saved) and the next server start stores
every event the runner wrote while nobody listened, so the session ends as the run really did.

Real processes throughout: `python -m backend serve`, the mlx-lm runner on the demo model, SQLite.
"""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest

from backend.runs.layout import RunFiles
from backend.runs.store import RunStore
from backend.runs.event_types import RUNNER_TO_STUDIO as EVENT_MAP
from backend.training.runner.supervision import lock_holder
from tests.conftest import LiveServer, wait_for, wait_for_state

pytestmark = pytest.mark.e2e


def start_body(demo: dict, **kw) -> dict:
    return {"model_path": demo["model"], "train_data_path": demo["train"], "val_data_path": demo["valid"],
            "adapter_name": "kill", "learning_rate": 1e-3, "batch_size": 4, "steps_per_report": 2,
            "steps_per_eval": 10, "save_every": 4, **kw}


def runner_events(files: RunFiles) -> list[dict]:
    return [json.loads(line) for line in files.events.read_text().splitlines() if line.strip()]


def stored_runner_events(data_root: Path, run_id: str) -> list[dict]:
    store = RunStore(data_root / "studio.db")
    try:
        return store.run_events(run_id, set(EVENT_MAP.values()))
    finally:
        store.close()


def assert_db_has_every_runner_event(data_root: Path, run_id: str, files: RunFiles) -> list[dict]:
    """Each runner event that the studio publishes is stored exactly once, in the runner's order."""
    written = [e for e in runner_events(files) if e["type"] in EVENT_MAP]
    stored = stored_runner_events(data_root, run_id)
    assert [(EVENT_MAP[e["type"]], e.get("step")) for e in written] == \
           [(e["type"], e["data"].get("step")) for e in stored]
    seqs = [e["seq"] for e in stored]
    assert seqs == sorted(set(seqs))
    return written


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_runner_stops_within_seconds_of_a_server_kill_and_restart_ingests_its_events(data_root, demo):
    server = LiveServer(data_root).start()
    http = server.client()
    r = http.post("/training/start", json=start_body(demo, iterations=3000))
    assert r.status_code == 201, r.text
    run_id = r.json()["run_id"]
    files = RunFiles.for_run(data_root / "runs", run_id)
    wait_for(lambda: http.get("/training/status").json()["metrics"].get("step", 0) >= 6, what="step 6")
    runner = lock_holder(files.runner_lock)
    assert runner, "the live runner holds its lock"

    server.stop(kill=True)
    killed_at = time.monotonic()
    wait_for(lambda: lock_holder(files.runner_lock) is None, timeout=20, interval=0.1,
             what="the runner to stop after its server died")
    took = time.monotonic() - killed_at
    wait_for(lambda: gone(runner), timeout=10, what="the runner process to exit")
    written = runner_events(files)
    last = written[-1]
    assert last["type"] == "stopped", last
    stop_step = last["step"]
    assert 6 <= stop_step < 3000
    assert (files.adapters / f"{stop_step:07d}_adapters.safetensors").is_file()
    assert files.has_adapter()
    assert "server that started this run is gone" in files.log.read_text()
    print(f"runner stopped {took:.1f} s after the server was killed, at step {stop_step}")

    # The dead server stored only part of what the runner wrote.
    stored_before = stored_runner_events(data_root, run_id)
    assert len(stored_before) < len([e for e in written if e["type"] in EVENT_MAP])

    server2 = LiveServer(data_root).start()
    try:
        http2 = server2.client()
        session = http2.get(f"/sessions/{run_id}").json()
        assert session["state"] == "stopped", session
        assert "server went away" in session["error"]
        assert session["steps_completed"] == stop_step
        assert session["readiness"] == "incomplete"
        written = assert_db_has_every_runner_event(data_root, run_id, files)
        progress = [e for e in written if e["type"] == "progress"]
        assert [p["step"] for p in session["history"]["train"]] == [p["step"] for p in progress]
        assert session["final_train_loss"] == pytest.approx(progress[-1]["train_loss"])
        assert http2.get("/training/status").json()["state"] == "stopped"
        server2.stop()

        # Another restart stores nothing twice, and the run resumes from its last checkpoint.
        server2 = LiveServer(data_root).start()
        assert_db_has_every_runner_event(data_root, run_id, files)
        http2 = server2.client()
        r = http2.post(f"/sessions/{run_id}/resume")
        assert r.status_code == 201, r.text
        assert r.json()["resumed_from_step"] == stop_step
        wait_for(lambda: http2.get("/training/status").json()["state"] == "running", what="running")
        assert http2.post("/training/stop").status_code == 200
        assert wait_for_state(http2, {"stopped", "error"})["state"] == "stopped"
    finally:
        server2.stop()


def test_a_run_that_completes_while_the_server_is_down_is_completed(data_root, demo):
    server = LiveServer(data_root).start()
    http = server.client()
    r = http.post("/training/start", json=start_body(demo, iterations=16))
    assert r.status_code == 201, r.text
    run_id = r.json()["run_id"]
    files = RunFiles.for_run(data_root / "runs", run_id)
    wait_for(lambda: lock_holder(files.runner_lock), what="the runner to start")

    # The server hangs (its lock still held, so the runner trains on), the run ends, then the server
    # is killed: everything from the run's middle to its end was written while nobody listened.
    os.kill(server.proc.pid, signal.SIGSTOP)
    try:
        wait_for(lambda: lock_holder(files.runner_lock) is None, timeout=180, what="the run to end")
    finally:
        server.stop(kill=True)
    written = runner_events(files)
    assert written[-1]["type"] == "completed"
    assert len(stored_runner_events(data_root, run_id)) < len([e for e in written if e["type"] in EVENT_MAP])

    server2 = LiveServer(data_root).start()
    try:
        http2 = server2.client()
        session = http2.get(f"/sessions/{run_id}").json()
        assert session["state"] == "completed" and session["error"] is None, session
        assert session["steps_completed"] == 16 and session["readiness"] in ("ready", "best_available")
        written = assert_db_has_every_runner_event(data_root, run_id, files)
        assert [p["step"] for p in session["history"]["train"]] == \
               [e["step"] for e in written if e["type"] == "progress"] == list(range(2, 17, 2))
        checkpoints = [e["step"] for e in written if e["type"] == "checkpoint"]
        assert checkpoints == [4, 8, 12, 16]
        assert {f["name"] for f in session["adapter_files"]} >= {f"{s:07d}_adapters.safetensors" for s in checkpoints}
    finally:
        server2.stop()


def test_a_distributed_run_stops_on_every_rank_when_its_server_is_killed(data_root, demo):
    """Rank 0 sees its server's lock free and stops; every rank agrees on that step boundary."""
    from tests.e2e.test_distributed import LOOPBACK_2, rank_record

    server = LiveServer(data_root).start()
    http = server.client()
    r = http.post("/training/start", json=start_body(demo, batch_size=2, iterations=3000,
                                                     steps_per_eval=1000, distributed=LOOPBACK_2))
    assert r.status_code == 201, r.text
    run_id = r.json()["run_id"]
    files = RunFiles.for_run(data_root / "runs", run_id)
    wait_for(lambda: http.get("/training/status").json()["metrics"].get("step", 0) >= 4, timeout=180,
             what="step 4")
    server.stop(kill=True)
    wait_for(lambda: lock_holder(files.runner_lock) is None, timeout=30, what="rank 0 to stop")
    wait_for(lambda: rank_record(files.root, 1).get("state"), timeout=30, what="rank 1 to end")
    rec0, rec1 = rank_record(files.root, 0), rank_record(files.root, 1)
    assert rec0["state"] == rec1["state"] == "stopped" and rec0["step"] == rec1["step"], (rec0, rec1)
    assert runner_events(files)[-1]["type"] == "stopped"
    assert (files.adapters / f"{rec0['step']:07d}_adapters.safetensors").is_file()

    server2 = LiveServer(data_root).start()
    try:
        session = server2.client().get(f"/sessions/{run_id}").json()
        assert session["state"] == "stopped" and session["steps_completed"] == rec0["step"], session
        assert_db_has_every_runner_event(data_root, run_id, files)
    finally:
        server2.stop()
