"""Prioritisation's records (``repo.prioritisation``): proposals on the table, criteria,
who scores, the evaluators' sheets, the tally and what the STL agreed.

The tally is the core's (``core.voting.criteria_tally.tally_criteria``): this store only
reads the sheets back. A typed row is read by the core's scorecard reader
(``core.voting.ballots.parse_scorecard``) and refused whole, with the reason in Spanish,
when any score in it would not count: a fast typist fixes the row instead of saving
half of it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.errors import CocreaError, InvalidInput, NotFound, RuleViolation
from cocrea_desktop.core.voting import ballots as ballot_rules
from cocrea_desktop.core.voting.criteria import CRITERIA_SETS, Criterion
from cocrea_desktop.core.voting.criteria_tally import CriteriaTally, tally_criteria
from cocrea_desktop.core.voting.rules import CriteriaRule
from cocrea_desktop.core.voting.wording import PROPOSAL
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.methods.prioritisation.analysis import (
    Cut,
    Shift,
    cut_at,
    sensitivity,
)

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

#: Who scores (the issue's three choices), by key.
EVALUATOR_GROUPS: dict[str, str] = {
    "stl": N_("Integrantes del STL"),
    "panel": N_("Panel ciudadano"),
    "room": N_("Toda la sala"),
}

#: The question read aloud for each criterion of the default sets (by its name).
DEFAULT_QUESTIONS: dict[str, str] = {
    "Personas afectadas": N_("¿A cuántas personas afecta el problema?"),
    "Impacto del riesgo o conflicto": N_("¿Qué tan grave es el riesgo o el conflicto si no se "
                                         "atiende?"),
    "Urgencia": N_("¿Qué tan urgente es atenderlo?"),
    "Requiere acción de las partes": N_("¿Necesita que gobierno y sociedad actúen juntos?"),
    "Viable y factible": N_("¿Se puede hacer con lo que hay?"),
    "Viabilidad técnica": N_("¿Se sabe cómo hacerlo y hay quién lo haga?"),
    "Viabilidad presupuestal": N_("¿Hay o puede haber dinero para hacerlo?"),
    "Viabilidad político-administrativa": N_("¿El ayuntamiento puede y quiere hacerlo?"),
    "Coherencia con la planeación local": N_("¿Va de acuerdo con el Plan Municipal de "
                                             "Desarrollo?"),
}

#: The presets offered, by key (the core's sets; "own" is an empty list to fill).
PRESETS: dict[str, str] = {key: name for key, (name, _set) in CRITERIA_SETS.items()}
MAX_CRITERIA = 6
MAX_WEIGHT = 10
SOURCES = ("typed", "import", "scan", "hand")


@dataclass(frozen=True)
class CriterionSpec:
    """A criterion as the STL set it: name, question read aloud, weight, direction."""

    name: str
    question: str = ""
    weight: float = 1.0
    higher_is_priority: bool = True
    #: The direction was read aloud and checked with the facilitator.
    checked: bool = False

    def criterion(self) -> Criterion:
        return Criterion(self.name, float(self.weight), bool(self.higher_is_priority))

    def label(self) -> str:
        return _(self.name)

    def question_text(self) -> str:
        return _(self.question) if self.question else ""

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "question": self.question, "weight": self.weight,
                "higher_is_priority": self.higher_is_priority, "checked": self.checked}


@dataclass(frozen=True)
class Setup:
    criteria: tuple[CriterionSpec, ...] = ()
    preset: str = ""
    evaluator_group: str = ""
    evaluators: int = 0
    scale_min: int = 1
    scale_max: int = 5

    def group_text(self) -> str:
        return _(EVALUATOR_GROUPS[self.evaluator_group]) if self.evaluator_group in \
            EVALUATOR_GROUPS else ""


@dataclass(frozen=True)
class Item:
    """A proposal on the table, numbered in this session."""

    number: int
    proposal_id: str
    title: str
    proposal_label: str = ""


@dataclass(frozen=True)
class Agreement:
    cutoff: int
    selected: tuple[int, ...]
    decided_by: str
    tie_note: str
    at: str


def preset_specs(key: str) -> tuple[CriterionSpec, ...]:
    """The criteria of a preset ("durango", "cepal"; "own": none), with their questions."""
    if key == "own":
        return ()
    if key not in CRITERIA_SETS:
        raise InvalidInput(_("No existe el juego de criterios «{key}».").format(key=key))
    return tuple(CriterionSpec(c.name, DEFAULT_QUESTIONS.get(c.name, ""), c.weight,
                               c.higher_is_priority) for c in CRITERIA_SETS[key][1])


_COMPACT = re.compile(r"^[0-9\-_?xX—]+$")


def split_row(text: str, criteria: int) -> str:
    """A row typed fast without spaces ("45345": one digit per criterion, scores go up to
    9 at most) as the scorecard reader reads it ("4 5 3 4 5")."""
    text = " ".join(str(text or "").split())
    if " " not in text and "," not in text and _COMPACT.match(text) and (
            len(text) > 1 or criteria == 1):
        return " ".join(text)
    return text


def criterion_key(name: str) -> str:
    """A criterion's key for files and scripts: "Viable y factible" -> "viable_y_factible"."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", plain.casefold()).strip("_")


