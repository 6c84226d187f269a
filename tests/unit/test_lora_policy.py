"""LoRA target-key policy, checked against real mlx-lm module trees built from tiny configs."""

from __future__ import annotations

import json
import re

import mlx.nn as nn
import pytest
from mlx.utils import tree_flatten
from mlx_lm.models.switch_layers import SwitchLinear
from mlx_lm.tuner.lora import LoRALinear, LoRASwitchLinear
from mlx_lm.tuner.utils import linear_to_lora_layers

from backend.models import lora_policy
from backend.schemas.lora import ATTENTION_KEYS
from backend.models.lora_policy import (
    build_module_tree,
    resolve_for_model_dir,
    resolve_lora_targets,
)

RANK = 4

BASE = dict(
    hidden_size=32, num_hidden_layers=2, intermediate_size=64, num_attention_heads=4, num_key_value_heads=2,
    head_dim=8, rms_norm_eps=1e-5, vocab_size=64, max_position_embeddings=128, tie_word_embeddings=False,
    rope_theta=10000.0,
)
MOE = dict(
    num_experts=4, num_local_experts=4, num_experts_per_tok=2, moe_intermediate_size=16,
    shared_expert_intermediate_size=16, decoder_sparse_step=1, mlp_only_layers=[], norm_topk_prob=True,
)
LINEAR_ATTN = dict(
    linear_num_value_heads=4, linear_num_key_heads=2, linear_key_head_dim=8, linear_value_head_dim=8,
    linear_conv_kernel_dim=4, partial_rotary_factor=0.25,
)


def cfg(model_type: str, **extra) -> dict:
    return {**BASE, "model_type": model_type, **extra}


ATTN = set(ATTENTION_KEYS)
DENSE = {"mlp.gate_proj", "mlp.up_proj", "mlp.down_proj"}
EXPERTS = {"mlp.switch_mlp.gate_proj", "mlp.switch_mlp.up_proj", "mlp.switch_mlp.down_proj"}
SPARSE_MOE = ATTN | {"block_sparse_moe.gate"}
SPARSE_MOE |= {f"block_sparse_moe.switch_mlp.{p}_proj" for p in ("gate", "up", "down")}
SHARED = {"mlp.shared_expert_gate"} | {f"mlp.shared_expert.{p}_proj" for p in ("gate", "up", "down")}
LINEAR = {"linear_attn.in_proj_qkvz", "linear_attn.in_proj_ba", "linear_attn.out_proj"}

CASES = {
    "llama": (cfg("llama"), ATTN | DENSE),
    "mistral": (cfg("mistral"), ATTN | DENSE),
    "qwen2": (cfg("qwen2"), ATTN | DENSE),
    "qwen3": (cfg("qwen3"), ATTN | DENSE),
    "gemma2": (cfg("gemma2"), ATTN | DENSE),
    "phi3": (cfg("phi3"), {"self_attn.qkv_proj", "self_attn.o_proj", "mlp.gate_up_proj", "mlp.down_proj"}),
    "mixtral": (cfg("mixtral", **MOE), SPARSE_MOE),
    "phimoe": (cfg("phimoe", **MOE), SPARSE_MOE),
    "qwen2_moe": (cfg("qwen2_moe", **MOE), ATTN | SHARED | EXPERTS),
    "qwen3_moe": (cfg("qwen3_moe", **MOE), ATTN | EXPERTS),
    "olmoe": (cfg("olmoe", **MOE), ATTN | EXPERTS),
    # 4 blocks, full attention every 2nd: blocks mix linear_attn and self_attn.
    "qwen3_next": (
        cfg("qwen3_next", **MOE, **LINEAR_ATTN, num_hidden_layers=4, full_attention_interval=2),
        ATTN | SHARED | EXPERTS | LINEAR,
    ),
    # Not in the table: derived from the tree.
    "starcoder2": (cfg("starcoder2"), ATTN | {"mlp.c_fc", "mlp.c_proj"}),
    "gpt_oss": (cfg("gpt_oss", num_local_experts=4, num_experts_per_tok=2, sliding_window=16),
                ATTN | {"mlp.experts.gate_proj", "mlp.experts.up_proj", "mlp.experts.down_proj"}),
}

_TRAINABLE = re.compile(r"(?:^|\.)layers\.(\d+)\.(.+)\.(lora_a|lora_b)$")


def _lora_able(m: nn.Module) -> bool:
    return isinstance(m, (nn.Linear, nn.QuantizedLinear, SwitchLinear)) or hasattr(m, "to_lora")


