"""The Distributed section: validation, hostfiles, launcher commands, YAML batch keys, rank watching."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pydantic import ValidationError

from backend.schemas.distributed import DistributedCheck, DistributedConfig
from backend.schemas.enhanced import EnhancedTrainingConfig
from backend.schemas.training import TrainingConfig, training_defaults
from backend.training.distributed.launcher import (
    DistributedError,
    check_runnable,
    is_local_address,
    launcher_command,
    rank_hosts,
    write_hostfile,
)
from backend.training.distributed.rank_watch import RankWatcher, describe_exit
from backend.training.yaml_builder import build_enhanced_yaml, build_sft_yaml

LOOP2 = {"enabled": True, "hosts": ["127.0.0.1"], "processes_per_host": 2}


def sft(**kw):
    return TrainingConfig(model_path="m", train_data_path="t", **kw)


def test_off_by_default_and_in_the_defaults():
    config = sft()
    assert config.distributed.enabled is False and config.world_size == 1
    assert config.effective_batch_size == config.batch_size
    assert training_defaults()["defaults"]["distributed"] == {
        "enabled": False, "hosts": [], "hostfile": None, "processes_per_host": 1, "backend": "ring",
        "python": None, "starting_port": None}
    # a disabled section is not validated: the UI may keep half-filled hosts around
    assert sft(distributed={"enabled": False, "hosts": ["mac.local"]}).world_size == 1


def test_effective_batch_is_per_rank_times_world():
    config = sft(batch_size=3, distributed={"enabled": True, "hosts": ["10.0.0.1", "10.0.0.2"],
                                            "processes_per_host": 2})
    assert (config.world_size, config.effective_batch_size) == (4, 12)
    dumped = config.model_dump()
    assert dumped["effective_batch_size"] == 12 and dumped["world_size"] == 4
    assert [e["ips"] for e in config.distributed.host_entries()] == [["10.0.0.1"]] * 2 + [["10.0.0.2"]] * 2
    enhanced = EnhancedTrainingConfig(model_path="m", train_data_path="t", batch_size=2, distributed=LOOP2)
    assert enhanced.effective_batch_size == 4


@pytest.mark.parametrize("section,needle", [
    ({"enabled": True}, "needs hosts"),
    ({"enabled": True, "hosts": ["127.0.0.1"]}, "at least 2 processes"),
    ({"enabled": True, "hosts": ["mac1.local", "10.0.0.2"]}, "needs IP addresses"),
    ({"enabled": True, "hosts": ["127.0.0.1"], "hostfile": "/x.json", "processes_per_host": 2}, "not both"),
    ({"enabled": True, "hostfile": "/nonexistent/hosts.json"}, "does not exist"),
    ({"enabled": True, "hosts": ["a;rm -rf /"], "backend": "mpi"}, "not a host name"),
    ({"enabled": True, "hosts": ["127.0.0.1"], "processes_per_host": 0}, "greater than or equal to 1"),
    ({"enabled": True, "hosts": ["127.0.0.1"], "processes_per_host": 2, "backend": "jaccl"}, "'ring' or 'mpi'"),
])
def test_invalid_sections_are_refused_with_a_reason(section, needle):
    with pytest.raises(ValidationError) as err:
        sft(distributed=section)
    assert needle in str(err.value)
    assert err.value.errors()[0]["loc"][0] == "distributed"


def test_hostfile_in_mlx_launch_format(tmp_path):
    good = tmp_path / "hosts.json"
    good.write_text(json.dumps({"backend": "ring", "envs": ["X=1"], "hosts": [
        {"ssh": "mac1.local", "ips": ["10.0.0.1"]}, {"ssh": "mac2.local", "ips": ["10.0.0.2"]}]}))
    config = DistributedConfig(enabled=True, hostfile=str(good), processes_per_host=2)
    assert config.world_size == 4
    assert rank_hosts(config.host_entries()) == ["10.0.0.1", "10.0.0.1", "10.0.0.2", "10.0.0.2"]
    good.unlink()  # the world size was read at validation: a recorded run keeps it
    assert config.world_size == 4

    names_only = tmp_path / "names.json"
    names_only.write_text(json.dumps([{"ssh": "mac1.local"}, {"ssh": "mac2.local"}]))
    with pytest.raises(ValidationError, match="needs \"ips\""):
        DistributedConfig(enabled=True, hostfile=str(names_only))
    assert DistributedConfig(enabled=True, hostfile=str(names_only), backend="mpi").world_size == 2
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    with pytest.raises(ValidationError, match="Failed to parse hostfile"):
        DistributedConfig(enabled=True, hostfile=str(broken))


def test_launcher_command_is_an_argument_list_with_the_interpreter_in_it(tmp_path):
    config = DistributedConfig(**LOOP2)
    entries = write_hostfile(config, tmp_path / "hostfile.json")
    assert json.loads((tmp_path / "hostfile.json").read_text())["hosts"] == entries and len(entries) == 2
    cmd = launcher_command(config, tmp_path / "hostfile.json", ["run.py", "--config", "c.yaml"], port=40000)
    assert cmd[:3] == [sys.executable, "-c", "from mlx._distributed_utils.launch import main; main()"]
    assert cmd[cmd.index("--backend") + 1] == "ring" and cmd[cmd.index("--starting-port") + 1] == "40000"
    assert cmd[cmd.index("--") + 1:] == [sys.executable, "run.py", "--config", "c.yaml"]
    remote_py = DistributedConfig(**LOOP2, python="/opt/venv/bin/python")
    assert launcher_command(remote_py, tmp_path / "h.json", ["x.py"], port=1)[-2:] == ["/opt/venv/bin/python", "x.py"]
    assert "--python" not in cmd  # mpirun ignores it; the interpreter is part of the command instead
    auto = launcher_command(config, tmp_path / "hostfile.json", ["x.py"])
    assert 20000 <= int(auto[auto.index("--starting-port") + 1]) < 60000


def test_the_servers_pythonpath_reaches_remote_ranks(tmp_path, monkeypatch):
    config = DistributedConfig(**LOOP2)
    monkeypatch.setenv("PYTHONPATH", "/src/studio")
    cmd = launcher_command(config, tmp_path / "h.json", ["x.py"], port=1)
    assert cmd[cmd.index("PYTHONPATH=/src/studio") - 1] == "--env"
    monkeypatch.delenv("PYTHONPATH")
    assert not any(a.startswith("PYTHONPATH=") for a in launcher_command(config, tmp_path / "h.json", ["x.py"], port=1))


def test_rank0_must_be_this_machine_and_mpi_needs_mpirun(monkeypatch):
    assert is_local_address("127.0.0.1") and not is_local_address("192.0.2.1")
    check_runnable(DistributedConfig(**LOOP2), need_local_rank0=True)
    remote_first = DistributedConfig(enabled=True, hosts=["192.0.2.1", "127.0.0.1"])
    with pytest.raises(DistributedError, match="must be this machine"):
        check_runnable(remote_first, need_local_rank0=True)
    check_runnable(remote_first, need_local_rank0=False)  # the pre-flight may test any host
    with pytest.raises(DistributedError, match="not an executable on this machine") as err:
        check_runnable(DistributedConfig(**LOOP2, python="/nope/python"), need_local_rank0=True)
    assert err.value.field == "python"
    check_runnable(DistributedConfig(**LOOP2, python=sys.executable), need_local_rank0=True)
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(DistributedError, match="mpirun") as err:
        check_runnable(DistributedConfig(**{**LOOP2, "backend": "mpi"}), need_local_rank0=True)
    assert err.value.field == "backend"


def test_yaml_batch_size_is_global_and_says_so(tmp_path):
    config = sft(batch_size=2, distributed=LOOP2)
    data = build_sft_yaml(config, run_id="r", run_dir=tmp_path, keys=None)
    assert (data["batch_size"], data["world_size"], data["per_rank_batch_size"],
            data["effective_batch_size"], data["distributed_backend"]) == (4, 2, 2, 4, "ring")
    single = build_sft_yaml(sft(batch_size=2), run_id="r", run_dir=tmp_path, keys=None)
    assert (single["batch_size"], single["world_size"], single["effective_batch_size"]) == (2, 1, 2)
    assert "distributed_backend" not in single
    enhanced = EnhancedTrainingConfig(model_path="m", train_data_path="t", batch_size=3, distributed=LOOP2)
    grpo = build_enhanced_yaml(enhanced, run_id="r", run_dir=tmp_path, keys=["self_attn.q_proj"])
    assert (grpo["batch_size"], grpo["per_rank_batch_size"], grpo["world_size"]) == (6, 3, 2)


def test_check_body_is_validated_as_if_enabled():
    assert DistributedCheck(hosts=["127.0.0.1"], processes_per_host=2).enabled
    with pytest.raises(ValidationError, match="at least 2 processes"):
        DistributedCheck(enabled=False, hosts=["127.0.0.1"])


# -- rank watching ------------------------------------------------------------------------------
def _record(ranks: Path, rank: int, pid: int, **extra) -> None:
    import socket

    (ranks / f"rank{rank}.json").write_text(json.dumps({"rank": rank, "pid": pid,
                                                        "hostname": socket.gethostname(), **extra}))


def test_a_vanished_rank_is_the_root_cause_not_the_peer_that_lost_it(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    watcher = RankWatcher(tmp_path, ["127.0.0.1", "127.0.0.1"])
    _record(tmp_path, 0, os.getpid(), state="error", message="RuntimeError: [ring] connection to a peer was lost")
    watcher.scan()
    assert watcher.root_cause() is None and watcher.symptom_since() is not None  # a symptom only
    _record(tmp_path, 1, dead.pid)  # started, never reported an end, and its pid is gone
    watcher.scan()
    assert watcher.root_cause() == ("rank 1 (127.0.0.1) was killed (SIGKILL or a hard crash: it could not "
                                    "record its end)")
    watcher.frozen = True
    watcher.feed_line("[WARN] Node with rank 1 exited with code -9")  # refines the same rank
    watcher.feed_line("[WARN] Node with rank 0 exited with code -15")  # our own kill: ignored
    assert watcher.message() == "rank 1 (127.0.0.1) was killed by SIGKILL"
    assert watcher.describe(0) == (True, "rank 0 (127.0.0.1) failed: RuntimeError: [ring] connection to a peer "
                                         "was lost")  # still its own report, a symptom


def _beat(run_dir: Path, rank: int, step: int) -> None:
    (run_dir / "heartbeat").mkdir(exist_ok=True)
    (run_dir / "heartbeat" / f"rank{rank}").write_text(f"{step} {step + 3}")


def test_remote_rank_messages_and_exit_codes(tmp_path):
    ranks = tmp_path / "ranks"
    ranks.mkdir()
    watcher = RankWatcher(ranks, ["10.0.0.1", "10.0.0.2"])
    watcher.feed_line("\x1b[33m[WARN] Node with rank 1 exited with code 255 \x1b[0m")
    # no record, no heartbeat, no step anywhere: ssh never got the runner started
    assert watcher.message() == ("rank 1 (10.0.0.2) could not connect or log in over ssh (status 255 before "
                                 "its runner started)")
    _beat(tmp_path, 0, 7)  # rank 0 trained: every rank had joined the ring, so ssh had worked
    assert watcher.message() == "rank 1 (10.0.0.2) lost its ssh session (killed, or the connection dropped)"
    _beat(tmp_path, 1, 6)
    assert watcher.message() == ("rank 1 (10.0.0.2) lost its ssh session at step 6 (killed, or the "
                                 "connection dropped)")
    watcher.feed_line("[studio] rank 1 failed: FileNotFoundError: /models/x")
    assert watcher.message() == "rank 1 (10.0.0.2) failed at step 6: FileNotFoundError: /models/x"
    watcher.feed_line("[WARN] Node with rank 0 exited with code 0")
    assert set(watcher.failures) == {1}
    assert describe_exit(-15) == "was killed by SIGTERM" and describe_exit(3) == "exited with status 3"


def test_exit_statuses_of_a_started_rank(tmp_path):
    ranks = tmp_path / "ranks"
    ranks.mkdir()
    _beat(tmp_path, 1, 12)
    for line, expected in [
        ("Node with rank 1 exited with code 3", "rank 1 (10.0.0.2) exited with status 3 at step 12"),
        ("Node with rank 1 exited with code 137", "rank 1 (10.0.0.2) was killed by SIGKILL at step 12 (status 137)"),
        ("Node with rank 1 exited with code -15", "rank 1 (10.0.0.2) was killed by SIGTERM at step 12"),
        ("Node with rank 1 exited with code 127",
         "rank 1 (10.0.0.2) exited with status 127 (the interpreter or script was not found there) at step 12"),
    ]:
        watcher = RankWatcher(ranks, ["10.0.0.1", "10.0.0.2"])
        watcher.feed_line(f"[WARN] {line}")
        assert watcher.message() == expected


def test_ranks_that_ended_normally_are_not_failures(tmp_path):
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        watcher = RankWatcher(tmp_path, ["127.0.0.1", "127.0.0.1"])
        _record(tmp_path, 0, child.pid)
        _record(tmp_path, 1, 999999999, state="completed")  # ended with a record: pid not consulted
        (tmp_path / "notes.json").write_text("{}")  # foreign files are ignored
        watcher.scan()
        assert watcher.message() is None and watcher.any_alive() and watcher.local_pids()[0] == child.pid
    finally:
        child.kill()
        child.wait()
    time.sleep(0.05)
    watcher.scan()
    assert "rank 0" in watcher.message()
