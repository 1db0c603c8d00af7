"""The ideas of a session as a table: number (large), text, round and turn, status, group.

Withdrawn ideas stay listed, struck through and marked in words; merged ones
say where they went; a merged-into idea lists the numbers it absorbed. Ideas
can be dragged onto another to propose a merge (the model only reports the
drop; the view calls the operation).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal
from PySide6.QtGui import QFont

from cocrea_desktop.core.model import Cluster, Idea
from cocrea_desktop.export.relatoria import idea_state, state_cell
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.ui.models.base import DISPLAY_ROLES, Index, Role, RowsModel

MIME = "application/x-cocrea-idea-numbers"

COLUMNS = (
    ("number", N_("Nº")),
    ("text", N_("Idea")),
    ("turn", N_("Vuelta · turno")),
    ("status", N_("Estado")),
    ("group", N_("Grupo")),
)


def idea_status_text(idea: Idea) -> str:
    """ "Fusionada en la 2", "Vigente · incluye 6": as the relatoría and the room say it."""
    return state_cell(idea.status, idea_state(
        status=idea.status, merged_into=idea.merged_into_number,
        withdraw_reason=idea.withdraw_reason, absorbed=idea.absorbed))


class IdeasModel(RowsModel[Idea]):
    COLUMNS = COLUMNS
    merge_dropped = Signal(list, int)  # dragged numbers, target number

    def __init__(self, parent=None, *, draggable: bool = False) -> None:
        super().__init__(parent)
        self._clusters: dict[str, str] = {}
        self.draggable = draggable
        self._number_font = QFont()
        self._number_font.setBold(True)
        self._number_font.setPointSizeF(self._number_font.pointSizeF() * 1.5)

    def set_ideas(self, ideas: list[Idea], clusters: list[Cluster] | None = None) -> None:
        """Show ``ideas``; the same rows update in place and a capture appends, so the
        selection and the scroll stay."""
        clusters_map = {c.id: c.label for c in clusters or []}
        regrouped = clusters_map != self._clusters
        self._clusters = clusters_map
        reset = self.update_rows(ideas, key=lambda i: (i.id, i.number), insert_appended=True)
        if regrouped and not reset:
            self.repaint()

    def idea_at(self, row: int) -> Idea | None:
        return self.row_at(row)

    def row_of_number(self, number: int) -> int:
        return self.row_where(lambda idea: idea.number == number)

    def ideas(self) -> list[Idea]:
        return self.rows()

    def cell(self, idea: Idea, key: str, role: int) -> Any:
        if role in DISPLAY_ROLES:
            if key == "number":
                return idea.label
            if key == "text":
                return idea.text
            if key == "turn":
                if not idea.round:
                    return ""
                return _("Vuelta {round} · turno {turn}").format(round=idea.round,
                                                                 turn=idea.turn)
            if key == "status":
                return idea_status_text(idea)
            return self._clusters.get(idea.cluster_id or "", "")
        if role == Qt.ItemDataRole.FontRole:
            font = QFont(self._number_font) if key == "number" else QFont()
            if idea.status == "withdrawn":
                font.setStrikeOut(True)
            elif idea.status == "merged":
                font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "number":
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Role.ID:
            return idea.id
        if role == Role.OBJECT:
            return idea
        if role == Role.NUMBER:
            return idea.number
        if role == Role.STATUS:
            return idea.status
        if role == Role.CLUSTER_ID:
            return idea.cluster_id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
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
