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


def join_comment(*, parent: QWidget | None, repo: Repo, comment_id: str,
                 into: str) -> Changes | None:
    """Join a comment to the one it repeats (both kept)."""
    return _run(parent, lambda: repo.consultation.join(comment_id, into))


def import_comments(*, parent: QWidget | None, repo: Repo,
                    items: list[dict[str, str]]) -> int | None:
    """Write the comments read (and checked) from a spreadsheet: all or nothing."""
    result = _run(parent, lambda: repo.consultation.add_many(items))
    return result[0] if result else None


def issue_forms(*, parent: QWidget | None, repo: Repo, plan: Any, prepared: Any
                ) -> Changes | None:
    """Issue the serials of printed comment forms, once their PDF was read back."""
    from cocrea_desktop.export.consultation_forms import finish_forms_print

    return _run(parent, lambda: finish_forms_print(repo, plan, prepared))
