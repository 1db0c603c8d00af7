"""The ideas of a session as a table: number (large), text, round and turn, status, group.

Withdrawn ideas stay listed, struck through and marked in words; merged ones
say where they went; a merged-into idea lists the numbers it absorbed. Ideas
can be dragged onto another to propose a merge (the model only reports the
drop; the view calls the operation).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from cocrea_desktop.core.model import Cluster, Idea
from cocrea_desktop.export.relatoria import idea_state, state_cell
from cocrea_desktop.i18n import N_, _

IdeaIdRole = Qt.ItemDataRole.UserRole + 1
IdeaRole = Qt.ItemDataRole.UserRole + 2
NumberRole = Qt.ItemDataRole.UserRole + 3
StatusRole = Qt.ItemDataRole.UserRole + 4

MIME = "application/x-cocrea-idea-numbers"

COLUMNS = (
    ("number", N_("Nº")),
    ("text", N_("Idea")),
    ("turn", N_("Vuelta · turno")),
    ("status", N_("Estado")),
    ("group", N_("Grupo")),
)
NUMBER, TEXT, TURN, STATUS, GROUP = range(len(COLUMNS))


def idea_status_text(idea: Idea) -> str:
    """ "Fusionada en la 2", "Vigente · incluye 6": as the relatoría and the room say it."""
    return state_cell(idea.status, idea_state(
        status=idea.status, merged_into=idea.merged_into_number,
        withdraw_reason=idea.withdraw_reason, absorbed=idea.absorbed))


class IdeasModel(QAbstractTableModel):
    merge_dropped = Signal(list, int)  # dragged numbers, target number

    def __init__(self, parent=None, *, draggable: bool = False) -> None:
        super().__init__(parent)
        self._rows: list[Idea] = []
        self._clusters: dict[str, str] = {}
        self.draggable = draggable
        self._number_font = QFont()
        self._number_font.setBold(True)
        self._number_font.setPointSizeF(self._number_font.pointSizeF() * 1.5)

    def set_ideas(self, ideas: list[Idea], clusters: list[Cluster] | None = None) -> None:
        clusters_map = {c.id: c.label for c in clusters or []}
        if [(i.id, i.number) for i in ideas] == [(i.id, i.number) for i in self._rows]:
            # Same rows: update in place so the selection and the scroll stay.
            self._rows = list(ideas)
            self._clusters = clusters_map
            if self._rows:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(self._rows) - 1, len(COLUMNS) - 1))
            return
        if len(ideas) > len(self._rows) and \
                [i.id for i in ideas[:len(self._rows)]] == [i.id for i in self._rows]:
            # Appended (the usual capture): insert the new rows only.
            first, last = len(self._rows), len(ideas) - 1
            self.beginInsertRows(QModelIndex(), first, last)
            old = self._rows
            self._rows = list(ideas)
            self._clusters = clusters_map
            self.endInsertRows()
            if old:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(old) - 1, len(COLUMNS) - 1))
            return
        self.beginResetModel()
        self._rows = list(ideas)
        self._clusters = clusters_map
        self.endResetModel()

    def idea_at(self, row: int) -> Idea | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of_number(self, number: int) -> int:
        for i, idea in enumerate(self._rows):
            if idea.number == number:
                return i
        return -1

    def ideas(self) -> list[Idea]:
        return list(self._rows)

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
            idea = self._rows[index.row()]
            column = index.column()
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                if column == NUMBER:
                    return idea.label
                if column == TEXT:
                    return idea.text
                if column == TURN:
                    if not idea.round:
                        return ""
                    return _("Vuelta {round} · turno {turn}").format(round=idea.round,
                                                                     turn=idea.turn)
                if column == STATUS:
                    return idea_status_text(idea)
                if column == GROUP:
                    return self._clusters.get(idea.cluster_id or "", "")
                return None
            if role == Qt.ItemDataRole.FontRole:
                if column == NUMBER:
                    font = QFont(self._number_font)
                else:
                    font = QFont()
                if idea.status == "withdrawn":
                    font.setStrikeOut(True)
                elif idea.status == "merged":
                    font.setItalic(True)
                return font
            if role == Qt.ItemDataRole.TextAlignmentRole and column == NUMBER:
                return int(Qt.AlignmentFlag.AlignCenter)
            if role == IdeaIdRole:
                return idea.id
            if role == IdeaRole:
                return idea
            if role == NumberRole:
                return idea.number
            if role == StatusRole:
                return idea.status
        except Exception:  # data() never raises: a broken row shows empty
            return None
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.draggable and index.isValid():
            idea = self.idea_at(index.row())
            if idea is not None and idea.active:
                flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return flags

    # -- drag an idea onto another: propose a merge ------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:
        numbers = sorted({self._rows[i.row()].number for i in indexes
                          if i.isValid() and 0 <= i.row() < len(self._rows)})
        data = QMimeData()
        data.setData(MIME, QByteArray(" ".join(str(n) for n in numbers).encode("ascii")))
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return bool(data is not None and data.hasFormat(MIME) and parent.isValid())

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self.idea_at(parent.row())
        try:
            numbers = [int(t) for t in bytes(data.data(MIME).data()).decode("ascii").split()]
        except ValueError:
            return False
        if target is None or not numbers or numbers == [target.number]:
            return False
        self.merge_dropped.emit([n for n in numbers if n != target.number], target.number)
        return False  # nothing moves in the list: the merge is only proposed
