"""The toy method's panel: the room says colours, the facilitator types each one and Enter.

This is the method package's ``qt`` module: the session screen imports it when it
opens a toy session (``Method.module("qt")``), and importing it registers the panel
of the phase kind "toy_colours". Its vote phase uses the generic vote panel.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.i18n import _
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.panel_registry import register_panel, unregister_module
from cocrea_desktop.ui.views.panel import Panel, big, capture_line

#: The toy's own table (tests/toy_method/migrations.py); its store is ``repo.toy``.
TABLES = ("toy_colour", "session")


class ColoursPanel(Panel):
    """Type a colour, Enter: it is saved with the next number and listed below."""

    tables = TABLES

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.title = big(QLabel(objectName="toy_title"), 1.4)
        self.entry = capture_line(self.add)
        self.entry.setObjectName("colour_entry")
        self.list = QListWidget(objectName="colours")
        layout.addWidget(self.title)
        layout.addWidget(self.entry)
        layout.addWidget(self.list, 1)
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.entry

    def refresh(self) -> None:
        if self.repo is None:
            return
        self.list.clear()
        for colour in self.repo.toy.colours(self.session_id):
            self.list.addItem("{}. {}".format(colour.number, colour.name))

    def add(self) -> None:
        text = self.entry.text().strip()
        if not text or self.repo is None:
            return
        try:
            _colour, changes = self.repo.toy.add_colour(self.session_id, text)
        except CocreaError as err:  # bad input changes nothing; the text stays to fix
            ops.show_error(self, err)
            return
        ops.bus().changed.emit(changes)
        self.entry.clear()

    def retranslate(self) -> None:
        self.title.setText(_("Colores"))
        self.title.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.entry.setPlaceholderText(_("Anote cada color que se diga."))


register_panel("toy_colours", ColoursPanel)


def unregister() -> None:
    """Forget this module's panels (the toy's ``uninstall``)."""
    unregister_module(__name__)
