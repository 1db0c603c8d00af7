"""The jury panel of the phase kind "jury_deliberation": notes of the deliberation, the
recommendations with the jury's agreement (consensus, or the level of support when not),
and the jury's report."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.i18n import _
from cocrea_desktop.methods.jury.qt import operations as jops
from cocrea_desktop.methods.jury.qt.common import JuryPanel, fill, rows_table
from cocrea_desktop.methods.jury.store import AGREEMENTS


class DeliberationPanel(JuryPanel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 4, 0)
        self.notes_title = QLabel(objectName="jury_notes_title")
        self.notes = QListWidget(objectName="jury_notes")
        self.notes.setWordWrap(True)
        self.note_entry = QLineEdit(objectName="jury_note_entry")
        self.note_entry.setMaxLength(2000)
        self.note_entry.returnPressed.connect(self.add_note)
        lv.addWidget(self.notes_title)
        lv.addWidget(self.notes, 1)
        lv.addWidget(self.note_entry)
        split.addWidget(left)

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(4, 0, 0, 0)
        self.box = QGroupBox(objectName="recommendation_box")
        bv = QVBoxLayout(self.box)
        self.text = QPlainTextEdit(objectName="recommendation_text")
        self.text.setMaximumHeight(70)
        bv.addWidget(self.text)
        row = QHBoxLayout()
        self.agreement = QComboBox(objectName="recommendation_agreement")
        for key in AGREEMENTS:
            self.agreement.addItem("", key)
        self.agreement.currentIndexChanged.connect(self._agreement_changed)
        row.addWidget(self.agreement, 1)
        self.spins = {}
        self.spin_labels = {}
        for key in ("support", "against", "abstain"):
            label = QLabel(objectName=f"recommendation_{key}_label")
            spin = QSpinBox(objectName=f"recommendation_{key}")
            spin.setRange(0, 60)
            label.setBuddy(spin)
            self.spins[key], self.spin_labels[key] = spin, label
            row.addWidget(label)
            row.addWidget(spin)
        bv.addLayout(row)
        self.add_button = QPushButton(objectName="add_recommendation")
        self.add_button.clicked.connect(self.add_recommendation)
        bv.addWidget(self.add_button)
        rv.addWidget(self.box)
        self.table = rows_table("recommendations", stretch=1)
        rv.addWidget(self.table, 1)
        self.report_button = QPushButton(objectName="print_jury_report")
        self.report_button.clicked.connect(self.print_report)
        rv.addWidget(self.report_button)
        split.addWidget(right)
        split.setSizes([380, 620])
        layout.addWidget(split, 1)
        layout.addWidget(self.feedback)
        self.shortcut("Ctrl+P", self.print_report)
        self.retranslate()
        self._agreement_changed()

    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        return [("Ctrl+P", _("Jurado: imprimir el informe del jurado"))]

    def focus_target(self) -> QWidget | None:
        return self.note_entry

    def _agreement_changed(self) -> None:
        support = self.agreement.currentData() == "support"
        for key in self.spins:
            self.spins[key].setEnabled(support)

    def refresh(self) -> None:
        if self.repo is None:
            return
        jury = self.repo.jury
        self.notes.clear()
        for note in jury.notes(self.session_id):
            self.notes.addItem(f"{note.number}. {note.text}")
        self.notes.scrollToBottom()
        recs = jury.recommendations(self.session_id)
        fill(self.table, [_("Núm."), _("Recomendación"), _("Acuerdo del jurado")],
             [(r.number, r.text, r.agreement_text()) for r in recs], [r.id for r in recs])

    def add_note(self) -> None:
        if self.repo is None:
            return
        if jops.add_note(parent=self, repo=self.repo, session_id=self.session_id,
                         text=self.note_entry.text()):
            self.note_entry.clear()

    def add_recommendation(self) -> None:
        if self.repo is None:
            return
        rec = jops.add_recommendation(
            parent=self, repo=self.repo, session_id=self.session_id,
            text=self.text.toPlainText(), agreement=self.agreement.currentData(),
            support=self.spins["support"].value(), against=self.spins["against"].value(),
            abstain=self.spins["abstain"].value())
        if rec is not None:
            self.text.clear()
            for spin in self.spins.values():
                spin.setValue(0)
            self.feedback.setText(_("Recomendación {number} anotada: {agreement}.").format(
                number=rec.number, agreement=rec.agreement_text()))

    def print_report(self) -> None:
        if self.repo is None:
            return
        from cocrea_desktop.methods.jury.pdf import write_jury_report

        self.print_pdf(_("Guardar el informe del jurado"), "informe-jurado.pdf",
                       write_jury_report)

    def retranslate(self) -> None:
        self.notes_title.setText(_("Notas de la deliberación"))
        self.note_entry.setPlaceholderText(_("Escriba una nota y pulse Intro"))
        self.box.setTitle(_("Recomendación del jurado"))
        self.text.setPlaceholderText(_("Lo que el jurado recomienda"))
        for i, key in enumerate(AGREEMENTS):
            self.agreement.setItemText(i, _(AGREEMENTS[key]))
        self.spin_labels["support"].setText(_("A &favor:"))
        self.spin_labels["against"].setText(_("En &contra:"))
        self.spin_labels["abstain"].setText(_("A&bstención:"))
        self.add_button.setText(_("Anotar recomendación"))
        self.report_button.setText(_("Informe del jurado (PDF)… Ctrl+P"))
        if self.repo is not None:
            self.refresh()
