"""describe_quantization on config.json shapes from outside tools (the real mlx-lm conversions: tests/e2e)."""

import json
import struct
from pathlib import Path

from backend.models.quantization import describe_quantization


def safetensors(path: Path, names: list[str]) -> None:
    """A header-only safetensors file naming these tensors (the describer reads headers, never data)."""
    header = {n: {"dtype": "U32", "shape": [1], "data_offsets": [0, 4]} for n in names}
    raw = json.dumps(header).encode()
    path.write_bytes(struct.pack("<Q", len(raw)) + raw + b"\0" * 4)


def test_hugging_face_gptq_and_awq_configs(tmp_path):
    gptq = {"quantization_config": {"quant_method": "gptq", "bits": 4, "group_size": 128, "desc_act": False}}
    awq = {"quantization_config": {"quant_method": "awq", "bits": 4, "version": "gemm"}}
    fp8 = {"quantization_config": {"quant_method": "fp8", "activation_scheme": "dynamic"}}
    assert describe_quantization(gptq, tmp_path)["description"] == "gptq 4-bit"
    assert describe_quantization(awq, tmp_path)["description"] == "awq 4-bit"
    assert describe_quantization(fp8, tmp_path)["description"] == "fp8"
    assert describe_quantization({"model_type": "llama"}, tmp_path) is None


def test_per_layer_overrides_counted_per_quantized_layer(tmp_path):
    # a 4-bit default with 8-bit attention values and an unquantized lm_head (mlx-lm's per-layer form)
    q = {"group_size": 64, "bits": 4, "mode": "affine", "model.layers.0.self_attn.v_proj": {"bits": 8, "group_size": 64},
         "lm_head": False}
    layers = ["model.layers.0.self_attn.q_proj", "model.layers.0.self_attn.v_proj", "model.layers.0.mlp.up_proj"]
    safetensors(tmp_path / "model.safetensors", [f"{n}.{p}" for n in layers for p in ("weight", "scales", "biases")]
                + ["model.norm.weight", "lm_head.weight"])
    d = describe_quantization({"quantization": q, "quantization_config": q}, tmp_path)
    assert (d["description"], d["mixed"], d["layers_by_bits"]) == ("4/8-bit mixed", True, {"4": 2, "8": 1})


def test_unreadable_weights_fall_back_to_the_config(tmp_path):
    (tmp_path / "model.safetensors").write_bytes(b"not safetensors")
    q = {"group_size": 32, "bits": 4, "mode": "mxfp4"}
    assert describe_quantization({"quantization": q}, tmp_path)["description"] == "mxfp4"
    mixed = {"group_size": 64, "bits": 4, "model.layers.0.mlp.down_proj": {"bits": 6, "group_size": None}}
    assert describe_quantization({"quantization": mixed}, tmp_path)["description"] == "4/6-bit mixed"
