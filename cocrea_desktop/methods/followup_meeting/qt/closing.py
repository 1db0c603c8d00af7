"""The follow-up meeting panel of the phase kind "followup_closing": the acta as it will
print (those present, the milestones reviewed, the agreements), the closing note, and
the PDF."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.i18n import _
from cocrea_desktop.methods.followup_meeting.report import acta_sections
from cocrea_desktop.methods.followup_meeting.store import TABLES
from cocrea_desktop.ui.operations.base import _run
from cocrea_desktop.ui.views.panel import Panel, big, status_line


class ClosingPanel(Panel):
    tables = (*TABLES, "session", "attendance_count", "milestone_progress")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = big(QLabel(objectName="meeting_closing_title"), 1.3)
        layout.addWidget(self.title)
        self.text = QTextBrowser(objectName="meeting_acta_text")
        layout.addWidget(self.text, 1)
        self.note_label = QLabel()
        layout.addWidget(self.note_label)
        self.note = QPlainTextEdit(objectName="meeting_closing_note")
        self.note.setMaximumHeight(70)
        layout.addWidget(self.note)
        buttons = QHBoxLayout()
        self.save_note = QPushButton(objectName="meeting_save_note")
        self.save_note.clicked.connect(self.store_note)
        self.save_pdf = QPushButton(objectName="save_meeting_acta")
        self.save_pdf.clicked.connect(self.write_pdf)
        buttons.addWidget(self.save_note)
        buttons.addWidget(self.save_pdf)
        layout.addLayout(buttons)
        self.saved = status_line(QLabel(objectName="meeting_acta_saved"))
        self.saved.setWordWrap(True)
        layout.addWidget(self.saved)
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.note

    def refresh(self) -> None:
        if self.repo is None:
            return
        note = self.repo.followup_meeting.closing_note(self.session_id)
        if not self.note.hasFocus() and self.note.toPlainText() != note:
            self.note.setPlainText(note)
        parts = []
        for section in acta_sections(self.repo, self.session_id):
            parts.append(f"<h3>{html.escape(section.title)}</h3><ul>")
            parts += [f"<li>{html.escape(line)}</li>" for line in section.lines]
            parts.append("</ul>")
        self.text.setHtml("".join(parts))

    def store_note(self) -> None:
        if self.repo is not None:
            text = self.note.toPlainText()
            _run(self, lambda: self.repo.followup_meeting.set_closing_note(self.session_id,
                                                                           text))

    def flush(self) -> None:
        if self.repo is not None and self.note.toPlainText().strip() != \
                self.repo.followup_meeting.closing_note(self.session_id):
            self.store_note()

    def choose_path(self) -> str:
        """Where to save the acta (a test replaces this)."""
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Guardar el acta de seguimiento"), _("acta-reunion-seguimiento.pdf"),
            "PDF (*.pdf)")
        return path

    def write_pdf(self) -> None:
        if self.repo is None:
            return
        self.flush()
        path = self.choose_path()
        if not path:
            return
        from cocrea_desktop.methods.followup_meeting.pdf import write_acta

        result = _run(self, lambda: write_acta(self.repo, self.session_id, path))
        if result:
            self.saved.setText(_("Acta guardada en {path}").format(path=result))

    def retranslate(self) -> None:
        self.title.setText(_("Cierre"))
        self.note_label.setText(_("Nota de cierre del acta:"))
        self.save_note.setText(_("Guardar la nota"))
        self.save_pdf.setText(_("Guardar el acta en PDF..."))
        self.refresh()
