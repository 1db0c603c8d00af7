"""Running a session: moving through its phases and the phase timers."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui.operations.base import _run


def go_to_phase(*, parent: QWidget | None, repo: Repo, session_id: str,
                phase_key: str) -> Changes | None:
    return _run(parent, lambda: repo.phases.go_to(session_id, phase_key))


def next_phase(*, parent: QWidget | None, repo: Repo, session_id: str) -> Changes | None:
    return _run(parent, lambda: repo.phases.forward(session_id))


def previous_phase(*, parent: QWidget | None, repo: Repo, session_id: str) -> Changes | None:
    return _run(parent, lambda: repo.phases.back(session_id))


def skip_phase(*, parent: QWidget | None, repo: Repo, session_id: str) -> Changes | None:
    return _run(parent, lambda: repo.phases.skip(session_id))


def toggle_timer(*, parent: QWidget | None, repo: Repo, session_id: str,
                 phase_key: str | None = None) -> Changes | None:
    return _run(parent, lambda: repo.phases.toggle_timer(session_id, phase_key))


def start_timer(*, parent: QWidget | None, repo: Repo, session_id: str,
                phase_key: str | None = None, minutes: float | None = None) -> Changes | None:
    return _run(parent, lambda: repo.phases.start_timer(session_id, phase_key, minutes))


def pause_timer(*, parent: QWidget | None, repo: Repo, session_id: str,
                phase_key: str | None = None) -> Changes | None:
    return _run(parent, lambda: repo.phases.pause_timer(session_id, phase_key))


def resume_timer(*, parent: QWidget | None, repo: Repo, session_id: str,
                 phase_key: str | None = None) -> Changes | None:
    return _run(parent, lambda: repo.phases.resume_timer(session_id, phase_key))


def add_minute(*, parent: QWidget | None, repo: Repo, session_id: str,
               phase_key: str | None = None) -> Changes | None:
    return _run(parent, lambda: repo.phases.add_minute(session_id, phase_key))


def reset_timer(*, parent: QWidget | None, repo: Repo, session_id: str,
                phase_key: str | None = None) -> Changes | None:
    return _run(parent, lambda: repo.phases.reset_timer(session_id, phase_key))
