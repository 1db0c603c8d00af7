"""The jury's open data (read by ``export.opendata``): counts only. How many volunteers
and jury members of each value of each feature, how many replacements, witnesses and
recommendations (by consensus or not). Never a name, a contact, or a volunteer's
number beside their features (small pools could point at someone)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cocrea_desktop.i18n import N_

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

TABLES: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "jury_counts": (N_("Jurado ciudadano: bolsa de voluntarias y jurado en conteos anónimos; "
                       "testimonios y recomendaciones contados"), [
        ("session_id", "texto", N_("Sesión")),
        ("group", "texto", N_("pool (bolsa de voluntarias), panel (jurado actual), "
                              "draw (sorteo), witnesses (testimonios) o "
                              "recommendations (recomendaciones)")),
        ("feature", "texto", N_("Característica (comunidad, sexo, edad...) o qué se cuenta")),
        ("value", "texto", N_("Valor de la característica, o total, replacements, "
                              "consensus (por consenso), support (con nivel de apoyo)")),
        ("count", "entero", N_("Número")),
    ]),
}


def rows(repo: Repo, session_id: str) -> dict[str, list[dict[str, Any]]]:
    jury = repo.jury
    out: list[dict[str, Any]] = []

    def add(group: str, feature: str, value: str, count: int) -> None:
        out.append({"session_id": session_id, "group": group, "feature": feature,
                    "value": value, "count": count})

    pool = [v for v in jury.volunteers(session_id) if not v.erased]
    panel = jury.panel(session_id)
    for group, people in (("pool", pool), ("panel", panel)):
        add(group, "total", "total", len(people))
        counts: dict[tuple[str, str], int] = {}
        for v in people:
            for feature, value in v.features.items():
                counts[(feature, value)] = counts.get((feature, value), 0) + 1
        for (feature, value), count in sorted(counts.items()):
            add(group, feature, value, count)
    if jury.record(session_id) is not None:
        add("draw", "replacements", "replacements", len(jury.swaps(session_id)))
    add("witnesses", "total", "total", len(jury.witnesses(session_id)))
    recs = jury.recommendations(session_id)
    add("recommendations", "agreement", "consensus",
        sum(r.agreement == "consensus" for r in recs))
    add("recommendations", "agreement", "support", sum(r.agreement != "consensus" for r in recs))
    return {"jury_counts": out} if pool or recs else {}
