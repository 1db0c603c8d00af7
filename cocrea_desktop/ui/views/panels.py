"""The generic working panels of the session screen that deal with ideas.

One panel per phase kind (core.methods.base.Phase.kind): question and timer
phases show the question; capture records ideas and passes; clarify edits,
merges and groups them. Their base and shared helpers are in ``ui/views/panel.py``;
the kinds are registered at the bottom of this module (``ui/panel_registry.py``).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core import dates
from cocrea_desktop.core.voting.wording import IDEA
from cocrea_desktop.i18n import _, ngettext
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.dialogs.text_dialog import TextDialog
from cocrea_desktop.ui.models.ideas import IdeasModel
from cocrea_desktop.ui.models.merges import MergesModel, merge_text
from cocrea_desktop.ui.panel_registry import register_panel
from cocrea_desktop.ui.views.panel import Panel, banner, big, capture_line, table_view


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


class QuestionPanel(Panel):
    """Question and silent-writing phases: the question, large, and the session's details."""

    tables = ("session",)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.caption = QLabel(objectName="question_caption")
        self.question = big(QLabel(objectName="question"), 2.4)
        self.question.setWordWrap(True)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.details = QLabel(objectName="details")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = big(QLabel(objectName="hint"), 1.2, bold=False)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.warning = banner("size_warning")
        layout.addStretch(1)
        layout.addWidget(self.caption, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.question)
        layout.addSpacing(12)
        layout.addWidget(self.details)
        layout.addWidget(self.warning)
        layout.addSpacing(12)
        layout.addWidget(self.hint)
        layout.addStretch(2)

    def refresh(self) -> None:
        if self.repo is None:
            return
        session = self.repo.session(self.session_id)
        method = self.repo.phases.method(self.session_id)
        self.caption.setText(_("Pregunta detonadora"))
        self.question.setText(session.question)
        parts = [self.repo.session_title(session)]
        parts += [x for x in (dates.format_date(session.date), session.place) if x]
        if session.facilitator:
            parts.append(_("Facilitación: {name}").format(name=session.facilitator))
        if session.participant_count:
            parts.append(ngettext("{count} participante", "{count} participantes",
                                  session.participant_count).format(
                count=session.participant_count))
        self.details.setText(" · ".join(parts))
        too_many = method.max_people and session.participant_count > method.max_people
        if too_many:
            self.warning.setText(_(
                "Hay {count} participantes: este método funciona mejor con {low} a {high}. "
                "Considere dividir la mesa.").format(count=session.participant_count,
                                                     low=method.min_people,
                                                     high=method.max_people))
        self.warning.setVisible(bool(too_many))
        if self.phase is not None and self.phase.kind == "timer":
            self.hint.setText(_("Inicie el tiempo con F5. Cuando termine, pase a la siguiente "
                                "fase con Alt+→."))
        else:
            self.hint.setText(_("Cuando todas las personas entiendan la pregunta, pase a la "
                                "siguiente fase con Alt+→."))

    def retranslate(self) -> None:
        self.refresh()


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


class IdeasPanelBase(Panel):
    """What capture and clarify share: the ideas table, editing and withdrawing."""

    tables = ("idea", "idea_pass", "session", "cluster", "merge_proposal")

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


