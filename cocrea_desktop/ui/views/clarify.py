"""The panel of the clarification ("clarify"): clarify, merge (by numbers, selection or
drag and drop) and group the ideas.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
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
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.i18n import _
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.dialogs.text_dialog import TextDialog
from cocrea_desktop.ui.models.merges import MergesModel, merge_text
from cocrea_desktop.ui.panel_registry import register_panel
from cocrea_desktop.ui.qt_i18n import key_text
from cocrea_desktop.ui.views.ideas_table import IdeasPanelBase
from cocrea_desktop.ui.views.panel import big, status_line, table_view


class ClarifyPanel(IdeasPanelBase):
    """Clarify, merge (by numbers, selection or drag and drop) and group the ideas."""

    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        return super().help_lines() + [
            ("Ctrl+M", _("Proponer fusión de las ideas elegidas")),
            (key_text("Return"),
             _("En «Fusionar ideas»: proponer la fusión de los números escritos")),
            (key_text("Ctrl+Return"), _("La sala está de acuerdo con la fusión elegida")),
            ("Ctrl+G", _("Nuevo grupo con las ideas elegidas")),
        ]

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
        self.merge_feedback = status_line(QLabel(objectName="merge_feedback"))
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
            self.group_combo.addItem(f"{cluster.number}. {cluster.label}", cluster.id)
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


register_panel("clarify", ClarifyPanel)
