"""The recipe's bad inputs: a 422 naming the field, for SFT and GRPO-family starts, and nothing written."""

import json

import pytest

from tests.api.test_training_validation import assert_nothing_changed, body


def grpo_body(demo, **kw):
    return {"model_path": demo["model"], "train_data_path": demo["grpo_train"], "adapter_name": "g",
            "iterations": 4, **kw}


CASES = [
    ({"warmup_steps": 4}, "warmup_steps", "fewer than the run's optimizer updates"),
    ({"warmup_steps": 2, "grad_accumulation_steps": 2}, "warmup_steps", "(2 = iterations 4"),
    ({"grad_accumulation_steps": 0}, "grad_accumulation_steps", "greater than or equal to 1"),
    ({"grad_accumulation_steps": 5}, "grad_accumulation_steps", "no optimizer update"),
    ({"weight_decay": -0.1, "optimizer": "adamw"}, "weight_decay", "greater than or equal to 0"),
    ({"weight_decay": 0.1, "optimizer": "adam"}, "weight_decay", "adam has no weight decay"),
    ({"optimizer": "lion"}, "optimizer", "'adam', 'adamw', 'sgd', 'adafactor' or 'muon'"),
    ({"lr_schedule": "step"}, "lr_schedule", "'constant', 'cosine' or 'linear'"),
    ({"lr_schedule": "cosine", "min_learning_rate": 0.5}, "min_learning_rate", "above the learning rate"),
    ({"max_grad_norm": 0}, "max_grad_norm", "greater than 0"),
    ({"epochs": 0}, "epochs", "greater than 0"),
]


@pytest.mark.parametrize("fields,field,needle", CASES)
@pytest.mark.parametrize("kind", ["sft", "enhanced"])
def test_bad_recipe_is_a_422_naming_the_field(client, settings, demo, kind, fields, field, needle):
    if kind == "sft":
        r = client.post("/training/start", json=body(demo, iterations=4, **fields))
    else:
        r = client.post("/training/start-enhanced", json=grpo_body(demo, **fields))
    assert r.status_code == 422, r.text
    [err] = r.json()["detail"]
    assert err["loc"] == ["body", field] and needle in err["msg"], err
    assert_nothing_changed(client, settings)


def test_epochs_beyond_the_iteration_limit(client, settings, demo, tmp_path):
    rows = tmp_path / "completions.jsonl"  # mlx-lm's prompt/completion rows; 10,000 epochs of 150 = 1.5M steps
    rows.write_text("".join(json.dumps({"prompt": f"Say {i}.", "completion": str(i)}) + "\n" for i in range(150)))
    r = client.post("/training/start", json=body(demo, train_data_path=str(rows), val_data_path=None, epochs=10_000,
                                                          batch_size=1))
    assert r.status_code == 422
    [err] = r.json()["detail"]
    assert err["loc"] == ["body", "epochs"] and "more than 1,000,000" in err["msg"]
    assert_nothing_changed(client, settings)


def test_recipe_fields_are_in_the_defaults(client):
    d = client.get("/training/defaults").json()
    assert d["defaults"]["lr_schedule"] == "constant" and d["defaults"]["optimizer"] == "adam"
    assert d["defaults"]["grad_accumulation_steps"] == 1 and d["defaults"]["warmup_steps"] == 0
    assert d["limits"]["lr_schedule"]["enum"] == ["constant", "cosine", "linear"]
    assert d["limits"]["optimizer"]["enum"] == ["adam", "adamw", "sgd", "adafactor", "muon"]
