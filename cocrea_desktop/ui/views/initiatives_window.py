"""«Iniciativas existentes»: what is already being done on the topic, for the diagnosis.

A table of the initiatives and a form under it (Enter adds or saves); they go into
CEPAL's first report, written from here as PDF or an editable document.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.store.initiatives import KINDS, STATUSES, Initiative
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.models.base import Role, RowsModel
from cocrea_desktop.ui.qt_i18n import language_signal
from cocrea_desktop.ui.widgets.fit import fit_window, wrap_rows
from cocrea_desktop.ui.widgets.window_undo import own_undo, show_undo

#: What this window's «Deshacer» takes back: its own actions only.
UNDO_ACTIONS = ("initiative.",)


class InitiativesModel(RowsModel[Initiative]):
    COLUMNS = (("number", N_("Núm.")), ("name", N_("Iniciativa")), ("kind", N_("Tipo")),
               ("responsible", N_("Quién la realiza")), ("theme", N_("Tema")),
               ("territory", N_("Territorio")), ("status", N_("Estado")),
               ("years", N_("Periodo")))

    def cell(self, i: Initiative, key: str, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if key == "kind":
                return i.kind_text
            if key == "status":
                return i.status_text
            if key == "name" and role == Qt.ItemDataRole.ToolTipRole and i.note:
                return f"{i.name}\n{i.note}"
            return str(getattr(i, key)) or "—"
        if role == Role.ID:
            return i.id
        if role == Role.OBJECT:
            return i
        return None


class InitiativesWindow(QDialog):
    """The existing initiatives of the open process (one per file, kept by the main window)."""

    def __init__(self, repo: Repo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("initiatives_window")
        self.repo = repo
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        fit_window(self, 1100, 650)
        layout = QVBoxLayout(self)
        self.hint = QLabel(objectName="initiatives_hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.model = InitiativesModel(self)
        self.table = QTableView(objectName="initiatives_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # Tab leaves the list for the form (not cell by cell): keyboard-only editing.
        self.table.setTabKeyNavigation(False)
        wrap_rows(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The long texts share the width and wrap (no sideways scrolling at 1024 pixels).
        for column in (1, 3, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

        form = QGridLayout()
        layout.addLayout(form)
        self.f_name = QLineEdit(objectName="initiative_name")
        self.f_kind = QComboBox(objectName="initiative_kind")
        self.f_responsible = QLineEdit(objectName="initiative_responsible")
        self.f_theme = QComboBox(objectName="initiative_theme")
        self.f_theme.setEditable(True)
        self.f_territory = QLineEdit(objectName="initiative_territory")
        self.f_status = QComboBox(objectName="initiative_status")
        self.f_years = QLineEdit(objectName="initiative_years")
        self.f_note = QLineEdit(objectName="initiative_note")
        self.labels: dict[str, QLabel] = {}
        spots = (("name", self.f_name, 0, 0, 3), ("kind", self.f_kind, 1, 0, 1),
                 ("responsible", self.f_responsible, 1, 2, 1),
                 ("theme", self.f_theme, 2, 0, 1), ("territory", self.f_territory, 2, 2, 1),
                 ("status", self.f_status, 3, 0, 1), ("years", self.f_years, 3, 2, 1),
                 ("note", self.f_note, 4, 0, 3))
        for key, widget, row, col, span in spots:
            label = QLabel()
            label.setBuddy(widget)
            self.labels[key] = label
            form.addWidget(label, row, col)
            form.addWidget(widget, row, col + 1, 1, span)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)

        buttons = QHBoxLayout()
        layout.addLayout(buttons)
        self.add_button = QPushButton(objectName="initiative_add")
        self.save_button = QPushButton(objectName="initiative_save")
        self.new_button = QPushButton(objectName="initiative_new")
        self.remove_button = QPushButton(objectName="initiative_remove")
        self.import_button = QPushButton(objectName="initiatives_import")
        self.report_button = QPushButton(objectName="initiatives_report")
        self.undo_button = QPushButton(objectName="initiatives_undo")
        self.close_button = QPushButton(objectName="initiatives_close")
        for b in (self.add_button, self.save_button, self.new_button, self.remove_button,
                  self.import_button, self.report_button, self.undo_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.close_button.setAutoDefault(False)
        buttons.addWidget(self.close_button)

        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save)
        self.new_button.clicked.connect(self.new)
        self.remove_button.clicked.connect(self.remove)
        self.import_button.clicked.connect(self.import_table)
        self.report_button.clicked.connect(self.write_report)
        self.undo_button.clicked.connect(self.undo)
        self.close_button.clicked.connect(self.close)
        for edit in (self.f_name, self.f_responsible, self.f_territory, self.f_years,
                     self.f_note):
            edit.returnPressed.connect(self.enter)
        self.f_theme.lineEdit().returnPressed.connect(self.enter)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self.load())
        ops.bus().changed.connect(self.on_changes)
        language_signal().changed.connect(self._on_language)  # a slot: gone with the window
        self.retranslate()
        self.refresh()
        self.f_name.setFocus()

    # -- words -----------------------------------------------------------------------
    def _on_language(self, _code: str) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Iniciativas existentes"))
        self.hint.setText(_("Lo que ya se hace sobre el tema (programas de gobierno, proyectos, "
                            "reglamentos, iniciativas ciudadanas), para el diagnóstico y el "
                            "primer informe. Intro agrega o guarda; Esc cierra."))
        words = {"name": _("I&niciativa:"), "kind": _("&Tipo:"),
                 "responsible": _("&Quién la realiza:"), "theme": _("T&ema:"),
                 "territory": _("Te&rritorio:"), "status": _("E&stado:"),
                 "years": _("Peri&odo:"), "note": _("N&ota:")}
        for key, text in words.items():
            self.labels[key].setText(text)
        for combo, table, default in ((self.f_kind, KINDS, "programme"),
                                      (self.f_status, STATUSES, "running")):
            current = combo.currentData()
            combo.clear()
            for key, name in table.items():
                combo.addItem(_(name), key)
            combo.setCurrentIndex(max(0, combo.findData(current or default)))
        self.add_button.setText(_("&Agregar"))
        self.save_button.setText(_("&Guardar cambios"))
        self.new_button.setText(_("&Nueva"))
        self.remove_button.setText(_("&Quitar"))
        self.import_button.setText(_("&Importar tabla…"))
        self.report_button.setText(_("&Primer informe…"))
        self.report_button.setToolTip(_("El primer informe (diagnóstico) en PDF o Word: "
                                        "la ruta, estas iniciativas, el mapa de actores y las "
                                        "propuestas de la administración"))
        self.undo_button.setText(_("&Deshacer"))
        self.close_button.setText(_("Cerrar (Esc)"))
        self.model.retranslate()

    # -- reading ---------------------------------------------------------------------
    def current(self) -> Initiative | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def on_changes(self, changes: Changes) -> None:
        self._update_undo()
        if changes.everything or changes.touches("initiative"):
            self.refresh()
            if changes.created_kind == "initiative" and changes.created:
                self.select(changes.created)

    def refresh(self) -> None:
        if self.repo.closed:
            return
        chosen = self.current()
        self.model.update_rows(self.repo.initiatives.list(), key=lambda i: i.id)
        self.model.repaint()
        theme = self.f_theme.currentText()
        self.f_theme.clear()
        self.f_theme.addItems(["", *self.repo.initiatives.themes()])
        self.f_theme.setCurrentText(theme)
        if chosen is not None:
            self.select(chosen.id)
        self.load()

    def select(self, initiative_id: str) -> None:
        row = self.model.row_where(lambda i: i.id == initiative_id)
        if row >= 0:
            self.table.selectRow(row)

    def _update_undo(self) -> None:
        """The button says what it undoes (the last action of the process, maybe made in
        another window), and is off when there is nothing to undo."""
        show_undo(self.undo_button, self.repo, UNDO_ACTIONS)

    def load(self) -> None:
        self._update_undo()
        i = self.current()
        writable = not self.repo.read_only
        self.add_button.setEnabled(writable)
        self.import_button.setEnabled(writable)
        for b in (self.save_button, self.remove_button):
            b.setEnabled(writable and i is not None)
        if i is None:
            return
        self.f_name.setText(i.name)
        self.f_kind.setCurrentIndex(max(0, self.f_kind.findData(i.kind)))
        self.f_responsible.setText(i.responsible)
        self.f_theme.setCurrentText(i.theme)
        self.f_territory.setText(i.territory)
        self.f_status.setCurrentIndex(max(0, self.f_status.findData(i.status)))
        self.f_years.setText(i.years)
        self.f_note.setText(i.note)

    def values(self) -> dict[str, Any]:
        return {"kind": self.f_kind.currentData(), "responsible": self.f_responsible.text(),
                "theme": self.f_theme.currentText(), "territory": self.f_territory.text(),
                "status": self.f_status.currentData(), "years": self.f_years.text(),
                "note": self.f_note.text()}

    # -- acting ----------------------------------------------------------------------
    def enter(self) -> None:
        """Enter: save the chosen initiative, or add a new one when none is chosen."""
        if self.current() is None:
            self.add()
        else:
            self.save()

    def new(self) -> None:
        """Clear the form for a new initiative (the kind, theme and status stay: a list is
        often typed theme by theme)."""
        self.table.clearSelection()
        self.table.setCurrentIndex(self.model.index(-1, -1))
        for edit in (self.f_name, self.f_responsible, self.f_territory, self.f_years,
                     self.f_note):
            edit.clear()
        self.load()
        self.f_name.setFocus()

    def add(self) -> None:
        made = ops.add_initiative(parent=self, repo=self.repo, name=self.f_name.text(),
                                  **self.values())
        if made is not None:
            self.new()

    def save(self) -> None:
        i = self.current()
        if i is not None:
            ops.edit_initiative(parent=self, repo=self.repo, initiative_id=i.id,
                                name=self.f_name.text(), **self.values())

    def remove(self) -> None:
        i = self.current()
        if i is not None:
            ops.remove_initiative(parent=self, repo=self.repo, initiative_id=i.id)
            self.new()

    def import_table(self) -> None:
        from cocrea_desktop.ui.places import start_folder

        path, _filter = QFileDialog.getOpenFileName(
            self, _("Importar iniciativas"), str(start_folder(self.repo)),
            _("Tablas (*.csv *.xlsx)"))
        if path:
            n = ops.import_initiatives(parent=self, repo=self.repo, path=path)
            if n:
                QMessageBox.information(self, _("Iniciativas existentes"),
                                        _("Iniciativas importadas: {n}.").format(n=n))

    def write_report(self) -> None:
        """The first report, through the «Informes» menu's own path (PDF or Word, in the
        background with a progress bar)."""
        window = self.parent()
        evidence = getattr(window, "evidence", None)
        if evidence is not None:
            evidence.report("informe1")

    def undo(self) -> None:
        if own_undo(self.repo, UNDO_ACTIONS):
            ops.undo(parent=self, repo=self.repo)

