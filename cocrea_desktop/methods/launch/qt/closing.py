"""The launch panel of the phase kind "launch_closing": who signed (name, post,
agency or organisation; or attended officially without signing), the closing note,
the acta as it will print, and the PDF."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.i18n import _
from cocrea_desktop.methods.launch.qt.models import SignaturesModel
from cocrea_desktop.methods.launch.report import acta_sections
from cocrea_desktop.methods.launch.store import TABLES
from cocrea_desktop.ui.operations.base import _run
from cocrea_desktop.ui.views.panel import Panel, big, status_line, table_view


class ClosingPanel(Panel):
    tables = (*TABLES, "session", "attendance_count", "commitment")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = big(QLabel(objectName="closing_title"), 1.3)
        layout.addWidget(self.title)
        grid = QGridLayout()
        self.name = QLineEdit(objectName="signer_name")
        self.post = QLineEdit(objectName="signer_post")
        self.organisation = QLineEdit(objectName="signer_organisation")
        for field in (self.name, self.post, self.organisation):
            field.returnPressed.connect(self.add_signature)
        self.signed = QCheckBox(objectName="signer_signed")
        self.signed.setChecked(True)
        self.add_button = QPushButton(objectName="signer_add")
        self.add_button.clicked.connect(self.add_signature)
        grid.addWidget(self.name, 0, 0)
        grid.addWidget(self.post, 0, 1)
        grid.addWidget(self.organisation, 0, 2)
        grid.addWidget(self.signed, 1, 0)
        grid.addWidget(self.add_button, 1, 2)
        layout.addLayout(grid)
        split = QSplitter(Qt.Orientation.Vertical)
        self.model = SignaturesModel(self)
        self.table = table_view(self.model, "launch_signatures")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        split.addWidget(self.table)
        self.text = QTextBrowser(objectName="launch_acta_text")
        split.addWidget(self.text)
        layout.addWidget(split, 1)
        self.note_label = QLabel()
        layout.addWidget(self.note_label)
        self.note = QPlainTextEdit(objectName="closing_note")
        self.note.setMaximumHeight(70)
        layout.addWidget(self.note)
        self.save_note = QPushButton(objectName="save_note")
        self.save_note.clicked.connect(self.store_note)
        self.save_pdf = QPushButton(objectName="save_launch_acta")
        self.save_pdf.clicked.connect(self.write_pdf)
        buttons = QGridLayout()
        buttons.addWidget(self.save_note, 0, 0)
        buttons.addWidget(self.save_pdf, 0, 1)
        layout.addLayout(buttons)
        self.saved = status_line(QLabel(objectName="launch_acta_saved"))
        self.saved.setWordWrap(True)
        layout.addWidget(self.saved)
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.name

    def refresh(self) -> None:
        if self.repo is None:
            return
        la = self.repo.launch
        self.model.set_rows(la.signatures(self.session_id))
        note = la.closing_note(self.session_id)
        if not self.note.hasFocus() and self.note.toPlainText() != note:
            self.note.setPlainText(note)
        parts = []
        for section in acta_sections(self.repo, self.session_id):
            parts.append(f"<h3>{html.escape(section.title)}</h3><ul>")
            parts += [f"<li>{html.escape(line.strip())}</li>" for line in section.lines]
            parts.append("</ul>")
        self.text.setHtml("".join(parts))

    def add_signature(self) -> None:
        if self.repo is None or not self.name.text().strip():
            return
        result = _run(self, lambda: self.repo.launch.add_signature(
            self.session_id, name=self.name.text(), post=self.post.text(),
            organisation=self.organisation.text(), signed=self.signed.isChecked()))
        if result:
            for field in (self.name, self.post, self.organisation):
                field.setText("")
            self.signed.setChecked(True)
            self.name.setFocus()

    def store_note(self) -> None:
        if self.repo is not None:
            _run(self, lambda: self.repo.launch.set_closing_note(self.session_id,
                                                                 self.note.toPlainText()))

    def flush(self) -> None:
        if self.repo is not None and \
                self.note.toPlainText().strip() != self.repo.launch.closing_note(
                    self.session_id):
            self.store_note()

    def choose_path(self) -> str:
        """Where to save the acta (a test replaces this)."""
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Guardar el acta del lanzamiento"), _("acta-lanzamiento-pal.pdf"),
            "PDF (*.pdf)")
        return path

    def write_pdf(self) -> None:
        if self.repo is None:
            return
        self.flush()
        path = self.choose_path()
        if not path:
            return
        from cocrea_desktop.methods.launch.pdf import write_acta

        result = _run(self, lambda: write_acta(self.repo, self.session_id, path))
        if result:
            self.saved.setText(_("Acta guardada en {path}").format(path=result))

    def retranslate(self) -> None:
        self.title.setText(_("Firma y cierre"))
        self.name.setPlaceholderText(_("Nombre de quien firma"))
        self.post.setPlaceholderText(_("Cargo"))
        self.organisation.setPlaceholderText(_("Dependencia u organización"))
        self.signed.setText(_("Firmó el plan (sin marcar: asistió sin firmar)"))
        self.add_button.setText(_("Anotar firma"))
        self.note_label.setText(_("Nota de cierre del acta:"))
        self.save_note.setText(_("Guardar la nota"))
        self.save_pdf.setText(_("Guardar el acta en PDF..."))
        self.model.retranslate()
        self.refresh()
