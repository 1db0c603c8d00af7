"""The follow-up meeting's records (``repo.followup_meeting``): its cut-off date, the
milestones it reviewed and the agreements it made.

The list to review comes from the plan's follow-up (``repo.followup.states``): the
milestones due by the cut-off date (a session parameter; by default the meeting's date)
that are neither done nor cancelled, their status as of the meeting's date (records
dated later do not count). «Registrar la
revisión» keeps that list with each status and percentage in this method's table, so
the acta says what the meeting saw even after the follow-up moves on.

An agreement may carry the new status the meeting agreed for its milestone: it is
recorded in the plan's follow-up first (``repo.followup.record``, dated the meeting's
day, with its own checks), then the agreement pointing to it; two actions, each undone
on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core import dates
from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.errors import InvalidInput, NotFound, RuleViolation
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.store.db import new_id
from cocrea_desktop.store.followup import STATUSES
from cocrea_desktop.store.stl import word

if TYPE_CHECKING:
    from cocrea_desktop.store.followup import MilestoneState
    from cocrea_desktop.store.repo import Repo

TABLES = ("followup_meeting_review", "followup_meeting_agreement")
MAX_TEXT = 2000


@dataclass(frozen=True)
class Reviewed:
    """A milestone on the meeting's list: as recorded (``recorded``) or as it stands."""

    milestone_id: str
    label: str
    description: str
    responsible: str
    due_date: str
    status: str
    percent: int
    recorded: bool = False

    @property
    def status_text(self) -> str:
        return word(STATUSES, self.status)


@dataclass(frozen=True)
class Agreement:
    id: str
    number: int
    milestone_id: str
    label: str
    text: str
    responsible: str = ""
    due_date: str = ""
    new_status: str = ""
    new_percent: int | None = None
    progress_id: str = ""

    @property
    def new_status_text(self) -> str:
        return word(STATUSES, self.new_status) if self.new_status else ""


def _clean(text: object) -> str:
    return " ".join(str(text or "").split())


def _iso(value: object, what: str) -> str:
    text = str(value or "").strip()
    if not text:
        return ""
    try:
        return dates.parse_typed(text)
    except InvalidInput:
        raise InvalidInput(_("La fecha «{value}» ({what}) no es válida; escríbala como "
                             "{hint}.").format(value=text, what=what,
                                               hint=dates.numeric_hint())) from None


