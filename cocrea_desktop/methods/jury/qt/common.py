"""What the jury's panels share: the tables they follow, a feedback line, file dialogs that
tests replace, a small read-only table, and printing a PDF in the background."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.i18n import _
from cocrea_desktop.methods.jury.store import TABLES
from cocrea_desktop.ui import workers
from cocrea_desktop.ui.places import start_folder
from cocrea_desktop.ui.views.panel import Panel
from cocrea_desktop.ui.widgets.fit import wrap_rows


class JuryFiles:
    """Where to save a PDF and which documents to hash: tests replace these."""

    @staticmethod
    def ask_save_path(parent: QWidget, title: str, suggested: str) -> str | None:
        name, _filter = QFileDialog.getSaveFileName(parent, title, suggested,
                                                    _("Documentos PDF (*.pdf)"))
        return name or None

    @staticmethod
    def ask_documents(parent: QWidget, title: str, folder: str) -> list[str]:
        names, _filter = QFileDialog.getOpenFileNames(parent, title, folder)
        return list(names)


def rows_table(name: str, stretch: int = -1) -> QTableWidget:
    table = QTableWidget(objectName=name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    table.setProperty("stretch_column", stretch)
    wrap_rows(table)
    return table


def fill(table: QTableWidget, headers: Sequence[str], rows: Sequence[Sequence[object]],
         keys: Sequence[object] = ()) -> None:
    """Show ``rows``; each row remembers its key (``key_of``)."""
    selected = key_of(table)
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            if keys:
                item.setData(256, keys[r])
            table.setItem(r, c, item)
    stretch = table.property("stretch_column")
    header = table.horizontalHeader()
    if isinstance(stretch, int) and 0 <= stretch < len(headers):
        # One text column takes the room left and wraps; the others fit their contents.
        header.setStretchLastSection(False)
        for column in range(len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch
                                        if column == stretch
                                        else QHeaderView.ResizeMode.ResizeToContents)
    if selected is not None and keys and selected in keys:
        table.selectRow(list(keys).index(selected))


def key_of(table: QTableWidget) -> object:
    rows = table.selectionModel().selectedRows() if table.selectionModel() else []
    if not rows:
        return None
    item = table.item(rows[0].row(), 0)
    return item.data(256) if item is not None else None


class JuryPanel(Panel):
    tables = TABLES

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.feedback = QLabel(objectName="jury_feedback")
        self.feedback.setWordWrap(True)
        self.task: workers.Task | None = None
        self.last_pdf: Path | None = None

    def print_pdf(self, title: str, suggested: str, make) -> None:
        """Ask where, then write the PDF in the background on a read-only connection."""
        if self.repo is None or self.task is not None:
            return
        chosen = JuryFiles.ask_save_path(self, title, str(start_folder(self.repo) / suggested))
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
        QMessageBox(QMessageBox.Icon.Warning, _("CoCrea"), self.feedback.text(),
                    QMessageBox.StandardButton.Ok, self).open()

    def _task_done(self) -> None:
        self.task = None
