"""Who owns a run, told by two `flock`s in its run directory (works on Linux and macOS; no /proc).

- `server.lock`: held (exclusive) by the studio server for as long as it follows the run. The runner
  blocks on it in a thread; the kernel releases a lock when its holder dies, however it dies, so the
  moment the server is gone (kill -9 included) the runner gets the lock and asks itself to stop, exactly
  as SIGTERM does: the current step ends, the adapter is saved, `stopped` is written to events.jsonl.
- `runner.lock`: held (exclusive) by the runner (rank 0) for its whole life, with its pid written in
  it. A restarted server knows a runner is still alive iff this lock is held, and which pid holds it.

The server opts a runner in through SERVER_LOCK_ENV, so a runner started by hand is unsupervised.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

SERVER_LOCK_ENV = "LORA_STUDIO_SERVER_LOCK"
_held: list[int] = []  # the runner's own lock fds: kept open (and locked) until the process exits


# -- server side -------------------------------------------------------------------------------
class ServerLock:
    """The server's hold on one run: taken before the runner starts, released when it is followed
    no more (or by the kernel, when the server dies)."""

    def __init__(self, path: Path):
        self.path = path
        self._fd: int | None = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self._fd)
            self._fd = None
            raise

    def env(self) -> dict[str, str]:
        return {SERVER_LOCK_ENV: str(self.path)}

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the only descriptor drops the lock
            self._fd = None


def lock_holder(path: Path) -> int | None:
    """The pid recorded in a held runner lock; None when nobody holds it (the runner is gone)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            text = os.pread(fd, 32, 0).decode(errors="replace").strip()
            return int(text) if text.isdigit() else 0  # held, pid not written yet
        except OSError:
            return None
        return None
    finally:
        os.close(fd)  # also releases the probe's own shared lock


def wait_released(path: Path, timeout: float, interval: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while lock_holder(path) is not None:
        if time.monotonic() > deadline:
            return False
        time.sleep(interval)
    return True


# -- runner side -------------------------------------------------------------------------------
def hold_lock(path: Path) -> bool:
    """Take a lock for this process's lifetime and write our pid in it (runner.lock, rank<N>.lock)."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return False
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    _held.append(fd)
    return True


def watch_server(path: Path, on_lost: Callable[[], None]) -> threading.Thread | None:
    """Call `on_lost` once the server's lock is free, i.e. the server that started us is gone."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None

    def wait() -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH)  # blocks (without the GIL) while the server lives
        except OSError:
            return
        finally:
            os.close(fd)
        on_lost()

    thread = threading.Thread(target=wait, name="server-watch", daemon=True)
    thread.start()
    return thread


def supervise(run_dir: Path, runner_lock: Path, on_server_lost: Callable[[], None]) -> None:
    """A studio-started runner (rank 0): hold the runner lock, stop when the server is gone."""
    server_lock = os.environ.get(SERVER_LOCK_ENV)
    if not server_lock or not run_dir.is_dir():
        return
    if (os.environ.get("MLX_RANK") or os.environ.get("OMPI_COMM_WORLD_RANK") or "0") != "0":
        return  # other ranks follow rank 0's stop at the next step boundary
    hold_lock(runner_lock)
    watch_server(Path(server_lock), on_server_lost)
