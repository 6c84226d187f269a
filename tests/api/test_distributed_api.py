"""The Distributed section through the API: clear 422s before anything starts, and the pre-flight check."""

import json
import time

import pytest

from tests.api.test_training_validation import assert_nothing_changed, body

LOOP2 = {"enabled": True, "hosts": ["127.0.0.1"], "processes_per_host": 2}


@pytest.mark.parametrize("section,field,needle", [
    ({"enabled": True}, None, "needs hosts"),
    ({"enabled": True, "hosts": ["127.0.0.1"]}, None, "turn distributed off"),
    ({"enabled": True, "hosts": ["192.0.2.1", "127.0.0.1"]}, "hosts", "must be this machine"),
])
def test_bad_distributed_sections_are_422(client, settings, demo, section, field, needle):
    r = client.post("/training/start", json=body(demo, distributed=section))
    assert r.status_code == 422, r.text
    [err] = r.json()["detail"]
    assert err["loc"][:2] == ["body", "distributed"] and needle in err["msg"]
    if field:
        assert err["loc"] == ["body", "distributed", field]
    assert_nothing_changed(client, settings)


def test_global_batch_larger_than_a_split_is_422(client, settings, demo):
    # 8 rows per process × 2 processes = 16 > the 12 validation rows of the demo set
    r = client.post("/training/start", json=body(demo, batch_size=8, distributed=LOOP2))
    assert r.status_code == 422
    [err] = r.json()["detail"]
    assert err["loc"] == ["body", "batch_size"]
    assert "fewer than one global batch of 16 (8 per process × 2 processes)" in err["msg"]
    assert_nothing_changed(client, settings)
    r = client.post("/training/start-enhanced", json={
        "model_path": demo["model"], "train_data_path": demo["grpo_train"], "val_data_path": demo["grpo_valid"],
        "batch_size": 32, "distributed": LOOP2})
    assert r.status_code == 422 and "global batch of 64" in r.json()["detail"][0]["msg"]


def test_defaults_carry_the_section(client):
    d = client.get("/training/defaults").json()
    assert d["defaults"]["distributed"]["enabled"] is False
    assert d["defaults"]["distributed"]["backend"] == "ring"


def test_check_on_loopback_reports_every_rank(client, demo):
    started = time.monotonic()
    r = client.post("/training/distributed/check", json={**LOOP2, "paths": [demo["model"], "/no/such/dir"]})
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["world_size"] == 2 and report["backend"] == "ring" and not report["timed_out"]
    assert [x["rank"] for x in report["ranks"]] == [0, 1]
    for rank in report["ranks"]:
        assert rank["reachable"] is True and rank["host"] == "127.0.0.1" and rank["python"]
        assert rank["error"] == "missing on this host: /no/such/dir"  # the model is there, the bogus path not
    assert report["ok"] is False
    ok = client.post("/training/distributed/check", json={**LOOP2, "paths": [demo["model"]]}).json()
    assert ok["ok"] is True and all(x["error"] is None for x in ok["ranks"])
    assert time.monotonic() - started < 60


def test_check_reports_an_unreachable_host_instead_of_failing(client):
    # 127.0.0.2 is not "127.0.0.1", so the launcher goes through ssh, which cannot log in there
    r = client.post("/training/distributed/check",
                    json={"hosts": ["127.0.0.1", "127.0.0.2"], "timeout_s": 20})
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["ok"] is False and report["world_size"] == 2
    rank0, rank1 = report["ranks"]
    assert rank1["host"] == "127.0.0.2" and rank1["reachable"] is False and rank1["error"]
    assert rank0["error"]  # it never completed the all-reduce either
    assert report["seconds"] < 25


def test_check_never_outlives_its_timeout(tmp_path):
    from backend.schemas.distributed import DistributedCheck
    from backend.training.distributed.launcher import preflight

    hang = tmp_path / "hang.py"
    hang.write_text("import time\ntime.sleep(60)\n")
    started = time.monotonic()
    report = preflight(DistributedCheck(**LOOP2), timeout=2, runner=(str(hang),))
    assert time.monotonic() - started < 10
    assert report["timed_out"] and not report["ok"]
    assert all(not r["reachable"] and "no answer within 2s" in r["error"] for r in report["ranks"])


def test_check_body_errors_are_422(client, tmp_path):
    r = client.post("/training/distributed/check", json={"hosts": ["127.0.0.1"]})
    assert r.status_code == 422 and "at least 2 processes" in json.dumps(r.json())
    r = client.post("/training/distributed/check", json={"hosts": ["127.0.0.1"], "processes_per_host": 2,
                                                         "backend": "mpi"})
    import shutil
    if shutil.which("mpirun") is None:
        assert r.status_code == 422 and "mpirun" in r.json()["detail"][0]["msg"]
