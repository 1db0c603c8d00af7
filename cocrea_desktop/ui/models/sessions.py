"""The table model behind the process overview: one row per session."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from cocrea_desktop.core.methods import method_title
from cocrea_desktop.core.model import Session, status_label
from cocrea_desktop.i18n import N_, _

SessionIdRole = Qt.ItemDataRole.UserRole + 1
SessionRole = Qt.ItemDataRole.UserRole + 2

COLUMNS = (
    ("method", N_("Método")),
    ("question", N_("Pregunta detonadora")),
    ("table_label", N_("Mesa")),
    ("date", N_("Fecha")),
    ("place", N_("Lugar")),
    ("facilitator", N_("Facilitación")),
    ("status", N_("Estado")),
)


class SessionsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Session] = []

    def set_sessions(self, sessions: list[Session]) -> None:
        self.beginResetModel()
        self._rows = list(sessions)
        self.endResetModel()

    def session_at(self, row: int) -> Session | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, session_id: str) -> int:
        for i, s in enumerate(self._rows):
            if s.id == session_id:
                return i
        return -1

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    # -- Qt model interface ------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(COLUMNS):
            return _(COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        try:
            if not index.isValid():
                return None
            session = self._rows[index.row()]
            key = COLUMNS[index.column()][0]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                if key == "method":
                    return method_title(session.method)
                if key == "status":
                    text = status_label(session.status)
                    return text + " · " + _("archivada") if session.archived else text
                return str(getattr(session, key) or "")
            if role == Qt.ItemDataRole.FontRole and session.archived:
                font = QFont()
                font.setItalic(True)
                return font
            if role == SessionIdRole:
                return session.id
            if role == SessionRole:
                return session
        except Exception:  # data() never raises: a broken row shows empty
            return None
        return None
