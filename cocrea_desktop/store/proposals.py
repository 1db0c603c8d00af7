"""Proposals pooled across the tables of a process (issue 14): the office's list.

A proposal is promoted from a session's result (an idea, a fishbowl cluster, a
stand, a letter of the fair: any option a method's tally ranks) or typed at the
office. Its origin is kept: the session and its table, what it came from and
what that origin said (its number, its votes or points, its letters). Proposals
are numbered per laptop, as ideas are (two table laptops both give a number 1;
both are kept, shown "A-1" and "B-1" once they meet in one file). Duplicates
from two tables are joined: the one joined stays in the record, points to the
one kept, and its origin is listed among the kept one's origins. Nothing is
deleted: a proposal is withdrawn with a reason.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.errors import InvalidInput, NotFound, RuleViolation
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.store.db import new_id
from cocrea_desktop.store.ideas import number_labels

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

MAX_TITLE_LENGTH = 300
MAX_TEXT_LENGTH = 4000
#: The source kinds the store knows; a method may add its own (a string it names).
OFFICE = "office"
OPTION = "option"


@dataclass(frozen=True)
class ProposalOrigin:
    """Where a proposal came from: a session's result, or the office."""

    proposal_id: str
    number_label: str
    session_id: str | None
    table_label: str
    source_kind: str
    source_id: str
    #: What the origin said, as recorded when promoted: e.g. {"number": "3",
    #: "text": "...", "line": "12 puntos en 5 boletas", "rank": 1}.
    source: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Proposal:
    id: str
    number: int
    label: str
    title: str
    description: str = ""
    problem: str = ""
    theme: str = ""
    session_id: str | None = None
    table_label: str = ""
    source_kind: str = OFFICE
    source_id: str = ""
    source: Mapping[str, Any] = field(default_factory=dict)
    status: str = "active"
    joined_into: str | None = None
    withdraw_reason: str = ""
    created_at: str = ""
    #: Its own origin first, then those of the proposals joined into it.
    origins: tuple[ProposalOrigin, ...] = ()

    @property
    def active(self) -> bool:
        return self.status == "active"


def _clean(text: Any, limit: int = MAX_TEXT_LENGTH) -> str:
    text = str(text or "").strip()
    if len(text) > limit:
        raise InvalidInput(_("El texto es demasiado largo (máximo {n} caracteres).").format(
            n=limit))
    return text


def _clean_title(title: Any) -> str:
    title = " ".join(str(title or "").split())
    if not title:
        raise InvalidInput(_("Cada propuesta necesita un título."))
    return _clean(title, MAX_TITLE_LENGTH)


