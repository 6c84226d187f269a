"""Every recipe field lands in the YAML under mlx-lm's own keys, and mlx-lm's own code accepts them."""

import math

import pytest

from backend.schemas.enhanced import EnhancedTrainingConfig
from backend.schemas.training import TrainingConfig
from backend.training.yaml_builder import build_enhanced_yaml, build_sft_yaml

RECIPE = {"lr_schedule": "cosine", "warmup_steps": 3, "min_learning_rate": 1e-5, "optimizer": "adamw",
          "weight_decay": 0.05, "grad_accumulation_steps": 2, "max_grad_norm": 0.5, "fine_tune_type": "dora",
          "learning_rate": 2e-4, "iterations": 20}


@pytest.mark.parametrize("kind", ["sft", "enhanced"])
def test_every_recipe_key_lands_in_the_yaml(tmp_path, kind):
    if kind == "sft":
        data = build_sft_yaml(TrainingConfig(model_path="m", train_data_path="t", **RECIPE),
                              run_id="r", run_dir=tmp_path, keys=None)
    else:
        data = build_enhanced_yaml(EnhancedTrainingConfig(model_path="m", train_data_path="t", **RECIPE),
                                   run_id="r", run_dir=tmp_path, keys=["self_attn.q_proj"])
    # 20 steps / 2 = 10 updates; warmup 3 joins at update 4, so the cosine runs over updates 4..9
    assert data["lr_schedule"] == {"name": "cosine_decay", "arguments": [2e-4, 5, 1e-5], "warmup": 3,
                                   "warmup_init": 0.0}
    assert data["optimizer"] == "adamw" and data["optimizer_config"] == {"adamw": {"weight_decay": 0.05}}
    assert data["grad_accumulation_steps"] == 2 and data["max_grad_norm"] == 0.5
    assert data["fine_tune_type"] == "dora"
    assert (data["lr_schedule_kind"], data["warmup_steps"], data["min_learning_rate"]) == ("cosine", 3, 1e-5)


def test_mlx_lm_builds_the_schedule_and_optimizer():
    import mlx.optimizers as optim
    from mlx_lm.tuner.utils import build_schedule

    from backend.training.runner.recipe import build_optimizer

    data = build_sft_yaml(TrainingConfig(model_path="m", train_data_path="t", **RECIPE), run_id="r",
                          run_dir=__import__("pathlib").Path("/tmp"), keys=None)
    schedule = build_schedule(data["lr_schedule"])
    lrs = [schedule(u).item() for u in range(10)]
    assert lrs[0] == 0 and math.isclose(lrs[3], 2e-4, rel_tol=1e-6) and math.isclose(lrs[9], 1e-5, rel_tol=1e-5)
    opt = build_optimizer(data)
    assert isinstance(opt, optim.AdamW) and opt.weight_decay == 0.05


@pytest.mark.parametrize("schedule,first,last", [("constant", 1e-3, 1e-3), ("linear", 1e-3, 1e-4),
                                                 ("cosine", 1e-3, 1e-4)])
def test_schedules_without_warmup(tmp_path, schedule, first, last):
    from mlx_lm.tuner.utils import build_schedule

    data = build_sft_yaml(TrainingConfig(model_path="m", train_data_path="t", iterations=8, learning_rate=1e-3,
                                         lr_schedule=schedule, min_learning_rate=1e-4),
                          run_id="r", run_dir=tmp_path, keys=None)
    if schedule == "constant":
        assert data["lr_schedule"] is None  # mlx-lm's default: the plain learning rate
        return
    fn = build_schedule(data["lr_schedule"])
    assert math.isclose(fn(0).item(), first, rel_tol=1e-6) and math.isclose(fn(7).item(), last, rel_tol=1e-5)


def test_weight_decay_left_empty_keeps_the_optimizer_default(tmp_path):
    data = build_sft_yaml(TrainingConfig(model_path="m", train_data_path="t", optimizer="muon"),
                          run_id="r", run_dir=tmp_path, keys=None)
    assert data["optimizer_config"] == {"muon": {}}
