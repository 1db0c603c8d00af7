"""The working panels of an idea fair (*feria de ideas*), one per phase kind.

Keyboard first, as fast as a facilitator walking the room: numbers pick stands
and authorities, Enter saves. Every change goes through ``ui.operations``; each
panel re-reads when the one ``changed`` signal names a fair table. The promoter
team's contact person is personal data: it is shown (and typed) only in the
team registration panel, marked as such.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIntValidator, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core import dates
from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.i18n import _
from cocrea_desktop.store.fair import INTEREST_LEVELS, LETTER_STATUSES
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui import workers
from cocrea_desktop.ui.places import start_folder
from cocrea_desktop.ui.views.panels import Panel, banner, big, table_view
from cocrea_desktop.ui.views.vote_panels import VotePanel

FAIR_TABLES = ("fair_stand", "fair_authority", "fair_visit", "fair_interest", "fair_letter",
               "attachment", "session")
#: The order a matrix cell cycles through (Space, Enter or a click).
INTEREST_CYCLE: tuple[str | None, ...] = (None, "interested", "meeting", "commit")
#: Grey shades per level, always with the level in words (never colour alone).
INTEREST_SHADES = {"interested": 0.93, "meeting": 0.82, "commit": 0.68}
KeyRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


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


class RowsModel(QAbstractTableModel):
    """A read-only table of strings; each row keeps a key under ``KeyRole``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self.rows: list[tuple[Any, list[str]]] = []

    def set_rows(self, headers: list[str], rows: list[tuple[Any, list[str]]]) -> None:
        self.beginResetModel()
        self.headers, self.rows = headers, rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        key, cells = self.rows[index.row()]
        if role == KeyRole:
            return key
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cells[index.column()] if index.column() < len(cells) else ""
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None

    def key_at(self, row: int) -> Any:
        return self.rows[row][0] if 0 <= row < len(self.rows) else None


def rows_view(model: RowsModel, name: str, stretch: int = 1) -> QTableView:
    view = table_view(model, name)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    view.setProperty("stretch_column", stretch)
    return view


def fit_columns(view: QTableView, widths: list[int]) -> None:
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)


def selected_key(view: QTableView) -> Any:
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    if not rows:
        return None
    return view.model().key_at(rows[0].row())


def number_edit(name: str) -> QLineEdit:
    edit = QLineEdit(objectName=name)
    edit.setValidator(QIntValidator(1, 999, edit))
    edit.setMaximumWidth(90)
    font = edit.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    edit.setFont(font)
    return edit


def level_name(level: str | None) -> str:
    return _(INTEREST_LEVELS[level]) if level in INTEREST_LEVELS else "—"


def status_name(status: str) -> str:
    return _(LETTER_STATUSES[status]) if status in LETTER_STATUSES else status


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
        self.feedback = QLabel(objectName="fair_feedback")
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
        path, session_id = str(self.repo.path), self.session_id

        def work(_task: workers.Task) -> Path:
            from cocrea_desktop.store.repo import Repo

            with Repo.open(path, read_only=True) as repo:
                return make(repo, session_id, target)

        self.feedback.setText(_("Preparando el PDF…"))
        self.task = workers.run_task(work, on_result=self._printed, on_error=self._failed)
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


# -- 1. team registration -------------------------------------------------------------


