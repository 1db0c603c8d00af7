"""The launch's records (``repo.launch``): the agenda with a clock per item, the
commitments shown to the room (which one is on screen, and the stage each was in when
presented), who signed, and the closing note (a session parameter).

An agenda item's clock is the "agenda" phase timer with the item as slot, set to the
item's minutes when it opens. The commitments come from the plan (``repo.commitments``):
the room sees them one by one; each presented commitment is recorded once, with its
stage then, so the acta says which version was launched.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.errors import InvalidInput, NotFound, RuleViolation
from cocrea_desktop.core.timers import Timer
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.store.db import new_id

if TYPE_CHECKING:
    from cocrea_desktop.store.commitments import Commitment
    from cocrea_desktop.store.repo import Repo

AGENDA_PHASE = "agenda"
DEFAULT_MINUTES = 10
TABLES = ("launch_item", "launch_presented", "launch_signature")
MAX_NOTE = 4000


@dataclass(frozen=True)
class Item:
    id: str
    session_id: str
    number: int
    title: str
    presenter: str = ""
    minutes: float = DEFAULT_MINUTES
    opened_at: str = ""
    closed_at: str = ""
    seconds: float = 0.0

    @property
    def open(self) -> bool:
        return bool(self.opened_at) and not self.closed_at

    @property
    def closed(self) -> bool:
        return bool(self.closed_at)


@dataclass(frozen=True)
class Presented:
    id: str
    commitment_id: str
    label: str
    name: str
    stage: str
    milestones: int
    first_shown_at: str
    shown_seq: int


@dataclass(frozen=True)
class Signature:
    id: str
    number: int
    name: str
    post: str = ""
    organisation: str = ""
    signed: bool = True


def _clean(text: object) -> str:
    return " ".join(str(text or "").split())


def _item(r: dict) -> Item:
    return Item(r["id"], r["session_id"], r["number"], r["title"], r["presenter"],
                float(r["minutes"]), r["opened_at"], r["closed_at"], float(r["seconds"]))


class LaunchStore:
    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.pf = repo.pf

    def _stamp(self, unit) -> dict:
        return {"created_at": unit.at, "updated_at": unit.at, "device_id": self.pf.device.id}

    # -- agenda -----------------------------------------------------------------
    def items(self, session_id: str) -> list[Item]:
        return [_item(r) for r in self.pf.query(
            "SELECT * FROM launch_item WHERE session_id = ? ORDER BY number", [session_id])]

    def item(self, item_id: str) -> Item:
        row = self.pf.row("launch_item", item_id)
        if row is None:
            raise NotFound(_("No existe ese punto del orden del día."))
        return _item(row)

    @staticmethod
    def _minutes(value: object) -> float:
        try:
            minutes = float(str(value).replace(",", ".").strip())
        except ValueError:
            raise InvalidInput(_("«{value}» no es un número de minutos.").format(
                value=value)) from None
        if not 1 <= minutes <= 180:
            raise InvalidInput(_("El tiempo de un punto va de 1 a 180 minutos."))
        return minutes

    def add_item(self, session_id: str, title: str, *, presenter: str = "",
                 minutes: object = DEFAULT_MINUTES) -> tuple[Item, Changes]:
        title, presenter = _clean(title), _clean(presenter)
        if not title:
            raise InvalidInput(_("Escriba el punto del orden del día."))
        value = self._minutes(minutes)
        number = (self.pf.scalar("SELECT MAX(number) FROM launch_item WHERE session_id = ?",
                                 [session_id]) or 0) + 1
        with self.pf.write("launch.item_add", Label(N_("agregar el punto «{title}»"),
                                                    title=title)) as unit:
            item_id = unit.insert("launch_item", {
                "id": new_id(), "session_id": session_id, "number": number, "title": title,
                "presenter": presenter, "minutes": value, **self._stamp(unit)})
        return self.item(item_id), unit.changes().made(session_id=session_id, created=item_id,
                                                       created_kind="launch_item")

    def current_item(self, session_id: str) -> Item | None:
        return next((i for i in self.items(session_id) if i.open), None)

    def next_item(self, session_id: str) -> Item | None:
        return next((i for i in self.items(session_id) if not i.opened_at), None)

    def _close(self, unit, session_id: str, item: Item) -> None:
        timer = self.repo.phases.timer(session_id, AGENDA_PHASE, slot=item.id,
                                       minutes=item.minutes)
        now = self.pf.clock.now()
        if timer.running:
            self.repo.phases.write_timer(unit, session_id, f"{AGENDA_PHASE}:{item.id}",
                                         timer.pause(now))
        unit.update("launch_item", item.id, {"closed_at": unit.at,
                                             "seconds": round(timer.elapsed(now), 1)},
                    stamp=True)

    def next(self, session_id: str) -> tuple[Item | None, Changes]:
        """F8: close the item under way (its time kept) and open the next one with its
        clock running. Returns the item open now (None: the agenda is done)."""
        current = self.current_item(session_id)
        following = self.next_item(session_id)
        if current is None and following is None:
            raise RuleViolation(_("No quedan puntos por tratar en el orden del día."))
        label = Label(N_("iniciar el punto «{title}»"), title=following.title) if following \
            else Label(N_("cerrar el punto «{title}»"), title=current.title)
        with self.pf.write("launch.item_next", label) as unit:
            if current is not None:
                self._close(unit, session_id, current)
            if following is not None:
                self.repo.phases.write_timer(
                    unit, session_id, f"{AGENDA_PHASE}:{following.id}",
                    Timer.of_minutes(following.minutes).start(self.pf.clock.now()))
                unit.update("launch_item", following.id, {"opened_at": unit.at}, stamp=True)
        return (self.item(following.id) if following else None,
                unit.changes().made(session_id=session_id))

    def close_item(self, session_id: str) -> Changes:
        current = self.current_item(session_id)
        if current is None:
            raise RuleViolation(_("No hay un punto abierto."))
        with self.pf.write("launch.item_close", Label(N_("cerrar el punto «{title}»"),
                                                      title=current.title)) as unit:
            self._close(unit, session_id, current)
        return unit.changes().made(session_id=session_id)

    # -- the plan presented ---------------------------------------------------------
    def commitments(self) -> list[Commitment]:
        """What the launch presents: the plan's final commitments; while none is final
        yet, every commitment of the plan (the panel and the acta say each one's stage)."""
        every = self.repo.commitments.list()
        final = [c for c in every if c.stage == "final"]
        return final or every

    def presented(self, session_id: str) -> list[Presented]:
        return [Presented(r["id"], r["commitment_id"], r["label"], r["name"], r["stage"],
                          r["milestones"], r["first_shown_at"], r["shown_seq"])
                for r in self.pf.query("SELECT * FROM launch_presented WHERE session_id = ? "
                                       "ORDER BY first_shown_at, rowid", [session_id])]

    def shown(self, session_id: str) -> Commitment | None:
        """The commitment on the room's screen now (the one shown last)."""
        cid = self.pf.scalar("SELECT commitment_id FROM launch_presented WHERE session_id = ? "
                             "ORDER BY shown_seq DESC LIMIT 1", [session_id])
        if not cid:
            return None
        return next((c for c in self.repo.commitments.list() if c.id == cid), None)

    def show(self, session_id: str, commitment: str) -> Changes:
        """Put a commitment (id or label, "1") on the room's screen; the first time, it is
        recorded as presented with its stage then."""
        c = self.repo.commitments.get(commitment)
        seq = (self.pf.scalar("SELECT MAX(shown_seq) FROM launch_presented WHERE "
                              "session_id = ?", [session_id]) or 0) + 1
        known = self.pf.scalar("SELECT id FROM launch_presented WHERE session_id = ? AND "
                               "commitment_id = ?", [session_id, c.id])
        with self.pf.write("launch.show", Label(N_("presentar el compromiso {label}"),
                                                label=c.label)) as unit:
            if known:
                unit.update("launch_presented", str(known), {"shown_seq": seq}, stamp=True)
            else:
                unit.insert("launch_presented", {
                    "id": new_id(), "session_id": session_id, "commitment_id": c.id,
                    "label": c.label, "name": c.name, "stage": c.stage,
                    "milestones": len(c.milestones), "first_shown_at": unit.at,
                    "shown_seq": seq, **self._stamp(unit)})
        return unit.changes().made(session_id=session_id)

    def step(self, session_id: str, delta: int) -> Changes:
        """F8 / F7: the next (or previous) commitment of the plan on the screen."""
        plan = self.commitments()
        if not plan:
            raise RuleViolation(_("El plan no tiene compromisos que presentar: captúrelos en "
                                  "la ventana Plan de Acción."))
        shown = self.shown(session_id)
        ids = [c.id for c in plan]
        if shown is None or shown.id not in ids:
            index = 0 if delta >= 0 else len(plan) - 1
        else:
            index = ids.index(shown.id) + delta
            if not 0 <= index < len(plan):
                raise RuleViolation(_("Ya se presentó el último compromiso.") if delta > 0
                                    else _("Es el primer compromiso del plan."))
        return self.show(session_id, plan[index].id)

    # -- signatures and closing ------------------------------------------------------
    def signatures(self, session_id: str) -> list[Signature]:
        return [Signature(r["id"], r["number"], r["name"], r["post"], r["organisation"],
                          bool(r["signed"]))
                for r in self.pf.query("SELECT * FROM launch_signature WHERE session_id = ? "
                                       "ORDER BY number", [session_id])]

    def add_signature(self, session_id: str, *, name: str, post: str = "",
                      organisation: str = "", signed: bool = True
                      ) -> tuple[Signature, Changes]:
        """Someone who signed the plan (or attended officially without signing)."""
        name, post, organisation = _clean(name), _clean(post), _clean(organisation)
        if not name:
            raise InvalidInput(_("Escriba el nombre de quien firma."))
        if any(s.name.casefold() == name.casefold() for s in self.signatures(session_id)):
            raise RuleViolation(_("«{name}» ya está en la lista de firmas.").format(name=name))
        number = (self.pf.scalar("SELECT MAX(number) FROM launch_signature WHERE "
                                 "session_id = ?", [session_id]) or 0) + 1
        with self.pf.write("launch.signature_add", Label(N_("anotar la firma {number}"),
                                                         number=number)) as unit:
            sid = unit.insert("launch_signature", {
                "id": new_id(), "session_id": session_id, "number": number, "name": name,
                "post": post, "organisation": organisation, "signed": bool(signed),
                **self._stamp(unit)})
        found = next(s for s in self.signatures(session_id) if s.id == sid)
        return found, unit.changes().made(session_id=session_id, created=sid,
                                          created_kind="launch_signature")

    def closing_note(self, session_id: str) -> str:
        return str(self.repo.session(session_id).params.get("closing_note", ""))

    def set_closing_note(self, session_id: str, text: str) -> Changes:
        text = str(text or "").strip()
        if len(text) > MAX_NOTE:
            raise InvalidInput(_("La nota de cierre es demasiado larga (máximo {count} "
                                 "caracteres).").format(count=MAX_NOTE))
        params = dict(self.repo.session(session_id).params)
        params["closing_note"] = text
        return self.repo.update_session(session_id, params=params)

    def present(self, session_id: str) -> int:
        """Those present by the attendance count (the largest dimension's total), else the
        participants noted on the session."""
        totals = self.repo.attendance.totals(session_id)
        return max(totals.values(), default=0) or self.repo.session(session_id).participant_count


#: How the program finds this store: ``repo.launch``.
REPO_ATTRIBUTE = "launch"
STORE = LaunchStore