def _clean(text: Any) -> str:
    return " ".join(str(text or "").split())


class PrioritisationStore:
    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.pf = repo.pf

    # -- reading ------------------------------------------------------------------
    def setup(self, session_id: str) -> Setup:
        row = self.pf.row("prioritisation_setup", session_id)
        if row is None:
            return Setup()
        specs = tuple(CriterionSpec(**c) for c in json.loads(row["criteria"] or "[]"))
        return Setup(specs, row["preset"], row["evaluator_group"], row["evaluators"],
                     row["scale_min"], row["scale_max"])

    def items(self, session_id: str) -> list[Item]:
        labels = {p.id: p.label for p in self.repo.proposals.list(include_inactive=True)}
        return [Item(r["number"], r["proposal_id"], r["title"], labels.get(r["proposal_id"], ""))
                for r in self.pf.query(
                    "SELECT * FROM prioritisation_item WHERE session_id = ? AND status = 'active' "
                    "ORDER BY number", [session_id])]

    def item(self, session_id: str, number: int) -> Item:
        for item in self.items(session_id):
            if item.number == number:
                return item
        raise NotFound(_("La propuesta {number} no está en la mesa.").format(number=number))

    def rule(self, session_id: str) -> CriteriaRule:
        setup = self.setup(session_id)
        if not setup.criteria:
            raise RuleViolation(_("Aún no hay criterios: elija un juego de criterios o escriba "
                                  "los suyos."))
        return CriteriaRule(tuple(c.criterion() for c in setup.criteria), setup.scale_min,
                            setup.scale_max)

    def sheets(self, session_id: str) -> dict[int, dict[int, tuple[int | None, ...]]]:
        """sheet -> proposal number -> scores in criterion order (None = missing)."""
        found: dict[int, dict[int, tuple[int | None, ...]]] = {}
        for r in self.pf.query("SELECT sheet, option, scores FROM prioritisation_score WHERE "
                               "session_id = ? ORDER BY sheet, option", [session_id]):
            found.setdefault(r["sheet"], {})[r["option"]] = tuple(json.loads(r["scores"]))
        return found

    def sheet_sources(self, session_id: str) -> dict[int, str]:
        return {r["sheet"]: r["source"] for r in self.pf.query(
            "SELECT sheet, MIN(source) AS source FROM prioritisation_score WHERE session_id = ? "
            "GROUP BY sheet", [session_id])}

    def has_scores(self, session_id: str) -> bool:
        return bool(self.pf.scalar(
            "SELECT EXISTS (SELECT 1 FROM prioritisation_score WHERE session_id = ?) OR "
            "EXISTS (SELECT 1 FROM prioritisation_count WHERE session_id = ?)",
            [session_id, session_id]))

    def counts(self, session_id: str) -> dict[tuple[int, int], tuple[int, ...]]:
        """(proposal number, criterion index) -> how many gave each score, low to high."""
        return {(r["option"], r["criterion"]): tuple(json.loads(r["counts"]))
                for r in self.pf.query("SELECT option, criterion, counts FROM "
                                       "prioritisation_count WHERE session_id = ?",
                                       [session_id])}

    def counter(self, session_id: str) -> str:
        return self.pf.scalar("SELECT counter FROM prioritisation_count WHERE session_id = ? "
                              "ORDER BY updated_at DESC LIMIT 1", [session_id]) or ""

    def cards(self, session_id: str) -> list[list[tuple[int, tuple[int | None, ...]]]]:
        """What the tally reads: every sheet's rows, or, for scores counted by hand, one
        card per person counted (the k-th card holds the k-th score of each count, so that
        each criterion's mean and number of scores are exact), padded with empty cards up
        to the number of people who score."""
        options = [i.number for i in self.items(session_id)]
        counts = self.counts(session_id)
        if not counts:
            return [[(o, s) for o, s in sheet.items() if o in options]
                    for sheet in self.sheets(session_id).values()]
        setup = self.setup(session_id)
        n = len(setup.criteria)
        expanded = {key: [setup.scale_min + i for i, c in enumerate(row) for _k in range(c)]
                    for key, row in counts.items()}
        people = max([len(v) for v in expanded.values()] + [setup.evaluators])
        cards = []
        for k in range(people):
            card = []
            for o in options:
                row = tuple(expanded[(o, c)][k] if (o, c) in expanded and
                            k < len(expanded[(o, c)]) else None for c in range(n))
                if any(v is not None for v in row):
                    card.append((o, row))
            cards.append(card)
        return cards

    def tally(self, session_id: str, rule: CriteriaRule | None = None) -> CriteriaTally:
        """The core's tally over every sheet (``rule``: another weighting, for sensitivity)."""
        rule = rule or self.rule(session_id)
        options = [i.number for i in self.items(session_id)]
        return tally_criteria(self.cards(session_id), options=options, rule=rule,
                              noun=PROPOSAL)

    def sensitivity(self, session_id: str) -> list[Shift]:
        options = [i.number for i in self.items(session_id)]
        return sensitivity(self.cards(session_id), options=options,
                           rule=self.rule(session_id))

    def agreement(self, session_id: str) -> Agreement | None:
        row = self.pf.row("prioritisation_agreement", session_id)
        if row is None:
            return None
        return Agreement(row["cutoff"], tuple(json.loads(row["selected"])), row["decided_by"],
                         row["tie_note"], row["updated_at"])

    def cut(self, session_id: str, cutoff: int) -> Cut:
        return cut_at(self.tally(session_id), cutoff)

    # -- writing: the table and the criteria ------------------------------------------
    def _check_open(self, session_id: str) -> None:
        self.repo.check_not_concluded(session_id)
        if self.has_scores(session_id):
            raise RuleViolation(_("Ya hay calificaciones: las propuestas y los criterios ya no "
                                  "cambian (vea en «Resultados» qué pasaría con otro peso)."))

    def put_on_table(self, session_id: str, labels: Iterable[str]) -> Changes:
        """Put proposals on the table by their labels ("3", "B-3"), numbered in order."""
        self._check_open(session_id)
        proposals = self.repo.proposals.by_labels(labels)
        if not proposals:
            raise InvalidInput(_("Escriba los números de las propuestas, separados por "
                                 "espacios."))
        for proposal in proposals:
            if not proposal.active:
                raise RuleViolation(_("La propuesta {label} ya no está activa.").format(
                    label=proposal.label))
        on_table = {i.proposal_id for i in self.items(session_id)}
        new = []
        for p in proposals:
            if p.id not in on_table and p.id not in {q.id for q in new}:
                new.append(p)
        if not new:
            raise RuleViolation(_("Esas propuestas ya están en la mesa."))
        number = self.pf.scalar("SELECT MAX(number) FROM prioritisation_item WHERE "
                                "session_id = ?", [session_id]) or 0
        with self.pf.write("prioritisation.table", Label(
                N_("poner en la mesa las propuestas {labels}"),
                labels=", ".join(p.label for p in new))) as unit:
            for p in new:
                number += 1
                unit.insert("prioritisation_item", {
                    "id": f"{session_id}:{number}", "session_id": session_id, "number": number,
                    "proposal_id": p.id, "title": p.title, "status": "active",
                    "created_at": unit.at, "updated_at": unit.at,
                    "device_id": self.pf.device.id})
        return unit.changes().made(session_id=session_id)

    def take_off_table(self, session_id: str, number: int) -> Changes:
        self._check_open(session_id)
        item = self.item(session_id, int(number))
        with self.pf.write("prioritisation.untable", Label(
                N_("quitar de la mesa la propuesta {number}"), number=item.number)) as unit:
            unit.update("prioritisation_item", f"{session_id}:{item.number}",
                        {"status": "removed"}, stamp=True)
        return unit.changes().made(session_id=session_id)

    def _write_setup(self, session_id: str, values: dict[str, Any], label: Label) -> Changes:
        with self.pf.write("prioritisation.setup", label) as unit:
            if self.pf.row("prioritisation_setup", session_id) is None:
                unit.insert("prioritisation_setup", {
                    "id": session_id, "session_id": session_id, **values,
                    "created_at": unit.at, "updated_at": unit.at,
                    "device_id": self.pf.device.id})
            else:
                unit.update("prioritisation_setup", session_id, values, stamp=True)
        return unit.changes().made(session_id=session_id)

    def check_spec(self, spec: CriterionSpec | Mapping[str, Any]) -> CriterionSpec:
        """One criterion, cleaned, or InvalidInput in Spanish (no name, a weight that is not
        a number, 0 or less, or too big)."""
        if isinstance(spec, Mapping):
            spec = CriterionSpec(**spec)
        try:
            weight = float(str(spec.weight).replace(",", "."))
        except ValueError:
            raise InvalidInput(_("El peso debe ser un número, como 1 o 2.")) from None
        spec = CriterionSpec(_clean(spec.name), _clean(spec.question), weight,
                             bool(spec.higher_is_priority), bool(spec.checked))
        spec.criterion()  # name and weight > 0, said in Spanish
        if weight > MAX_WEIGHT:
            raise InvalidInput(_("El peso de «{name}» es muy grande: use de 1 a {most}.")
                               .format(name=spec.label(), most=MAX_WEIGHT))
        return spec

    def set_criteria(self, session_id: str, specs: Sequence[CriterionSpec | Mapping[str, Any]],
                     *, preset: str | None = None) -> Changes:
        """The whole list of criteria, in column order (checked here, refused in Spanish)."""
        self._check_open(session_id)
        clean: list[CriterionSpec] = []
        for spec in specs:
            spec = self.check_spec(spec)
            if spec.name.casefold() in {c.name.casefold() for c in clean}:
                raise InvalidInput(_("El criterio «{name}» está dos veces.").format(
                    name=spec.label()))
            clean.append(spec)
        if len(clean) > MAX_CRITERIA:
            raise InvalidInput(_("Use a lo más {most} criterios: la hoja de calificación no "
                                 "tiene lugar para más.").format(most=MAX_CRITERIA))
        current = self.setup(session_id)
        values = {"criteria": json.dumps([c.as_json() for c in clean], ensure_ascii=False),
                  "preset": current.preset if preset is None else preset}
        return self._write_setup(session_id, values, Label(N_("fijar los criterios")))

    def use_preset(self, session_id: str, key: str) -> Changes:
        return self.set_criteria(session_id, preset_specs(key), preset=key)

    def check_direction(self, session_id: str, index: int, checked: bool = True) -> Changes:
        """Mark that a criterion's direction was read aloud and checked with the facilitator."""
        self.repo.check_not_concluded(session_id)
        setup = self.setup(session_id)
        if not 0 <= index < len(setup.criteria):
            raise NotFound(_("No existe ese criterio."))
        specs = [c.as_json() for c in setup.criteria]
        specs[index]["checked"] = bool(checked)
        return self._write_setup(
            session_id, {"criteria": json.dumps(specs, ensure_ascii=False)},
            Label(N_("revisar la dirección de «{name}»"), name=setup.criteria[index].name))

    def set_evaluators(self, session_id: str, group: str, count: int) -> Changes:
        self.repo.check_not_concluded(session_id)
        if group not in EVALUATOR_GROUPS:
            raise InvalidInput(_("Elija quién califica: el STL, un panel ciudadano o toda la "
                                 "sala."))
        try:
            count = int(count)
        except (TypeError, ValueError):
            raise InvalidInput(_("El número de hojas debe ser un número entero.")) from None
        if not 1 <= count <= 500:
            raise InvalidInput(_("El número de hojas va de 1 a 500."))
        used = max(self.sheets(session_id), default=0)
        if count < used:
            raise RuleViolation(_("Ya se capturó la hoja {sheet}: no puede haber menos hojas.")
                                .format(sheet=used))
        return self._write_setup(session_id, {"evaluator_group": group, "evaluators": count},
                                 Label(N_("decir quién califica")))

    # -- writing: scores -----------------------------------------------------------------
    def check_row(self, session_id: str, number: int, text: str, *,
                  rule: CriteriaRule | None = None,
                  numbers: Collection[int] | None = None) -> tuple[int | None, ...]:
        """The scores of one typed row, or InvalidInput saying in Spanish why not
        (``rule`` and ``numbers``, the proposals on the table, when already read)."""
        rule = rule or self.rule(session_id)
        n = len(rule.criteria)
        self._check_number(session_id, number, numbers)
        text = split_row(text, n)
        if not text:
            raise InvalidInput(_("La fila está vacía: escriba una cifra por criterio ({count}), "
                                 "o «-» si falta.").format(count=n))
        given = len(ballot_rules.split_entries(text))
        if given != n:
            raise InvalidInput(_("La fila de la propuesta {number} tiene {given} cifras y hay "
                                 "{count} criterios: escriba una por criterio, «-» si "
                                 "falta.").format(number=number, given=given, count=n))
        card = ballot_rules.parse_scorecard({number: text}, options=[number], rule=rule,
                                            noun=PROPOSAL)
        if card.voids:
            raise InvalidInput(" ".join(str(v.reason) for v in card.voids))
        return card.scores[0][1]

    def _check_number(self, session_id: str, number: int,
                      numbers: Collection[int] | None = None) -> None:
        if numbers is None:
            self.item(session_id, number)
        elif number not in numbers:
            raise NotFound(_("La propuesta {number} no está en la mesa.").format(number=number))

    def _check_sheet(self, session_id: str, sheet: int) -> int:
        setup = self.setup(session_id)
        try:
            sheet = int(sheet)
        except (TypeError, ValueError):
            raise InvalidInput(_("El número de hoja debe ser un número entero.")) from None
        if setup.evaluators and not 1 <= sheet <= setup.evaluators:
            raise InvalidInput(_("Hay {count} hojas: la hoja {sheet} no existe.").format(
                count=setup.evaluators, sheet=sheet))
        if sheet < 1:
            raise InvalidInput(_("El número de hoja empieza en 1."))
        return sheet

    def enter_row(self, session_id: str, sheet: int, number: int, text: str, *,
                  source: str = "typed", serial: str = "") -> Changes:
        """One sheet's row for one proposal, typed ("4 5 3 - 2" or "453-2"); replaces it."""
        return self.enter_sheet(session_id, sheet, {number: text}, source=source,
                                serial=serial)

    def enter_sheet(self, session_id: str, sheet: int, rows: Mapping[int, str], *,
                    source: str = "typed", serial: str = "") -> Changes:
        """Several rows of one sheet in one action (an import, a scanned sheet)."""
        self.repo.check_not_concluded(session_id)
        sheet = self._check_sheet(session_id, sheet)
        if source not in SOURCES:
            raise InvalidInput(_("Origen desconocido: {source}").format(source=source))
        self._check_no_counts(session_id)
        checked = {int(o): (self.check_row(session_id, int(o), t), split_row(
            t, len(self.rule(session_id).criteria))) for o, t in rows.items()}
        if not checked:
            raise InvalidInput(_("La hoja no tiene ninguna fila."))
        label = Label(N_("capturar la hoja {sheet}, propuesta {number}"), sheet=sheet,
                      number=next(iter(checked))) if len(checked) == 1 else \
            Label(N_("capturar la hoja {sheet}"), sheet=sheet)
        session = self.repo.session(session_id)
        with self.pf.write("prioritisation.score", label) as unit:
            if not session.voting_started_at:
                unit.update("session", session.id, {"voting_started_at": unit.at}, stamp=True)
            for option, (scores, entry) in sorted(checked.items()):
                row_id = f"{session_id}:{sheet}:{option}"
                values = {"scores": json.dumps(list(scores)), "entry": entry, "source": source,
                          "serial": serial}
                if self.pf.row("prioritisation_score", row_id) is None:
                    unit.insert("prioritisation_score", {
                        "id": row_id, "session_id": session_id, "sheet": sheet,
                        "option": option, **values, "created_at": unit.at,
                        "updated_at": unit.at, "device_id": self.pf.device.id})
                else:
                    unit.update("prioritisation_score", row_id, values, stamp=True)
        return unit.changes().made(session_id=session_id)

    def import_rows(self, session_id: str, rows: Iterable[Sequence[Any]], *,
                    source: str = "import") -> Changes:
        """Rows of a spreadsheet: sheet, proposal number, then one score per criterion.

        Every row is checked before anything is saved; one bad row refuses the whole
        import, naming its line.
        """
        rule = self.rule(session_id)
        n = len(rule.criteria)
        numbers = {i.number for i in self.items(session_id)}
        per_sheet: dict[int, dict[int, str]] = {}
        for line, row in enumerate(rows, start=1):
            cells = [str(c if c is not None else "").strip() for c in row]
            if not any(cells):
                continue
            if len(cells) < 2 + n:
                cells += [""] * (2 + n - len(cells))
            try:
                sheet, number = int(cells[0]), int(cells[1])
            except ValueError:
                raise InvalidInput(_("Fila {line}: la hoja y la propuesta deben ser números.")
                                   .format(line=line)) from None
            text = " ".join(c or "-" for c in cells[2:2 + n])
            try:
                self._check_sheet(session_id, sheet)
                self.check_row(session_id, number, text, rule=rule, numbers=numbers)
            except (InvalidInput, NotFound) as err:
                raise InvalidInput(_("Fila {line}: {reason}").format(
                    line=line, reason=str(err))) from None
            if number in per_sheet.setdefault(sheet, {}):
                raise InvalidInput(_("Fila {line}: la hoja {sheet} ya califica la propuesta "
                                     "{number}.").format(line=line, sheet=sheet,
                                                         number=number))
            per_sheet[sheet][number] = text
        return self._write_import(session_id, per_sheet, {}, source)

    def criterion_index(self, session_id: str, text: Any) -> int:
        """A criterion named by its number (1 = first), its name or its key (the name
        without accents, lower case, words joined by "_"); else NotFound in Spanish."""
        criteria = self.setup(session_id).criteria
        text = _clean(text)
        if text.isdigit() and 1 <= int(text) <= len(criteria):
            return int(text) - 1
        for index, c in enumerate(criteria):
            if text.casefold() in (c.name.casefold(), criterion_key(c.name),
                                   c.label().casefold()) or criterion_key(text) == \
                    criterion_key(c.name):
                return index
        raise NotFound(_("No existe el criterio «{criterion}»: use su número (1 a {count}) o "
                         "su nombre.").format(criterion=text, count=len(criteria)))

    def import_long(self, session_id: str, rows: Iterable[tuple[int, Sequence[Any]]], *,
                    source: str = "import") -> Changes:
        """Scores one per line: (line number, (evaluator, proposal, criterion, score)).

        The evaluator is a sheet's number (up to three digits) or the serial (or QR text) of
        a printed score sheet, read through the ballot register: a sheet issued for this
        session and not entered yet gets the next free sheet number. The criterion is its
        number or its name; an empty score is a missing one. All or nothing: the first
        bad line refuses the whole file, named in Spanish.
        """
        from cocrea_desktop.methods.prioritisation.paper import read_sheet_code

        rule = self.rule(session_id)
        n = len(rule.criteria)
        low, high = rule.scale_min, rule.scale_max
        rows = list(rows)
        numbers = {i.number for i in self.items(session_id)}
        # Sheets named by their number are never given to a serial, wherever they come.
        used = set(self.sheets(session_id)) | {
            int(c) for _line, row in rows for c in row[:1]
            if str(c or "").strip().isdigit() and len(str(c).strip()) <= 3}
        by_serial: dict[str, int] = {}
        serials: dict[int, str] = {}
        cells: dict[int, dict[int, list[str]]] = {}
        seen: set[tuple[int, int, int]] = set()
        for line, row in rows:
            row = [str(c if c is not None else "").strip() for c in row] + ["", "", "", ""]
            evaluator, number_text, criterion_text, score = row[:4]
            if not any((evaluator, number_text, criterion_text, score)):
                continue
            try:
                if not evaluator:
                    raise InvalidInput(_("falta quién califica (el número de hoja o su "
                                         "folio)."))
                if evaluator.isdigit() and len(evaluator) <= 3:
                    sheet = self._check_sheet(session_id, int(evaluator))
                else:
                    serial = read_sheet_code(self.repo, session_id, evaluator)
                    if serial not in by_serial:
                        free = 1
                        while free in used or free in serials:
                            free += 1
                        by_serial[serial] = self._check_sheet(session_id, free)
                        serials[by_serial[serial]] = serial
                    sheet = by_serial[serial]
                try:
                    number = int(number_text)
                except ValueError:
                    raise InvalidInput(_("la propuesta debe ser su número en la mesa, no "
                                         "«{text}».").format(text=number_text)) from None
                self._check_number(session_id, number, numbers)
                criterion = self.criterion_index(session_id, criterion_text)
                if score and not (score.isascii() and score.isdigit()
                                  and low <= int(score) <= high):
                    raise InvalidInput(_("la calificación va de {low} a {high}, no «{score}»."
                                         ).format(low=low, high=high, score=score))
                if (sheet, number, criterion) in seen:
                    raise InvalidInput(_("la hoja {sheet} ya califica la propuesta {number} en "
                                         "«{criterion}».").format(
                        sheet=sheet, number=number,
                        criterion=self.setup(session_id).criteria[criterion].label()))
            except (InvalidInput, NotFound, RuleViolation) as err:
                raise InvalidInput(_("Fila {line}: {reason}").format(
                    line=line, reason=str(err))) from None
            seen.add((sheet, number, criterion))
            cells.setdefault(sheet, {}).setdefault(number, [""] * n)[criterion] = score
        per_sheet = {sheet: {number: " ".join(c or "-" for c in row)
                             for number, row in found.items()}
                     for sheet, found in cells.items()}
        return self._write_import(session_id, per_sheet, serials, source)

    def _write_import(self, session_id: str, per_sheet: dict[int, dict[int, str]],
                      serials: Mapping[int, str], source: str) -> Changes:
        if not per_sheet:
            raise InvalidInput(_("El archivo no tiene calificaciones."))
        self._check_no_counts(session_id)
        self.repo.check_not_concluded(session_id)
        session = self.repo.session(session_id)
        rule = self.rule(session_id)
        numbers = {i.number for i in self.items(session_id)}
        with self.pf.write("prioritisation.import", Label(
                N_("importar {count} hojas de calificación"), count=len(per_sheet))) as unit:
            if not session.voting_started_at:
                unit.update("session", session.id, {"voting_started_at": unit.at}, stamp=True)
            for sheet, found in sorted(per_sheet.items()):
                for option, text in sorted(found.items()):
                    scores = self.check_row(session_id, option, text, rule=rule,
                                            numbers=numbers)
                    row_id = f"{session_id}:{sheet}:{option}"
                    values = {"scores": json.dumps(list(scores)), "entry": text,
                              "source": source}
                    if sheet in serials:
                        values["serial"] = serials[sheet]
                    if self.pf.row("prioritisation_score", row_id) is None:
                        unit.insert("prioritisation_score", {
                            "id": row_id, "session_id": session_id, "sheet": sheet,
                            "option": option, "serial": "", **values,
                            "created_at": unit.at, "updated_at": unit.at,
                            "device_id": self.pf.device.id})
                    else:
                        unit.update("prioritisation_score", row_id, values, stamp=True)
        return unit.changes().made(session_id=session_id)

    def _check_no_counts(self, session_id: str) -> None:
        if self.counts(session_id):
            raise RuleViolation(_("Esta priorización se contó a mano: no se mezcla con hojas "
                                  "capturadas."))

    def set_count(self, session_id: str, number: int, criterion: int, text: str, *,
                  counter: str) -> Changes:
        """Scores counted by hand for one proposal and criterion: how many gave 1, 2, 3, 4
        and 5 ("0 1 3 5 3"), and who counted. Typing it again replaces it."""
        self.repo.check_not_concluded(session_id)
        rule = self.rule(session_id)
        setup = self.setup(session_id)
        item = self.item(session_id, int(number))
        if not 0 <= int(criterion) < len(rule.criteria):
            raise NotFound(_("No existe ese criterio."))
        counter = _clean(counter)
        if not counter:
            raise InvalidInput(_("Escriba quién hizo el conteo."))
        if self.sheets(session_id):
            raise RuleViolation(_("Esta priorización ya tiene hojas capturadas: no se mezclan "
                                  "con conteos a mano."))
        size = setup.scale_max - setup.scale_min + 1
        cells = ballot_rules.split_entries(str(text or ""))
        if len(cells) != size or not all(c.isascii() and c.isdigit() for c in cells):
            raise InvalidInput(_("Escriba {size} números: cuántas personas dieron {low}, "
                                 "cuántas {next}… hasta {high} (por ejemplo: 0 1 3 5 3).")
                               .format(size=size, low=setup.scale_min,
                                       next=setup.scale_min + 1, high=setup.scale_max))
        counts = [int(c) for c in cells]
        if setup.evaluators and sum(counts) > setup.evaluators:
            raise InvalidInput(_("Suman {total} calificaciones y califican {count} personas: "
                                 "revise el conteo.").format(total=sum(counts),
                                                             count=setup.evaluators))
        row_id = f"{session_id}:{item.number}:{int(criterion)}"
        label = Label(N_("contar a mano la propuesta {number}, «{criterion}»"),
                      number=item.number, criterion=rule.criteria[int(criterion)].name)
        session = self.repo.session(session_id)
        with self.pf.write("prioritisation.count", label) as unit:
            if not session.voting_started_at:
                unit.update("session", session.id, {"voting_started_at": unit.at}, stamp=True)
            values = {"counts": json.dumps(counts), "counter": counter}
            if self.pf.row("prioritisation_count", row_id) is None:
                unit.insert("prioritisation_count", {
                    "id": row_id, "session_id": session_id, "option": item.number,
                    "criterion": int(criterion), **values, "created_at": unit.at,
                    "updated_at": unit.at, "device_id": self.pf.device.id})
            else:
                unit.update("prioritisation_count", row_id, values, stamp=True)
        return unit.changes().made(session_id=session_id)

    # -- writing: the agreement ------------------------------------------------------------
    def agree(self, session_id: str, *, cutoff: int, decided_by: str,
              selected: Iterable[int] | None = None, tie_note: str = "") -> Changes:
        """The STL's decision: the top ``cutoff`` go on to the PAL.

        A tie at the cut-off is never broken silently: then ``selected`` (which proposals
        go on) and ``tie_note`` (how the tie was settled: the room voted again, a public
        draw...) are required. A selection other than the ranking needs its reason too.
        """
        self.repo.check_not_concluded(session_id)
        decided_by = _clean(decided_by)
        tie_note = _clean(tie_note)
        if not decided_by:
            raise InvalidInput(_("Escriba quién decidió (por ejemplo: el pleno del STL)."))
        try:
            cutoff = int(cutoff)
        except (TypeError, ValueError):
            raise InvalidInput(_("El corte debe ser un número entero.")) from None
        cut = self.cut(session_id, cutoff)
        chosen = tuple(sorted({int(o) for o in selected})) if selected is not None else None
        numbers = {i.number for i in self.items(session_id)}
        if chosen is not None and not set(chosen) <= numbers:
            raise InvalidInput(_("Solo pueden pasar propuestas que están en la mesa."))
        if cut.runoff is not None:
            if chosen is None or not tie_note:
                raise RuleViolation(_("{tie} Diga cuáles pasan y cómo se resolvió el empate; "
                                      "nunca se decide en silencio.").format(
                    tie=cut.runoff.text))
        elif chosen is None:
            chosen = cut.passing
        elif set(chosen) != set(cut.passing) and not tie_note:
            raise RuleViolation(_("La selección no es la del orden de puntaje: escriba por qué."))
        with self.pf.write("prioritisation.agree", Label(
                N_("acordar las propuestas que pasan al PAL"))) as unit:
            values = {"cutoff": cutoff, "selected": json.dumps(list(chosen)),
                      "decided_by": decided_by, "tie_note": tie_note}
            if self.pf.row("prioritisation_agreement", session_id) is None:
                unit.insert("prioritisation_agreement", {
                    "id": session_id, "session_id": session_id, **values,
                    "created_at": unit.at, "updated_at": unit.at,
                    "device_id": self.pf.device.id})
            else:
                unit.update("prioritisation_agreement", session_id, values, stamp=True)
        return unit.changes().made(session_id=session_id)


