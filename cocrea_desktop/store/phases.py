"""Where a session is in its method, and the timer of each phase.

Moving forward, back or skipping is one journaled action. A timer's state is
stored as instants (core.timers), so after a crash the remaining time is
recomputed from the file and the clock.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.errors import RuleViolation
from cocrea_desktop.core.methods import get_method
from cocrea_desktop.core.methods.base import Method, Phase
from cocrea_desktop.core.timers import Timer
from cocrea_desktop.i18n import N_, _

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo


class PhaseStore:
    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.pf = repo.pf

    # -- reading -----------------------------------------------------------
    def method(self, session_id: str) -> Method:
        return get_method(self.repo.session(session_id).method)

    def current(self, session_id: str) -> Phase:
        session = self.repo.session(session_id)
        method = get_method(session.method)
        key = session.phase or method.phases[0].key
        try:
            return method.phase(key)
        except KeyError:
            return method.phases[0]

    def index(self, session_id: str) -> int:
        session = self.repo.session(session_id)
        method = get_method(session.method)
        return method.phase_index(self.current(session_id).key)

    def next_phase(self, session_id: str, *, skip_optional: bool = False) -> Phase | None:
        method = self.method(session_id)
        i = self.index(session_id) + 1
        while i < len(method.phases):
            if not (skip_optional and method.phases[i].optional):
                return method.phases[i]
            i += 1
        return None

    def previous_phase(self, session_id: str) -> Phase | None:
        """The phase before this one that was not skipped (Alt+← goes there)."""
        i = self.index(session_id)
        skipped = self.skipped(session_id)
        phases = self.method(session_id).phases
        for j in range(i - 1, -1, -1):
            if phases[j].key not in skipped:
                return phases[j]
        return None

    def visited(self, session_id: str) -> set[str]:
        """The phases the session has been in, read from its journal (and where it is now)."""
        session = self.repo.session(session_id)
        # Each move into a phase counts, and its undo takes it back: a phase entered by
        # mistake, undone and then skipped was shown as done in the steps bar.
        entered: dict[str, int] = {}
        for r in self.pf.query(
                "SELECT action, json_extract(before, '$.phase') AS left, "
                "json_extract(after, '$.phase') AS phase FROM journal "
                "WHERE object_type = 'session' AND object_id = ? AND after IS NOT NULL "
                "ORDER BY seq", [session.id]):
            if not r["phase"] or r["phase"] == r["left"]:
                continue
            if str(r["action"]).startswith("undo:"):
                if r["left"]:
                    entered[r["left"]] = entered.get(r["left"], 0) - 1
            else:
                entered[r["phase"]] = entered.get(r["phase"], 0) + 1
        seen = {phase for phase, times in entered.items() if times > 0}
        # And where it was on the table laptop that ran it (its history, imported).
        seen.update(r["phase"] for r in self.pf.query(
            "SELECT DISTINCT json_extract(after, '$.phase') AS phase FROM session_event "
            "WHERE session_id = ? AND object_type = 'session' AND after IS NOT NULL",
            [session.id]) if r["phase"])
        seen.add(self.current(session_id).key)
        return seen

    def skipped(self, session_id: str) -> set[str]:
        """Optional phases before the current one that the session never entered."""
        method = self.method(session_id)
        here = self.index(session_id)
        visited = self.visited(session_id)
        return {p.key for p in method.phases[:here] if p.optional and p.key not in visited}

    def voting_started(self, session_id: str) -> bool:
        return bool(self.repo.session(session_id).voting_started_at)

    # -- moving --------------------------------------------------------------
    def go_to(self, session_id: str, phase_key: str) -> Changes:
        """Move to a phase (forward, back, or skipping optional ones); journaled."""
        session = self.repo.session(session_id)
        method = get_method(session.method)
        try:
            target = method.phase(phase_key)
        except KeyError:
            raise RuleViolation(_("La fase «{phase}» no existe en este método.").format(
                phase=phase_key)) from None
        self.repo.check_not_concluded(session_id)
        here = self.index(session_id)
        there = method.phase_index(phase_key)
        # A phase already held may be passed again (back to look, then forward again).
        visited = self.visited(session_id) if there > here + 1 else set()
        skipped = [p for p in method.phases[here + 1:there]
                   if not p.optional and p.key not in visited]
        if there > here + 1 and skipped:
            raise RuleViolation(_("No se puede saltar «{phase}»: no es opcional.").format(
                phase=skipped[0].title_text()))
        values: dict = {"phase": target.key}
        if target.vote_round and not session.voting_started_at:
            values["voting_started_at"] = None  # filled in below with the action's time
        if session.status == "planned" and there > 0:
            values["status"] = "in_progress"
        action = "phase.back" if there < here else "phase.forward"
        label = Label(N_("ir a la fase «{phase}»"), phase=Label(target.title))
        with self.pf.write(action, label) as unit:
            if "voting_started_at" in values:
                values["voting_started_at"] = unit.at
            unit.update("session", session.id, values, stamp=True)
            if there < here:
                unit.note("session", session.id, {"back_from": method.phases[here].key,
                                                  "back_to": target.key})
        return unit.changes().made(session_id=session_id)

    def forward(self, session_id: str) -> Changes:
        target = self.next_phase(session_id)
        if target is None:
            raise RuleViolation(_("Esta es la última fase."))
        return self.go_to(session_id, target.key)

    def skip(self, session_id: str) -> Changes:
        """Skip the next phase when it is optional (methods.md says which are)."""
        upcoming = self.next_phase(session_id)
        if upcoming is None:
            raise RuleViolation(_("Esta es la última fase."))
        if not upcoming.optional:
            raise RuleViolation(_("No se puede saltar «{phase}»: no es opcional.").format(
                phase=upcoming.title_text()))
        after = self.next_phase(session_id, skip_optional=True)
        if after is None:
            raise RuleViolation(_("No hay otra fase después de «{phase}».").format(
                phase=upcoming.title_text()))
        return self.go_to(session_id, after.key)

    def back(self, session_id: str) -> Changes:
        target = self.previous_phase(session_id)
        if target is None:
            raise RuleViolation(_("Esta es la primera fase."))
        return self.go_to(session_id, target.key)

    # -- timers --------------------------------------------------------------
    # A phase has one timer; a phase run in turns (a fishbowl's groups) has one per
    # ``slot`` (e.g. the group's id), stored as "<phase>:<slot>".
    def _phase_and_key(self, session_id: str, phase_key: str | None,
                       slot: str | None) -> tuple[Phase, str]:
        phase = self.current(session_id) if phase_key is None else \
            self.method(session_id).phase(phase_key)
        return phase, phase.key if not slot else f"{phase.key}:{slot}"

    def timer(self, session_id: str, phase_key: str | None = None, *,
              slot: str | None = None, minutes: float | None = None) -> Timer:
        """The timer of a phase (the current one by default), as stored."""
        phase, key = self._phase_and_key(session_id, phase_key, slot)
        row = self.pf.row("timer", f"{session_id}:{key}")
        if row is not None:
            return Timer.from_dict(json.loads(row["state"]))
        return Timer.of_minutes(minutes if minutes is not None else (phase.minutes or 0))

    def remaining(self, session_id: str, phase_key: str | None = None, *,
                  slot: str | None = None) -> float:
        return self.timer(session_id, phase_key, slot=slot).remaining(self.pf.clock.now())

    def _save_timer(self, session_id: str, key: str, timer: Timer, action: str,
                    label: Label) -> Changes:
        with self.pf.write(action, label) as unit:
            self.write_timer(unit, session_id, key, timer)
        return unit.changes().made(session_id=session_id)

    def write_timer(self, unit, session_id: str, key: str, timer: Timer) -> None:
        """Store a timer's state inside an action that also changes other rows."""
        timer_id = f"{session_id}:{key}"
        state = json.dumps(timer.to_dict(), sort_keys=True)
        if self.pf.row("timer", timer_id) is None:
            unit.insert("timer", {"id": timer_id, "session_id": session_id,
                                  "phase": key, "state": state,
                                  "created_at": unit.at, "updated_at": unit.at,
                                  "device_id": self.pf.device.id})
        else:
            unit.update("timer", timer_id, {"state": state}, stamp=True)

    def _timer_action(self, session_id: str, phase_key: str | None, slot: str | None,
                      verb: str, label: Label, change) -> Changes:
        _phase, key = self._phase_and_key(session_id, phase_key, slot)
        timer = change(self.timer(session_id, phase_key, slot=slot), self.pf.clock.now())
        return self._save_timer(session_id, key, timer, "timer." + verb, label)

    def start_timer(self, session_id: str, phase_key: str | None = None,
                    minutes: float | None = None, *, slot: str | None = None) -> Changes:
        def change(timer: Timer, now: float) -> Timer:
            if minutes is not None:
                timer = Timer.of_minutes(minutes)
            return timer.start(now)
        return self._timer_action(session_id, phase_key, slot, "start",
                                  Label(N_("iniciar el tiempo")), change)

    def pause_timer(self, session_id: str, phase_key: str | None = None, *,
                    slot: str | None = None) -> Changes:
        return self._timer_action(session_id, phase_key, slot, "pause",
                                  Label(N_("pausar el tiempo")),
                                  lambda t, now: t.pause(now))

    def resume_timer(self, session_id: str, phase_key: str | None = None, *,
                     slot: str | None = None) -> Changes:
        return self._timer_action(session_id, phase_key, slot, "resume",
                                  Label(N_("reanudar el tiempo")), lambda t, now: t.resume(now))

    def add_minute(self, session_id: str, phase_key: str | None = None,
                   minutes: float = 1, *, slot: str | None = None) -> Changes:
        return self._timer_action(session_id, phase_key, slot, "add",
                                  Label(N_("agregar un minuto")),
                                  lambda t, now: t.add_minutes(minutes))

    def reset_timer(self, session_id: str, phase_key: str | None = None, *,
                    slot: str | None = None) -> Changes:
        return self._timer_action(session_id, phase_key, slot, "reset",
                                  Label(N_("reiniciar el tiempo")), lambda t, now: t.reset())

    def toggle_timer(self, session_id: str, phase_key: str | None = None, *,
                     slot: str | None = None) -> Changes:
        """Start, pause or resume, whichever fits: one key for the facilitator."""
        timer = self.timer(session_id, phase_key, slot=slot)
        if timer.running:
            return self.pause_timer(session_id, phase_key, slot=slot)
        if timer.paused:
            return self.resume_timer(session_id, phase_key, slot=slot)
        return self.start_timer(session_id, phase_key, slot=slot)
