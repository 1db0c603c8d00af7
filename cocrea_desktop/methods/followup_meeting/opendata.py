"""What the open data publishes of a follow-up meeting (read by ``export.opendata``): the
milestones it reviewed with their status and progress then, and its agreements (without
who is responsible: that may be a person's name)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cocrea_desktop.i18n import N_

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

SESSION = ("session_id", "texto", N_("Sesión"))

TABLES: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "followup_meeting_reviews": (N_("Reuniones de seguimiento: hitos revisados"), [
        SESSION,
        ("milestone", "texto", N_("Hito (compromiso.hito)")),
        ("description", "texto", N_("Descripción del hito")),
        ("due_date", "fecha", N_("Fecha comprometida (AAAA-MM-DD)")),
        ("cutoff", "fecha", N_("Fecha de corte de la reunión (AAAA-MM-DD)")),
        ("status", "texto", N_("Estado en la reunión: not_started, in_progress, done, late, "
                               "cancelled")),
        ("percent", "entero", N_("Avance en la reunión (0 a 100)")),
    ]),
    "followup_meeting_agreements": (N_("Reuniones de seguimiento: acuerdos"), [
        SESSION,
        ("number", "entero", N_("Número del acuerdo")),
        ("milestone", "texto", N_("Hito del acuerdo (vacío: general)")),
        ("text", "texto", N_("Texto del acuerdo")),
        ("due_date", "fecha", N_("Fecha para cumplirlo (AAAA-MM-DD)")),
        ("new_status", "texto", N_("Nuevo estado del hito que acordó la reunión (vacío: "
                                   "ninguno)")),
        ("new_percent", "entero", N_("Nuevo avance acordado (vacío: ninguno)")),
    ]),
}


def rows(repo: Repo, session_id: str) -> dict[str, list[dict[str, Any]]]:
    fm = repo.followup_meeting
    cutoff = fm.cutoff(session_id)
    return {
        "followup_meeting_reviews": [{
            "milestone": r.label, "description": r.description, "due_date": r.due_date,
            "cutoff": cutoff, "status": r.status, "percent": r.percent}
            for r in fm.recorded(session_id)],
        "followup_meeting_agreements": [{
            "number": a.number, "milestone": a.label, "text": a.text,
            "due_date": a.due_date, "new_status": a.new_status,
            "new_percent": "" if a.new_percent is None else a.new_percent}
            for a in fm.agreements(session_id)],
    }
