"""What the room sees in the jury's phases (read by ``export.room_state``): the quotas and
how many volunteers there are (never a name), the drawn jury by number with its
replacements and the public seed, the witnesses heard, the recommendations with the
jury's agreement."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cocrea_desktop.core.methods.base import Phase
from cocrea_desktop.core.room import RoomItem
from cocrea_desktop.i18n import _

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo


def _features(features: dict[str, str]) -> str:
    return " · ".join(v for _k, v in sorted(features.items()))


def pool(repo: Repo, session_id: str, phase: Phase) -> dict:
    volunteers = [v for v in repo.jury.volunteers(session_id) if not v.erased]
    counts: dict[tuple[str, str], int] = {}
    for v in volunteers:
        for f, value in v.features.items():
            counts[(f, value)] = counts.get((f, value), 0) + 1
    items = tuple(RoomItem(str(i), _("{feature}: {value}").format(feature=q.feature,
                                                                  value=q.value),
                           _("de {low} a {high} · en la bolsa: {count}").format(
                               low=q.min, high=q.max, count=counts.get((q.feature, q.value), 0)))
                  for i, q in enumerate(repo.jury.quotas(session_id), start=1))
    return {"mode": "jury", "items": items, "items_title": _("Cuotas del jurado"),
            "footer": _("{count} personas voluntarias en la bolsa").format(
                count=len(volunteers))}


def drawn(repo: Repo, session_id: str, phase: Phase) -> dict:
    record = repo.jury.record(session_id)
    if record is None:
        shown = pool(repo, session_id, phase)
        shown["footer"] = _("Sorteo pendiente: se tiran los dados frente a testigos.") + " " \
            + shown["footer"]
        return shown
    panel = repo.jury.panel(session_id)
    items = tuple(RoomItem(str(v.number), _features(v.features))
                  for v in sorted(panel, key=lambda v: v.number))
    sentences = (
        _("Dados: {dice}").format(dice=record.dice),
        _("Semilla: {seed}").format(seed=record.seed),
        _("Suplentes en orden: {numbers}").format(
            numbers=", ".join(str(n) for n in record.replacements)),
    )
    return {"mode": "jury", "items": items,
            "items_title": _("El jurado sorteado ({count})").format(count=len(panel)),
            "sentences": sentences, "sentences_title": _("Sorteo público"),
            "footer": _("Semilla {seed} · algoritmo {algorithm}").format(
                seed=record.seed, algorithm=record.algorithm)}


def witnesses(repo: Repo, session_id: str, phase: Phase) -> dict:
    found = repo.jury.witnesses(session_id)
    items = tuple(RoomItem(str(w.number), w.name, w.role) for w in found)
    return {"mode": "jury", "items": items, "items_title": _("Testimonios"),
            "footer": "" if found else _("Aún no hay testimonios.")}


def recommendations(repo: Repo, session_id: str, phase: Phase) -> dict:
    recs = repo.jury.recommendations(session_id)
    items = tuple(RoomItem(str(r.number), r.text, r.agreement_text()) for r in recs)
    return {"mode": "jury", "items": items, "items_title": _("Recomendaciones del jurado"),
            "footer": "" if recs else _("Aún no hay recomendaciones.")}


#: The jury's phase kinds and what the room sees in each.
VIEWS = {"jury_pool": pool, "jury_draw": drawn, "jury_witnesses": witnesses,
         "jury_deliberation": recommendations}
