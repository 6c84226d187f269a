"""Model folders added at run time: kept in `<data root>/settings.json` under `model_folders`.

The catalog reads them at every rescan, so an added folder is listed without restarting the server.
Other keys of settings.json are preserved; it is rewritten atomically.
"""

from __future__ import annotations

import errno
import json
import os
import threading
from pathlib import Path
from typing import Any

from backend.errors import FieldErrors, StudioError
from backend.models.catalog import discover
from backend.settings import Settings, default_hf_cache

KEY = "model_folders"
MAX_FOLDERS = 100
_lock = threading.Lock()


def settings_file(data_dir: Path) -> Path:
    return data_dir / "settings.json"


def _read(data_dir: Path) -> dict[str, Any]:
    try:
        raw = json.loads(settings_file(data_dir).read_text())
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


def added_folders(data_dir: Path) -> list[Path]:
    folders = _read(data_dir).get(KEY)
    return [Path(p) for p in folders if isinstance(p, str)] if isinstance(folders, list) else []


def _write(data_dir: Path, folders: list[Path]) -> None:
    raw = {**_read(data_dir), KEY: [str(p) for p in folders]}
    tmp = settings_file(data_dir).with_suffix(".json.tmp")
    tmp.write_text(json.dumps(raw, indent=2))
    os.replace(tmp, settings_file(data_dir))


def listing(settings: Settings) -> list[dict[str, Any]]:
    """Every folder the catalog scans, where it comes from and whether it can be removed here."""
    rows = [(settings.demo_model_dir.parent, "demo")]
    if settings.include_hf_cache:
        rows.append((default_hf_cache(), "hf_cache"))
    rows += [(p, "configured") for p in settings.model_dirs]
    rows += [(p, "added") for p in added_folders(settings.data_dir)]
    return [{"path": str(p), "source": s, "removable": s == "added", "exists": p.is_dir()} for p, s in rows]


def _checked(path: str) -> Path:
    bad = lambda msg: FieldErrors.one(["body", "path"], msg)  # PathStr already refused NUL, ~nobody
    if not Path(path).expanduser().is_absolute():
        raise bad(f"{path} is relative: give an absolute path (or one starting with ~)")
    try:
        folder = Path(path).expanduser().resolve()
        if not folder.exists():
            raise bad(f"{folder} does not exist")
        if not folder.is_dir():
            raise bad(f"{folder} is not a directory")
        found = discover([folder])
    except RuntimeError as exc:  # a symlink loop
        raise bad(f"{path} cannot be resolved: {exc}") from exc
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise bad("the path is longer than the system allows") from exc
        raise bad(f"{path} cannot be read: {exc.strerror or exc}") from exc
    if not found:
        raise bad(f"no model found in {folder}: a model folder holds config.json and *.safetensors "
                  "(or give a folder of model folders, or a Hugging Face hub cache)")
    return folder


def add(settings: Settings, path: str) -> Path:
    folder = _checked(path)
    with _lock:
        folders = added_folders(settings.data_dir)
        if folder not in folders:
            if len(folders) >= MAX_FOLDERS:
                raise StudioError(409, f"at most {MAX_FOLDERS} model folders can be added")
            _write(settings.data_dir, [*folders, folder])
    return folder


def remove(settings: Settings, path: str) -> None:
    try:
        resolved = Path(path).expanduser().resolve() if "\x00" not in path else None
    except (OSError, RuntimeError):
        resolved = None
    with _lock:
        folders = added_folders(settings.data_dir)
        keep = [p for p in folders if str(p) != path and p != resolved]
        if len(keep) == len(folders):
            raise StudioError(404, f"{path} is not a model folder added from the Setup tab")
        _write(settings.data_dir, keep)
