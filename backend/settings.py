"""Runtime settings: defaults < LORA_STUDIO_* environment variables < command-line flags."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

ENV_PREFIX = "LORA_STUDIO_"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


def _split_paths(value: str) -> list[Path]:
    return [Path(p).expanduser() for p in value.split(os.pathsep) if p.strip()]


def default_parity_yaml(tmp: Path = Path("/tmp")) -> Path:
    """The PRD's parity copy: exactly /tmp/gui_training_config.yaml where /tmp exists (Linux, macOS,
    whose own temp dir is a per-user /var/folders/… path), the system temp dir elsewhere (Windows)."""
    base = tmp if tmp.is_dir() else Path(tempfile.gettempdir())
    return base / "gui_training_config.yaml"


def default_frontend_dist() -> Path:
    """The built SPA: the checkout's `frontend/dist` when running from the repository, else the copy
    an installed wheel carries as package data (`backend/web`, see setup.py)."""
    package = Path(__file__).resolve().parent
    checkout = package.parent / "frontend" / "dist"
    return checkout if (checkout / "index.html").is_file() else package / "web"


def default_hf_cache() -> Path:
    hf_home = os.environ.get("HF_HOME")
    base = Path(hf_home) if hf_home else Path.home() / ".cache" / "huggingface"
    return base / "hub"


@dataclass(frozen=True)
class Settings:
    data_dir: Path = field(default_factory=lambda: Path.home() / ".lora-studio")
    host: str = "127.0.0.1"
    port: int = 8000
    # Extra model directories (each either a model dir or a dir of model dirs).
    model_dirs: tuple[Path, ...] = ()
    include_hf_cache: bool = True
    token: str | None = None
    allowed_hosts: tuple[str, ...] = ()
    allowed_origins: tuple[str, ...] = ()
    # Parity copy of the latest SFT YAML; None disables it.
    parity_yaml_path: Path | None = field(default_factory=default_parity_yaml)
    frontend_dist: Path = field(default_factory=default_frontend_dist)
    # Seconds a stopping run gets to save its adapter before it is killed.
    stop_timeout: float = 30.0
    # Prompts generated together in an evaluation's greedy passes (mlx_lm.batch_generate).
    eval_batch_size: int = 16

    @property
    def db_path(self) -> Path:
        return self.data_dir / "studio.db"

    @property
    def runs_dir(self) -> Path:
        return self.data_dir / "runs"

    @property
    def demo_dir(self) -> Path:
        return self.data_dir / "demo"

    @property
    def demo_model_dir(self) -> Path:
        return self.demo_dir / "model"

    @property
    def demo_datasets_dir(self) -> Path:
        return self.demo_dir / "datasets"

    def all_model_dirs(self) -> list[Path]:
        dirs = [self.demo_model_dir.parent]
        if self.include_hf_cache:
            dirs.append(default_hf_cache())
        dirs.extend(self.model_dirs)
        return dirs

    def requires_token(self) -> bool:
        return self.host not in LOOPBACK_HOSTS

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        env = os.environ if environ is None else environ
        base = cls()
        updates: dict = {}
        get = lambda key: env.get(ENV_PREFIX + key)  # noqa: E731
        if v := get("HOME"):
            updates["data_dir"] = Path(v).expanduser()
        if v := get("HOST"):
            updates["host"] = v
        if v := get("PORT"):
            updates["port"] = int(v)
        if v := get("MODELS"):
            updates["model_dirs"] = tuple(_split_paths(v))
        if (v := get("HF_CACHE")) is not None and v != "":
            updates["include_hf_cache"] = v.lower() not in ("0", "false", "no", "off")
        if v := get("TOKEN"):
            updates["token"] = v
        if v := get("ALLOWED_HOSTS"):
            updates["allowed_hosts"] = tuple(h.strip() for h in v.split(",") if h.strip())
        if v := get("ALLOWED_ORIGINS"):
            updates["allowed_origins"] = tuple(o.strip() for o in v.split(",") if o.strip())
        if v := get("EVAL_BATCH"):
            updates["eval_batch_size"] = max(1, int(v))
        if (v := get("PARITY_YAML")) is not None:
            updates["parity_yaml_path"] = None if v in ("", "0", "off") else Path(v)
        return replace(base, **updates)

    def with_overrides(self, **overrides) -> "Settings":
        """Apply non-None overrides (command-line flags win over the environment)."""
        names = {f.name for f in fields(self)}
        clean = {k: v for k, v in overrides.items() if v is not None and k in names}
        return replace(self, **clean)

    def validate(self) -> None:
        if self.requires_token() and not self.token:
            raise ValueError(
                f"Binding to {self.host} exposes the studio beyond this machine: "
                "set --token or LORA_STUDIO_TOKEN."
            )