class CapturePanel(IdeasPanelBase):
    """The go-round: type an idea, Enter; "paso" with one key; the numbered list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.turn = big(QLabel(objectName="turn"), 1.6)
        self.totals = QLabel(objectName="totals")
        top.addWidget(self.turn)
        top.addStretch(1)
        top.addWidget(self.totals)
        layout.addLayout(top)
        layout.addWidget(self.locked)
        self.rounds_hint = QLabel(objectName="rounds_hint")
        self.rounds_hint.setWordWrap(True)
        self.rounds_hint.hide()
        layout.addWidget(self.rounds_hint)
        row = QHBoxLayout()
        self.entry = capture_line(self.capture)
        self.save_button = QPushButton(objectName="capture")
        self.save_button.clicked.connect(self.capture)
        self.pass_button = QPushButton(objectName="pass_turn")
        self.pass_button.clicked.connect(self.pass_turn)
        row.addWidget(self.entry, 1)
        row.addWidget(self.save_button)
        row.addWidget(self.pass_button)
        layout.addLayout(row)
        self.feedback = QLabel(objectName="capture_feedback")
        layout.addWidget(self.feedback)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.withdraw_button)
        layout.addLayout(buttons)
        self.shortcut(["F3", "Ctrl+P"], self.pass_turn)
        self.shortcut("Ctrl+Return", lambda: self.capture(new_round=True))
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.entry

    def refresh(self) -> None:
        if self.repo is None:
            return
        self.load_ideas()
        session = self.repo.session(self.session_id)
        round_, turn = self.repo.ideas.upcoming_turn(self.session_id)
        self.turn.setText(_("Vuelta {round} · turno {turn}").format(round=round_, turn=turn))
        ideas = self.model.rowCount()
        passes = self.repo.ideas.passes(self.session_id)
        self.totals.setText("{} · {}".format(
            IDEA.count(ideas),
            ngettext("{count} paso", "{count} pasos", passes).format(count=passes)))
        locked = bool(session.voting_started_at)
        self.locked.setText(_("Ya empezó la votación: no se pueden agregar ideas."))
        self.locked.setVisible(locked)
        for widget in (self.entry, self.save_button, self.pass_button):
            widget.setEnabled(not locked)
        self.rounds_hint.setText(_("La sesión no tiene número de participantes: las vueltas no "
                                   "avanzan solas. Pulse Ctrl+Intro para guardar la idea como "
                                   "primera de una nueva vuelta."))
        self.rounds_hint.setVisible(not locked and session.participant_count == 0)
        self.update_buttons()

    def capture(self, new_round: bool = False) -> None:
        text = self.entry.text().strip()
        if not text or self.repo is None:
            return
        idea = ops.add_idea(parent=self, repo=self.repo, session_id=self.session_id,
                            text=text, new_round=new_round)
        if idea is not None:
            self.entry.setText("")  # setText (not clear): Ctrl+Z then undoes the capture
            self.feedback.setText(_("Guardada la idea {number} (vuelta {round}, turno "
                                    "{turn}).").format(number=idea.number, round=idea.round,
                                                       turn=idea.turn))
            self.table.scrollToBottom()

    def flush(self) -> None:
        """An idea typed but not yet saved when the phase changes or the window closes is saved:
        nothing typed is lost."""
        if self.entry.text().strip() and self.entry.isEnabled():
            self.capture()

    def pass_turn(self) -> None:
        if self.repo is None or not self.pass_button.isEnabled():
            return
        round_, turn = self.repo.ideas.upcoming_turn(self.session_id)
        if ops.pass_turn(parent=self, repo=self.repo, session_id=self.session_id):
            self.feedback.setText(_("Registrado «paso» (vuelta {round}, turno {turn}).").format(
                round=round_, turn=turn))

    def retranslate(self) -> None:
        self.entry.setPlaceholderText(_("Escriba la idea tal como se dijo y pulse Intro"))
        self.save_button.setText(_("Guardar"))
        self.save_button.setToolTip(_("Guardar la idea con el siguiente número (Intro)"))
        self.pass_button.setText(_("Paso"))
        self.pass_button.setToolTip(_("La persona de este turno ya no tiene ideas (F3 o "
                                      "Ctrl+P)"))
        self.feedback.setText("")
        self.retranslate_common()
        if self.repo is not None:
            self.refresh()


class ClarifyPanel(IdeasPanelBase):
    """Clarify, merge (by numbers, selection or drag and drop) and group the ideas."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, multi=True, draggable=True)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.model.merge_dropped.connect(self._dropped)
        self.table.setColumnHidden(2, True)  # the turn matters in the round, not here

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.locked)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter, 1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.propose_button = QPushButton(objectName="propose_merge")
        self.propose_button.clicked.connect(self.propose_selected)
        buttons.addWidget(self.propose_button)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.withdraw_button)
        left_layout.addLayout(buttons)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.merge_title = big(QLabel(objectName="merge_title"), 1.1)
        right_layout.addWidget(self.merge_title)
        merge_row = QHBoxLayout()
        self.merge_label = QLabel(objectName="merge_label")
        self.merge_entry = QLineEdit(objectName="merge_entry")
        self.merge_label.setBuddy(self.merge_entry)
        self.merge_entry.returnPressed.connect(self.propose_typed)
        merge_row.addWidget(self.merge_label)
        merge_row.addWidget(self.merge_entry, 1)
        right_layout.addLayout(merge_row)
        self.merges_model = MergesModel(self)
        self.merges = table_view(self.merges_model, "merges")
        self.merges.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.merges.selectionModel().selectionChanged.connect(
            lambda *_a: self.update_merge_buttons())
        right_layout.addWidget(self.merges, 1)
        merge_buttons = QHBoxLayout()
        self.agree_button = QPushButton(objectName="agree_merge")
        self.reject_button = QPushButton(objectName="reject_merge")
        self.separate_button = QPushButton(objectName="undo_merge")
        self.agree_button.clicked.connect(self.agree)
        self.reject_button.clicked.connect(self.reject)
        self.separate_button.clicked.connect(self.separate)
        for button in (self.agree_button, self.reject_button, self.separate_button):
            merge_buttons.addWidget(button)
        right_layout.addLayout(merge_buttons)
        self.merge_feedback = QLabel(objectName="merge_feedback")
        self.merge_feedback.setWordWrap(True)
        right_layout.addWidget(self.merge_feedback)

        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.HLine)
        right_layout.addWidget(frame)
        self.group_title = big(QLabel(objectName="group_title"), 1.1)
        right_layout.addWidget(self.group_title)
        group_row = QHBoxLayout()
        self.group_combo = QComboBox(objectName="group_combo")
        self.group_button = QPushButton(objectName="set_group")
        self.ungroup_button = QPushButton(objectName="clear_group")
        self.new_group_button = QPushButton(objectName="new_group")
        self.group_button.clicked.connect(self.assign_group)
        self.ungroup_button.clicked.connect(self.clear_group)
        self.new_group_button.clicked.connect(self.new_group)
        group_row.addWidget(self.group_combo, 1)
        group_row.addWidget(self.group_button)
        right_layout.addLayout(group_row)
        group_row2 = QHBoxLayout()
        group_row2.addWidget(self.new_group_button)
        group_row2.addWidget(self.ungroup_button)
        group_row2.addStretch(1)
        right_layout.addLayout(group_row2)
        splitter.addWidget(right)
        splitter.setSizes([760, 560])

        self.shortcut("Ctrl+M", self.propose_selected)
        self.shortcut("Ctrl+Return", self.agree)
        self.shortcut("Ctrl+G", self.new_group)
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.merge_entry

    def refresh(self) -> None:
        if self.repo is None:
            return
        self.load_ideas()
        merges = self.repo.ideas.merges(self.session_id)
        selected = self.current_merge()
        self.merges_model.set_merges(merges)
        if selected is not None:
            self.select_merge(selected.id)
        clusters = self.repo.ideas.clusters(self.session_id)
        current = self.group_combo.currentData()
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        for cluster in clusters:
            self.group_combo.addItem("{}. {}".format(cluster.number, cluster.label), cluster.id)
        index = self.group_combo.findData(current)
        self.group_combo.setCurrentIndex(index if index >= 0 else self.group_combo.count() - 1)
        self.group_combo.blockSignals(False)
        locked = self.repo.phases.voting_started(self.session_id)
        self.locked.setText(_("Ya empezó la votación: no se pueden fusionar ideas."))
        self.locked.setVisible(locked)
        for widget in (self.merge_entry, self.propose_button):
            widget.setEnabled(not locked)
        self.update_buttons()
        self.update_merge_buttons()

    # -- merges ------------------------------------------------------------
    def current_merge(self):
        rows = self.merges.selectionModel().selectedRows()
        if rows:
            return self.merges_model.merge_at(rows[0].row())
        return None

    def select_merge(self, merge_id: str) -> None:
        for row in range(self.merges_model.rowCount()):
            merge = self.merges_model.merge_at(row)
            if merge is not None and merge.id == merge_id:
                self.merges.selectRow(row)
                return

    def _target_merge(self, status: str):
        """The selected merge, or else the latest one with ``status``."""
        merge = self.current_merge()
        if merge is not None and merge.status == status:
            return merge
        for row in reversed(range(self.merges_model.rowCount())):
            candidate = self.merges_model.merge_at(row)
            if candidate is not None and candidate.status == status:
                return candidate
        return None

    def update_merge_buttons(self) -> None:
        self.agree_button.setEnabled(self._target_merge("proposed") is not None)
        self.reject_button.setEnabled(self._target_merge("proposed") is not None)
        self.separate_button.setEnabled(self._target_merge("agreed") is not None)

    def _propose(self, numbers: list[int]) -> None:
        if self.repo is None:
            return
        merge = ops.propose_merge(parent=self, repo=self.repo, session_id=self.session_id,
                                  numbers=numbers)
        if merge is not None:
            self.select_merge(merge.id)
            self.merge_feedback.setText(_(
                "Propuesta: {merge}. Pregunte a la sala y pulse Ctrl+Intro si está de "
                "acuerdo.").format(merge=merge_text(merge)))

    def propose_typed(self) -> None:
        text = self.merge_entry.text().replace(",", " ").split()
        try:
            numbers = [int(t) for t in text]
        except ValueError:
            self.merge_feedback.setText(_("Escriba solo números de ideas, separados por "
                                          "espacios: por ejemplo «2 6»."))
            return
        if len(set(numbers)) < 2:
            self.merge_feedback.setText(_("Escriba al menos dos números de ideas: por ejemplo "
                                          "«2 6»."))
            return
        self._propose(numbers)
        self.merge_entry.setText("")

    def propose_selected(self) -> None:
        numbers = [i.number for i in self.selected_ideas()]
        if len(numbers) < 2:
            self.merge_feedback.setText(_("Elija al menos dos ideas en la lista (Ctrl+clic o "
                                          "Mayús+flechas), o escriba sus números."))
            return
        self._propose(numbers)

    def _dropped(self, numbers: list, target: int) -> None:
        self._propose([target, *numbers])

    def agree(self) -> None:
        merge = self._target_merge("proposed")
        if merge is not None and self.repo is not None:
            if ops.agree_merge(parent=self, repo=self.repo, merge_id=merge.id):
                self.merge_feedback.setText(_("La sala está de acuerdo: la idea {into} incluye "
                                              "ahora {numbers}.").format(
                    into=merge.into_number,
                    numbers=", ".join(str(n) for n in merge.from_numbers)))

    def reject(self) -> None:
        merge = self._target_merge("proposed")
        if merge is not None and self.repo is not None:
            ops.reject_merge(parent=self, repo=self.repo, merge_id=merge.id)

    def separate(self) -> None:
        merge = self._target_merge("agreed")
        if merge is not None and self.repo is not None:
            ops.undo_merge(parent=self, repo=self.repo, merge_id=merge.id)

    # -- groups --------------------------------------------------------------
    def new_group(self) -> None:
        if self.repo is None:
            return
        label = TextDialog.ask(self, _("Nuevo grupo"),
                               _("Nombre del grupo (lo que tienen en común las ideas):"))
        if label:
            cluster = ops.add_cluster(parent=self, repo=self.repo, session_id=self.session_id,
                                      label=label)
            if cluster is not None:
                index = self.group_combo.findData(cluster.id)
                self.group_combo.setCurrentIndex(index)
                if self.selected_ideas():
                    self.assign_group()

    def assign_group(self) -> None:
        ideas = self.selected_ideas()
        cluster_id = self.group_combo.currentData()
        if ideas and cluster_id and self.repo is not None:
            ops.set_cluster(parent=self, repo=self.repo, idea_ids=[i.id for i in ideas],
                            cluster_id=cluster_id)

    def clear_group(self) -> None:
        ideas = self.selected_ideas()
        if ideas and self.repo is not None:
            ops.set_cluster(parent=self, repo=self.repo, idea_ids=[i.id for i in ideas],
                            cluster_id=None)

    def retranslate(self) -> None:
        self.propose_button.setText(_("Proponer fusión"))
        self.propose_button.setToolTip(_("Proponer que las ideas elegidas se fusionen: la de "
                                         "número menor incluye a las demás (Ctrl+M). También "
                                         "puede arrastrar una idea sobre otra."))
        self.merge_title.setText(_("Fusiones"))
        self.merge_label.setText(_("&Fusionar ideas:"))
        self.merge_entry.setPlaceholderText(_("números, p. ej. 2 6, e Intro"))
        self.agree_button.setText(_("La sala está de acuerdo"))
        self.agree_button.setToolTip(_("Marcar la fusión propuesta como acordada por la sala "
                                       "(Ctrl+Intro)"))
        self.reject_button.setText(_("Descartar"))
        self.reject_button.setToolTip(_("La sala no está de acuerdo: las ideas siguen "
                                        "separadas"))
        self.separate_button.setText(_("Deshacer la fusión"))
        self.separate_button.setToolTip(_("Separar otra vez las ideas de una fusión acordada"))
        self.group_title.setText(_("Grupos por coincidencia"))
        self.group_button.setText(_("Poner en el grupo"))
        self.group_button.setToolTip(_("Poner las ideas elegidas bajo el grupo de la lista"))
        self.new_group_button.setText(_("Nuevo grupo…"))
        self.new_group_button.setToolTip(_("Crear un grupo con nombre y poner en él las ideas "
                                           "elegidas (Ctrl+G)"))
        self.ungroup_button.setText(_("Sacar del grupo"))
        self.merges_model.retranslate()
        self.retranslate_common()
        if self.repo is not None:
            self.refresh()


register_panel("question", QuestionPanel)
register_panel("timer", QuestionPanel)
register_panel("info", InfoPanel)
register_panel("capture", CapturePanel)
register_panel("clarify", ClarifyPanel)
