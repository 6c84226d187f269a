"""Sessions of the older app imported in full, against an adapter really trained with plain `mlx_lm lora`.

The older app wrote one `session_<uuid4>.json` per run plus `latest.json`; its `adapter_path` is the
FILE `<output_dir>/<adapter_name>/adapters.safetensors`. The test writes such files for each kind it
produced (older, newer with LoRA fields, stopped, Enhanced, nested_learning), each pointing at its own
copy of one adapter trained here (rank 8, scale 20, 8 steps, checkpoints every 4), and asks
`/model/test` with each: the answer must be exactly what mlx-lm gives with that adapter.
"""

import json
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
from mlx_lm import generate, load
from mlx_lm.sample_utils import make_sampler

from tests.conftest import demo_paths, make_settings, new_data_root

pytestmark = pytest.mark.e2e
PROMPT = "What is the capital of Veloria?"
KEYS = ["self_attn.q_proj", "self_attn.v_proj", "mlp.down_proj"]


@pytest.fixture(scope="module")
def plain_adapter(tmp_path_factory, demo_cache) -> Path:
    """An adapter from plain `python -m mlx_lm lora`: rank 8, scale 20, checkpoints at steps 4 and 8."""
    work = tmp_path_factory.mktemp("plain-lora")
    out = work / "capitals"
    config = {
        "model": str(demo_cache / "model"), "train": True, "data": str(demo_cache / "datasets" / "sft"),
        "adapter_path": str(out), "iters": 8, "batch_size": 4, "learning_rate": 1e-3, "steps_per_report": 4,
        "steps_per_eval": 8, "val_batches": 2, "save_every": 4, "num_layers": -1,
        "lora_parameters": {"rank": 8, "scale": 20.0, "dropout": 0.0, "keys": KEYS},
    }
    (work / "lora.yaml").write_text(json.dumps(config))  # YAML is a superset of JSON
    proc = subprocess.run([sys.executable, "-m", "mlx_lm", "lora", "-c", str(work / "lora.yaml")],
                          check=False, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert {"adapters.safetensors", "0000004_adapters.safetensors", "adapter_config.json"} <= {
        p.name for p in out.iterdir()}
    return out


def greedy(model_dir: str, adapter_dir: Path | None) -> str:
    model, tok = load(model_dir, adapter_path=str(adapter_dir) if adapter_dir else None)
    ids = tok.apply_chat_template([{"role": "user", "content": PROMPT}], add_generation_prompt=True)
    return generate(model, tok, ids, max_tokens=24, sampler=make_sampler(temp=0.0))


def older_app_output(root: Path, adapter: Path, name: str, *, final_from: str | None = None) -> Path:
    """`<output_dir>/<name>/` as the older app left it: the adapter, a best copy and its own clutter."""
    folder = root / "outputs" / name
    shutil.copytree(adapter, folder)
    if final_from:  # a stopped run: its last save is the checkpoint, not the full run
        shutil.copy2(folder / final_from, folder / "adapters.safetensors")
        (folder / "0000008_adapters.safetensors").unlink()
    shutil.copy2(folder / "0000004_adapters.safetensors", folder / "best_adapters.safetensors")
    (folder / "training_log.txt").write_text("iter 4: loss 0.96\n")
    (folder / "session_notes.json").write_text('{"secret": "not part of an adapter"}')
    return folder / "adapters.safetensors"


def session_files(root: Path, adapter: Path, demo: dict) -> dict[str, dict]:
    common = {"model_path": demo["model"], "train_data_path": demo["train"], "val_data_path": demo["valid"],
              "learning_rate": 1e-3, "batch_size": 4, "max_seq_length": 512, "iterations": 8,
              "steps_per_report": 4, "steps_per_eval": 8, "save_every": 4, "early_stop": False, "patience": 3}

    def metrics(step: int, total: int = 8) -> dict:
        return {"current_step": step, "total_steps": total, "train_loss": 0.799, "val_loss": 0.601,
                "learning_rate": 1e-3, "start_time": "2025-03-02T10:00:00", "estimated_time_remaining": 0}

    def session(name: str, config: dict, state: str = "completed", step: int = 8, **extra) -> dict:
        path = older_app_output(root, adapter, name, final_from=extra.pop("final_from", None))
        return {"session_id": str(uuid.uuid4()), "timestamp": "2025-03-02T10:00:00", "training_state": state,
                "config": {**config, "adapter_name": name}, "metrics": metrics(step), "adapter_path": str(path),
                "best_model": {"val_loss": 0.601, "step": 4, "path": str(path.parent / "best_adapters.safetensors")},
                **extra}

    return {
        "older": session("older-capitals", common),
        "newer": session("newer-capitals", {**common, "lora_rank": 16, "lora_alpha": 32.0, "lora_dropout": 0.05,
                                            "lora_num_layers": -1, "fine_tune_type": "lora"}),
        "stopped": session("stopped-capitals", common, state="stopped", step=4,
                           final_from="0000004_adapters.safetensors"),
        "enhanced": session("gspo-capitals", {
            **common, "train_data_path": demo["grpo_train"], "val_data_path": demo["grpo_valid"],
            "training_method": "gspo", "group_size": 4, "epsilon": 1e-4, "temperature": 0.8,
            "max_completion_length": 32, "importance_sampling_level": "sequence", "grpo_loss_type": "grpo",
            "beta": 0.05, "reward_functions": ["exact_answer"]}),
        "nested": session("nested-capitals", {
            "model_path": demo["model"], "train_data": demo["train"], "val_data": demo["valid"], "num_steps": 8,
            "training_type": "nested_learning", "learning_rate": 1e-3, "batch_size": 4,
            "num_levels": 3, "update_frequencies": [1, 2, 4]}),
    }


@pytest.fixture(scope="module")
def legacy(tmp_path_factory, demo_cache, plain_adapter):
    from fastapi.testclient import TestClient

    from backend.app import create_app

    root = new_data_root(tmp_path_factory.mktemp("legacy"), demo_cache)
    demo = demo_paths(root)
    older = tmp_path_factory.mktemp("older-app")
    sessions = session_files(older, plain_adapter, demo)
    settings = make_settings(root)
    with TestClient(create_app(settings), base_url="http://127.0.0.1") as client:
        r = client.post("/sessions/import", json=list(sessions.values()))
        assert r.status_code == 200, r.text
        ids = dict(zip(sessions, r.json()["imported"]))
        yield SimpleNamespace(client=client, ids=ids, sessions=sessions, body=r.json(), demo=demo, older=older,
                              settings=settings, adapter=plain_adapter)


def test_each_kind_is_mapped(legacy):
    c, ids = legacy.client, legacy.ids
    s = {k: c.get(f"/sessions/{run_id}").json() for k, run_id in ids.items()}
    for kind, d in s.items():
        assert d["legacy"] and d["readiness"] == "legacy", kind
        # only the adapter's files came along: config, final, best and NNNNNNN checkpoints
        names = {f["name"] for f in d["adapter_files"]}
        assert {"adapter_config.json", "adapters.safetensors", "best_adapters.safetensors",
                "0000004_adapters.safetensors"} <= names, kind
        assert not names & {"training_log.txt", "session_notes.json"}, kind
        # the adapter's own adapter_config.json wins: rank 8, scale 20 → alpha 160, its keys
        assert (d["lora"]["rank"], d["lora"]["alpha"], d["lora"]["scale"]) == (8, 160.0, 20.0), kind
        assert d["lora_targets"]["keys"] == KEYS, kind
        assert d["best_val_loss"] == 0.601 and d["best_step"] == 4 and d["has_best"], kind
        assert d["final_train_loss"] == 0.799 and d["final_val_loss"] == 0.601, kind
        assert d["created_at"] == pytest.approx(
            __import__("datetime").datetime.fromisoformat("2025-03-02T10:00:00").timestamp()), kind
    assert {k: d["state"] for k, d in s.items()} == {
        "older": "completed", "newer": "completed", "stopped": "stopped", "enhanced": "completed",
        "nested": "completed"}
    assert (s["stopped"]["steps_completed"], s["stopped"]["total_steps"]) == (4, 8)
    assert s["older"]["steps_completed"] == 8 and s["older"]["config"]["learning_rate"] == 1e-3
    assert any("taken from the adapter's adapter_config.json" in w for w in s["newer"]["warnings"])
    assert s["newer"]["config"]["lora_dropout"] == 0.0  # the adapter's dropout, not the session's 0.05
    assert (s["enhanced"]["kind"], s["enhanced"]["method"]) == ("enhanced", "gspo")
    cfg = s["enhanced"]["config"]
    assert (cfg["group_size"], cfg["beta"], cfg["max_completion_length"], cfg["reward_functions"]) == (
        4, 0.05, 32, ["exact_answer"])
    assert cfg["importance_sampling_level"] == "sequence" and cfg["train_data_path"] == legacy.demo["grpo_train"]
    nested = s["nested"]["config"]
    assert (nested["train_data_path"], nested["val_data_path"], nested["iterations"]) == (
        legacy.demo["train"], legacy.demo["valid"], 8)
    assert s["nested"]["kind"] == "sft"
    assert any("nested_learning" in w for w in s["nested"]["warnings"])
    assert any("num_levels" in w for w in s["nested"]["warnings"])


def test_model_test_answers_with_each_imported_adapter(legacy):
    c, ids = legacy.client, legacy.ids
    base = greedy(legacy.demo["model"], None)
    full, at_step_4 = greedy(legacy.demo["model"], legacy.adapter), None
    assert full != base  # the 8 steps changed the answer, so equality below shows the adapter is applied
    for kind, run_id in ids.items():
        body = {"prompt": PROMPT, "temperature": 0.0, "max_tokens": 24, "session_id": run_id}
        r = c.post("/model/test", json=body)
        assert r.status_code == 200, (kind, r.text)
        expected = full
        if kind == "stopped":
            at_step_4 = greedy(legacy.demo["model"], Path(r.json()["model_info"]["adapter_path"]))
            expected = at_step_4
        assert r.json()["response"] == expected, kind
        best = c.post("/model/test", json={**body, "checkpoint": "best"})
        assert best.status_code == 200 and best.json()["model_info"]["adapter_file"].endswith("best_adapters.safetensors")
    # the same weights through plain mlx-lm, from the older app's own folder
    stopped_dir = Path(legacy.sessions["stopped"]["adapter_path"]).parent
    assert at_step_4 == greedy(legacy.demo["model"], stopped_dir)


def runs_on_disk(settings) -> list[str]:
    return sorted(p.name for p in settings.runs_dir.iterdir())


def test_reimport_changes_nothing(legacy):
    c = legacy.client
    before_runs, before_disk = c.get("/sessions").json(), runs_on_disk(legacy.settings)
    r = c.post("/sessions/import", json=list(legacy.sessions.values()))
    assert r.status_code == 200
    assert r.json()["imported"] == list(legacy.ids.values())
    assert all(s["status"] == "existing" and "imported before" in s["note"] for s in r.json()["sessions"])
    one = c.post("/sessions/import", json=legacy.sessions["older"])
    assert one.json()["imported"] == [legacy.ids["older"]]
    assert c.get("/sessions").json() == before_runs and runs_on_disk(legacy.settings) == before_disk


def test_one_bad_item_imports_nothing(legacy, tmp_path):
    c = legacy.client
    before_runs, before_disk = c.get("/sessions").json(), runs_on_disk(legacy.settings)
    fresh = {**legacy.sessions["older"], "session_id": str(uuid.uuid4())}
    not_an_adapter = tmp_path / "outputs" / "junk"
    not_an_adapter.mkdir(parents=True)
    (not_an_adapter / "adapters.safetensors").write_bytes(b"no config beside it")
    for bad in ({**fresh, "session_id": str(uuid.uuid4()), "config": "not an object"},
                {**fresh, "session_id": str(uuid.uuid4()), "name": 42},
                {**fresh, "session_id": str(uuid.uuid4()), "adapter_path": str(not_an_adapter / "adapters.safetensors")},
                {**fresh, "session_id": str(uuid.uuid4()), "metrics": {"current_step": "many"}}):
        r = c.post("/sessions/import", json=[fresh, bad])
        assert r.status_code == 422, r.text
        assert r.json()["detail"][0]["loc"][:3] == ["body", "sessions", 1], r.text
    assert c.get("/sessions").json() == before_runs and runs_on_disk(legacy.settings) == before_disk


def test_a_failed_copy_rolls_back_every_session(legacy, monkeypatch):
    from backend.runs import legacy_import

    c = legacy.client
    before_runs, before_disk = c.get("/sessions").json(), runs_on_disk(legacy.settings)
    items = [{**legacy.sessions[k], "session_id": str(uuid.uuid4())} for k in ("older", "newer")]
    real_copy, calls = shutil.copy2, []

    def copy_then_fail(src, dst):  # the disk fills up during the second session
        calls.append(src)
        if len(calls) > 6:
            raise OSError(28, "No space left on device")
        return real_copy(src, dst)

    monkeypatch.setattr(legacy_import.shutil, "copy2", copy_then_fail)
    r = c.post("/sessions/import", json=items)
    assert r.status_code == 422 and "No space left" in r.json()["detail"]
    assert c.get("/sessions").json() == before_runs and runs_on_disk(legacy.settings) == before_disk


def test_a_whole_sessions_folder_in_one_call(legacy, tmp_path):
    c = legacy.client
    folder = tmp_path / "sessions"
    folder.mkdir()
    picked = {k: {**legacy.sessions[k], "session_id": str(uuid.uuid4())} for k in ("older", "enhanced")}
    for s in picked.values():
        (folder / f"session_{s['session_id']}.json").write_text(json.dumps(s, indent=2))
    (folder / "latest.json").write_text(json.dumps({"latest_session_id": picked["enhanced"]["session_id"]}))
    (folder / "settings.json").write_text('{"theme": "dark"}')  # not a session file: ignored
    r = c.post("/sessions/import", json={"path": str(folder)})
    assert r.status_code == 200, r.text
    body = r.json()
    assert len(body["imported"]) == 2 and body["latest"] in body["imported"]
    assert c.get(f"/sessions/{body['latest']}").json()["kind"] == "enhanced"
    answer = c.post("/model/test", json={"prompt": PROMPT, "temperature": 0.0, "max_tokens": 24,
                                         "session_id": body["latest"]})
    assert answer.json()["response"] == greedy(legacy.demo["model"], legacy.adapter)
    again = c.post("/sessions/import", json={"path": str(folder)}).json()
    assert again["imported"] == body["imported"] and {s["status"] for s in again["sessions"]} == {"existing"}


def test_bad_folders_are_refused_and_change_nothing(legacy, tmp_path):
    c = legacy.client
    before = runs_on_disk(legacy.settings)
    empty = tmp_path / "empty"
    empty.mkdir()
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "session_ok.json").write_text(json.dumps({**legacy.sessions["older"], "session_id": "x-1"}))
    (broken / "session_bad.json").write_text("{not json")
    a_file = tmp_path / "file.json"
    a_file.write_text("{}")
    for path, words in ((str(tmp_path / "missing"), "does not exist"), (str(a_file), "not a directory"),
                        (str(empty), "no session_"), ("a\x00b", "NUL"), (str(broken), "not a session file")):
        r = c.post("/sessions/import", json={"path": path})
        assert r.status_code == 422, (path, r.text)
        assert words in json.dumps(r.json()["detail"]), (path, r.json())
    assert c.post("/sessions/import", json={"path": str(empty), "extra": 1}).status_code == 422
    assert runs_on_disk(legacy.settings) == before


