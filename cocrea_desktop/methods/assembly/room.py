"""What the room sees in the assembly's own phases (read by ``export.room_state``): the
agenda; during an item, the item as the heading, the speaker's clock, the list by turn
number (never names on the projector), the proposals with their result; the agreements.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cocrea_desktop.core.methods.base import Phase
from cocrea_desktop.core.room import NO_TIMER, RoomItem
from cocrea_desktop.i18n import _, ngettext

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo


def timer(repo: Repo, session_id: str, phase: Phase) -> tuple[str, float] | None:
    """The clock is the speaker's: (their slot, the equal minutes); none between speakers."""
    if phase.kind != "assembly_items":
        return None
    current = repo.assembly.current_speaker(session_id)
    if current is None:
        return NO_TIMER
    return current.id, repo.assembly.speaker_minutes(session_id)


def item_status(repo: Repo, item) -> str:
    if item.closed:
        return _("tratado")
    if item.open:
        return _("en discusión")
    return ""


def agenda(repo: Repo, session_id: str, phase: Phase) -> dict:
    items = tuple(RoomItem(str(i.number), i.title, item_status(repo, i))
                  for i in repo.assembly.items(session_id))
    quorum = repo.assembly.quorum(session_id)
    present = repo.assembly.present(session_id)
    footer = _("Presentes: {present} · quórum: {quorum}").format(
        present=present, quorum=quorum) if quorum else ""
    return {"mode": "ideas" if items else "question", "items": items,
            "items_title": _("Orden del día"), "footer": footer}


def proposal_note(vote) -> str:
    """A proposal's standing result in words, for the room and the screen."""
    if vote is None:
        return _("sin votar")
    return _("{outcome} · {summary}").format(outcome=vote.outcome_text().capitalize(),
                                             summary=vote.summary())


def speaker_line(repo: Repo, session_id: str) -> str:
    """ "Tiene la palabra: turno 3 · siguen 4 (1 en segunda ronda)"."""
    a = repo.assembly
    current = a.current_speaker(session_id)
    queue = a.queue(session_id)
    second = sum(1 for s in queue if s.speaking_round == 2)
    parts = []
    if current is not None:
        parts.append(_("Tiene la palabra: turno {number}").format(number=current.position)
                     + (" " + _("(segunda ronda)") if current.speaking_round == 2 else ""))
    if queue:
        waiting = ngettext("sigue {count}", "siguen {count}", len(queue)).format(
            count=len(queue))
        if second:
            waiting += " " + ngettext("({count} en segunda ronda)",
                                      "({count} en segunda ronda)", second).format(
                count=second)
        parts.append(waiting)
    return " · ".join(parts) or _("Nadie en la lista de oradores")


def items_view(repo: Repo, session_id: str, phase: Phase) -> dict:
    a = repo.assembly
    item = a.current_item(session_id)
    if item is None:
        following = a.next_item(session_id)
        return {**agenda(repo, session_id, phase), "question": _(
            "Sigue el punto {number}: {title}").format(number=following.number,
                                                        title=following.title)
            if following else _("Se trataron todos los puntos del orden del día")}
    proposals = a.proposals(session_id, item.id)
    rows = tuple(RoomItem(str(p.number), p.text, proposal_note(a.last_vote(p.id)))
                 for p in proposals)
    return {"mode": "ideas" if rows else "question",
            "question": _("Punto {number}: {title}").format(number=item.number,
                                                            title=item.title),
            "items": rows, "items_title": _("Propuestas"),
            "footer": speaker_line(repo, session_id),
            "extra": {"item": item.number}}


def acta(repo: Repo, session_id: str, phase: Phase) -> dict:
    a = repo.assembly
    rows = []
    for agreement in a.agreements(session_id):
        vote = a.vote(agreement.vote_id)
        rows.append(RoomItem(str(agreement.number), agreement.text, vote.summary()))
    return {"mode": "ideas" if rows else "question", "items": tuple(rows),
            "items_title": _("Acuerdos de la asamblea"),
            "footer": ngettext("{count} acuerdo", "{count} acuerdos", len(rows)).format(
                count=len(rows))}


#: The assembly's phase kinds and what the room sees in each.
VIEWS = {"agenda": agenda, "assembly_items": items_view, "assembly_acta": acta}
