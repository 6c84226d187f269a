"""The evaluation, export and queue tables of the studio's SQLite store (mixed into RunStore, which
owns the connection `_conn`, its `_lock` and the migrations that create these tables)."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from typing import Any, Iterable


class _JobRecords:
    """Evaluations and exports share a shape: a state, the request and the result as JSON, an error."""

    _conn: sqlite3.Connection
    _lock: threading.Lock

    def _update_job(self, table: str, job_id: str, state: str, result: Any, error: str | None) -> None:
        with self._lock:
            self._conn.execute(
                f"UPDATE {table} SET state = ?, result_json = ?, error = ?, updated_at = ? WHERE id = ?",
                (state, None if result is None else json.dumps(result), error, time.time(), job_id),
            )

    def _get_job(self, table: str, job_id: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._conn.execute(f"SELECT * FROM {table} WHERE id = ?", (job_id,)).fetchone()
        return None if row is None else _job(row)

    def _list_jobs(self, table: str, run_id: str | None) -> list[dict[str, Any]]:
        query, params = f"SELECT * FROM {table}", []
        if run_id is not None:
            query, params = query + " WHERE run_id = ?", [run_id]
        with self._lock:
            rows = self._conn.execute(query + " ORDER BY created_at DESC", params).fetchall()
        return [_job(r) for r in rows]


def _job(row: sqlite3.Row) -> dict[str, Any]:
    d = dict(row)
    d["request"] = json.loads(d.pop("request_json"))
    raw = d.pop("result_json")
    d["result"] = json.loads(raw) if raw else None
    return d


class EvaluationRecords(_JobRecords):
    def create_evaluation(self, eval_id: str, run_id: str, request: dict[str, Any]) -> dict[str, Any]:
        now = time.time()
        with self._lock:
            self._conn.execute(
                "INSERT INTO evaluations (id, run_id, state, created_at, updated_at, request_json)"
                " VALUES (?, ?, 'queued', ?, ?, ?)",
                (eval_id, run_id, now, now, json.dumps(request)),
            )
        return self.get_evaluation(eval_id)

    def update_evaluation(self, eval_id: str, *, state: str, result: Any = None,
                          error: str | None = None) -> None:
        self._update_job("evaluations", eval_id, state, result, error)

    def get_evaluation(self, eval_id: str) -> dict[str, Any] | None:
        return self._get_job("evaluations", eval_id)

    def list_evaluations(self, run_id: str) -> list[dict[str, Any]]:
        return self._list_jobs("evaluations", run_id)


class ExportRecords(_JobRecords):

    def create_export(self, export: dict[str, Any]) -> dict[str, Any]:
        now = time.time()
        with self._lock:
            self._conn.execute(
                "INSERT INTO exports (id, run_id, format, name, path, state, created_at, updated_at,"
                " request_json) VALUES (?, ?, ?, ?, ?, 'queued', ?, ?, ?)",
                (export["id"], export["run_id"], export["format"], export["name"], export["path"], now, now,
                 json.dumps(export["request"])),
            )
        return self.get_export(export["id"])

    def update_export(self, export_id: str, *, state: str, result: dict[str, Any] | None = None,
                      error: str | None = None) -> None:
        """`result`: {verification, commands, files} of a finished export."""
        self._update_job("exports", export_id, state, result, error)

    def get_export(self, export_id: str) -> dict[str, Any] | None:
        return self._get_job("exports", export_id)

    def list_exports(self, run_id: str | None = None) -> list[dict[str, Any]]:
        return self._list_jobs("exports", run_id)

    def delete_export(self, export_id: str) -> None:
        with self._lock:
            self._conn.execute("DELETE FROM exports WHERE id = ?", (export_id,))


class QueueRecords:
    _conn: sqlite3.Connection
    _lock: threading.Lock

    def create_queue_item(self, item_id: str, kind: str, config: dict[str, Any]) -> dict[str, Any]:
        now = time.time()
        with self._lock:
            last = self._conn.execute("SELECT COALESCE(MAX(position), 0) FROM queue_items").fetchone()[0]
            self._conn.execute(
                "INSERT INTO queue_items (id, kind, config_json, position, state, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, 'queued', ?, ?)", (item_id, kind, json.dumps(config), last + 1, now, now))
        return self.get_queue_item(item_id)

    def get_queue_item(self, item_id: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._conn.execute("SELECT * FROM queue_items WHERE id = ?", (item_id,)).fetchone()
        return None if row is None else self._queue_item(row)

    def list_queue_items(self, states: Iterable[str] | None = None) -> list[dict[str, Any]]:
        sql, args = "SELECT * FROM queue_items", []
        if states:
            states = list(states)
            sql += f" WHERE state IN ({', '.join('?' * len(states))})"
            args = states
        with self._lock:
            rows = self._conn.execute(sql + " ORDER BY position, created_at", args).fetchall()
        return [self._queue_item(r) for r in rows]

    def update_queue_item(self, item_id: str, **changes: Any) -> dict[str, Any] | None:
        allowed = {"state", "run_id", "error", "position"}
        if set(changes) - allowed:
            raise ValueError(f"cannot update {sorted(set(changes) - allowed)}")
        with self._lock:
            sets = ", ".join(f"{k} = ?" for k in changes)
            self._conn.execute(f"UPDATE queue_items SET {sets}, updated_at = ? WHERE id = ?",
                               [*changes.values(), time.time(), item_id])
        return self.get_queue_item(item_id)

    def reorder_queue(self, ordered_ids: list[str]) -> None:
        """Positions 1..n for `ordered_ids`, in one transaction."""
        with self._lock:
            self._conn.execute("BEGIN")
            try:
                for position, item_id in enumerate(ordered_ids, start=1):
                    self._conn.execute("UPDATE queue_items SET position = ?, updated_at = ? WHERE id = ?",
                                       (position, time.time(), item_id))
                self._conn.execute("COMMIT")
            except Exception:
                self._conn.execute("ROLLBACK")
                raise

    @staticmethod
    def _queue_item(row: sqlite3.Row) -> dict[str, Any]:
        item = dict(row)
        item["config"] = json.loads(item.pop("config_json"))
        return item
