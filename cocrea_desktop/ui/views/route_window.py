"""«Ruta del proceso»: the nine CEPAL phases with their dates, and the sessions of each.

A table of the phases (status, planned and actual dates, responsible); the chosen
phase's fields below, typed dd/mm/aaaa. Enter saves the phase, Esc closes, Ctrl+Z
undoes. The sessions of the chosen phase are listed, and one can be moved to another
phase. Everything shown is read from ``repo.route`` (computed without Qt).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core import dates
from cocrea_desktop.core.changes import Changes
from cocrea_desktop.core.route import DATE_FIELDS, FIELDS, KEYS, RoutePhase, status_text
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.models.base import Role, RowsModel
from cocrea_desktop.ui.qt_i18n import language_signal
from cocrea_desktop.ui.widgets.fit import fit_window, wrap_rows
from cocrea_desktop.ui.widgets.window_undo import own_undo, show_undo

LATE_COLOUR = "#a00000"

#: What this window's «Deshacer» takes back: its own actions only.
UNDO_ACTIONS = ("route.",)


class RouteModel(RowsModel[RoutePhase]):
    COLUMNS = (("phase", N_("Fase")), ("status", N_("Estado")),
               ("planned", N_("Prevista")), ("actual", N_("Real")),
               ("responsible", N_("Responsable")), ("sessions", N_("Sesiones")))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.today = ""
        self.counts: dict[str, int] = {}

    @staticmethod
    def _span(start: str, end: str) -> str:
        if not start and not end:
            return "—"
        return "{} – {}".format(dates.format_date(start, "numeric") or "…",
                                dates.format_date(end, "numeric") or "…")

    def cell(self, p: RoutePhase, key: str, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if key == "phase":
                return f"{p.number}. {p.title}"
            if key == "status":
                return status_text(p.status(self.today))
            if key == "planned":
                return self._span(p.planned_start, p.planned_end)
            if key == "actual":
                return self._span(p.actual_start, p.actual_end)
            if key == "responsible":
                return p.responsible or "—"
            if key == "sessions":
                return str(self.counts.get(p.key, 0))
        if role == Qt.ItemDataRole.ForegroundRole and key == "status" and p.late(self.today):
            return QBrush(QColor(LATE_COLOUR))
        if role == Qt.ItemDataRole.FontRole and key == "status" and p.late(self.today):
            font = QFont()
            font.setBold(True)
            return font
        if role == Role.ID:
            return p.key
        if role == Role.OBJECT:
            return p
        return None


class RouteWindow(QDialog):
    """The route of the open process (one per file, kept by the main window)."""

    def __init__(self, repo: Repo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("route_window")
        self.repo = repo
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        fit_window(self, 1000, 700)
        layout = QVBoxLayout(self)

        self.standing_label = QLabel(objectName="route_standing")
        bold = self.standing_label.font()
        bold.setBold(True)
        self.standing_label.setFont(bold)
        self.standing_label.setWordWrap(True)
        self.late_label = QLabel(objectName="route_late")
        self.late_label.setWordWrap(True)
        self.late_label.setStyleSheet(f"color: {LATE_COLOUR}; font-weight: bold;")
        layout.addWidget(self.standing_label)
        layout.addWidget(self.late_label)

        self.model = RouteModel(self)
        self.table = QTableView(objectName="route_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        wrap_rows(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 5)

        form = QGridLayout()
        layout.addLayout(form)
        self.phase_title = QLabel(objectName="route_phase_title")
        self.phase_title.setFont(bold)
        form.addWidget(self.phase_title, 0, 0, 1, 4)
        self.edits: dict[str, QLineEdit] = {}
        self.edit_labels: dict[str, QLabel] = {}
        spots = {"planned_start": (1, 0), "planned_end": (1, 2), "actual_start": (2, 0),
                 "actual_end": (2, 2)}
        for key, (row, col) in spots.items():
            label = QLabel()
            edit = QLineEdit(objectName=f"route_{key}")
            edit.setMaxLength(12)
            label.setBuddy(edit)
            form.addWidget(label, row, col)
            form.addWidget(edit, row, col + 1)
            self.edits[key], self.edit_labels[key] = edit, label
        for row, key in ((3, "responsible"), (4, "products"), (5, "note")):
            label = QLabel()
            edit = QLineEdit(objectName=f"route_{key}")
            label.setBuddy(edit)
            form.addWidget(label, row, 0)
            form.addWidget(edit, row, 1, 1, 3)
            self.edits[key], self.edit_labels[key] = edit, label
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)

        buttons = QHBoxLayout()
        layout.addLayout(buttons)
        self.save_button = QPushButton(objectName="route_save")
        self.start_button = QPushButton(objectName="route_start_today")
        self.end_button = QPushButton(objectName="route_end_today")
        self.undo_button = QPushButton(objectName="route_undo")
        self.close_button = QPushButton(objectName="route_close")
        for b in (self.save_button, self.start_button, self.end_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.close_button)
        for b in (self.save_button, self.start_button, self.end_button, self.undo_button,
                  self.close_button):
            b.setAutoDefault(False)  # Enter in a field saves (below), once

        sessions_row = QHBoxLayout()
        layout.addLayout(sessions_row, 1)
        left = QVBoxLayout()
        sessions_row.addLayout(left, 2)
        self.sessions_title = QLabel(objectName="route_sessions_title")
        left.addWidget(self.sessions_title)
        self.sessions = QListWidget(objectName="route_sessions")
        self.sessions.setWordWrap(True)
        self.sessions.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        left.addWidget(self.sessions)
        right = QVBoxLayout()
        sessions_row.addLayout(right, 1)
        self.move_label = QLabel(objectName="route_move_label")
        self.move_label.setWordWrap(True)
        self.move_combo = QComboBox(objectName="route_move_to")
        self.move_label.setBuddy(self.move_combo)
        self.move_button = QPushButton(objectName="route_move")
        self.move_button.setAutoDefault(False)
        right.addWidget(self.move_label)
        right.addWidget(self.move_combo)
        right.addWidget(self.move_button)
        right.addStretch(1)

        self.save_button.clicked.connect(self.save)
        for edit in self.edits.values():
            edit.returnPressed.connect(self.save)
        self.start_button.clicked.connect(lambda: self.mark("start"))
        self.end_button.clicked.connect(lambda: self.mark("end"))
        self.undo_button.clicked.connect(self.undo)
        self.close_button.clicked.connect(self.close)
        self.move_button.clicked.connect(self.move_session)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self.load_phase())
        ops.bus().changed.connect(self.on_changes)
        language_signal().changed.connect(self._on_language)  # a slot: gone with the window
        self.retranslate()
        self.refresh()
        self.table.selectRow(self.model.row_where(
            lambda p: p.key == self.repo.route.standing().current.key))
        self.table.setFocus()

    # -- words -----------------------------------------------------------------------
    def _on_language(self, _code: str) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Ruta del proceso"))
        hint = dates.numeric_hint()
        for key in DATE_FIELDS:
            self.edit_labels[key].setText(_(FIELDS[key]).capitalize() + ":")
            self.edits[key].setPlaceholderText(hint)
        for key in ("responsible", "products", "note"):
            self.edit_labels[key].setText(_(FIELDS[key]).capitalize() + ":")
        self.save_button.setText(_("&Guardar fase (Intro)"))
        self.start_button.setText(_("&Inició hoy"))
        self.end_button.setText(_("&Terminó hoy"))
        self.undo_button.setText(_("&Deshacer"))
        self.close_button.setText(_("Cerrar (Esc)"))
        self.move_label.setText(_("Pasar la sesión elegida a la fase:"))
        self.move_button.setText(_("&Pasar"))
        self.model.retranslate()
        self.refresh()

    # -- reading ---------------------------------------------------------------------
    def current_phase(self) -> RoutePhase | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def on_changes(self, changes: Changes) -> None:
        if changes.everything or changes.touches("route_phase") or changes.touches("session"):
            self.refresh()  # says what «Deshacer» takes back too
        elif not self.repo.closed:
            show_undo(self.undo_button, self.repo, UNDO_ACTIONS)  # another window's action

    def refresh(self) -> None:
        if self.repo.closed:
            return
        show_undo(self.undo_button, self.repo, UNDO_ACTIONS)
        route = self.repo.route
        today = route.today()
        standing = route.standing(today)
        self.standing_label.setText(standing.summary())
        self.late_label.setText(standing.late_text())
        self.late_label.setVisible(bool(standing.late))
        self.model.today = today
        self.by_phase = route.sessions_by_phase()
        self.model.counts = {k: len(v) for k, v in self.by_phase.items()}
        self.model.update_rows(route.phases(), key=lambda p: p.key)
        self.model.repaint()
        current = self.move_combo.currentData()
        self.move_combo.clear()
        for p in route.phases():
            self.move_combo.addItem(f"{p.number}. {p.title}", p.key)
        if current:
            self.move_combo.setCurrentIndex(max(0, self.move_combo.findData(current)))
        self.load_phase()

    def load_phase(self) -> None:
        p = self.current_phase()
        enabled = p is not None and not self.repo.read_only
        for edit in self.edits.values():
            edit.setEnabled(enabled)
        for b in (self.save_button, self.start_button, self.end_button, self.move_button):
            b.setEnabled(enabled)
        if p is None:
            self.phase_title.setText("")
            return
        self.phase_title.setText(_("Fase {n}: {title}").format(n=p.number, title=p.title))
        for key in DATE_FIELDS:
            self.edits[key].setText(dates.format_date(getattr(p, key), "numeric"))
        self.edits["responsible"].setText(p.responsible)
        self.edits["products"].setText(p.products)
        # Empty: the phase's own products count (shown as the hint).
        self.edits["products"].setPlaceholderText(RoutePhase(p.key).products_text)
        self.edits["note"].setText(p.note)
        self.start_button.setEnabled(enabled and not p.started)
        self.end_button.setEnabled(enabled and p.started and not p.ended)
        self.sessions_title.setText(_("Sesiones de esta fase ({n}):").format(
            n=len(self.by_phase.get(p.key, []))))
        self.sessions.clear()
        for sid in self.by_phase.get(p.key, []):
            s = self.repo.session(sid)
            when = dates.format_date(s.date, "numeric")
            text = " · ".join(x for x in (self.repo.session_title(s), s.question, when) if x)
            item = QListWidgetItem(text)
            item.setData(Role.ID, sid)
            self.sessions.addItem(item)
        if self.sessions.count():
            self.sessions.setCurrentRow(0)
        self.move_button.setEnabled(enabled and self.sessions.count() > 0)

    # -- acting ----------------------------------------------------------------------
    def save(self) -> bool:
        p = self.current_phase()
        if p is None:
            return False
        values = {key: edit.text() for key, edit in self.edits.items()}
        done = ops.set_route_phase(parent=self, repo=self.repo, key=p.key, **values)
        return done is not None

    def mark(self, kind: str) -> None:
        p = self.current_phase()
        if p is None:
            return
        call = ops.start_route_phase if kind == "start" else ops.end_route_phase
        call(parent=self, repo=self.repo, key=p.key)

    def undo(self) -> None:
        if own_undo(self.repo, UNDO_ACTIONS):
            ops.undo(parent=self, repo=self.repo)

    def move_session(self) -> None:
        item = self.sessions.currentItem()
        key = self.move_combo.currentData()
        if item is None or not key:
            return
        ops.set_session_route_phase(parent=self, repo=self.repo,
                                    session_id=item.data(Role.ID), key=key)

    def select_phase(self, key: str) -> None:
        self.table.selectRow(KEYS.index(key))
