"""The process's privacy notice: the responsible body, the simplified text, the full notice.

The layout is the Designer form ui/privacy.ui (compiled to ui/forms/privacy_form.py).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from cocrea_desktop.core import privacy
from cocrea_desktop.core.privacy import PrivacySettings
from cocrea_desktop.i18n import _
from cocrea_desktop.ui.forms.privacy_form import Ui_PrivacyDialog
from cocrea_desktop.ui.qt_i18n import language_signal
from cocrea_desktop.ui.widgets.fit import grow_to_fit


class PrivacyDialog(QDialog):
    def __init__(self, parent: QWidget | None, settings: PrivacySettings,
                 fallback_body: str = "") -> None:
        super().__init__(parent)
        ui = self.ui = Ui_PrivacyDialog()
        ui.setupUi(self)
        self.fallback_body = fallback_body
        self.body, self.full_notice_at = ui.privacy_body, ui.privacy_full_notice_at
        self.notice, self.reset = ui.privacy_notice, ui.reset_notice
        self.preview, self.buttons = ui.preview, ui.buttons
        self.reset.clicked.connect(lambda: self.notice.setPlainText(privacy.default_notice()))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()
        language_signal().changed.connect(self.retranslate)
        self.body.setText(settings.body)
        self.full_notice_at.setText(settings.full_notice_at)
        self.notice.setPlainText(settings.template())
        for widget in (self.body, self.full_notice_at):
            widget.textChanged.connect(self._update_preview)
        self.notice.textChanged.connect(self._update_preview)
        self._update_preview()

    def retranslate(self, *_args) -> None:
        self.ui.retranslateUi(self)
        self.body.setPlaceholderText(self.fallback_body or _("Nombre del sujeto obligado"))
        self.buttons.set_texts({QDialogButtonBox.StandardButton.Ok: _("&Guardar"),
                                QDialogButtonBox.StandardButton.Cancel: _("Cancelar")})

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        grow_to_fit(self)

    def values(self) -> dict[str, Any]:
        return {"body": self.body.text().strip(), "notice": self.notice.toPlainText().strip(),
                "full_notice_at": self.full_notice_at.text().strip()}

    def _update_preview(self) -> None:
        v = self.values()
        self.preview.setText(privacy.render_notice(
            PrivacySettings(v["body"], v["notice"], v["full_notice_at"]),
            fallback_body=self.fallback_body))
        if self.isVisible():
            grow_to_fit(self)

    @classmethod
    def ask(cls, parent: QWidget | None, settings: PrivacySettings,
            fallback_body: str = "") -> dict[str, Any] | None:
        dialog = cls(parent, settings, fallback_body)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
