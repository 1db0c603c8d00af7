"""Input widgets the Designer forms use (promoted widgets in ui/*.ui)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QDialogButtonBox, QPlainTextEdit, QWidget


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


class ButtonBox(QDialogButtonBox):
    """Standard buttons (their roles, icons and keys) with our own words.

    Qt puts its own texts back ("OK", "Cancel") when the language changes (the
    LanguageChange event arrives after our ``retranslate``); the words given to
    :meth:`set_texts` are put back after it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._texts: dict[QDialogButtonBox.StandardButton, str] = {}

    def set_texts(self, texts: dict[QDialogButtonBox.StandardButton, str]) -> None:
        """Show ``texts`` (already translated) on these standard buttons, and keep them."""
        self._texts.update(texts)
        self._apply()

    def _apply(self) -> None:
        for which, text in self._texts.items():
            button = self.button(which)
            if button is not None:
                button.setText(text)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._apply()
        return handled
