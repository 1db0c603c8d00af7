"""The form to create or edit a session (its layout: ui/session.ui)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from cocrea_desktop import i18n
from cocrea_desktop.core import dates
from cocrea_desktop.core.methods import all_methods, get_method
from cocrea_desktop.core.model import PARTICIPATION_LEVELS, SESSION_STATUSES, Session
from cocrea_desktop.i18n import _
from cocrea_desktop.ui.forms.session_form import Ui_SessionDialog
from cocrea_desktop.ui.qt_i18n import language_signal


def methods_by_use():
    """The methods in the order they are used most (each declares its ``order``)."""
    return all_methods()


class SessionDialog(QDialog):
    """The layout is the Designer form ui/session.ui; the lists are filled here."""

    def __init__(self, parent: QWidget | None = None, session: Session | None = None, *,
                 last_method: str = "") -> None:
        super().__init__(parent)
        ui = self.ui = Ui_SessionDialog()
        ui.setupUi(self)
        self.method, self.method_help, self.question = ui.method, ui.method_help, ui.question
        self.table_label, self.date, self.place = ui.table_label, ui.date, ui.place
        self.facilitator, self.status, self.level = ui.facilitator, ui.status, ui.level
        self.languages, self.interpreter = ui.languages, ui.interpreter
        self.participants, self.error, self.buttons = ui.participants, ui.error, ui.buttons
        self.editing = session is not None
        for method in methods_by_use():
            self.method.addItem(method.title_text(), method.key)
        if session is None and self.method.findData(last_method) >= 0:
            self.method.setCurrentIndex(self.method.findData(last_method))
        self.method.currentIndexChanged.connect(self._show_method_help)
        self.question.enter_pressed.connect(self._accept_if_valid)
        # As people write it in the language in force: dd/MM/yyyy, or MM/dd/yyyy in English
        # (the sessions table shows the same order).
        self.date.setDisplayFormat(dates.NUMERIC.get(i18n.current_language(), dates.NUMERIC["es"]))
        self.date.setDate(QDate.currentDate())
        for key in SESSION_STATUSES:
            self.status.addItem("", key)
        for key in PARTICIPATION_LEVELS:
            self.level.addItem("", key)
        self.level.setCurrentIndex(list(PARTICIPATION_LEVELS).index("involve"))
        self.error.hide()
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()
        language_signal().changed.connect(self.retranslate)

        if session is not None:
            self._load(session)
        self._show_method_help()
        self.question.setFocus()

    def retranslate(self, *_args) -> None:
        self.ui.retranslateUi(self)
        self.date.setDisplayFormat(dates.NUMERIC.get(i18n.current_language(), dates.NUMERIC["es"]))
        self.setWindowTitle(_("Editar sesión") if self.editing else _("Nueva sesión"))
        for i in range(self.method.count()):
            self.method.setItemText(i, get_method(self.method.itemData(i)).title_text())
        for combo, labels in ((self.status, SESSION_STATUSES),
                              (self.level, PARTICIPATION_LEVELS)):
            for i in range(combo.count()):
                combo.setItemText(i, _(labels[combo.itemData(i)]))
        self.buttons.set_texts({QDialogButtonBox.StandardButton.Save: _("&Guardar"),
                                QDialogButtonBox.StandardButton.Cancel: _("Cancelar")})
        self._show_method_help()

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
