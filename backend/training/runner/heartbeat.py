"""Per-rank heartbeats: the studio's stall watchdog sees every step (and every validation batch).

Progress events come every `steps_per_report` steps, far too rarely to tell a slow run from a wedged
one. So each rank that shares the studio's disk keeps `runs/<id>/heartbeat/rank<N>` at
"<step> <beats>" every time its trainer pulls a batch: once per training step (the batch of step
N + 1 is asked for only after step N is done) and once per validation batch (same step, one more
beat, so a long validation is not a stall). The watchdog compares contents, never mtimes, so clocks
of other machines do not matter. A rank on another machine (no run folder there) writes nothing.

A beat costs no system call: the file has a fixed size and is mapped into the runner's memory, so a
beat is a copy of one record into the page cache, which every reader of the file sees at once. A
reader may catch a record half copied, so `read_heartbeat` reads until two reads agree.
Kept free of mlx imports: the studio reads the same paths.
"""

from __future__ import annotations

import mmap
import os
from pathlib import Path

HEARTBEAT_DIR = "heartbeat"
RECORD_BYTES = 40  # "<19 digits> <19 digits>\n": the step and the beats, zero-padded


def heartbeat_dir(run_dir: Path) -> Path:
    return run_dir / HEARTBEAT_DIR


def heartbeat_file(run_dir: Path, rank: int) -> Path:
    return heartbeat_dir(run_dir) / f"rank{rank}"


def _parse(text: str) -> tuple[int, int] | None:
    """(step, beats) from a heartbeat file's content; None for anything else."""
    try:
        step, beats = text.split()
        return int(step), int(beats)
    except ValueError:
        return None


def read_heartbeat(path: Path) -> tuple[str, tuple[int, int]] | None:
    """(content, (step, beats)) of a heartbeat file, or None when there is none (yet)."""
    try:
        text = path.read_text(encoding="utf-8")
        for _ in range(5):  # two equal reads: not a record caught while it was being copied
            again = path.read_text(encoding="utf-8")
            if again == text:
                break
            text = again
    except (OSError, UnicodeDecodeError):
        return None
    parsed = _parse(text)
    return (text, parsed) if parsed is not None else None


def _record(step: int, beats: int) -> bytes:
    return f"{step:019d} {beats:019d}\n".encode()


class Heartbeat:
    def __init__(self, run_dir: Path | None, rank: int):
        self.path = heartbeat_file(run_dir, rank) if run_dir is not None and run_dir.is_dir() else None
        self.step = 0
        self.beats = 0
        self._map: mmap.mmap | None = None

    def beat(self, step: int | None = None) -> None:
        if step is not None:
            self.step = step
        self.beats += 1
        if self._map is not None:
            self._map[:RECORD_BYTES] = _record(self.step, self.beats)
        elif self.path is not None:
            self._open()

    def _open(self) -> None:
        """At the first beat (no file before the loop begins: loading is not a beat)."""
        path, self.path = self.path, None  # one try: a full disk must not kill (or slow) training
        try:
            path.parent.mkdir(exist_ok=True)
            tmp = path.with_name(f".{path.name}.tmp")
            tmp.write_bytes(_record(self.step, self.beats))
            os.replace(tmp, path)  # a reader never sees the file shorter than one record
            fd = os.open(path, os.O_RDWR)
            try:
                self._map = mmap.mmap(fd, RECORD_BYTES)
            finally:
                os.close(fd)
        except OSError:
            return
        self.path = path

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
