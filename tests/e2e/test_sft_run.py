"""Real mlx-lm SFT runs on the demo model through a real server, websocket and SQLite."""

import os
import signal
import time
from pathlib import Path

import pytest
import yaml

from tests.conftest import start_body, wait_for, wait_for_state  # noqa: F401 (start_body: imported from here too)
from tests.e2e.wsclient import EventRecorder

pytestmark = pytest.mark.e2e


def load_and_generate(model_path: str, adapter_path: str) -> str:
    from mlx_lm import generate, load
    from mlx_lm.sample_utils import make_sampler

    model, tok = load(model_path, adapter_path=adapter_path)
    prompt = tok.apply_chat_template([{"role": "user", "content": "What is the capital of France?"}],
                                     add_generation_prompt=True)
    return generate(model, tok, prompt, max_tokens=8, sampler=make_sampler(temp=0.0))


def test_sft_with_defaults_end_to_end(live_server, demo):
    http = live_server.client()
    ws = EventRecorder(live_server.ws_url)
    ws.wait_for("training_state")
    # LoRA fields left at their defaults; only run length and speed knobs are set
    r = http.post("/training/start", json=start_body(demo, iterations=20, steps_per_report=5,
                                                     steps_per_eval=10, save_every=10))
    assert r.status_code == 201, r.text
    started = r.json()
    run_id = started["run_id"]

    cfg = yaml.safe_load(Path(started["yaml_path"]).read_text())
    lp = cfg["lora_parameters"]
    assert (lp["rank"], lp["alpha"], lp["scale"], lp["dropout"]) == (32, 32.0, 1.0, 0.0)
    assert cfg["num_layers"] == -1 and cfg["save_every"] == 10 and cfg["fine_tune_type"] == "lora"
    assert lp["keys"] == started["lora_targets"]["keys"] and "mlp.up_proj" in lp["keys"]
    parity = live_server.data_root / "parity" / "gui_training_config.yaml"
    assert parity.read_text() == Path(started["yaml_path"]).read_text()

    ws.wait_for("training_completed", run_id)
    final = http.get("/training/status").json()  # already final when the event arrives
    assert final["state"] == "completed", final
    assert final["config"]["lora_rank"] == 32 and final["metrics"]["step"] == 20

    # every kind of event arrived live over the websocket, LoRA fields included
    begin = ws.wait_for("training_started", run_id)
    assert begin["data"]["config"]["lora_alpha"] == 32 and begin["data"]["lora_targets"]["keys"] == lp["keys"]
    progress = ws.of_type("training_progress", run_id)
    assert [e["data"]["step"] for e in progress] == [5, 10, 15, 20]
    assert all(e["data"]["tokens_per_sec"] > 0 and e["data"]["train_loss"] > 0 for e in progress)
    assert ws.of_type("training_val", run_id) and ws.of_type("checkpoint_saved", run_id)
    done = ws.wait_for("training_completed", run_id)
    assert done["data"]["step"] == 20
    seqs = [e["seq"] for e in ws.events if e["seq"] is not None]
    assert seqs == sorted(seqs) and len(seqs) == len(set(seqs))

    # a client reconnecting with after_seq gets exactly the events it missed
    cut = progress[1]["seq"]
    missed = [e for e in ws.events if e["seq"] is not None and e["seq"] > cut]
    ws.close()
    again = EventRecorder(live_server.ws_url, after_seq=cut)
    wait_for(lambda: len(again.events) >= len(missed) + 1, timeout=10, what="replay")
    time.sleep(0.3)
    assert again.events[0]["type"] == "training_state" and again.events[0]["data"]["state"] == "completed"
    assert again.events[0]["data"]["last_seq"] >= missed[-1]["seq"]  # lets a fresh client skip history
    assert [e["seq"] for e in again.events[1:]] == [e["seq"] for e in missed]
    assert again.events[1:] == missed
    again.close()

    # the adapter is a standard mlx-lm adapter
    adapters = Path(live_server.data_root) / "runs" / run_id / "adapters"
    assert {"adapters.safetensors", "adapter_config.json", "0000010_adapters.safetensors",
            "0000020_adapters.safetensors"} <= {p.name for p in adapters.iterdir()}
    assert load_and_generate(demo["model"], str(adapters)).strip()

    # the session lists and reloads with identical LoRA fields
    [summary] = http.get("/sessions").json()
    assert summary["id"] == run_id and summary["state"] == "completed"
    assert summary["lora"] == {"rank": 32, "alpha": 32.0, "dropout": 0.0, "num_layers": -1, "scale": 1.0,
                               "fine_tune_type": "lora"}
    assert summary["readiness"] in ("ready", "best_available")
    detail = http.get(f"/sessions/{run_id}").json()
    for key in ("lora_rank", "lora_alpha", "lora_dropout", "lora_num_layers", "fine_tune_type", "save_every"):
        assert detail["config"][key] == started["config"][key]
    assert [p["step"] for p in detail["history"]["train"]] == [5, 10, 15, 20]
    assert "lora_parameters" in detail["yaml"]
    ws2 = EventRecorder(live_server.ws_url, after_seq=done["seq"])
    assert http.post(f"/sessions/{run_id}/load").json() == {"session_id": run_id}
    assert ws2.wait_for("session_loaded", run_id, timeout=10)["data"]["session_id"] == run_id
    ws2.close()
    logs = http.get("/training/logs", params={"run_id": run_id, "tail": 50}).json()["lines"]
    assert any("completed at step 20" in line for line in logs)
    # every event the run stored has its documented shape (GET /events validates each against ServerEvent)
    stored = http.get("/events").json()
    assert {"training_started", "training_progress", "training_val", "checkpoint_saved",
            "training_completed"} <= {e["type"] for e in stored}


