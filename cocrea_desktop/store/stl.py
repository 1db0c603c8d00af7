"""The STL (Secretariado Técnico Local): its members and its decisions.

Members rotate: each keeps its start and end dates, and a member who leaves is
given an end date, never deleted. The facilitator has a voice and no vote. Phone
and e-mail are personal fields (the journal keeps only a digest of them); names,
sectors and organisations are public (officials and representatives).

A decision records the agenda item, the proposal, who was present, and its
outcome: by consensus (each member present agrees, stands aside or blocks, with a
reason, as a consent poll records it; one block and it is not approved), or by a
vote where the STL's rules say so. The decisions the Local Action Plan needs name
their ``kind`` so the plan can point to the decision that made each step.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.errors import InvalidInput, NotFound
from cocrea_desktop.i18n import N_, _, ngettext
from cocrea_desktop.store.db import new_id
from cocrea_desktop.store.ideas import number_labels

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

SECTORS: dict[str, str] = {"government": N_("gobierno"),
                           "civil_society": N_("sociedad civil"),
                           "guarantor": N_("órgano garante")}
POSITIONS: dict[str, str] = {"agree": N_("de acuerdo"), "abstain": N_("se hace a un lado"),
                             "block": N_("bloquea")}
MODES: dict[str, str] = {"consensus": N_("consenso"), "vote": N_("votación")}
OUTCOMES: dict[str, str] = {"approved": N_("aprobada"), "rejected": N_("no aprobada")}
#: The decisions the PAL needs, in the order of the process.
KINDS: dict[str, str] = {
    "participation_strategy": N_("estrategia de participación aprobada"),
    "commitment_count": N_("número de compromisos acordado"),
    "selection": N_("selección de propuestas"),
    "consultation_ready": N_("compromiso listo para consulta"),
    "draft_approved": N_("borrador del PAL aprobado"),
    "other": N_("otro acuerdo"),
}
MAX_TEXT = 4000


def word(table: Mapping[str, str], key: str) -> str:
    return _(table[key]) if key in table else key


def clean(text: Any, limit: int = MAX_TEXT) -> str:
    text = str(text if text is not None else "").strip()
    if len(text) > limit:
        raise InvalidInput(_("El texto es demasiado largo (máximo {n} caracteres).").format(
            n=limit))
    return text


def one_line(text: Any, limit: int = 300) -> str:
    return " ".join(clean(text, limit).split())


def iso_date(value: Any, what: str, *, required: bool = False) -> str:
    """A date as typed (dd/mm/aaaa in Spanish, mm/dd/yyyy in English, or ISO), checked and
    returned as ISO; "" when empty and not required."""
    from cocrea_desktop.core import dates

    text = str(value or "").strip()
    if not text:
        if required:
            raise InvalidInput(_("Falta la fecha: {what}.").format(what=what))
        return ""
    try:
        return dates.parse_typed(text)
    except InvalidInput:
        raise InvalidInput(_("La fecha «{value}» ({what}) no es válida; escríbala como "
                             "{hint}.").format(value=text, what=what,
                                               hint=dates.numeric_hint())) from None


def show_date(value: Any, style: str = "numeric") -> str:
    """A stored ISO date as people write it in the language in force ("01/07/2027";
    ``medium``: "1 jul 2027")."""
    from cocrea_desktop.core import dates

    return dates.format_date(value, style) if value else ""


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    sector: str
    organisation: str = ""
    role: str = ""
    facilitator: bool = False
    phone: str = ""
    email: str = ""
    start_date: str = ""
    end_date: str = ""

    @property
    def sector_text(self) -> str:
        return word(SECTORS, self.sector)

    @property
    def votes(self) -> bool:
        return not self.facilitator

    def active_on(self, day: str) -> bool:
        return (not self.start_date or self.start_date <= day) and (
            not self.end_date or day <= self.end_date)


@dataclass(frozen=True)
class Position:
    member_id: str
    position: str
    reason: str = ""


@dataclass(frozen=True)
class Decision:
    id: str
    number: int
    label: str
    date: str
    agenda_item: str
    proposal: str = ""
    kind: str = "other"
    subject_id: str = ""
    mode: str = "consensus"
    present: tuple[str, ...] = ()
    positions: tuple[Position, ...] = ()
    votes: Mapping[str, int] = field(default_factory=dict)
    outcome: str = ""
    notes: str = ""

    @property
    def approved(self) -> bool:
        return self.outcome == "approved"

    @property
    def kind_text(self) -> str:
        return word(KINDS, self.kind)

    @property
    def outcome_text(self) -> str:
        return word(OUTCOMES, self.outcome)

    @property
    def mode_text(self) -> str:
        return word(MODES, self.mode)

    def tally_text(self) -> str:
        """"3 a favor, 0 en contra, 1 abstención"; "3 de acuerdo, 0 a un lado, 1 bloqueo"."""
        if self.mode == "vote":
            v = self.votes
            return ", ".join((
                _("{n} a favor").format(n=v.get("for", 0)),
                _("{n} en contra").format(n=v.get("against", 0)),
                ngettext("{n} abstención", "{n} abstenciones", v.get("abstain", 0)).format(
                    n=v.get("abstain", 0))))
        counts = {k: sum(1 for p in self.positions if p.position == k) for k in POSITIONS}
        return ", ".join((
            _("{n} de acuerdo").format(n=counts["agree"]),
            _("{n} a un lado").format(n=counts["abstain"]),
            ngettext("{n} bloqueo", "{n} bloqueos", counts["block"]).format(
                n=counts["block"])))


class StlStore:
    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.pf = repo.pf

    # -- members -----------------------------------------------------------
    def members(self, *, on: str | None = None) -> list[Member]:
        rows = self.pf.query("SELECT * FROM stl_member WHERE process_id = ? ORDER BY "
                             "created_at, name", [self.repo.process().id])
        found = [Member(r["id"], r["name"], r["sector"], r["organisation"], r["role"],
                        bool(r["facilitator"]), r["phone"], r["email"], r["start_date"],
                        r["end_date"]) for r in rows]
        if not on:
            return found
        day = iso_date(on, _("fecha"))
        return [m for m in found if m.active_on(day)]

    def member(self, member_id: str) -> Member:
        for m in self.members():
            if m.id == member_id:
                return m
        raise NotFound(_("No existe ese integrante del STL."))

    def find_member(self, text: str) -> Member:
        """A member by id, by its position in the list (1, 2...) or by name."""
        text = str(text).strip()
        members = self.members()
        if text.isdigit() and 1 <= int(text) <= len(members):
            return members[int(text) - 1]
        for m in members:
            if m.id == text or m.name.casefold() == text.casefold():
                return m
        raise NotFound(_("No existe el integrante del STL «{name}».").format(name=text))

    def _member_values(self, values: Mapping[str, Any], current: Member | None) -> dict[str, Any]:
        allowed = {"name", "sector", "organisation", "role", "facilitator", "phone", "email",
                   "start_date", "end_date"}
        unknown = set(values) - allowed
        if unknown:
            raise InvalidInput(_("No se puede indicar «{field}» en un integrante del STL.").format(
                field=sorted(unknown)[0]))
        out: dict[str, Any] = {}
        if "name" in values or current is None:
            out["name"] = one_line(values.get("name"))
            if not out["name"]:
                raise InvalidInput(_("Cada integrante del STL necesita un nombre."))
        if "sector" in values or current is None:
            sector = str(values.get("sector") or "").strip()
            if sector not in SECTORS:
                raise InvalidInput(_("El sector debe ser gobierno, sociedad civil u órgano "
                                     "garante."))
            out["sector"] = sector
        for key in ("organisation", "role", "phone", "email"):
            if key in values:
                out[key] = one_line(values[key])
        if "facilitator" in values:
            out["facilitator"] = 1 if values["facilitator"] else 0
        for key, what in (("start_date", _("inicio")), ("end_date", _("fin"))):
            if key in values:
                out[key] = iso_date(values[key], what)
        start = out.get("start_date", current.start_date if current else "")
        end = out.get("end_date", current.end_date if current else "")
        if start and end and end < start:
            raise InvalidInput(_("La fecha de fin ({end}) es anterior a la de inicio "
                                 "({start}).").format(end=show_date(end),
                                                      start=show_date(start)))
        return out

    def add_member(self, name: str, sector: str, **values: Any) -> tuple[Member, Changes]:
        row = self._member_values({"name": name, "sector": sector, **values}, None)
        with self.pf.write("stl.member_add", Label(N_("agregar a {name} al STL"),
                                                    name=row["name"])) as unit:
            mid = unit.insert("stl_member", {
                "id": new_id(), "process_id": self.repo.process().id, **row,
                "salt": secrets.token_hex(16), "created_at": unit.at, "updated_at": unit.at,
                "device_id": self.pf.device.id})
        return self.member(mid), unit.changes()

    def edit_member(self, member_id: str, **values: Any) -> Changes:
        member = self.member(member_id)
        row = self._member_values(values, member)
        with self.pf.write("stl.member_edit", Label(N_("editar a {name} en el STL"),
                                                     name=member.name)) as unit:
            unit.update("stl_member", member.id, row, stamp=True)
        return unit.changes()

    # -- decisions -----------------------------------------------------------
    def decisions(self, *, kind: str | None = None) -> list[Decision]:
        rows = self.pf.query("SELECT * FROM stl_decision WHERE process_id = ? ORDER BY date, "
                             "created_at", [self.repo.process().id])
        labels = number_labels(rows)
        found = [self._decision(r, labels[r["id"]]) for r in rows]
        return [d for d in found if d.kind == kind] if kind else found

    def decision(self, decision_id: str) -> Decision:
        for d in self.decisions():
            if d.id == decision_id or d.label == str(decision_id).upper():
                return d
        raise NotFound(_("No existe ese acuerdo del STL."))

    def latest(self, kind: str, subject_id: str = "") -> Decision | None:
        """The last approved decision of a kind (about one commitment when asked)."""
        found = [d for d in self.decisions(kind=kind) if d.approved
                 and (not subject_id or d.subject_id == subject_id)]
        return found[-1] if found else None

    @staticmethod
    def _decision(r: Mapping[str, Any], label: str) -> Decision:
        positions = json.loads(r["positions"] or "{}")
        return Decision(
            r["id"], r["number"], label, r["date"], r["agenda_item"], r["proposal"], r["kind"],
            r["subject_id"], r["mode"], tuple(json.loads(r["present"] or "[]")),
            tuple(Position(k, v.get("position", ""), v.get("reason", ""))
                  for k, v in positions.items()),
            json.loads(r["votes"] or "{}"), r["outcome"], r["notes"])

    def check_decision(self, *, date: str, agenda_item: str, proposal: str = "",
                       kind: str = "other", subject_id: str = "", mode: str = "consensus",
                       present: Iterable[str] = (),
                       positions: Mapping[str, tuple[str, str]] | None = None,
                       votes: Mapping[str, int] | None = None, notes: str = ""
                       ) -> dict[str, Any]:
        """A decision's values checked, with its outcome worked out (nothing written)."""
        date = iso_date(date, _("fecha del acuerdo"), required=True)
        agenda_item = one_line(agenda_item)
        if not agenda_item:
            raise InvalidInput(_("Escriba el punto del orden del día."))
        if kind not in KINDS:
            raise InvalidInput(_("No existe el tipo de acuerdo «{kind}».").format(kind=kind))
        if mode not in MODES:
            raise InvalidInput(_("El acuerdo se toma por consenso o por votación."))
        if kind == "consultation_ready":
            if not subject_id:
                raise InvalidInput(_("Diga qué compromiso queda listo para consulta."))
            self.repo.commitments.get(subject_id)
        members = {m.id: m for m in self.members()}
        present_ids = []
        for text in present:
            m = self.find_member(text)
            if not m.active_on(date):
                raise InvalidInput(_("{name} no era integrante del STL el {date}.").format(
                    name=m.name, date=show_date(date)))
            if m.id not in present_ids:
                present_ids.append(m.id)
        if not present_ids:
            raise InvalidInput(_("Anote quiénes estuvieron presentes."))
        voters = [i for i in present_ids if members[i].votes]
        record: dict[str, dict[str, str]] = {}
        tally: dict[str, int] = {}
        if mode == "consensus":
            for text, (position, reason) in (positions or {}).items():
                m = self.find_member(text)
                if m.id not in present_ids:
                    raise InvalidInput(_("{name} no estuvo presente; no puede dar su postura."
                                         ).format(name=m.name))
                if m.facilitator:
                    raise InvalidInput(_("{name} facilita: tiene voz y no voto.").format(
                        name=m.name))
                if position not in POSITIONS:
                    raise InvalidInput(_("La postura debe ser de acuerdo, a un lado o bloqueo."))
                reason = one_line(reason, 1000)
                if position in ("abstain", "block") and not reason:
                    raise InvalidInput(_("{name}: quien se hace a un lado o bloquea dice por "
                                         "qué.").format(name=m.name))
                record[m.id] = {"position": position, "reason": reason}
            missing = [members[i].name for i in voters if i not in record]
            if missing:
                raise InvalidInput(_("Falta la postura de: {names}.").format(
                    names=", ".join(missing)))
            blocked = any(v["position"] == "block" for v in record.values())
            agreed = any(v["position"] == "agree" for v in record.values())
            outcome = "approved" if agreed and not blocked else "rejected"
        else:
            for key in ("for", "against", "abstain"):
                try:
                    tally[key] = int((votes or {}).get(key, 0))
                except (TypeError, ValueError):
                    raise InvalidInput(_("Los votos son números enteros.")) from None
                if tally[key] < 0:
                    raise InvalidInput(_("Los votos son números enteros."))
            if sum(tally.values()) > len(voters):
                raise InvalidInput(_("Hay más votos ({n}) que integrantes con voto presentes "
                                     "({m}).").format(n=sum(tally.values()), m=len(voters)))
            outcome = "approved" if tally["for"] > tally["against"] else "rejected"
        return {"date": date, "agenda_item": agenda_item, "proposal": clean(proposal),
                "kind": kind, "subject_id": subject_id or "", "mode": mode,
                "present": json.dumps(present_ids),
                "positions": json.dumps(record, ensure_ascii=False, sort_keys=True),
                "votes": json.dumps(tally, sort_keys=True), "outcome": outcome,
                "notes": clean(notes)}

    def decide(self, **values: Any) -> tuple[Decision, Changes]:
        """Record a decision of the STL. A commitment marked ready for consultation by an
        approved decision moves to the consultation stage, its draft kept as it went."""
        row = self.check_decision(**values)
        number = (self.pf.scalar("SELECT MAX(number) FROM stl_decision WHERE process_id = ? "
                                 "AND origin = ?", [self.repo.process().id, self.pf.device.id])
                  or 0) + 1
        with self.pf.write("stl.decide", Label(N_("registrar el acuerdo «{item}»"),
                                                item=row["agenda_item"][:40])) as unit:
            did = unit.insert("stl_decision", {
                "id": new_id(), "process_id": self.repo.process().id, "number": number,
                "origin": self.pf.device.id, **row, "created_at": unit.at,
                "updated_at": unit.at, "device_id": self.pf.device.id})
            if row["outcome"] == "approved" and row["kind"] == "consultation_ready":
                self.repo.commitments._mark_stage(unit, row["subject_id"], "consultation", did)
        return self.decision(did), unit.changes()


__all__ = ["KINDS", "MODES", "OUTCOMES", "POSITIONS", "SECTORS", "Decision", "Member",
           "Position", "StlStore", "iso_date", "show_date"]