class FollowupMeetingStore:
    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.pf = repo.pf

    def _stamp(self, unit) -> dict:
        return {"created_at": unit.at, "updated_at": unit.at, "device_id": self.pf.device.id}

    # -- the cut-off and the list ---------------------------------------------------
    def meeting_day(self, session_id: str) -> str:
        """The meeting's date (ISO): the session's, else today."""
        return self.repo.session(session_id).date or self.repo.followup.today()

    def cutoff(self, session_id: str) -> str:
        """The cut-off date (ISO): milestones due by it are reviewed."""
        return str(self.repo.session(session_id).params.get("cutoff", "")) or \
            self.meeting_day(session_id)

    def set_cutoff(self, session_id: str, value: object) -> Changes:
        day = _iso(value, _("fecha de corte"))
        if not day:
            raise InvalidInput(_("Escriba la fecha de corte ({hint}).").format(
                hint=dates.numeric_hint()))
        params = dict(self.repo.session(session_id).params)
        params["cutoff"] = day
        return self.repo.update_session(session_id, params=params)

    def due(self, session_id: str) -> list[MilestoneState]:
        """The milestones due by the cut-off and not done, as of the meeting's date: the
        follow-up's records dated after the meeting do not count (a meeting typed in
        afterwards, or read again later, sees what was known on its day)."""
        day, cutoff = self.meeting_day(session_id), self.cutoff(session_id)
        out = []
        for s in self.repo.followup.states(today=day):
            history = tuple(r for r in s.history if r.date <= day)
            s = replace(s, latest=history[0] if history else None, history=history)
            if s.milestone.due_date and s.milestone.due_date <= cutoff and \
                    s.recorded_status not in ("done", "cancelled"):
                out.append(s)
        return out

    def recorded(self, session_id: str) -> list[Reviewed]:
        """The review recorded for the current cut-off (after the cut-off changes, the
        review is recorded again; rows of another cut-off stay in the file, unshown)."""
        return [Reviewed(r["milestone_id"], r["label"], r["description"], r["responsible"],
                         r["due_date"], r["status"], r["percent"], True)
                for r in self.pf.query(
                    "SELECT * FROM followup_meeting_review WHERE session_id = ? AND "
                    "cutoff = ? ORDER BY due_date, label",
                    [session_id, self.cutoff(session_id)])]

    def review_list(self, session_id: str) -> list[Reviewed]:
        """The list the meeting reviews: as recorded, else as it stands now."""
        recorded = self.recorded(session_id)
        if recorded:
            return recorded
        return [Reviewed(s.milestone.id, s.label, s.milestone.description,
                         s.milestone.responsible or s.commitment.lead_agency,
                         s.milestone.due_date, s.status, s.percent)
                for s in sorted(self.due(session_id),
                                key=lambda s: (s.milestone.due_date, s.label))]

    def record_review(self, session_id: str) -> Changes:
        """Keep the list due by the cut-off with each status and percentage as the meeting
        sees them (again: the rows are brought up to date, new ones added)."""
        due = self.due(session_id)
        if not due:
            raise RuleViolation(_("No hay hitos pendientes que venzan al {date}.").format(
                date=dates.format_date(self.cutoff(session_id))))
        known = {r["milestone_id"]: r["id"] for r in self.pf.query(
            "SELECT id, milestone_id FROM followup_meeting_review WHERE session_id = ?",
            [session_id])}
        cutoff = self.cutoff(session_id)
        with self.pf.write("followup_meeting.review", Label(
                N_("registrar la revisión de los hitos"))) as unit:
            for s in due:
                values = {"label": s.label, "description": s.milestone.description,
                          "responsible": s.milestone.responsible or s.commitment.lead_agency,
                          "due_date": s.milestone.due_date, "status": s.status,
                          "percent": s.percent, "cutoff": cutoff}
                if s.milestone.id in known:
                    unit.update("followup_meeting_review", known[s.milestone.id], values,
                                stamp=True)
                else:
                    unit.insert("followup_meeting_review", {
                        "id": new_id(), "session_id": session_id,
                        "milestone_id": s.milestone.id, **values, **self._stamp(unit)})
        return unit.changes().made(session_id=session_id)

    # -- agreements ------------------------------------------------------------------
    def agreements(self, session_id: str) -> list[Agreement]:
        return [Agreement(r["id"], r["number"], r["milestone_id"], r["label"], r["text"],
                          r["responsible"], r["due_date"], r["new_status"], r["new_percent"],
                          r["progress_id"])
                for r in self.pf.query("SELECT * FROM followup_meeting_agreement WHERE "
                                       "session_id = ? ORDER BY number", [session_id])]

    def agreement(self, agreement_id: str) -> Agreement:
        for a in self.agreements(str(self.pf.scalar(
                "SELECT session_id FROM followup_meeting_agreement WHERE id = ?",
                [agreement_id]) or "")):
            if a.id == agreement_id:
                return a
        raise NotFound(_("No existe ese acuerdo."))

    def add_agreement(self, session_id: str, *, text: str, milestone: str = "",
                      responsible: str = "", due: object = "", status: str = "",
                      percent: Any = None) -> tuple[Agreement, Changes]:
        """An agreement: general, or on a milestone (its id or label, "2.1"). With a
        ``status``, the milestone's new status (and percentage) goes into the plan's
        follow-up, dated the meeting's day."""
        text, responsible = _clean(text), _clean(responsible)
        if not text:
            raise InvalidInput(_("Escriba el acuerdo."))
        if len(text) > MAX_TEXT:
            raise InvalidInput(_("El acuerdo es demasiado largo (máximo {count} "
                                 "caracteres).").format(count=MAX_TEXT))
        due_day = _iso(due, _("fecha del acuerdo"))
        state = self.repo.followup.state(milestone) if str(milestone).strip() else None
        if status and state is None:
            raise InvalidInput(_("Para cambiar un estado, elija el hito del acuerdo."))
        progress_id = ""
        if status:
            progress, _c = self.repo.followup.record(
                state.milestone.id, status=status, percent=percent,
                date=self.meeting_day(session_id),
                note=_("Acuerdo de la reunión de seguimiento: {text}").format(text=text))
            progress_id = progress.id
            percent = progress.percent
        number = (self.pf.scalar("SELECT MAX(number) FROM followup_meeting_agreement WHERE "
                                 "session_id = ?", [session_id]) or 0) + 1
        with self.pf.write("followup_meeting.agreement", Label(
                N_("anotar el acuerdo {number}"), number=number)) as unit:
            aid = unit.insert("followup_meeting_agreement", {
                "id": new_id(), "session_id": session_id, "number": number,
                "milestone_id": state.milestone.id if state else "",
                "label": state.label if state else "", "text": text,
                "responsible": responsible, "due_date": due_day,
                "new_status": status or "", "new_percent": percent if status else None,
                "progress_id": progress_id, **self._stamp(unit)})
        return self.agreement(aid), unit.changes().made(
            session_id=session_id, created=aid, created_kind="followup_meeting_agreement")

    # -- closing ----------------------------------------------------------------------
    def closing_note(self, session_id: str) -> str:
        return str(self.repo.session(session_id).params.get("closing_note", ""))

    def set_closing_note(self, session_id: str, text: str) -> Changes:
        text = str(text or "").strip()
        if len(text) > 4000:
            raise InvalidInput(_("La nota de cierre es demasiado larga (máximo {count} "
                                 "caracteres).").format(count=4000))
        params = dict(self.repo.session(session_id).params)
        params["closing_note"] = text
        return self.repo.update_session(session_id, params=params)

    def present(self, session_id: str) -> int:
        totals = self.repo.attendance.totals(session_id)
        return max(totals.values(), default=0) or self.repo.session(session_id).participant_count


#: How the program finds this store: ``repo.followup_meeting``.
REPO_ATTRIBUTE = "followup_meeting"
STORE = FollowupMeetingStore
