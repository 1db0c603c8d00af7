"""Idea fair (feria de ideas): stands, authorities, visits, interest, letters."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui.operations.base import _run


def add_stand(*, parent: QWidget | None, repo: Repo, session_id: str, title: str,
              number: int | None = None, **values: str) -> Any | None:
    """Register a promoter team's stand; returns the saved Stand or None."""
    result = _run(parent, lambda: repo.fair.add_stand(session_id, title=title, number=number,
                                                      **values))
    return result[0] if result else None


def edit_stand(*, parent: QWidget | None, repo: Repo, stand_id: str,
               **values: str) -> Changes | None:
    return _run(parent, lambda: repo.fair.edit_stand(stand_id, **values))


def add_authority(*, parent: QWidget | None, repo: Repo, session_id: str, name: str,
                  post: str = "", agency: str = "") -> Any | None:
    result = _run(parent, lambda: repo.fair.add_authority(session_id, name=name, post=post,
                                                          agency=agency))
    return result[0] if result else None


def log_visit(*, parent: QWidget | None, repo: Repo, session_id: str, stand_number: int,
              authority_number: int, notes: str = "") -> Changes | None:
    return _run(parent, lambda: repo.fair.log_visit(session_id, stand_number,
                                                    authority_number, notes))


def set_interest(*, parent: QWidget | None, repo: Repo, session_id: str, stand_number: int,
                 authority_number: int, level: str | None) -> Changes | None:
    return _run(parent, lambda: repo.fair.set_interest(session_id, stand_number,
                                                       authority_number, level))


def draft_letter(*, parent: QWidget | None, repo: Repo, session_id: str, stand_number: int,
                 authority_number: int, **values: str) -> Any | None:
    """Draft a carta compromiso; returns the saved Letter or None."""
    result = _run(parent, lambda: repo.fair.draft_letter(session_id, stand_number,
                                                         authority_number, **values))
    return result[0] if result else None


def edit_letter(*, parent: QWidget | None, repo: Repo, letter_id: str,
                **values: str) -> Changes | None:
    return _run(parent, lambda: repo.fair.edit_letter(letter_id, **values))


def set_letter_status(*, parent: QWidget | None, repo: Repo, letter_id: str, status: str,
                      reason: str = "") -> Changes | None:
    return _run(parent, lambda: repo.fair.set_letter_status(letter_id, status, reason))


def attach_letter_scan(*, parent: QWidget | None, repo: Repo, letter_id: str,
                       path: str) -> str | None:
    """Attach the photo or scan of the signed letter; returns its SHA-256 or None."""
    result = _run(parent, lambda: repo.fair.attach(letter_id, path))
    return result[0] if result else None
