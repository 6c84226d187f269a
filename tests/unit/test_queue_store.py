"""The queue's table is an additive migration: an existing database keeps its runs and gains the queue."""

from backend.runs import store as store_mod
from backend.runs.store import RunStore


def test_an_older_database_gains_the_queue_table(tmp_path, monkeypatch):
    path = tmp_path / "studio.db"
    with monkeypatch.context() as m:
        m.setattr(store_mod, "MIGRATIONS", store_mod.MIGRATIONS[:1])  # the schema before the queue
        old = RunStore(path)
        old.create_run({"id": "r1", "kind": "sft", "name": "n", "model_path": "/m", "adapter_name": "a",
                        "state": "completed", "config": {"lora_rank": 8}})
        old.close()
    s = RunStore(path)
    assert s.schema_version == len(store_mod.MIGRATIONS) and s.get_run("r1")["config"] == {"lora_rank": 8}
    a = s.create_queue_item("q-1", "sft", {"adapter_name": "a"})
    b = s.create_queue_item("q-2", "enhanced", {"adapter_name": "b"})
    assert (a["position"], b["position"], a["state"]) == (1, 2, "queued")
    s.reorder_queue(["q-2", "q-1"])
    assert [i["id"] for i in s.list_queue_items(states=["queued"])] == ["q-2", "q-1"]
    s.update_queue_item("q-2", state="running", run_id="r1")
    s.close()
    again = RunStore(path)  # persisted
    assert again.get_queue_item("q-2")["state"] == "running" and again.get_queue_item("q-1")["config"] == {"adapter_name": "a"}
