"""StallWatchdog: declares a run stalled when no rank completes a step for too long.

A ring all-reduce with a partitioned or frozen peer blocks forever, and a runner wedged in I/O never
exits: neither ends on its own. The watchdog reads the ranks' heartbeats (runner/heartbeat.py) on
every monitor poll, learns the recent step time, and after `stall_timeout_s` — or by default
max(60 s, 10 × the median step time) — without a beat it names the rank to blame:
- a local rank the kernel shows stopped (SIGSTOP, a debugger), if any;
- otherwise the rank with the lowest step, then one on another machine (what we lost contact with:
  in a ring every rank waits for the others, so their last beats differ by chance), then the one
  silent longest, then the highest rank.
Before the first beat (model loading, joining the ring), and by default until the first step time is
known, the allowance is at least LOAD_ALLOWANCE_S.
"""

from __future__ import annotations

import functools
import shutil
import statistics
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path

from backend.training.runner.heartbeat import (
    heartbeat_dir,
    heartbeat_file,
    read_heartbeat,
)

DEFAULT_MIN_TIMEOUT_S = 60.0
STEP_TIME_FACTOR = 10.0
LOAD_ALLOWANCE_S = 600.0
RECENT_STEPS = 50  # step times the median is taken over


def process_state(pid: int) -> str | None:
    """The kernel's one-letter state of a local process (R, S, D, T, t, Z…), None if unknown."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return None


class StallWatchdog:
    def __init__(self, run_dir: Path, world: int = 1, hosts: list[str] | None = None,
                 timeout_s: float | None = None, is_remote: Callable[[int], bool] | None = None,
                 local_pids: Callable[[], dict[int, int]] | None = None):
        self.dir = heartbeat_dir(run_dir)
        shutil.rmtree(self.dir, ignore_errors=True)  # beats of an earlier leg are not this leg's
        self.run_dir, self.world = run_dir, world
        self.hosts = hosts or []
        self.configured = timeout_s
        self.is_remote = is_remote or (lambda rank: False)
        self.local_pids = local_pids or dict
        self.started = time.monotonic()
        self.seen: dict[int, tuple[str, float, int]] = {}  # rank -> (content, changed_at, step)
        self.last_beat: float | None = None
        self.top_step: int | None = None
        self.top_step_at: float | None = None
        self.step_times: deque[float] = deque(maxlen=RECENT_STEPS)

    @classmethod
    def for_run(cls, run_dir: Path, config: dict | None, ranks=None) -> StallWatchdog:
        """The watchdog of one leg of a run: its configured timeout; the hosts and local pids of its
        RankWatcher when distributed."""
        from backend.training.distributed.launcher import is_local_address

        timeout = (config or {}).get("stall_timeout_s")
        if ranks is None:
            return cls(run_dir, timeout_s=timeout)
        @functools.cache  # asked only when blaming a rank (a name lookup may be slow)
        def is_remote(rank: int) -> bool:
            return not is_local_address(ranks.host(rank))

        return cls(run_dir, world=len(ranks.hosts), hosts=ranks.hosts, timeout_s=timeout,
                   is_remote=is_remote, local_pids=ranks.local_pids)

    # -- reading ----------------------------------------------------------------------------
    def poll(self, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        for rank in range(self.world):
            beat = read_heartbeat(heartbeat_file(self.run_dir, rank))
            if beat is None or (rank in self.seen and self.seen[rank][0] == beat[0]):
                continue
            text, parsed = beat
            self.seen[rank] = (text, now, parsed[0])
            self.last_beat = now
            self._note_step(parsed[0], now)

    def _note_step(self, step: int, now: float) -> None:
        if self.top_step is not None and step > self.top_step and self.top_step_at is not None:
            self.step_times.append((now - self.top_step_at) / (step - self.top_step))
        if self.top_step is None or step > self.top_step:
            self.top_step, self.top_step_at = step, now

    # -- judging ----------------------------------------------------------------------------
    def timeout(self) -> float:
        if self.configured is not None:
            return float(self.configured)
        median = statistics.median(self.step_times) if self.step_times else 0.0
        return max(DEFAULT_MIN_TIMEOUT_S, STEP_TIME_FACTOR * median)

    def allowance(self) -> float:
        """How long silence may last right now: longer before the first beat (loading the model,
        joining the ring) and, unless a timeout is configured, until a step time is known (a first
        GRPO step on a large model may generate for minutes)."""
        if self.last_beat is None or (self.configured is None and not self.step_times):
            return max(self.timeout(), LOAD_ALLOWANCE_S)
        return self.timeout()

    def idle_seconds(self, now: float | None = None) -> float:
        now = time.monotonic() if now is None else now
        return now - (self.last_beat if self.last_beat is not None else self.started)

    def stalled(self, now: float | None = None) -> bool:
        return self.idle_seconds(now) > self.allowance()

    def snapshot(self, now: float | None = None) -> dict:
        """For GET /training/status: the Training tab warns once idle passes `warn_after_s`."""
        timeout = self.allowance()
        return {"idle_s": round(self.idle_seconds(now), 1), "timeout_s": round(timeout, 1),
                "warn_after_s": round(timeout / 2, 1), "beating": self.last_beat is not None}

    def culprit(self) -> tuple[int, int | None]:
        """(rank, its last step) to blame; rank 0 when nothing beat at all."""
        for rank, pid in sorted(self.local_pids().items()):
            if process_state(pid) in ("T", "t"):
                return rank, self._step_of(rank)
        silent = [r for r in range(self.world) if r not in self.seen]
        if silent and self.seen:  # beats from some ranks, never from these (another machine's disk)
            return max(silent, key=lambda r: (self.is_remote(r), r)), self.top_step
        if not self.seen:
            return 0, None
        rank = min(self.seen, key=lambda r: (self.seen[r][2], not self.is_remote(r), self.seen[r][1], -r))
        return rank, self.seen[rank][2]

    def _step_of(self, rank: int) -> int | None:
        return self.seen[rank][2] if rank in self.seen else self.top_step

    def message(self, now: float | None = None) -> str:
        rank, step = self.culprit()
        where = f"rank {rank}" + (f" on {self.hosts[rank]}" if self.world > 1 and rank < len(self.hosts) else "")
        seen = f"last seen at step {step}" if step is not None else "no step seen"
        return f"stalled: no step for {self.idle_seconds(now):.0f} s ({where} {seen})"
