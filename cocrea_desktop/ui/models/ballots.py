"""The ballots entered in a round: as written, what counts, what was voided and why."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from cocrea_desktop.core.model import Ballot
from cocrea_desktop.core.voting.ballots import redirect_notes
from cocrea_desktop.core.voting.outcome import void_lines
from cocrea_desktop.core.voting.payload import format_serial
from cocrea_desktop.core.voting.wording import IDEA, OptionNoun
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.ui.models.base import Role, RowsModel

COLUMNS = (
    ("number", N_("Boleta")),
    ("entry", N_("Escrita")),
    ("counts", N_("Cuenta ({noun}: puntos)")),
    ("voids", N_("No cuenta")),
    ("status", N_("Estado")),
)


def marks_text(ballot: Ballot) -> str:
    """The marks that count, then why a merged idea's number counts for another idea."""
    return "  ".join([f"{option}: {points}" for option, points in ballot.marks]
                     + redirect_notes(ballot.redirects))


def voids_text(ballot: Ballot) -> str:
    """The entries that do not count, each said once (as the entry panel says them)."""
    return " ".join(void_lines(ballot.voids))


class BallotsModel(RowsModel[Ballot]):
    COLUMNS = COLUMNS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.noun: OptionNoun = IDEA

    def set_ballots(self, ballots: list[Ballot], noun: OptionNoun | None = None) -> None:
        """The round's ballots; ``noun`` names what they vote on (ideas, clusters, stands).

        A ballot typed is one row inserted, a ballot voided one row repainted, so that
        the table measures only those rows."""
        renamed = noun is not None and noun is not self.noun
        if renamed:
            self.noun = noun
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if not self.update_rows(ballots, key=lambda b: b.id, insert_appended=True) and renamed:
            self.repaint()

    def shows_same(self, before: Ballot, after: Ballot) -> bool:
        """A ballot's number is its place in the order entered, shown only when it has no
        serial: a ballot that sorts before the others (entered on a laptop whose clock ran
        behind, or merged) renumbers every later one, which must not repaint and measure
        every row of a list of ballots with serials."""
        if before == after:
            return True
        return bool(before.serial and after.serial) and \
            replace(before, number=after.number) == after

    def header_text(self, key: str, title: str) -> str:
        if key == "counts":  # "Cuenta (grupo de ideas: puntos)" when clusters are voted on
            return _(title).format(noun=self.noun.bare())
        return _(title)

    def ballot_at(self, row: int) -> Ballot | None:
        return self.row_at(row)

    def row_of(self, ballot_id: str) -> int | None:
        return next((i for i, b in enumerate(self._rows) if b.id == ballot_id), None)

    def cell(self, ballot: Ballot, key: str, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if key == "number":
                return format_serial(ballot.serial) if ballot.serial else str(ballot.number)
            if key == "entry":
                return ballot.entry
            if key == "counts":
                return marks_text(ballot)
            if key == "voids":
                return voids_text(ballot)
            if ballot.status == "spoiled":
                return _("Anulada: no cuenta")
            if ballot.status == "disputed":
                return _("Capturada en dos equipos: no cuenta hasta decidir cuál vale")
            if ballot.status == "duplicate":
                return _("Captura duplicada: no cuenta")
            return _("Contada, con entradas anuladas") if ballot.has_voids \
                else _("Contada")
        if role == Qt.ItemDataRole.FontRole and ballot.status in ("spoiled", "duplicate"):
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Role.ID:
            return ballot.id
        if role == Role.OBJECT:
            return ballot
        return None
