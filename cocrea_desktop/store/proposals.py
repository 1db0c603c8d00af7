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
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.errors import CocreaError, InvalidInput, NotFound, RuleViolation
from cocrea_desktop.core.voting.wording import NOUNS
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
#: A proposal the municipal administration brings to the process (typed at the office):
#: CEPAL's first report lists them apart.
ADMINISTRATION = "administration"

#: How a proposal's status is said (a msgid; show it through ``_()``).
STATUS_WORDS: dict[str, str] = {"active": N_("activa"), "joined": N_("unida"),
                                "withdrawn": N_("retirada")}
#: How an origin's kind is said; a method adds its own kinds with a ``PROPOSAL_KINDS``
#: mapping in its ``proposals`` or ``store`` module.
SOURCE_WORDS: dict[str, str] = {OFFICE: N_("oficina"), OPTION: N_("resultado"),
                                 ADMINISTRATION: N_("administración municipal")}
#: The hook a method names (in a ``proposals`` module, else in its ``store`` module) to say
#: what its sessions' results offer for promotion:
#: ``proposal_sources(repo, session_id, items: list[Promotable]) -> list[Promotable]``.
#: It receives what every tally offers (each option with its rank and votes) and returns
#: it changed (richer descriptions, its own ids) or longer (a fair's letters).
SOURCES_HOOK = "proposal_sources"
#: The hook a method names (same modules) to word the facts its own kinds of origin keep:
#: ``proposal_origin_words(kind, source) -> tuple[str, list[str]] | None``: the number as
#: said ("Acuerdo 3") and the facts in words, in the current language; None leaves them to
#: :func:`origin_parts`'s generic reading.
WORDS_HOOK = "proposal_origin_words"


@dataclass(frozen=True)
class ProposalOrigin:
    """Where a proposal came from: a session's result, or the office."""

    proposal_id: str
    number_label: str
    session_id: str | None
    table_label: str
    source_kind: str
    source_id: str
    #: What the origin said, as recorded when promoted: e.g. {"number": "3", "rank": 1,
    #: "votes": 12, "unit": "points", "letters": ["CC-002"]} (facts, worded when shown by
    #: :func:`source_facts`; older files kept a "line" and "letters" in words).
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
    #: The label of the proposal it was joined into ("" when not joined).
    joined_into_label: str = ""
    #: Its own origin first, then those of the proposals joined into it.
    origins: tuple[ProposalOrigin, ...] = ()

    @property
    def active(self) -> bool:
        return self.status == "active"


@dataclass(frozen=True)
class Promotable:
    """One thing a session's result offers to become a proposal, with its origin facts."""

    source_kind: str
    source_id: str
    title: str
    #: Its option number in the session's vote (None for what is not voted on).
    number: int | None = None
    description: str = ""
    problem: str = ""
    theme: str = ""
    #: The origin facts kept with the proposal: number, rank, votes (a line in words),
    #: letters...; what ``ProposalStore.add`` records as ``source``.
    source: Mapping[str, Any] = field(default_factory=dict)
    #: The label of the proposal already promoted from it ("" when not yet).
    proposal_label: str = ""


def method_hook(method: Any, name: str) -> Any:
    """A method's proposal hook ``name``: in its ``proposals`` module, else its ``store``."""
    for module_name in ("proposals", "store"):
        module = method.module(module_name)
        if module is not None and hasattr(module, name):
            return getattr(module, name)
    return None


def source_word(kind: str) -> str:
    """The kind of an origin in words, in the current language."""
    if kind in SOURCE_WORDS:
        return _(SOURCE_WORDS[kind])
    if kind in NOUNS:  # what a vote is on: idea, grupo de ideas, stand...
        return NOUNS[kind].bare()
    from cocrea_desktop.core.methods import all_methods

    for method in all_methods():
        kinds = method_hook(method, "PROPOSAL_KINDS") or {}
        if kind in kinds:
            return _(kinds[kind])
    return kind


def status_word(status: str) -> str:
    return _(STATUS_WORDS[status]) if status in STATUS_WORDS else status


def origin_words(origin: ProposalOrigin | Proposal) -> str:
    """An origin in one line: "Mesa 2 · Salud, resultado 3 (1.º, 12 puntos en 5 boletas)"."""
    source = origin.source or {}
    if origin.source_kind in (OFFICE, ADMINISTRATION) and not origin.session_id:
        where = source_word(origin.source_kind)
        return f"{where} · {origin.table_label}" if origin.table_label else where
    what = source_word(origin.source_kind)
    number, said = origin_parts(origin.source_kind, source)
    if number:
        what += f" {number}"
    facts = []
    if source.get("rank"):
        facts.append(_("{rank}.º").format(rank=source["rank"]))
    facts.extend(said)
    if facts:
        what += " (" + ", ".join(facts) + ")"
    return f"{origin.table_label}, {what}" if origin.table_label else what


