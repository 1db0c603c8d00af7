"""Fishbowl (*pecera*): groups with a position, the drawn turn order, equal timed turns.

Each group's turn has its own timer (the "turns" phase timer with the group as
slot); starting and ending a turn records the actual instants, the pauses and
the overrun. Ideas are tagged by group, never by person. The draw of the turn
order happens on screen and is journaled (who drew, when, the result).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.errors import InvalidInput, NotFound, RuleViolation
from cocrea_desktop.core.timers import Timer
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.store.db import new_id

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

TURNS_PHASE = "turns"
DEFAULT_TURN_MINUTES = 10


@dataclass(frozen=True)
class FishbowlGroup:
    id: str
    session_id: str
    number: int
    label: str
    size: int = 0
    members: str = ""
    turn_order: int = 0


@dataclass(frozen=True)
class Turn:
    group: FishbowlGroup
    started_at: str = ""
    ended_at: str = ""
    overrun_seconds: float = 0.0
    pauses: int = 0

    @property
    def done(self) -> bool:
        return bool(self.ended_at)

    @property
    def running(self) -> bool:
        return bool(self.started_at) and not self.ended_at


class FishbowlStore:
    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.pf = repo.pf

    # -- groups ---------------------------------------------------------------
    def groups(self, session_id: str) -> list[FishbowlGroup]:
        """Groups in turn order once drawn (by number before)."""
        rows = self.pf.query("SELECT * FROM fishbowl_group WHERE session_id = ? "
                             "ORDER BY CASE WHEN turn_order > 0 THEN turn_order ELSE 1000000 END,"
                             " number", [session_id])
        return [FishbowlGroup(r["id"], r["session_id"], r["number"], r["label"], r["size"],
                              r["members"], r["turn_order"]) for r in rows]

    def group(self, group_id: str) -> FishbowlGroup:
        row = self.pf.row("fishbowl_group", group_id)
        if row is None:
            raise NotFound(_("No existe ese grupo."))
        return FishbowlGroup(row["id"], row["session_id"], row["number"], row["label"],
                             row["size"], row["members"], row["turn_order"])

    def _check_not_started(self, session_id: str) -> None:
        if self.pf.scalar("SELECT 1 FROM fishbowl_turn WHERE session_id = ? AND started_at != ''",
                          [session_id]):
            raise RuleViolation(_("Los turnos ya empezaron: los grupos y su orden ya no cambian."))

    def add_group(self, session_id: str, label: str, *, size: int = 0,
                  members: str = "") -> tuple[FishbowlGroup, Changes]:
        label = " ".join(str(label).split())
        if not label:
            raise InvalidInput(_("Cada grupo necesita un nombre o una postura."))
        if size < 0:
            raise InvalidInput(_("El tamaño del grupo no puede ser negativo."))
        self._check_not_started(session_id)
        number = (self.pf.scalar("SELECT MAX(number) FROM fishbowl_group WHERE session_id = ?",
                                 [session_id]) or 0) + 1
        with self.pf.write("fishbowl.group_add", Label(N_("agregar el grupo «{label}»"),
                label=label)) as unit:
            group_id = unit.insert("fishbowl_group", {
                "id": new_id(), "session_id": session_id, "number": number, "label": label,
                "size": int(size), "members": members.strip(), "turn_order": 0,
                "created_at": unit.at, "updated_at": unit.at, "device_id": self.pf.device.id})
        return self.group(group_id), unit.changes()

    def edit_group(self, group_id: str, *, label: str | None = None, size: int | None = None,
                   members: str | None = None) -> Changes:
        group = self.group(group_id)
        values: dict = {}
        if label is not None:
            label = " ".join(label.split())
            if not label:
                raise InvalidInput(_("Cada grupo necesita un nombre o una postura."))
            values["label"] = label
        if size is not None:
            if size < 0:
                raise InvalidInput(_("El tamaño del grupo no puede ser negativo."))
            values["size"] = int(size)
        if members is not None:
            values["members"] = members.strip()
        with self.pf.write("fishbowl.group_edit", Label(N_("editar el grupo «{label}»"),
                label=group.label)) as unit:
            unit.update("fishbowl_group", group.id, values, stamp=True)
        return unit.changes()

    def draw_order(self, session_id: str, *,
                   shuffle: Callable[[list], None] | None = None) -> tuple[list[FishbowlGroup],
                                                                           Changes]:
        """Draw the turn order on screen (a fair shuffle), journaled with its result."""
        groups = self.groups(session_id)
        if len(groups) < 2:
            raise RuleViolation(_("Se necesitan al menos dos grupos para sortear el orden."))
        self._check_not_started(session_id)
        order = list(groups)
        (shuffle or random.SystemRandom().shuffle)(order)
        with self.pf.write("fishbowl.draw", Label(N_("sortear el orden de los turnos"))) as unit:
            for position, group in enumerate(order, start=1):
                unit.update("fishbowl_group", group.id, {"turn_order": position}, stamp=True)
            unit.note("session", session_id, {
                "draw": "turn_order", "result": [g.label for g in order],
                "device": self.pf.device.name})
        return self.groups(session_id), unit.changes()

    # -- turns ----------------------------------------------------------------
    def turn_minutes(self, session_id: str) -> float:
        params = self.repo.session(session_id).params
        return float(params.get("turn_minutes", DEFAULT_TURN_MINUTES))

    def set_turn_minutes(self, session_id: str, minutes: float) -> Changes:
        """The equal time every group gets (default 10 minutes, 5 to 20 usual)."""
        if not 1 <= minutes <= 60:
            raise InvalidInput(_("El tiempo por grupo debe estar entre 1 y 60 minutos."))
        self._check_not_started(session_id)
        session = self.repo.session(session_id)
        params = dict(session.params, turn_minutes=minutes)
        return self.repo.update_session(session_id, params=params)

    def turns(self, session_id: str) -> list[Turn]:
        rows = {r["group_id"]: r for r in self.pf.query(
            "SELECT * FROM fishbowl_turn WHERE session_id = ?", [session_id])}
        turns = []
        for group in self.groups(session_id):
            row = rows.get(group.id)
            turns.append(Turn(group, row["started_at"], row["ended_at"], row["overrun_seconds"],
                              row["pauses"]) if row else Turn(group))
        return turns

    def current_turn(self, session_id: str) -> Turn | None:
        """The running turn, else the next one to run; None when all are done."""
        turns = self.turns(session_id)
        for turn in turns:
            if turn.running:
                return turn
        for turn in turns:
            if not turn.done:
                return turn
        return None

    def start_turn(self, session_id: str, group_id: str) -> Changes:
        """The group goes to the centre: its timer starts with the equal time."""
        group = self.group(group_id)
        if any(t.running for t in self.turns(session_id)):
            raise RuleViolation(_("Otro grupo está en el centro: termine su turno primero."))
        turn_id = f"{session_id}:{group.id}"
        row = self.pf.row("fishbowl_turn", turn_id)
        if row and row["ended_at"]:
            raise RuleViolation(_("El grupo «{label}» ya tuvo su turno.").format(label=group.label))
        minutes = self.turn_minutes(session_id)
        timer = self.repo.phases.timer(session_id, TURNS_PHASE, slot=group.id, minutes=minutes)
        with self.pf.write("fishbowl.turn_start", Label(N_("iniciar el turno de «{label}»"),
                label=group.label)) as unit:
            # The timer and the turn start in one transaction: a kill leaves both or neither.
            if not timer.running and not timer.paused:
                self.repo.phases.write_timer(unit, session_id, f"{TURNS_PHASE}:{group.id}",
                                             Timer.of_minutes(minutes).start(self.pf.clock.now()))
            if row is None:
                unit.insert("fishbowl_turn", {"id": turn_id, "session_id": session_id,
                                              "group_id": group.id, "started_at": unit.at,
                                              "created_at": unit.at, "updated_at": unit.at,
                                              "device_id": self.pf.device.id})
            else:
                unit.update("fishbowl_turn", turn_id, {"started_at": unit.at}, stamp=True)
        return unit.changes()

    def end_turn(self, session_id: str, group_id: str) -> Changes:
        """Close the group's turn: the actual end, the overrun and the pauses are recorded."""
        group = self.group(group_id)
        turn_id = f"{session_id}:{group.id}"
        row = self.pf.row("fishbowl_turn", turn_id)
        if row is None or not row["started_at"] or row["ended_at"]:
            raise RuleViolation(_("El turno de «{label}» no está en curso.").format(
                label=group.label))
        timer = self.repo.phases.timer(session_id, TURNS_PHASE, slot=group.id)
        now = self.pf.clock.now()
        with self.pf.write("fishbowl.turn_end", Label(N_("terminar el turno de «{label}»"),
                label=group.label)) as unit:
            unit.update("fishbowl_turn", turn_id, {
                "ended_at": unit.at, "overrun_seconds": round(timer.overrun(now), 1),
                "pauses": timer.pauses}, stamp=True)
        return unit.changes()

    # -- convergences -----------------------------------------------------------
    def cluster_groups(self, session_id: str) -> dict[str, list[str]]:
        """For each cluster id, the labels of the groups whose ideas are in it."""
        labels = {g.id: g.label for g in self.groups(session_id)}
        found: dict[str, list[str]] = {}
        for row in self.pf.query(
                "SELECT DISTINCT cluster_id, group_key FROM idea WHERE session_id = ? "
                "AND cluster_id IS NOT NULL AND status != 'withdrawn'", [session_id]):
            label = labels.get(row["group_key"])
            if label and label not in found.setdefault(row["cluster_id"], []):
                found[row["cluster_id"]].append(label)
        return found


#: How the program finds this store: ``repo.fishbowl`` (see ``store.repo.Repo``).
REPO_ATTRIBUTE = "fishbowl"
STORE = FishbowlStore
