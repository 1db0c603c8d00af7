"""The form to promote a result to a proposal, type one at the office, or edit one
(its layout: ui/proposal.ui).

The form only gathers the texts; saving is one call to ``ui.operations.proposals``
given as ``save``: the form stays open, with the message shown, when it refuses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QMessageBox, QWidget

from cocrea_desktop.i18n import _
from cocrea_desktop.store.proposals import Promotable, Proposal, origin_parts, origin_words
from cocrea_desktop.ui.forms.proposal_form import Ui_ProposalDialog
from cocrea_desktop.ui.qt_i18n import language_signal

PROMOTE, ADD, EDIT = "promote", "add", "edit"


def offered_text(item: Promotable) -> str:
    """One line of the "Resultado" list: "1.º · idea 4: El agua… (45 puntos)"."""
    from cocrea_desktop.store.proposals import source_word

    head = source_word(item.source_kind)
    number, facts = origin_parts(item.source_kind, item.source)
    if number:
        head += f" {number}"
    if item.source.get("rank"):
        head = _("{rank}.º").format(rank=item.source["rank"]) + " · " + head
    text = f"{head}: {item.title}"
    if facts:
        text += " (" + ", ".join(facts) + ")"
    return text


class ProposalDialog(QDialog):
    """Promote (``offered`` results, one chosen), add (nothing offered) or edit (``proposal``)."""

    def __init__(self, parent: QWidget | None, *, save: Callable[[dict[str, Any]], bool],
                 offered: Sequence[Promotable] = (), chosen: str | None = None,
                 proposal: Proposal | None = None, themes: Sequence[str] = (),
                 table_label: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("proposal_dialog")
        ui = self.ui = Ui_ProposalDialog()
        ui.setupUi(self)
        self.save = save
        self.mode = EDIT if proposal is not None else PROMOTE if offered else ADD
        self.proposal = proposal
        self.offered = [i for i in offered if not i.proposal_label]
        self.source, self.title, self.description = ui.source, ui.title, ui.description
        self.problem, self.theme, self.table_label = ui.problem, ui.theme, ui.table_label
        self.error, self.buttons, self.origin = ui.error, ui.buttons, ui.origin
        self.theme.addItem("")
        self.theme.addItems(list(themes))
        # A result's text is long ("4.º · idea 2: En el barrio de arriba…, 17 puntos"): the
        # open list is as wide as its texts, the closed box shows its start and the line
        # «Origen» above says it whole, wrapped (also the box's tooltip).
        for item in self.offered:
            self.source.addItem(offered_text(item), item.source_id)
        promoting = self.mode == PROMOTE
        for widget in (ui.source_label, self.source):
            widget.setVisible(promoting)
        self.source.currentIndexChanged.connect(lambda _i: self._fill_from_result())
        if promoting:
            index = self.source.findData(chosen) if chosen is not None else 0
            self.source.setCurrentIndex(max(0, index))
            self._fill_from_result()
            self.table_label.setText(table_label)
            self.table_label.setEnabled(False)
        elif proposal is not None:
            self.title.setText(proposal.title)
            self.description.setPlainText(proposal.description)
            self.problem.setPlainText(proposal.problem)
            self.theme.setCurrentText(proposal.theme)
            self.table_label.setText(proposal.table_label)
            self.table_label.setEnabled(proposal.session_id is None)
        # Typed at the office: it may be the municipal administration's own proposal,
        # which CEPAL's first report lists apart.
        self.administration = QCheckBox(self, objectName="proposal_administration")
        self.administration.setVisible(self.mode == ADD)
        ui.main_layout.insertWidget(ui.main_layout.indexOf(self.error), self.administration)
        self.error.hide()
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()
        language_signal().changed.connect(self.retranslate)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        # The title is what is typed first (a new one for the result chosen, or as it is):
        # typing never changes the result chosen.
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title.selectAll()

    def current(self) -> Promotable | None:
        index = self.source.currentIndex()
        return self.offered[index] if 0 <= index < len(self.offered) else None

    def _fill_from_result(self) -> None:
        item = self.current()
        if item is None:
            return
        self.title.setText(item.title)
        self.title.setCursorPosition(0)
        self.description.setPlainText(item.description)
        self.problem.setPlainText(item.problem)
        self.theme.setCurrentText(item.theme)
        self._show_origin()

    def _show_origin(self) -> None:
        if self.mode == PROMOTE and self.current() is not None:
            whole = offered_text(self.current())
            self.origin.setText(_("Origen: {origin}").format(origin=whole))
            self.source.setToolTip(whole)
        elif self.proposal is not None:
            self.origin.setText(_("Propuesta {label}. Origen: {origin}").format(
                label=self.proposal.label,
                origin="; ".join(origin_words(o) for o in self.proposal.origins)))
        else:
            self.origin.setText(_("Propuesta escrita en la oficina (una solicitud por escrito, "
                                  "una reunión…)."))

    def retranslate(self, *_args) -> None:
        self.ui.retranslateUi(self)
        self.setWindowTitle({PROMOTE: _("Promover a propuesta"), ADD: _("Nueva propuesta"),
                             EDIT: _("Editar propuesta")}[self.mode])
        for i, item in enumerate(self.offered):
            self.source.setItemText(i, offered_text(item))
        self.administration.setText(_("La propone la &administración municipal"))
        self.buttons.set_texts({QDialogButtonBox.StandardButton.Save: _("&Guardar"),
                                QDialogButtonBox.StandardButton.Cancel: _("Cancelar")})
        self._show_origin()

    def values(self) -> dict[str, Any]:
        values = {"title": self.title.text(), "description": self.description.toPlainText(),
                  "problem": self.problem.toPlainText(), "theme": self.theme.currentText()}
        if self.table_label.isEnabled():
            values["table_label"] = self.table_label.text()
        item = self.current() if self.mode == PROMOTE else None
        if item is not None:
            values.update(source_kind=item.source_kind, source_id=item.source_id)
        elif self.mode == ADD and self.administration.isChecked():
            from cocrea_desktop.store.proposals import ADMINISTRATION

            values["source_kind"] = ADMINISTRATION
        return values

    def _save(self) -> None:
        if not self.title.text().strip():
            self.error.setText(_("Escriba el título de la propuesta."))
            self.error.show()
            self.title.setFocus()
            return
        if self.save(self.values()):
            self.accept()


def promote_with_dialog(parent: QWidget | None, repo: Any, session_id: str,
                        source_id: str | None = None) -> Any | None:
    """Open the form on what the session's result offers (``source_id`` chosen) and promote
    the one chosen: the saved Proposal, or None when cancelled or nothing is left."""
    from cocrea_desktop.ui import operations as ops

    session = repo.session(session_id)
    if session.status != "closed" and not confirm_unfinished(parent, session):
        return None
    offered = repo.proposals.result(session_id)
    taken = next((i for i in offered if i.source_id == source_id and i.proposal_label), None)
    if taken is not None:
        ops.show_error(parent, _already(taken.proposal_label))
        return None
    if not offered:
        ops.show_error(parent, _nothing_offered())
        return None
    if not [i for i in offered if not i.proposal_label]:
        ops.show_error(parent, _nothing_left())
        return None
    made: list[Any] = []

    def save(values: dict[str, Any]) -> bool:
        proposal = ops.promote_result(parent=dialog, repo=repo, session_id=session_id,
                                      **values)
        if proposal is not None:
            made.append(proposal)
        return proposal is not None

    dialog = ProposalDialog(parent, save=save, offered=offered, chosen=source_id,
                            themes=repo.proposals.themes(),
                            table_label=repo.session(session_id).table_label)
    dialog.exec()
    return made[0] if made else None


def _ask_unfinished(parent: QWidget | None, session: Any) -> bool:
    answer = QMessageBox.question(
        parent, _("Promover a propuesta"),
        _("La sesión «{session}» no ha concluido: su resultado todavía no es definitivo "
          "(puede cambiar con más boletas o con otra votación). ¿Promover de todos "
          "modos?").format(session=session.table_label or session.question),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


#: Asked before promoting from a session not yet concluded (its result may still change);
#: True goes on. Tests replace it.
confirm_unfinished: Callable[[QWidget | None, Any], bool] = _ask_unfinished


def _already(label: str):
    from cocrea_desktop.core.errors import RuleViolation

    return RuleViolation(_("Ese resultado ya es la propuesta {label}.").format(label=label))


def _nothing_offered():
    from cocrea_desktop.core.errors import RuleViolation

    return RuleViolation(_("El resultado de la sesión no ofrece nada que promover."))


def _nothing_left():
    from cocrea_desktop.core.errors import RuleViolation

    return RuleViolation(_("Todo lo que ofrece el resultado de esta sesión ya es una "
                           "propuesta."))
