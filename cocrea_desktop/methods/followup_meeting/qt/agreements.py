"""The follow-up meeting panel of the phase kind "followup_agreements": an agreement
(on a milestone of the review or general; who does it, by when), optionally with the
milestone's new status and percentage, recorded in the plan's follow-up."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core import dates
from cocrea_desktop.i18n import _
from cocrea_desktop.methods.followup_meeting.qt.models import AgreementsModel
from cocrea_desktop.methods.followup_meeting.store import TABLES
from cocrea_desktop.store.followup import STATUSES
from cocrea_desktop.store.stl import word
from cocrea_desktop.ui.operations.base import _run
from cocrea_desktop.ui.views.panel import Panel, big, capture_line, status_line, table_view


class AgreementsPanel(Panel):
    tables = (*TABLES, "session", "milestone_progress", "commitment_milestone")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = big(QLabel(objectName="agreements_title"), 1.3)
        layout.addWidget(self.title)
        self.entry = capture_line(self.add)
        self.entry.setObjectName("agreement_text")
        layout.addWidget(self.entry)
        form = QFormLayout()
        self.milestone = QComboBox(objectName="agreement_milestone")
        self.responsible = QLineEdit(objectName="agreement_responsible")
        self.due = QLineEdit(objectName="agreement_due")
        self.status = QComboBox(objectName="agreement_status")
        self.percent = QSpinBox(objectName="agreement_percent")
        self.percent.setRange(0, 100)
        self.percent.setSuffix(" %")
        self.labels = [QLabel() for _i in range(5)]
        for label, field in zip(self.labels, (self.milestone, self.responsible, self.due,
                                              self.status, self.percent), strict=True):
            form.addRow(label, field)
        layout.addLayout(form)
        self.add_button = QPushButton(objectName="agreement_add")
        self.add_button.clicked.connect(self.add)
        layout.addWidget(self.add_button)
        self.model = AgreementsModel(self)
        self.table = table_view(self.model, "meeting_agreements")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.message = status_line(QLabel(objectName="agreement_message"))
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.entry

    def refresh(self) -> None:
        if self.repo is None:
            return
        fm = self.repo.followup_meeting
        chosen = self.milestone.currentData()
        self.milestone.blockSignals(True)
        self.milestone.clear()
        self.milestone.addItem(_("General (ningún hito)"), "")
        for r in fm.review_list(self.session_id):
            self.milestone.addItem(_("{label}: {text}").format(label=r.label,
                                                               text=r.description), r.label)
        index = self.milestone.findData(chosen)
        self.milestone.setCurrentIndex(max(index, 0))
        self.milestone.blockSignals(False)
        self.model.set_rows(fm.agreements(self.session_id))

    def add(self) -> None:
        text = self.entry.text().strip()
        if not text or self.repo is None:
            return
        status = self.status.currentData() or ""
        result = _run(self, lambda: self.repo.followup_meeting.add_agreement(
            self.session_id, text=text, milestone=self.milestone.currentData() or "",
            responsible=self.responsible.text(), due=self.due.text(), status=status,
            percent=self.percent.value() if status else None))
        if result:
            self.message.setText(_("Acuerdo {number} anotado.").format(
                number=result[0].number))
            for field in (self.entry, self.responsible, self.due):
                field.setText("")
            self.milestone.setCurrentIndex(0)
            self.status.setCurrentIndex(0)
            self.percent.setValue(0)
            self.entry.setFocus()

    def retranslate(self) -> None:
        self.title.setText(_("Acuerdos"))
        self.entry.setPlaceholderText(_("Acuerdo: qué se hará (Intro guarda)"))
        self.due.setPlaceholderText(dates.numeric_hint())
        for label, text in zip(self.labels, (_("Hito:"), _("Responde:"), _("Para el:"),
                                             _("Nuevo estado del hito:"), _("Avance:")),
                               strict=True):
            label.setText(text)
        current = self.status.currentData()
        self.status.clear()
        self.status.addItem(_("Sin cambio"), "")
        for key in STATUSES:
            self.status.addItem(word(STATUSES, key), key)
        self.status.setCurrentIndex(max(self.status.findData(current), 0))
        self.add_button.setText(_("Anotar el acuerdo"))
        self.model.retranslate()
        self.refresh()