#: The words a points or votes line of an older file used, in either language, and the
#: unit they name (files made before the facts were stored kept the line in words).
_LEGACY_UNITS = {"punto": "points", "puntos": "points", "point": "points", "points": "points",
                 "voto": "votes", "votos": "votes", "vote": "votes", "votes": "votes"}
_LEGACY_NUMBER = re.compile(r"^\s*(\d+)\s+(\w+)\s*$")
_LEGACY_SCORE = re.compile(r"^\s*(?:un puntaje de|a score of)\s+(\d+(?:[.,]\d+)?)\s*$")
_LEGACY_LETTERS = re.compile(r"^\s*(?:cartas|letters)\s*:\s*(.*)$", re.IGNORECASE)


def origin_parts(kind: str, source: Mapping[str, Any]) -> tuple[str, list[str]]:
    """An origin's number as said and its facts in words (the rank aside), in the current
    language: the method's own words for its kinds (``WORDS_HOOK``), else the generic ones."""
    from cocrea_desktop.core.methods import all_methods

    for method in all_methods():
        kinds = method_hook(method, "PROPOSAL_KINDS") or {}
        hook = method_hook(method, WORDS_HOOK) if kind in kinds else None
        said = hook(kind, source) if hook is not None else None
        if said is not None:
            return said
    return str(source.get("number") or ""), source_facts(source)


def source_facts(source: Mapping[str, Any]) -> list[str]:
    """An origin's figures in words, in the current language: its total ("14 puntos",
    worded from the ``votes`` number and its ``unit``) and its letters ("cartas: CC-002").
    An older file kept them as text in the language of the day they were promoted
    (``line``, ``letters``): the usual shapes are read back and worded again; any other
    text is shown as it was stored."""
    from cocrea_desktop.core.voting.reading import UNITS

    facts = []
    unit, value = UNITS.get(str(source.get("unit") or "")), source.get("votes")
    if unit is not None and value not in (None, ""):
        try:
            facts.append(unit.words(value))
        except (TypeError, ValueError):
            facts.append(str(value))
    elif source.get("line"):
        facts.append(_legacy_line(str(source["line"]), value))
    letters = source.get("letters")
    if isinstance(letters, (list, tuple)) and letters:
        facts.append(_("cartas: {folios}").format(folios=", ".join(map(str, letters))))
    elif isinstance(letters, str) and letters.strip():
        match = _LEGACY_LETTERS.match(letters)
        facts.append(_("cartas: {folios}").format(folios=match.group(1).strip()) if match
                     else letters)
    return facts


