"""Table laptops in the window: prepare their starting files, see which came back.

*Preparar computadoras de mesa…* (menu Archivo): tables named, each session assigned
to one table by a tick in its column, a folder (the USB stick) chosen. Every check runs
before anything is written (``export.tables.prepare_tables`` through ui.operations);
a problem is said in place, in Spanish. Then the files are written off the GUI thread,
with a progress bar, and each table's code is shown and printed on the office's sheet.

*Computadoras de mesa…* lists the table laptops and whether each came back; it opens by
itself after an import that brought one back.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.i18n import _
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.store.tables import TablePlan
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.places import start_folder
from cocrea_desktop.ui.qt_i18n import language_signal
from cocrea_desktop.ui.widgets.fit import fit_window, wrap_list
from cocrea_desktop.ui.workers import run_read


class TablesDialog(QDialog):
    """Prepare the table laptops of one day: one starting file per table."""

    prepare_finished = Signal(object)  # the files written, or the error

    def __init__(self, parent: QWidget | None, repo: Repo) -> None:
        super().__init__(parent)
        self.setObjectName("TablesDialog")
        self.repo = repo
        self.task = None
        self.tables: list[str] = []
        self.prepared: list = []
        self.written: list[Path] = []
        self.sheet: Path | None = None
        fit_window(self, 900, 640)
        layout = QVBoxLayout(self)
        self.intro = QLabel(objectName="tables_intro")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        row = QHBoxLayout()
        layout.addLayout(row)
        self.name_edit = QLineEdit(objectName="table_name")
        self.name_edit.returnPressed.connect(lambda: self.add_table())
        row.addWidget(self.name_edit, 1)
        self.add_button = QPushButton(objectName="add_table")
        self.add_button.clicked.connect(lambda _checked=False: self.add_table())
        self.add_button.setAutoDefault(False)
        row.addWidget(self.add_button)
        self.remove_button = QPushButton(objectName="remove_table")
        self.remove_button.clicked.connect(self.remove_table)
        self.remove_button.setAutoDefault(False)
        row.addWidget(self.remove_button)

        self.sessions = repo.sessions()
        self.grid = QTableWidget(len(self.sessions), 1, objectName="assignments")
        self.grid.verticalHeader().hide()
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setWordWrap(True)
        for r, session in enumerate(self.sessions):
            item = QTableWidgetItem(f"{repo.session_title(session)} — {session.question}")
            item.setData(Qt.ItemDataRole.UserRole, session.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.grid.setItem(r, 0, item)
        self.grid.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.grid.itemChanged.connect(self._assignment_changed)
        layout.addWidget(self.grid, 1)
        self._problem_shown = False  # a check's message, cleared once the grid changes

        dest = QHBoxLayout()
        layout.addLayout(dest)
        self.destination_label = QLabel()
        dest.addWidget(self.destination_label)
        self.destination = QComboBox(objectName="destination")
        from cocrea_desktop.ui.dialogs.bundle_dialogs import removable_folders

        for label, folder in removable_folders():
            self.destination.addItem(label, folder)
        dest.addWidget(self.destination, 1)
        self.other_folder = QPushButton(objectName="other_folder")
        self.other_folder.setAutoDefault(False)
        self.other_folder.clicked.connect(self.choose_folder)
        dest.addWidget(self.other_folder)

        self.progress = QProgressBar(objectName="progress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        layout.addWidget(self.progress)
        self.status = QLabel(objectName="status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.codes = QTableWidget(0, 3, objectName="codes")
        self.codes.verticalHeader().hide()
        self.codes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.codes.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.codes.hide()
        layout.addWidget(self.codes)

        self.buttons = QDialogButtonBox()
        self.prepare_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.sheet_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.prepare_button.setObjectName("prepare")
        self.sheet_button.setObjectName("open_sheet")
        self.prepare_button.clicked.connect(self.start)
        self.sheet_button.clicked.connect(self.open_sheet)
        self.close_button.clicked.connect(self.reject)
        self.sheet_button.hide()
        # Enter in the table's name adds the table, and only that: no button of the dialog
        # is pressed by Enter (it used to prepare the files at once, with the new table
        # still without sessions).
        for button in (self.prepare_button, self.sheet_button, self.close_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        layout.addWidget(self.buttons)
        self.retranslate()
        language_signal().changed.connect(self.retranslate)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # The button box makes its first accept button the default when shown: undone, so
        # that Enter in the table's name only adds the table.
        for button in (self.prepare_button, self.sheet_button, self.close_button):
            button.setDefault(False)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                not isinstance(self.focusWidget(), QPushButton):
            event.accept()  # Enter outside a button presses nothing
            return
        super().keyPressEvent(event)

    def retranslate(self, *_args) -> None:
        self.setWindowTitle(_("Preparar computadoras de mesa"))
        self.intro.setText(_(
            "Cada mesa recibe un archivo con sus sesiones: la computadora de la mesa lo abre "
            "como el mismo proceso, y al final del día su paquete regresa a esta computadora. "
            "Escriba el nombre de cada mesa y marque sus sesiones (cada sesión va a una sola "
            "mesa)."))
        self.name_edit.setPlaceholderText(_("Nombre de la mesa, por ejemplo: Mesa 1"))
        self.add_button.setText(_("Agregar mesa"))
        self.remove_button.setText(_("Quitar mesa"))
        self.remove_button.setToolTip(_("Quitar la mesa de la columna elegida"))
        self.destination_label.setText(_("Guardar en:"))
        self.other_folder.setText(_("Otra carpeta…"))
        self.prepare_button.setText(_("Preparar archivos"))
        self.sheet_button.setText(_("Abrir la hoja para imprimir"))
        self.close_button.setText(_("Cerrar"))
        self.grid.setHorizontalHeaderLabels([_("Sesión"), *self.tables])
        self.codes.setHorizontalHeaderLabels([_("Mesa"), _("Archivo"), _("Código")])

    # -- tables and sessions -------------------------------------------------
    def add_table(self, name: str | None = None) -> None:
        name = " ".join((self.name_edit.text() if name is None else name).split())
        if not name:
            self.status.setText(_("Escriba el nombre de la mesa antes de agregarla."))
            return
        if name.casefold() in {t.casefold() for t in self.tables}:
            self.status.setText(_("Hay dos mesas llamadas «{name}»: cada mesa necesita un "
                                  "nombre distinto.").format(name=name))
            return
        self.tables.append(name)
        column = self.grid.columnCount()
        self.grid.insertColumn(column)
        for r in range(len(self.sessions)):
            item = QTableWidgetItem()
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.grid.setItem(r, column, item)
        self.grid.setHorizontalHeaderItem(column, QTableWidgetItem(name))
        self.grid.horizontalHeader().setSectionResizeMode(
            column, QHeaderView.ResizeMode.ResizeToContents)
        self.name_edit.clear()
        self.status.clear()

    def _assignment_changed(self, _item=None) -> None:
        """A tick changed: a check's message about the plan no longer holds."""
        if self._problem_shown:
            self._problem_shown = False
            self.status.clear()

    def remove_table(self) -> None:
        column = self.grid.currentColumn()
        if column < 1:
            column = self.grid.columnCount() - 1
        if column < 1:
            return
        self.grid.removeColumn(column)
        del self.tables[column - 1]

    def set_checked(self, table: str, session_id: str, checked: bool = True) -> None:
        column = self.tables.index(table) + 1
        for r, session in enumerate(self.sessions):
            if session.id == session_id:
                self.grid.item(r, column).setCheckState(
                    Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def plan(self) -> list[TablePlan]:
        plan = []
        for c, name in enumerate(self.tables, start=1):
            ids = tuple(s.id for r, s in enumerate(self.sessions)
                        if self.grid.item(r, c).checkState() == Qt.CheckState.Checked)
            plan.append(TablePlan(name, ids))
        return plan

    def choose_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self, _("Elegir carpeta"),
                                                  str(start_folder(self.repo)))
        if folder:
            self.set_folder(folder)

    def set_folder(self, folder: str) -> None:
        index = self.destination.findData(folder)
        if index < 0:
            self.destination.addItem(folder, folder)
            index = self.destination.count() - 1
        self.destination.setCurrentIndex(index)

    # -- preparing -----------------------------------------------------------
    def start(self) -> None:
        try:
            prepared, folder = ops.prepare_tables(repo=self.repo, plan=self.plan(),
                                                  folder=self.destination.currentData())
        except CocreaError as err:
            self.status.setText(err.message)
            self._problem_shown = True
            return
        self._problem_shown = False
        self.prepared = prepared
        self.prepare_button.setEnabled(False)
        self.status.setText(_("Escribiendo los archivos de las mesas… no retire la memoria."))
        device = self.repo.pf.device

        def work(repo, task):
            from cocrea_desktop.export import tables

            written = tables.write_table_files(repo.path, prepared, folder, device=device,
                                               progress=task.progress)
            when = repo.tables.get(prepared[0].id).prepared_at
            sheet = tables.render_and_write_sheet(repo, prepared,
                                                  tables.sheet_path(repo.path, when))
            return written, sheet

        self.task = run_read(self.repo.path, work, on_result=self._done, on_error=self._failed,
                             on_progress=self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(done * 100 / max(total, 1)))

    def _done(self, result) -> None:
        self.written, self.sheet = result
        self.progress.setValue(100)
        self.codes.setRowCount(len(self.prepared))
        for r, (table, path) in enumerate(zip(self.prepared, self.written)):
            for c, text in enumerate((table.name, path.name, table.code)):
                self.codes.setItem(r, c, QTableWidgetItem(text))
        self.codes.resizeColumnsToContents()
        self.codes.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.codes.show()
        self.sheet_button.show()
        self.status.setText(_(
            "Archivos escritos y comprobados en la memoria: ya puede retirarla. La hoja con "
            "los códigos se guardó en esta computadora, no en la memoria: «{sheet}», en la "
            "carpeta {folder}. Imprímala y entregue a cada mesa su código en persona: la "
            "computadora de la mesa lo pide al abrir su archivo.").format(
            sheet=self.sheet.name, folder=self.sheet.parent))
        self.prepare_finished.emit(self.written)

    def _failed(self, err: BaseException) -> None:
        self.prepare_button.setEnabled(True)
        self.progress.setValue(0)
        self.status.setText(err.message if isinstance(err, CocreaError) else str(err))
        self.prepare_finished.emit(err)

    def open_sheet(self) -> None:
        if self.sheet is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.sheet)))


class TablesStatusDialog(QDialog):
    """The office's view of the day: each table laptop and whether it came back."""

    def __init__(self, parent: QWidget | None, repo: Repo) -> None:
        super().__init__(parent)
        self.setObjectName("TablesStatusDialog")
        self.repo = repo
        fit_window(self, 640, 420)
        layout = QVBoxLayout(self)
        self.summary = QLabel(objectName="tables_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.list = QListWidget(objectName="tables_status")
        wrap_list(self.list)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout.addWidget(buttons)
        self.retranslate()
        language_signal().changed.connect(self.retranslate)

    def retranslate(self, *_args) -> None:
        self.setWindowTitle(_("Computadoras de mesa"))
        self.close_button.setText(_("Cerrar"))
        laptops = self.repo.tables.list()
        back = sum(1 for t in laptops if t.came_back)
        self.summary.setText(_("Regresaron {back} de {total} computadoras de mesa.").format(
            back=back, total=len(laptops)) if laptops else
            _("Este proceso no tiene computadoras de mesa preparadas."))
        self.list.clear()
        for laptop, line in zip(laptops, self.repo.tables.status_lines()):
            self.list.addItem(("✔ " if laptop.came_back else "… ") + line)

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]
