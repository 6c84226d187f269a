"""The Linux MLX backend choice (what `make` installs) and the device /health reports."""

import subprocess
import sys

import pytest

from backend.mlx_backend import choose_backend, driver_major, free_gpu_bytes

SMI_550 = "550.54.15\n"
SMI_535 = "535.183.01\n"


def test_no_nvidia_smi_means_cpu():
    assert choose_backend(None, None) == "cpu"
    assert choose_backend(None, "") == "cpu"


def test_a_recent_driver_means_cuda12_an_old_one_cpu():
    assert choose_backend(None, SMI_550) == "cuda12"
    assert choose_backend(None, "580.65.06\n") == "cuda12"
    assert choose_backend(None, SMI_535) == "cpu"
    assert choose_backend(None, "NVIDIA-SMI has failed because it couldn't communicate\n") == "cpu"


def test_the_override_wins_and_is_checked():
    assert choose_backend("cpu", SMI_550) == "cpu"
    assert choose_backend("cuda13", None) == "cuda13"
    with pytest.raises(ValueError, match="cuda12"):
        choose_backend("rocm", None)


def test_macos_never_picks_cuda():
    assert choose_backend(None, SMI_550, system="Darwin") == "cpu"


def test_driver_version_parsing_takes_the_first_gpu():
    assert driver_major("550.54.15\n550.54.15\n") == 550
    assert driver_major("garbage") is None


def _run(env_extra: dict, *args: str) -> subprocess.CompletedProcess:
    import os

    env = {**os.environ, **env_extra}
    return subprocess.run([sys.executable, "-m", "backend.mlx_backend", *args], capture_output=True, text=True,
                          env=env, timeout=60)


def test_the_command_make_calls(tmp_path):
    # nvidia-smi is faked on PATH (this machine has no GPU): a driver 550 makes the choice cuda12
    fake = tmp_path / "nvidia-smi"
    fake.write_text("#!/bin/sh\necho 550.54.15\n")
    fake.chmod(0o755)
    import os

    path = f"{tmp_path}{os.pathsep}{os.environ['PATH']}"
    assert _run({"PATH": path, "MLX_BACKEND": ""}).stdout.strip() == "cuda12"
    assert _run({"PATH": path, "MLX_BACKEND": "cpu"}).stdout.strip() == "cpu"
    assert _run({"PATH": path, "MLX_BACKEND": ""}, "--conflicting").stdout.split() == ["mlx-cpu", "mlx-cuda-13"]
    bad = _run({"MLX_BACKEND": "rocm"})
    assert bad.returncode == 2 and "choose one of" in bad.stderr


def test_free_gpu_memory_is_read_from_nvidia_smi_in_mib():
    assert free_gpu_bytes("81050\n81050\n") == 81050 * 1024 * 1024  # the first GPU
    assert free_gpu_bytes("") is None and free_gpu_bytes(None) is None
    assert free_gpu_bytes("[N/A]\n") is None


def test_the_memory_preflight_uses_the_gpu_on_cuda(monkeypatch):
    """On a CUDA build the available memory is the GPU's free memory, not the host's RAM."""
    import mlx.core as mx

    from backend import mlx_backend
    from backend.training import estimate

    monkeypatch.setattr(mx.cuda, "is_available", lambda: True)
    monkeypatch.setattr(mlx_backend, "query_free_gpu_memory", lambda: 12 * 1024**3)
    assert estimate.available_bytes() == 12 * 1024**3
    monkeypatch.setattr(mlx_backend, "query_free_gpu_memory", lambda: None)  # no nvidia-smi answer: RAM
    assert estimate.available_bytes() != 12 * 1024**3 and estimate.available_bytes() > 0
