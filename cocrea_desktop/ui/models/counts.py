"""Typed counts per idea (dots on a wall, raised hands): an editable table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from cocrea_desktop.core.model import Idea
from cocrea_desktop.i18n import N_, _

NumberRole = Qt.ItemDataRole.UserRole + 1
CountRole = Qt.ItemDataRole.UserRole + 2

COLUMNS = (("number", N_("Nº")), ("text", N_("Idea")), ("count", N_("Conteo")))
COUNT = 2


class CountsModel(QAbstractTableModel):
    total_changed = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._ideas: list[Idea] = []
        self._counts: dict[int, int] = {}
        #: The header of the option column ("Idea", "Grupo de ideas", "Stand"), translated.
        self.option_title: str | None = None

    def set_data(self, ideas: list[Idea], counts: dict[int, int]) -> None:
        self.beginResetModel()
        self._ideas = [i for i in ideas if i.active]
        self._counts = {i.number: int(counts.get(i.number, 0)) for i in self._ideas}
        self.endResetModel()
        self.total_changed.emit(self.total())

    def counts(self) -> dict[int, int]:
        return dict(self._counts)

    def total(self) -> int:
        return sum(self._counts.values())

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ideas)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(COLUMNS):
            if COLUMNS[section][0] == "text" and self.option_title:
                return self.option_title
            return _(COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        try:
            if not index.isValid():
                return None
            idea = self._ideas[index.row()]
            column = index.column()
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return (str(idea.number), idea.text,
                        str(self._counts.get(idea.number, 0)))[column]
            if role == Qt.ItemDataRole.EditRole and column == COUNT:
                return self._counts.get(idea.number, 0)
            if role == NumberRole:
                return idea.number
            if role == CountRole:
                return self._counts.get(idea.number, 0)
        except Exception:  # data() never raises
            return None
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == COUNT:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != COUNT:
            return False
        try:
            count = int(value)
        except (TypeError, ValueError):
            return False
        if count < 0 or not 0 <= index.row() < len(self._ideas):
            return False
        self._counts[self._ideas[index.row()].number] = count
        self.dataChanged.emit(index, index)
        self.total_changed.emit(self.total())
        return True
