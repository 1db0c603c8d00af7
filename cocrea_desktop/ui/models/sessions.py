"""The table model behind the process overview: one row per session."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from cocrea_desktop.core import dates
from cocrea_desktop.core.methods import method_title
from cocrea_desktop.core.model import Session, status_label
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.ui.models.base import Role, RowsModel

COLUMNS = (
    ("method", N_("Método")),
    ("question", N_("Pregunta detonadora")),
    ("table_label", N_("Mesa")),
    ("date", N_("Fecha")),
    ("place", N_("Lugar")),
    ("facilitator", N_("Facilitación")),
    ("status", N_("Estado")),
)


class SessionsModel(RowsModel[Session]):
    COLUMNS = COLUMNS

    def set_sessions(self, sessions: list[Session]) -> bool:
        """Show ``sessions``; only changed rows repaint. True when the rows themselves changed."""
        return self.update_rows(sessions, key=lambda s: s.id)

    def session_at(self, row: int) -> Session | None:
        return self.row_at(row)

    def row_of(self, session_id: str) -> int:
        return self.row_where(lambda s: s.id == session_id)

    def cell(self, session: Session, key: str, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if key == "method":
                return method_title(session.method)
            if key == "status":
                text = status_label(session.status)
                return text + " · " + _("archivada") if session.archived else text
            if key == "date":
                return dates.format_date(session.date, "numeric")
            return str(getattr(session, key) or "")
        if role == Qt.ItemDataRole.FontRole and session.archived:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Role.ID:
            return session.id
        if role == Role.OBJECT:
            return session
        return None
