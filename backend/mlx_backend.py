"""Which MLX backend to install on Linux: `python3 -m backend.mlx_backend` prints cpu, cuda12 or cuda13.

Run by the Makefile before anything is installed, so it imports nothing beyond the standard library.
`MLX_BACKEND` wins; otherwise an NVIDIA GPU whose driver is recent enough for mlx's CUDA 12 wheels
(>= 550, as `nvidia-smi` reports it) selects cuda12, and everything else the CPU backend. The pip
extras of the same names (`pip install 'lora-studio[cuda12]'`) pull `mlx[cuda12]` etc.; the
backends are exclusive (each installs its own libmlx), so switching removes the others first.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys

BACKENDS = ("cpu", "cuda12", "cuda13")
MIN_CUDA12_DRIVER = 550
PACKAGES = {"cpu": "mlx-cpu", "cuda12": "mlx-cuda-12", "cuda13": "mlx-cuda-13"}


def driver_major(nvidia_smi_output: str) -> int | None:
    """The major driver version from `nvidia-smi --query-gpu=driver_version --format=csv,noheader`."""
    for line in nvidia_smi_output.splitlines():
        head = line.strip().split(".", 1)[0]
        if head.isdigit():
            return int(head)
    return None


def choose_backend(override: str | None, nvidia_smi_output: str | None, system: str = "Linux") -> str:
    """`override` (MLX_BACKEND) if given, else cuda12 for a usable NVIDIA driver, else cpu.

    On macOS the answer is irrelevant (mlx brings Metal; the extras are Linux-only) and is cpu.
    """
    if override:
        if override not in BACKENDS:
            raise ValueError(f"MLX_BACKEND={override!r}: choose one of {', '.join(BACKENDS)}")
        return override
    if system != "Linux" or not nvidia_smi_output:
        return "cpu"
    major = driver_major(nvidia_smi_output)
    return "cuda12" if major is not None and major >= MIN_CUDA12_DRIVER else "cpu"


def _nvidia_smi(query: str) -> str | None:
    """`nvidia-smi --query-gpu=QUERY --format=csv,noheader,nounits`, or None without a usable one."""
    exe = shutil.which("nvidia-smi")
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, f"--query-gpu={query}", "--format=csv,noheader,nounits"],
                             capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout if out.returncode == 0 else None


def query_nvidia_smi() -> str | None:
    return _nvidia_smi("driver_version")


def free_gpu_bytes(nvidia_smi_output: str | None) -> int | None:
    """Free memory of the first GPU from `nvidia-smi --query-gpu=memory.free --format=csv,noheader,nounits` (MiB)."""
    for line in (nvidia_smi_output or "").splitlines():
        head = line.strip().split(",")[0].strip()
        if head.isdigit():
            return int(head) * 1024 * 1024
    return None


def query_free_gpu_memory() -> int | None:
    return free_gpu_bytes(_nvidia_smi("memory.free"))


def device_report() -> dict:
    """What MLX computes on in this process: `/health` shows it (imports mlx, unlike the rest here)."""
    import mlx.core as mx

    backend = ("metal" if mx.metal.is_available() else
               "cuda" if hasattr(mx, "cuda") and mx.cuda.is_available() else "cpu")
    info = mx.device_info() if hasattr(mx, "device_info") else {}
    return {"mlx_device": str(mx.default_device()), "mlx_backend": backend, "mlx_version": mx.__version__,
            "device_name": info.get("device_name") or info.get("architecture")}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        backend = choose_backend(os.environ.get("MLX_BACKEND") or None, query_nvidia_smi(), platform.system())
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if argv[:1] == ["--conflicting"]:  # the other backends' packages, for `pip uninstall`
        print(" ".join(p for b, p in PACKAGES.items() if b != backend))
    else:
        print(backend)
    return 0


if __name__ == "__main__":
    sys.exit(main())
