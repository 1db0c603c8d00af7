"""The form for a process's data (name, municipality, state, period, responsible body).

The layout is the Designer form ui/process.ui (compiled to ui/forms/process_form.py).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from cocrea_desktop.core.model import Process
from cocrea_desktop.i18n import _
from cocrea_desktop.ui.forms.process_form import Ui_ProcessDialog
from cocrea_desktop.ui.qt_i18n import language_signal


class ProcessDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, process: Process | None = None) -> None:
        super().__init__(parent)
        ui = self.ui = Ui_ProcessDialog()
        ui.setupUi(self)
        self.name, self.municipality, self.state = ui.name, ui.municipality, ui.state
        self.period, self.body = ui.period, ui.responsible_body
        self.error, self.buttons = ui.error, ui.buttons
        self.editing = process is not None
        self.error.hide()
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()
        language_signal().changed.connect(self.retranslate)
        if process:
            self.name.setText(process.name)
            self.municipality.setText(process.municipality)
            self.state.setText(process.state)
            self.period.setText(process.period)
            self.body.setText(process.responsible_body)

    def retranslate(self, *_args) -> None:
        self.ui.retranslateUi(self)
        self.setWindowTitle(_("Datos del proceso") if self.editing else _("Nuevo proceso"))
        self.buttons.set_texts({
            QDialogButtonBox.StandardButton.Ok: _("&Guardar") if self.editing else _("&Crear"),
            QDialogButtonBox.StandardButton.Cancel: _("Cancelar")})

    def _accept_if_valid(self) -> None:
        if not self.name.text().strip():
            self.error.setText(_("El proceso necesita un nombre."))
            self.error.show()
            self.name.setFocus()
            return
        self.accept()

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "municipality": self.municipality.text().strip(),
            "state": self.state.text().strip(),
            "period": self.period.text().strip(),
            "responsible_body": self.body.text().strip(),
        }

    @classmethod
    def ask(cls, parent: QWidget | None, process: Process | None = None) -> dict[str, Any] | None:
        dialog = cls(parent, process)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
