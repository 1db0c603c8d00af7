"""The form to create or edit a session."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core import dates
from cocrea_desktop.core.methods import all_methods
from cocrea_desktop.core.model import PARTICIPATION_LEVELS, SESSION_STATUSES, Session
from cocrea_desktop.i18n import _


def methods_by_use():
    """The methods in the order they are used most (each declares its ``order``)."""
    return all_methods()


class DateEdit(QDateEdit):
    """A date field that Tab leaves (Qt's moves between day, month and year instead)."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        return QWidget.focusNextPrevChild(self, next)


class QuestionEdit(QPlainTextEdit):
    """The question: Enter saves the form, Mayús+Intro starts a new line."""

    def __init__(self, on_enter) -> None:
        super().__init__()
        self._on_enter = on_enter

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self._on_enter()
            return
        super().keyPressEvent(event)


class SessionDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, session: Session | None = None, *,
                 last_method: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("SessionDialog")
        self.setWindowTitle(_("Editar sesión") if session else _("Nueva sesión"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        self.method = QComboBox()
        self.method.setObjectName("method")
        for method in methods_by_use():
            self.method.addItem(method.title_text(), method.key)
        if session is None and self.method.findData(last_method) >= 0:
            self.method.setCurrentIndex(self.method.findData(last_method))
        self.method_help = QLabel()
        self.method_help.setWordWrap(True)
        self.method_help.setStyleSheet("color: palette(mid);")
        self.method.currentIndexChanged.connect(self._show_method_help)

        self.question = QuestionEdit(self._accept_if_valid)
        self.question.setObjectName("question")
        self.question.setTabChangesFocus(True)
        self.question.setFixedHeight(70)
        self.question.setPlaceholderText(_("Por ejemplo: ¿Qué problema de su comunidad debe "
                                           "atender primero el municipio?"))
        self.question.setToolTip(_("Intro guarda; Mayús+Intro empieza otra línea."))
        self.table_label = QLineEdit(objectName="table_label")
        self.table_label.setPlaceholderText(_("Por ejemplo: Mesa 1 · Cabecera"))
        self.date = DateEdit(objectName="date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(dates.NUMERIC["es"])  # dd/MM/yyyy, as people write it
        self.date.setDate(QDate.currentDate())
        self.place = QLineEdit(objectName="place")
        self.facilitator = QLineEdit(objectName="facilitator")
        self.status = QComboBox(objectName="status")
        for key, label in SESSION_STATUSES.items():
            self.status.addItem(_(label), key)
        self.level = QComboBox(objectName="level")
        for key, label in PARTICIPATION_LEVELS.items():
            self.level.addItem(_(label), key)
        self.level.setCurrentIndex(list(PARTICIPATION_LEVELS).index("involve"))
        self.languages = QLineEdit(objectName="languages")
        self.languages.setPlaceholderText(_("Por ejemplo: español, mixteco"))
        self.interpreter = QCheckBox(_("Hubo intérprete"), objectName="interpreter")
        self.participants = QSpinBox(objectName="participants")
        self.participants.setRange(0, 999)

        form.addRow(_("&Método:"), self.method)
        form.addRow("", self.method_help)
        form.addRow(_("&Pregunta detonadora:"), self.question)
        form.addRow(_("M&esa:"), self.table_label)
        form.addRow(_("&Fecha:"), self.date)
        form.addRow(_("&Lugar:"), self.place)
        form.addRow(_("Facilitació&n:"), self.facilitator)
        form.addRow(_("Es&tado:"), self.status)
        form.addRow(_("Nivel de participación:"), self.level)
        form.addRow(_("Lenguas usadas:"), self.languages)
        form.addRow("", self.interpreter)
        form.addRow(_("Participantes:"), self.participants)

        self.error = QLabel(objectName="error")
        self.error.setStyleSheet("color: #a00000; font-weight: bold;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("&Guardar"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancelar"))
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons

        if session is not None:
            self._load(session)
        self._show_method_help()
        self.question.setFocus()

    def _load(self, s: Session) -> None:
        self.method.setCurrentIndex(max(0, self.method.findData(s.method)))
        self.question.setPlainText(s.question)
        self.table_label.setText(s.table_label)
        if s.date:
            self.date.setDate(QDate.fromString(s.date, Qt.DateFormat.ISODate))
        self.place.setText(s.place)
        self.facilitator.setText(s.facilitator)
        self.status.setCurrentIndex(max(0, self.status.findData(s.status)))
        self.level.setCurrentIndex(max(0, self.level.findData(s.participation_level)))
        self.languages.setText(s.languages)
        self.interpreter.setChecked(s.interpreter)
        self.participants.setValue(s.participant_count)

    def _show_method_help(self) -> None:
        from cocrea_desktop.core.methods import get_method

        key = self.method.currentData()
        self.method_help.setText(get_method(key).summary_text() if key else "")

    def _accept_if_valid(self) -> None:
        if not self.question.toPlainText().strip():
            self.error.setText(_("Escriba la pregunta detonadora: es lo que la sala va a "
                                 "responder."))
            self.error.show()
            self.question.setFocus()
            return
        self.accept()

    def values(self) -> dict[str, Any]:
        return {
            "method": self.method.currentData(),
            "question": self.question.toPlainText().strip(),
            "table_label": self.table_label.text(),
            "date": self.date.date().toString(Qt.DateFormat.ISODate),
            "place": self.place.text(),
            "facilitator": self.facilitator.text(),
            "status": self.status.currentData(),
            "participation_level": self.level.currentData(),
            "languages": self.languages.text() or "es",
            "interpreter": self.interpreter.isChecked(),
            "participant_count": self.participants.value(),
        }

    @classmethod
    def ask(cls, parent: QWidget | None, session: Session | None = None, *,
            settings=None) -> dict[str, Any] | None:
        """Show the form; the values typed, or ``None`` if cancelled. Tests may replace this.

        With ``settings`` (a new session), the last method chosen is offered first and the
        choice is remembered.
        """
        dialog = cls(parent, session,
                     last_method=getattr(settings, "last_method", "") if settings else "")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        values = dialog.values()
        if settings is not None and session is None:
            from cocrea_desktop.store.settings import save_settings

            settings.last_method = values["method"]
            save_settings(settings)
        return values


def today_iso() -> str:
    return dt.date.today().isoformat()
