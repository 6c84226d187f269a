"""What a runner does differently when mlx.launch starts it as one rank of several.

- Output: each rank redirects its own stdout/stderr to a file (rank 0 → the run's train.log, rank N →
  runs/<id>/ranks/rankN.log). Killing the launcher would otherwise break their pipes, and a print inside
  mlx-lm would turn a clean stop into a BrokenPipeError. A rank whose run directory does not exist
  (another machine) keeps the launcher's pipes, which is how its errors reach our log over ssh.
- Records: runs/<id>/ranks/rankN.json {rank, pid, hostname} at start, {state, message, step} at exit,
  so the studio can name the rank that failed (and see one that vanished).
- Inputs: rank 0 reads the run's YAML, data and reward file and sends them to the other ranks through
  the group itself, so other machines need only the model (at the same path) and the code.
- Start: rank 0 broadcasts the trainable weights (LoRA init, resumed checkpoint) so every rank starts
  from identical weights whatever its RNG or disk holds.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from backend.runs.layout import CONFIG_FILE, LOG_FILE

CHUNK = 16 * 1024 * 1024  # bytes per all_sum when broadcasting files
SCRATCH_PREFIX = "lora-studio-rank-"


def _remove_stale_scratch() -> None:
    """Scratch folders of ranks that were killed (no chance to clean up): their pid is gone."""
    for path in Path(tempfile.gettempdir()).glob(f"{SCRATCH_PREFIX}*-*"):
        try:
            pid = int(path.name[len(SCRATCH_PREFIX):].split("-", 1)[0])
            os.kill(pid, 0)
        except ProcessLookupError:
            shutil.rmtree(path, ignore_errors=True)
        except (ValueError, OSError):
            continue


def _write_json_atomic(path: Path, data: dict) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(tmp, path)


class RankContext:
    """One rank's side of a distributed run (world size > 1)."""

    def __init__(self, config_path: str, group):
        self.group, self.rank, self.world = group, group.rank(), group.size()
        self.run_dir = Path(config_path).resolve().parent
        self.local = self.run_dir.is_dir()  # same disk as the studio (this machine, or a shared folder)
        self.ranks_dir = self.run_dir / "ranks"
        self.record: dict[str, Any] = {"rank": self.rank, "world": self.world, "pid": os.getpid(),
                                       "hostname": socket.gethostname(), "started": time.time()}
        self._scratch: Path | None = None
        self._orig_err: int | None = None

    @property
    def scratch(self) -> Path:
        """A private folder for a non-zero rank's copies (data, reward file, trainer's own saves)."""
        if self._scratch is None:
            _remove_stale_scratch()
            self._scratch = Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-"))
        return self._scratch

    # -- output and records -----------------------------------------------------------------
    def open(self) -> None:
        if not self.local:
            return
        self.ranks_dir.mkdir(exist_ok=True)
        from backend.runs.layout import rank_lock_path
        from backend.training.runner.supervision import hold_lock

        hold_lock(rank_lock_path(self.ranks_dir, self.rank))  # before the record: a record implies it
        log = self.run_dir / LOG_FILE if self.rank == 0 else self.ranks_dir / f"rank{self.rank}.log"
        sys.stdout.flush()
        sys.stderr.flush()
        self._orig_err = os.dup(2)
        fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.close(fd)
        self._write_record()

    @property
    def echoes(self) -> bool:
        """Whether this rank's progress lines go to a log of its own (rank 0, or redirected)."""
        return self.rank == 0 or self.local

    def _write_record(self) -> None:
        if self.local:
            try:
                _write_json_atomic(self.ranks_dir / f"rank{self.rank}.json", self.record)
            except OSError:
                pass

    def finish(self, state: str, message: str | None = None, step: int | None = None) -> None:
        self.record.update(state=state, message=message, step=step, ended=time.time())
        self._write_record()
        if state == "error":
            # Also on the launcher's pipe: the only way a remote rank's message reaches the studio.
            line = f"[studio] rank {self.rank} failed: {message}\n".encode(errors="replace")
            try:
                os.write(self._orig_err if self._orig_err is not None else 2, line)
            except OSError:
                pass
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)

    # -- inputs -----------------------------------------------------------------------------
    def receive_config(self, config_path: str, load_text) -> dict[str, Any]:
        """Rank 0's YAML (+ data + reward file) on every rank; other ranks use private copies."""
        payload = b""
        if self.rank == 0:
            payload = _pack(Path(config_path))
        files = _unpack(broadcast_bytes(payload, self.group))
        config = load_text(files.pop(CONFIG_FILE).decode("utf-8"))
        if self.rank == 0:
            return config
        data_dir = self.scratch / "data"
        data_dir.mkdir()
        for name, content in files.items():
            if name.startswith("data/"):
                (data_dir / Path(name).name).write_bytes(content)
        config["data"] = str(data_dir)
        if "rewards.py" in files:
            (self.scratch / "rewards.py").write_bytes(files["rewards.py"])
            config["reward_functions_file"] = str(self.scratch / "rewards.py")
        # Nothing a non-zero rank writes may land in the run's folders (some trainers save on
        # every rank); its weights come from rank 0's broadcast, not from a checkpoint file.
        config["adapter_path"] = str(self.scratch / "adapters")
        config["events_path"] = None
        config["resume_adapter_file"] = None
        return config


