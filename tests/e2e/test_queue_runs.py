"""The run queue with real runs: order, a failing item, reorder, cancel, and a server restart."""

import os
import shutil

import pytest

from tests.conftest import LiveServer, wait_for
from tests.e2e.wsclient import EventRecorder

pytestmark = pytest.mark.e2e


def sft(demo, name, train=None, **kw):
    return {"kind": "sft", "config": {
        "model_path": demo["model"], "train_data_path": train or demo["train"], "val_data_path": demo["valid"],
        "adapter_name": name, "batch_size": 4, "learning_rate": 1e-3, "steps_per_report": 5,
        "steps_per_eval": 100, "save_every": 100, **kw}}


def add(http, payload) -> str:
    r = http.post("/queue", json=payload)
    assert r.status_code == 201, r.text
    return r.json()["queue_id"]


def items(http) -> dict[str, dict]:
    return {i["queue_id"]: i for i in http.get("/queue").json()["items"]}


def settled(http, ids) -> dict[str, dict]:
    return wait_for(lambda: (now := items(http)) and all(now[i]["state"] not in ("queued", "running") for i in ids)
                    and now, timeout=300, what="queue settled")


def test_items_run_in_order_a_failure_does_not_stop_the_queue(live_server, demo, tmp_path):
    http = live_server.client()
    ws = EventRecorder(live_server.ws_url)
    doomed = tmp_path / "doomed.jsonl"
    shutil.copy(demo["train"], doomed)

    first = add(http, sft(demo, "first", iterations=40))  # starts at once: nothing else runs
    failing = add(http, sft(demo, "failing", train=str(doomed), iterations=5))
    cancelled = add(http, sft(demo, "cancelled", iterations=5))
    moved = add(http, sft(demo, "moved", iterations=5))
    wait_for(lambda: items(http)[first]["state"] == "running", what="first item running")
    assert http.post("/training/start", json=sft(demo, "manual", iterations=5)["config"]).status_code == 409

    queued = [i for i in http.get("/queue").json()["items"] if i["state"] == "queued"]
    assert [i["queue_id"] for i in queued] == [failing, cancelled, moved] and [i["position"] for i in queued] == [1, 2, 3]
    assert http.patch(f"/queue/{moved}", json={"position": 1}).json()["position"] == 1
    assert http.delete(f"/queue/{cancelled}").json()["state"] == "cancelled"
    assert http.delete(f"/queue/{cancelled}").status_code == 409  # already out of the queue
    assert http.delete(f"/queue/{first}").status_code == 409  # running: stop it from the Training tab
    os.remove(doomed)  # the data vanishes before its turn: that item fails when it starts

    final = settled(http, [first, failing, cancelled, moved])
    assert final[first]["state"] == "done" and final[moved]["state"] == "done"
    assert final[failing]["state"] == "failed" and "doomed.jsonl" in final[failing]["error"]
    assert final[cancelled]["state"] == "cancelled" and final[cancelled]["run_id"] is None
    runs = {s["id"]: s for s in http.get("/sessions").json()}
    first_run, moved_run = runs[final[first]["run_id"]], runs[final[moved]["run_id"]]
    assert first_run["state"] == moved_run["state"] == "completed"
    assert first_run["created_at"] < moved_run["created_at"]
    assert ws.of_type("queue_updated")
    last = ws.of_type("queue_updated")[-1]["data"]["items"]
    assert {i["queue_id"]: i["state"] for i in last}[moved] == "done"
    ws.close()


def test_the_queue_survives_a_server_restart(data_root, demo):
    server = LiveServer(data_root).start()
    http = server.client()
    long = add(http, sft(demo, "long", iterations=400))
    short = add(http, sft(demo, "short", iterations=5))
    wait_for(lambda: (http.get("/training/status").json()["metrics"].get("step") or 0) >= 5, what="long running")
    server.stop()  # graceful: the running item's run is stopped, the next must not start on the way out

    again = LiveServer(data_root).start()
    try:
        http = again.client()
        final = settled(http, [long, short])
        assert final[long]["state"] == "failed" and "interrupted" in final[long]["error"]
        assert final[short]["state"] == "done"
        run = http.get(f"/sessions/{final[short]['run_id']}").json()
        assert run["state"] == "completed"
    finally:
        again.stop()
