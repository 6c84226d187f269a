import json
import os
import time
from pathlib import Path

import pytest

from backend.models.catalog import (
    ModelCatalog,
    coverage_presets,
    describe_model,
    discover,
)

LLAMA = {"model_type": "llama", "num_hidden_layers": 4, "hidden_size": 64, "vocab_size": 100,
         "intermediate_size": 128, "num_attention_heads": 4, "rms_norm_eps": 1e-5}


def make_model(path: Path, config: dict | str | None = LLAMA, weights: bool = True,
               tokenizer: bool = True) -> Path:
    path.mkdir(parents=True)
    if isinstance(config, dict):
        (path / "config.json").write_text(json.dumps(config))
    elif isinstance(config, str):
        (path / "config.json").write_text(config)
    if weights:
        (path / "model.safetensors").write_bytes(b"\0" * 1000)
    if tokenizer:
        (path / "tokenizer.json").write_text("{}")
    return path


@pytest.mark.parametrize("depth,expected", [
    (4, [-1, 3, 2, 1]),
    (24, [-1, 18, 12, 6]),
    (28, [-1, 21, 14, 7]),
    (32, [-1, 24, 16, 8]),
    (48, [-1, 36, 24, 12]),
    (80, [-1, 60, 40, 20]),
])
def test_coverage_presets_follow_depth(depth, expected):
    assert coverage_presets(depth) == expected


def test_tiny_depths_have_no_duplicate_or_full_presets():
    assert coverage_presets(1) == [-1]
    assert coverage_presets(2) == [-1, 1]


def test_good_model_is_described_without_loading_weights(tmp_path):
    m = describe_model(make_model(tmp_path / "good"))
    assert m["error"] is None
    assert (m["model_type"], m["num_hidden_layers"], m["hidden_size"], m["vocab_size"]) == ("llama", 4, 64, 100)
    assert m["coverage_presets"] == [-1, 3, 2, 1]
    assert m["size_bytes"] >= 1000
    assert m["quantized"] is None


def test_quantized_and_nested_text_config(tmp_path):
    cfg = {"model_type": "gemma3", "quantization": {"bits": 4, "group_size": 64},
           "text_config": {"num_hidden_layers": 26, "hidden_size": 1152, "vocab_size": 262144}}
    m = describe_model(make_model(tmp_path / "q", cfg))
    q = m["quantized"]
    assert (q["bits"], q["group_size"], q["description"], q["mixed"]) == (4, 64, "4-bit", False)
    assert m["num_hidden_layers"] == 26 and m["depth_is_standard"] is True


@pytest.mark.parametrize("config,needle", [
    ("{not json", "unreadable"),
    ("[1, 2]", "not a JSON object"),
    (None, "missing"),
    ({"model_type": "llama"}, "num_hidden_layers"),
])
def test_broken_dirs_are_listed_with_an_error(tmp_path, config, needle):
    models = ModelCatalog(lambda: [tmp_path]).list()
    assert models == []
    make_model(tmp_path / "broken", config)
    models = ModelCatalog(lambda: [tmp_path]).list()
    assert len(models) == 1 and needle in models[0]["error"]


def test_missing_weights_or_tokenizer_is_an_error(tmp_path):
    make_model(tmp_path / "noweights", weights=False)  # has config.json, so it is a candidate
    make_model(tmp_path / "notok", tokenizer=False)
    by_name = {m["name"]: m for m in ModelCatalog(lambda: [tmp_path]).list()}
    assert "safetensors" in by_name["noweights"]["error"]
    assert "tokenizer" in by_name["notok"]["error"]


def test_empty_and_missing_roots_yield_nothing(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "sub").mkdir()
    assert discover([tmp_path / "empty", tmp_path / "does-not-exist"]) == []


def test_hf_cache_snapshots_are_found_with_repo_names(tmp_path):
    snap = tmp_path / "hub" / "models--mlx-community--Tiny-4bit" / "snapshots" / "abc123"
    blob = tmp_path / "hub" / "models--mlx-community--Tiny-4bit" / "blobs"
    blob.mkdir(parents=True)
    (blob / "w").write_bytes(b"\0" * 4096)
    make_model(snap, weights=False)
    os.symlink(blob / "w", snap / "model.safetensors")
    [m] = ModelCatalog(lambda: [tmp_path / "hub"]).list()
    assert m["name"] == "mlx-community/Tiny-4bit" and m["error"] is None
    assert m["size_bytes"] >= 4096  # symlinked blob counted


def test_catalog_caches_until_refresh(tmp_path):
    calls = []
    catalog = ModelCatalog(lambda: [tmp_path], annotate=lambda m: calls.append(m["name"]))
    make_model(tmp_path / "a")
    assert [m["name"] for m in catalog.list()] == ["a"]
    make_model(tmp_path / "b")
    assert [m["name"] for m in catalog.list()] == ["a"]  # cached
    assert [m["name"] for m in catalog.list(refresh=True)] == ["a", "b"]
    assert calls == ["a", "a", "b"]


def test_discovery_is_fast_for_many_models(tmp_path):
    for i in range(50):
        make_model(tmp_path / f"m{i:02d}")
    started = time.perf_counter()
    models = ModelCatalog(lambda: [tmp_path]).list()
    assert len(models) == 50 and all(m["error"] is None for m in models)
    # no weights are read: describing 50 dirs is file-system work only
    assert time.perf_counter() - started < 5