def test_an_adapter_config_of_older_mlx_lm_means_its_defaults(legacy, tmp_path):
    """Older mlx-lm wrote `lora_layers` and no `lora_parameters`: scale 20 and the rank of the weights apply."""
    c = legacy.client
    path = older_app_output(tmp_path, legacy.adapter, "old-mlx-lm")
    config = json.loads((path.parent / "adapter_config.json").read_text())
    del config["lora_parameters"], config["num_layers"]
    (path.parent / "adapter_config.json").write_text(json.dumps({**config, "lora_layers": 2}))
    item = {**legacy.sessions["older"], "session_id": str(uuid.uuid4()), "adapter_path": str(path),
            "training_state": "running"}
    r = c.post("/sessions/import", json=item)
    assert r.status_code == 200, r.text
    [run_id] = r.json()["imported"]
    d = c.get(f"/sessions/{run_id}").json()
    assert (d["lora"]["rank"], d["lora"]["alpha"], d["lora"]["num_layers"]) == (8, 160.0, 2)
    assert any("no lora_parameters" in w for w in d["warnings"])
    assert d["state"] == "error" and "interrupted" in d["error"]  # saved by the older app mid-run
    answer = c.post("/model/test", json={"prompt": PROMPT, "temperature": 0.0, "max_tokens": 24, "session_id": run_id})
    assert answer.json()["response"] == greedy(legacy.demo["model"], legacy.adapter)