def runner_pid(run_id: str) -> int:
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                cmd = Path(f"/proc/{pid}/cmdline").read_bytes().decode()
            except OSError:
                continue
            if "backend.training.runner.sft" in cmd and run_id in cmd:
                return int(pid)
    raise AssertionError(f"no runner process for {run_id}")


def test_stop_resume_kill_and_conflict(live_server, demo):
    http = live_server.client()
    body = start_body(demo, iterations=60, steps_per_report=2, steps_per_eval=20, save_every=4)
    run_id = http.post("/training/start", json=body).json()["run_id"]
    wait_for(lambda: http.get("/training/status").json()["metrics"].get("step", 0) >= 8, what="step 8")
    second = http.post("/training/start", json=body)
    assert second.status_code == 409 and run_id in second.json()["detail"]

    assert http.post("/training/stop").json()["state"] == "stopping"
    stopped = wait_for_state(http, {"stopped", "error"})
    assert stopped["state"] == "stopped" and stopped["error"] is None
    files = Path(live_server.data_root) / "runs" / run_id / "adapters"
    step_at_stop = stopped["metrics"]["step"]
    assert (files / f"{step_at_stop:07d}_adapters.safetensors").exists()
    assert load_and_generate(demo["model"], str(files)).strip()  # stop keeps a loadable adapter
    assert http.get("/sessions").json()[0]["readiness"] == "incomplete"

    resumed = http.post(f"/sessions/{run_id}/resume")
    assert resumed.status_code == 201 and resumed.json()["resumed_from_step"] == step_at_stop
    wait_for(lambda: http.get("/training/status").json()["metrics"].get("step", 0) >= step_at_stop + 6,
             what="progress after resume")
    os.kill(runner_pid(run_id), signal.SIGKILL)
    killed = wait_for_state(http, {"error"})
    assert "killed by SIGKILL" in killed["error"]

    last_ckpt = max(int(p.name[:7]) for p in files.glob("0*_adapters.safetensors"))
    assert last_ckpt > step_at_stop  # the second leg kept writing absolute-step checkpoints
    again = http.post(f"/sessions/{run_id}/resume").json()
    assert again["resumed_from_step"] == last_ckpt
    done = wait_for_state(http, {"completed", "error"})
    assert done["state"] == "completed" and done["metrics"]["step"] == 60
    assert (files / f"{step_at_stop:07d}_adapters.safetensors").exists()  # first leg's files intact
    assert load_and_generate(demo["model"], str(files)).strip()


def test_server_restart_marks_the_run_interrupted_and_resumable(data_root, demo):
    """Server and runner both killed hard: no result was written, so the run is interrupted.
    (A runner that outlives its server stops by itself: tests/security/test_server_kill.py.)"""
    from backend.runs.layout import RunFiles
    from backend.training.runner.supervision import lock_holder
    from tests.conftest import LiveServer

    server = LiveServer(data_root).start()
    http = server.client()
    run_id = http.post("/training/start", json=start_body(demo, iterations=400, steps_per_report=2,
                                                          save_every=4)).json()["run_id"]
    wait_for(lambda: http.get("/training/status").json()["metrics"].get("step", 0) >= 6, what="step 6")
    runner_lock = RunFiles.for_run(data_root / "runs", run_id).runner_lock
    runner = lock_holder(runner_lock)
    os.kill(runner, signal.SIGSTOP)  # frozen, so it cannot react to its server's death
    server.stop(kill=True)
    os.kill(runner, signal.SIGKILL)
    wait_for(lambda: lock_holder(runner_lock) is None, timeout=10, what="runner gone")
    server2 = LiveServer(data_root).start()
    try:
        http2 = server2.client()
        status = http2.get("/training/status").json()
        assert status["state"] == "error" and "interrupted" in status["error"]
        r = http2.post(f"/sessions/{run_id}/resume")
        assert r.status_code == 201 and r.json()["resumed_from_step"] >= 4
        wait_for(lambda: http2.get("/training/status").json()["state"] == "running", what="running")
        http2.post("/training/stop")
        assert wait_for_state(http2, {"stopped", "error"})["state"] == "stopped"
    finally:
        server2.stop()
