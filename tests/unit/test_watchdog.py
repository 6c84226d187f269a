"""StallWatchdog on its own: heartbeats read by content, the timeout learnt from step times, the
rank to blame."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from backend.training.runner.heartbeat import Heartbeat
from backend.training.watchdog import (
    DEFAULT_MIN_TIMEOUT_S,
    LOAD_ALLOWANCE_S,
    StallWatchdog,
    process_state,
)


def test_default_timeout_is_a_minute_or_ten_median_steps(tmp_path: Path):
    dog = StallWatchdog(tmp_path, timeout_s=None)
    beat = Heartbeat(tmp_path, 0)
    t0 = dog.started
    assert dog.allowance() == LOAD_ALLOWANCE_S  # nothing beat yet: loading the model
    assert not dog.stalled(t0 + LOAD_ALLOWANCE_S - 1) and dog.stalled(t0 + LOAD_ALLOWANCE_S + 1)
    beat.beat(0)
    dog.poll(t0)
    assert dog.allowance() == LOAD_ALLOWANCE_S  # the loop began; no step time known yet
    for i, step_s in enumerate([2.0, 9.0, 9.0, 9.0, 30.0], start=1):  # every 9 s (median), one slow
        t0 += step_s
        beat.beat(i)
        dog.poll(t0)
    assert abs(dog.timeout() - 90.0) < 1e-6 and abs(dog.allowance() - 90.0) < 1e-6
    assert not dog.stalled(t0 + 89) and dog.stalled(t0 + 91)
    dog.step_times.clear()
    assert dog.timeout() == DEFAULT_MIN_TIMEOUT_S
    dog.poll(t0 + 50)  # same content: not a beat
    assert abs(dog.idle_seconds(t0 + 50) - 50) < 1e-6


def test_validation_beats_keep_the_step_but_prove_life(tmp_path: Path):
    dog = StallWatchdog(tmp_path, timeout_s=5)
    beat = Heartbeat(tmp_path, 0)
    batches = beat.batches(lambda **kw: iter(range(3)), offset=10)
    assert list(batches(loop=True)) == [0, 1, 2] and beat.step == 12
    dog.poll(100.0)
    list(batches(train=False))  # a validation pass: 3 beats at step 12
    dog.poll(104.0)
    assert dog.idle_seconds(104.0) == 0 and dog.seen[0][2] == 12
    assert dog.snapshot(106.0) == {"idle_s": 2.0, "timeout_s": 5.0, "warn_after_s": 2.5, "beating": True}
    assert dog.stalled(109.5)
    assert dog.message(109.5) == "stalled: no step for 6 s (rank 0 last seen at step 12)"


def test_earlier_legs_beats_are_cleared(tmp_path: Path):
    Heartbeat(tmp_path, 0).beat(40)
    dog = StallWatchdog(tmp_path, timeout_s=5)
    dog.poll()
    assert dog.seen == {} and dog.message().endswith("(rank 0 no step seen)")


def test_blame_a_frozen_rank_then_the_lowest_step_then_the_remote_one(tmp_path: Path):
    frozen = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        pids = {0: os.getpid()}
        dog = StallWatchdog(tmp_path, world=3, hosts=["10.0.0.1", "10.0.0.2", "10.0.0.3"], timeout_s=5,
                            is_remote=lambda r: r == 2, local_pids=lambda: pids)
        for rank, step in [(0, 8), (1, 8), (2, 8)]:
            Heartbeat(tmp_path, rank).beat(step)
        dog.poll()
        assert dog.culprit() == (2, 8)  # same step: the one on another machine
        Heartbeat(tmp_path, 1).beat(7)
        dog.poll()
        assert dog.culprit() == (1, 7)  # the one behind
        os.kill(frozen.pid, signal.SIGSTOP)
        pids[0] = frozen.pid
        deadline = time.monotonic() + 5
        while process_state(frozen.pid) not in ("T", "t") and time.monotonic() < deadline:
            time.sleep(0.02)
        assert dog.culprit() == (0, 8)  # the kernel says it is stopped
        assert "(rank 0 on 10.0.0.1 last seen at step 8)" in dog.message()
    finally:
        frozen.kill()
        frozen.wait()


def test_a_rank_without_beats_on_another_disk_is_blamed_at_the_known_step(tmp_path: Path):
    dog = StallWatchdog(tmp_path, world=2, hosts=["10.0.0.1", "10.0.0.2"], timeout_s=5,
                        is_remote=lambda r: r == 1)
    Heartbeat(tmp_path, 0).beat(5)
    dog.poll()
    assert dog.culprit() == (1, 5)


def test_a_beat_after_the_first_touches_no_file_yet_every_reader_sees_it(tmp_path: Path, monkeypatch):
    from backend.training.runner import heartbeat as hb

    beat = Heartbeat(tmp_path, 1)
    path = hb.heartbeat_file(tmp_path, 1)
    assert hb.read_heartbeat(path) is None  # loading the model is not a beat
    beat.beat(0)
    assert hb.read_heartbeat(path)[1] == (0, 1)

    def no_file_work(*args, **kwargs):
        raise AssertionError("a beat did file work")
    for name in ("open", "replace", "write", "stat"):
        monkeypatch.setattr(hb.os, name, no_file_work)
    monkeypatch.setattr(Path, "write_bytes", no_file_work)
    for step in range(1, 501):
        beat.beat(step)
    monkeypatch.undo()
    text, parsed = hb.read_heartbeat(path)
    assert parsed == (500, 501) and len(text) == hb.RECORD_BYTES and text.split()[0] == f"{500:019d}"
    # another process reads the same bytes from the page cache (no flush, no msync)
    out = subprocess.run([sys.executable, "-c", f"print(open({str(path)!r}).read().split())"],
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == str([f"{500:019d}", f"{501:019d}"])


def test_a_heartbeat_that_cannot_be_written_never_stops_training(tmp_path: Path):
    (tmp_path / "heartbeat").write_text("a file where the folder should be")
    beat = Heartbeat(tmp_path, 0)
    for step in range(3):
        beat.beat(step)
    assert beat.step == 2 and beat.beats == 3 and beat.path is None
