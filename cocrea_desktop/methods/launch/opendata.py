"""What the open data publishes of a launch (read by ``export.opendata``): its agenda as
held (planned and actual time) and which commitments were presented, in which stage.
Never a name: neither who presented an item nor who signed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cocrea_desktop.i18n import N_

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

SESSION = ("session_id", "texto", N_("Sesión"))

TABLES: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "launch_agenda": (N_("Lanzamientos del PAL: orden del día"), [
        SESSION,
        ("item", "entero", N_("Número del punto")),
        ("title", "texto", N_("Asunto del punto")),
        ("minutes", "entero", N_("Minutos previstos")),
        ("seconds", "entero", N_("Segundos que duró (0: no se trató)")),
        ("status", "texto", N_("Estado: pending, open, closed")),
    ]),
    "launch_presented": (N_("Lanzamientos del PAL: compromisos presentados"), [
        SESSION,
        ("commitment", "texto", N_("Número del compromiso")),
        ("name", "texto", N_("Nombre del compromiso")),
        ("stage", "texto", N_("Etapa del compromiso al presentarse: draft, consultation, "
                              "approved, final")),
        ("milestones", "entero", N_("Número de hitos")),
    ]),
}


def rows(repo: Repo, session_id: str) -> dict[str, list[dict[str, Any]]]:
    la = repo.launch
    return {
        "launch_agenda": [{
            "item": i.number, "title": i.title, "minutes": round(i.minutes),
            "seconds": round(i.seconds),
            "status": "closed" if i.closed else ("open" if i.open else "pending")}
            for i in la.items(session_id)],
        "launch_presented": [{
            "commitment": p.label, "name": p.name, "stage": p.stage,
            "milestones": p.milestones} for p in la.presented(session_id)],
    }
