"""Watching every rank of a distributed run, so one failing host fails the run with its own message.

Sources, from most to least precise:
- `runs/<id>/ranks/rank<N>.json`, written by each rank that shares our disk: {rank, pid, hostname} at
  start, plus {state, message} at exit; each local rank also holds `rank<N>.lock` while it lives. A
  local rank whose lock is free without an exit record was killed (or crashed hard);
- `[studio] rank N failed: ...` lines a rank prints on its original stderr (remote ranks reach our log
  through ssh and the launcher);
- the launcher's own `Node with rank N exited with code C` lines (its exit status is always 0).

When one rank dies, the others fail too, inside an all-reduce ("connection to a peer was lost"):
those are symptoms, so the message names the first root cause and only falls back to a symptom.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import time
from pathlib import Path

from backend.runs.layout import rank_lock_path
from backend.training.runner.supervision import lock_holder

LAUNCHER_NODE_RE = re.compile(r"Node with rank (\d+) (was killed|exited with code (-?\d+))")
STUDIO_FAIL_RE = re.compile(r"\[studio\] rank (\d+) failed: (.*)$")
PEER_LOST = ("connection to a peer was lost", "closed by the peer", "too many send/recv errors",
             "connection reset", "broken pipe", "mpi_abort")
EXIT_HINTS = {255: "ssh could not connect or log in", 127: "the interpreter or script was not found there",
              126: "the interpreter is not executable there"}


def describe_exit(code: int) -> str:
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"was killed by {name}"
    hint = EXIT_HINTS.get(code)
    return f"exited with status {code}" + (f" ({hint})" if hint else "")


def is_symptom(message: str) -> bool:
    text = message.lower()
    return any(p in text for p in PEER_LOST)


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True  # possibly a zombie the launcher has not reaped yet: RankWatcher asks the rank's lock


class RankWatcher:
    def __init__(self, ranks_dir: Path, hosts: list[str]):
        self.dir, self.hosts = ranks_dir, hosts
        self.hostname = socket.gethostname()
        self.records: dict[int, dict] = {}
        self.frozen = False  # set when we start killing: later deaths are our own doing
        # rank -> (detected_at, kind, detail); kind ∈ vanished | error | exit
        self.failures: dict[int, tuple[float, str, object]] = {}

    # -- inputs -----------------------------------------------------------------------------
    def feed_line(self, line: str) -> None:
        if m := STUDIO_FAIL_RE.search(line):
            self._fail(int(m.group(1)), "error", m.group(2).strip())
        elif (m := LAUNCHER_NODE_RE.search(line)) and m.group(3) and int(m.group(3)) != 0:
            self._fail(int(m.group(1)), "exit", int(m.group(3)))

    def scan(self) -> None:
        for path in self.dir.glob("rank*.json"):
            try:
                rec = json.loads(path.read_text(encoding="utf-8"))
                rank = int(rec["rank"])
            except (OSError, ValueError, KeyError, TypeError):
                continue  # written atomically, so this is a foreign file
            self.records[rank] = rec
            if rec.get("state") == "error":
                self._fail(rank, "error", rec.get("message") or "unknown error")
            elif rec.get("state") is None and self._is_local(rec) and not self._alive(rank, rec):
                self._fail(rank, "vanished", None)

    def _fail(self, rank: int, kind: str, detail) -> None:
        if self.frozen and rank not in self.failures:
            return  # after the first failure (or a stop we force) new deaths are our own doing
        previous = self.failures.get(rank)
        # for one rank: its own error message > the launcher's exit status > "it vanished"
        order = {"vanished": 0, "exit": 1, "error": 2}
        if previous is None or order[kind] > order[previous[1]]:
            self.failures[rank] = (previous[0] if previous else time.monotonic(), kind, detail)

    # -- queries ----------------------------------------------------------------------------
    def _is_local(self, rec: dict) -> bool:
        return rec.get("hostname") == self.hostname and isinstance(rec.get("pid"), int)

    def _alive(self, rank: int, rec: dict) -> bool:
        """A local rank holds its lock while it lives, and a dead one (zombie or not) does not; a
        record without a lock file (written by hand, or by an older runner) falls back to its pid."""
        lock = rank_lock_path(self.dir, rank)
        return lock_holder(lock) is not None if lock.exists() else pid_alive(int(rec["pid"]))

    def local_pids(self) -> dict[int, int]:
        return {r: int(rec["pid"]) for r, rec in self.records.items() if self._is_local(rec)}

    def any_alive(self) -> bool:
        return any(self._alive(r, rec) for r, rec in self.records.items() if self._is_local(rec))

    def host(self, rank: int) -> str:
        return self.hosts[rank] if 0 <= rank < len(self.hosts) else "?"

    def root_cause(self) -> str | None:
        """A failure that is not just another rank losing its peer (act on it at once)."""
        causes = self._ranked()
        return causes[0][2] if causes and causes[0][0] == 0 else None

    def symptom_since(self) -> float | None:
        causes = self._ranked()
        return min(c[1] for c in causes) if causes else None

    def message(self) -> str | None:
        causes = self._ranked()
        return causes[0][2] if causes else None

    def _ranked(self) -> list[tuple[int, float, str]]:
        out = []
        for rank, (at, kind, detail) in self.failures.items():
            where = f"rank {rank} ({self.host(rank)})"
            if kind == "error":
                out.append((1 if is_symptom(str(detail)) else 0, at, f"{where} failed: {detail}"))
            elif kind == "exit":
                out.append((0, at, f"{where} {describe_exit(int(detail))}"))
            else:
                out.append((0, at, f"{where} was killed or exited unexpectedly"))
        return sorted(out)
