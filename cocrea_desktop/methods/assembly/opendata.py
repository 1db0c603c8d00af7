"""What the open data publishes of an assembly (read by ``export.opendata``): the agenda,
the votes as counts (never who counted), the agreements with their vote, and speaking
time by item, sector and sex (turns and seconds, never names)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cocrea_desktop.i18n import N_

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

SESSION = ("session_id", "texto", N_("Sesión"))
ITEM = ("item", "entero", N_("Número del punto del orden del día"))

TABLES: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "assembly_agenda": (N_("Asambleas: puntos del orden del día"), [
        SESSION, ITEM,
        ("title", "texto", N_("Asunto del punto")),
        ("vote_mode", "texto", N_("Cómo se vota: hands (a mano alzada o de pie) o ballot "
                                  "(boleta)")),
        ("status", "texto", N_("Estado: pending, open, closed")),
        ("turns", "entero", N_("Turnos de palabra que hubo")),
        ("seconds", "entero", N_("Segundos de palabra en total")),
    ]),
    "assembly_votes": (N_("Asambleas: votaciones de las propuestas (conteos)"), [
        SESSION, ITEM,
        ("proposal", "entero", N_("Número de la propuesta")),
        ("proposal_text", "texto", N_("Texto de la propuesta")),
        ("mode", "texto", N_("Forma: hands (mano alzada), standing (de pie), ballot (boleta)")),
        ("votes_for", "entero", N_("Votos a favor (con boleta: votos de la propuesta)")),
        ("votes_against", "entero", N_("Votos en contra")),
        ("abstentions", "entero", N_("Abstenciones")),
        ("present", "entero", N_("Personas presentes (con boleta: boletas contadas)")),
        ("quorum", "entero", N_("Quórum exigido (0: sin quórum)")),
        ("outcome", "texto", N_("Resultado: approved, rejected, tied")),
    ]),
    "assembly_agreements": (N_("Asambleas: acuerdos y la votación que los tomó"), [
        SESSION, ITEM,
        ("number", "entero", N_("Número del acuerdo")),
        ("text", "texto", N_("Texto del acuerdo")),
        ("proposal", "entero", N_("Propuesta votada")),
        ("mode", "texto", N_("Forma de la votación")),
        ("votes_for", "entero", N_("Votos a favor")),
        ("votes_against", "entero", N_("Votos en contra")),
        ("abstentions", "entero", N_("Abstenciones")),
    ]),
    "assembly_speaking": (N_("Asambleas: tiempo de palabra por sector y sexo (conteos, sin "
                             "nombres)"), [
        SESSION, ITEM,
        ("dimension", "texto", N_("Dimensión: sector o sex")),
        ("category", "texto", N_("Categoría")),
        ("turns", "entero", N_("Turnos de palabra")),
        ("seconds", "entero", N_("Segundos de palabra")),
    ]),
}

#: Stored words of the sex of a speaker, published as keys (not the screen's words).
SEX_KEYS = {"mujer": "mujer", "hombre": "hombre", "otro": "otro", "": "sin_dato"}


def rows(repo: Repo, session_id: str) -> dict[str, list[dict[str, Any]]]:
    a = repo.assembly
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    items = {i.id: i for i in a.items(session_id)}
    proposals = {p.id: p for p in a.proposals(session_id)}
    for item in items.values():
        spoke = [s for s in a.speakers(item.id) if s.ended_at]
        out["assembly_agenda"].append({
            "item": item.number, "title": item.title, "vote_mode": item.vote_mode,
            "status": "closed" if item.closed else ("open" if item.open else "pending"),
            "turns": len(spoke), "seconds": round(sum(s.seconds for s in spoke))})
        for dimension, key in (("sector", lambda s: s.sector or "sin_dato"),
                               ("sex", lambda s: SEX_KEYS.get(s.sex, s.sex))):
            counted: dict[str, list[float]] = {}
            for s in spoke:
                counted.setdefault(key(s), []).append(s.seconds)
            for category, seconds in sorted(counted.items()):
                out["assembly_speaking"].append({
                    "item": item.number, "dimension": dimension, "category": category,
                    "turns": len(seconds), "seconds": round(sum(seconds))})
    for vote in a.votes(session_id):
        proposal = proposals[vote.proposal_id]
        out["assembly_votes"].append({
            "item": items[proposal.item_id].number, "proposal": proposal.number,
            "proposal_text": proposal.text, "mode": vote.mode, "votes_for": vote.votes_for,
            "votes_against": vote.votes_against, "abstentions": vote.abstentions,
            "present": vote.present, "quorum": vote.quorum, "outcome": vote.outcome})
    for agreement in a.agreements(session_id):
        vote = a.vote(agreement.vote_id)
        out["assembly_agreements"].append({
            "item": items[agreement.item_id].number, "number": agreement.number,
            "text": agreement.text, "proposal": proposals[vote.proposal_id].number,
            "mode": vote.mode, "votes_for": vote.votes_for,
            "votes_against": vote.votes_against, "abstentions": vote.abstentions})
    return out
