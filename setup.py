"""Build hook: the wheel carries the built web UI, so `pip install <wheel>` needs no Node.

`build_py` copies `frontend/dist` (built with `cd frontend && npm run build`) into the package as
`backend/web`; the app serves it when it does not run from a checkout (backend/settings.py). Project
metadata lives in pyproject.toml.
"""

import os
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SPA_DIST = Path(__file__).resolve().parent / "frontend" / "dist"


class BuildPyWithSpa(build_py):
    def run(self):
        super().run()
        if not (SPA_DIST / "index.html").is_file():
            if os.environ.get("LORA_STUDIO_REQUIRE_SPA"):
                raise SystemExit("frontend/dist is not built: run `cd frontend && npm run build` first")
            self.announce("frontend/dist is not built: this build has no web UI", level=3)
            return
        target = Path(self.build_lib) / "backend" / "web"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(SPA_DIST, target)


setup(cmdclass={"build_py": BuildPyWithSpa})