class FairTeamsPanel(FairPanel):
    """Register the promoter teams fast: Tab between fields, Enter saves; F2 edits."""

    FIELDS = ("title", "summary", "problem", "theme", "organisation", "asks")
    PERSONAL = ("contact_name", "contact_phone")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editing_id: str | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter)

        left = QWidget()
        form_box = QVBoxLayout(left)
        form_box.setContentsMargins(0, 0, 0, 0)
        self.form_title = big(QLabel(objectName="team_form_title"), 1.2)
        form_box.addWidget(self.form_title)
        form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        self.edits: dict[str, QLineEdit] = {}
        self.number = number_edit("stand_number")
        self.labels["number"] = QLabel()
        form.addRow(self.labels["number"], self.number)
        for key in self.FIELDS:
            edit = QLineEdit(objectName="stand_" + key)
            edit.setMaxLength(500)
            self.edits[key] = edit
            self.labels[key] = QLabel()
            form.addRow(self.labels[key], edit)
        form_box.addLayout(form)
        self.personal = QGroupBox(objectName="personal_data")
        personal_form = QFormLayout(self.personal)
        for key in self.PERSONAL:
            edit = QLineEdit(objectName="stand_" + key)
            edit.setMaxLength(200)
            self.edits[key] = edit
            self.labels[key] = QLabel()
            personal_form.addRow(self.labels[key], edit)
        self.personal_note = QLabel(objectName="personal_note")
        self.personal_note.setWordWrap(True)
        personal_form.addRow(self.personal_note)
        self.personal.setStyleSheet("QGroupBox { border: 2px dashed palette(text); "
                                    "margin-top: 14px; padding-top: 6px; font-weight: bold; }"
                                    "QGroupBox::title { subcontrol-origin: margin; left: 8px; }")
        form_box.addWidget(self.personal)
        for label_key, label in self.labels.items():
            label.setBuddy(self.number if label_key == "number" else self.edits[label_key])
        buttons = QHBoxLayout()
        self.save_button = QPushButton(objectName="save_stand")
        self.cancel_button = QPushButton(objectName="cancel_edit")
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.clear_form)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        form_box.addLayout(buttons)
        form_box.addWidget(self.feedback)
        form_box.addStretch(1)
        for edit in [self.number, *self.edits.values()]:
            edit.returnPressed.connect(self.save)
        splitter.addWidget(left)

        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        self.count = big(QLabel(objectName="stand_count"), 1.2)
        right_box.addWidget(self.count)
        self.model = RowsModel(self)
        self.table = rows_view(self.model, "stands")
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        right_box.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.edit_button = QPushButton(objectName="edit_stand")
        self.edit_button.clicked.connect(self.edit_selected)
        row.addStretch(1)
        row.addWidget(self.edit_button)
        right_box.addLayout(row)
        splitter.addWidget(right)
        splitter.setSizes([560, 790])
        self.shortcut("F2", self.edit_selected)
        self.shortcut("Escape", self.clear_form)
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.edits["title"]

    def refresh(self) -> None:
        if self.repo is None:
            return
        stands = self.stands()
        self.model.set_rows(
            [_("Stand"), _("Proyecto"), _("Tema"), _("Equipo promotor"), _("Lo que piden")],
            [(s.id, [str(s.number), s.title, s.theme, s.organisation, s.asks]) for s in stands])
        fit_columns(self.table, [60, 270, 110, 170])
        self.count.setText(_("Equipos registrados: {count}").format(count=len(stands)))
        if self.editing_id is None:
            self.number.setPlaceholderText(str(max((s.number for s in stands), default=0) + 1))

    def values(self) -> dict[str, str]:
        return {k: e.text() for k, e in self.edits.items()}

    def save(self) -> None:
        if self.repo is None:
            return
        values = self.values()
        if not values["title"].strip():
            self.feedback.setText(_("Escriba al menos el título del proyecto."))
            self.edits["title"].setFocus()
            return
        if self.editing_id is not None:
            if ops.edit_stand(parent=self, repo=self.repo, stand_id=self.editing_id, **values):
                self.feedback.setText(_("Cambios guardados."))
                self.clear_form()
            return
        title = values.pop("title")
        number = int(self.number.text()) if self.number.text() else None
        stand = ops.add_stand(parent=self, repo=self.repo, session_id=self.session_id,
                              title=title, number=number, **values)
        if stand is not None:
            self.feedback.setText(_("Stand {number} registrado: {title}").format(
                number=stand.number, title=stand.title))
            self.clear_form()

    def clear_form(self) -> None:
        self.editing_id = None
        self.number.setEnabled(True)
        self.number.setText("")
        for edit in self.edits.values():
            edit.setText("")
        self.retranslate_form()
        self.refresh()
        self.edits["title"].setFocus()

    def edit_selected(self) -> None:
        stand_id = selected_key(self.table)
        stand = next((s for s in self.stands() if s.id == stand_id), None)
        if stand is None:
            return
        self.editing_id = stand.id
        self.number.setText(str(stand.number))
        self.number.setEnabled(False)
        for key, edit in self.edits.items():
            edit.setText(getattr(stand, key))
        self.retranslate_form()
        self.edits["title"].setFocus()
        self.edits["title"].selectAll()

    def retranslate_form(self) -> None:
        if self.editing_id is None:
            self.form_title.setText(_("Nuevo equipo promotor"))
            self.save_button.setText(_("Registrar (Intro)"))
        else:
            self.form_title.setText(_("Editar el stand {number}").format(
                number=self.number.text()))
            self.save_button.setText(_("Guardar cambios (Intro)"))
        self.cancel_button.setVisible(self.editing_id is not None)

    def retranslate(self) -> None:
        names = {
            "number": _("&Stand núm.:"), "title": _("&Proyecto:"),
            "summary": _("&Resumen (una línea):"), "problem": _("Pro&blema:"),
            "theme": _("&Tema:"), "organisation": _("&Organización promotora:"),
            "asks": _("&Lo que piden:"), "contact_name": _("Persona de &contacto:"),
            "contact_phone": _("Teléfon&o:"),
        }
        for key, label in self.labels.items():
            label.setText(names[key])
        self.number.setToolTip(_("Vacío: el siguiente número libre"))
        self.personal.setTitle(_("Datos personales"))
        self.personal_note.setText(_("Solo se muestran en esta pantalla, para el seguimiento. "
                                     "No se proyectan ni salen en la lista de stands."))
        self.cancel_button.setText(_("Cancelar (Esc)"))
        self.edit_button.setText(_("Editar el stand elegido (F2)"))
        self.retranslate_form()
        if self.repo is not None:
            self.refresh()


# -- 2. the stand map ---------------------------------------------------------------


