"""Multi-process runs through MLX's own launcher (mlx.launch): commands, hostfiles, pre-flight check.

We do not implement any collective ourselves: mx.distributed (ring / MPI) moves the data and mlx-lm's
trainer averages the gradients. This module only decides how the launcher is started:
- every run gets an explicit hostfile (one entry per rank, hosts repeated processes_per_host times),
  written into its run directory, so the world is recorded with the run;
- the launcher is `python -c <fixed import>` (the package has no `__main__`, and the venv's
  `mlx.launch` script may not sit beside the interpreter);
- the interpreter is part of the command itself, never the launcher's `--python` (ignored by MPI);
- ring ports are picked free on this machine unless the user fixed them.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from backend.runs.layout import clean_log_line
from backend.schemas.distributed import DistributedConfig
from backend.training.distributed.rank_watch import LAUNCHER_NODE_RE, describe_exit

DIST_CHECK_MODULE = "backend.training.runner.dist_check"
# A constant (never built from input): mlx's launcher entry point, run by the backend's interpreter.
LAUNCHER = ["-c", "from mlx._distributed_utils.launch import main; main()"]
# Forwarded to remote ranks (local ranks inherit the launcher's environment anyway).
RANK_ENV = ("PYTHONUNBUFFERED=1", "NO_COLOR=1", "TERM=dumb", "TOKENIZERS_PARALLELISM=false")


class DistributedError(ValueError):
    """A distributed setting that cannot work here; `field` names the offending config field."""

    def __init__(self, message: str, field: str = "hosts"):
        super().__init__(message)
        self.field = field


def is_local_address(host: str) -> bool:
    """True when `host` (IP or name) is an address of this machine: binding to it succeeds only here."""
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except OSError:
        return False
    for family, _, _, _, addr in infos:
        try:
            with socket.socket(family, socket.SOCK_STREAM) as s:
                s.bind((addr[0], 0))
            return True
        except OSError:
            continue
    return False


def check_runnable(cfg: DistributedConfig, *, need_local_rank0: bool) -> None:
    """What the schema cannot see: rank 0 on this machine (it writes the run's files), mpirun present."""
    entries = cfg.host_entries()
    if need_local_rank0 and entries:
        first = entries[0]
        names = [first["ssh"], *first["ips"]]
        if not any(is_local_address(n) for n in names):
            raise DistributedError(
                f"the first host ({first['ssh']}) must be this machine: rank 0 writes the run's events, "
                "logs and adapters into this studio's data folder")
    if need_local_rank0 and cfg.python and not os.access(cfg.python, os.X_OK):
        raise DistributedError(f"python {cfg.python} is not an executable on this machine (rank 0 runs "
                               "here with it too)", field="python")
    if cfg.backend == "mpi" and shutil.which("mpirun") is None:
        raise DistributedError("the mpi backend needs mpirun (Open MPI) on PATH; install it "
                               "(e.g. `brew install open-mpi`) or use the ring backend", field="backend")


def free_port_range(count: int, host: str = "", tries: int = 50) -> int:
    """First of `count` consecutive ports free on every interface here (the ring listens on base + rank)."""
    for _ in range(tries):
        base = random.randint(20000, 60000 - count)
        socks = []
        try:
            for port in range(base, base + count):
                s = socket.socket()
                socks.append(s)
                s.bind((host, port))
            return base
        except OSError:
            continue
        finally:
            for s in socks:
                s.close()
    raise DistributedError("no free port range for the ring backend", field="starting_port")


def write_hostfile(cfg: DistributedConfig, path: Path) -> list[dict]:
    entries = cfg.host_entries()
    path.write_text(json.dumps({"backend": cfg.backend, "hosts": entries}, indent=1), encoding="utf-8")
    return entries


def launcher_command(cfg: DistributedConfig, hostfile: Path, command: list[str],
                     port: int | None = None) -> list[str]:
    """argv of mlx.launch running `python *command` (`-m module` + args) on every rank of `hostfile`."""
    python = cfg.python or sys.executable
    argv = [sys.executable, *LAUNCHER, "--hostfile", str(hostfile), "--backend", cfg.backend]
    if cfg.backend == "ring":
        argv += ["--starting-port", str(port or cfg.starting_port or free_port_range(cfg.world_size))]
    for env in RANK_ENV:
        argv += ["--env", env]
    if os.environ.get("PYTHONPATH"):  # ssh starts a fresh environment: same code on every host
        argv += ["--env", f"PYTHONPATH={os.environ['PYTHONPATH']}"]
    return [*argv, "--", python, *command]


def rank_hosts(entries: list[dict]) -> list[str]:
    """How each rank is named in messages: its address (ring IP) or ssh name."""
    return [(e["ips"][0] if e.get("ips") else e["ssh"]) for e in entries]


# -- pre-flight ------------------------------------------------------------------------------------
def preflight(cfg: DistributedConfig, *, paths: list[str] | None = None, timeout: float = 30.0,
              runner: tuple[str, ...] = ("-m", DIST_CHECK_MODULE)) -> dict[str, Any]:
    """Launches a tiny all-reduce on the configured hosts; reports each rank reachable or not.

    Never hangs: past `timeout` the launcher's process group is killed and the ranks that did not
    answer are reported with what the launcher said about them.
    """
    check_runnable(cfg, need_local_rank0=False)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="lora-studio-check-") as tmp:
        hostfile = Path(tmp) / "hostfile.json"
        entries = write_hostfile(cfg, hostfile)
        cmd = launcher_command(cfg, hostfile, [*runner, *(paths or [])])
        out_path = Path(tmp) / "output.log"
        with out_path.open("wb") as out:
            # stdin stays an open pipe until the end: the launcher select()s on it and spins on EOF.
            proc = subprocess.Popen(cmd, cwd=tmp, stdin=subprocess.PIPE, stdout=out,
                                    stderr=subprocess.STDOUT, start_new_session=True,
                                    env={**os.environ, "PYTHONUNBUFFERED": "1"})
        timed_out = False
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
        kill_group(proc.pid)  # ranks may outlive the launcher; nothing of the check may linger
        proc.wait()
        proc.stdin.close()
        text = out_path.read_text(encoding="utf-8", errors="replace")
    return _report(cfg, entries, text, timed_out, timeout, time.monotonic() - started)