#: ``repo.prioritisation`` is this store.
REPO_ATTRIBUTE = "prioritisation"
STORE = PrioritisationStore


def options(repo: Repo, session_id: str, vote_on: str) -> list[tuple[int, str]]:
    """What is scored (``vote_on="proposals"``): the proposals on the table, by number."""
    return [(i.number, i.title) for i in repo.prioritisation.items(session_id)]


def PROPOSAL_TRACE(repo: Repo, proposal) -> list:  # noqa: N802 - the hook's name
    """What a prioritisation said of a proposal, for a commitment's origin trace: its place
    and score, and whether the STL agreed it goes on to the PAL (kind "selected")."""
    from cocrea_desktop.core.voting import wording
    from cocrea_desktop.store.commitments import TraceLink

    links = []
    store = repo.prioritisation
    for row in repo.pf.query("SELECT session_id, number FROM prioritisation_item WHERE "
                             "proposal_id = ? AND status = 'active'", [proposal.id]):
        sid, number = row["session_id"], row["number"]
        try:
            tally = store.tally(sid)
        except CocreaError:
            continue
        found = next((r for r in tally.rows if r.option == number), None)
        if found is None or found.score is None:
            continue
        agreement = store.agreement(sid)
        chosen = agreement is not None and number in agreement.selected
        text = _("Priorización: lugar {rank}, puntaje {score}").format(
            rank=found.rank or "—", score=wording.decimal(float(found.score)))
        if chosen:
            text += " · " + _("el STL acordó que pasa al PAL")
        links.append(TraceLink("selected" if chosen else "score", sid, text, sid))
    return links


def PROPOSAL_GUARD(repo: Repo, proposal) -> None:  # noqa: N802 - the hook's name
    """A proposal scored in a prioritisation session is not withdrawn or joined."""
    rows = repo.pf.query(
        "SELECT i.session_id, i.number FROM prioritisation_item i WHERE i.proposal_id = ? AND "
        "i.status = 'active' AND (EXISTS (SELECT 1 FROM prioritisation_score s WHERE "
        "s.session_id = i.session_id AND s.option = i.number) OR EXISTS (SELECT 1 FROM "
        "prioritisation_count c WHERE c.session_id = i.session_id AND c.option = i.number))",
        [proposal.id])
    if rows:
        raise RuleViolation(_("La propuesta {label} ya fue calificada en una priorización: no "
                              "se retira ni se une.").format(label=proposal.label))


__all__ = ["EVALUATOR_GROUPS", "PRESETS", "Agreement", "CriterionSpec", "Cut", "Item",
           "PrioritisationStore", "Setup", "Shift", "preset_specs", "split_row"]
