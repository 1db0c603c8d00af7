"""The process's privacy notice: the responsible body, the simplified text, the full notice."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core import privacy
from cocrea_desktop.core.privacy import PrivacySettings
from cocrea_desktop.i18n import _


class PrivacyDialog(QDialog):
    def __init__(self, parent: QWidget | None, settings: PrivacySettings,
                 fallback_body: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("PrivacyDialog")
        self.setWindowTitle(_("Aviso de privacidad"))
        self.setMinimumWidth(620)
        self.fallback_body = fallback_body
        layout = QVBoxLayout(self)
        intro = QLabel(_("La lista de asistencia imprime este aviso antes de que alguien "
                         "escriba. En el texto, {responsable} se cambia por el nombre del "
                         "responsable y {aviso_integral} por el lugar del aviso integral."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.body = QLineEdit(objectName="privacy_body")
        self.body.setPlaceholderText(fallback_body or _("Nombre del sujeto obligado"))
        self.full_notice_at = QLineEdit(objectName="privacy_full_notice_at")
        self.full_notice_at.setPlaceholderText(_("Por ejemplo: tablero del palacio municipal"))
        form.addRow(_("&Responsable:"), self.body)
        form.addRow(_("Aviso &integral en:"), self.full_notice_at)
        self.notice = QPlainTextEdit(objectName="privacy_notice")
        self.notice.setMinimumHeight(180)
        layout.addWidget(QLabel(_("Aviso simplificado:")))
        layout.addWidget(self.notice)
        self.reset = QPushButton(_("Volver al texto predeterminado"), objectName="reset_notice")
        self.reset.clicked.connect(lambda: self.notice.setPlainText(privacy.default_notice()))
        layout.addWidget(self.reset)
        self.preview = QLabel(objectName="preview")
        self.preview.setWordWrap(True)
        self.preview.setStyleSheet("border: 1px solid #444; padding: 6px;")
        layout.addWidget(QLabel(_("Así se imprimirá:")))
        layout.addWidget(self.preview)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Guardar"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancelar"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)
        self.body.setText(settings.body)
        self.full_notice_at.setText(settings.full_notice_at)
        self.notice.setPlainText(settings.template())
        for widget in (self.body, self.full_notice_at):
            widget.textChanged.connect(self._update_preview)
        self.notice.textChanged.connect(self._update_preview)
        self._update_preview()

    def values(self) -> dict[str, Any]:
        return {"body": self.body.text().strip(), "notice": self.notice.toPlainText().strip(),
                "full_notice_at": self.full_notice_at.text().strip()}

    def _update_preview(self) -> None:
        v = self.values()
        self.preview.setText(privacy.render_notice(
            PrivacySettings(v["body"], v["notice"], v["full_notice_at"]),
            fallback_body=self.fallback_body))

    @classmethod
    def ask(cls, parent: QWidget | None, settings: PrivacySettings,
            fallback_body: str = "") -> dict[str, Any] | None:
        dialog = cls(parent, settings, fallback_body)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
