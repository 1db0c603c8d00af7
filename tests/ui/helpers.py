"""Helpers for driving the GUI as a user would."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type ``text`` key by key, Spanish letters included (QTest only knows ASCII)."""
    for ch in text:
        if ch.isascii() and ch.isprintable():
            qtbot.keyClicks(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, ch))


def when_dialog(qtbot, cls, act):
    """Run ``act(dialog)`` on the next modal dialog of type ``cls`` once it is shown.

    Returns a dict that holds the dialog under ``"dialog"`` once it has been seen.
    """
    seen: dict = {}

    def poll():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, cls) and dialog.isVisible():
            seen["dialog"] = dialog
            try:
                act(dialog)
            except BaseException:
                # A failed check must not leave the modal dialog open (the test would hang
                # in its exec()): close it, and let pytest-qt report the error.
                dialog.reject()
                raise
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen
