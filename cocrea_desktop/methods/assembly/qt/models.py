"""The assembly's tables on screen: the agenda, an item's speakers' list, its proposals
with their standing vote. Models on the one base of ``ui.models.base``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from cocrea_desktop.i18n import N_, _
from cocrea_desktop.methods.assembly.room import proposal_note
from cocrea_desktop.methods.assembly.rules import SEXES
from cocrea_desktop.methods.assembly.store import Item, Proposal, Speaker, Vote
from cocrea_desktop.ui.models.base import DISPLAY_ROLES, RowsModel


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class AgendaModel(RowsModel[Item]):
    COLUMNS = (("number", N_("Punto")), ("title", N_("Asunto")),
               ("mode", N_("Se vota")), ("state", N_("Estado")))

    def cell(self, item: Item, key: str, role: int) -> Any:
        if role in DISPLAY_ROLES:
            if key == "number":
                return str(item.number)
            if key == "title":
                return item.title
            if key == "mode":
                return _("con boleta") if item.vote_mode == "ballot" else _("a mano alzada")
            return _("tratado") if item.closed else (_("en discusión") if item.open
                                                     else _("pendiente"))
        if role == Qt.ItemDataRole.FontRole and item.open:
            return _bold()
        return None


def speaker_state(s: Speaker) -> str:
    if s.running:
        return _("tiene la palabra")
    if s.skipped:
        return _("no estaba")
    if s.ended_at:
        minutes, seconds = divmod(int(round(s.seconds)), 60)
        return _("habló {time}").format(time=f"{minutes}:{seconds:02d}")
    return _("espera")


class SpeakersModel(RowsModel[Speaker]):
    COLUMNS = (("position", N_("Turno")), ("name", N_("Nombre o número")),
               ("sector", N_("Sector")), ("sex", N_("Sexo")), ("round", N_("Ronda")),
               ("state", N_("Estado")))

    def cell(self, s: Speaker, key: str, role: int) -> Any:
        if role in DISPLAY_ROLES:
            if key == "position":
                return str(s.position)
            if key == "name":
                return s.label()
            if key == "sector":
                return s.sector or "—"
            if key == "sex":
                return _(SEXES.get(s.sex, SEXES[""]))
            if key == "round":
                return str(s.speaking_round)
            return speaker_state(s)
        if role == Qt.ItemDataRole.FontRole and s.running:
            return _bold()
        return None


class ProposalsModel(RowsModel[tuple[Proposal, Vote | None]]):
    COLUMNS = (("number", N_("Núm.")), ("text", N_("Propuesta")),
               ("result", N_("Votación")))

    def cell(self, row: tuple[Proposal, Vote | None], key: str, role: int) -> Any:
        proposal, vote = row
        if role in DISPLAY_ROLES:
            if key == "number":
                return str(proposal.number)
            if key == "text":
                return proposal.text
            return proposal_note(vote)
        return None
