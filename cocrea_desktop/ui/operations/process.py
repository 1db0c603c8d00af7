"""The process: its details, undo and redo."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui.operations.base import _run


def update_process(*, parent: QWidget | None, repo: Repo, **values: Any) -> Changes | None:
    return _run(parent, lambda: repo.update_process(**values))


def undo(*, parent: QWidget | None, repo: Repo) -> Changes | None:
    return _run(parent, repo.undo)


def redo(*, parent: QWidget | None, repo: Repo) -> Changes | None:
    return _run(parent, repo.redo)
