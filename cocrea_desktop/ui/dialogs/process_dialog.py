"""The form for a process's data (name, municipality, state, period, responsible body)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core.model import Process
from cocrea_desktop.i18n import _


class ProcessDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, process: Process | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ProcessDialog")
        self.setWindowTitle(_("Datos del proceso") if process else _("Nuevo proceso"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(_("Un proceso (ejercicio) reúne todas las sesiones de un Plan de Acción "
                         "Local. Se guarda en un solo archivo."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.name = QLineEdit(objectName="name")
        self.name.setPlaceholderText(_("Por ejemplo: Plan de Acción Local 2027"))
        self.municipality = QLineEdit(objectName="municipality")
        self.state = QLineEdit(objectName="state")
        self.period = QLineEdit(objectName="period")
        self.period.setPlaceholderText(_("Por ejemplo: 2027"))
        self.body = QLineEdit(objectName="responsible_body")
        self.body.setPlaceholderText(_("Por ejemplo: Secretariado Técnico Local"))
        form.addRow(_("&Nombre:"), self.name)
        form.addRow(_("&Municipio:"), self.municipality)
        form.addRow(_("&Estado:"), self.state)
        form.addRow(_("&Periodo:"), self.period)
        form.addRow(_("&Responsable:"), self.body)
        self.error = QLabel(objectName="error")
        self.error.setStyleSheet("color: #a00000; font-weight: bold;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            _("&Guardar") if process else _("&Crear"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancelar"))
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if process:
            self.name.setText(process.name)
            self.municipality.setText(process.municipality)
            self.state.setText(process.state)
            self.period.setText(process.period)
            self.body.setText(process.responsible_body)

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
