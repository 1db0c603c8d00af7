"""Commitments of the Local Action Plan (the OGP commitment template), with milestones.

A commitment is drafted from one or more proposals, keeping the origin trace (the
proposals, the sessions and tables they came from, the votes and scores behind
them, as links), or written at the office with the reason why. Its SMART check is
ticked by people, criterion by criterion with a note; the program points out what
it can see for itself (:func:`findings`). It goes to public consultation only when
the STL marks it ready (a decision, see :mod:`cocrea_desktop.store.stl`); the draft
that went to consultation, the approved and the final are kept as versions to be
compared side by side. Every edit is one journaled, undoable transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.errors import InvalidInput, NotFound, RuleViolation
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.store.db import new_id
from cocrea_desktop.store.ideas import number_labels
from cocrea_desktop.store.stl import clean, iso_date, one_line, show_date, word

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

PILLARS: dict[str, str] = {"transparency": N_("transparencia"),
                           "participation": N_("participación"),
                           "accountability": N_("rendición de cuentas"),
                           "integrity": N_("integridad"),
                           "capacities": N_("fortalecimiento de capacidades")}
SMART: dict[str, str] = {"specific": N_("específico"), "measurable": N_("medible"),
                         "achievable": N_("alcanzable"), "relevant": N_("relevante"),
                         "time_bound": N_("con plazo")}
STAGES: dict[str, str] = {"draft": N_("borrador"), "consultation": N_("listo para consulta"),
                          "approved": N_("aprobado"), "final": N_("final")}
VERSION_STAGES = ("consultation", "approved", "final")
#: The template's text fields, in the order the template asks them.
TEXT_FIELDS = ("name", "start_date", "end_date", "lead_agency", "responsible", "other_actors",
               "problem", "baseline", "description", "objective", "how_it_helps", "axis",
               "budget", "plan_links", "public_input")
FIELDS = (*TEXT_FIELDS, "pillars", "proposals", "office_reason", "milestones")
#: How a PAL runs: two years (a longer period is pointed out).
PAL_DAYS = 2 * 366
#: Hook a method names in its ``store`` module to add what its sessions say of a
#: proposal to a commitment's origin trace (a score, a rank...):
#: ``PROPOSAL_TRACE(repo, proposal) -> list[TraceLink]``.
TRACE_HOOK = "PROPOSAL_TRACE"


@dataclass(frozen=True)
class Milestone:
    description: str
    output: str = ""
    responsible: str = ""
    due_date: str = ""
    id: str = ""


@dataclass(frozen=True)
class TraceLink:
    """One link of a commitment's origin trace: what it points at and how it reads."""

    kind: str  # proposal | session | office | score | decision
    target_id: str
    text: str
    session_id: str = ""


@dataclass(frozen=True)
class Commitment:
    id: str
    number: int
    label: str
    name: str
    start_date: str = ""
    end_date: str = ""
    lead_agency: str = ""
    responsible: str = ""
    other_actors: str = ""
    problem: str = ""
    baseline: str = ""
    description: str = ""
    objective: str = ""
    how_it_helps: str = ""
    pillars: tuple[str, ...] = ()
    axis: str = ""
    budget: str = ""
    plan_links: str = ""
    public_input: str = ""
    proposals: tuple[str, ...] = ()
    office_reason: str = ""
    smart: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    stage: str = "draft"
    ready_decision: str = ""
    milestones: tuple[Milestone, ...] = ()
    updated_at: str = ""

    @property
    def stage_text(self) -> str:
        return word(STAGES, self.stage)

    @property
    def pillars_text(self) -> str:
        return ", ".join(word(PILLARS, p) for p in self.pillars)

    def content(self) -> dict[str, Any]:
        """What a version keeps: the template's fields and milestones."""
        data = {k: getattr(self, k) for k in (*TEXT_FIELDS, "office_reason")}
        data["pillars"] = list(self.pillars)
        data["proposals"] = list(self.proposals)
        data["milestones"] = [{k: v for k, v in asdict(m).items() if k != "id"}
                              for m in self.milestones]
        return data


