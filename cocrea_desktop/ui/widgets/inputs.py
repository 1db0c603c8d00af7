"""Input widgets the Designer forms use (promoted widgets in ui/*.ui)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QPlainTextEdit, QWidget


class DateEdit(QDateEdit):
    """A date field that Tab leaves (Qt's moves between day, month and year instead)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class QuestionEdit(QPlainTextEdit):
    """A short text where Enter submits (``enter_pressed``) and Mayús+Intro starts a line."""

    enter_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self.enter_pressed.emit()
            return
        super().keyPressEvent(event)
