"""What the room sees in a follow-up meeting (read by ``export.room_state``): the count
of those present; the milestones due by the cut-off with their status and progress
(in words: status, percentage, due date, who is responsible); the agreements as they are made."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cocrea_desktop.core import dates
from cocrea_desktop.core.methods.base import Phase
from cocrea_desktop.core.room import RoomItem
from cocrea_desktop.i18n import _, ngettext
from cocrea_desktop.methods.followup_meeting.report import agreement_note, review_note

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo


def attendance(repo: Repo, session_id: str, phase: Phase) -> dict:
    present = repo.followup_meeting.present(session_id)
    return {"mode": "question",
            "footer": _("Asistentes registrados: {count}").format(count=present)
            if present else ""}


def review(repo: Repo, session_id: str, phase: Phase) -> dict:
    fm = repo.followup_meeting
    rows = fm.review_list(session_id)
    items = tuple(RoomItem(r.label, r.description, review_note(r)) for r in rows)
    cutoff = dates.format_date(fm.cutoff(session_id))
    return {"mode": "ideas" if items else "question",
            "question": _("Hitos que vencen al {date}").format(date=cutoff),
            "items": items, "items_title": _("Hitos por revisar"),
            "footer": ngettext("{count} hito pendiente", "{count} hitos pendientes",
                               len(items)).format(count=len(items))}


def agreements(repo: Repo, session_id: str, phase: Phase) -> dict:
    found = repo.followup_meeting.agreements(session_id)
    items = tuple(RoomItem(str(a.number), a.text,
                           " · ".join(x for x in ((_("hito {label}").format(label=a.label)
                                                   if a.label else _("general")),
                                                  agreement_note(a)) if x))
                  for a in found)
    return {"mode": "ideas" if items else "question", "items": items,
            "items_title": _("Acuerdos"), "follow_last": True,
            "footer": ngettext("{count} acuerdo", "{count} acuerdos", len(items)).format(
                count=len(items))}


#: The follow-up meeting's phase kinds and what the room sees in each.
VIEWS = {"followup_attendance": attendance, "followup_review": review,
         "followup_agreements": agreements, "followup_closing": agreements}