def findings(c: Commitment) -> list[str]:
    """What the program can see wrong in a commitment, in words (empty: nothing seen)."""
    found: list[str] = []
    if not c.milestones:
        found.append(_("No tiene hitos."))
    for i, m in enumerate(c.milestones, 1):
        if not m.due_date:
            found.append(_("El hito {n} no tiene fecha.").format(n=i))
        if not m.output:
            found.append(_("El hito {n} no tiene producto verificable.").format(n=i))
        if not m.responsible:
            found.append(_("El hito {n} no tiene responsable.").format(n=i))
        if m.due_date and c.end_date and m.due_date > c.end_date:
            found.append(_("El hito {n} vence después del fin del compromiso.").format(n=i))
    if not c.start_date or not c.end_date:
        found.append(_("Faltan las fechas de inicio y fin."))
    elif _days(c.start_date, c.end_date) > PAL_DAYS:
        found.append(_("Dura más de dos años (un PAL dura dos)."))
    if not c.lead_agency:
        found.append(_("No tiene dependencia responsable."))
    if not c.responsible:
        found.append(_("No tiene persona responsable."))
    if not c.baseline:
        found.append(_("No tiene línea base del problema."))
    if not c.pillars:
        found.append(_("No dice a qué principio de gobierno abierto contribuye."))
    missing = [word(SMART, k) for k in SMART if not c.smart.get(k, {}).get("ok")]
    if missing:
        found.append(_("Sin marcar en SMART: {list}.").format(list=", ".join(missing)))
    return found


