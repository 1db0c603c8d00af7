"""The assembly panel of the phase kind "assembly_acta": the minutes as they will print
(agenda, who spoke in counts, agreements with their votes), and forgetting the
speakers' names once the process no longer needs them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.i18n import _
from cocrea_desktop.methods.assembly.report import acta_sections
from cocrea_desktop.methods.assembly.store import TABLES
from cocrea_desktop.ui.operations.base import _run
from cocrea_desktop.ui.views.panel import Panel, big


class ActaPanel(Panel):
    tables = (*TABLES, "session", "attendance_count")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = big(QLabel(objectName="acta_title"), 1.3)
        layout.addWidget(self.title)
        self.text = QTextBrowser(objectName="acta_text")
        layout.addWidget(self.text, 1)
        self.hint = QLabel(objectName="acta_hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.save_pdf = QPushButton(objectName="save_acta")
        self.save_pdf.clicked.connect(self.write_pdf)
        layout.addWidget(self.save_pdf)
        self.saved = QLabel(objectName="acta_saved")
        self.saved.setWordWrap(True)
        layout.addWidget(self.saved)
        self.forget = QPushButton(objectName="forget_names")
        self.forget.clicked.connect(self.forget_names)
        layout.addWidget(self.forget)
        self.retranslate()

    def refresh(self) -> None:
        if self.repo is None:
            return
        html = []
        for section in acta_sections(self.repo, self.session_id):
            html.append(f"<h3>{_escape(section.title)}</h3><ul>")
            html += [f"<li>{_escape(line)}</li>" for line in section.lines]
            html.append("</ul>")
        self.text.setHtml("".join(html))
        self.forget.setEnabled(any(s.name for s in
                                   self.repo.assembly.all_speakers(self.session_id)))

    def choose_path(self) -> str:
        """Where to save the acta (a test replaces this)."""
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Guardar el acta de asamblea"), _("acta-de-asamblea.pdf"), "PDF (*.pdf)")
        return path

    def write_pdf(self) -> None:
        if self.repo is None:
            return
        path = self.choose_path()
        if not path:
            return
        from cocrea_desktop.methods.assembly.pdf import write_acta

        result = _run(self, lambda: write_acta(self.repo, self.session_id, path))
        if result:
            self.saved.setText(_("Acta guardada en {path}").format(path=result))

    def forget_names(self) -> None:
        if self.repo is not None:
            _run(self, lambda: self.repo.assembly.forget_names(self.session_id))

    def retranslate(self) -> None:
        self.title.setText(_("Acta de asamblea"))
        self.hint.setText(_("Guarde el acta en PDF para imprimirla y firmarla (también con "
                            "«cocrea assembly acta»). Los nombres de los oradores no van en el "
                            "acta: solo los conteos."))
        self.save_pdf.setText(_("Guardar el acta en PDF..."))
        self.forget.setText(_("Borrar los nombres de los oradores"))
        self.refresh()


def _escape(text: str) -> str:
    import html

    return html.escape(text)
