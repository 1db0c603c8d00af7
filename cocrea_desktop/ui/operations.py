"""One keyword-only function per user action -> one core call -> Changes.

Every view reacts to the single ``bus().changed`` signal and re-reads what it
shows; no view runs SQL or computes a tally. A user error (a typed
``CocreaError``) is shown as a Spanish message box and the function returns
``None``; nothing is half-done because each core call is one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.i18n import _
from cocrea_desktop.store.repo import Repo

T = TypeVar("T")


class ChangesBus(QObject):
    """The one signal that tells every view what changed."""

    changed = Signal(object)  # Changes


_bus: ChangesBus | None = None


def bus() -> ChangesBus:
    global _bus
    if _bus is None:
        _bus = ChangesBus()
    return _bus


def show_error(parent: QWidget | None, err: CocreaError) -> None:
    """Tell the user what went wrong, in their language; tests may replace this."""
    box = QMessageBox(QMessageBox.Icon.Warning, _("CoCrea"), err.message,
                      QMessageBox.StandardButton.Ok, parent)
    if err.detail:
        box.setDetailedText(err.detail)
    box.exec()


def _run(parent: QWidget | None, call: Callable[[], T]) -> T | None:
    try:
        result = call()
    except CocreaError as err:
        show_error(parent, err)
        return None
    changes = result[1] if isinstance(result, tuple) else result
    if isinstance(changes, Changes):
        bus().changed.emit(changes)
    return result


def update_process(*, parent: QWidget | None, repo: Repo, **values: Any) -> Changes | None:
    return _run(parent, lambda: repo.update_process(**values))


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


def undo(*, parent: QWidget | None, repo: Repo) -> Changes | None:
    return _run(parent, repo.undo)


def redo(*, parent: QWidget | None, repo: Repo) -> Changes | None:
    return _run(parent, repo.redo)