def _days(start: str, end: str) -> int:
    import datetime as dt

    return (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days


class CommitmentStore:
    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.pf = repo.pf

    # -- agencies -----------------------------------------------------------
    def agencies(self) -> list[str]:
        return [r["name"] for r in self.pf.query(
            "SELECT name FROM agency WHERE process_id = ? ORDER BY name",
            [self.repo.process().id])]

    def add_agency(self, name: str, kind: str = "government") -> Changes:
        name = one_line(name)
        if not name:
            raise InvalidInput(_("Escriba el nombre de la dependencia."))
        if name.casefold() in {a.casefold() for a in self.agencies()}:
            raise RuleViolation(_("La dependencia «{name}» ya está en la lista.").format(
                name=name))
        with self.pf.write("agency.add", Label(N_("agregar la dependencia «{name}»"),
                                                name=name[:40])) as unit:
            unit.insert("agency", {"id": new_id(), "process_id": self.repo.process().id,
                                   "name": name, "kind": one_line(kind, 40),
                                   "created_at": unit.at, "updated_at": unit.at,
                                   "device_id": self.pf.device.id})
        return unit.changes()

    # -- reading -----------------------------------------------------------
    def list(self) -> list[Commitment]:
        rows = self.pf.query("SELECT * FROM commitment WHERE process_id = ? ORDER BY "
                             "created_at, number", [self.repo.process().id])
        labels = number_labels(rows)
        stones: dict[str, list[Milestone]] = {}
        for m in self.pf.query("SELECT m.* FROM commitment_milestone m JOIN commitment c ON "
                               "c.id = m.commitment_id WHERE c.process_id = ? ORDER BY "
                               "m.position, m.created_at", [self.repo.process().id]):
            stones.setdefault(m["commitment_id"], []).append(Milestone(
                m["description"], m["output"], m["responsible"], m["due_date"], m["id"]))
        return [Commitment(
            id=r["id"], number=r["number"], label=labels[r["id"]],
            **{k: r[k] for k in TEXT_FIELDS}, pillars=tuple(json.loads(r["pillars"])),
            proposals=tuple(json.loads(r["proposals"])), office_reason=r["office_reason"],
            smart=json.loads(r["smart"] or "{}"), stage=r["stage"],
            ready_decision=r["ready_decision"], milestones=tuple(stones.get(r["id"], ())),
            updated_at=r["updated_at"]) for r in rows]

    def get(self, commitment_id: str) -> Commitment:
        text = str(commitment_id).strip()
        for c in self.list():
            if c.id == text or c.label == text.upper():
                return c
        raise NotFound(_("No existe el compromiso «{id}».").format(id=text))

    # -- checking -----------------------------------------------------------
    def _proposal_ids(self, items: Iterable[str]) -> list[str]:
        found: list[str] = []
        known = {p.id: p for p in self.repo.proposals.list(include_inactive=True)}
        for item in items:
            item = str(item).strip()
            if not item:
                continue
            proposal = known.get(item) or self.repo.proposals.by_label(item)
            if proposal.status == "withdrawn":
                raise RuleViolation(_("La propuesta {label} fue retirada.").format(
                    label=proposal.label))
            if proposal.id not in found:
                found.append(proposal.id)
        return found

    def _milestones(self, items: Sequence[Mapping[str, Any] | Milestone]) -> list[Milestone]:
        out = []
        for i, item in enumerate(items, 1):
            data = asdict(item) if isinstance(item, Milestone) else dict(item)
            unknown = set(data) - {"description", "output", "responsible", "due_date", "id"}
            if unknown:
                raise InvalidInput(_("No se puede indicar «{field}» en un hito.").format(
                    field=sorted(unknown)[0]))
            description = one_line(data.get("description"), 1000)
            if not description:
                raise InvalidInput(_("El hito {n} necesita una descripción.").format(n=i))
            out.append(Milestone(description, one_line(data.get("output"), 1000),
                                 one_line(data.get("responsible")),
                                 iso_date(data.get("due_date"),
                                          _("hito {n}").format(n=i)), str(data.get("id") or "")))
        return out

    def check(self, values: Mapping[str, Any], current: Commitment | None = None
              ) -> tuple[dict[str, Any], list[Milestone] | None]:
        """A commitment's values checked against each other and the process (nothing
        written): the row's values, and the milestones when given."""
        unknown = set(values) - set(FIELDS)
        if unknown:
            raise InvalidInput(_("No se puede indicar «{field}» en un compromiso.").format(
                field=sorted(unknown)[0]))
        row: dict[str, Any] = {}
        for key in TEXT_FIELDS:
            if key in values:
                row[key] = one_line(values[key]) if key in (
                    "name", "lead_agency", "responsible", "axis") else clean(values[key])
        if "name" in row or current is None:
            if not row.get("name"):
                raise InvalidInput(_("Cada compromiso necesita un nombre."))
        for key, what in (("start_date", _("inicio del compromiso")),
                          ("end_date", _("fin del compromiso"))):
            if key in row:
                row[key] = iso_date(row[key], what)
        if "pillars" in values:
            pillars = [str(p).strip() for p in values["pillars"] if str(p).strip()]
            names = {_(v).casefold(): k for k, v in PILLARS.items()}
            keys = []
            for p in pillars:
                key = p if p in PILLARS else names.get(p.casefold())
                if key is None:
                    raise InvalidInput(_("«{pillar}» no es un principio de gobierno abierto "
                                         "(transparencia, participación, rendición de cuentas, "
                                         "integridad, capacidades).").format(pillar=p))
                if key not in keys:
                    keys.append(key)
            row["pillars"] = json.dumps(keys)
        if "proposals" in values:
            row["proposals"] = json.dumps(self._proposal_ids(values["proposals"]))
        if "office_reason" in values:
            row["office_reason"] = clean(values["office_reason"], 1000)
        proposals = json.loads(row["proposals"]) if "proposals" in row else list(
            current.proposals if current else [])
        reason = row.get("office_reason", current.office_reason if current else "")
        if not proposals and not reason:
            raise InvalidInput(_("Un compromiso sale de una o más propuestas; si se escribe en "
                                 "la oficina, diga por qué."))
        start = row.get("start_date", current.start_date if current else "")
        end = row.get("end_date", current.end_date if current else "")
        if start and end and end < start:
            raise InvalidInput(_("La fecha de fin ({end}) es anterior a la de inicio "
                                 "({start}).").format(end=show_date(end),
                                                      start=show_date(start)))
        agency = row.get("lead_agency")
        if agency:
            known = {a.casefold(): a for a in self.agencies()}
            if agency.casefold() not in known:
                raise InvalidInput(_("La dependencia «{name}» no está en la lista del proceso; "
                                     "agréguela primero.").format(name=agency))
            row["lead_agency"] = known[agency.casefold()]
        milestones = None
        if "milestones" in values:
            milestones = self._milestones(values["milestones"])
        for i, m in enumerate(milestones if milestones is not None else
                              (current.milestones if current else ()), 1):
            if m.due_date and ((start and m.due_date < start) or (end and m.due_date > end)):
                raise InvalidInput(_("El hito {n} vence el {date}, fuera del periodo del "
                                     "compromiso ({start} a {end}).").format(
                    n=i, date=show_date(m.due_date), start=show_date(start) or "…",
                    end=show_date(end) or "…"))
        return row, milestones

    # -- writing -----------------------------------------------------------
    def add(self, name: str, **values: Any) -> tuple[Commitment, Changes]:
        row, milestones = self.check({"name": name, **values})
        number = (self.pf.scalar("SELECT MAX(number) FROM commitment WHERE process_id = ? "
                                 "AND origin = ?", [self.repo.process().id, self.pf.device.id])
                  or 0) + 1
        with self.pf.write("commitment.add", Label(N_("redactar el compromiso «{name}»"),
                                                    name=row["name"][:40])) as unit:
            cid = unit.insert("commitment", {
                "id": new_id(), "process_id": self.repo.process().id, "number": number,
                "origin": self.pf.device.id, **row, "created_at": unit.at,
                "updated_at": unit.at, "device_id": self.pf.device.id})
            self._write_milestones(unit, cid, (), milestones or [])
        return self.get(cid), unit.changes().made(created=cid, created_kind="commitment")

    def edit(self, commitment_id: str, **values: Any) -> Changes:
        """Change fields (and the milestones, given whole). A commitment already approved
        or final is not edited: its text is the one the STL approved."""
        current = self.get(commitment_id)
        if current.stage in ("approved", "final"):
            raise RuleViolation(_("El compromiso {label} ya está {stage}; no se edita.").format(
                label=current.label, stage=current.stage_text))
        row, milestones = self.check(values, current)
        with self.pf.write("commitment.edit", Label(N_("editar el compromiso {label}"),
                                                     label=current.label)) as unit:
            if row:
                unit.update("commitment", current.id, row, stamp=True)
            if milestones is not None:
                self._write_milestones(unit, current.id, current.milestones, milestones)
        return unit.changes()

    def _write_milestones(self, unit: Any, cid: str, old: Sequence[Milestone],
                          new: Sequence[Milestone]) -> None:
        for position, (before, after) in enumerate(zip(old, new, strict=False)):
            values = {"position": position, "description": after.description,
                      "output": after.output, "responsible": after.responsible,
                      "due_date": after.due_date}
            unit.update("commitment_milestone", before.id, values, stamp=True)
        for before in old[len(new):]:
            unit.restore("commitment_milestone", before.id,
                         self.pf.row("commitment_milestone", before.id), None)
        for position, after in enumerate(new[len(old):], len(old)):
            unit.insert("commitment_milestone", {
                "id": new_id(), "commitment_id": cid, "position": position,
                "description": after.description, "output": after.output,
                "responsible": after.responsible, "due_date": after.due_date,
                "created_at": unit.at, "updated_at": unit.at, "device_id": self.pf.device.id})

    def set_smart(self, commitment_id: str, criterion: str, ok: bool, note: str = ""
                  ) -> Changes:
        current = self.get(commitment_id)
        if criterion not in SMART:
            raise InvalidInput(_("«{name}» no es un criterio SMART (específico, medible, "
                                 "alcanzable, relevante, con plazo).").format(name=criterion))
        note = clean(note, 1000)
        if not ok and not note:
            raise InvalidInput(_("Si no cumple, escriba en la nota qué falta."))
        smart = {k: dict(v) for k, v in current.smart.items()}
        smart[criterion] = {"ok": bool(ok), "note": note}
        with self.pf.write("commitment.smart", Label(N_("revisar SMART del compromiso {label}"),
                                                      label=current.label)) as unit:
            unit.update("commitment", current.id, {"smart": json.dumps(
                smart, ensure_ascii=False, sort_keys=True)}, stamp=True)
        return unit.changes()

    def _mark_stage(self, unit: Any, commitment_id: str, stage: str, decision_id: str) -> None:
        """Inside a decision's transaction: move a commitment on and keep its text then."""
        current = self.get(commitment_id)
        order = list(STAGES)
        if order.index(stage) <= order.index(current.stage):
            raise RuleViolation(_("El compromiso {label} ya está {stage}.").format(
                label=current.label, stage=current.stage_text))
        if stage == "consultation":
            seen = findings(current)
            if any(not current.smart.get(k, {}).get("ok") for k in SMART):
                raise RuleViolation(_("El compromiso {label} no pasa la revisión SMART: "
                                      "{what}").format(label=current.label, what=" ".join(seen)))
        values = {"stage": stage}
        if stage == "consultation":
            values["ready_decision"] = decision_id
        unit.update("commitment", current.id, values, stamp=True)
        unit.insert("commitment_version", {
            "id": new_id(), "commitment_id": current.id, "stage": stage,
            "snapshot": json.dumps(current.content(), ensure_ascii=False, sort_keys=True),
            "decision_id": decision_id, "created_at": unit.at, "updated_at": unit.at,
            "device_id": self.pf.device.id})

    def advance(self, commitment_id: str, stage: str, decision_id: str) -> Changes:
        """Mark a commitment approved or final, pointing to the STL decision that did it."""
        current = self.get(commitment_id)
        if stage not in ("approved", "final"):
            raise InvalidInput(_("Solo el STL lo marca listo para consulta (con un acuerdo)."))
        decision = self.repo.stl.decision(decision_id)
        if not decision.approved:
            raise RuleViolation(_("El acuerdo {label} no fue aprobado.").format(
                label=decision.label))
        if current.stage == "draft":
            raise RuleViolation(_("El compromiso {label} aún no pasó por la consulta.").format(
                label=current.label))
        with self.pf.write("commitment.advance", Label(N_("marcar el compromiso {label} como "
                                                          "{stage}"), label=current.label,
                                                       stage=word(STAGES, stage))) as unit:
            self._mark_stage(unit, current.id, stage, decision.id)
        return unit.changes()

    # -- versions and trace ---------------------------------------------------
    def versions(self, commitment_id: str) -> dict[str, dict[str, Any]]:
        """stage -> the commitment's content then; "current" is the text now."""
        current = self.get(commitment_id)
        found = {r["stage"]: json.loads(r["snapshot"]) for r in self.pf.query(
            "SELECT stage, snapshot FROM commitment_version WHERE commitment_id = ? ORDER BY "
            "created_at", [current.id])}
        found["current"] = current.content()
        return found

    def compare(self, commitment_id: str, *, changed_only: bool = True
                ) -> list[tuple[str, list[str]]]:
        """Field -> its text in each version (consultation, approved, final, current), the
        fields that changed between any two only (every field when not ``changed_only``)."""
        versions = self.versions(commitment_id)
        order = [s for s in (*VERSION_STAGES, "current") if s in versions]
        rows = []
        for key in (*TEXT_FIELDS, "pillars", "milestones"):
            texts = [_field_text(key, versions[s].get(key)) for s in order]
            if len(set(texts)) > 1 or not changed_only:
                rows.append((key, texts))
        return rows

    def trace(self, commitment_id: str) -> list[TraceLink]:
        """The origin trace as links: each proposal, where it came from (the sessions and
        tables, the votes), what the methods add (scores), the decisions behind it."""
        from cocrea_desktop.core.methods import method_modules
        from cocrea_desktop.store.proposals import origin_words

        c = self.get(commitment_id)
        links: list[TraceLink] = []
        if c.office_reason:
            links.append(TraceLink("office", "", _("Redactado en la oficina: {reason}").format(
                reason=c.office_reason)))
        for pid in c.proposals:
            p = self.repo.proposals.get(pid)
            links.append(TraceLink("proposal", p.id, _("Propuesta {label}: {title}").format(
                label=p.label, title=p.title)))
            for o in p.origins:
                if o.session_id:
                    session = self.repo.session(o.session_id)
                    when = show_date(session.date, "medium") or "…"
                    links.append(TraceLink("session", o.session_id, _(
                        "Sesión del {date}, {origin}").format(date=when,
                                                              origin=origin_words(o)),
                        o.session_id))
            for _method, module in method_modules("store"):
                hook = getattr(module, TRACE_HOOK, None)
                if hook is not None:
                    links.extend(hook(self.repo, p))
        for d in self.repo.stl.decisions():
            if d.subject_id == c.id or d.kind == "selection" and d.approved:
                links.append(TraceLink("decision", d.id, _("Acuerdo {label} del STL ({date}): "
                                                           "{item}").format(
                    label=d.label, date=show_date(d.date, "medium"), item=d.agenda_item)))
        return links

    def resolve(self, link: TraceLink) -> bool:
        """Whether a trace link points at a record that exists."""
        try:
            if link.kind == "proposal":
                self.repo.proposals.get(link.target_id)
            elif link.kind in ("session", "score", "selected"):
                self.repo.session(link.session_id or link.target_id)
            elif link.kind == "decision":
                self.repo.stl.decision(link.target_id)
            return True
        except NotFound:
            return False


def _field_text(key: str, value: Any) -> str:
    if key == "pillars":
        return ", ".join(word(PILLARS, p) for p in value or [])
    if key == "milestones":
        return "\n".join(f"{i}. {m.get('description', '')} → {m.get('output', '')} "
                         f"({m.get('responsible', '')}, {show_date(m.get('due_date', ''))})"
                         for i, m in enumerate(value or [], 1))
    if key in ("start_date", "end_date"):
        return show_date(value)
    return str(value or "")


def field_title(key: str) -> str:
    return _(FIELD_TITLES[key]) if key in FIELD_TITLES else key


FIELD_TITLES: dict[str, str] = {
    "name": N_("Nombre"), "start_date": N_("Fecha de inicio"), "end_date": N_("Fecha de fin"),
    "lead_agency": N_("Dependencia responsable"), "responsible": N_("Persona responsable"),
    "other_actors": N_("Otros actores"), "problem": N_("Problema público"),
    "baseline": N_("Línea base"), "description": N_("¿En qué consiste?"),
    "objective": N_("Objetivo"), "how_it_helps": N_("¿Cómo ayuda a resolver el problema?"),
    "pillars": N_("Principios de gobierno abierto"), "axis": N_("Eje estratégico"),
    "budget": N_("Presupuesto"), "plan_links": N_("Vínculo con planes y programas"),
    "public_input": N_("¿Cómo responde a lo que propuso la ciudadanía?"),
    "milestones": N_("Hitos"), "office_reason": N_("Por qué se redactó en la oficina"),
}


__all__ = ["FIELDS", "FIELD_TITLES", "PILLARS", "SMART", "STAGES", "TEXT_FIELDS", "Commitment",
           "CommitmentStore", "Milestone", "TraceLink", "field_title", "findings"]
