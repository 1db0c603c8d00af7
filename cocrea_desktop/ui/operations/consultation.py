"""The public consultation of the draft PAL: open, record and answer comments, close.
Each is one store call, one undo step."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui.operations.base import _run


def open_consultation(*, parent: QWidget | None, repo: Repo, **values: Any) -> Any | None:
    result = _run(parent, lambda: repo.consultation.open(**values))
    return result[0] if result else None


def add_comment(*, parent: QWidget | None, repo: Repo, **values: Any) -> Any | None:
    result = _run(parent, lambda: repo.consultation.add(**values))
    return result[0] if result else None


def answer_comment(*, parent: QWidget | None, repo: Repo, comment_id: str, response: str,
                   reason: str, change: str) -> Changes | None:
    return _run(parent, lambda: repo.consultation.answer(comment_id, response, reason, change))


def close_consultation(*, parent: QWidget | None, repo: Repo) -> Changes | None:
    return _run(parent, lambda: repo.consultation.close())
