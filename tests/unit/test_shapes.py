"""The realistic-shape builder: deterministic, loadable by plain mlx_lm.load, real LoRA targets."""

import hashlib
import json
import subprocess
import sys

import pytest

from backend.demo.shapes import SHAPES, build_shape, parameter_count


def _digest(folder):
    return {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in sorted(folder.iterdir()) if f.is_file()}


@pytest.mark.parametrize("name", ["llama-6m", "qwen2-moe-tiny"])
def test_build_is_deterministic_and_loads(name, tmp_path, demo_cache):
    from mlx_lm import load

    a = build_shape(name, tmp_path / "a", demo_cache / "model")
    b = build_shape(name, tmp_path / "b", demo_cache / "model")
    assert _digest(a) == _digest(b)
    assert build_shape(name, tmp_path / "c", demo_cache / "model", seed=1) and \
        _digest(tmp_path / "c") != _digest(a)  # the seed is what fixes the weights
    model, tokenizer = load(str(a))
    ids = tokenizer.encode("What is the capital of Veloria?")
    import mlx.core as mx
    logits = model(mx.array([ids]))
    demo_vocab = json.loads((demo_cache / "model" / "config.json").read_text())["vocab_size"]
    assert logits.shape == (1, len(ids), demo_vocab)
    assert model.args.hidden_size == SHAPES[name]["hidden_size"]


def test_sizes_and_lora_targets(tmp_path, demo_cache):
    from backend.models.lora_policy import resolve_for_model_dir

    llama = build_shape("llama-6m", tmp_path / "l", demo_cache / "model")
    assert 6e6 < parameter_count(llama) < 7e6
    moe = build_shape("qwen2-moe-tiny", tmp_path / "m", demo_cache / "model")
    keys = resolve_for_model_dir(moe).keys
    assert any("switch_mlp" in k for k in keys) and any("shared_expert." in k for k in keys)


def test_cli_builds_a_shape(tmp_path, demo_cache):
    import shutil

    shutil.copytree(demo_cache, tmp_path / "demo")
    out = subprocess.run([sys.executable, "-m", "backend", "demo", "--data-dir", str(tmp_path), "--shape",
                          "qwen2-moe-tiny"], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "qwen2-moe-tiny" in out.stdout and (tmp_path / "shapes" / "qwen2-moe-tiny" / "config.json").is_file()
