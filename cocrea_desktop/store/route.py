"""The process route: the CEPAL phases with their dates, responsible people and products.

A phase gets a row the first time something is written for it (see migration
``0018_route_and_actors``); until then it is shown with its defaults. Each change is
one journaled, undoable transaction. A session belongs to one phase: the one a
person chose, or its method's default (``Method.route_phase``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core import dates
from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.core.methods import get_method
from cocrea_desktop.core.route import (
    DATE_FIELDS,
    FIELDS,
    KEYS,
    PHASES,
    RoutePhase,
    Standing,
    complete,
    phase_title,
    standing,
)
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.store.stl import clean, one_line

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

TEXT_LIMITS = {"responsible": 200, "products": 1000, "note": 2000}


class RouteStore:
    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.pf = repo.pf

    # -- reading -----------------------------------------------------------
    def today(self) -> str:
        return dt.datetime.fromtimestamp(self.pf.clock.now()).date().isoformat()

    def phases(self) -> list[RoutePhase]:
        """The nine phases in order, as written or with their defaults."""
        rows = self.pf.query("SELECT * FROM route_phase WHERE process_id = ?",
                             [self.repo.process().id])
        return complete([RoutePhase(r["key"], r["planned_start"], r["planned_end"],
                                    r["actual_start"], r["actual_end"], r["responsible"],
                                    r["products"], r["note"]) for r in rows])

    def phase(self, key: str) -> RoutePhase:
        return self.phases()[KEYS.index(self.find_key(key))]

    def standing(self, today: str | None = None) -> Standing:
        return standing(self.phases(), today or self.today())

    @staticmethod
    def find_key(text: str) -> str:
        """A phase by key (``diagnosis``), number (1..9) or title in either language."""
        raw = " ".join(str(text or "").split())
        if raw in PHASES:
            return raw
        if raw.isdigit() and 1 <= int(raw) <= len(KEYS):
            return KEYS[int(raw) - 1]
        wanted = raw.casefold()
        for key, (title, _products) in PHASES.items():
            if wanted and wanted in (title.casefold(), _(title).casefold()):
                return key
        raise InvalidInput(_("No existe la fase «{phase}» en la ruta. Las fases son: "
                             "{phases}.").format(
            phase=raw, phases=", ".join(f"{i}. {phase_title(k)}"
                                        for i, k in enumerate(KEYS, 1))))

    # -- writing -----------------------------------------------------------
    def _values(self, values: Mapping[str, Any], current: RoutePhase) -> dict[str, Any]:
        unknown = set(values) - set(FIELDS)
        if unknown:
            raise InvalidInput(_("No se puede indicar «{field}» en una fase de la "
                                 "ruta.").format(field=sorted(unknown)[0]))
        out: dict[str, Any] = {}
        for key in DATE_FIELDS:
            if key in values:
                try:
                    out[key] = dates.parse_typed(values[key] or "")
                except InvalidInput as err:
                    raise InvalidInput(_("{field}: {problem}").format(
                        field=_(FIELDS[key]).capitalize(), problem=err.message)) from None
        for key, limit in TEXT_LIMITS.items():
            if key in values:
                out[key] = (one_line(values[key], limit) if key == "responsible"
                            else clean(values[key], limit))
        merged = {k: out.get(k, getattr(current, k)) for k in DATE_FIELDS}
        for start, end in (("planned_start", "planned_end"), ("actual_start", "actual_end")):
            if merged[start] and merged[end] and merged[end] < merged[start]:
                raise InvalidInput(_("En «{phase}», el {end} ({end_date}) es anterior al "
                                     "{start} ({start_date}).").format(
                    phase=current.title, end=_(FIELDS[end]),
                    end_date=dates.format_date(merged[end], "numeric"),
                    start=_(FIELDS[start]),
                    start_date=dates.format_date(merged[start], "numeric")))
        if merged["actual_end"] and not merged["actual_start"]:
            raise InvalidInput(_("«{phase}» no puede terminar sin haber iniciado: escriba "
                                 "también su inicio real.").format(phase=current.title))
        return out

    def set(self, key: str, **values: Any) -> Changes:
        """Write some fields of one phase (dates ISO or typed dd/mm/aaaa; '' clears)."""
        key = self.find_key(key)
        current = self.phase(key)
        row = self._values(values, current)
        changed = {k: v for k, v in row.items() if getattr(current, k) != v}
        label = Label(N_("editar la fase «{phase}» de la ruta"), phase=Label(PHASES[key][0]))
        if not changed:
            return Changes(label=label, undoable=False)
        with self.pf.write("route.set", label) as unit:
            if current.written:
                unit.update("route_phase", self._id(key), changed, stamp=True)
            else:
                unit.insert("route_phase", {
                    "id": self._id(key), "process_id": self.repo.process().id, "key": key,
                    **{k: getattr(current, k) for k in (*DATE_FIELDS, "responsible",
                                                         "products", "note")},
                    **row, "created_at": unit.at, "updated_at": unit.at,
                    "device_id": self.pf.device.id})
        return unit.changes()

    def start(self, key: str, day: str = "") -> Changes:
        """The phase began (today unless a date is given)."""
        return self.set(key, actual_start=day or self.today())

    def end(self, key: str, day: str = "") -> Changes:
        """The phase ended (today unless a date is given); it must have begun."""
        key = self.find_key(key)
        current = self.phase(key)
        if not current.started:
            raise InvalidInput(_("«{phase}» aún no ha iniciado: márquela como iniciada "
                                 "antes de terminarla.").format(phase=current.title))
        return self.set(key, actual_end=day or self.today())

    def _id(self, key: str) -> str:
        return f"{self.repo.process().id}:{key}"

    # -- sessions ------------------------------------------------------------
    def session_phase(self, session_id: str) -> str:
        """The phase a session belongs to: chosen, or its method's default."""
        session = self.repo.session(session_id)
        chosen = self.pf.scalar("SELECT route_phase FROM session WHERE id = ?", [session.id])
        return self._phase_of(session.method, chosen)

    @staticmethod
    def _phase_of(method: str, chosen: str | None) -> str:
        if chosen in PHASES:
            return str(chosen)
        try:
            default = get_method(method).route_phase
        except KeyError:
            default = "meetings"
        return default if default in PHASES else "meetings"

    def session_phase_chosen(self, session_id: str) -> bool:
        session = self.repo.session(session_id)
        return bool(self.pf.scalar("SELECT route_phase FROM session WHERE id = ?",
                                   [session.id]))

    def set_session_phase(self, session_id: str, key: str) -> Changes:
        """Say which phase a session belongs to ('' = its method's default)."""
        session = self.repo.session(session_id)
        key = self.find_key(key) if str(key or "").strip() else ""
        label = Label(N_("asignar la sesión «{question}» a la fase «{phase}»"),
                      question=" ".join(session.question.split())[:40],
                      phase=Label(PHASES[key][0] if key else N_("la de su método")))
        with self.pf.write("route.session_phase", label) as unit:
            unit.update("session", session.id, {"route_phase": key}, stamp=True)
        return unit.changes().made(session_id=session.id)

    def sessions_by_phase(self) -> dict[str, list[str]]:
        """Phase key -> the ids of its sessions (archived ones left out), in one read."""
        out: dict[str, list[str]] = {k: [] for k in KEYS}
        for r in self.pf.query("SELECT id, method, route_phase FROM session WHERE archived = 0 "
                               "ORDER BY position, created_at"):
            out[self._phase_of(r["method"], r["route_phase"])].append(r["id"])
        return out
