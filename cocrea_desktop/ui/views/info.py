"""The panel of the "info" kind: a phase with nothing to type, where the guide above says
what to do.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.i18n import _
from cocrea_desktop.ui.panel_registry import register_panel
from cocrea_desktop.ui.views.panel import Panel, big


class InfoPanel(Panel):
    """A phase kind without its own panel yet: the guide above says what to do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.label = big(QLabel(objectName="info"), 1.3, bold=False)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.label)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(_("Esta fase no tiene un panel de trabajo propio: siga la guía de "
                             "arriba y pase a la siguiente fase con Alt+→."))


register_panel("info", InfoPanel)
