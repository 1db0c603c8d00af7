"""Merge proposals of a session as a table: which ideas, and what the room decided."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from cocrea_desktop.core.model import MergeProposal
from cocrea_desktop.i18n import N_, _

MergeIdRole = Qt.ItemDataRole.UserRole + 1
MergeRole = Qt.ItemDataRole.UserRole + 2

MERGE_STATUSES = {
    "proposed": N_("Propuesta: falta el acuerdo de la sala"),
    "agreed": N_("Acordada por la sala"),
    "rejected": N_("Descartada"),
    "undone": N_("Deshecha: ideas separadas"),
}

COLUMNS = (("merge", N_("Fusión")), ("status", N_("Estado")))


def merge_text(merge: MergeProposal) -> str:
    return _("La {into} absorbe {numbers}").format(
        into=merge.into_number, numbers=", ".join(str(n) for n in merge.from_numbers))


class MergesModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[MergeProposal] = []

    def set_merges(self, merges: list[MergeProposal]) -> None:
        self.beginResetModel()
        self._rows = list(merges)
        self.endResetModel()

    def merge_at(self, row: int) -> MergeProposal | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 1))

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
            merge = self._rows[index.row()]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                if index.column() == 0:
                    return merge_text(merge)
                return _(MERGE_STATUSES.get(merge.status, merge.status))
            if role == MergeIdRole:
                return merge.id
            if role == MergeRole:
                return merge
        except Exception:  # data() never raises
            return None
        return None
