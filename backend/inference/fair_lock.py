"""A mutex handed to waiters in arrival order: the inference service's compute lock."""

from __future__ import annotations

import threading
from collections import deque


class FairLock:
    """A mutex handed to waiters in arrival order (threading.Lock lets the releasing thread take it
    straight back, which would starve a second stream that waits between tokens)."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._waiters: deque[threading.Event] = deque()
        self._held = False

    def acquire(self) -> None:
        with self._guard:
            if not self._held:
                self._held = True
                return
            turn = threading.Event()
            self._waiters.append(turn)
        turn.wait()  # release() hands the lock over directly: it stays held

    def release(self) -> None:
        with self._guard:
            if self._waiters:
                self._waiters.popleft().set()
            else:
                self._held = False

    def __enter__(self) -> "FairLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
