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

Every message names the rank, its host and the last step it reported (its heartbeat). ssh exits 255
both when it cannot log in and when the remote runner is killed by a signal, so 255 means "could not
connect or log in" only when the rank never started (no record, no heartbeat, no step trained):
- "could not connect or log in over ssh"     255 and no trace of the runner
- "was killed by SIGKILL" / "…SIGTERM"         the launcher saw the signal (local ranks)
- "was killed (SIGKILL or a hard crash)"       a rank we can see on this machine vanished without
                                               recording its end (SIGTERM/SIGINT end gracefully)
- "lost its ssh session"                       255 after the runner started, nothing else known
- "exited with status N"                       any other status
- "failed: <its own error>"                    the rank reported an exception
A rank that is alive but completes no step is the stall watchdog's ("stalled: …", watchdog.py).
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
from backend.training.runner.heartbeat import heartbeat_file, read_heartbeat
from backend.training.runner.supervision import lock_holder

LAUNCHER_NODE_RE = re.compile(r"Node with rank (\d+) (was killed|exited with code (-?\d+))")
STUDIO_FAIL_RE = re.compile(r"\[studio\] rank (\d+) failed: (.*)$")
PEER_LOST = ("connection to a peer was lost", "closed by the peer", "too many send/recv errors",
             "connection reset", "broken pipe", "mpi_abort")
EXIT_HINTS = {255: "ssh could not connect or log in", 127: "the interpreter or script was not found there",
              126: "the interpreter is not executable there"}
SSH_FAILED = 255


def signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def describe_exit(code: int) -> str:
    """What an exit status says on its own (the pre-flight check, which has no other evidence)."""
    if code < 0:
        return f"was killed by {signal_name(-code)}"
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
    def __init__(self, ranks_dir: Path, hosts: list[str], run_dir: Path | None = None):
        self.dir, self.hosts = ranks_dir, hosts
        self.run_dir = run_dir if run_dir is not None else ranks_dir.parent  # where heartbeats are
        self.hostname = socket.gethostname()
        self.records: dict[int, dict] = {}
        self.frozen = False  # set when we start killing: later deaths are our own doing
        # rank -> evidence {"at": first detection, "vanished": bool, "exit": code, "error": message}
        self.failures: dict[int, dict] = {}

    # -- inputs -----------------------------------------------------------------------------
    def feed_line(self, line: str) -> None:
        if m := STUDIO_FAIL_RE.search(line):
            self._fail(int(m.group(1)), error=m.group(2).strip())
        elif (m := LAUNCHER_NODE_RE.search(line)) and m.group(3) and int(m.group(3)) != 0:
            self._fail(int(m.group(1)), exit=int(m.group(3)))

    def scan(self) -> None:
        for path in self.dir.glob("rank*.json"):
            try:
                rec = json.loads(path.read_text(encoding="utf-8"))
                rank = int(rec["rank"])
            except (OSError, ValueError, KeyError, TypeError):
                continue  # written atomically, so this is a foreign file
            self.records[rank] = rec
            if rec.get("state") == "error":
                self._fail(rank, error=rec.get("message") or "unknown error")
            elif rec.get("state") is None and self._is_local(rec) and not self._alive(rank, rec):
                self._fail(rank, vanished=True)

    def _fail(self, rank: int, **evidence) -> None:
        if self.frozen and rank not in self.failures:
            return  # after the first failure (or a stop we force) new deaths are our own doing
        known = self.failures.setdefault(rank, {"at": time.monotonic(), "vanished": False, "exit": None,
                                                "error": None})
        known.update(evidence)

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

    def last_step(self, rank: int) -> int | None:
        """The last step this rank reported: its heartbeat, else the step its exit record names."""
        beat = read_heartbeat(heartbeat_file(self.run_dir, rank))
        if beat is not None:
            return beat[1][0]
        step = self.records.get(rank, {}).get("step")
        return step if isinstance(step, int) else None

    def _started(self, rank: int) -> bool:
        """Any trace of this rank's runner: its record or heartbeat, or any rank past its first step
        (every rank joins the ring before the first step can complete)."""
        if rank in self.records or self.last_step(rank) is not None:
            return True
        return any((self.last_step(r) or 0) > 0 for r in range(len(self.hosts)))

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

    def describe(self, rank: int) -> tuple[bool, str]:
        """(is a symptom, message) for one failed rank, from everything known about it."""
        ev = self.failures[rank]
        step = self.last_step(rank)
        where = f"rank {rank} ({self.host(rank)})"
        at = f" at step {step}" if step is not None else ""
        if ev["error"] is not None:
            return is_symptom(ev["error"]), f"{where} failed{at}: {ev['error']}"
        code = ev["exit"]
        if code is not None and code < 0:
            return False, f"{where} was killed by {signal_name(-code)}{at}"
        if code is not None and 128 < code < 128 + 65 and code != SSH_FAILED:  # a shell's 128 + signal
            return False, f"{where} was killed by {signal_name(code - 128)}{at} (status {code})"
        if code == SSH_FAILED and not self._started(rank):
            return False, (f"{where} could not connect or log in over ssh (status 255 before its runner "
                           "started)")
        if ev["vanished"]:
            return False, f"{where} was killed{at} (SIGKILL or a hard crash: it could not record its end)"
        if code == SSH_FAILED:
            return False, f"{where} lost its ssh session{at} (killed, or the connection dropped)"
        if code is not None:
            return False, f"{where} {describe_exit(code)}{at}"
        return False, f"{where} ended unexpectedly{at}"

    def _ranked(self) -> list[tuple[int, float, str]]:
        out = []
        for rank, ev in self.failures.items():
            symptom, text = self.describe(rank)
            out.append((1 if symptom else 0, ev["at"], text))
        return sorted(out)
