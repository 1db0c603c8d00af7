"""Prioritisation's open data (read by ``export.opendata``): the criteria, every score
without who gave it (no sheet number, sorted so that the order says nothing either), and
the results with what the STL agreed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.i18n import N_

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

TABLES: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "prioritisation_criteria": (N_("Criterios de cada priorización"), [
        ("session_id", "texto", N_("Sesión")),
        ("position", "entero", N_("Orden del criterio (1 = primero)")),
        ("name", "texto", N_("Nombre del criterio")),
        ("question", "texto", N_("Pregunta leída en voz alta")),
        ("weight", "decimal", N_("Peso del criterio")),
        ("higher_is_priority", "booleano", N_("1: más alto = más prioridad; 0: al revés")),
    ]),
    "prioritisation_scores": (N_("Cada calificación, sin quién la dio"), [
        ("session_id", "texto", N_("Sesión")),
        ("proposal", "entero", N_("Número de la propuesta en la mesa")),
        ("criterion", "entero", N_("Orden del criterio")),
        ("score", "entero", N_("Calificación de 1 a 5 (vacía: faltó)")),
    ]),
    "prioritisation_results": (N_("Resultado de cada priorización"), [
        ("session_id", "texto", N_("Sesión")),
        ("rank", "entero", N_("Lugar (vacío: sin puntaje)")),
        ("proposal", "entero", N_("Número de la propuesta en la mesa")),
        ("title", "texto", N_("Propuesta")),
        ("score", "decimal", N_("Puntaje: suma de peso × promedio")),
        ("means", "texto", N_("Promedio de cada criterio, separados por espacios")),
        ("scored", "texto", N_("Calificaciones de cada criterio, separadas por espacios")),
        ("goes_on", "booleano", N_("1 si el STL acordó que pasa al Plan de Acción Local")),
    ]),
}


def rows(repo: Repo, session_id: str) -> dict[str, list[dict[str, Any]]]:
    store = repo.prioritisation
    setup = store.setup(session_id)
    out: dict[str, list[dict[str, Any]]] = {
        "prioritisation_criteria": [
            {"session_id": session_id, "position": i + 1, "name": c.label(),
             "question": c.question_text(), "weight": c.weight,
             "higher_is_priority": int(c.higher_is_priority)}
            for i, c in enumerate(setup.criteria)]}
    scores = [(option, i + 1, score) for card in store.cards(session_id)
              for option, row in card for i, score in enumerate(row)]
    out["prioritisation_scores"] = [
        {"session_id": session_id, "proposal": o, "criterion": c,
         "score": "" if s is None else s}
        for o, c, s in sorted(scores, key=lambda t: (t[0], t[1], t[2] is None, t[2] or 0))]
    try:
        result = store.tally(session_id)
    except CocreaError:
        return out
    agreement = store.agreement(session_id)
    passing = set(agreement.selected) if agreement else set()
    titles = {i.number: i.title for i in store.items(session_id)}
    out["prioritisation_results"] = [
        {"session_id": session_id, "rank": "" if r.rank is None else r.rank,
         "proposal": r.option, "title": titles.get(r.option, ""),
         "score": "" if r.score is None else round(r.score, 4),
         "means": " ".join("" if m is None else f"{m:.4f}" for m in r.means),
         "scored": " ".join(str(n) for n in r.scored), "goes_on": int(r.option in passing)}
        for r in result.rows]
    return out
