"""Score by criteria: weighted sum of per-criterion means, missing scores reported.

``scorecards`` has one item per evaluator, each an iterable of
``(option, (score per criterion in the rule's order, None where missing))``,
as :class:`~cocrea_desktop.core.voting.ballots.Scorecard` makes them. An option
an evaluator did not list counts as missing on every criterion.

score = sum over criteria of weight x mean. A missing score is left out of its
criterion's mean and reported, never taken as 0. A criterion with
``higher_is_priority`` false counts a score s as (low + high - s). If an option
has no score at all on some criterion its mean does not exist: the option gets
no score and no rank (it is listed last, with a note) instead of an invented
number. Means and scores are computed exactly (fractions), so ties are exact;
rows show them as floats.

Tie-break: breadth = evaluators who gave the option at least one score;
strength = the mean on the heaviest criterion, then the next (declared order
among equal weights). Near ties: a difference of at most 5 % of the higher
score; the absolute margin of 1 used for counts (one vote) has no meaning for a
weighted mean, so it is not applied here.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, ClassVar

from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.core.voting import wording
from cocrea_desktop.core.voting.reading import SCORE, RowReading, Unit
from cocrea_desktop.core.voting.rules import CriteriaRule
from cocrea_desktop.core.voting.tally import RankedResult, unknown_option
from cocrea_desktop.core.voting.ties import (
    Contender,
    NearTie,
    TieBreakStep,
    TieWording,
    find_near_ties,
    rank_by_cascade,
)
from cocrea_desktop.core.voting.wording import PROPOSAL, OptionNoun
from cocrea_desktop.i18n import _, ngettext

Scorecards = Iterable[Iterable[tuple[int, Sequence[int | None]]]]


@dataclass(frozen=True)
class CriteriaRow(RowReading):
    option: int
    score: float | None  # None: some criterion has no score at all
    means: tuple[float | None, ...]  # per criterion, in the rule's order (after direction)
    scored: tuple[int, ...]  # scores received per criterion
    missing: tuple[int, ...]  # scores missing per criterion
    evaluators: int  # evaluators who gave it at least one score
    rank: int | None
    unit: ClassVar[Unit] = SCORE

    @property
    def total(self) -> float | None:
        return self.score

    @property
    def breadth(self) -> int:
        return self.evaluators

    @property
    def distribution(self) -> tuple[int, ...]:
        return ()

    def figures(self) -> dict[str, Any]:
        return {"score": self.score, "means": list(self.means), "scored": list(self.scored),
                "missing": list(self.missing), "evaluators": self.evaluators}


@dataclass(frozen=True)
class CriteriaTally(RankedResult):
    rule: CriteriaRule
    rule_text: str
    evaluators: int
    rows: tuple[CriteriaRow, ...]
    missing_notes: tuple[str, ...]
    tie_breaks: tuple[TieBreakStep, ...]
    near_ties: tuple[NearTie, ...]
    noun: OptionNoun = PROPOSAL
    unit: ClassVar[Unit] = SCORE

    @property
    def ballots_counted(self) -> int:
        return self.evaluators

    @property
    def notes(self) -> tuple[str, ...]:
        return self.missing_notes

    def figures(self) -> dict[str, Any]:
        return {"evaluators": self.evaluators, "missing_total": self.missing_total}

    @property
    def missing_total(self) -> int:
        return sum(sum(r.missing) for r in self.rows)


def criteria_wording(rule: CriteriaRule) -> TieWording:
    order = rule.weight_order()

    def name(level: int) -> str:
        return rule.criteria[order[level]].label()

    return TieWording(
        primary=lambda value: wording.score(float(value)),
        breadth_label=_("personas que dieron calificación"),
        breadth_more=lambda option, a, b: _(
            "{option} tiene calificaciones de más personas ({a} contra {b})").format(
            option=option, a=a, b=b),
        breadth_same=lambda n: _("tienen calificaciones del mismo número de personas ({count})")
        .format(count=n),
        strength_label=lambda level: _("promedio en «{criterion}»").format(criterion=name(level)),
        strength_more=lambda level, option, a, b: _(
            "{option} tiene mejor promedio en «{criterion}» ({a} contra {b})").format(
            option=option, criterion=name(level), a=wording.decimal(float(a)),
            b=wording.decimal(float(b))),
        strength_same=_("tienen el mismo promedio en cada criterio"),
        value=lambda v: wording.decimal(float(v)) if isinstance(v, Fraction) else str(v),
    )


@dataclass(frozen=True)
class ScoreSums:
    """What the tally reads from the sheets, once: per option and criterion the sum of the
    scores (direction applied) and how many there are, the breadth, the evaluators. The
    ranking can then be made again with other weights (the sensitivity) without reading
    the sheets again."""

    options: tuple[int, ...]
    sums: dict[int, list[int]]
    counts: dict[int, list[int]]
    breadth: dict[int, int]
    evaluators: int
    directions: tuple[bool, ...]
    scale: tuple[int, int]
    _means: dict[int, list[Fraction | None]] = field(default_factory=dict, compare=False)

    def means(self) -> dict[int, list[Fraction | None]]:
        """Per option, each criterion's exact mean (None: no score), computed once."""
        if not self._means:
            self._means.update({o: [Fraction(s, c) if c else None
                                    for s, c in zip(self.sums[o], self.counts[o])]
                                for o in self.options})
        return self._means


