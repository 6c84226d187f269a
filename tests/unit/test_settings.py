from pathlib import Path

import pytest

from backend.cli import _settings, build_parser
from backend.settings import Settings, default_parity_yaml


def test_defaults():
    s = Settings.from_env({})
    assert s.host == "127.0.0.1" and s.port == 8000
    assert s.data_dir == Path.home() / ".lora-studio"
    # the PRD's path exactly, on every machine with /tmp (this Linux one; macOS too, whose
    # tempfile.gettempdir() is a /var/folders/... path)
    assert Path("/tmp").is_dir()
    assert s.parity_yaml_path == Path("/tmp/gui_training_config.yaml")


def test_parity_yaml_falls_back_to_the_temp_dir_without_tmp(tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path / "temp"))
    assert default_parity_yaml(tmp_path / "no-such-tmp") == tmp_path / "temp" / "gui_training_config.yaml"
    assert default_parity_yaml(tmp_path) == tmp_path / "gui_training_config.yaml"


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
