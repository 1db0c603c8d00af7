"""What the panels on the ideas table share (capture and clarify): the table, editing and
withdrawing an idea; and the warning about ideas the vote will not see.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QHeaderView,
    QPushButton,
    QTableView,
    QWidget,
)

from cocrea_desktop.i18n import _, ngettext
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.dialogs.text_dialog import TextDialog
from cocrea_desktop.ui.models.ideas import IdeasModel
from cocrea_desktop.ui.views.panel import Panel, banner, table_view


def loose_ideas_warning(repo: Repo, session_id: str) -> str:
    """Ideas in no cluster (fishbowl), which the vote will not see: said before the vote."""
    method = repo.phases.method(session_id)
    if not any(p.kind == "cluster" for p in method.phases):
        return ""
    loose = repo.ideas.unclustered(session_id)
    if not loose:
        return ""
    ideas = "; ".join(_("{number}. «{text}»").format(number=i.number, text=i.text)
                      for i in loose)
    return ngettext("Esta idea no está en ningún grupo de ideas, así que no entra en la "
                    "votación (en la síntesis sí queda): {ideas}",
                    "Estas ideas no están en ningún grupo de ideas, así que no entran "
                    "en la votación (en la síntesis sí quedan): {ideas}",
                    len(loose)).format(ideas=ideas)


def ideas_header(view: QTableView) -> None:
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    view.setColumnWidth(0, 56)
    view.setColumnWidth(2, 130)
    view.setColumnWidth(3, 170)
    view.setColumnWidth(4, 120)


class IdeasPanelBase(Panel):
    """What capture and clarify share: the ideas table, editing and withdrawing."""

    tables = ("idea", "idea_pass", "session", "cluster", "merge_proposal")

    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        return [("F2", _("Editar la redacción de la idea elegida (o doble clic)")),
                ("Ctrl+R", _("Retirar (o recuperar) la idea elegida"))]

    def __init__(self, parent: QWidget | None = None, *, multi: bool = False,
                 draggable: bool = False) -> None:
        super().__init__(parent)
        self.model = IdeasModel(self, draggable=draggable)
        self.table = table_view(self.model, "ideas", multi=multi)
        ideas_header(self.table)
        self.table.doubleClicked.connect(lambda _index: self.edit_idea())
        self.locked = banner("locked")
        self.edit_button = QPushButton(objectName="edit_idea")
        self.withdraw_button = QPushButton(objectName="withdraw_idea")
        self.edit_button.clicked.connect(self.edit_idea)
        self.withdraw_button.clicked.connect(self.toggle_withdraw)
        self.shortcut("F2", self.edit_idea)
        self.shortcut("Ctrl+R", self.toggle_withdraw)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.update_buttons())

    def selected_ideas(self) -> list:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.idea_at(r) for r in rows if self.model.idea_at(r) is not None]

    def current_idea(self):
        chosen = self.selected_ideas()
        if chosen:
            return chosen[0]
        ideas = self.model.ideas()
        return ideas[-1] if ideas else None

    def select_number(self, number: int) -> None:
        row = self.model.row_of_number(number)
        if row >= 0:
            self.table.selectionModel().select(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(self.model.index(row, 0))

    def load_ideas(self) -> None:
        ideas = self.repo.ideas.list(self.session_id)
        self.model.set_ideas(ideas, self.repo.ideas.clusters(self.session_id))

    def update_buttons(self) -> None:
        idea = self.current_idea()
        withdrawn = idea is not None and idea.status == "withdrawn"
        self.withdraw_button.setText(_("Recuperar") if withdrawn else _("Retirar…"))
        self.withdraw_button.setToolTip(
            _("Volver a poner vigente la idea retirada (Ctrl+R)") if withdrawn else
            _("Retirar la idea elegida con un motivo; queda a la vista, tachada (Ctrl+R)"))
        self.edit_button.setEnabled(idea is not None)
        self.withdraw_button.setEnabled(idea is not None)

    def edit_idea(self) -> None:
        idea = self.current_idea()
        if idea is None or self.repo is None:
            return
        text = TextDialog.ask(self, _("Editar la idea {number}").format(number=idea.number),
                              _("Escriba la idea como quedó después de aclararla:"), idea.text)
        if text and text != idea.text:
            ops.edit_idea(parent=self, repo=self.repo, idea_id=idea.id, text=text)

    def toggle_withdraw(self) -> None:
        idea = self.current_idea()
        if idea is None or self.repo is None:
            return
        if idea.status == "withdrawn":
            ops.restore_idea(parent=self, repo=self.repo, idea_id=idea.id)
            return
        reason = TextDialog.ask(
            self, _("Retirar la idea {number}").format(number=idea.number),
            _("¿Por qué se retira? La idea queda a la vista, tachada, con este motivo:"))
        if reason:
            ops.withdraw_idea(parent=self, repo=self.repo, idea_id=idea.id, reason=reason)

    def retranslate_common(self) -> None:
        self.edit_button.setText(_("Editar…"))
        self.edit_button.setToolTip(_("Cambiar la redacción de la idea elegida (F2 o doble "
                                      "clic)"))
        self.model.retranslate()
        self.update_buttons()
