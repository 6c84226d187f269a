"""Real short runs on the demo model: each recipe field changes what the runner does, as specified.

The expected learning rates are written out from the schedules' definitions (linear warmup from 0,
then cosine or linear decay to min_learning_rate), not taken from mlx's own schedule code.
"""

import math

import pytest
from safetensors.numpy import load_file

from tests.e2e.runner_runs import make_run, progress, run_to_end

pytestmark = pytest.mark.e2e
BASE = {"iterations": 10, "steps_per_report": 1, "steps_per_eval": 1000, "batch_size": 4, "save_every": 1000,
        "learning_rate": 1e-3}


def run_sft(tmp_path, demo, name, **fields):
    events = run_to_end(make_run(tmp_path / name, demo, **{**BASE, **fields}))
    points = progress(events)
    assert [p["step"] for p in points] == list(range(1, len(points) + 1))
    return points


def lrs(points):
    return [p["learning_rate"] for p in points]


def expected(schedule, lr, low, warmup, updates):
    out = []
    for u in range(updates):
        if warmup and u <= warmup:
            out.append(lr * u / warmup)
            continue
        s = u - (warmup + 1 if warmup else 0)
        span = max(1, updates - 1 - (warmup + 1 if warmup else 0))
        if schedule == "cosine":
            out.append(low + 0.5 * (1 + math.cos(math.pi * min(s, span) / span)) * (lr - low))
        elif schedule == "linear":
            out.append(lr + (low - lr) * min(s, span) / span)
        else:
            out.append(lr)
    return out


@pytest.mark.parametrize("schedule,warmup", [("cosine", 3), ("linear", 0), ("constant", 4)])
def test_schedule_and_warmup_shape_the_learning_rate_events(tmp_path, demo, schedule, warmup):
    points = run_sft(tmp_path, demo, schedule, lr_schedule=schedule, warmup_steps=warmup, min_learning_rate=1e-4)
    want = expected(schedule, 1e-3, 1e-4, warmup, 10)
    assert lrs(points) == pytest.approx(want, rel=1e-5, abs=1e-9)
    if schedule != "constant":
        assert lrs(points)[-1] == pytest.approx(1e-4, rel=1e-5)


def test_grad_accumulation_updates_every_nth_step(tmp_path, demo):
    points = run_sft(tmp_path, demo, "accum", grad_accumulation_steps=2, lr_schedule="linear",
                     min_learning_rate=0.0)
    # 5 updates over 10 steps: the rate moves only when an update happens (after steps 2, 4, ...)
    rates = lrs(points)
    assert rates[0] == 1e-3 or rates[0] == pytest.approx(1e-3)  # before the first update: the schedule's start
    per_update = expected("linear", 1e-3, 0.0, 0, 5)
    assert rates[1::2] == pytest.approx(per_update, rel=1e-5, abs=1e-9)
    assert rates[2::2] == pytest.approx(per_update[:-1], rel=1e-5, abs=1e-9)


def test_optimizers_weight_decay_and_clipping_change_training(tmp_path, demo):
    losses = {}
    for name, fields in {
        "adam": {}, "sgd": {"optimizer": "sgd", "learning_rate": 0.5}, "adafactor": {"optimizer": "adafactor"},
        "muon": {"optimizer": "muon", "learning_rate": 0.02},
        "adamw0": {"optimizer": "adamw", "weight_decay": 0.0},
        "adamw_decay": {"optimizer": "adamw", "weight_decay": 10.0},
        "sgd_clipped": {"optimizer": "sgd", "learning_rate": 0.5, "max_grad_norm": 1e-6},
    }.items():
        points = run_sft(tmp_path, demo, name, iterations=5, **fields)
        losses[name] = [p["train_loss"] for p in points]
        assert all(math.isfinite(x) for x in losses[name]), (name, losses[name])
    first = losses["adam"][0]
    assert all(v[0] == pytest.approx(first, rel=1e-5) for v in losses.values())  # same data, same start
    for a, b in [("adam", "sgd"), ("adam", "adafactor"), ("adam", "muon"), ("adamw0", "adamw_decay"),
                 ("sgd", "sgd_clipped")]:
        assert abs(losses[a][-1] - losses[b][-1]) > 1e-4, (a, b, losses[a], losses[b])
    # Adam with no decay is AdamW with zero decay
    assert losses["adam"] == pytest.approx(losses["adamw0"], rel=1e-5)
    # clipped to a norm of 1e-6, SGD barely moves: its loss stays at the start while plain SGD learns
    assert losses["sgd"][-1] < first - 0.05
    assert losses["sgd_clipped"][-1] > losses["sgd"][-1] + 0.05, (losses["sgd_clipped"], losses["sgd"])


def test_dora_trains_magnitudes(tmp_path, demo):
    run_sft(tmp_path, demo, "dora", iterations=2, fine_tune_type="dora")
    weights = load_file(str(tmp_path / "dora" / "adapters" / "adapters.safetensors"))
    assert any(k.endswith(".m") for k in weights) and any(k.endswith(".lora_a") for k in weights)


def test_grpo_runner_honours_the_recipe(tmp_path, demo):
    yaml_path = make_run(tmp_path / "gspo", demo, kind="grpo", training_method="gspo", iterations=4,
                         steps_per_report=1, steps_per_eval=1000, save_every=1000, group_size=2,
                         max_completion_length=6, learning_rate=1e-3, lr_schedule="linear", warmup_steps=1,
                         min_learning_rate=1e-4, optimizer="sgd", max_grad_norm=1.0, fine_tune_type="dora")
    points = progress(run_to_end(yaml_path, kind="grpo"))
    assert [p["step"] for p in points] == [1, 2, 3, 4]
    assert lrs(points) == pytest.approx(expected("linear", 1e-3, 1e-4, 1, 4), rel=1e-5, abs=1e-9)
    weights = load_file(str(tmp_path / "gspo" / "adapters" / "adapters.safetensors"))
    assert any(k.endswith(".m") for k in weights)
