"""The panel of the phase kind "prio_results": the matrix of proposals x criteria (each
mean with the number of scores behind it), the ranking, the notes (missing scores,
tie-breaks, near ties) and what changes if one weight moves one step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.i18n import _
from cocrea_desktop.methods.prioritisation.qt.common import (
    PrioPanel,
    TextRowsModel,
    rows_view,
)
from cocrea_desktop.methods.prioritisation.summary import summary
from cocrea_desktop.ui.views.panel import big


class ResultsPanel(PrioPanel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = big(QLabel(objectName="prio_results_title"), 1.2)
        layout.addWidget(self.title)
        self.rule = QLabel(objectName="prio_rule")
        self.rule.setWordWrap(True)
        layout.addWidget(self.rule)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = TextRowsModel(self)
        self.matrix = rows_view(self.model, "prio_matrix")
        self.matrix.horizontalHeader().setStretchLastSection(False)
        splitter.addWidget(self.matrix)
        lower = QWidget()
        lower_box = QVBoxLayout(lower)
        lower_box.setContentsMargins(0, 0, 0, 0)
        self.notes_title = QLabel()
        self.notes = QListWidget(objectName="prio_notes")
        self.notes.setWordWrap(True)
        lower_box.addWidget(self.notes_title)
        lower_box.addWidget(self.notes, 1)
        self.sens_title = QLabel()
        self.sens_model = TextRowsModel(self)
        self.sensitivity = rows_view(self.sens_model, "prio_sensitivity")
        lower_box.addWidget(self.sens_title)
        lower_box.addWidget(self.sensitivity, 1)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.feedback)
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.matrix

    def refresh(self) -> None:
        if self.repo is None:
            return
        found = summary(self.repo, self.session_id)
        if found is None:
            self.rule.setText(_("Faltan propuestas en la mesa o criterios."))
            self.model.set_table([], [])
            self.notes.clear()
            self.sens_model.set_table([], [])
            return
        self.rule.setText(found.rule_text + " " + _("Hojas capturadas: {count}.").format(
            count=found.evaluators))
        self.model.set_table(list(found.headers), [(n, list(cells)) for n, cells in found.rows])
        self.matrix.resizeColumnsToContents()
        self.matrix.setColumnWidth(2, min(self.matrix.columnWidth(2), 260))
        self.notes.clear()
        self.notes.addItems(list(found.notes) or [_("Sin empates ni calificaciones faltantes.")])
        self.sens_model.set_table([_("Si el peso cambia un paso"), _("Quién cambia de lugar")],
                                  [(i, list(row)) for i, row in enumerate(found.sensitivity)])

    def retranslate(self) -> None:
        self.title.setText(_("Resultados: matriz y orden"))
        self.notes_title.setText(_("Cómo se decidieron los lugares y qué falta"))
        self.sens_title.setText(_("Sensibilidad: qué pasa si un peso sube o baja un paso"))
        if self.repo is not None:
            self.refresh()
