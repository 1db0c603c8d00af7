"""Where the program keeps its own files (device key, settings, backups, demo)."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "CoCrea"
PROCESS_SUFFIX = ".cocrea.db"


def data_dir() -> Path:
    """The user's data directory (``COCREA_DATA_DIR`` overrides it, e.g. in tests)."""
    override = os.environ.get("COCREA_DATA_DIR")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def processes_dir() -> Path:
    """Default folder offered for new process files."""
    path = data_dir() / "procesos"
    path.mkdir(parents=True, exist_ok=True)
    return path


def with_process_suffix(path: str | os.PathLike[str]) -> Path:
    p = Path(path)
    if p.name.endswith(PROCESS_SUFFIX):
        return p
    if p.suffix == ".db":
        p = p.with_suffix("")
    return p.with_name(p.name + PROCESS_SUFFIX)