def _apply_and_check(config: dict, keys: list[str] | None, num_layers: int) -> int:
    """Convert a fresh tree with mlx-lm and check exactly the keyed modules became LoRA.

    Returns the real number of trainable parameters after conversion.
    """
    model = build_module_tree(config)
    n = len(model.layers)
    top = set(range(max(0, n - num_layers) if num_layers > 0 else 0, n))  # layers[-max(k, 0):]
    before = [dict(block.named_modules()) for block in model.layers]
    expected_keys = set(keys) if keys is not None else {
        p for mods in before for p, m in mods.items() if _lora_able(m) or isinstance(m, nn.Embedding)
    }
    model.freeze()
    linear_to_lora_layers(model, num_layers, {"rank": RANK, "scale": 1.0, "dropout": 0.0, "keys": keys})

    expected = set()
    for i, block in enumerate(model.layers):
        for p, m in block.named_modules():
            is_lora = isinstance(m, (LoRALinear, LoRASwitchLinear))
            if i in top and p in expected_keys and p in before[i]:
                assert is_lora, f"block {i} {p} was not converted ({type(m).__name__})"
                expected |= {(i, p, "lora_a"), (i, p, "lora_b")}
            elif p not in expected_keys:
                assert not is_lora, f"block {i} {p} converted but not targeted"
        if i not in top:
            assert not any(isinstance(m, (LoRALinear, LoRASwitchLinear)) for _, m in block.named_modules())

    trainable = tree_flatten(model.trainable_parameters())
    seen = set()
    for name, _ in trainable:
        match = _TRAINABLE.search(name)
        assert match, f"unexpected trainable parameter {name}"
        seen.add((int(match[1]), match[2], match[3]))
    assert seen == expected
    return sum(v.size for _, v in trainable)


@pytest.mark.parametrize("arch", CASES)
def test_resolved_keys_match_policy(arch):
    config, expected = CASES[arch]
    t = resolve_lora_targets(config, rank=RANK)
    assert not t.fallback and t.warnings == []
    assert t.architecture == arch
    assert set(t.keys) == expected and len(t.keys) == len(expected)
    assert t.resolved_keys == t.keys


@pytest.mark.parametrize("arch", CASES)
def test_every_key_hits_a_linear_module(arch):
    config, _ = CASES[arch]
    t = resolve_lora_targets(config, rank=RANK)
    blocks = [dict(b.named_modules()) for b in build_module_tree(config).layers]
    for key in t.keys:
        hits = [mods[key] for mods in blocks if key in mods]
        assert hits, f"{key} matches no module"
        assert all(_lora_able(m) for m in hits), key


@pytest.mark.parametrize("num_layers", [-1, 1])
@pytest.mark.parametrize("arch", CASES)
def test_lora_applied_and_trainable_count_exact(arch, num_layers):
    config, _ = CASES[arch]
    t = resolve_lora_targets(config, rank=RANK, num_layers=num_layers)
    real = _apply_and_check(config, t.keys, num_layers)
    assert real > 0
    assert t.trainable_parameters == real


def test_num_layers_zero_means_all_blocks_like_mlx_lm():
    config, _ = CASES["llama"]
    every = resolve_lora_targets(config, RANK, -1).trainable_parameters
    assert resolve_lora_targets(config, RANK, 0).trainable_parameters == every
    assert resolve_lora_targets(config, RANK, 1).trainable_parameters * 2 == every


def test_count_scales_with_rank_and_experts():
    config, _ = CASES["qwen3_moe"]
    r4 = resolve_lora_targets(config, rank=4).trainable_parameters
    assert resolve_lora_targets(config, rank=8).trainable_parameters == 2 * r4
    # Per block: 4 attention (in+out) + 3 expert projections * 4 experts.
    attn = (32 + 32) * 2 + (32 + 16) * 2  # q/o are 32->32, k/v are 32->16
    experts = 4 * ((32 + 16) * 3)
    assert r4 == 2 * 4 * (attn + experts)


def test_routers_excluded_but_named_gates_included():
    for arch in ("qwen3_moe", "olmoe", "qwen2_moe", "qwen3_next"):
        assert "mlp.gate" not in resolve_lora_targets(CASES[arch][0]).keys, arch
    for arch in ("qwen2_moe", "qwen3_next"):
        assert "mlp.shared_expert_gate" in resolve_lora_targets(CASES[arch][0]).keys
    for arch in ("mixtral", "phimoe"):
        assert "block_sparse_moe.gate" in resolve_lora_targets(CASES[arch][0]).keys
    assert "mlp.router" not in resolve_lora_targets(CASES["gpt_oss"][0]).keys


