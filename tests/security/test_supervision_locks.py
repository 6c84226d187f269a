"""The flock protocol of runner/supervision.py with real processes (no /proc anywhere): a lock tells
whether its holder lives, a runner notices its server's death at once, a zombie rank counts as dead."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from backend.runs.layout import rank_lock_path
from backend.training.distributed.rank_watch import RankWatcher
from backend.training.runner.supervision import ServerLock, lock_holder, watch_server
from tests.conftest import ROOT, wait_for

HOLD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from backend.training.runner.supervision import hold_lock
    assert hold_lock(Path(sys.argv[1]))
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
""")


def holder(path: Path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)], cwd=ROOT,
                            stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout.readline().strip() == b"held"
    return proc


def test_a_held_lock_names_its_live_holder_and_frees_when_it_dies(tmp_path):
    lock = tmp_path / "runner.lock"
    assert lock_holder(lock) is None  # no file: nobody
    proc = holder(lock, 60)
    assert lock_holder(lock) == proc.pid
    assert lock_holder(lock) == proc.pid  # probing does not take the lock away
    proc.kill()
    proc.wait()
    assert lock_holder(lock) is None
    assert lock.read_text().strip() == str(proc.pid)  # the file stays; only the lock tells


def test_the_runner_side_hears_of_the_servers_death_at_once(tmp_path):
    path = tmp_path / "server.lock"
    server = ServerLock(path)
    lost = threading.Event()
    watch_server(path, lost.set)
    assert not lost.wait(0.5)  # the server lives: nothing happens
    started = time.monotonic()
    server.release()
    assert lost.wait(5) and time.monotonic() - started < 2


def test_a_second_server_cannot_follow_the_same_run(tmp_path):
    path = tmp_path / "server.lock"
    first = ServerLock(path)
    try:
        ServerLock(path)
    except OSError:
        pass
    else:
        raise AssertionError("two servers held one run's lock")
    first.release()
    ServerLock(path).release()


def test_a_zombie_rank_is_dead_although_its_pid_still_answers(tmp_path):
    """A rank whose parent has not reaped it: kill(pid, 0) succeeds, but its lock is free."""
    proc = holder(rank_lock_path(tmp_path, 1), 0.2)
    (tmp_path / "rank1.json").write_text(json.dumps({"rank": 1, "pid": proc.pid,
                                                     "hostname": socket.gethostname()}))
    watcher = RankWatcher(tmp_path, ["127.0.0.1", "127.0.0.1"])
    watcher.scan()
    assert watcher.any_alive() and watcher.message() is None
    wait_for(lambda: lock_holder(rank_lock_path(tmp_path, 1)) is None, timeout=10, what="exit")
    os.kill(proc.pid, 0)  # not reaped yet: still a zombie with a pid
    watcher.scan()
    assert not watcher.any_alive()
    assert watcher.root_cause() == "rank 1 (127.0.0.1) was killed (SIGKILL or a hard crash: it could not record its end)"
    proc.wait()