class FairMapPanel(FairPanel):
    """The stands as a numbered map, and the list printed to PDF."""

    COLUMNS = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.title = big(QLabel(objectName="map_title"), 1.3)
        self.print_button = QPushButton(objectName="print_stand_list")
        self.print_button.clicked.connect(self.print_list)
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.print_button)
        layout.addLayout(top)
        self.empty = banner("no_stands")
        layout.addWidget(self.empty)
        scroll = QScrollArea(objectName="map_scroll")
        scroll.setWidgetResizable(True)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setSpacing(8)
        scroll.setWidget(self.grid_host)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.feedback)
        self.cards: list[QLabel] = []
        self.shortcut("Ctrl+P", self.print_list)
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.print_button

    def refresh(self) -> None:
        if self.repo is None:
            return
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        stands = self.stands()
        for i, stand in enumerate(stands):
            card = QLabel(objectName="stand_card")
            card.setTextFormat(Qt.TextFormat.RichText)
            card.setWordWrap(True)
            card.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            card.setMinimumHeight(96)
            card.setStyleSheet("QLabel { border: 2px solid palette(text); padding: 6px; "
                               "background: palette(base); }")
            card.setText(f"<span style='font-size:20pt; font-weight:bold'>{stand.number}</span><br>"
                         f"<b>{_escape(stand.title)}</b><br>{_escape(stand.organisation or stand.theme)}")
            self.grid.addWidget(card, i // self.COLUMNS, i % self.COLUMNS)
            self.cards.append(card)
        self.grid.setRowStretch(len(stands) // self.COLUMNS + 1, 1)
        self.empty.setText(_("Aún no hay stands: regístrelos en la fase anterior."))
        self.empty.setVisible(not stands)
        self.print_button.setEnabled(bool(stands))

    def print_list(self) -> None:
        from cocrea_desktop.export.pdf.fair import write_stand_list

        self.print_pdf(_("Guardar la lista de stands"), "lista-de-stands.pdf",
                       lambda repo, sid, target: write_stand_list(repo, sid, target))

    def retranslate(self) -> None:
        self.title.setText(_("Mapa de stands"))
        self.print_button.setText(_("Imprimir lista de stands"))
        self.print_button.setToolTip(_("Guardar la lista de stands en PDF para imprimirla "
                                       "(Ctrl+P); no lleva datos de contacto"))
        if self.repo is not None:
            self.refresh()


def _escape(text: str) -> str:
    from html import escape

    return escape(text or "")


# -- 3. authorities -------------------------------------------------------------------


class FairAuthoritiesPanel(FairPanel):
    """The authorities present: name, post, agency; Enter saves."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = big(QLabel(objectName="authorities_title"), 1.2)
        layout.addWidget(self.title)
        row = QHBoxLayout()
        self.name_label, self.post_label, self.agency_label = QLabel(), QLabel(), QLabel()
        self.name = QLineEdit(objectName="authority_name")
        self.post = QLineEdit(objectName="authority_post")
        self.agency = QLineEdit(objectName="authority_agency")
        for label, edit in ((self.name_label, self.name), (self.post_label, self.post),
                            (self.agency_label, self.agency)):
            label.setBuddy(edit)
            edit.returnPressed.connect(self.save)
            row.addWidget(label)
            row.addWidget(edit, 1)
        self.save_button = QPushButton(objectName="save_authority")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        layout.addWidget(self.feedback)
        self.model = RowsModel(self)
        self.table = rows_view(self.model, "authorities")
        layout.addWidget(self.table, 1)
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.name

    def refresh(self) -> None:
        if self.repo is None:
            return
        self.model.set_rows([_("Núm."), _("Nombre"), _("Cargo"), _("Dependencia")],
                            [(a.id, [str(a.number), a.name, a.post, a.agency])
                             for a in self.authorities()])
        fit_columns(self.table, [60, 330, 330])

    def save(self) -> None:
        if self.repo is None:
            return
        if not self.name.text().strip():
            self.feedback.setText(_("Escriba el nombre de la autoridad."))
            self.name.setFocus()
            return
        authority = ops.add_authority(parent=self, repo=self.repo, session_id=self.session_id,
                                      name=self.name.text(), post=self.post.text(),
                                      agency=self.agency.text())
        if authority is not None:
            self.feedback.setText(_("Autoridad {number} registrada: {label}").format(
                number=authority.number, label=authority.label()))
            for edit in (self.name, self.post, self.agency):
                edit.setText("")
            self.name.setFocus()

    def retranslate(self) -> None:
        self.title.setText(_("Autoridades presentes"))
        self.name_label.setText(_("&Nombre:"))
        self.post_label.setText(_("&Cargo:"))
        self.agency_label.setText(_("&Dependencia:"))
        self.save_button.setText(_("Registrar (Intro)"))
        if self.repo is not None:
            self.refresh()


# -- 4. visits ------------------------------------------------------------------------


class FairVisitsPanel(FairPanel):
    """Stand number, Enter, authority number, Enter: the visit is logged with the time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        entry = QHBoxLayout()
        self.stand_label = QLabel()
        self.stand = number_edit("visit_stand")
        self.stand_name = QLabel(objectName="visit_stand_name")
        self.authority_label = QLabel()
        self.authority = number_edit("visit_authority")
        self.authority_name = QLabel(objectName="visit_authority_name")
        self.note_label = QLabel()
        self.note = QLineEdit(objectName="visit_note")
        self.save_button = QPushButton(objectName="log_visit")
        self.stand_label.setBuddy(self.stand)
        self.authority_label.setBuddy(self.authority)
        self.note_label.setBuddy(self.note)
        for name_label in (self.stand_name, self.authority_name):
            name_label.setMinimumWidth(180)
            name_label.setMaximumWidth(260)
        entry.addWidget(self.stand_label)
        entry.addWidget(self.stand)
        entry.addWidget(self.stand_name)
        entry.addWidget(self.authority_label)
        entry.addWidget(self.authority)
        entry.addWidget(self.authority_name)
        entry.addWidget(self.note_label)
        entry.addWidget(self.note, 1)
        entry.addWidget(self.save_button)
        layout.addLayout(entry)
        self.feedback.setFont(big(QLabel(), 1.15).font())
        layout.addWidget(self.feedback)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.stands_model = RowsModel(self)
        self.stands_table = rows_view(self.stands_model, "visit_stands")
        self.authorities_model = RowsModel(self)
        self.authorities_table = rows_view(self.authorities_model, "visit_authorities")
        self.log_title = big(QLabel(objectName="visits_title"), 1.1)
        self.log_model = RowsModel(self)
        self.log = rows_view(self.log_model, "visits")
        lists = QWidget()
        lists_box = QVBoxLayout(lists)
        lists_box.setContentsMargins(0, 0, 0, 0)
        lists_box.addWidget(self.stands_table, 3)
        lists_box.addWidget(self.authorities_table, 2)
        log = QWidget()
        log_box = QVBoxLayout(log)
        log_box.setContentsMargins(0, 0, 0, 0)
        log_box.addWidget(self.log_title)
        log_box.addWidget(self.log, 1)
        splitter.addWidget(lists)
        splitter.addWidget(log)
        splitter.setSizes([520, 830])
        layout.addWidget(splitter, 1)
        for table in (self.stands_table, self.authorities_table, self.log):
            table.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.stand.returnPressed.connect(self._stand_entered)
        self.authority.returnPressed.connect(self.log_visit)
        self.note.returnPressed.connect(self.log_visit)
        self.save_button.clicked.connect(self.log_visit)
        self.stand.textChanged.connect(lambda _t: self._show_names())
        self.authority.textChanged.connect(lambda _t: self._show_names())
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.stand

    def refresh(self) -> None:
        if self.repo is None:
            return
        stands = {s.number: s for s in self.stands()}
        authorities = {a.number: a for a in self.authorities()}
        self.stands_model.set_rows([_("Stand"), _("Proyecto")],
                                   [(n, [str(n), s.title]) for n, s in stands.items()])
        self.authorities_model.set_rows([_("Núm."), _("Autoridad")],
                                        [(n, [str(n), a.label()])
                                         for n, a in authorities.items()])
        fit_columns(self.stands_table, [60])
        fit_columns(self.authorities_table, [60])
        visits = self.repo.fair.visits(self.session_id)
        self.log_model.set_rows(
            [_("Hora"), _("Stand"), _("Proyecto"), _("Autoridad"), _("Nota")],
            [(v.id, [clock_time(v.visited_at), str(v.stand_number),
                     stands[v.stand_number].title if v.stand_number in stands else "",
                     authorities[v.authority_number].name
                     if v.authority_number in authorities else "", v.notes])
             for v in reversed(visits)])
        fit_columns(self.log, [60, 60, 260, 200])
        self.log_title.setText(_("Visitas registradas: {count} (la más reciente arriba)")
                               .format(count=len(visits)))
        self._show_names()

    def _show_names(self) -> None:
        if self.repo is None:
            return
        stands = {s.number: s for s in self.stands()}
        authorities = {a.number: a for a in self.authorities()}
        s_num = int(self.stand.text()) if self.stand.text() else None
        a_num = int(self.authority.text()) if self.authority.text() else None
        self.stand_name.setText(stands[s_num].title if s_num in stands else
                                (_("No existe ese stand") if s_num else ""))
        self.authority_name.setText(authorities[a_num].name if a_num in authorities else
                                    (_("No existe esa autoridad") if a_num else ""))

    def _stand_entered(self) -> None:
        if self.stand.text():
            self.authority.setFocus()
            self.authority.selectAll()

    def log_visit(self) -> None:
        if self.repo is None:
            return
        if not self.stand.text():
            self.stand.setFocus()
            return
        if not self.authority.text():
            self.authority.setFocus()
            return
        stand, authority = int(self.stand.text()), int(self.authority.text())
        if ops.log_visit(parent=self, repo=self.repo, session_id=self.session_id,
                         stand_number=stand, authority_number=authority,
                         notes=self.note.text()) is not None:
            self.feedback.setText(_("Visita registrada a las {time}: stand {stand}, autoridad "
                                    "{authority}.").format(
                time=dates.format_time(dt.datetime.now()), stand=stand, authority=authority))
            self.stand.setText("")
            self.authority.setText("")
            self.note.setText("")
            self.stand.setFocus()

    def retranslate(self) -> None:
        self.stand_label.setText(_("&Stand:"))
        self.authority_label.setText(_("&Autoridad:"))
        self.note_label.setText(_("N&ota:"))
        self.note.setPlaceholderText(_("opcional"))
        self.save_button.setText(_("Registrar visita (Intro)"))
        self.stand.setToolTip(_("Número del stand; Intro pasa a la autoridad"))
        self.authority.setToolTip(_("Número de la autoridad; Intro registra la visita con la "
                                    "hora"))
        if self.repo is not None:
            self.refresh()


# -- 5. interest matrix ---------------------------------------------------------------


class InterestModel(QAbstractTableModel):
    """Stands (rows) x authorities (columns); each cell says its level in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stands: list = []
        self.authorities: list = []
        self.levels: dict[tuple[int, int], str] = {}

    def set_data(self, stands: list, authorities: list,
                 levels: dict[tuple[int, int], str]) -> None:
        self.beginResetModel()
        self.stands, self.authorities, self.levels = stands, authorities, levels
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.stands)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.authorities)

    def cell(self, index: Index) -> tuple[int, int] | None:
        if not index.isValid() or index.row() >= len(self.stands) \
                or index.column() >= len(self.authorities):
            return None
        return self.stands[index.row()].number, self.authorities[index.column()].number

    def level(self, index: Index) -> str | None:
        cell = self.cell(index)
        return self.levels.get(cell) if cell else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self.cell(index)
        if cell is None:
            return None
        level = self.levels.get(cell)
        if role == Qt.ItemDataRole.DisplayRole:
            return level_name(level) if level else "·"
        if role == KeyRole:
            return cell
        if role == Qt.ItemDataRole.ToolTipRole:
            return _("Stand {stand} · autoridad {authority}: {level}. Espacio o clic cambia."
                     ).format(stand=cell[0], authority=cell[1], level=level_name(level))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and level in INTEREST_SHADES:
            shade = int(255 * INTEREST_SHADES[level])
            return QBrush(QColor(shade, shade, shade))
        if role == Qt.ItemDataRole.ForegroundRole and level:
            return QBrush(QColor(0, 0, 0))
        if role == Qt.ItemDataRole.FontRole and level == "commit":
            font = QLabel().font()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.authorities):
            a = self.authorities[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return a.label()
            return f"{a.number}. {a.name}"
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.stands):
            s = self.stands[section]
            text = f"{s.number}. {s.title}"
            if role == Qt.ItemDataRole.DisplayRole and len(text) > 38:
                text = text[:37] + "…"
            return text
        return None


class InterestView(QTableView):
    """Space or Enter cycles the cell; 1, 2, 3 set a level; 0 or Delete clears it."""

    cycle = Signal(QModelIndex)
    set_level = Signal(QModelIndex, object)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        key = event.key()
        direct = {Qt.Key.Key_1: "interested", Qt.Key.Key_2: "meeting", Qt.Key.Key_3: "commit",
                  Qt.Key.Key_0: None, Qt.Key.Key_Delete: None, Qt.Key.Key_Backspace: None}
        if index.isValid() and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                                     Qt.KeyboardModifier.KeypadModifier):
            if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.cycle.emit(index)
                return
            if key in direct:
                self.set_level.emit(index, direct[key])
                return
        super().keyPressEvent(event)


class FairInterestPanel(FairPanel):
    """The interest matrix: *me interesa* / *pido reunión* / *firmo compromiso*."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.legend = QLabel(objectName="interest_legend")
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        self.model = InterestModel(self)
        self.table = InterestView(objectName="interest_matrix")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.horizontalHeader().setDefaultSectionSize(170)
        self.table.clicked.connect(self.cycle_cell)
        self.table.cycle.connect(self.cycle_cell)
        self.table.set_level.connect(self.set_cell)
        layout.addWidget(self.table, 1)
        self.totals = QLabel(objectName="interest_totals")
        layout.addWidget(self.totals)
        layout.addWidget(self.feedback)
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.table

    def refresh(self) -> None:
        if self.repo is None:
            return
        current = self.table.currentIndex()
        row, column = (current.row(), current.column()) if current.isValid() else (0, 0)
        levels = self.repo.fair.interest_matrix(self.session_id)
        self.model.set_data(self.stands(), self.authorities(), levels)
        if self.model.rowCount() and self.model.columnCount():
            self.table.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1),
                                                        min(column,
                                                            self.model.columnCount() - 1)))
        counts = {k: sum(1 for v in levels.values() if v == k) for k in INTEREST_LEVELS}
        self.totals.setText(" · ".join(f"{level_name(k)}: {n}"
                                       for k, n in counts.items()))

    def cycle_cell(self, index: QModelIndex) -> None:
        level = self.model.level(index)
        following = INTEREST_CYCLE[(INTEREST_CYCLE.index(level) + 1) % len(INTEREST_CYCLE)]
        self.set_cell(index, following)

    def set_cell(self, index: QModelIndex, level: str | None) -> None:
        cell = self.model.cell(index)
        if cell is None or self.repo is None:
            return
        if ops.set_interest(parent=self, repo=self.repo, session_id=self.session_id,
                            stand_number=cell[0], authority_number=cell[1], level=level):
            self.feedback.setText(_("Stand {stand}, autoridad {authority}: {level}").format(
                stand=cell[0], authority=cell[1], level=level_name(level)))

    def retranslate(self) -> None:
        self.legend.setText(_("Flechas para moverse; Espacio, Intro o clic cambia la casilla: "
                              "· → Me interesa → Pido reunión → Firmo compromiso → ·. "
                              "También 1, 2, 3 y 0 para borrar."))
        if self.repo is not None:
            self.refresh()


