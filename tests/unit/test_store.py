import json
import sqlite3

import pytest

from backend.runs import store as store_mod
from backend.runs.store import RunNotFound, RunStore
from backend.schemas.runs import RunSummary


def run(id_="r1", **kw):
    return {"id": id_, "kind": "sft", "name": "n", "model_path": "/m", "adapter_name": "a",
            "state": "running", "config": {"lora_rank": 32}, **kw}


def test_migrations_on_an_empty_db(tmp_path):
    s = RunStore(tmp_path / "studio.db")
    assert s.schema_version == len(store_mod.MIGRATIONS)
    mode = s._conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    tables = {r[0] for r in s._conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"runs", "events", "evaluations", "app_state"} <= tables


def test_reopening_an_existing_db_keeps_data_and_applies_only_new_migrations(tmp_path, monkeypatch):
    path = tmp_path / "studio.db"
    s = RunStore(path)
    s.create_run(run())
    s.append_event("training_progress", "r1", {"step": 1})
    s.close()
    # a later release adds one more migration: it runs once on the existing db, data intact
    latest = len(store_mod.MIGRATIONS) + 1
    monkeypatch.setattr(store_mod, "MIGRATIONS", [*store_mod.MIGRATIONS,
                                                  "ALTER TABLE runs ADD COLUMN note TEXT"])
    s2 = RunStore(path)
    assert s2.schema_version == latest
    assert s2.get_run("r1")["config"] == {"lora_rank": 32}
    cols = {r[1] for r in s2._conn.execute("PRAGMA table_info(runs)")}
    assert "note" in cols
    s2.close()
    s3 = RunStore(path)  # idempotent: nothing re-applied (would fail: duplicate column)
    assert s3.schema_version == latest


def test_a_failing_migration_rolls_back(tmp_path, monkeypatch):
    path = tmp_path / "studio.db"
    RunStore(path).close()
    current = len(store_mod.MIGRATIONS)
    monkeypatch.setattr(store_mod, "MIGRATIONS", [*store_mod.MIGRATIONS,
                                                  "CREATE TABLE t (x); SELECT * FROM nope"])
    with pytest.raises(sqlite3.OperationalError):
        RunStore(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == current
    assert conn.execute("SELECT name FROM sqlite_master WHERE name='t'").fetchone() is None


def test_runs_crud_and_summary_merge(tmp_path):
    s = RunStore(tmp_path / "db")
    s.create_run(run("a"))
    s.create_run(run("b", state="completed"))
    s.update_run("a", state="stopped", steps_completed=5)
    s.merge_summary("a", best_val_loss=1.5)
    s.merge_summary("a", final_val_loss=2.0)
    a = s.get_run("a")
    assert a["state"] == "stopped" and a["steps_completed"] == 5
    assert a["summary"] == RunSummary(best_val_loss=1.5, final_val_loss=2.0).model_dump()
    assert {r["id"] for r in s.list_runs(states=["completed"])} == {"b"}
    s.delete_run("a")
    with pytest.raises(RunNotFound):
        s.get_run("a")
    with pytest.raises(ValueError):
        s.update_run("b", bogus=1)


def test_event_seq_is_global_increasing_and_never_reused(tmp_path):
    s = RunStore(tmp_path / "db")
    e1 = s.append_event("notification", None, {"m": 1})
    e2 = s.append_event("training_progress", "r", {"step": 1})
    assert e2["seq"] == e1["seq"] + 1
    assert [e["seq"] for e in s.events_after(e1["seq"])] == [e2["seq"]]
    s._conn.execute("DELETE FROM events")
    e3 = s.append_event("notification", None, {})
    assert e3["seq"] > e2["seq"]  # AUTOINCREMENT: a reconnecting client never sees a reused seq
    assert s.run_events("r") == []


def test_evaluations_and_app_state(tmp_path):
    s = RunStore(tmp_path / "db")
    s.create_evaluation("e1", "r1", {"num_questions": 3})
    s.update_evaluation("e1", state="completed", result={"score": 50})
    e = s.get_evaluation("e1")
    assert e["state"] == "completed" and e["result"] == {"score": 50} and e["request"]["num_questions"] == 3
    assert [x["id"] for x in s.list_evaluations("r1")] == ["e1"]
    s.set_state("k", "v")
    s.set_state("k", "w")
    assert s.get_state("k") == "w"
    s.set_state("k", None)
    assert s.get_state("k") is None


def test_run_summary_is_validated_on_write(tmp_path):
    s = RunStore(tmp_path / "db")
    s.create_run(run("a", summary={"warnings": ["w"], "best_step": 3}))
    with pytest.raises(ValueError, match="no_such_key"):
        s.merge_summary("a", no_such_key=1)
    with pytest.raises(ValueError, match="best_val_loss"):
        s.merge_summary("a", best_val_loss="low")
    with pytest.raises(ValueError):
        s.create_run(run("b", summary={"pid": "not a pid"}))
    assert s.find_run("b") is None
    a = s.get_run("a")  # the refused writes changed nothing
    assert a["summary"]["warnings"] == ["w"] and a["summary"]["best_step"] == 3
    assert a["summary"]["best_val_loss"] is None


def test_run_summary_is_validated_on_read_and_drops_keys_nobody_reads(tmp_path):
    s = RunStore(tmp_path / "db")
    s.create_run(run("a"))
    # a row written by an earlier version: keys that are no longer kept, numbers as JSON numbers
    old = {"trainable_parameters": 123, "yaml_path": "/tmp/x.yaml", "best_val_loss": 1, "rank_pids": {"1": 42}}
    s._conn.execute("UPDATE runs SET summary_json = ? WHERE id = 'a'", (json.dumps(old),))
    summary = s.get_run("a")["summary"]
    assert set(summary) == set(RunSummary.model_fields)
    assert summary["best_val_loss"] == 1.0 and isinstance(summary["best_val_loss"], float)
    assert "rank_pids" not in summary  # the /proc-era recovery that read it is gone
    s._conn.execute("UPDATE runs SET summary_json = ? WHERE id = 'a'", (json.dumps({"pid": [1]}),))
    with pytest.raises(ValueError, match="pid"):
        s.get_run("a")


def test_ending_a_run_records_when_and_refuses_a_state_that_is_not_final(tmp_path):
    s = RunStore(tmp_path / "studio.db")
    s.create_run(run())
    with pytest.raises(ValueError):
        s.end_run("r1", "running")
    assert s.get_run("r1")["state"] == "running" and s.get_run("r1")["summary"].get("ended_at") is None
    ended = s.end_run("r1", "error", "boom", ended_at=123.0)
    assert (ended["state"], ended["error"], ended["summary"]["ended_at"]) == ("error", "boom", 123.0)
