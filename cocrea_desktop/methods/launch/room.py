"""What the room sees in a launch (read by ``export.room_state``): the welcome with the
count of those present; the agenda with the item under way and its clock; during the
presentation, one commitment at a time, big (its name as the heading, what it solves
and who is responsible, its milestones with their dates); at the close, who signed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cocrea_desktop.core import dates
from cocrea_desktop.core.methods.base import Phase
from cocrea_desktop.core.room import NO_TIMER, RoomItem
from cocrea_desktop.i18n import _, ngettext
from cocrea_desktop.methods.launch.report import responsible_text

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo


def timer(repo: Repo, session_id: str, phase: Phase) -> tuple[str, float] | None:
    """The agenda's clock is the open item's: (its slot, its minutes); none between items."""
    if phase.kind != "launch_agenda":
        return None
    current = repo.launch.current_item(session_id)
    if current is None:
        return NO_TIMER
    return current.id, current.minutes


def attendance(repo: Repo, session_id: str, phase: Phase) -> dict:
    present = repo.launch.present(session_id)
    return {"mode": "question",
            "footer": _("Asistentes registrados: {count}").format(count=present)
            if present else ""}


def item_status(item) -> str:
    if item.closed:
        return _("tratado")
    if item.open:
        return _("en curso")
    return _("{minutes} min").format(minutes=f"{item.minutes:g}")


def agenda(repo: Repo, session_id: str, phase: Phase) -> dict:
    la = repo.launch
    every = la.items(session_id)
    # While the agenda runs, the room sees what is under way and what follows.
    ahead = [i for i in every if not i.closed]
    items = tuple(RoomItem(str(i.number), i.title,
                           " · ".join(x for x in (i.presenter, item_status(i)) if x))
                  for i in (ahead or every))
    current = la.current_item(session_id)
    shown: dict = {"mode": "ideas" if items else "question", "items": items,
                   "items_title": _("Orden del día")}
    if current is not None:
        shown["question"] = _("Punto {number}: {title}").format(number=current.number,
                                                                title=current.title)
        shown["footer"] = _("Presenta: {who}").format(who=current.presenter) \
            if current.presenter else ""
    return shown


def plan(repo: Repo, session_id: str, phase: Phase) -> dict:
    la = repo.launch
    commitments = la.commitments()
    c = la.shown(session_id)
    if c is None:
        return {"mode": "question",
                "footer": ngettext("El plan tiene {count} compromiso",
                                   "El plan tiene {count} compromisos",
                                   len(commitments)).format(count=len(commitments))}
    items = tuple(RoomItem(
        str(i), m.description,
        " · ".join(x for x in (m.responsible, dates.format_date(m.due_date)
                               if m.due_date else _("sin fecha")) if x))
        for i, m in enumerate(c.milestones, 1))
    ids = [x.id for x in commitments]
    position = ids.index(c.id) + 1 if c.id in ids else 0
    # The heading is the commitment itself; under it what it solves; the milestones
    # with who and when; at the foot who is responsible.
    return {"mode": "ideas",
            "phase": _("Compromiso {label}: {name}").format(label=c.label, name=c.name),
            "question": _("Qué resuelve: {problem}").format(
                problem=c.problem or _("sin describir")),
            "rule": "", "items": items,
            "items_title": _("Hitos y fechas") + (" · " + _("compromiso {position} de {count}")
                                                 .format(position=position,
                                                         count=len(commitments))
                                                 if position else ""),
            "footer": _("Responsable: {who}").format(who=responsible_text(c)),
            "extra": {"commitment": c.id}}


def closing(repo: Repo, session_id: str, phase: Phase) -> dict:
    signed = [s for s in repo.launch.signatures(session_id) if s.signed]
    items = tuple(RoomItem(str(n), s.name, " · ".join(x for x in (s.post, s.organisation)
                                                       if x))
                  for n, s in enumerate(signed, 1))
    return {"mode": "ideas" if items else "question", "items": items,
            "items_title": _("Firman el Plan de Acción Local"),
            "footer": ngettext("{count} firma", "{count} firmas", len(items)).format(
                count=len(items))}


#: The launch's phase kinds and what the room sees in each.
VIEWS = {"launch_attendance": attendance, "launch_agenda": agenda, "launch_plan": plan,
         "launch_closing": closing}
