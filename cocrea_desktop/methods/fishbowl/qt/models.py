"""Fishbowl tables: the groups (with their drawn order and turns), the ideas tagged by
group, and the clusters with the groups that share them.

Models on the one base of ``ui.models.base`` (named roles, ``data()`` never raises); the
ideas model drags idea ids and the clusters model accepts them (drop ideas on a cluster
to put them in it).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal
from PySide6.QtGui import QFont

from cocrea_desktop.core.model import Cluster, Idea
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.methods.fishbowl.report import shared_text, turn_details, turn_status  # noqa: F401
from cocrea_desktop.methods.fishbowl.store import FishbowlGroup, Turn
from cocrea_desktop.ui.models.base import DISPLAY_ROLES, Index, Role, RowsModel

MIME = "application/x-cocrea-idea-ids"


class GroupsModel(RowsModel[Turn]):
    """The groups in turn order (once drawn), with their size, names and turn."""

    COLUMNS = (("order", N_("Turno")), ("label", N_("Grupo o postura")),
               ("size", N_("Personas")), ("members", N_("Nombres")), ("state", N_("Estado")))

    def set_turns(self, turns: list[Turn]) -> None:
        self.set_rows(turns)

    def group_at(self, row: int) -> FishbowlGroup | None:
        turn = self.row_at(row)
        return turn.group if turn is not None else None

    def cell(self, turn: Turn, key: str, role: int) -> Any:
        group = turn.group
        if role in DISPLAY_ROLES:
            if key == "order":
                return str(group.turn_order) if group.turn_order else "—"
            if key == "label":
                return group.label
            if key == "size":
                return str(group.size) if group.size else "—"
            if key == "members":
                return group.members
            return turn_status(turn)
        if role == Qt.ItemDataRole.FontRole and turn.running:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("order", "size"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Role.GROUP_ID:
            return group.id
        return None


class GroupIdeasModel(RowsModel[Idea]):
    """Ideas with the group that said them and their cluster; drags the ideas' ids."""

    COLUMNS = (("number", N_("Nº")), ("text", N_("Idea")), ("group", N_("Lo dijo")),
               ("cluster", N_("Grupo de ideas")))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._groups: dict[str, str] = {}
        self._clusters: dict[str, str] = {}

    def set_ideas(self, ideas: list[Idea], groups: list[FishbowlGroup],
                  clusters: list[Cluster]) -> None:
        self._groups = {g.id: g.label for g in groups}
        self._clusters = {c.id: f"{c.number}. {c.label}" for c in clusters}
        self.set_rows([i for i in ideas if i.status != "merged"])

    def idea_at(self, row: int) -> Idea | None:
        return self.row_at(row)

    def ideas(self) -> list[Idea]:
        return self.rows()

    def row_of_number(self, number: int) -> int:
        return self.row_where(lambda idea: idea.number == number)

    def cell(self, idea: Idea, key: str, role: int) -> Any:
        if role in DISPLAY_ROLES:
            if key == "number":
                return str(idea.number)
            if key == "text":
                if idea.status == "withdrawn":
                    return _("{text} (retirada)").format(text=idea.text)
                return idea.text
            if key == "group":
                return self._groups.get(idea.group_key, "—")
            return self._clusters.get(idea.cluster_id or "", "—")
        if role == Qt.ItemDataRole.FontRole and idea.status == "withdrawn":
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "number":
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Role.ID:
            return idea.id
        if role == Role.GROUP_ID:
            return idea.group_key
        if role == Role.CLUSTER_ID:
            return idea.cluster_id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid():
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:
        ids = []
        for index in indexes:
            idea = self.idea_at(index.row()) if index.isValid() else None
            if idea is not None and idea.id not in ids:
                ids.append(idea.id)
        data = QMimeData()
        data.setData(MIME, QByteArray(" ".join(ids).encode("ascii")))
        return data


class ClustersModel(RowsModel[Cluster]):
    """Clusters with their ideas and the groups (positions) that share them."""

    COLUMNS = (("number", N_("Nº")), ("label", N_("Grupo de ideas")),
               ("ideas", N_("Ideas")), ("groups", N_("Grupos que\nlo plantearon")),
               ("shared", N_("Coincidencia")))

    #: Ideas dropped on a cluster: (idea ids, cluster id).
    ideas_dropped = Signal(list, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._ideas: dict[str, list[int]] = {}
        self._groups: dict[str, list[str]] = {}

    def set_clusters(self, clusters: list[Cluster], ideas: list[Idea],
                     groups: dict[str, list[str]]) -> None:
        self._ideas = {}
        for idea in ideas:
            if idea.cluster_id and idea.status == "active":
                self._ideas.setdefault(idea.cluster_id, []).append(idea.number)
        self._groups = {k: list(v) for k, v in groups.items()}
        self.set_rows(clusters)

    def cluster_at(self, row: int) -> Cluster | None:
        return self.row_at(row)

    def groups_of(self, cluster_id: str) -> list[str]:
        return list(self._groups.get(cluster_id, []))

    @staticmethod
    def shared_text(groups: list[str]) -> str:
        return shared_text(groups)

    def cell(self, cluster: Cluster, key: str, role: int) -> Any:
        groups = self._groups.get(cluster.id, [])
        if role in DISPLAY_ROLES:
            if key == "number":
                return str(cluster.number)
            if key == "label":
                return cluster.label
            if key == "ideas":
                return ", ".join(str(n) for n in self._ideas.get(cluster.id, [])) or "—"
            if key == "groups":
                return ", ".join(groups) or "—"
            return self.shared_text(groups)
        if role == Qt.ItemDataRole.FontRole and len(groups) > 1:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "number":
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Role.CLUSTER_ID:
            return cluster.id
        if role == Role.SHARED:
            return len(groups) > 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid():
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return bool(data is not None and data.hasFormat(MIME) and parent.isValid())

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        cluster = self.cluster_at(parent.row())
        ids = bytes(data.data(MIME).data()).decode("ascii").split()
        if cluster is None or not ids:
            return False
        self.ideas_dropped.emit(ids, cluster.id)
        return False  # the store moves them; the view re-reads on the changed signal
