"""Enhanced Setup input checks: clear 4xx before any process starts."""

import pytest


def body(demo, **kw):
    return {"model_path": demo["model"], "train_data_path": demo["grpo_train"], "iterations": 2, **kw}


def assert_nothing_started(client, settings):
    assert client.get("/sessions").json() == []
    assert not settings.runs_dir.exists() or list(settings.runs_dir.iterdir()) == []


def test_methods_describe_each_method_with_correct_names(client):
    data = client.get("/training/methods").json()
    by_id = {m["id"]: m for m in data["methods"]}
    assert by_id["gspo"]["full_name"] == "Group Sequence Policy Optimization"
    assert by_id["dr_grpo"]["full_name"] == "GRPO done right"
    assert by_id["grpo"]["full_name"] == "Group Relative Policy Optimization"
    assert by_id["gspo"]["defaults"]["importance_sampling_level"] == "sequence"
    assert by_id["dr_grpo"]["defaults"]["grpo_loss_type"] == "dr_grpo"
    params = {p["name"]: p for p in by_id["grpo"]["parameters"]}
    assert params["group_size"]["default"] == 4 and params["group_size"]["minimum"] == 2
    names = {r["name"] for r in data["reward_functions"]}
    assert {"exact_answer", "numeric_match", "length_window", "r1_accuracy_reward_func"} <= names


@pytest.mark.parametrize("extra,field", [
    ({"training_method": "ppo"}, "training_method"),
    ({"group_size": 1}, "group_size"),
    ({"training_method": "gspo", "importance_sampling_level": "token"}, None),
    ({"reward_functions": ["exact_answer"], "reward_weights": [1.0, 2.0]}, None),
])
def test_invalid_config(client, settings, demo, extra, field):
    r = client.post("/training/start-enhanced", json=body(demo, **extra))
    assert r.status_code == 422
    if field:
        assert r.json()["detail"][0]["loc"] == ["body", field]
    assert_nothing_started(client, settings)


def test_rows_without_answer_are_reported_by_line(client, settings, demo, tmp_path):
    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"prompt": "a", "answer": "b"}\n{"prompt": "no answer"}\n')
    r = client.post("/training/start-enhanced", json=body(demo, train_data_path=str(rows)))
    assert r.status_code == 422
    assert r.json()["detail"]["errors"] == [{"line": 2, "message": "missing 'answer'"}]
    assert_nothing_started(client, settings)


def test_reward_file_with_a_syntax_error(client, settings, demo, tmp_path):
    f = tmp_path / "rewards.py"
    f.write_text("def oops(:\n")
    r = client.post("/training/start-enhanced", json=body(demo, reward_functions_file=str(f)))
    assert r.status_code == 422 and "line 1" in r.json()["detail"][0]["msg"]
    assert_nothing_started(client, settings)


def test_unknown_reward_name(client, settings, demo):
    r = client.post("/training/start-enhanced", json=body(demo, reward_functions=["does_not_exist"]))
    assert r.status_code == 422 and "does_not_exist" in r.json()["detail"][0]["msg"]
    assert_nothing_started(client, settings)


def test_method_defaults_are_a_valid_body_as_they_stand(client):
    """The SPA sends a method's defaults back as the start body: nothing in them may be refused."""
    from backend.schemas.enhanced import EnhancedTrainingConfig

    for method in client.get("/training/methods").json()["methods"]:
        body = {**method["defaults"], "model_path": "/m", "train_data_path": "/t.jsonl"}
        EnhancedTrainingConfig.model_validate(body)  # extra="forbid": no computed or unknown keys
