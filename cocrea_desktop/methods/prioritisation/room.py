"""What the room sees in prioritisation's phases (read by ``export.room_state``): the
proposals on the table, the criteria with their questions, how many sheets came in,
and at the results and the agreement the top proposals with their scores in words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cocrea_desktop.core.methods.base import Phase
from cocrea_desktop.core.room import RoomItem, result_items
from cocrea_desktop.core.voting.wording import PROPOSAL
from cocrea_desktop.i18n import _
from cocrea_desktop.methods.prioritisation.summary import agreement_lines, summary

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

#: How many proposals the room sees at the results (the rest are in the PDF).
TOP = 5


def proposals(repo: Repo, session_id: str, phase: Phase) -> dict:
    items = tuple(RoomItem(str(i.number), i.title)
                  for i in repo.prioritisation.items(session_id))
    return {"mode": "ideas" if items else "empty", "items": items,
            "items_title": _("Propuestas en la mesa"),
            "footer": _("{count} propuestas").format(count=len(items)) if items else ""}


def criteria(repo: Repo, session_id: str, phase: Phase) -> dict:
    setup = repo.prioritisation.setup(session_id)
    items = tuple(RoomItem(str(i + 1), c.label(), " · ".join(
        p for p in (c.question_text(), _("peso {weight}").format(weight=_w(c.weight))) if p))
                  for i, c in enumerate(setup.criteria))
    sentences = tuple(
        _("«{name}»: {high} = más prioridad.").format(name=c.label(), high=setup.scale_max)
        if c.higher_is_priority else
        _("«{name}»: al revés, {low} = más prioridad.").format(name=c.label(),
                                                                low=setup.scale_min)
        for c in setup.criteria)
    return {"mode": "ideas" if items else "empty", "items": items,
            "items_title": _("Criterios"), "sentences": sentences,
            "sentences_title": _("Dirección de cada criterio")}


def scoring(repo: Repo, session_id: str, phase: Phase) -> dict:
    shown = criteria(repo, session_id, phase)
    setup = repo.prioritisation.setup(session_id)
    sheets = len(repo.prioritisation.sheets(session_id))
    shown["footer"] = _("Hojas capturadas: {count} de {total}").format(
        count=sheets, total=setup.evaluators or sheets)
    return shown


def results(repo: Repo, session_id: str, phase: Phase) -> dict:
    found = summary(repo, session_id)
    if found is None or not found.top:
        return scoring(repo, session_id, phase)
    result = repo.prioritisation.tally(session_id)
    texts = {i.number: i.title for i in repo.prioritisation.items(session_id)}
    items = tuple(i for i in result_items(result, texts, PROPOSAL)
                  if i.place is not None)[:TOP]
    sentences = agreement_lines(repo, session_id) if phase.kind == "prio_agreement" else ()
    return {"mode": "results", "items": items,
            "items_title": _("Propuestas con más puntaje"),
            "sentences": sentences or (found.rule_text,),
            "sentences_title": _("Acuerdo del STL") if sentences else _("Cómo se calificó"),
            "footer": _("Calificaron {count} personas").format(count=found.evaluators)}


def _w(weight: float) -> str:
    return str(int(weight)) if float(weight).is_integer() else f"{weight:.2f}"


VIEWS = {"prio_proposals": proposals, "prio_criteria": criteria,
         "prio_evaluators": criteria, "prio_scoring": scoring,
         "prio_results": results, "prio_agreement": results}
