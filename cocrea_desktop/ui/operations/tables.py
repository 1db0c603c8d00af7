"""Table laptops: prepare their starting files at the office; open one on a table laptop."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui.operations.base import bus


def prepare_tables(*, repo: Repo, plan: Sequence[Any], folder: str | None) -> tuple[list, Path]:
    """Check the plan and the folder, then record the table laptops (one transaction).

    A user error is raised (the dialog shows it in place, and nothing was written)."""
    from cocrea_desktop.export.tables import prepare_tables as prepare

    prepared, target, changes = prepare(repo, plan, folder)
    bus().changed.emit(changes)
    return prepared, target


def open_table_file(*, parent: QWidget | None, path: str | Path, target: str | Path,
                    code: str) -> tuple[Repo, Any] | bool | None:
    """On a table laptop: the process file made from the table's file, opened with its
    code. After the Spanish message: ``False`` when the code is wrong (ask it again),
    ``None`` when the file cannot be opened."""
    from cocrea_desktop.export.tables import WrongCode
    from cocrea_desktop.export.tables import open_table_file as open_file

    try:
        return open_file(path, target, code)
    except WrongCode as err:
        sys.modules[__package__].show_error(parent, err)
        return False
    except CocreaError as err:
        sys.modules[__package__].show_error(parent, err)
        return None