class ProposalStore:
    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.pf = repo.pf

    # -- reading -----------------------------------------------------------
    def _rows(self) -> list[dict[str, Any]]:
        return self.pf.query("SELECT * FROM proposal WHERE process_id = ? ORDER BY created_at, "
                             "number", [self.repo.process().id])

    def list(self, *, theme: str | None = None, table: str | None = None,
             include_inactive: bool = False) -> list[Proposal]:
        """Every proposal of the process, in number order (each laptop's together), filtered
        by theme and by table when asked; joined and withdrawn ones only when asked."""
        rows = self._rows()
        labels = number_labels(rows)
        origin = {r["id"]: self._origin(r, labels[r["id"]]) for r in rows}
        joined: dict[str, list[str]] = {}
        for r in rows:
            if r["status"] == "joined" and r["joined_into"]:
                joined.setdefault(r["joined_into"], []).append(r["id"])

        def origins(pid: str) -> tuple[ProposalOrigin, ...]:
            found, stack = [origin[pid]], list(joined.get(pid, ()))
            while stack:
                child = stack.pop(0)
                if child in origin:
                    found.append(origin[child])
                    stack.extend(joined.get(child, ()))
            return tuple(found)

        proposals = [self._proposal(r, labels[r["id"]], origins(r["id"])) for r in rows]
        proposals.sort(key=lambda p: _label_key(p.label))
        if not include_inactive:
            proposals = [p for p in proposals if p.active]
        if theme is not None:
            proposals = [p for p in proposals if p.theme.casefold() == theme.casefold()]
        if table is not None:
            proposals = [p for p in proposals
                         if any(o.table_label.casefold() == table.casefold() for o in p.origins)]
        return proposals

    def get(self, proposal_id: str) -> Proposal:
        for p in self.list(include_inactive=True):
            if p.id == proposal_id:
                return p
        raise NotFound(_("No existe esa propuesta."))

    def by_label(self, label: str) -> Proposal:
        """The proposal shown as ``label`` ("3" or "B-3"), for the CLI and imports."""
        label = str(label).strip().upper()
        for p in self.list(include_inactive=True):
            if p.label.upper() == label:
                return p
        raise NotFound(_("No existe la propuesta {label}.").format(label=label))

    def themes(self) -> list[str]:
        return sorted({p.theme for p in self.list() if p.theme}, key=str.casefold)

    def tables(self) -> list[str]:
        return sorted({o.table_label for p in self.list() for o in p.origins if o.table_label},
                      key=str.casefold)

    def promoted(self, session_id: str) -> dict[str, Proposal]:
        """source id -> the proposal promoted from it, for one session's results."""
        ids = {r["id"] for r in self.pf.query(
            "SELECT id FROM proposal WHERE session_id = ? AND status != 'withdrawn'",
            [session_id])}
        return {p.source_id: p for p in self.list(include_inactive=True) if p.id in ids}

    # -- writing -----------------------------------------------------------
    def add(self, title: str, *, description: str = "", problem: str = "", theme: str = "",
            session_id: str | None = None, table_label: str | None = None,
            source_kind: str = OFFICE, source_id: str = "",
            source: Mapping[str, Any] | None = None) -> tuple[Proposal, Changes]:
        """Promote a result (``session_id`` with ``source_kind``/``source_id``) or type a
        proposal at the office (no session). One result is promoted once."""
        title = _clean_title(title)
        values = {"description": _clean(description), "problem": _clean(problem),
                  "theme": " ".join(_clean(theme, 200).split())}
        if session_id is not None:
            session = self.repo.session(session_id)
            if table_label is None:
                table_label = session.table_label
            if source_id and source_id in self.promoted(session_id):
                raise RuleViolation(_("Ese resultado ya es la propuesta {label}.").format(
                    label=self.promoted(session_id)[source_id].label))
        process_id = self.repo.process().id
        origin = self.pf.device.id
        number = (self.pf.scalar("SELECT MAX(number) FROM proposal WHERE process_id = ? AND "
                                 "origin = ?", [process_id, origin]) or 0) + 1
        with self.pf.write("proposal.add", Label(N_("agregar la propuesta «{title}»"),
                                                  title=_short(title))) as unit:
            pid = unit.insert("proposal", {
                "id": new_id(), "process_id": process_id, "number": number, "origin": origin,
                "title": title, **values, "session_id": session_id,
                "table_label": " ".join(str(table_label or "").split()),
                "source_kind": source_kind if session_id is not None else OFFICE,
                "source_id": str(source_id or ""),
                "source": json.dumps(dict(source or {}), ensure_ascii=False, sort_keys=True),
                "status": "active", "created_at": unit.at, "updated_at": unit.at,
                "device_id": self.pf.device.id})
        return self.get(pid), unit.changes()

    def edit(self, proposal_id: str, **values: Any) -> Changes:
        """Change the title, description, problem, theme or (for one typed at the office)
        the table. The origin itself never changes."""
        proposal = self.get(proposal_id)
        allowed = {"title", "description", "problem", "theme", "table_label"}
        unknown = set(values) - allowed
        if unknown:
            raise InvalidInput(_("No se puede cambiar «{field}» de una propuesta.").format(
                field=sorted(unknown)[0]))
        clean: dict[str, Any] = {}
        for key, value in values.items():
            if key == "title":
                clean[key] = _clean_title(value)
            elif key in ("theme", "table_label"):
                clean[key] = " ".join(_clean(value, 200).split())
            else:
                clean[key] = _clean(value)
        if "table_label" in clean and proposal.session_id is not None:
            raise RuleViolation(_("La mesa de una propuesta sale de su sesión; no se cambia."))
        with self.pf.write("proposal.edit", Label(N_("editar la propuesta {label}"),
                                                   label=proposal.label)) as unit:
            unit.update("proposal", proposal.id, clean, stamp=True)
        return unit.changes()

    def join(self, keep_id: str, other_id: str) -> Changes:
        """Join a duplicate into the proposal kept: both origins stay, listed on the kept one."""
        keep, other = self.get(keep_id), self.get(other_id)
        if keep.id == other.id:
            raise InvalidInput(_("Una propuesta no se puede unir consigo misma."))
        for p in (keep, other):
            if not p.active:
                raise RuleViolation(_("La propuesta {label} ya no está activa.").format(
                    label=p.label))
        self._check_not_scored(other)
        with self.pf.write("proposal.join", Label(N_("unir la propuesta {other} a la {keep}"),
                                                   other=other.label, keep=keep.label)) as unit:
            unit.update("proposal", other.id, {"status": "joined", "joined_into": keep.id},
                        stamp=True)
        return unit.changes()

    def separate(self, proposal_id: str) -> Changes:
        """Undo a join later on: the proposal stands alone again."""
        proposal = self.get(proposal_id)
        if proposal.status != "joined":
            raise RuleViolation(_("La propuesta {label} no está unida a otra.").format(
                label=proposal.label))
        with self.pf.write("proposal.separate", Label(N_("separar la propuesta {label}"),
                                                       label=proposal.label)) as unit:
            unit.update("proposal", proposal.id, {"status": "active", "joined_into": None},
                        stamp=True)
        return unit.changes()

    def withdraw(self, proposal_id: str, reason: str) -> Changes:
        proposal = self.get(proposal_id)
        reason = " ".join(_clean(reason, 500).split())
        if not reason:
            raise InvalidInput(_("Escriba por qué se retira la propuesta."))
        if not proposal.active:
            raise RuleViolation(_("La propuesta {label} ya no está activa.").format(
                label=proposal.label))
        self._check_not_scored(proposal)
        with self.pf.write("proposal.withdraw", Label(N_("retirar la propuesta {label}"),
                                                       label=proposal.label)) as unit:
            unit.update("proposal", proposal.id, {"status": "withdrawn",
                                                  "withdraw_reason": reason}, stamp=True)
        return unit.changes()

    def _check_not_scored(self, proposal: Proposal) -> None:
        """A method that votes on proposals may refuse to lose one once its vote opened:
        its ``store`` module can name ``PROPOSAL_GUARD(repo, proposal)`` raising a
        RuleViolation."""
        from cocrea_desktop.core.methods import method_modules

        for _method, module in method_modules("store"):
            guard = getattr(module, "PROPOSAL_GUARD", None)
            if guard is not None:
                guard(self.repo, proposal)

    # -- helpers -------------------------------------------------------------
    @staticmethod
    def _origin(row: Mapping[str, Any], label: str) -> ProposalOrigin:
        return ProposalOrigin(row["id"], label, row["session_id"], row["table_label"],
                              row["source_kind"], row["source_id"], _json(row["source"]))

    @staticmethod
    def _proposal(row: Mapping[str, Any], label: str,
                  origins: tuple[ProposalOrigin, ...]) -> Proposal:
        return Proposal(
            id=row["id"], number=row["number"], label=label, title=row["title"],
            description=row["description"], problem=row["problem"], theme=row["theme"],
            session_id=row["session_id"], table_label=row["table_label"],
            source_kind=row["source_kind"], source_id=row["source_id"],
            source=_json(row["source"]), status=row["status"], joined_into=row["joined_into"],
            withdraw_reason=row["withdraw_reason"], created_at=row["created_at"],
            origins=origins)


def _json(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _label_key(label: str) -> tuple[int, str, int]:
    prefix, _sep, number = label.rpartition("-")
    return (len(prefix), prefix, int(number) if number.isdigit() else 0)


def _short(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
