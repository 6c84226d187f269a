"""RunStore: the SQLite store of runs (sessions), their numbered event log, evaluations and app state.

One connection guarded by a lock: the server writes from request threads, runner reader threads and
the event loop, and SQLite in WAL mode serves that load easily. Schema changes are numbered
migrations applied in order and recorded in `PRAGMA user_version`.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any, Iterable

from backend.runs.layout import FINAL_STATES
from backend.runs.records import EvaluationRecords, ExportRecords, QueueRecords
from backend.schemas.runs import RunSummary

MIGRATIONS: list[str] = [
    # 1: runs, events, evaluations, key/value app state
    """
    CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        model_path TEXT NOT NULL,
        adapter_name TEXT NOT NULL,
        state TEXT NOT NULL,
        config_json TEXT NOT NULL,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        error TEXT,
        steps_completed INTEGER NOT NULL DEFAULT 0,
        total_steps INTEGER NOT NULL DEFAULT 0,
        summary_json TEXT NOT NULL DEFAULT '{}',
        legacy INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id TEXT,
        type TEXT NOT NULL,
        ts REAL NOT NULL,
        data_json TEXT NOT NULL
    );
    CREATE INDEX events_run ON events(run_id, seq);
    CREATE TABLE evaluations (
        id TEXT PRIMARY KEY,
        run_id TEXT NOT NULL,
        state TEXT NOT NULL,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        request_json TEXT NOT NULL,
        result_json TEXT,
        error TEXT
    );
    CREATE INDEX evaluations_run ON evaluations(run_id);
    CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # 2: exports of a session's adapter (fused MLX model, PEFT adapter, GGUF) and their verification
    """
    CREATE TABLE exports (
        id TEXT PRIMARY KEY,
        run_id TEXT NOT NULL,
        format TEXT NOT NULL,
        name TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL,
        state TEXT NOT NULL,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        request_json TEXT NOT NULL,
        result_json TEXT,
        error TEXT
    );
    CREATE INDEX exports_run ON exports(run_id);
    """,
    # 3: the persistent run queue (backend/training/queue.py)
    """
    CREATE TABLE queue_items (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        config_json TEXT NOT NULL,
        position INTEGER NOT NULL,
        state TEXT NOT NULL,
        run_id TEXT,
        error TEXT,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL
    );
    CREATE INDEX queue_items_state ON queue_items(state, position);
    """,
]

RUN_COLUMNS = (
    "id", "kind", "name", "model_path", "adapter_name", "state", "config", "created_at",
    "updated_at", "error", "steps_completed", "total_steps", "summary", "legacy",
)
_JSON_COLUMNS = {"config": "config_json", "summary": "summary_json"}


class RunNotFound(KeyError):
    pass


