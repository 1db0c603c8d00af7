"""Merge proposals of a session as a table: which ideas, and what the room decided."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from cocrea_desktop.core.model import MergeProposal
from cocrea_desktop.core.voting.wording import join_numbers
from cocrea_desktop.i18n import N_, _, ngettext
from cocrea_desktop.ui.models.base import Role, RowsModel

MERGE_STATUSES = {
    "proposed": N_("Propuesta: falta el acuerdo de la sala"),
    "agreed": N_("Acordada por la sala"),
    "rejected": N_("Descartada"),
    "undone": N_("Deshecha: ideas separadas"),
}

COLUMNS = (("merge", N_("Fusión")), ("status", N_("Estado")))


def merge_text(merge: MergeProposal) -> str:
    return ngettext("La idea {into} incluye a la {numbers}",
                    "La idea {into} incluye a las {numbers}", len(merge.from_numbers)).format(
        into=merge.into_number, numbers=join_numbers(merge.from_numbers))


class MergesModel(RowsModel[MergeProposal]):
    COLUMNS = COLUMNS

    def set_merges(self, merges: list[MergeProposal]) -> None:
        self.set_rows(merges)

    def merge_at(self, row: int) -> MergeProposal | None:
        return self.row_at(row)

    def cell(self, merge: MergeProposal, key: str, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if key == "merge":
                return merge_text(merge)
            return _(MERGE_STATUSES.get(merge.status, merge.status))
        if role == Role.ID:
            return merge.id
        if role == Role.OBJECT:
            return merge
        return None