def _legacy_line(line: str, votes: Any) -> str:
    from cocrea_desktop.core.voting.reading import UNITS

    match = _LEGACY_NUMBER.match(line)
    if match and match.group(2).casefold() in _LEGACY_UNITS:
        unit = UNITS[_LEGACY_UNITS[match.group(2).casefold()]]
        return unit.words(int(match.group(1)))
    match = _LEGACY_SCORE.match(line)
    if match:
        return UNITS["score"].words(match.group(1).replace(",", "."))
    return line


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
        labels = self._labels(rows)
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

        proposals = [replace(self._proposal(r, labels[r["id"]], origins(r["id"])),
                             joined_into_label=labels.get(r["joined_into"] or "", ""))
                     for r in rows]
        proposals.sort(key=lambda p: _label_key(p.label))
        if not include_inactive:
            proposals = [p for p in proposals if p.active]
        if theme is not None:  # "" finds those saved without a theme
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

    def _labels(self, rows: list[dict[str, Any]]) -> dict[str, str]:
        """How each proposal is shown. A proposal numbered on a prepared table laptop is
        "<table's name> · n" (*Mesa A · 1*) on every computer, whatever else was imported;
        the others keep their plain number, unless two other laptops both gave one (then
        the laptop whose first proposal is the latest shows its name: *Laptop sur · 2*).
        Labels never change when a table's proposals arrive."""
        tables = {r["laptop_device_id"]: r["name"] for r in self.pf.query(
            "SELECT laptop_device_id, name FROM table_laptop WHERE laptop_device_id != '' "
            "ORDER BY prepared_at, id")}
        labels = {r["id"]: f"{tables[str(r.get('origin') or '')]} · {r['number']}"
                  for r in rows if str(r.get("origin") or "") in tables}
        others = [r for r in rows if r["id"] not in labels]
        plain = number_labels(others)
        if any("-" in v for v in plain.values()):  # two other laptops both gave a number
            names = {r["id"]: r["name"] for r in self.pf.query("SELECT id, name FROM device")}
            first: dict[str, str] = {}
            for r in others:
                o, at = str(r.get("origin") or ""), str(r.get("created_at") or "")
                if o not in first or at < first[o]:
                    first[o] = at
            home = min(first, key=lambda o: (first[o], o))
            plain = {r["id"]: str(r["number"]) if str(r.get("origin") or "") == home else
                     "{} · {}".format(names.get(str(r.get("origin") or "")) or plain[r["id"]]
                                      .rpartition("-")[0], r["number"]) for r in others}
        labels.update(plain)
        return labels

    def by_labels(self, texts: Iterable[str]) -> list[Proposal]:
        """The proposals named in typed text ("1 4 B-2", "Mesa 1 · 2, Mesa 3 · 1"):
        labels separated by spaces, commas or semicolons, where a label with a table's
        name ("Mesa 1 · 2", "Mesa 1-2") keeps its inner spaces. Raises ``NotFound``
        naming the first one that does not exist."""
        words = [w for text in texts for w in re.split(r"[\s,;]+", str(text)) if w]
        known = {_label_token(p.label): p for p in self.list(include_inactive=True)}
        found: list[Proposal] = []
        i = 0
        while i < len(words):
            # The longest run of words that is a label: one word ("3", "B-2"), or a
            # table's name ending in "· n" or "n-m" ("Mesa 1 · 2", "Mesa 1-2").
            for j in range(min(len(words), i + 8), i, -1):
                span = words[i:j]
                whole = (j == i + 1 or span[-2] in ("·", "-")
                         or (re.fullmatch(r".*-\d+", span[-1]) and "·" not in span))
                if whole and _label_token(" ".join(span)) in known:
                    found.append(known[_label_token(" ".join(span))])
                    i = j
                    break
            else:
                dot = next((k for k in range(i + 1, min(len(words), i + 6))
                            if words[k] in ("·", "-")), None)
                shown = " ".join(words[i:dot + 2] if dot is not None else words[i:i + 1])
                raise NotFound(_("No existe la propuesta {label}.").format(label=shown))
        return found

    def by_label(self, label: str) -> Proposal:
        """The proposal shown as ``label`` ("3" or "Mesa A · 3"; "Mesa A-3" too), for the
        CLI and imports."""
        wanted = _label_token(label)
        for p in self.list(include_inactive=True):
            if _label_token(p.label) == wanted:
                return p
        raise NotFound(_("No existe la propuesta {label}.").format(label=str(label).strip()))

    def joined_to(self, proposal_id: str) -> list[Proposal]:
        """The proposals joined straight into ``proposal_id``, in number order: what
        «Separar» offers on the one kept."""
        return [p for p in self.list(include_inactive=True)
                if p.status == "joined" and p.joined_into == proposal_id]

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
        row = self._prepare({"title": title, "description": description, "problem": problem,
                             "theme": theme, "session_id": session_id,
                             "table_label": table_label, "source_kind": source_kind,
                             "source_id": source_id, "source": source}, set())
        number = self._next_number()
        with self.pf.write("proposal.add", Label(N_("agregar la propuesta «{title}»"),
                                                  title=_short(row["title"]))) as unit:
            pid = unit.insert("proposal", self._row(unit, row, number))
        return self.get(pid), unit.changes()

    def promote(self, session_id: str, source_kind: str, source_id: str, *,
                title: str | None = None, **values: Any) -> tuple[Proposal, Changes]:
        """Promote one thing :meth:`result` offers, keeping its origin facts; the title,
        description, problem and theme offered can be replaced."""
        for item in self.result(session_id):
            if item.source_kind == source_kind and item.source_id == str(source_id):
                fields = {"description": item.description, "problem": item.problem,
                          "theme": item.theme, **values}
                return self.add(title if title is not None else item.title,
                                session_id=session_id, source_kind=item.source_kind,
                                source_id=item.source_id, source=item.source, **fields)
        raise NotFound(_("Ese resultado no está en la sesión."))

    def add_many(self, items: list[Mapping[str, Any]], *,
                 lines: list[int] | None = None) -> tuple[list[Proposal], Changes]:
        """Add proposals typed elsewhere (a spreadsheet), in order, in one transaction:
        all or nothing. Each item takes :meth:`add`'s keywords; a bad one refuses the
        whole lot with its row (``lines``, else its position) in the message."""
        if not items:
            raise InvalidInput(_("No hay propuestas que agregar."))
        rows, seen = [], set()
        for position, item in enumerate(items):
            line = lines[position] if lines else position + 1
            try:
                rows.append(self._prepare(item, seen))
            except (InvalidInput, RuleViolation, NotFound) as err:
                raise type(err)(_("Fila {row}: {message} No se importó nada.").format(
                    row=line, message=err.message)) from None
        number = self._next_number()
        label = Label.plural("importar {count} propuesta", "importar {count} propuestas",
                             len(rows), count=len(rows))
        ids = []
        with self.pf.write("proposal.import", label) as unit:
            for row in rows:
                ids.append(unit.insert("proposal", self._row(unit, row, number)))
                number += 1
        by_id = {p.id: p for p in self.list(include_inactive=True)}
        return [by_id[i] for i in ids], unit.changes()

    def _prepare(self, item: Mapping[str, Any], seen: set[tuple[str, str]]) -> dict[str, Any]:
        """One proposal's values, checked (nothing written). ``seen`` holds the results
        already taken by earlier items of the same lot."""
        unknown = set(item) - {"title", "description", "problem", "theme", "session_id",
                               "table_label", "source_kind", "source_id", "source"}
        if unknown:
            raise InvalidInput(_("No se puede indicar «{field}» en una propuesta.").format(
                field=sorted(unknown)[0]))
        row = {"title": _clean_title(item.get("title")),
               "description": _clean(item.get("description")),
               "problem": _clean(item.get("problem")),
               "theme": " ".join(_clean(item.get("theme"), 200).split())}
        session_id = item.get("session_id") or None
        table_label = item.get("table_label")
        source_id = str(item.get("source_id") or "")
        if session_id is not None:
            session = self.repo.session(session_id)
            if table_label is None:
                table_label = session.table_label
            if source_id:
                taken = self.promoted(session_id).get(source_id)
                if taken is not None:
                    raise RuleViolation(_("Ese resultado ya es la propuesta {label}.").format(
                        label=taken.label))
                if (session_id, source_id) in seen:
                    raise RuleViolation(_("Ese resultado ya está en la lista."))
                seen.add((session_id, source_id))
        row.update({
            "session_id": session_id,
            "table_label": " ".join(_clean(table_label, 200).split()),
            "source_kind": ((item.get("source_kind") or OFFICE) if session_id else
                            ADMINISTRATION if item.get("source_kind") == ADMINISTRATION
                            else OFFICE),
            "source_id": source_id,
            "source": json.dumps(dict(item.get("source") or {}), ensure_ascii=False,
                                 sort_keys=True)})
        return row

    def _next_number(self) -> int:
        return (self.pf.scalar("SELECT MAX(number) FROM proposal WHERE process_id = ? AND "
                               "origin = ?", [self.repo.process().id, self.pf.device.id])
                or 0) + 1

    def _row(self, unit: Any, row: Mapping[str, Any], number: int) -> dict[str, Any]:
        return {"id": new_id(), "process_id": self.repo.process().id, "number": number,
                "origin": self.pf.device.id, **row, "status": "active",
                "created_at": unit.at, "updated_at": unit.at, "device_id": self.pf.device.id}

    # -- what a session's result offers ----------------------------------------
    def result(self, session_id: str) -> list[Promotable]:
        """What the session's result offers to promote, best first: each option of its
        standing round's tally with its rank and votes (every option, in number order,
        before any vote), then whatever its method adds (its ``proposal_sources`` hook),
        each with the label of the proposal already promoted from it."""
        from cocrea_desktop.core.methods import get_method

        repo = self.repo
        session = repo.session(session_id)
        options = repo.votes.options_for(session_id)
        kind = options.noun.key
        labels = options.labels()
        items: list[Promotable] = []
        round_ = repo.votes.result_round(session_id)
        rows: list[Any] = []
        if round_ is not None:
            try:
                rows = list(repo.votes.tally(session_id, round_).rows)
            except CocreaError:  # a tally that cannot be made yet offers the options alone
                rows = []
        ranked = {row.option for row in rows}
        for row in rows:
            total = row.total if isinstance(row.total, int) or row.total is None \
                else str(row.total)
            # Facts, not words: the origin is worded when shown, in the language of then.
            source = {"number": str(row.option), "rank": row.rank, "votes": total,
                      "unit": row.unit.key, "round": round_}
            items.append(Promotable(kind, str(row.option), labels.get(row.option, ""),
                                    number=row.option,
                                    source={k: v for k, v in source.items()
                                            if v not in (None, "")}))
        for number, label in labels.items():
            if number not in ranked:
                items.append(Promotable(kind, str(number), label, number=number,
                                        source={"number": str(number)}))
        hook = method_hook(get_method(session.method), SOURCES_HOOK)
        if hook is not None:
            items = list(hook(repo, session_id, items))
        taken = self.promoted(session_id)
        return [replace(item, proposal_label=taken[item.source_id].label)
                if item.source_id in taken else item for item in items]

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


def _label_token(label: str) -> str:
    """A label as typed or shown, compared without case, spaces or the middle dot."""
    return "".join(str(label).replace("·", "-").split()).casefold()


def _label_key(label: str) -> tuple[int, str, int]:
    prefix, _sep, number = label.rpartition(" · " if " · " in label else "-")
    return (1 if prefix else 0, prefix.casefold(), int(number) if number.isdigit() else 0)


def _short(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
