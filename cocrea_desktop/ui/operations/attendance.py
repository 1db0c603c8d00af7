"""Attendance and the privacy notice (the evidence trail)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui.operations.base import _run


def set_privacy(*, parent: QWidget | None, repo: Repo, body: str, notice: str,
                full_notice_at: str) -> Changes | None:
    return _run(parent, lambda: repo.attendance.set_privacy(
        body=body, notice=notice, full_notice_at=full_notice_at))


def set_attendance_counts(*, parent: QWidget | None, repo: Repo, session_id: str,
                          dimension: str, counts: dict[str, int]) -> Changes | None:
    return _run(parent, lambda: repo.attendance.set_counts(session_id, dimension, counts))


def set_notice_read_aloud(*, parent: QWidget | None, repo: Repo, session_id: str,
                          read: bool) -> Changes | None:
    return _run(parent, lambda: repo.attendance.set_notice_read_aloud(session_id, read))


def add_person(*, parent: QWidget | None, repo: Repo, session_id: str,
               **values: Any) -> Any | None:
    result = _run(parent, lambda: repo.attendance.add_person(session_id, **values))
    return result[0] if result else None


def correct_person(*, parent: QWidget | None, repo: Repo, person_id: str,
                   **values: Any) -> Changes | None:
    return _run(parent, lambda: repo.attendance.correct_person(person_id, **values))


def erase_person(*, parent: QWidget | None, repo: Repo, person_id: str) -> Changes | None:
    return _run(parent, lambda: repo.attendance.erase_person(person_id))
