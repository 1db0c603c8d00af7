"""*Terminar sesión*: say what is left, then mark the session concluded (undoable)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.i18n import _
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import operations as ops


class EndSessionBox(QMessageBox):
    """The confirmation: the list of what is left, *Terminar sesión* or *Seguir*."""

    def __init__(self, leftovers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("end_session_box")
        self.leftovers = list(leftovers)
        self.setWindowTitle(_("Terminar sesión"))
        self.setTextFormat(Qt.TextFormat.RichText)
        if leftovers:
            self.setIcon(QMessageBox.Icon.Warning)
            items = "".join(f"<li>{html.escape(t)}</li>" for t in leftovers)
            self.setText("<p>{}</p><ul>{}</ul><p>{}</p>".format(
                html.escape(_("Antes de terminar, queda pendiente:")), items,
                html.escape(_("¿Terminar la sesión de todos modos? Se puede deshacer "
                              "(Ctrl+Z)."))))
        else:
            self.setIcon(QMessageBox.Icon.Question)
            self.setText("<p>{}</p>".format(html.escape(_(
                "No queda nada pendiente. ¿Terminar la sesión? Quedará como concluida; se "
                "puede deshacer (Ctrl+Z)."))))
        self.end_button = self.addButton(_("&Terminar sesión"),
                                         QMessageBox.ButtonRole.AcceptRole)
        self.end_button.setObjectName("confirm_end_session")
        self.keep_button = self.addButton(_("&Seguir en la sesión"),
                                          QMessageBox.ButtonRole.RejectRole)
        self.keep_button.setObjectName("keep_session")
        self.setDefaultButton(self.keep_button if leftovers else self.end_button)
        self.setEscapeButton(self.keep_button)


def end_session(*, parent: QWidget | None, repo: Repo, session_id: str) -> bool:
    """Show what is left and, on confirmation, conclude the session. True when it ended."""
    try:
        if repo.session(session_id).status == "closed":
            return ops.end_session(parent=parent, repo=repo, session_id=session_id) is not None
        leftovers = repo.end_session_leftovers(session_id)
    except CocreaError as err:
        ops.show_error(parent, err)
        return False
    box = EndSessionBox(leftovers, parent)
    box.exec()
    if box.clickedButton() is not box.end_button:
        return False
    return ops.end_session(parent=parent, repo=repo, session_id=session_id) is not None
