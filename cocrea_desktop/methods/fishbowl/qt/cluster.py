"""The fishbowl panel of the phase kind "cluster": the ideas of every group put under
clusters; each cluster says in words which groups share it.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.i18n import _, ngettext
from cocrea_desktop.methods.fishbowl.qt.common import FISHBOWL_TABLES
from cocrea_desktop.methods.fishbowl.qt.models import (
    ClustersModel,
    GroupIdeasModel,
)
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.qt_i18n import key_text
from cocrea_desktop.ui.views.ideas_table import loose_ideas_warning
from cocrea_desktop.ui.views.panel import Panel, banner, big, status_line, table_view
from cocrea_desktop.ui.widgets.fit import readable_column


class ClusterPanel(Panel):
    """Ideas of every group put under clusters; shared clusters are convergences."""

    tables = FISHBOWL_TABLES + ("merge_proposal",)

    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        return [(key_text("Ctrl+1") + " … " + key_text("Ctrl+9"),
                 _("Pecera: poner las ideas elegidas en ese grupo de ideas")),
                ("Ctrl+0", _("Sacar las ideas elegidas de su grupo de ideas")),
                ("Ctrl+G", _("Ir a «Nuevo grupo de ideas» (Intro lo crea)")),
                (key_text("Return"), _("En «Poner en el grupo Nº»: poner ahí las ideas "
                                       "elegidas"))]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.locked = banner("cluster_locked")
        layout.addWidget(self.locked)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter, 1)
        # Below the tables: appearing after the first group of ideas, and shrinking as
        # ideas find their group, it must not move the ideas under the facilitator's mouse.
        self.loose_warning = banner("loose_ideas")
        layout.addWidget(self.loose_warning)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.ideas_title = big(QLabel(objectName="ideas_title"), 1.1)
        ll.addWidget(self.ideas_title)
        self.ideas_model = GroupIdeasModel(self)
        self.ideas = table_view(self.ideas_model, "cluster_ideas", multi=True)
        self.ideas.setDragEnabled(True)
        self.ideas.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        header = self.ideas.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.ideas.setColumnWidth(0, 44)
        self.ideas.setColumnWidth(2, 120)
        self.ideas.setColumnWidth(3, 130)
        ll.addWidget(self.ideas, 1)
        splitter.addWidget(left)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.clusters_title = big(QLabel(objectName="clusters_title"), 1.1)
        rl.addWidget(self.clusters_title)
        form = QFormLayout()
        self.new_label = QLabel()
        self.new_entry = QLineEdit(objectName="new_cluster")
        self.new_entry.returnPressed.connect(self.new_cluster)
        self.new_label.setBuddy(self.new_entry)
        self.put_label = QLabel()
        self.put_entry = QLineEdit(objectName="put_in_cluster")
        self.put_entry.returnPressed.connect(self.put_typed)
        self.put_label.setBuddy(self.put_entry)
        form.addRow(self.new_label, self.new_entry)
        form.addRow(self.put_label, self.put_entry)
        rl.addLayout(form)
        self.clusters_model = ClustersModel(self)
        self.clusters_model.ideas_dropped.connect(self.dropped)
        self.clusters = table_view(self.clusters_model, "clusters")
        self.clusters.setAcceptDrops(True)
        self.clusters.setDropIndicatorShown(True)
        self.clusters.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.clusters.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.clusters.setWordWrap(True)
        ch = self.clusters.horizontalHeader()
        ch.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        ch.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.clusters.setColumnWidth(0, 36)
        # At 1024x768 the five columns fit beside the ideas without scrolling sideways.
        self.clusters.setColumnWidth(2, 56)
        self.clusters.setColumnWidth(3, 110)
        self.clusters.setColumnWidth(4, 100)
        readable_column(self.clusters, 1, 140)
        rl.addWidget(self.clusters, 1)
        row = QHBoxLayout()
        self.out_button = QPushButton(objectName="out_of_cluster")
        self.out_button.clicked.connect(self.take_out)
        row.addWidget(self.out_button)
        row.addStretch(1)
        # The chosen cluster to the process's proposals (the same form as the results').
        self.promote_button = QPushButton(objectName="promote_cluster")
        self.promote_button.clicked.connect(lambda _c=False: self.promote())
        row.addWidget(self.promote_button)
        rl.addLayout(row)
        self.feedback = status_line(QLabel(objectName="cluster_feedback"))
        self.feedback.setWordWrap(True)
        rl.addWidget(self.feedback)
        splitter.addWidget(right)
        splitter.setSizes([700, 640])
        for title in (self.ideas_title, self.clusters_title):  # a steady top for the tables
            title.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        for n in range(1, 10):
            self.shortcut(f"Ctrl+{n}", lambda n=n: self.put_in_number(n))
        self.shortcut("Ctrl+0", self.take_out)
        self.shortcut("Ctrl+G", lambda: self.new_entry.setFocus())
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.ideas

    def refresh(self) -> None:
        if self.repo is None:
            return
        repo, sid = self.repo, self.session_id
        chosen = [i.id for i in self.selected_ideas()]
        groups = repo.fishbowl.groups(sid)
        ideas = repo.ideas.list(sid)
        clusters = repo.ideas.clusters(sid)
        self.ideas_model.set_ideas(ideas, groups, clusters)
        self.clusters_model.set_clusters(clusters, ideas, repo.fishbowl.cluster_groups(sid))
        selection = self.ideas.selectionModel()
        for row, idea in enumerate(self.ideas_model.ideas()):
            if idea.id in chosen:
                selection.select(self.ideas_model.index(row, 0),
                                 QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)
        locked = repo.phases.voting_started(sid)
        self.locked.setText(_("Ya empezó la votación: los grupos de ideas ya no cambian."))
        self.locked.setVisible(locked)
        for widget in (self.new_entry, self.put_entry, self.out_button):
            widget.setEnabled(not locked)
        unplaced = sum(1 for i in ideas if i.status == "active" and not i.cluster_id)
        loose = loose_ideas_warning(repo, sid) if clusters else ""
        self.loose_warning.setText(loose)
        self.loose_warning.setVisible(bool(loose))
        shared = sum(1 for c in clusters
                     if len(self.clusters_model.groups_of(c.id)) > 1)
        self.clusters_title.setText(_("Grupos de ideas ({count}) · de varias posturas: "
                                      "{shared}").format(count=len(clusters),
                                                                    shared=shared))
        self.ideas_title.setText(ngettext("Ideas de todos los grupos · {count} sin agrupar",
                                          "Ideas de todos los grupos · {count} sin agrupar",
                                          unplaced).format(count=unplaced))

    def selected_ideas(self) -> list:
        rows = sorted(i.row() for i in self.ideas.selectionModel().selectedRows())
        return [self.ideas_model.idea_at(r) for r in rows if self.ideas_model.idea_at(r)]

    def _put(self, idea_ids: list[str], cluster_id: str | None) -> bool:
        if self.repo is None or not idea_ids:
            return False
        return ops.set_cluster(parent=self, repo=self.repo, idea_ids=idea_ids,
                               cluster_id=cluster_id) is not None

    def put_in_number(self, number: int) -> None:
        if self.repo is None:
            return
        cluster = next((c for c in self.repo.ideas.clusters(self.session_id)
                        if c.number == number), None)
        ideas = self.selected_ideas()
        if cluster is None:
            self.feedback.setText(_("No hay grupo de ideas {number}.").format(number=number))
            return
        if not ideas:
            self.feedback.setText(_("Elija primero las ideas en la lista (flechas, Mayús o "
                                    "Ctrl+clic)."))
            return
        if self._put([i.id for i in ideas], cluster.id):
            self.feedback.setText(ngettext("Idea {numbers} en «{label}».",
                                           "Ideas {numbers} en «{label}».", len(ideas)).format(
                numbers=", ".join(str(i.number) for i in ideas), label=cluster.label))
            self.ideas.setFocus()

    def put_typed(self) -> None:
        text = self.put_entry.text().strip()
        if not text:
            return
        if not text.isdigit():
            self.feedback.setText(_("Escriba el número del grupo de ideas, p. ej. «2»."))
            return
        self.put_in_number(int(text))
        self.put_entry.setText("")

    def new_cluster(self) -> None:
        label = self.new_entry.text().strip()
        if not label or self.repo is None:
            return
        ideas = self.selected_ideas()
        cluster = ops.add_cluster(parent=self, repo=self.repo, session_id=self.session_id,
                                  label=label)
        if cluster is None:
            return
        self.new_entry.setText("")
        if ideas:
            self._put([i.id for i in ideas], cluster.id)
        self.feedback.setText(_("Nuevo grupo de ideas {number}: «{label}». Ctrl+{number} pone "
                                "ahí las ideas elegidas.").format(number=cluster.number,
                                                                  label=cluster.label))
        self.ideas.setFocus()

    def take_out(self) -> None:
        ideas = [i for i in self.selected_ideas() if i.cluster_id]
        if ideas and self._put([i.id for i in ideas], None):
            self.feedback.setText(ngettext("Idea {numbers} fuera de su grupo.",
                                           "Ideas {numbers} fuera de su grupo.",
                                           len(ideas)).format(
                numbers=", ".join(str(i.number) for i in ideas)))

    def promote(self):
        """«Promover a propuesta…» on the chosen cluster (or the session's result)."""
        from cocrea_desktop.ui.dialogs.proposal_dialog import promote_with_dialog

        if self.repo is None or self.repo.read_only:
            return None
        rows = self.clusters.selectionModel().selectedRows()
        cluster = self.clusters_model.row_at(rows[0].row()) if rows else None
        return promote_with_dialog(self, self.repo, self.session_id,
                                   str(cluster.number) if cluster is not None else None)

    def dropped(self, idea_ids: list, cluster_id: str) -> None:
        self._put(list(idea_ids), cluster_id)

    def retranslate(self) -> None:
        self.new_label.setText(_("&Nuevo grupo de ideas:"))
        self.new_entry.setPlaceholderText(_("nombre e Intro; las ideas elegidas entran en él"))
        self.put_label.setText(_("&Poner en el grupo Nº:"))
        self.put_entry.setPlaceholderText(_("número e Intro (o Ctrl+1 … Ctrl+9)"))
        self.out_button.setText(_("Sacar del grupo (Ctrl+0)"))
        self.out_button.setToolTip(_("Sacar las ideas elegidas de su grupo de ideas"))
        self.promote_button.setText(_("Promover a propuesta…"))
        self.promote_button.setToolTip(_("Llevar el grupo de ideas elegido a la lista de "
                                         "propuestas del proceso"))
        self.ideas_model.retranslate()
        self.clusters_model.retranslate()
        self.ideas.setToolTip(_("Elija ideas y pulse Ctrl+número del grupo, o arrástrelas "
                                "sobre un grupo de la derecha."))
        if self.repo is not None:
            self.refresh()
