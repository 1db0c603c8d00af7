"""The follow-up meeting panel of the phase kind "followup_review": the cut-off date
(dd/mm/aaaa), the milestones due by it and not done with their status and progress, and
«Registrar la revisión», which keeps that list as the meeting saw it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core import dates
from cocrea_desktop.i18n import _, ngettext
from cocrea_desktop.methods.followup_meeting.qt.models import ReviewModel
from cocrea_desktop.methods.followup_meeting.store import TABLES
from cocrea_desktop.ui.operations.base import _run
from cocrea_desktop.ui.views.panel import Panel, big, status_line, table_view


class ReviewPanel(Panel):
    tables = (*TABLES, "session", "milestone_progress", "commitment",
              "commitment_milestone")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = big(QLabel(objectName="review_title"), 1.3)
        layout.addWidget(self.title)
        row = QHBoxLayout()
        self.cutoff_label = QLabel()
        self.cutoff = QLineEdit(objectName="review_cutoff")
        self.cutoff.setMaximumWidth(160)
        self.cutoff.returnPressed.connect(self.apply_cutoff)
        self.cutoff_button = QPushButton(objectName="review_cutoff_save")
        self.cutoff_button.clicked.connect(self.apply_cutoff)
        self.cutoff_words = QLabel(objectName="review_cutoff_words")
        row.addWidget(self.cutoff_label)
        row.addWidget(self.cutoff)
        row.addWidget(self.cutoff_button)
        row.addWidget(self.cutoff_words, 1)
        layout.addLayout(row)
        self.model = ReviewModel(self)
        self.table = table_view(self.model, "review_milestones")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.state = QLabel(objectName="review_state")
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        self.record_button = QPushButton(objectName="review_record")
        self.record_button.clicked.connect(self.record)
        layout.addWidget(self.record_button)
        self.status = status_line(QLabel(objectName="review_status"))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.cutoff

    def refresh(self) -> None:
        if self.repo is None:
            return
        fm = self.repo.followup_meeting
        cutoff = fm.cutoff(self.session_id)
        if not self.cutoff.hasFocus() or not self.cutoff.text():
            self.cutoff.setText(dates.format_date(cutoff, "numeric"))
        self.cutoff_words.setText(dates.format_date(cutoff))
        rows = fm.review_list(self.session_id)
        self.model.set_rows(rows)
        if not rows:
            self.state.setText(_("No hay hitos pendientes que venzan a la fecha de corte."))
        elif rows[0].recorded:
            self.state.setText(ngettext(
                "Revisión registrada: {count} hito, con su estado en la reunión.",
                "Revisión registrada: {count} hitos, con su estado en la reunión.",
                len(rows)).format(count=len(rows)))
        else:
            self.state.setText(ngettext(
                "{count} hito vence a la fecha de corte y no está cumplido. Revíselo con "
                "la sala y registre la revisión.",
                "{count} hitos vencen a la fecha de corte y no están cumplidos. Revíselos "
                "con la sala y registre la revisión.", len(rows)).format(count=len(rows)))
        self.record_button.setEnabled(bool(rows))

    def apply_cutoff(self) -> None:
        if self.repo is not None:
            text = self.cutoff.text()
            if _run(self, lambda: self.repo.followup_meeting.set_cutoff(self.session_id,
                                                                        text)):
                self.cutoff.clearFocus()
                self.refresh()

    def record(self) -> None:
        if self.repo is not None and _run(
                self, lambda: self.repo.followup_meeting.record_review(self.session_id)):
            self.status.setText(_("Revisión registrada."))

    def retranslate(self) -> None:
        self.title.setText(_("Revisión de hitos"))
        self.cutoff_label.setText(_("Fecha de corte:"))
        self.cutoff.setPlaceholderText(dates.numeric_hint())
        self.cutoff_button.setText(_("Aplicar"))
        self.record_button.setText(_("Registrar la revisión (estado y avance a la fecha de "
                                     "la reunión)"))
        self.model.retranslate()
        self.refresh()