# -- 6. commitment letters ---------------------------------------------------------------


class FairLettersPanel(FairPanel):
    """Draft a carta compromiso per agreement, print it, attach the signed paper's scan."""

    FIELDS = ("letter_date", "team_commits", "authority_commits", "next_step",
              "next_step_date", "follow_up_contact", "witness")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter)

        left = QWidget()
        form_box = QVBoxLayout(left)
        form_box.setContentsMargins(0, 0, 0, 0)
        self.form_title = big(QLabel(objectName="letter_form_title"), 1.2)
        form_box.addWidget(self.form_title)
        self.agreements = QComboBox(objectName="agreements")
        self.agreements.activated.connect(self._agreement_chosen)
        form_box.addWidget(self.agreements)
        picks = QHBoxLayout()
        self.stand_label, self.authority_label = QLabel(), QLabel()
        self.stand = number_edit("letter_stand")
        self.authority = number_edit("letter_authority")
        self.stand_label.setBuddy(self.stand)
        self.authority_label.setBuddy(self.authority)
        for w in (self.stand_label, self.stand, self.authority_label, self.authority):
            picks.addWidget(w)
        picks.addStretch(1)
        form_box.addLayout(picks)
        self.prefill = QLabel(objectName="letter_prefill")
        self.prefill.setWordWrap(True)
        self.prefill.setFrameShape(QFrame.Shape.StyledPanel)
        self.prefill.setMinimumHeight(60)
        form_box.addWidget(self.prefill)
        form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        self.edits: dict[str, QLineEdit] = {}
        for key in self.FIELDS:
            edit = QLineEdit(objectName="letter_" + key)
            self.edits[key] = edit
            self.labels[key] = QLabel()
            self.labels[key].setBuddy(edit)
            form.addRow(self.labels[key], edit)
            edit.returnPressed.connect(self.focusNextChild)
        self.edits["witness"].returnPressed.disconnect()
        self.edits["witness"].returnPressed.connect(self.draft)
        form_box.addLayout(form)
        self.draft_button = QPushButton(objectName="draft_letter")
        self.draft_button.clicked.connect(self.draft)
        form_box.addWidget(self.draft_button)
        form_box.addWidget(self.feedback)
        form_box.addStretch(1)
        splitter.addWidget(left)

        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        self.list_title = big(QLabel(objectName="letters_title"), 1.2)
        right_box.addWidget(self.list_title)
        self.model = RowsModel(self)
        self.table = rows_view(self.model, "letters")
        right_box.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.print_button = QPushButton(objectName="print_letter")
        self.attach_button = QPushButton(objectName="attach_scan")
        self.print_button.clicked.connect(self.print_letter)
        self.attach_button.clicked.connect(self.attach_scan)
        row.addWidget(self.print_button)
        row.addWidget(self.attach_button)
        row.addStretch(1)
        right_box.addLayout(row)
        self.scans = QLabel(objectName="letter_scans")
        self.scans.setWordWrap(True)
        self.scans.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right_box.addWidget(self.scans)
        splitter.addWidget(right)
        splitter.setSizes([600, 750])
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.update_buttons())
        self.stand.textChanged.connect(lambda _t: self._show_prefill())
        self.authority.textChanged.connect(lambda _t: self._show_prefill())
        self.stand.returnPressed.connect(lambda: self.authority.setFocus())
        self.authority.returnPressed.connect(lambda: self.edits["team_commits"].setFocus())
        self.shortcut("Ctrl+Return", self.draft)
        self.shortcut("Ctrl+P", self.print_letter)
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.stand

    def _lookups(self) -> tuple[dict, dict]:
        return ({s.number: s for s in self.stands()}, {a.number: a for a in self.authorities()})

    def refresh(self) -> None:
        if self.repo is None:
            return
        stands, authorities = self._lookups()
        by_id_s = {s.id: s for s in stands.values()}
        by_id_a = {a.id: a for a in authorities.values()}
        letters = self.repo.fair.letters(self.session_id)
        chosen = selected_key(self.table)
        self.model.set_rows(
            [_("Folio"), _("Stand"), _("Proyecto"), _("Autoridad"), _("Fecha"),
             _("Firmada (adjuntos)")],
            [(l.id, [l.folio, str(by_id_s[l.stand_id].number), by_id_s[l.stand_id].title,
                     by_id_a[l.authority_id].name, l.letter_date,
                     str(len(self.repo.fair.attachments(l.id)))]) for l in letters])
        fit_columns(self.table, [70, 50, 220, 160, 90])
        for row in range(self.model.rowCount()):
            if self.model.key_at(row) == chosen:
                self.table.selectRow(row)
        # Agreements (commit or meeting) without a letter yet, for a quick pick.
        have = {(by_id_s[l.stand_id].number, by_id_a[l.authority_id].number) for l in letters}
        matrix = self.repo.fair.interest_matrix(self.session_id)
        self.agreements.clear()
        self.agreements.addItem(_("Elegir un acuerdo de la matriz de interés…"), None)
        for (s, a), level in sorted(matrix.items()):
            if level in ("commit", "meeting") and (s, a) not in have and s in stands \
                    and a in authorities:
                self.agreements.addItem(_("Stand {stand} «{title}» con {name}: {level}").format(
                    stand=s, title=stands[s].title, name=authorities[a].name,
                    level=level_name(level)), (s, a))
        self.list_title.setText(_("Cartas compromiso: {count}").format(count=len(letters)))
        self._show_prefill()
        self.update_buttons()

    def _agreement_chosen(self, _index: int) -> None:
        pair = self.agreements.currentData()
        if pair:
            self.stand.setText(str(pair[0]))
            self.authority.setText(str(pair[1]))
            self.edits["team_commits"].setFocus()

    def _show_prefill(self) -> None:
        if self.repo is None:
            return
        stands, authorities = self._lookups()
        s = int(self.stand.text()) if self.stand.text() else None
        a = int(self.authority.text()) if self.authority.text() else None
        lines = []
        if s in stands:
            st = stands[s]
            lines.append(_("Proyecto: {title} — {summary}").format(title=st.title,
                                                                  summary=st.summary or "—"))
            lines.append(_("Problema: {problem} · Equipo: {team}").format(
                problem=st.problem or "—", team=st.organisation or "—"))
        elif s:
            lines.append(_("No existe ese stand"))
        if a in authorities:
            lines.append(_("Autoridad: {label}").format(label=authorities[a].label()))
        elif a:
            lines.append(_("No existe esa autoridad"))
        self.prefill.setText("\n".join(lines) or _("Escriba el número de stand y el de la "
                                                   "autoridad: la carta toma sus datos."))

    def draft(self) -> None:
        if self.repo is None:
            return
        if not self.stand.text() or not self.authority.text():
            self.feedback.setText(_("Escriba el número de stand y el de la autoridad."))
            self.stand.setFocus()
            return
        values = {k: e.text() for k, e in self.edits.items()}
        letter = ops.draft_letter(parent=self, repo=self.repo, session_id=self.session_id,
                                  stand_number=int(self.stand.text()),
                                  authority_number=int(self.authority.text()), **values)
        if letter is not None:
            self.feedback.setText(_("Carta {folio} redactada. Imprímala (Ctrl+P) para "
                                    "firmarla.").format(folio=letter.folio))
            self.stand.setText("")
            self.authority.setText("")
            for key, edit in self.edits.items():
                edit.setText(dt.date.today().isoformat() if key == "letter_date" else "")
            for row in range(self.model.rowCount()):
                if self.model.key_at(row) == letter.id:
                    self.table.selectRow(row)
            self.stand.setFocus()

    def current_letter(self):
        letter_id = selected_key(self.table)
        if letter_id is None and self.model.rowCount():
            letter_id = self.model.key_at(self.model.rowCount() - 1)
        return self.repo.fair.letter(letter_id) if letter_id and self.repo else None

    def update_buttons(self) -> None:
        letter = self.current_letter() if self.repo is not None else None
        self.print_button.setEnabled(letter is not None)
        self.attach_button.setEnabled(letter is not None and not self.repo.read_only)
        if letter is None:
            self.scans.setText("")
            return
        files = self.repo.fair.attachments(letter.id)
        self.scans.setText(_("{folio}: sin foto ni escaneo de la carta firmada.").format(
            folio=letter.folio) if not files else "\n".join(
            _("{folio}: {name} · SHA-256 {digest}").format(
                folio=letter.folio, name=f["file_name"], digest=f["sha256"][:16] + "…")
            for f in files))

    def print_letter(self) -> None:
        letter = self.current_letter()
        if letter is None:
            return
        from cocrea_desktop.export.pdf.fair import write_letter

        folio = letter.folio
        self.print_pdf(_("Guardar la carta {folio}").format(folio=folio),
                       f"carta-{folio}.pdf",
                       lambda repo, sid, target: write_letter(repo, sid, folio, target))

    def attach_scan(self) -> None:
        letter = self.current_letter()
        if letter is None or self.repo is None:
            return
        chosen = FairFiles.ask_open_path(
            self, _("Foto o escaneo de la carta firmada {folio}").format(folio=letter.folio),
            str(start_folder(self.repo)))
        if not chosen:
            return
        digest = ops.attach_letter_scan(parent=self, repo=self.repo, letter_id=letter.id,
                                        path=chosen)
        if digest:
            self.feedback.setText(_("Adjunto a {folio}: {name} (SHA-256 {digest}…)").format(
                folio=letter.folio, name=Path(chosen).name, digest=digest[:16]))

    def retranslate(self) -> None:
        self.form_title.setText(_("Nueva carta compromiso"))
        self.stand_label.setText(_("&Stand:"))
        self.authority_label.setText(_("&Autoridad:"))
        names = {
            "letter_date": _("&Fecha (AAAA-MM-DD):"),
            "team_commits": _("El &equipo se compromete a:"),
            "authority_commits": _("La a&utoridad se compromete a:"),
            "next_step": _("Siguiente &paso:"),
            "next_step_date": _("Fecha del siguiente paso:"),
            "follow_up_contact": _("&Contacto para el seguimiento:"),
            "witness": _("&Testigo (opcional):"),
        }
        for key, label in self.labels.items():
            label.setText(names[key])
        if not self.edits["letter_date"].text():
            self.edits["letter_date"].setText(dt.date.today().isoformat())
        self.edits["witness"].setPlaceholderText(_("STL u órgano garante"))
        self.draft_button.setText(_("Redactar la carta (Ctrl+Intro)"))
        self.print_button.setText(_("Imprimir carta (PDF)… Ctrl+P"))
        self.attach_button.setText(_("Adjuntar foto o escaneo firmado…"))
        if self.repo is not None:
            self.refresh()
        else:
            self.prefill.setText("")


