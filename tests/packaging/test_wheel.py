"""The built wheel is the whole app: runners as package modules and the built web UI, no Node needed.

The wheel is built from a copy of the sources (the checkout gets no build/ or egg-info), installed
without dependencies into a scratch venv that borrows this interpreter's site-packages for them
(mlx is not downloaded again), and run from there with PYTHONPATH cleared, so nothing of the checkout
can stand in for what the wheel lacks."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import time
import zipfile
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT, free_port

SOURCES = ("backend", "pyproject.toml", "setup.py", "README.md")
RUNNERS = ("sft", "grpo", "dist", "dist_check", "common", "rewards")


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return {**env, "PYTHONNOUSERSITE": "1", **extra}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    spa = ROOT / "frontend" / "dist"
    if not (spa / "index.html").is_file():
        pytest.fail("the SPA is not built: run `make frontend` (make test does)")
    src = tmp_path_factory.mktemp("src")
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__", "web"))
        else:
            shutil.copy2(path, src / name)
    shutil.copytree(spa, src / "frontend" / "dist")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "--no-build-isolation",
                    "-w", str(out), "-q"], check=True, cwd=out, env=clean_env(LORA_STUDIO_REQUIRE_SPA="1"),
                   timeout=300)
    [whl] = out.glob("lora_studio-*.whl")
    return whl


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(home)], check=True, timeout=120)
    py = home / "bin" / "python"
    site = Path(subprocess.check_output([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                        text=True).strip())
    # The dependencies (mlx, mlx-lm, fastapi, ...) come from this interpreter's site-packages, added
    # after the venv's own: a plain path entry, so the checkout's editable-install hook is not run.
    (site / "borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "-q", str(wheel)],
                   check=True, env=clean_env(), timeout=300)
    return home


def test_wheel_lists_the_runners_and_the_web_ui(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for runner in RUNNERS:
        assert f"backend/training/runner/{runner}.py" in names
    assert "backend/web/index.html" in names and "backend/web/favicon.svg" in names
    index = zipfile.ZipFile(wheel).read("backend/web/index.html").decode()
    for asset in re.findall(r'(?:src|href)="\./(assets/[^"]+)"', index):
        assert f"backend/web/{asset}" in names
    assert not [n for n in names if n.startswith(("tests/", "frontend/", "scripts/"))]


def test_runner_starts_from_the_installed_wheel(venv, tmp_path):
    py = venv / "bin" / "python"
    where = subprocess.check_output([str(py), "-c", "import backend; print(backend.__file__)"], text=True,
                                    cwd=tmp_path, env=clean_env()).strip()
    assert Path(where).resolve().is_relative_to(venv.resolve())
    r = subprocess.run([str(py), "-m", "backend.training.runner.sft", "--help"], capture_output=True, text=True,
                       cwd=tmp_path, env=clean_env(), timeout=120)
    assert r.returncode == 0, r.stderr
    assert "--config" in r.stdout


def test_installed_app_serves_the_web_ui(venv, tmp_path):
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen([str(venv / "bin" / "lora-studio"), "serve", "--port", str(port), "--data-dir",
                             str(tmp_path / "data"), "--no-demo"], cwd=tmp_path, stdout=log,
                            stderr=subprocess.STDOUT, env=clean_env(LORA_STUDIO_HF_CACHE="0"))
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(url + "/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
            time.sleep(0.3)
        page = httpx.get(url + "/", timeout=10)
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        assert '<div id="root"></div>' in page.text
        scripts = re.findall(r'src="\./(assets/[^"]+\.js)"', page.text)
        assert scripts and all(httpx.get(f"{url}/{s}", timeout=10).status_code == 200 for s in scripts)
        assert httpx.get(url + "/favicon.svg", timeout=10).status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()