def kill_group(pgid: int, grace: float = 2.0) -> None:
    """SIGTERM the process group, then SIGKILL whatever is left of it after `grace` seconds."""
    try:
        os.killpg(pgid, signal.SIGTERM)
    except (ProcessLookupError, PermissionError):
        return
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except (ProcessLookupError, PermissionError):
            return
        time.sleep(0.05)
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _report(cfg: DistributedConfig, entries: list[dict], text: str, timed_out: bool, timeout: float,
            seconds: float) -> dict[str, Any]:
    answers: dict[int, dict] = {}
    exits: dict[int, int] = {}
    lines = [clean_log_line(line) for line in text.splitlines()]
    for line in lines:
        if line.startswith("{") and '"studio_check"' in line:
            try:
                data = json.loads(line)
                answers[int(data["rank"])] = data
            except (ValueError, KeyError):
                pass
        elif (m := LAUNCHER_NODE_RE.search(line)) and m.group(3):
            exits.setdefault(int(m.group(1)), int(m.group(3)))
    # The launcher stops every rank once one fails; those were not checked, not unreachable.
    culprits = [r for r, code in exits.items() if code > 0 or code == -9]
    world = len(entries)
    ranks = []
    for rank, host in enumerate(rank_hosts(entries)):
        answer = answers.get(rank)
        reachable: bool | None = answer is not None
        error = None
        if answer is None:
            code = exits.get(rank)
            if code is not None and rank not in culprits and culprits:
                reachable = None
                error = f"not checked: stopped when rank {culprits[0]} failed"
            elif code is not None:
                error = describe_exit(code)
            elif timed_out:
                error = f"no answer within {timeout:g}s (host unreachable, or waiting for another rank)"
            else:
                error = "no answer (see the output)"
        elif answer.get("world") != world or answer.get("sum") != world:
            error = f"joined a group of {answer.get('world')} (sum {answer.get('sum')}), expected {world}"
        elif answer.get("missing"):
            error = "missing on this host: " + ", ".join(answer["missing"])
        ranks.append({"rank": rank, "host": host, "reachable": reachable, "error": error,
                      "hostname": (answer or {}).get("hostname"), "python": (answer or {}).get("python"),
                      "mlx_version": (answer or {}).get("mlx")})
    return {"ok": all(r["error"] is None for r in ranks), "world_size": world, "backend": cfg.backend,
            "ranks": ranks, "timed_out": timed_out, "seconds": round(seconds, 2),
            "output_tail": "\n".join(lines[-40:])}