def test_unknown_model_type_falls_back_with_warning():
    t = resolve_lora_targets(cfg("no_such_arch"))
    assert t.fallback and t.keys is None
    assert t.resolved_keys == [] and t.trainable_parameters is None
    assert len(t.warnings) == 1 and "no_such_arch" in t.warnings[0]
    assert t.architecture == "no_such_arch"


def test_config_that_does_not_build_falls_back():
    broken = cfg("qwen2_moe")  # MoE fields missing: ModelArgs cannot be built
    t = resolve_lora_targets(broken)
    assert t.fallback and t.keys is None and "qwen2_moe" in t.warnings[0]
    with pytest.raises(ValueError):
        build_module_tree(broken)
    with pytest.raises(ValueError):
        build_module_tree({"hidden_size": 8})


def test_missing_table_keys_dropped_with_warning():
    # Every block full attention-free: the table's self_attn.* keys exist nowhere.
    config = cfg("qwen3_next", **MOE, **LINEAR_ATTN, num_hidden_layers=2, full_attention_interval=4)
    t = resolve_lora_targets(config, rank=RANK)
    assert not t.fallback
    assert set(t.keys) == SHARED | EXPERTS | LINEAR
    assert len(t.warnings) == 1
    for key in sorted(ATTN):
        assert key in t.warnings[0]
    assert t.trainable_parameters == _apply_and_check(config, t.keys, -1)


def test_dense_blocks_of_a_moe_model_are_covered():
    # Block 0 is dense (mlp_only_layers): its MLP is not in the qwen3_moe table but is a linear.
    config = cfg("qwen3_moe", **{**MOE, "mlp_only_layers": [0]})
    t = resolve_lora_targets(config, rank=RANK)
    assert set(t.keys) == ATTN | EXPERTS | DENSE and t.warnings == []
    assert t.trainable_parameters == _apply_and_check(config, t.keys, -1)
    # Every block dense: the experts vanish from the tree and are reported.
    config = cfg("qwen3_moe", **{**MOE, "mlp_only_layers": [0, 1]})
    t = resolve_lora_targets(config, rank=RANK)
    assert set(t.keys) == ATTN | DENSE
    assert "mlp.switch_mlp.gate_proj" in t.warnings[0]


def test_key_naming_a_non_linear_module_is_dropped(monkeypatch):
    # "mlp" is the MLP container: mlx-lm would raise trying to convert it.
    monkeypatch.setitem(lora_policy.KEY_TABLE, "llama", ("mlp", "self_attn.q_proj"))
    t = resolve_lora_targets(cfg("llama"), rank=RANK)
    assert "mlp" not in t.keys and "self_attn.q_proj" in t.keys
    assert any("mlp" in w and "non-linear" in w for w in t.warnings)
    assert t.trainable_parameters == _apply_and_check(cfg("llama"), t.keys, -1)


def test_nothing_matches_falls_back_to_mlx_lm_default(monkeypatch):
    monkeypatch.setitem(lora_policy.KEY_TABLE, "llama", ("nope.proj",))
    monkeypatch.setattr(lora_policy, "_derive_keys", lambda *a: [])
    t = resolve_lora_targets(cfg("llama"), rank=RANK, num_layers=1)
    assert t.fallback and t.keys is None
    assert any("nope.proj" in w for w in t.warnings) and any("no LoRA target" in w for w in t.warnings)
    assert set(t.resolved_keys) == ATTN | DENSE
    assert t.trainable_parameters == _apply_and_check(cfg("llama"), None, 1)


def test_resolve_for_model_dir(tmp_path):
    (tmp_path / "config.json").write_text(json.dumps(CASES["mixtral"][0]))
    t = resolve_for_model_dir(tmp_path, rank=RANK)
    assert set(t.keys) == SPARSE_MOE and not t.fallback


@pytest.mark.parametrize("content", [None, "{not json", "[1, 2]"])
def test_unreadable_config_falls_back(tmp_path, content):
    if content is not None:
        (tmp_path / "config.json").write_text(content)
    t = resolve_for_model_dir(tmp_path)
    assert t.fallback and t.keys is None and t.trainable_parameters is None
    assert "config.json" in t.warnings[0]


def test_building_the_tree_does_not_materialise_weights():
    # A 7B-sized llama would need ~28 GB if evaluated; lazily it is just a graph.
    big = cfg("llama", hidden_size=4096, intermediate_size=11008, num_hidden_layers=32,
              num_attention_heads=32, num_key_value_heads=32, head_dim=128, vocab_size=32000)
    t = resolve_lora_targets(big, rank=8, num_layers=16)
    assert set(t.keys) == ATTN | DENSE
    per_block = 8 * (4 * (4096 + 4096) + 2 * (4096 + 11008) + (11008 + 4096))
    assert t.trainable_parameters == 16 * per_block
