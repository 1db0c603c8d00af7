"""The launch's tables on screen: the agenda, the plan's commitments (presented or not),
who signed. Models on the one base of ``ui.models.base``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from cocrea_desktop.i18n import N_, _
from cocrea_desktop.methods.launch.report import minutes_text, responsible_text
from cocrea_desktop.methods.launch.store import Item, Signature
from cocrea_desktop.store.commitments import Commitment
from cocrea_desktop.ui.models.base import DISPLAY_ROLES, RowsModel


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class AgendaModel(RowsModel[Item]):
    COLUMNS = (("number", N_("Punto")), ("title", N_("Asunto")),
               ("presenter", N_("Presenta")), ("minutes", N_("Minutos")),
               ("state", N_("Estado")))

    def cell(self, item: Item, key: str, role: int) -> Any:
        if role in DISPLAY_ROLES:
            if key == "number":
                return str(item.number)
            if key == "title":
                return item.title
            if key == "presenter":
                return item.presenter
            if key == "minutes":
                return f"{item.minutes:g}"
            if item.closed:
                return _("tratado ({time})").format(time=minutes_text(item.seconds))
            return _("en curso") if item.open else _("pendiente")
        if role == Qt.ItemDataRole.FontRole and item.open:
            return _bold()
        return None


class PlanModel(RowsModel[Commitment]):
    """The plan's commitments; ``shown`` (an id) is in bold, ``presented`` (ids) marked."""

    COLUMNS = (("label", N_("Núm.")), ("name", N_("Compromiso")),
               ("responsible", N_("Responsable")), ("stage", N_("Etapa")),
               ("state", N_("En la sala")))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.shown = ""
        self.presented: set[str] = set()

    def cell(self, c: Commitment, key: str, role: int) -> Any:
        if role in DISPLAY_ROLES:
            if key == "label":
                return c.label
            if key == "name":
                return c.name
            if key == "responsible":
                return responsible_text(c)
            if key == "stage":
                return c.stage_text
            if c.id == self.shown:
                return _("en pantalla")
            return _("presentado") if c.id in self.presented else _("por presentar")
        if role == Qt.ItemDataRole.FontRole and c.id == self.shown:
            return _bold()
        return None


class SignaturesModel(RowsModel[Signature]):
    COLUMNS = (("number", N_("Núm.")), ("name", N_("Nombre")), ("post", N_("Cargo")),
               ("organisation", N_("Dependencia u organización")), ("signed", N_("Firmó")))

    def cell(self, s: Signature, key: str, role: int) -> Any:
        if role in DISPLAY_ROLES:
            if key == "number":
                return str(s.number)
            if key == "signed":
                return _("sí") if s.signed else _("no, asistió")
            return getattr(s, key)
        return None