# -- 7. closing ------------------------------------------------------------------------


class FairClosingPanel(FairPanel):
    """The letters to read aloud; beside them, the optional public dot vote per stand."""

    tables = FAIR_TABLES + ("ballot", "mark", "vote_round", "typed_count")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        self.letters_title = big(QLabel(objectName="closing_letters_title"), 1.3)
        self.letters_title.setWordWrap(True)
        left_box.addWidget(self.letters_title)
        self.letters = QLabel(objectName="closing_letters")
        self.letters.setWordWrap(True)
        self.letters.setTextFormat(Qt.TextFormat.RichText)
        self.letters.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        font = self.letters.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.letters.setFont(font)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.letters)
        left_box.addWidget(scroll, 1)
        splitter.addWidget(left)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        self.vote_title = big(QLabel(objectName="public_vote_title"), 1.1)
        self.vote_title.setWordWrap(True)
        self.apart = banner("vote_apart")
        self.apart.show()
        right_box.addWidget(self.vote_title)
        right_box.addWidget(self.apart)
        self.vote = VotePanel()
        right_box.addWidget(self.vote, 1)
        splitter.addWidget(right)
        splitter.setSizes([560, 790])
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.vote.focus_target()

    def set_context(self, repo, session_id, phase) -> None:
        self.vote.set_context(repo, session_id, phase)
        super().set_context(repo, session_id, phase)

    def on_changes(self, changes) -> None:
        super().on_changes(changes)
        self.vote.on_changes(changes)

    def flush(self) -> None:
        self.vote.flush()

    def refresh(self) -> None:
        if self.repo is None:
            return
        stands = {s.id: s for s in self.stands()}
        authorities = {a.id: a for a in self.authorities()}
        letters = self.repo.fair.letters(self.session_id)
        self.letters_title.setText(_("Cartas compromiso para leer en voz alta: {count}").format(
            count=len(letters)))
        items = []
        for l in letters:
            s, a = stands[l.stand_id], authorities[l.authority_id]
            items.append("<p><b>{folio} · {stand_word} {number}: {title}</b><br>{who}<br>"
                         "{commits}</p>".format(
                             folio=_escape(l.folio), stand_word=_escape(_("Stand")),
                             number=s.number, title=_escape(s.title),
                             who=_escape(_("{name}, {post}, {agency}").format(
                                 name=a.name, post=a.post or "—", agency=a.agency or "—")),
                             commits=_escape(_("Se compromete a: {text}").format(
                                 text=l.authority_commits or "—"))))
        self.letters.setText("".join(items) or _escape(_("Aún no hay cartas compromiso.")))

    def retranslate(self) -> None:
        self.vote_title.setText(_("Votación pública con puntos, por stand (opcional)"))
        self.apart.setText(_("Es la opinión de la sala: va aparte y no cambia los compromisos "
                             "de las autoridades."))
        self.vote.retranslate()
        if self.repo is not None:
            self.refresh()


