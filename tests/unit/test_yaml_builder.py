import types
from pathlib import Path

import yaml

from backend.models.lora_policy import resolve_for_model_dir
from backend.schemas.training import TrainingConfig
from backend.training.yaml_builder import build_sft_yaml, write_run_yaml
from tests.conftest import rows_in


def _config(demo, **kw):
    return TrainingConfig(model_path=demo["model"], train_data_path=demo["train"], **kw)


def test_every_lora_field_and_key_lands_in_the_yaml(tmp_path, demo):
    config = _config(demo, lora_rank=16, lora_alpha=48, lora_dropout=0.05, lora_num_layers=1,
                     save_every=7, iterations=11)
    keys = resolve_for_model_dir(Path(demo["model"])).keys
    data = build_sft_yaml(config, run_id="r1", run_dir=tmp_path / "r1", keys=keys)
    path = write_run_yaml(data, tmp_path / "r1", tmp_path / "parity.yaml")
    loaded = yaml.safe_load(path.read_text())
    assert loaded["lora_parameters"] == {"rank": 16, "alpha": 48.0, "scale": 3.0, "dropout": 0.05,
                                         "keys": keys}
    assert (loaded["lora_rank"], loaded["lora_alpha"], loaded["lora_dropout"]) == (16, 48.0, 0.05)
    assert loaded["num_layers"] == 1 and loaded["fine_tune_type"] == "lora"
    assert loaded["save_every"] == 7 and loaded["iters"] == 11 and loaded["train"] is True
    assert keys == ["self_attn.q_proj", "self_attn.k_proj", "self_attn.v_proj", "self_attn.o_proj",
                    "mlp.gate_proj", "mlp.up_proj", "mlp.down_proj"]
    assert loaded["run_id"] == "r1" and loaded["events_path"].endswith("events.jsonl")
    assert (tmp_path / "parity.yaml").read_text() == path.read_text()


def test_fallback_keys_are_left_to_mlx_lm(tmp_path, demo):
    data = build_sft_yaml(_config(demo), run_id="r", run_dir=tmp_path, keys=None)
    assert "keys" not in data["lora_parameters"]


def test_mlx_lm_accepts_the_yaml_dry_run(tmp_path, demo):
    """mlx-lm's own loader + defaults, its dataset loader, and its LoRA conversion — no training."""
    import mlx.nn as nn
    from mlx.utils import tree_flatten
    from mlx_lm.lora import CONFIG_DEFAULTS, build_parser, yaml_loader
    from mlx_lm.tuner.datasets import load_dataset
    from mlx_lm.tuner.lora import LoRALinear
    from mlx_lm.tuner.utils import linear_to_lora_layers
    from mlx_lm.utils import load

    run_dir = tmp_path / "run"
    (run_dir / "data").mkdir(parents=True)
    for split, src in (("train", demo["train"]), ("valid", demo["valid"])):
        (run_dir / "data" / f"{split}.jsonl").write_text(Path(src).read_text())
    keys = resolve_for_model_dir(Path(demo["model"])).keys
    config = _config(demo, lora_rank=8, lora_alpha=16)
    path = write_run_yaml(build_sft_yaml(config, run_id="r", run_dir=run_dir, keys=keys), run_dir, None)

    # as `mlx_lm lora -c` does: parser defaults, then the YAML, then CONFIG_DEFAULTS
    args = vars(build_parser().parse_args(["-c", str(path)]))
    with open(path) as f:
        for k, v in yaml.load(f, yaml_loader).items():
            if args.get(k) is None:
                args[k] = v
    for k, v in CONFIG_DEFAULTS.items():
        if args.get(k) is None:
            args[k] = v
    ns = types.SimpleNamespace(**args)
    model, tokenizer = load(ns.model)
    train, valid, _ = load_dataset(ns, tokenizer)
    assert (len(train), len(valid)) == (rows_in(demo["train"]), rows_in(demo["valid"]))
    model.freeze()
    linear_to_lora_layers(model, ns.num_layers, ns.lora_parameters)
    lora = [name for name, m in model.named_modules() if isinstance(m, LoRALinear)]
    assert len(lora) == 7 * len(model.layers)
    assert all(m.scale == 2.0 for _, m in model.named_modules() if isinstance(m, LoRALinear))
    trainable = dict(tree_flatten(model.trainable_parameters()))
    assert trainable and all(k.endswith(("lora_a", "lora_b")) for k in trainable)
    assert not any(isinstance(m, nn.Linear) and not isinstance(m, LoRALinear)
                   for name, m in model.layers[0].named_modules() if name in keys)
