"""backend.adapters.peft: mlx-lm <-> PEFT conversion as pure functions (random tensors, no model)."""

import math

import numpy as np
import pytest

from backend.adapters.peft import (
    AdapterFormatError,
    check_against_base,
    delta_w_mlx,
    delta_w_peft,
    mlx_module_shapes,
    mlx_to_peft,
    peft_to_mlx,
)

RNG = np.random.default_rng(0)
IN, OUT, R = 12, 20, 4  # in != out != r: a swapped transpose cannot go unnoticed


def mlx_adapter(layers=(0, 1), keys=("self_attn.q_proj", "mlp.down_proj")):
    weights = {}
    for layer in layers:
        for key in keys:
            weights[f"model.layers.{layer}.{key}.lora_a"] = RNG.normal(size=(IN, R)).astype(np.float32)
            weights[f"model.layers.{layer}.{key}.lora_b"] = RNG.normal(size=(R, OUT)).astype(np.float32)
    config = {"fine_tune_type": "lora", "num_layers": 2,
              "lora_parameters": {"rank": R, "scale": 2.5, "dropout": 0.0, "keys": list(keys)}}
    return weights, config


def test_mlx_to_peft_keys_shapes_config_and_update():
    weights, config = mlx_adapter()
    out = mlx_to_peft(weights, config, "org/base")
    a = out.weights["base_model.model.model.layers.1.self_attn.q_proj.lora_A.weight"]
    b = out.weights["base_model.model.model.layers.1.self_attn.q_proj.lora_B.weight"]
    assert a.shape == (R, IN) and b.shape == (OUT, R)
    c = out.config
    assert c["peft_type"] == "LORA" and c["r"] == R and c["lora_alpha"] == 2.5 * R
    assert c["target_modules"] == ["down_proj", "q_proj"] and c["layers_to_transform"] == [0, 1]
    assert c["base_model_name_or_path"] == "org/base"
    mlx_dw = delta_w_mlx(weights["model.layers.1.self_attn.q_proj.lora_a"],
                         weights["model.layers.1.self_attn.q_proj.lora_b"], 2.5)
    assert mlx_dw.shape == (OUT, IN)
    np.testing.assert_allclose(delta_w_peft(a, b, c["lora_alpha"], c["r"]), mlx_dw, rtol=1e-6)


def test_round_trip_is_exact_and_rslora_scales_by_sqrt_r():
    weights, config = mlx_adapter(layers=(2, 3))
    peft = mlx_to_peft(weights, config)
    back = peft_to_mlx(peft.weights, peft.config, num_hidden_layers=4, base_model="/m")
    assert back.weights.keys() == weights.keys()
    for k in weights:
        np.testing.assert_array_equal(back.weights[k], weights[k])
    assert back.config["num_layers"] == 2 and back.config["lora_parameters"]["scale"] == pytest.approx(2.5)
    assert back.config["lora_parameters"]["keys"] == ["mlp.down_proj", "self_attn.q_proj"]
    rs = peft_to_mlx(peft.weights, {**peft.config, "use_rslora": True, "lora_alpha": 2.5 * math.sqrt(R)}, 4)
    assert rs.config["lora_parameters"]["scale"] == pytest.approx(2.5)


def test_refusals_name_the_reason():
    weights, config = mlx_adapter()
    experts = {**weights, "model.layers.0.mlp.switch_mlp.up_proj.lora_a": np.zeros((8, R, IN), np.float32),
               "model.layers.0.mlp.switch_mlp.up_proj.lora_b": np.zeros((8, OUT, R), np.float32)}
    with pytest.raises(AdapterFormatError, match="MoE expert layers"):
        mlx_to_peft(experts, config)
    with pytest.raises(AdapterFormatError, match="DoRA"):
        mlx_to_peft(weights, {**config, "fine_tune_type": "dora"})
    peft = mlx_to_peft(weights, config)
    with pytest.raises(AdapterFormatError, match="another model"):
        peft_to_mlx(peft.weights, peft.config, num_hidden_layers=1)
    with pytest.raises(AdapterFormatError, match="fan_in_fan_out"):
        peft_to_mlx(peft.weights, {**peft.config, "fan_in_fan_out": True}, 4)
    with pytest.raises(AdapterFormatError, match="rank"):
        peft_to_mlx(peft.weights, {**peft.config, "r": R + 1}, 4)
    shapes = mlx_module_shapes(weights)
    assert shapes["model.layers.0.self_attn.q_proj"] == (OUT, IN)
    check_against_base(shapes, dict(shapes))
    with pytest.raises(AdapterFormatError, match="base layer is"):
        check_against_base(shapes, {**shapes, "model.layers.0.self_attn.q_proj": (OUT, IN + 1)})