class RunStore(EvaluationRecords, ExportRecords, QueueRecords):
    def __init__(self, db_path: Path):
        db_path.parent.mkdir(parents=True, exist_ok=True)
        self.path = db_path
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(str(db_path), check_same_thread=False, isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self.migrate()

    # -- schema -------------------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> int:
        with self._lock:
            version = self.schema_version
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                self._conn.execute("BEGIN")
                try:
                    for statement in filter(str.strip, script.split(";")):
                        self._conn.execute(statement)
                    self._conn.execute(f"PRAGMA user_version = {int(number)}")
                    self._conn.execute("COMMIT")
                except Exception:
                    self._conn.execute("ROLLBACK")
                    raise
            return self.schema_version

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- runs ---------------------------------------------------------------------------------
    def create_run(self, run: dict[str, Any]) -> dict[str, Any]:
        now = time.time()
        row = {
            "steps_completed": 0, "total_steps": 0, "summary": {}, "legacy": False, "error": None,
            "created_at": now, "updated_at": now, **run,
        }
        cols, values = self._to_columns(row)
        with self._lock:
            self._conn.execute(
                f"INSERT INTO runs ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", values
            )
        return self.get_run(row["id"])

    def update_run(self, run_id: str, **changes: Any) -> dict[str, Any]:
        changes.setdefault("updated_at", time.time())
        cols, values = self._to_columns(changes)
        with self._lock:
            cur = self._conn.execute(
                f"UPDATE runs SET {', '.join(c + ' = ?' for c in cols)} WHERE id = ?",
                [*values, run_id],
            )
            if cur.rowcount == 0:
                raise RunNotFound(run_id)
        return self.get_run(run_id)

    def end_run(self, run_id: str, state: str, error: str | None = None,
                ended_at: float | None = None) -> dict[str, Any]:
        """A run reaches a final state: the state, its reason and when it ended, in one update."""
        if state not in FINAL_STATES:
            raise ValueError(f"{state!r} is not a final run state")
        with self._lock:
            summary = {**self.get_run(run_id)["summary"], "ended_at": ended_at or time.time()}
            return self.update_run(run_id, state=state, error=error, summary=summary)

    def merge_summary(self, run_id: str, **values: Any) -> dict[str, Any]:
        with self._lock:
            summary = self.get_run(run_id)["summary"]
            summary.update(values)
            return self.update_run(run_id, summary=summary)  # validated there: unknown keys refused

    def get_run(self, run_id: str) -> dict[str, Any]:
        with self._lock:
            row = self._conn.execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()
        if row is None:
            raise RunNotFound(run_id)
        return self._from_row(row)

    def find_run(self, run_id: str) -> dict[str, Any] | None:
        try:
            return self.get_run(run_id)
        except RunNotFound:
            return None

    def list_runs(self, states: Iterable[str] | None = None) -> list[dict[str, Any]]:
        query, params = "SELECT * FROM runs", []
        if states is not None:
            states = list(states)
            query += f" WHERE state IN ({', '.join('?' * len(states))})"
            params = states
        with self._lock:
            rows = self._conn.execute(query + " ORDER BY created_at DESC", params).fetchall()
        return [self._from_row(r) for r in rows]

    def delete_run(self, run_id: str) -> None:
        with self._lock:
            self._conn.execute("BEGIN")
            self._conn.execute("DELETE FROM evaluations WHERE run_id = ?", (run_id,))
            self._conn.execute("DELETE FROM runs WHERE id = ?", (run_id,))
            self._conn.execute("COMMIT")

    @staticmethod
    def _to_columns(values: dict[str, Any]) -> tuple[list[str], list[Any]]:
        cols, out = [], []
        for key, value in values.items():
            if key not in RUN_COLUMNS:
                raise ValueError(f"unknown run column {key!r}")
            if key == "summary":
                value = RunSummary.model_validate(value).model_dump(mode="json", exclude_defaults=True)
            if key in _JSON_COLUMNS:
                cols.append(_JSON_COLUMNS[key])
                out.append(json.dumps(value))
            else:
                cols.append(key)
                out.append(int(value) if isinstance(value, bool) else value)
        return cols, out

    @staticmethod
    def _from_row(row: sqlite3.Row) -> dict[str, Any]:
        d = dict(row)
        d["config"] = json.loads(d.pop("config_json"))
        d["summary"] = RunSummary.from_stored(json.loads(d.pop("summary_json"))).model_dump()
        d["legacy"] = bool(d["legacy"])
        return d

    # -- events -------------------------------------------------------------------------------
    def append_event(self, type_: str, run_id: str | None, data: dict[str, Any]) -> dict[str, Any]:
        ts = time.time()
        with self._lock:
            cur = self._conn.execute(
                "INSERT INTO events (run_id, type, ts, data_json) VALUES (?, ?, ?, ?)",
                (run_id, type_, ts, json.dumps(data)),
            )
            seq = cur.lastrowid
        return {"type": type_, "run_id": run_id, "seq": seq, "ts": ts, "data": data}

    def events_after(self, after_seq: int, limit: int = 10_000) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?", (after_seq, limit)
            ).fetchall()
        return [self._event(r) for r in rows]

    def run_events(self, run_id: str, types: Iterable[str] | None = None) -> list[dict[str, Any]]:
        query, params = "SELECT * FROM events WHERE run_id = ?", [run_id]
        if types is not None:
            types = list(types)
            query += f" AND type IN ({', '.join('?' * len(types))})"
            params += types
        with self._lock:
            rows = self._conn.execute(query + " ORDER BY seq", params).fetchall()
        return [self._event(r) for r in rows]

    def last_seq(self) -> int:
        with self._lock:
            row = self._conn.execute("SELECT MAX(seq) FROM events").fetchone()
        return row[0] or 0

    @staticmethod
    def _event(row: sqlite3.Row) -> dict[str, Any]:
        return {
            "type": row["type"], "run_id": row["run_id"], "seq": row["seq"], "ts": row["ts"],
            "data": json.loads(row["data_json"]),
        }

    # -- app state ----------------------------------------------------------------------------
    def get_state(self, key: str) -> str | None:
        with self._lock:
            row = self._conn.execute("SELECT value FROM app_state WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    def set_state(self, key: str, value: str | None) -> None:
        with self._lock:
            if value is None:
                self._conn.execute("DELETE FROM app_state WHERE key = ?", (key,))
            else:
                self._conn.execute(
                    "INSERT INTO app_state (key, value) VALUES (?, ?)"
                    " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )
