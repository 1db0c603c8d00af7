"""The jury panel of the phase kind "jury_witnesses": each witness heard (name, role, what
they said) and their documents, recorded by SHA-256."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.i18n import _
from cocrea_desktop.methods.jury.qt import operations as jops
from cocrea_desktop.methods.jury.qt.common import JuryFiles, JuryPanel, fill, rows_table
from cocrea_desktop.ui.places import start_folder


class WitnessesPanel(JuryPanel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.box = QGroupBox(objectName="witness_box")
        form = QFormLayout(self.box)
        self.name = QLineEdit(objectName="witness_name")
        self.name.setMaxLength(120)
        self.role = QLineEdit(objectName="witness_role")
        self.role.setMaxLength(160)
        self.summary = QPlainTextEdit(objectName="witness_summary")
        self.summary.setMaximumHeight(90)
        self.labels = {}
        for key, widget in (("name", self.name), ("role", self.role),
                            ("summary", self.summary)):
            label = QLabel(objectName=f"witness_{key}_label")
            label.setBuddy(widget)
            self.labels[key] = label
            form.addRow(label, widget)
        row = QHBoxLayout()
        self.docs_button = QPushButton(objectName="witness_documents")
        self.docs_button.clicked.connect(self.choose_documents)
        self.docs_label = QLabel(objectName="witness_documents_chosen")
        self.docs_label.setWordWrap(True)
        self.add_button = QPushButton(objectName="add_witness")
        self.add_button.clicked.connect(self.add_witness)
        row.addWidget(self.docs_button)
        row.addWidget(self.docs_label, 1)
        row.addWidget(self.add_button)
        form.addRow(row)
        layout.addWidget(self.box)
        self.table = rows_table("witnesses", stretch=4)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.feedback)
        self.documents: list[str] = []
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.name

    def refresh(self) -> None:
        if self.repo is None:
            return
        found = self.repo.jury.witnesses(self.session_id)
        fill(self.table, [_("Núm."), _("Testigo"), _("Papel"), _("Documentos (SHA-256)"),
                          _("Lo que dijo")],
             [(w.number, w.name, w.role,
               "\n".join(f"{d['name']}: {d['sha256'][:16]}…" for d in w.documents) or "—",
               w.summary) for w in found], [w.id for w in found])
        self._show_documents()

    def _show_documents(self) -> None:
        self.docs_label.setText(", ".join(Path(d).name for d in self.documents)
                                or _("sin documentos"))

    def choose_documents(self) -> None:
        if self.repo is None:
            return
        chosen = JuryFiles.ask_documents(self, _("Documentos que presentó el testigo"),
                                         str(start_folder(self.repo)))
        self.documents = list(chosen)
        self._show_documents()

    def add_witness(self) -> None:
        if self.repo is None:
            return
        w = jops.add_witness(parent=self, repo=self.repo, session_id=self.session_id,
                             name=self.name.text(), role=self.role.text(),
                             summary=self.summary.toPlainText(), documents=self.documents)
        if w is not None:
            self.name.clear()
            self.role.clear()
            self.summary.clear()
            self.documents = []
            self._show_documents()
            self.feedback.setText(_("Testimonio {number} anotado: {name}.").format(
                number=w.number, name=w.name))
            self.name.setFocus()

    def retranslate(self) -> None:
        self.box.setTitle(_("Anotar un testimonio"))
        self.labels["name"].setText(_("&Nombre:"))
        self.labels["role"].setText(_("&Papel o cargo:"))
        self.labels["summary"].setText(_("&Lo que dijo:"))
        self.docs_button.setText(_("Documentos…"))
        self.add_button.setText(_("Anotar testimonio"))
        self._show_documents()
        if self.repo is not None:
            self.refresh()