def _pack(config_path: Path) -> bytes:
    import yaml

    text = config_path.read_bytes()
    config = yaml.safe_load(text) or {}  # only paths are read here; the ranks parse it like mlx-lm
    files = {CONFIG_FILE: text}
    data_dir = Path(config.get("data") or "")
    if data_dir.is_dir():
        for path in sorted(data_dir.glob("*.jsonl")):
            files[f"data/{path.name}"] = path.read_bytes()
    if config.get("reward_functions_file"):
        files["rewards.py"] = Path(config["reward_functions_file"]).read_bytes()
    header = json.dumps({name: len(content) for name, content in files.items()}).encode()
    return len(header).to_bytes(8, "little") + header + b"".join(files.values())


def _unpack(blob: bytes) -> dict[str, bytes]:
    size = int.from_bytes(blob[:8], "little")
    header = json.loads(blob[8:8 + size])
    out, pos = {}, 8 + size
    for name, length in header.items():
        out[name] = blob[pos:pos + length]
        pos += length
    return out


def broadcast_bytes(payload: bytes, group) -> bytes:
    """Rank 0's bytes on every rank: an all_sum where every other rank contributes zeros."""
    import mlx.core as mx
    import numpy as np

    root = group.rank() == 0
    n = int(mx.distributed.all_sum(mx.array([len(payload) if root else 0], dtype=mx.int64),
                                   group=group, stream=mx.cpu).item())
    chunks = []
    for start in range(0, n, CHUNK):
        size = min(CHUNK, n - start)
        part = (mx.array(np.frombuffer(payload, dtype=np.uint8, count=size, offset=start)) if root
                else mx.zeros((size,), dtype=mx.uint8))
        summed = mx.distributed.all_sum(part, group=group, stream=mx.cpu)
        chunks.append(np.array(summed).tobytes())
    return b"".join(chunks)


def broadcast_trainable(model, group) -> None:
    """Every rank takes rank 0's trainable weights (LoRA init, or the checkpoint rank 0 resumed).

    One all_sum over all weights flattened together (per dtype): many small collectives each pay
    the ring's latency.
    """
    import mlx.core as mx
    from mlx.core import eval as materialize
    from mlx.utils import tree_flatten, tree_unflatten

    if group.size() == 1:
        return
    root = group.rank() == 0
    params = tree_flatten(model.trainable_parameters())
    synced: list[tuple[str, Any]] = []
    for dtype in {v.dtype for _, v in params}:
        group_params = [(k, v) for k, v in params if v.dtype == dtype]
        flat = mx.concatenate([v.reshape(-1) for _, v in group_params])
        flat = mx.distributed.all_sum(flat if root else mx.zeros_like(flat), group=group, stream=mx.cpu)
        offset = 0
        for k, v in group_params:
            synced.append((k, flat[offset:offset + v.size].reshape(v.shape)))
            offset += v.size
    materialize([v for _, v in synced])  # mx.eval: run the broadcast before the update
    model.update(tree_unflatten(synced))
