"""The on-disk layout of one run (`runs/<run_id>/`) and what can be read from it."""

from __future__ import annotations

import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

# The names inside a run directory, declared once: the runners write them, the server reads them.
CONFIG_FILE = "config.yaml"
EVENTS_FILE = "events.jsonl"
LOG_FILE = "train.log"
STOP_FILE = "STOP"
ADAPTERS_DIR = "adapters"
ADAPTER_CONFIG = "adapter_config.json"
FINAL_ADAPTER = "adapters.safetensors"
BEST_ADAPTER = "best_adapters.safetensors"
CHECKPOINT_RE = re.compile(r"^(\d{7})_adapters\.safetensors$")


def checkpoint_name(step: int) -> str:
    """The checkpoint written at an absolute step (a resumed leg never overwrites the first leg's)."""
    return f"{step:07d}_{FINAL_ADAPTER}"


def state_files(adapter_file: Path) -> tuple[Path, Path]:
    """`0000042_adapters.safetensors` -> (`0000042_state.safetensors`, `0000042_state.json`): the
    exact-resume state beside a checkpoint; the json is written last, so it marks a complete state."""
    stem = adapter_file.name.replace(f"_{FINAL_ADAPTER}", "")
    return adapter_file.with_name(f"{stem}_state.safetensors"), adapter_file.with_name(f"{stem}_state.json")


def has_state(adapter_file: Path) -> bool:
    return state_files(adapter_file)[1].is_file()

ACTIVE_STATES = ("starting", "running", "stopping")
FINAL_STATES = ("completed", "stopped", "error")
RUN_ID_RE = re.compile(r"^[A-Za-z0-9._-]{1,100}$")


def rank_lock_path(ranks_dir: Path, rank: int) -> Path:
    """Distributed runs: flock'd by local rank N while it lives (a zombie holds no lock)."""
    return ranks_dir / f"rank{rank}.lock"


def new_run_id(adapter_name: str) -> str:
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime())
    return f"{stamp}-{adapter_name[:40]}-{secrets.token_hex(2)}"


@dataclass(frozen=True)
class RunFiles:
    root: Path

    @classmethod
    def for_run(cls, runs_dir: Path, run_id: str) -> "RunFiles":
        if not RUN_ID_RE.match(run_id) or run_id in (".", ".."):
            raise ValueError(f"invalid run id {run_id!r}")
        return cls(runs_dir / run_id)

    @property
    def config_yaml(self) -> Path:
        return self.root / CONFIG_FILE

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def adapters(self) -> Path:
        return self.root / ADAPTERS_DIR

    @property
    def events(self) -> Path:
        return self.root / EVENTS_FILE

    @property
    def log(self) -> Path:
        return self.root / LOG_FILE

    @property
    def stop_file(self) -> Path:
        """Written by the studio to ask a run to stop; rank 0 polls it at every step boundary."""
        return self.root / STOP_FILE

    @property
    def runner_lock(self) -> Path:
        """flock'd by the live runner (rank 0), its pid inside: held iff the runner is alive."""
        return self.root / "runner.lock"

    @property
    def server_lock(self) -> Path:
        """flock'd by the server following the run: the runner stops once it is released."""
        return self.root / "server.lock"

    @property
    def ranks_dir(self) -> Path:
        """Distributed runs: one rank<N>.json record (and rank<N>.log for N > 0) per local rank."""
        return self.root / "ranks"

    @property
    def hostfile(self) -> Path:
        """Distributed runs: the mlx.launch hostfile the run was started with (one entry per rank)."""
        return self.root / "hostfile.json"

    @property
    def final_adapter(self) -> Path:
        return self.adapters / FINAL_ADAPTER

    @property
    def best_adapter(self) -> Path:
        return self.adapters / BEST_ADAPTER

    def checkpoints(self) -> list[tuple[int, Path]]:
        if not self.adapters.is_dir():
            return []
        found = [(int(m.group(1)), p) for p in self.adapters.iterdir()
                 if (m := CHECKPOINT_RE.match(p.name))]
        return sorted(found)

    def resume_point(self) -> tuple[int, Path] | None:
        """The newest checkpoint with its exact-resume state; the newest of all when none has one
        (an older app's run). A newer checkpoint without state is one the runner died writing (or a
        step inside a gradient accumulation): resuming from its weights only would not be exact."""
        ckpts = self.checkpoints()
        exact = [c for c in ckpts if has_state(c[1])]
        return (exact or ckpts or [None])[-1]

    def has_adapter(self) -> bool:
        return (self.adapters / ADAPTER_CONFIG).is_file() and self.final_adapter.is_file()

    def adapter_files(self) -> list[dict]:
        if not self.adapters.is_dir():
            return []
        return [{"name": p.name, "size_bytes": p.stat().st_size}
                for p in sorted(self.adapters.iterdir()) if p.is_file() and ".tmp" not in p.name]

    def log_tail(self, n: int) -> list[str]:
        if not self.log.is_file():
            return []
        from collections import deque
        with self.log.open("r", encoding="utf-8", errors="replace") as f:
            return [clean_log_line(line) for line in deque(f, maxlen=n)]


ANSI_RE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def clean_log_line(line: str) -> str:
    """Console output without colour codes or carriage-return redraws."""
    return ANSI_RE.sub("", line.rstrip("\n").split("\r")[-1]).rstrip()


def readiness(run: dict, files: RunFiles) -> str:
    """One badge for Compare and Sessions: what this run's adapter can be used for now."""
    if run["state"] in ACTIVE_STATES:
        return "running"
    if not files.has_adapter():
        return "incomplete" if run["state"] in ("stopped", "error") and files.checkpoints() else "missing_files"
    if run.get("legacy"):
        return "legacy"
    if run["state"] in ("stopped", "error"):
        return "incomplete"
    if files.best_adapter.is_file():
        return "best_available"
    return "ready"
