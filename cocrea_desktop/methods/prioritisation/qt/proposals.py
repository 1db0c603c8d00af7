"""The panel of the phase kind "prio_proposals": which proposals go on the table.

Type their numbers as the office's list shows them ("1 4 B-2") and Enter; or pick them
in the list of proposals and press Enter there. Supr takes the chosen one off the table
(only before any score)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.i18n import _
from cocrea_desktop.methods.prioritisation.qt.common import (
    PrioPanel,
    TextRowsModel,
    fit_title_column,
    interactive_columns,
    rows_view,
    selected_keys,
)
from cocrea_desktop.ui.views.panel import big, capture_line


class ProposalsPanel(PrioPanel):
    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        from cocrea_desktop.ui.qt_i18n import key_text

        return [(key_text("Return"), _("Poner en la mesa las propuestas escritas o elegidas")),
                (key_text("Delete"), _("Quitar de la mesa la propuesta elegida"))]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = big(QLabel(objectName="prio_proposals_title"), 1.2)
        layout.addWidget(self.title)
        row = QHBoxLayout()
        self.entry_label = QLabel()
        self.entry = capture_line(self.put_typed)
        self.entry.setObjectName("prio_numbers")
        self.entry_label.setBuddy(self.entry)
        row.addWidget(self.entry_label)
        row.addWidget(self.entry, 1)
        self.add_button = QPushButton(objectName="prio_put")
        self.add_button.clicked.connect(self.put_typed)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        layout.addWidget(self.feedback)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left, right = QWidget(), QWidget()
        left_box, right_box = QVBoxLayout(left), QVBoxLayout(right)
        left_box.setContentsMargins(0, 0, 0, 0)
        right_box.setContentsMargins(0, 0, 0, 0)
        self.all_title = big(QLabel(), 1.05)
        self.all_model = TextRowsModel(self)
        self.all_table = rows_view(self.all_model, "prio_all_proposals", multi=True)
        self.all_table.activated.connect(lambda _i: self.put_selected())
        interactive_columns(self.all_table)
        left_box.addWidget(self.all_title)
        left_box.addWidget(self.all_table, 1)
        self.table_title = big(QLabel(objectName="prio_on_table_title"), 1.05)
        self.model = TextRowsModel(self)
        self.table = rows_view(self.model, "prio_on_table")
        interactive_columns(self.table)
        self.natural = {self.all_table: 300, self.table: 300}
        self.remove_button = QPushButton(objectName="prio_remove")
        self.remove_button.clicked.connect(self.remove_selected)
        right_box.addWidget(self.table_title)
        right_box.addWidget(self.table, 1)
        right_box.addWidget(self.remove_button)
        splitter.addWidget(left)
        splitter.addWidget(right)
        layout.addWidget(splitter, 1)
        self.shortcut("Delete", self.remove_selected)
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.entry

    def refresh(self) -> None:
        if self.repo is None:
            return
        on_table = self.store.items(self.session_id)
        placed = {i.proposal_id: i.number for i in on_table}
        proposals = self.repo.proposals.list()
        self.all_model.set_table(
            [_("Núm."), _("Propuesta"), _("Tema"), _("Mesa"), _("En la mesa")],
            [(p.label, [p.label, p.title, p.theme, p.table_label,
                        str(placed[p.id]) if p.id in placed else ""]) for p in proposals])
        self.model.set_table([_("Núm."), _("Propuesta"), _("De la lista")],
                             [(i.number, [str(i.number), i.title, i.proposal_label])
                              for i in on_table])
        for view in (self.all_table, self.table):
            view.resizeColumnsToContents()
            self.natural[view] = view.columnWidth(1)
        self.fit()
        self.table_title.setText(_("En la mesa: {count}").format(count=len(on_table)))
        self.all_title.setText(_("Propuestas de la oficina: {count}").format(
            count=len(proposals)))

    def fit(self) -> None:
        for view, natural in self.natural.items():
            fit_title_column(view, 1, natural)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit()

    def put_typed(self) -> None:
        text = self.entry.text().strip()
        if not text:
            self.put_selected()
            return
        if self.act(lambda: self.store.put_on_table(self.session_id, [text]),
                    _("Puestas en la mesa: {labels}").format(labels=text)):
            self.entry.clear()

    def put_selected(self) -> None:
        labels = [str(k) for k in selected_keys(self.all_table)]
        if labels:
            self.act(lambda: self.store.put_on_table(self.session_id, labels),
                     _("Puestas en la mesa: {labels}").format(labels=", ".join(labels)))

    def remove_selected(self) -> None:
        keys = selected_keys(self.table)
        if keys:
            self.act(lambda: self.store.take_off_table(self.session_id, keys[0]),
                     _("La propuesta {number} salió de la mesa.").format(number=keys[0]))

    def retranslate(self) -> None:
        self.title.setText(_("Propuestas en la mesa"))
        self.entry_label.setText(_("&Números de las propuestas:"))
        self.entry.setPlaceholderText(_("Ejemplo: 1 4 7 B-2, y pulse Intro"))
        self.add_button.setText(_("Poner en la mesa (Intro)"))
        self.remove_button.setText(_("Quitar de la mesa (Supr)"))
        if self.repo is not None:
            self.refresh()
