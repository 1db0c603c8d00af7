"""Table laptops: prepare their starting files at the office; open one on a table laptop."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui.operations.base import _run, bus


def prepare_tables(*, repo: Repo, plan: Sequence[Any], folder: str | None) -> tuple[list, Path]:
    """Check the plan and the folder, then record the table laptops (one transaction).

    A user error is raised (the dialog shows it in place, and nothing was written)."""
    from cocrea_desktop.export.tables import prepare_tables as prepare

    prepared, target, changes = prepare(repo, plan, folder)
    bus().changed.emit(changes)
    return prepared, target


def open_table_file(*, parent: QWidget | None, path: str | Path, target: str | Path,
                    code: str) -> tuple[Repo, Any] | None:
    """On a table laptop: the process file made from the table's file, opened with its
    code; ``None`` (after the Spanish message) when it cannot be."""
    from cocrea_desktop.export.tables import open_table_file as open_file

    return _run(parent, lambda: open_file(path, target, code))
