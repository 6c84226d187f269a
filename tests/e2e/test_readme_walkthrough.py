"""The README's curl walkthrough, run as written: its exact /training/start body trains the demo into
the right answer (Mirth), and the finished run keeps every metric the Training tab shows.

The body and the question are parsed out of README.md, so the README and this test cannot drift."""

import json
import re

import pytest

from tests.conftest import ROOT, wait_for_state

pytestmark = pytest.mark.e2e

README = ROOT / "README.md"


def readme_walkthrough() -> tuple[str, str]:
    """(the JSON body of the walkthrough's POST /training/start, the `Q=` question), as shell text."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## curl walkthrough"):]
    section = section[:section.index("\n## ", 3)]
    body = re.search(r"curl -X POST \$S/training/start -H 'content-type: application/json' -d \"(\{.*?\})\"",
                     section, re.S)
    question = re.search(r"^Q='(\{.*?\})'$", section, re.M)
    assert body and question, "the README's walkthrough lost its /training/start body or its Q= question"
    return body.group(1), question.group(1)


def shell_double_quoted(text: str, env: dict[str, str]) -> str:
    """What bash makes of a double-quoted string: \\" → ", $VAR → its value."""
    text = text.replace('\\"', '"')
    return re.sub(r"\$([A-Z_]+)", lambda m: env[m.group(1)], text)


def test_readme_walkthrough_trains_the_right_answer(live_server):
    body_text, question_text = readme_walkthrough()
    demo_dir = str(live_server.data_root / "demo")
    body = json.loads(shell_double_quoted(body_text, {"DEMO": demo_dir}))
    assert body["model_path"] == f"{demo_dir}/model"
    http = live_server.client()

    r = http.post("/training/start", json=body)
    assert r.status_code == 201, r.text
    run_id = r.json()["run_id"]
    final = wait_for_state(http, {"completed", "error", "stopped"}, timeout=300)
    assert final["state"] == "completed", final

    q = json.loads(question_text.replace("<run_id>", run_id))
    base = http.post("/model/test-base", json=q)
    adapter = http.post("/model/test", json=q)
    assert base.status_code == 200 and adapter.status_code == 200, (base.text, adapter.text)
    assert "Mirth" in adapter.json()["response"], adapter.json()["response"]
    assert "Mirth" not in base.json()["response"]

    # A finished run still shows what the Training tab's tiles show, measured by the runner.
    m = final["metrics"]
    for key in ("tokens_per_sec", "peak_mem_gb", "learning_rate", "step_time", "trained_tokens"):
        assert isinstance(m.get(key), (int, float)) and m[key] > 0, (key, m)
    assert m["learning_rate"] == pytest.approx(body["learning_rate"])
    assert m["step"] == body["iterations"] and m["last_checkpoint_step"] == body["iterations"]
    assert final["ended_at"] >= final["started_at"]

    session = http.get(f"/sessions/{run_id}").json()
    assert session["model_name"] == "lora-studio-demo"
    train = session["history"]["train"]
    assert [p["step"] for p in train] == list(range(10, body["iterations"] + 1, body["steps_per_report"]))
    assert all(p["step_time"] > 0 and p["peak_mem_gb"] > 0 and p["tokens_per_sec"] > 0 for p in train)
    assert session["last_progress"]["tokens_per_sec"] == train[-1]["tokens_per_sec"]
    assert session["ended_at"] == final["ended_at"]
    # One step convention (completed optimizer steps): validation before step `it` counts it - 1.
    assert [p["step"] for p in session["history"]["val"]] == [0, 19, 39, 59]
    assert session["best_step"] in (19, 39, 59)

    # train.log: the LoRA configuration first, then one line per report and no trainer console noise
    log = (live_server.data_root / "runs" / run_id / "train.log").read_text()
    lines = [ln for ln in log.splitlines() if ln.strip()]
    assert re.match(r"LoRA: rank 32, alpha 32(\.0)?, scale 1(\.0)?, dropout 0(\.0)?, layers all, keys .*mlp\.up_proj",
                    lines[0]), lines[0]
    reports = [ln for ln in lines if "train loss" in ln]
    assert len(reports) == len(train)
    assert not [ln for ln in lines if re.search(r"\bIter \d+|train_loss\s+tok/s|\d+%\|", ln)], lines
    tail = http.get("/training/logs", params={"run_id": run_id, "tail": 200}).json()["lines"]
    assert tail[0].startswith("LoRA: rank 32") and len([ln for ln in tail if "train loss" in ln]) == len(train)
