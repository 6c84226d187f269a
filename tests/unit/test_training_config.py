import pytest
from pydantic import ValidationError

from backend.schemas.training import TrainingConfig, training_defaults

BASE = {"model_path": "/m", "train_data_path": "/t.jsonl"}


def test_defaults_match_the_spec():
    c = TrainingConfig(**BASE)
    assert (c.lora_rank, c.lora_alpha, c.lora_dropout, c.lora_num_layers) == (32, 32, 0.0, -1)
    assert c.fine_tune_type == "lora" and c.save_every == 25 and c.lora_scale == 1.0
    assert (c.learning_rate, c.batch_size, c.iterations, c.early_stop, c.patience) == (1e-4, 1, 1000, True, 3)
    # the SFT config carries no GRPO fields (moving a config between tabs is the SPA's job)
    assert not {"training_method", "group_size", "grpo_loss_type", "beta"} & set(TrainingConfig.model_fields)


def test_save_every_is_honoured_and_falls_back_to_25():
    assert TrainingConfig(**BASE, save_every=7).save_every == 7
    assert TrainingConfig(**BASE, save_every=None).save_every == 25
    assert TrainingConfig(**BASE).save_every == 25


def test_scale_is_alpha_over_rank():
    assert TrainingConfig(**BASE, lora_rank=16, lora_alpha=32).lora_scale == 2.0


@pytest.mark.parametrize("field,value", [
    ("lora_rank", 0), ("lora_rank", 513), ("lora_alpha", -1), ("lora_alpha", 0),
    ("lora_dropout", 1.5), ("lora_dropout", 1.0), ("lora_dropout", -0.1), ("lora_num_layers", 0),
    ("lora_num_layers", -2), ("iterations", 0), ("batch_size", 0), ("adapter_name", "../x"),
    ("adapter_name", "a/b"), ("adapter_name", ""), ("fine_tune_type", "full"), ("learning_rate", 0),
])
def test_invalid_values_name_the_field(field, value):
    with pytest.raises(ValidationError) as err:
        TrainingConfig(**BASE, **{field: value})
    assert [e["loc"][0] for e in err.value.errors()] == [field]


@pytest.mark.parametrize("field", ["bogus", "lora_rnak", "group_size"])
def test_unknown_fields_are_refused(field):
    with pytest.raises(ValidationError) as err:
        TrainingConfig(**BASE, **{field: 1})
    assert [(e["loc"], e["type"]) for e in err.value.errors()] == [((field,), "extra_forbidden")]


def test_sft_and_grpo_configs_share_one_base_with_per_kind_defaults():
    from backend.schemas.common import RunConfigBase
    from backend.schemas.enhanced import EnhancedTrainingConfig

    assert issubclass(TrainingConfig, RunConfigBase) and issubclass(EnhancedTrainingConfig, RunConfigBase)
    grpo = EnhancedTrainingConfig(**BASE)
    assert (grpo.lora_rank, grpo.learning_rate, grpo.adapter_name) == (8, 1e-5, "grpo-adapter")
    # one constrained type: the same bounds on both kinds
    for name in ("lora_rank", "lora_alpha", "lora_dropout", "learning_rate", "iterations", "max_seq_length"):
        sft_prop = TrainingConfig.model_json_schema()["properties"][name]
        grpo_prop = EnhancedTrainingConfig.model_json_schema()["properties"][name]
        assert {k: v for k, v in sft_prop.items() if k != "default"} == \
               {k: v for k, v in grpo_prop.items() if k != "default"}, name
    with pytest.raises(ValidationError):
        EnhancedTrainingConfig(**BASE, lora_num_layers=0)
    assert EnhancedTrainingConfig(**BASE, save_every=None).save_every == 25


def test_defaults_endpoint_payload_comes_from_the_schema():
    d = training_defaults()
    assert d["defaults"]["lora_rank"] == 32 and d["defaults"]["save_every"] == 25
    assert d["ui_overrides"] == {"save_every": 1000}
    assert d["limits"]["lora_dropout"] == {"minimum": 0.0, "exclusiveMaximum": 1.0}
    assert d["limits"]["lora_rank"] == {"minimum": 1, "maximum": 512}
    assert set(d["required"]) == {"model_path", "train_data_path"}