def tally_criteria(
    scorecards: Scorecards,
    *,
    options: Collection[int],
    rule: CriteriaRule,
    noun: OptionNoun = PROPOSAL,
) -> CriteriaTally:
    """Weighted score per option from every evaluator's scores; see the module docstring."""
    return rank_score_sums(sum_scores(scorecards, options=options, rule=rule, noun=noun),
                           rule=rule, noun=noun)


def sum_scores(
    scorecards: Scorecards,
    *,
    options: Collection[int],
    rule: CriteriaRule,
    noun: OptionNoun = PROPOSAL,
) -> ScoreSums:
    """Read every evaluator's scores into sums and counts (checked, said in Spanish)."""
    options = sorted(set(options))
    n = len(rule.criteria)
    low, high = rule.scale_min, rule.scale_max
    flip = [not c.higher_is_priority for c in rule.criteria]
    sums = {o: [0] * n for o in options}
    counts = {o: [0] * n for o in options}
    breadth = dict.fromkeys(options, 0)
    evaluators = 0
    for card in scorecards:
        evaluators += 1
        seen: set[int] = set()
        for option, row in card:
            if option not in sums:
                raise unknown_option(option, noun)
            if option in seen:
                raise InvalidInput(_("Una misma hoja califica dos veces {option}.").format(
                    option=noun.one(option)))
            seen.add(option)
            if len(row) != n:
                raise InvalidInput(_("{option} tiene {given} calificaciones en una hoja, y hay "
                                     "{count} criterios.").format(
                    option=wording.capital(noun.one(option)), given=len(row), count=n))
            s, c = sums[option], counts[option]
            gave = False
            for i, value in enumerate(row):
                if value is None:
                    continue
                if type(value) is not int or not low <= value <= high:
                    raise InvalidInput(_("Una calificación de {option} no va de {low} a {high}.")
                                       .format(option=noun.one(option), low=low, high=high))
                s[i] += (low + high - value) if flip[i] else value
                c[i] += 1
                gave = True
            if gave:
                breadth[option] += 1
    return ScoreSums(tuple(options), sums, counts, breadth, evaluators,
                     tuple(c.higher_is_priority for c in rule.criteria), (low, high))


def rank_score_sums(found: ScoreSums, *, rule: CriteriaRule,
                    noun: OptionNoun = PROPOSAL, ranks_only: bool = False) -> CriteriaTally:
    """The ranking from summed scores under ``rule`` (its weights may differ from those the
    sums were read with; its criteria, directions and scale may not). ``ranks_only``: the
    rows and tie-break steps without the notes on missing scores and the near ties (what
    the sensitivity needs, ten times over)."""
    if found.directions != tuple(c.higher_is_priority for c in rule.criteria) or \
            found.scale != (rule.scale_min, rule.scale_max):
        raise ValueError("the sums were read under other criteria")
    options, counts = found.options, found.counts
    breadth, evaluators = found.breadth, found.evaluators
    weights = [Fraction(str(c.weight)) for c in rule.criteria]
    order = rule.weight_order()
    means = found.means()
    scores: dict[int, Fraction] = {}
    for o in options:
        m = means[o]
        if all(x is not None for x in m):
            scores[o] = sum((w * x for w, x in zip(weights, m)), Fraction(0))
    words = criteria_wording(rule)
    ranking = rank_by_cascade(
        [Contender(o, scores[o], breadth[o], tuple(means[o][i] for i in order))
         for o in options if o in scores],
        words, noun,
    )
    unscored = [o for o in options if o not in scores]
    rows = tuple(
        CriteriaRow(
            option=o,
            score=float(scores[o]) if o in scores else None,
            means=tuple(None if x is None else float(x) for x in means[o]),
            scored=tuple(counts[o]),
            missing=tuple(evaluators - c for c in counts[o]),
            evaluators=breadth[o],
            rank=ranking.ranks.get(o),
        )
        for o in (*ranking.options, *unscored)
    )
    return CriteriaTally(
        rule=rule,
        rule_text=rule.describe(noun),
        evaluators=evaluators,
        rows=rows,
        missing_notes=() if ranks_only else tuple(_missing_notes(rows, rule, noun)),
        tie_breaks=ranking.steps,
        near_ties=() if ranks_only else find_near_ties(
            ranking, {o: scores[o] for o in scores}, words=words, noun=noun, absolute=None),
        noun=noun,
    )


def _missing_notes(rows: Sequence[CriteriaRow], rule: CriteriaRule, noun: OptionNoun
                   ) -> list[str]:
    notes = []
    for row in sorted(rows, key=lambda r: r.option):
        missing = sum(row.missing)
        if not missing:
            continue
        detail = wording.join_items(
            _("«{criterion}»: {count}").format(criterion=c.label(), count=m)
            for c, m in zip(rule.criteria, row.missing) if m
        )
        if row.score is None:
            empty = [c.label() for c, n in zip(rule.criteria, row.scored) if n == 0]
            notes.append(ngettext(
                "{option} no tiene ninguna calificación en el criterio {criteria}: no se puede "
                "calcular su puntaje.",
                "{option} no tiene ninguna calificación en los criterios {criteria}: no se puede "
                "calcular su puntaje.",
                len(empty),
            ).format(option=wording.capital(noun.one(row.option)),
                     criteria=wording.join_items(f"«{e}»" for e in empty)))
        else:
            notes.append(ngettext(
                "A {option} le falta {count} calificación ({detail}); los promedios usan solo "
                "las que hay.",
                "A {option} le faltan {count} calificaciones ({detail}); los promedios usan solo "
                "las que hay.",
                missing,
            ).format(option=noun.one(row.option), count=missing, detail=detail))
    return notes
