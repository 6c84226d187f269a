"""RunEvents over a real SQLite store: each line of events.jsonl is stored once, whoever reads it."""

from __future__ import annotations

import json
from pathlib import Path

from backend.runs.events import EventHub
from backend.runs.store import RunStore
from backend.training.ingest import OFFSET_KEY, RunEvents


def line(**ev) -> bytes:
    return (json.dumps({"ts": 1.0, "rank": 0, **ev}) + "\n").encode()


def new_run(store: RunStore, run_id: str = "r1") -> dict:
    return store.create_run({"id": run_id, "kind": "sft", "name": "n", "model_path": "m",
                             "adapter_name": "a", "state": "running", "config": {}})


def test_a_second_reader_takes_up_exactly_where_the_first_stopped(tmp_path: Path):
    store = RunStore(tmp_path / "studio.db")
    hub = EventHub(store)
    new_run(store)
    events = tmp_path / "events.jsonl"
    events.write_bytes(line(type="started", total=8) + line(type="progress", step=2, train_loss=2.5)
                       + b'{"type": "progress", "st')  # the runner is mid-write
    first = RunEvents("r1", events, store, hub, offset=0)
    first.drain()
    assert [e["data"]["step"] for e in store.run_events("r1", ["training_progress"])] == [2]
    assert store.get_run("r1")["summary"][OFFSET_KEY] == len(events.read_bytes()) - len(b'{"type": "progress", "st')

    # The first reader dies here; the runner goes on and ends.
    with events.open("ab") as f:
        f.write(b'ep": 4, "train_loss": 2.0}\n' + line(type="checkpoint", step=4, file="x")
                + line(type="stopped", step=4, final_train_loss=2.0))
    second = RunEvents.from_record(store.get_run("r1"), events, store, hub)
    second.drain()
    assert store.get_run("r1")["state"] == "running"  # the last word waits for apply_terminal
    assert second.apply_terminal(note="the server went away")
    run = store.get_run("r1")
    assert (run["state"], run["steps_completed"], run["error"]) == ("stopped", 4, "the server went away")
    assert run["summary"]["final_train_loss"] == 2.0 and run["summary"]["last_checkpoint_step"] == 4
    stored = [(e["type"], e["data"].get("step")) for e in store.run_events("r1")]
    assert stored == [("training_progress", 2), ("training_progress", 4), ("checkpoint_saved", 4),
                      ("training_stopped", 4)]

    third = RunEvents.from_record(store.get_run("r1"), events, store, hub)  # yet another start
    assert third.drain() == 0 and not third.apply_terminal()
    assert len(store.run_events("r1")) == 4


def test_a_last_word_read_but_not_applied_is_read_again(tmp_path: Path):
    store = RunStore(tmp_path / "studio.db")
    hub = EventHub(store)
    new_run(store)
    events = tmp_path / "events.jsonl"
    events.write_bytes(line(type="progress", step=1, train_loss=1.0) + line(type="completed", step=1))
    reader = RunEvents.from_now("r1", events, store, hub)
    assert reader.drain() == 0  # a new leg: the file's earlier lines belong to earlier legs
    with events.open("ab") as f:
        f.write(line(type="progress", step=2, train_loss=0.5) + line(type="completed", step=2))
    reader.drain()  # the server dies before applying `completed`
    again = RunEvents.from_record(store.get_run("r1"), events, store, hub)
    again.drain()
    assert again.apply_terminal()
    run = store.get_run("r1")
    assert (run["state"], run["steps_completed"]) == ("completed", 2)
    assert [(e["type"], e["data"]["step"]) for e in store.run_events("r1")] == \
           [("training_progress", 2), ("training_completed", 2)]


def test_runs_recorded_before_offsets_were_kept_are_not_replayed(tmp_path: Path):
    store = RunStore(tmp_path / "studio.db")
    assert RunEvents.from_record(new_run(store), tmp_path / "events.jsonl", store, EventHub(store)) is None
