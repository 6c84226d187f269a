"""RunMonitor turns runner events into the run's record: what a finished run keeps for the Training tab."""

import json
import subprocess
import sys

from backend.runs.events import EventHub
from backend.runs.layout import RunFiles
from backend.runs.store import RunStore
from backend.training.monitor import RunMonitor


def make_monitor(tmp_path):
    store = RunStore(tmp_path / "studio.db")
    hub = EventHub(store)
    files = RunFiles(tmp_path / "runs" / "r1")
    files.root.mkdir(parents=True)
    store.create_run({"id": "r1", "kind": "sft", "name": "r1", "model_path": "/m", "adapter_name": "a",
                      "state": "running", "config": {}, "total_steps": 40, "summary": {}})
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    monitor = RunMonitor("r1", proc, files, store, hub, on_exit=lambda _id: None)
    return monitor, store


def emit(monitor, event: dict) -> None:
    """What the runner does (a line in events.jsonl), then what the monitor's poll does (drain)."""
    with monitor.files.events.open("a", encoding="utf-8") as f:
        f.write(json.dumps(event) + "\n")
    monitor._events.drain()


def progress(step, **kw):
    return {"type": "progress", "step": step, "total": 40, "train_loss": 1.0, "learning_rate": 1e-3,
            "it_per_sec": 4.0, "step_time": 0.25, "tokens_per_sec": 800.0, "trained_tokens": 100 * step,
            "peak_mem_gb": 0.02, "eta_seconds": 1.0, **kw}


def test_a_finished_run_keeps_its_last_report_checkpoint_and_end(tmp_path):
    monitor, store = make_monitor(tmp_path)
    emit(monitor, progress(10))
    emit(monitor, {"type": "checkpoint", "step": 10, "file": "0000010_adapters.safetensors"})
    emit(monitor, progress(20, tokens_per_sec=900.0))
    emit(monitor, {"type": "completed", "step": 20, "final_train_loss": 0.9, "final_val_loss": None,
                     "best_val_loss": None, "early_stopped": False})
    monitor._finish(0)
    run = store.get_run("r1")
    s = run["summary"]
    assert run["state"] == "completed" and run["steps_completed"] == 20
    assert s["last_progress"] == {"learning_rate": 1e-3, "it_per_sec": 4.0, "step_time": 0.25,
                                  "tokens_per_sec": 900.0, "trained_tokens": 2000, "peak_mem_gb": 0.02}
    assert s["last_checkpoint_step"] == 10
    assert s["ended_at"] >= run["created_at"]


def test_early_stop_is_announced_with_the_step_the_run_ended_at(tmp_path):
    monitor, store = make_monitor(tmp_path)
    emit(monitor, progress(20))
    # the validation before step 25 (24 steps done) decides to stop; step 25 still completes
    emit(monitor, {"type": "early_stop", "step": 24, "best_val_loss": 0.5, "patience": 3})
    assert [e for e in store.run_events("r1") if e["type"] == "notification"] == []
    emit(monitor, {"type": "completed", "step": 25, "final_train_loss": 0.9, "final_val_loss": 0.6,
                     "best_val_loss": 0.5, "early_stopped": True})
    monitor._finish(0)
    [note] = [e for e in store.run_events("r1") if e["type"] == "notification"]
    assert "after step 25" in note["data"]["message"] and "3 evaluations" in note["data"]["message"]
    assert store.get_run("r1")["steps_completed"] == 25
