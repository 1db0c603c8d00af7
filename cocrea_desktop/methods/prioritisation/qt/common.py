"""What prioritisation's panels share: the tables they follow, a feedback line, a plain
table model of strings, and one way to act (call the store, announce the change, show a
refusal in the user's language)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QWidget

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.models.base import DISPLAY_ROLES, Role, RowsModel
from cocrea_desktop.ui.views.panel import Panel, status_line, table_view

PRIO_TABLES = ("prioritisation_setup", "prioritisation_item", "prioritisation_score",
               "prioritisation_count", "prioritisation_agreement", "proposal", "session")

TextRow = tuple[Any, list[str]]


class TextRowsModel(RowsModel[TextRow]):
    """Read-only rows of strings already in the current language, each with its key."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []

    def columns(self) -> list[tuple[str, str]]:
        return [(str(i), title) for i, title in enumerate(self.headers)]

    def header_text(self, key: str, title: str) -> str:
        return title

    def set_table(self, headers: list[str], rows: list[TextRow]) -> None:
        self.beginResetModel()
        self.headers, self._rows = list(headers), list(rows)
        self.endResetModel()

    def cell(self, row: TextRow, key: str, role: int) -> Any:
        item, cells = row
        if role == Role.ID:
            return item
        if role in DISPLAY_ROLES:
            column = int(key)
            return cells[column] if column < len(cells) else ""
        return None

    def key_at(self, row: int) -> Any:
        found = self.row_at(row)
        return found[0] if found is not None else None


def rows_view(model: TextRowsModel, name: str, *, multi: bool = False) -> QTableView:
    view = table_view(model, name, multi=multi)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


def selected_keys(view: QTableView) -> list[Any]:
    model = view.model()
    rows = sorted(i.row() for i in view.selectionModel().selectedRows()) \
        if view.selectionModel() else []
    return [model.key_at(r) for r in rows]


class PrioPanel(Panel):
    tables = PRIO_TABLES

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.feedback = status_line(QLabel(objectName="prio_feedback"))
        self.feedback.setWordWrap(True)

    @property
    def store(self):  # noqa: ANN201 - the method's store
        return self.repo.prioritisation

    def act(self, action: Callable[[], Changes], done: str = "") -> bool:
        """Run one store action; announce its change, or show why it was refused."""
        if self.repo is None:
            return False
        try:
            changes = action()
        except CocreaError as err:  # bad input changes nothing
            ops.show_error(self, err)
            return False
        ops.bus().changed.emit(changes)
        if done:
            self.feedback.setText(done)
        return True


def wrapped(text: str, width: int = 16) -> str:
    """A column title on two or three short lines (the criteria's names are long)."""
    import textwrap

    return "\n".join(textwrap.wrap(text, width)) or text


def fit_title_column(view: QTableView, column: int, natural: int) -> None:
    """The title column takes what the others leave, so that every score stays on screen at
    1024 wide (the title wraps onto more lines instead)."""
    model = view.model()
    if model is None or model.columnCount() <= column:
        return
    others = sum(view.columnWidth(c) for c in range(model.columnCount()) if c != column)
    room = view.viewport().width() - others - 4
    width = max(160, min(natural, room))
    if width != view.columnWidth(column):
        view.setColumnWidth(column, width)


def interactive_columns(view: QTableView) -> None:
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)


class PrioFiles:
    """Where to save a PDF, which spreadsheet to import: tests replace these (None =
    cancelled)."""

    @staticmethod
    def ask_save_path(parent: QWidget, title: str, suggested: str) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        from cocrea_desktop.i18n import _

        name, _filter = QFileDialog.getSaveFileName(parent, title, suggested,
                                                    _("Documentos PDF (*.pdf)"))
        return name or None

    @staticmethod
    def ask_open_path(parent: QWidget, title: str, folder: str) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        from cocrea_desktop.i18n import _

        name, _filter = QFileDialog.getOpenFileName(
            parent, title, folder, _("Hojas de cálculo (*.csv *.xlsx)"))
        return name or None


def save_pdf(panel: PrioPanel, title: str, suggested: str, make) -> None:  # noqa: ANN001
    """Ask where, then write the PDF in the background on a read-only connection."""
    from pathlib import Path

    from cocrea_desktop.i18n import _
    from cocrea_desktop.ui import workers
    from cocrea_desktop.ui.places import start_folder

    if panel.repo is None or getattr(panel, "task", None) is not None:
        return
    chosen = PrioFiles.ask_save_path(panel, title, str(start_folder(panel.repo) / suggested))
    if not chosen:
        return
    target = Path(chosen)
    if target.suffix.lower() != ".pdf":
        target = target.with_suffix(".pdf")
    session_id = panel.session_id
    panel.feedback.setText(_("Preparando el PDF…"))

    def done(path) -> None:  # noqa: ANN001
        panel.last_pdf = Path(path)
        panel.feedback.setText(_("PDF guardado en {path}. Ábralo para imprimirlo.").format(
            path=path))

    def failed(err: BaseException) -> None:
        message = err.message if isinstance(err, CocreaError) else str(err)
        panel.feedback.setText(_("No se pudo hacer el PDF: {reason}").format(reason=message))

    panel.task = workers.run_read(panel.repo.path,
                                  lambda repo, _task: make(repo, session_id, target),
                                  on_result=done, on_error=failed)
    panel.task.finished.connect(lambda: setattr(panel, "task", None))
