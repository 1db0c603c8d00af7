"""A one-line question (an idea's new wording, a reason to withdraw, a group's name)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from cocrea_desktop.i18n import _


class TextDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, prompt: str, text: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("text_dialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.prompt = QLabel(prompt, objectName="prompt")
        self.prompt.setWordWrap(True)
        self.edit = QLineEdit(text, objectName="text")
        self.prompt.setBuddy(self.edit)
        self.error = QLabel(objectName="error")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Aceptar"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancelar"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for widget in (self.prompt, self.edit, self.error, self.buttons):
            layout.addWidget(widget)
        self.error.hide()

    def accept(self) -> None:
        if not self.edit.text().strip():
            self.error.setText(_("Escriba algo antes de aceptar, o pulse Cancelar."))
            self.error.show()
            return
        super().accept()

    def value(self) -> str:
        return " ".join(self.edit.text().split())

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, prompt: str, text: str = "") -> str | None:
        """The text typed, or None when cancelled (tests may replace this)."""
        dialog = cls(parent, title, prompt, text)
        dialog.edit.selectAll()
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
