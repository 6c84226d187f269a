"""Per-rank heartbeats: the studio's stall watchdog sees every step (and every validation batch).

Progress events come every `steps_per_report` steps, far too rarely to tell a slow run from a wedged
one. So each rank that shares the studio's disk rewrites `runs/<id>/heartbeat/rank<N>` with
"<step> <beats>" every time its trainer pulls a batch: once per training step (the batch of step
N + 1 is asked for only after step N is done) and once per validation batch (same step, one more
beat, so a long validation is not a stall). The watchdog compares contents, never mtimes, so clocks
of other machines do not matter. A rank on another machine (no run folder there) writes nothing.
Kept free of mlx imports: the studio reads the same paths.
"""

from __future__ import annotations

import os
from pathlib import Path

HEARTBEAT_DIR = "heartbeat"


def heartbeat_dir(run_dir: Path) -> Path:
    return run_dir / HEARTBEAT_DIR


def heartbeat_file(run_dir: Path, rank: int) -> Path:
    return heartbeat_dir(run_dir) / f"rank{rank}"


def parse_heartbeat(text: str) -> tuple[int, int] | None:
    """(step, beats) from a heartbeat file's content; None for anything else."""
    try:
        step, beats = text.split()
        return int(step), int(beats)
    except ValueError:
        return None


class Heartbeat:
    def __init__(self, run_dir: Path | None, rank: int):
        self.path = heartbeat_file(run_dir, rank) if run_dir is not None and run_dir.is_dir() else None
        self.step = 0
        self.beats = 0
        if self.path is not None:
            try:
                self.path.parent.mkdir(exist_ok=True)
            except OSError:
                self.path = None

    def beat(self, step: int | None = None) -> None:
        if step is not None:
            self.step = step
        self.beats += 1
        if self.path is None:
            return
        tmp = self.path.with_name(f".{self.path.name}.tmp")
        try:  # atomic, so the watchdog never reads half a line
            tmp.write_text(f"{self.step} {self.beats}", encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError:
            pass  # a full disk must not kill training; the watchdog then sees no beats

    def batches(self, iterate_batches, offset: int):
        """Wraps a trainer's batch iterator (before `observed_batches`): one beat per batch pulled."""

        def beating(**kwargs):
            training = bool(kwargs.get("loop") or kwargs.get("train"))
            for k, batch in enumerate(iterate_batches(**kwargs)):
                self.beat(offset + k if training else None)
                yield batch

        return beating


_current = Heartbeat(None, 0)


def start(run_dir: Path, rank: int) -> Heartbeat:
    """Called once by the runner's entry point; `current()` then returns this rank's heartbeat."""
    global _current
    _current = Heartbeat(run_dir, rank)
    return _current


def current() -> Heartbeat:
    return _current
