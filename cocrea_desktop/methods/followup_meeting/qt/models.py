"""The follow-up meeting's tables on screen: the milestones reviewed and the agreements.
Models on the one base of ``ui.models.base``."""

from __future__ import annotations

from typing import Any

from cocrea_desktop.core import dates
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.methods.followup_meeting.store import Agreement, Reviewed
from cocrea_desktop.ui.models.base import DISPLAY_ROLES, RowsModel


class ReviewModel(RowsModel[Reviewed]):
    COLUMNS = (("label", N_("Hito")), ("description", N_("Descripción")),
               ("responsible", N_("Responsable")), ("due", N_("Vence")),
               ("status", N_("Estado")), ("percent", N_("Avance")))

    def cell(self, r: Reviewed, key: str, role: int) -> Any:
        if role in DISPLAY_ROLES:
            if key == "due":
                return dates.format_date(r.due_date, "numeric") if r.due_date else ""
            if key == "status":
                return r.status_text
            if key == "percent":
                return f"{r.percent} %"
            return getattr(r, key)
        return None


class AgreementsModel(RowsModel[Agreement]):
    COLUMNS = (("number", N_("Núm.")), ("label", N_("Hito")), ("text", N_("Acuerdo")),
               ("responsible", N_("Responde")), ("due", N_("Para el")),
               ("status", N_("Nuevo estado")))

    def cell(self, a: Agreement, key: str, role: int) -> Any:
        if role in DISPLAY_ROLES:
            if key == "number":
                return str(a.number)
            if key == "label":
                return a.label or _("general")
            if key == "due":
                return dates.format_date(a.due_date, "numeric") if a.due_date else ""
            if key == "status":
                return _("{status}, {percent} %").format(
                    status=a.new_status_text, percent=a.new_percent or 0) \
                    if a.new_status else ""
            return getattr(a, key)
        return None
