"""The idea fair's table models, on the program's one base (``ui.models.base``): plain
rows of strings with a key, and the interest matrix (stands by authorities)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from cocrea_desktop.i18n import _
from cocrea_desktop.methods.idea_fair.store import INTEREST_LEVELS, LETTER_STATUSES
from cocrea_desktop.ui.models.base import DISPLAY_ROLES, Index, Role, RowsModel

#: Grey shades per level, always with the level in words (never colour alone).
INTEREST_SHADES = {"interested": 0.93, "meeting": 0.82, "commit": 0.68}

TextRow = tuple[Any, list[str]]


class TextRowsModel(RowsModel[TextRow]):
    """A read-only table of strings already in the current language (the panel sets them
    again on a language change); each row keeps its key (a stand's, a letter's id) under
    ``Role.ID``."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []

    def columns(self) -> list[tuple[str, str]]:
        return [(str(i), title) for i, title in enumerate(self.headers)]

    def header_text(self, key: str, title: str) -> str:
        return title  # already translated by the panel

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


def level_name(level: str | None) -> str:
    return _(INTEREST_LEVELS[level]) if level in INTEREST_LEVELS else "—"


def status_name(status: str) -> str:
    return _(LETTER_STATUSES[status]) if status in LETTER_STATUSES else status


class InterestModel(RowsModel):
    """Stands (rows) x authorities (columns); each cell says its level in words."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.authorities: list = []
        self.levels: dict[tuple[int, int], str] = {}

    @property
    def stands(self) -> list:
        return self.rows()

    def columns(self) -> list[tuple[str, str]]:
        return [(str(a.number), f"{a.number}. {a.name}") for a in self.authorities]

    def set_data(self, stands: list, authorities: list,
                 levels: dict[tuple[int, int], str]) -> None:
        self.beginResetModel()
        self._rows, self.authorities, self.levels = list(stands), list(authorities), levels
        self.endResetModel()

    def pair(self, index: Index) -> tuple[int, int] | None:
        """(stand number, authority number) of a cell."""
        if not index.isValid() or index.row() >= len(self._rows) \
                or index.column() >= len(self.authorities):
            return None
        return self._rows[index.row()].number, self.authorities[index.column()].number

    def level(self, index: Index) -> str | None:
        pair = self.pair(index)
        return self.levels.get(pair) if pair else None

    def cell(self, stand, key: str, role: int) -> Any:
        pair = (stand.number, int(key))
        level = self.levels.get(pair)
        if role == Qt.ItemDataRole.DisplayRole:
            return level_name(level) if level else "·"
        if role == Role.ID:
            return pair
        if role == Qt.ItemDataRole.ToolTipRole:
            return _("Stand {stand} · autoridad {authority}: {level}. Espacio o clic cambia."
                     ).format(stand=pair[0], authority=pair[1], level=level_name(level))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and level in INTEREST_SHADES:
            shade = int(255 * INTEREST_SHADES[level])
            return QBrush(QColor(shade, shade, shade))
        if role == Qt.ItemDataRole.ForegroundRole and level:
            return QBrush(QColor(0, 0, 0))
        if role == Qt.ItemDataRole.FontRole and level == "commit":
            font = QFont()
            font.setBold(True)
            return font
        return None

    def header(self, key: str, title: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return title
        if role == Qt.ItemDataRole.ToolTipRole:
            return next((a.label() for a in self.authorities if str(a.number) == key), None)
        return None

    def row_header(self, stand, role: int) -> Any:
        text = f"{stand.number}. {stand.title}"
        if role == Qt.ItemDataRole.DisplayRole:
            return text if len(text) <= 38 else text[:37] + "…"
        if role == Qt.ItemDataRole.ToolTipRole:
            return text
        return None
