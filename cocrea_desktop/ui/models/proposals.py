"""The process's proposals as a table: label, title, theme, tables, origin, status."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from cocrea_desktop.i18n import N_
from cocrea_desktop.store.proposals import Proposal, origin_words, status_word
from cocrea_desktop.ui.models.base import DISPLAY_ROLES, Role, RowsModel


class ProposalsModel(RowsModel[Proposal]):
    COLUMNS = (
        ("label", N_("Nº")),
        ("title", N_("Propuesta")),
        ("theme", N_("Tema")),
        ("tables", N_("Mesas")),
        ("origins", N_("Origen")),
        ("status", N_("Estado")),
    )

    def set_proposals(self, proposals: list[Proposal]) -> bool:
        return self.update_rows(proposals, key=lambda p: p.id)

    def cell(self, p: Proposal, key: str, role: int) -> Any:
        if role in DISPLAY_ROLES:
            if key == "label":
                return p.label
            if key == "title":
                return p.title
            if key == "theme":
                return p.theme
            if key == "tables":
                return "\n".join(sorted({o.table_label for o in p.origins if o.table_label},
                                        key=str.casefold))
            if key == "origins":
                return "\n".join(origin_words(o) for o in p.origins)
            if key == "status":
                if p.status == "withdrawn" and p.withdraw_reason:
                    return f"{status_word(p.status)}: {p.withdraw_reason}"
                return status_word(p.status)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "label":
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Role.ID:
            return p.id
        if role == Role.OBJECT:
            return p
        if role == Role.STATUS:
            return p.status
        return None
