"""The base of every working panel of the session screen, and the helpers panels share.

A panel is the middle of the session screen for one phase kind
(``core.methods.base.Phase.kind``). Generic panels live in ``ui/views/``, a
method's own panels in its package's ``qt`` module; each registers its kinds in
``ui.panel_registry``. A panel re-reads what it shows in :meth:`Panel.refresh`
when the one ``changed`` signal names a table in :attr:`Panel.tables`; its
actions go through ``ui.operations``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.core.methods.base import Phase
from cocrea_desktop.i18n import _
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.widgets.fit import wrap_rows


def big(label: QLabel, factor: float, bold: bool = True) -> QLabel:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    label.setFont(font)
    return label


def banner(name: str) -> QLabel:
    """A notice in words with a thick border (not a colour alone)."""
    label = QLabel(objectName=name)
    label.setWordWrap(True)
    label.setStyleSheet("QLabel { border: 2px solid palette(text); padding: 6px; "
                        "background: #fff3c4; color: black; font-weight: bold; }")
    label.hide()
    return label


#: The property that marks a label as a panel's status line: what the last action did
#: ("Boleta 5 guardada."). An undo or redo replaces it (it no longer holds).
STATUS_LINE = "cocrea_status_line"


def status_line(label: QLabel) -> QLabel:
    """Mark ``label`` as the panel's status line (see :meth:`Panel.show_replayed`)."""
    label.setProperty(STATUS_LINE, True)
    return label


def table_view(model, name: str, *, multi: bool = False) -> QTableView:
    view = QTableView(objectName=name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(30)
    wrap_rows(view)  # an idea is read whole: its row grows, its text is never cut
    return view


class CaptureLine(QLineEdit):
    """A line edit that lets Ctrl+Z reach the window (undo the last capture) when empty."""

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and \
                event.matches(QKeySequence.StandardKey.Undo) and not self.isUndoAvailable():
            event.ignore()
            return False
        return super().event(event)


def capture_line(on_enter) -> CaptureLine:
    """The large line an idea is typed into; Enter saves it."""
    entry = CaptureLine(objectName="idea_entry")
    font = entry.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    entry.setFont(font)
    entry.setMaxLength(2000)
    entry.returnPressed.connect(on_enter)
    return entry


class Panel(QWidget):
    """Base of the working panels."""

    #: The tables whose change makes this panel re-read.
    tables: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo: Repo | None = None
        self.session_id = ""
        self.phase: Phase | None = None

    def shortcut(self, keys: list[str] | str, slot: Callable[[], object]) -> QAction:
        action = QAction(self)
        action.setShortcuts([QKeySequence(k) for k in ([keys] if isinstance(keys, str)
                                                        else keys)])
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def set_context(self, repo: Repo, session_id: str, phase: Phase) -> None:
        self.repo, self.session_id, self.phase = repo, session_id, phase
        self.refresh()

    def on_changes(self, changes: Changes) -> None:
        if self.repo is not None and changes.touches(*self.tables) and \
                changes.concerns(self.session_id):  # another session's change: nothing here
            self.refresh()

    def refresh(self) -> None:
        """Re-read what the panel shows."""

    def show_replayed(self, changes: Changes) -> None:
        """After an undo or redo, the status lines say so: what they said of the last
        action ("Boleta 5 guardada. Cuentan 4 ideas.") no longer holds."""
        if not changes.replayed:
            return
        text = (_("Se deshizo: {action}.") if changes.replayed == "undo"
                else _("Se rehízo: {action}.")).format(action=changes.label)
        for label in self.findChildren(QLabel):
            if label.property(STATUS_LINE) and label.text():
                label.setText(text)

    def retranslate(self) -> None:
        """Set every text in the current language."""

    def flush(self) -> None:
        """Save anything typed but not yet saved (before leaving the phase or closing)."""

    def focus_target(self) -> QWidget | None:
        return None

    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        """This panel's own keys for the session screen's help (F1): (keys, what), in the
        current language. The screen's help lists those of its method's panels."""
        return []


class NotesBox(QWidget):
    """Notes of a phase: a list and a line to add one (Enter)."""

    def __init__(self, panel: Panel) -> None:
        super().__init__(panel)
        self.panel = panel
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = big(QLabel(objectName="notes_title"), 1.1)
        self.list = QListWidget(objectName="notes")
        self.list.setWordWrap(True)
        # Ctrl+Z in it undoes its own typing, else reaches the window (undo the last step:
        # right after a phase move it swallowed the undo).
        self.entry = CaptureLine(objectName="note_entry")
        self.entry.returnPressed.connect(self.add)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.entry)

    def refresh(self) -> None:
        panel = self.panel
        if panel.repo is None or panel.phase is None:
            return
        notes = panel.repo.ideas.notes(panel.session_id, panel.phase.key)
        self.list.clear()
        for note in notes:
            self.list.addItem(f"{note.created_at[11:16]} — {note.text}")
        self.list.scrollToBottom()

    def add(self) -> None:
        panel = self.panel
        text = self.entry.text().strip()
        if text and panel.repo is not None and panel.phase is not None:
            if ops.add_note(parent=self, repo=panel.repo, session_id=panel.session_id,
                            phase=panel.phase.key, text=text):
                self.entry.setText("")

    def retranslate(self) -> None:
        self.title.setText(_("Notas de la discusión"))
        self.entry.setPlaceholderText(_("Escriba una nota y pulse Intro"))
