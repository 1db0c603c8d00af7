"""What the idea fair's panels share: their base (the tables they follow, a feedback line,
printing a PDF in the background) and small helpers.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QWidget,
)

from cocrea_desktop.core import dates
from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.i18n import _
from cocrea_desktop.methods.idea_fair.qt.models import (
    TextRowsModel,
)
from cocrea_desktop.ui import workers
from cocrea_desktop.ui.places import start_folder
from cocrea_desktop.ui.views.panel import Panel, status_line, table_view

FAIR_TABLES = ("fair_stand", "fair_authority", "fair_visit", "fair_interest", "fair_letter",
               "attachment", "session")


class FairFiles:
    """Where to save a PDF and which scan to attach: tests replace these (None = cancelled)."""

    @staticmethod
    def ask_save_path(parent: QWidget, title: str, suggested: str) -> str | None:
        name, _filter = QFileDialog.getSaveFileName(parent, title, suggested,
                                                    _("Documentos PDF (*.pdf)"))
        return name or None

    @staticmethod
    def ask_open_path(parent: QWidget, title: str, folder: str) -> str | None:
        name, _filter = QFileDialog.getOpenFileName(
            parent, title, folder, _("Fotos o escaneos (*.jpg *.jpeg *.png *.tif *.tiff *.pdf)"))
        return name or None


def rows_view(model: TextRowsModel, name: str, stretch: int = 1) -> QTableView:
    view = table_view(model, name)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    view.setProperty("stretch_column", stretch)
    return view


def selected_key(view: QTableView) -> Any:
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    if not rows:
        return None
    return view.model().key_at(rows[0].row())


def number_edit(name: str) -> QLineEdit:
    return as_number_edit(QLineEdit(objectName=name))


def as_number_edit(edit: QLineEdit) -> QLineEdit:
    """A stand's or an authority's number: 1 to 999, large and bold (also for a form's
    field, whose relative font size Designer cannot say)."""
    edit.setValidator(QIntValidator(1, 999, edit))
    edit.setMaximumWidth(90)
    font = edit.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    edit.setFont(font)
    return edit


def clock_time(iso: str) -> str:
    """A stored UTC instant as this computer's HH:MM."""
    try:
        moment = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return dates.format_time(moment)


class FairPanel(Panel):
    """What the fair panels share: the tables they read, a feedback line, printing."""

    tables = FAIR_TABLES

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.feedback = status_line(QLabel(objectName="fair_feedback"))
        self.feedback.setWordWrap(True)
        self.task: workers.Task | None = None
        self.last_pdf: Path | None = None

    def stands(self) -> list:
        return self.repo.fair.stands(self.session_id) if self.repo is not None else []

    def authorities(self) -> list:
        return self.repo.fair.authorities(self.session_id) if self.repo is not None else []

    def print_pdf(self, title: str, suggested: str, make) -> None:
        """Ask where, then write the PDF in the background on a read-only connection."""
        if self.repo is None or self.task is not None:
            return
        folder = start_folder(self.repo)
        chosen = FairFiles.ask_save_path(self, title, str(folder / suggested))
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        session_id = self.session_id
        self.feedback.setText(_("Preparando el PDF…"))
        self.task = workers.run_read(self.repo.path,
                                     lambda repo, _task: make(repo, session_id, target),
                                     on_result=self._printed, on_error=self._failed)
        self.task.finished.connect(self._task_done)

    def _printed(self, target: Path) -> None:
        self.last_pdf = Path(target)
        self.feedback.setText(_("PDF guardado en {path}. Ábralo para imprimirlo.").format(
            path=target))

    def _failed(self, err: BaseException) -> None:
        message = err.message if isinstance(err, CocreaError) else str(err)
        self.feedback.setText(_("No se pudo hacer el PDF: {reason}").format(reason=message))
        box = QMessageBox(QMessageBox.Icon.Warning, _("CoCrea"), self.feedback.text(),
                          QMessageBox.StandardButton.Ok, self)
        box.open()

    def _task_done(self) -> None:
        self.task = None


def html_text(text: str) -> str:
    from html import escape

    return escape(text or "")