# -- 8. follow-up ----------------------------------------------------------------------


class FairFollowUpPanel(FairPanel):
    """Per letter: next meeting, responsible people, status (dropped needs a reason)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.model = RowsModel(self)
        self.table = rows_view(self.model, "follow_up")
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.load_selected())
        layout.addWidget(self.table, 1)
        self.form_title = big(QLabel(objectName="follow_up_title"), 1.1)
        layout.addWidget(self.form_title)
        row = QHBoxLayout()
        self.meeting_label, self.responsible_label = QLabel(), QLabel()
        self.status_label, self.reason_label = QLabel(), QLabel()
        self.meeting = QLineEdit(objectName="next_meeting")
        self.responsible = QLineEdit(objectName="responsible")
        self.status = QComboBox(objectName="letter_status")
        self.reason = QLineEdit(objectName="status_reason")
        for label, widget, stretch in ((self.meeting_label, self.meeting, 1),
                                       (self.responsible_label, self.responsible, 2),
                                       (self.status_label, self.status, 0),
                                       (self.reason_label, self.reason, 2)):
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget, stretch)
        self.save_button = QPushButton(objectName="save_follow_up")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        layout.addWidget(self.feedback)
        for edit in (self.meeting, self.responsible, self.reason):
            edit.returnPressed.connect(self.save)
        self.status.currentIndexChanged.connect(lambda _i: self._reason_state())
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.table

    def refresh(self) -> None:
        if self.repo is None:
            return
        stands = {s.id: s for s in self.stands()}
        authorities = {a.id: a for a in self.authorities()}
        chosen = selected_key(self.table)
        letters = self.repo.fair.letters(self.session_id)
        self.model.set_rows(
            [_("Folio"), _("Stand"), _("Proyecto"), _("Autoridad"), _("Próxima reunión"),
             _("Responsables"), _("Estado")],
            [(l.id, [l.folio, str(stands[l.stand_id].number), stands[l.stand_id].title,
                     authorities[l.authority_id].name, l.next_meeting, l.responsible,
                     status_name(l.status) + (": " + l.status_reason if l.status_reason
                                              else "")]) for l in letters])
        fit_columns(self.table, [70, 50, 230, 170, 130, 200])
        row = next((r for r in range(self.model.rowCount()) if self.model.key_at(r) == chosen),
                   0 if self.model.rowCount() else -1)
        if row >= 0:
            self.table.selectRow(row)
        self.load_selected()

    def load_selected(self) -> None:
        letter_id = selected_key(self.table)
        enabled = letter_id is not None and self.repo is not None
        for w in (self.meeting, self.responsible, self.status, self.reason, self.save_button):
            w.setEnabled(enabled)
        if not enabled:
            self.form_title.setText(_("Aún no hay cartas compromiso."))
            return
        letter = self.repo.fair.letter(letter_id)
        self.form_title.setText(_("Seguimiento de la carta {folio}").format(folio=letter.folio))
        self.meeting.setText(letter.next_meeting)
        self.responsible.setText(letter.responsible)
        self.status.setCurrentIndex(max(0, self.status.findData(letter.status)))
        self.reason.setText(letter.status_reason)
        self._reason_state()

    def _reason_state(self) -> None:
        dropped = self.status.currentData() == "dropped"
        self.reason.setPlaceholderText(_("obligatorio al descartar") if dropped
                                       else _("opcional"))

    def save(self) -> None:
        letter_id = selected_key(self.table)
        if letter_id is None or self.repo is None:
            return
        letter = self.repo.fair.letter(letter_id)
        status, reason = self.status.currentData(), self.reason.text().strip()
        if status == "dropped" and not reason:
            self.feedback.setText(_("Escriba por qué se descarta la carta."))
            self.reason.setFocus()
            return
        details = (self.meeting.text().strip(), self.responsible.text().strip())
        if details != (letter.next_meeting, letter.responsible) and ops.edit_letter(
                parent=self, repo=self.repo, letter_id=letter.id, next_meeting=details[0],
                responsible=details[1]) is None:
            return
        if (status, reason) != (letter.status, letter.status_reason) and \
                ops.set_letter_status(parent=self, repo=self.repo, letter_id=letter.id,
                                      status=status, reason=reason) is None:
            return
        self.feedback.setText(_("Seguimiento de {folio} guardado.").format(folio=letter.folio))

    def retranslate(self) -> None:
        self.meeting_label.setText(_("Próxima &reunión:"))
        self.responsible_label.setText(_("Res&ponsables:"))
        self.status_label.setText(_("&Estado:"))
        self.reason_label.setText(_("&Motivo:"))
        current = self.status.currentData()
        self.status.blockSignals(True)
        self.status.clear()
        for key in LETTER_STATUSES:
            self.status.addItem(status_name(key), key)
        self.status.setCurrentIndex(max(0, self.status.findData(current)))
        self.status.blockSignals(False)
        self.save_button.setText(_("Guardar (Intro)"))
        self._reason_state()
        if self.repo is not None:
            self.refresh()


FAIR_PANELS: dict[str, type[Panel]] = {
    "fair_teams": FairTeamsPanel,
    "fair_map": FairMapPanel,
    "fair_authorities": FairAuthoritiesPanel,
    "fair_visits": FairVisitsPanel,
    "fair_interest": FairInterestPanel,
    "fair_letters": FairLettersPanel,
    "fair_closing": FairClosingPanel,
    "fair_follow_up": FairFollowUpPanel,
}
