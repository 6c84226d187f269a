from pathlib import Path

import pytest

from backend.cli import _settings, build_parser
from backend.settings import Settings


def test_defaults():
    s = Settings.from_env({})
    assert s.host == "127.0.0.1" and s.port == 8000
    assert s.data_dir == Path.home() / ".lora-studio"
    assert s.parity_yaml_path is not None and s.parity_yaml_path.name == "gui_training_config.yaml"


def test_env_overrides_defaults(tmp_path):
    s = Settings.from_env({"LORA_STUDIO_HOME": str(tmp_path), "LORA_STUDIO_PORT": "9001",
                           "LORA_STUDIO_MODELS": f"{tmp_path}/a:{tmp_path}/b",
                           "LORA_STUDIO_HF_CACHE": "0", "LORA_STUDIO_PARITY_YAML": ""})
    assert s.data_dir == tmp_path and s.port == 9001
    assert s.model_dirs == (tmp_path / "a", tmp_path / "b")
    assert s.include_hf_cache is False and s.parity_yaml_path is None
    assert s.all_model_dirs() == [tmp_path / "demo", tmp_path / "a", tmp_path / "b"]


def test_flags_override_env(tmp_path, monkeypatch):
    monkeypatch.setenv("LORA_STUDIO_HOME", str(tmp_path / "env"))
    monkeypatch.setenv("LORA_STUDIO_PORT", "9001")
    monkeypatch.setenv("LORA_STUDIO_MODELS", str(tmp_path / "envmodels"))
    args = build_parser().parse_args(["serve", "--data-dir", str(tmp_path / "flag"), "--port", "9002",
                                      "--model-dir", str(tmp_path / "flagmodels")])
    s = _settings(args)
    assert s.data_dir == tmp_path / "flag" and s.port == 9002
    assert s.model_dirs == (tmp_path / "envmodels", tmp_path / "flagmodels")


def test_unset_flags_keep_env(tmp_path, monkeypatch):
    monkeypatch.setenv("LORA_STUDIO_PORT", "9003")
    s = _settings(build_parser().parse_args(["serve"]))
    assert s.port == 9003


def test_binding_beyond_loopback_requires_a_token():
    with pytest.raises(ValueError, match="token"):
        Settings(host="0.0.0.0").validate()
    Settings(host="0.0.0.0", token="t").validate()
    Settings(host="127.0.0.1").validate()
