"""Sessions: create, edit, duplicate, archive, end; the relatoría written after the results."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui.operations.base import _run


def add_session(*, parent: QWidget | None, repo: Repo, **values: Any) -> str | None:
    result = _run(parent, lambda: repo.add_session(**values))
    return result[0] if result else None


def update_session(*, parent: QWidget | None, repo: Repo, session_id: str,
                   **values: Any) -> Changes | None:
    return _run(parent, lambda: repo.update_session(session_id, **values))


def duplicate_session(*, parent: QWidget | None, repo: Repo, session_id: str) -> str | None:
    result = _run(parent, lambda: repo.duplicate_session(session_id))
    return result[0] if result else None


def archive_session(*, parent: QWidget | None, repo: Repo, session_id: str,
                    archived: bool = True) -> Changes | None:
    return _run(parent, lambda: repo.archive_session(session_id, archived=archived))


def end_session(*, parent: QWidget | None, repo: Repo, session_id: str) -> Changes | None:
    return _run(parent, lambda: repo.end_session(session_id))


def reopen_session(*, parent: QWidget | None, repo: Repo, session_id: str) -> Changes | None:
    return _run(parent, lambda: repo.reopen_session(session_id))


def save_relatoria(*, parent: QWidget | None, repo: Repo, session_id: str,
                   **values: str) -> Changes | None:
    return _run(parent, lambda: repo.relatoria.save(session_id, **values))
