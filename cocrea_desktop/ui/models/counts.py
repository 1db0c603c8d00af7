"""Typed counts per idea (dots on a wall, raised hands): an editable table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal

from cocrea_desktop.core.model import Idea
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.ui.models.base import DISPLAY_ROLES, Index, Role, RowsModel

COLUMNS = (("number", N_("Nº")), ("text", N_("Idea")), ("count", N_("Conteo")))


class CountsModel(RowsModel[Idea]):
    COLUMNS = COLUMNS
    total_changed = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._counts: dict[int, int] = {}
        #: The header of the option column ("Idea", "Grupo de ideas", "Stand"), translated.
        self.option_title: str | None = None

    def set_data(self, ideas: list[Idea], counts: dict[int, int]) -> None:
        active = [i for i in ideas if i.active]
        self._counts = {i.number: int(counts.get(i.number, 0)) for i in active}
        self.set_rows(active)
        self.total_changed.emit(self.total())

    def counts(self) -> dict[int, int]:
        return dict(self._counts)

    def total(self) -> int:
        return sum(self._counts.values())

    def header_text(self, key: str, title: str) -> str:
        if key == "text" and self.option_title:
            return self.option_title
        return _(title)

    def cell(self, idea: Idea, key: str, role: int) -> Any:
        count = self._counts.get(idea.number, 0)
        if role in DISPLAY_ROLES:
            return {"number": str(idea.number), "text": idea.text, "count": str(count)}[key]
        if role == Qt.ItemDataRole.EditRole and key == "count":
            return count
        if role == Role.NUMBER:
            return idea.number
        if role == Role.TOTAL:
            return count
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.columns()[index.column()][0] == "count":
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        idea = self.row_at(index.row()) if index.isValid() else None
        if role != Qt.ItemDataRole.EditRole or idea is None \
                or self.columns()[index.column()][0] != "count":
            return False
        try:
            count = int(value)
        except (TypeError, ValueError):
            return False
        if count < 0:
            return False
        self._counts[idea.number] = count
        self.dataChanged.emit(index, index)
        self.total_changed.emit(self.total())
        return True
