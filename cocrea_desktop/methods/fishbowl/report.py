"""What the fishbowl's relatoría says in its own words (read by ``export.relatoria``):
the titles of the synthesis fields, and its summary (the turns, each group of ideas
with the positions that raised it and its points, the ideas left out of every group).
Computed without Qt; the screen and the PDF both show it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cocrea_desktop.core.timers import format_remaining
from cocrea_desktop.core.voting import wording
from cocrea_desktop.export.relatoria import Section
from cocrea_desktop.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from cocrea_desktop.export.evidence import SessionSnapshot
    from cocrea_desktop.store.repo import Repo

#: What the synthesis fields hold in a vote on groups of ideas: raising the same theme
#: is not agreeing on it, and a theme of one position is not a disagreement.
SEVERAL_POSITIONS = N_("Temas que plantearon varias posturas")
ONE_POSITION = N_("Temas que planteó una sola postura")

#: In a fishbowl, the synthesis sorts the themes by how many positions raised them.
RELATORIA_HEADINGS = {"convergences": SEVERAL_POSITIONS, "dissent": ONE_POSITION}

def turn_details(turn: Any) -> list[str]:
    """What a finished turn left on record besides its end: overrun, pauses."""
    details = []
    if turn.overrun_seconds >= 1:
        details.append(_("se pasó {time}").format(time=format_remaining(turn.overrun_seconds)))
    if turn.pauses:
        details.append(ngettext("{count} pausa", "{count} pausas", turn.pauses).format(
            count=turn.pauses))
    return details


def turn_status(turn: Any) -> str:
    """A turn's state in words (never a colour alone)."""
    if turn.running:
        return _("En el centro")
    if turn.done:
        return " · ".join([_("Turno terminado")] + turn_details(turn))
    return _("Pendiente")


def shared_text(groups: list[str]) -> str:
    """How many positions raised a group of ideas."""
    if len(groups) > 1:
        return ngettext("Coincidencia: {count} postura", "Coincidencia: {count} posturas",
                        len(groups)).format(count=len(groups))
    if groups:
        return _("Una sola postura")
    return _("Sin ideas")


def cluster_points(snap: SessionSnapshot) -> dict[int, str]:
    """The standing result's total per group of ideas, in words ({} before any vote)."""
    final = snap.final_round()
    if final is None or final.error:
        return {}
    return {row["option"]: row["total_words"] for row in final.rows}


def sections(repo: Repo, session_id: str, snap: SessionSnapshot) -> tuple[Section, ...]:
    """The fishbowl's summary: the turns, the groups of ideas with the positions that
    raised them (most points first), and the ideas in no group (not voted)."""
    turns = repo.fishbowl.turns(session_id)
    out = [Section(_("Turnos ({minutes} min por grupo)").format(
        minutes=int(repo.fishbowl.turn_minutes(session_id))),
        tuple(_("{group} — {status}").format(group=t.group.label, status=turn_status(t))
              for t in turns))]
    clusters = repo.ideas.clusters(session_id)
    shared = repo.fishbowl.cluster_groups(session_id)
    points = cluster_points(snap)
    totals = {row["option"]: row["total"] or 0
              for row in (snap.final_round().rows if points else ())}
    lines = []
    for c in sorted(clusters, key=lambda c: (-totals.get(c.number, 0), c.number)):
        groups = shared.get(c.id, [])
        line = _("{number}. {label} — {groups} ({shared})").format(
            number=c.number, label=c.label, groups=", ".join(groups) or "—",
            shared=shared_text(groups))
        if points:
            line += " · " + points.get(c.number, wording.points(0))
        lines.append(line)
    out.append(Section(_("Grupos de ideas"), tuple(lines)))
    loose = repo.ideas.unclustered(session_id)
    if loose:
        labels = {g.id: g.label for g in repo.fishbowl.groups(session_id)}
        out.append(Section(_("Ideas sin grupo de ideas (no se votaron)"), tuple(
            _("{number}. {text} — {group}").format(number=i.number, text=i.text,
                                                    group=labels.get(i.group_key, "—"))
            for i in loose)))
    return tuple(out)
