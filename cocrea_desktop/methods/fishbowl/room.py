"""What the room sees in the fishbowl's own phases (read by ``export.room_state``): the
groups in their drawn order and who is in the centre, what the open round said, and
which positions meet in each cluster of ideas."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cocrea_desktop.core.methods.base import Phase
from cocrea_desktop.core.room import NO_TIMER, RoomItem
from cocrea_desktop.core.voting import wording
from cocrea_desktop.i18n import _, ngettext

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo


def timer(repo: Repo, session_id: str, phase: Phase) -> tuple[str, float] | None:
    """A turn's timer is the group's in the centre: (its slot, the turn's minutes)."""
    if phase.kind != "turns":
        return None
    current = repo.fishbowl.current_turn(session_id)
    if current is None:
        turns = repo.fishbowl.turns(session_id)
        # Every group has spoken: no clock (the phase's idle 10:00 would say time is left).
        return NO_TIMER if turns and all(t.done for t in turns) else None
    return current.group.id, repo.fishbowl.turn_minutes(session_id)


def turns(repo: Repo, session_id: str, phase: Phase) -> dict:
    """The groups in their drawn order; the one in the centre, the ones that spoke."""
    all_turns = repo.fishbowl.turns(session_id)
    current = repo.fishbowl.current_turn(session_id)
    items = tuple(RoomItem(str(t.group.turn_order or "-"), t.group.label,
                           _("en el centro") if current and t.group.id == current.group.id
                           and t.running else (_("ya habló") if t.done else ""))
                  for t in all_turns)
    centre = current.group.label if current and current.running else ""
    footer = _("En el centro: {group}").format(group=centre) if centre else ""
    return {"mode": "turns", "items": items, "items_title": _("Orden de los grupos"),
                "footer": footer, "extra": {"centre": centre}}


def open_round(repo: Repo, session_id: str, phase: Phase) -> dict:
    """What is said in the open round, as it is noted; no results."""
    notes = repo.ideas.notes(session_id, phase.key)
    items = tuple(RoomItem(note.created_at[11:16], note.text) for note in notes)
    return {"mode": "ideas" if items else "question", "items": items,
                "items_title": _("Ronda abierta: lo que aprendimos")}


def clusters(repo: Repo, session_id: str, phase: Phase) -> dict | None:
    """The clusters with their ideas and the groups that raised them (None: no cluster yet,
    the room sees the ideas)."""
    found = repo.ideas.clusters(session_id)
    if not found:
        return None
    ideas = [i for i in repo.ideas.list(session_id) if i.active]
    members: dict[str, list[int]] = {}
    for idea in ideas:
        if idea.cluster_id:
            members.setdefault(idea.cluster_id, []).append(idea.number)
    raised = repo.fishbowl.cluster_groups(session_id)
    items = tuple(RoomItem(str(c.number), c.label, _cluster_note(
        members.get(c.id, []), raised.get(c.id, []))) for c in found)
    loose = [i.number for i in ideas if not i.cluster_id]
    footer = ngettext("{count} idea sin grupo", "{count} ideas sin grupo",
                      len(loose)).format(count=len(loose)) if loose else ""
    return {"mode": "clusters", "items": items, "items_title": _("Grupos de ideas"),
            "footer": footer}


def _cluster_note(numbers: list[int], groups: list[str]) -> str:
    """ "ideas 1, 2 y 4 · de Cabecera y Comités de obra": which positions meet in a cluster."""
    if not numbers:
        return _("sin ideas todavía")
    ideas = ngettext("idea {numbers}", "ideas {numbers}", len(numbers)).format(
        numbers=wording.join_numbers(numbers))
    if not groups:
        return ideas
    return _("{ideas} · de {groups}").format(ideas=ideas, groups=wording.join_items(groups))


#: The fishbowl's phase kinds and what the room sees in each.
VIEWS = {"groups": turns, "turns": turns, "open_round": open_round, "cluster": clusters}
