"""PathStr: a filesystem path field that the OS can actually look up.

A NUL byte, an unencodable character (a lone surrogate from JSON), a name longer than the OS allows
or `~name` of an unknown user
would otherwise surface as ValueError / ENAMETOOLONG deep inside a service: here it is a 422 naming
the field. Existence and file-vs-directory are the using service's checks (it knows which it needs).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator

NAME_MAX = 255  # bytes per path component on Linux (ext4, btrfs) and macOS (APFS)
PATH_MAX = 1024 if sys.platform == "darwin" else 4096


def check_path(value: str) -> str:
    if "\x00" in value:
        raise ValueError("path contains a NUL byte")
    try:
        encoded = os.fsencode(value)
        value.encode("utf-8")
    except UnicodeError:
        raise ValueError("path contains characters that cannot be a file name") from None
    if len(encoded) >= PATH_MAX:
        raise ValueError(f"path is longer than the OS allows ({PATH_MAX - 1} bytes)")
    if any(len(part) > NAME_MAX for part in encoded.split(b"/")):
        raise ValueError(f"a path component is longer than the OS allows ({NAME_MAX} bytes)")
    if value.startswith("~"):
        try:
            Path(value).expanduser()
        except RuntimeError:  # pathlib: "~name" of a user this machine does not have
            raise ValueError(f"{value.split('/', 1)[0]!r} names no user on this machine") from None
    return value


PathStr = Annotated[str, AfterValidator(check_path)]


def directory_given(path: str | None) -> str | None:
    """"X is a directory" when a file was expected there, else None (missing is the reader's call)."""
    if path and Path(path).expanduser().is_dir():
        return f"{path} is a directory, not a file"
    return None
