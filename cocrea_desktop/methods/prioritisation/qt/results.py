"""The panel of the phase kind "prio_results": the matrix of proposals x criteria (each
mean with the number of scores behind it), the ranking, the notes (missing scores,
tie-breaks, near ties) and what changes if one weight moves one step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
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
    rows_view,
    save_pdf,
    wrapped,
)
from cocrea_desktop.methods.prioritisation.summary import summary
from cocrea_desktop.ui.views.panel import big


class ResultsPanel(PrioPanel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.natural_title = 400
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
        self.matrix.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        splitter.addWidget(self.matrix)
        lower = QSplitter(Qt.Orientation.Horizontal)
        left, right = QWidget(), QWidget()
        left_box, right_box = QVBoxLayout(left), QVBoxLayout(right)
        left_box.setContentsMargins(0, 0, 0, 0)
        right_box.setContentsMargins(0, 0, 0, 0)
        self.notes_title = QLabel()
        self.notes_title.setWordWrap(True)
        self.notes = QListWidget(objectName="prio_notes")
        self.notes.setWordWrap(True)
        left_box.addWidget(self.notes_title)
        left_box.addWidget(self.notes, 1)
        self.sens_title = QLabel()
        self.sens_title.setWordWrap(True)
        self.sens_model = TextRowsModel(self)
        self.sensitivity = rows_view(self.sens_model, "prio_sensitivity")
        self.sensitivity.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive)
        right_box.addWidget(self.sens_title)
        right_box.addWidget(self.sensitivity, 1)
        lower.addWidget(left)
        lower.addWidget(right)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        row = QHBoxLayout()
        self.pdf_button = QPushButton(objectName="prio_results_pdf")
        self.pdf_button.clicked.connect(self.save_results_pdf)
        self.report_button = QPushButton(objectName="prio_third_report")
        self.report_button.clicked.connect(self.save_third_report)
        row.addWidget(self.pdf_button)
        row.addWidget(self.report_button)
        row.addWidget(self.feedback, 1)
        layout.addLayout(row)
        self.task = None
        self.last_pdf = None
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
        headers = list(found.headers)
        headers[4:] = [wrapped(h) for h in headers[4:]]  # criteria names on two lines
        self.model.set_table(headers, [(n, list(cells)) for n, cells in found.rows])
        self.matrix.resizeColumnsToContents()
        self.natural_title = self.matrix.columnWidth(2)
        self.fit()
        self.notes.clear()
        self.notes.addItems(list(found.notes) or [_("Sin empates ni calificaciones faltantes.")])
        self.sens_model.set_table([_("Si el peso cambia un paso"), _("Quién cambia de lugar")],
                                  [(i, list(row)) for i, row in enumerate(found.sensitivity)])
        self.sensitivity.resizeColumnToContents(0)

    def fit(self) -> None:
        """The title takes what the numbers leave: every column stays on screen at 1024."""
        fit_title_column(self.matrix, 2, self.natural_title)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit()

    def save_results_pdf(self) -> None:
        from cocrea_desktop.methods.prioritisation.pdf import write_results

        save_pdf(self, _("Guardar los resultados en PDF"), _("resultados-priorizacion.pdf"),
                 write_results)

    def save_third_report(self) -> None:
        from cocrea_desktop.methods.prioritisation.pdf import write_third_report

        save_pdf(self, _("Guardar el tercer informe en PDF"), _("tercer-informe.pdf"),
                 lambda repo, _sid, target: write_third_report(repo, target))

    def retranslate(self) -> None:
        self.pdf_button.setText(_("PDF de resultados"))
        self.report_button.setText(_("Tercer informe (PDF)"))
        self.title.setText(_("Resultados: matriz y orden"))
        self.notes_title.setText(_("Cómo se decidieron los lugares y qué falta"))
        self.sens_title.setText(_("Sensibilidad: qué pasa si un peso sube o baja un paso"))
        if self.repo is not None:
            self.refresh()
