"""Where every file dialog starts.

Beside the process file when the person keeps it in a folder of their own; when the process
lies in the program's hidden data folder (the demo does), in the person's Documents folder
(or their home folder when there is none). Never the folder the program was started from
(the program's own folder) and never the hidden data folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from cocrea_desktop.store.paths import data_dir


def documents_folder() -> Path:
    """The person's Documents folder when it exists, else their home folder."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if location and Path(location).is_dir():
        return Path(location)
    return Path.home()


def in_start_folder(repo=None, name: str = "") -> str:
    """A file dialog's starting point: ``name`` in :func:`start_folder` (the folder alone
    when no name), never the program's own folder."""
    folder = start_folder(repo)
    return str(folder / name) if name else str(folder)


def start_folder(repo=None) -> Path:
    """The folder a file dialog opens in, for the process ``repo`` (None: no process open)."""
    if repo is None:
        return documents_folder()
    folder = Path(repo.path).resolve().parent
    data = data_dir().resolve()
    if folder == data or data in folder.parents:
        return documents_folder()
    return folder


def unused_path(folder: Path, stem: str, suffix: str) -> Path:
    """``folder/stem+suffix``, or ``stem-2``, ``stem-3``... when that file is already there:
    a suggested name never points at an earlier PDF (ballots printed for another session or
    round would be overwritten by a facilitator who only presses Enter)."""
    path = folder / (stem + suffix)
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}{suffix}"
        number += 1
    return path
