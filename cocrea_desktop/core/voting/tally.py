"""Tallies: pure functions from validated marks to a ranked, explained result.

Input is marks, not ballot objects, so the store can feed rows straight in:
``ballots`` is an iterable with one item per ballot, each an iterable of
``(option, value)`` tuples as :mod:`~cocrea_desktop.core.voting.ballots` makes
them (each option at most once per ballot). A mark naming an unknown option or
a value out of range raises :class:`InvalidInput`; the tallies do not re-check
the per-ballot rules (no repeated idea or rank, dots within budget), which
validation guarantees.

* :func:`tally_ranked`: points P, mentions V, distribution D(r), rank.
* :func:`tally_dots`: dots and voters per option, dots cast against issued.
* :func:`tally_typed_counts`: counts read off a wall or hands, checked against
  participants x marks each (a mismatch is reported, not refused).

Criteria scoring is :func:`~cocrea_desktop.core.voting.criteria_tally.tally_criteria`.
Every result carries ``rule_text`` (the rule in one Spanish sentence),
``tie_breaks`` (the cascade steps it applied), ``near_ties``, the row list in
rank order (shared ranks for declared ties) and ``runoff(places)``. Rows and
results are read through one protocol (:mod:`~cocrea_desktop.core.voting.reading`):
``total``, ``breadth``, ``unit``, ``describe(noun)``, whatever the kind.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from itertools import chain
from typing import Any, ClassVar

from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.core.voting import wording
from cocrea_desktop.core.voting.reading import (
    DOTS,
    POINTS,
    VOTES,
    ResultReading,
    RowReading,
    Unit,
)
from cocrea_desktop.core.voting.rules import DotsRule, RankedRule
from cocrea_desktop.core.voting.ties import (
    Contender,
    NearTie,
    Ranking,
    Runoff,
    TieBreakStep,
    TieWording,
    find_near_ties,
    rank_by_cascade,
    runoff_at_cutoff,
)
from cocrea_desktop.core.voting.wording import IDEA, OPTION, OptionNoun
from cocrea_desktop.i18n import N_, _

Marks = Iterable[tuple[int, int]]

#: Where typed counts come from (translate with ``_()``); free text is accepted too.
SOURCE_HAND_COUNT = N_("conteo a mano")
SOURCE_WALL = N_("puntos en la pared")
SOURCE_HANDS = N_("manos alzadas")


class RankedResult(ResultReading):
    """What every tally result offers on top of its ``rows`` (best first)."""

    rows: tuple
    noun: OptionNoun

    def ranks(self) -> tuple[tuple[int, int], ...]:
        """(option, rank) best first; options without a rank are left out."""
        return tuple((r.option, r.rank) for r in self.rows if r.rank is not None)

    def row(self, option: int):  # noqa: ANN201 - the row type of the result
        for r in self.rows:
            if r.option == option:
                return r
        raise KeyError(option)

    def runoff(self, places: int) -> Runoff | None:
        """The run-off needed if the top ``places`` go on and a shared rank straddles the cut."""
        return runoff_at_cutoff(self.ranks(), places, noun=self.noun)


# -- ranked top-k -------------------------------------------------------------------------


@dataclass(frozen=True)
class RankedRow(RowReading):
    option: int
    points: int
    mentions: int
    distribution: tuple[int, ...]  # distribution[r - 1]: ballots giving r points
    rank: int
    unit: ClassVar[Unit] = POINTS

    def ballots_giving(self, points: int) -> int:
        return self.distribution[points - 1]

    @property
    def total(self) -> int:
        return self.points

    @property
    def breadth(self) -> int:
        return self.mentions

    def figures(self) -> dict[str, Any]:
        k = len(self.distribution)
        return {"points": self.points, "mentions": self.mentions,
                "distribution": {str(k - i): self.distribution[k - 1 - i] for i in range(k)}}


@dataclass(frozen=True)
class RankedTally(RankedResult):
    rule: RankedRule
    rule_text: str
    ballots: int
    total_points: int
    rows: tuple[RankedRow, ...]
    tie_breaks: tuple[TieBreakStep, ...]
    near_ties: tuple[NearTie, ...]
    noun: OptionNoun = IDEA
    unit: ClassVar[Unit] = POINTS

    @property
    def ballots_counted(self) -> int:
        return self.ballots

    def figures(self) -> dict[str, Any]:
        return {"ballots": self.ballots, "total_points": self.total_points, "k": self.rule.k}


def ranked_wording(k: int) -> TieWording:
    return TieWording(
        primary=wording.points,
        breadth_label=_("boletas que la mencionan"),
        breadth_more=lambda option, a, b: _(
            "{option} aparece en más boletas ({a} contra {b})").format(option=option, a=a, b=b),
        breadth_same=lambda n: _("aparecen en el mismo número de boletas ({count})").format(
            count=n),
        strength_label=lambda level: _("boletas con {points}").format(
            points=wording.points(k - level)),
        strength_more=lambda level, option, a, b: _(
            "{option} recibió {points} en más boletas ({a} contra {b})").format(
            option=option, points=wording.points(k - level), a=a, b=b),
        strength_same=_("reciben cada puntaje en el mismo número de boletas"),
    )


def tally_ranked(
    ballots: Iterable[Marks] | MarkCounts,
    *,
    options: Collection[int],
    rule: RankedRule = RankedRule(),
    noun: OptionNoun = IDEA,
) -> RankedTally:
    """Points (k for first place ... 1 for place k), mentions and distribution per option."""
    options = sorted(set(options))
    rule.check_options(len(options))
    k = rule.k
    n_ballots, counts = _count_marks(ballots)
    dist = {o: [0] * k for o in options}
    for (option, points), times in counts.items():
        row = dist.get(option)
        if row is None:
            raise unknown_option(option, noun)
        if not 1 <= points <= k:
            raise InvalidInput(_("Una marca da {points} a {option}; los puntos van de 1 a {k}.")
                               .format(points=wording.points(points), option=noun.one(option),
                                       k=k))
        row[points - 1] += times
    contenders = []
    for option, d in dist.items():
        total = sum((r + 1) * c for r, c in enumerate(d))
        contenders.append(Contender(option, total, sum(d), tuple(reversed(d))))
    words = ranked_wording(k)
    ranking = rank_by_cascade(contenders, words, noun)
    totals = {c.option: c.primary for c in contenders}
    total_points = sum(totals.values())
    rows = tuple(
        RankedRow(o, totals[o], sum(dist[o]), tuple(dist[o]), ranking.ranks[o])
        for o in ranking.options
    )
    return RankedTally(
        rule=rule,
        rule_text=rule.describe(noun),
        ballots=n_ballots,
        total_points=total_points,
        rows=rows,
        tie_breaks=ranking.steps,
        near_ties=find_near_ties(ranking, totals, words=words, noun=noun),
        noun=noun,
    )


# -- dots ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DotsRow(RowReading):
    option: int
    dots: int
    voters: int
    distribution: tuple[int, ...]  # distribution[s - 1]: people who put exactly s dots on it
    rank: int
    unit: ClassVar[Unit] = DOTS

    @property
    def total(self) -> int:
        return self.dots

    @property
    def breadth(self) -> int:
        return self.voters

    def figures(self) -> dict[str, Any]:
        return {"dots": self.dots, "voters": self.voters,
                "distribution": {str(i + 1): n for i, n in enumerate(self.distribution)}}


@dataclass(frozen=True)
class DotsTally(RankedResult):
    rule: DotsRule
    rule_text: str
    ballots: int
    participants: int
    dots_cast: int
    dots_issued: int
    usage_text: str
    rows: tuple[DotsRow, ...]
    tie_breaks: tuple[TieBreakStep, ...]
    near_ties: tuple[NearTie, ...]
    noun: OptionNoun = OPTION
    unit: ClassVar[Unit] = DOTS

    @property
    def ballots_counted(self) -> int:
        return self.ballots

    @property
    def notes(self) -> tuple[str, ...]:
        return (self.usage_text,) if self.usage_text else ()

    def figures(self) -> dict[str, Any]:
        return {"ballots": self.ballots, "participants": self.participants,
                "dots_cast": self.dots_cast, "dots_issued": self.dots_issued,
                "usage_text": self.usage_text}


def dots_wording(cap: int) -> TieWording:
    stacking = cap > 1
    return TieWording(
        primary=wording.points,
        breadth_label=_("personas que le dieron puntos"),
        breadth_more=lambda option, a, b: _(
            "{option} recibió puntos de más personas ({a} contra {b})").format(
            option=option, a=a, b=b),
        breadth_same=lambda n: _("recibieron puntos del mismo número de personas ({count})")
        .format(count=n),
        strength_label=lambda level: _("personas que le pusieron {points}").format(
            points=wording.points(cap - level)),
        strength_more=(lambda level, option, a, b: _(
            "{option} recibió {points} de una misma persona más veces ({a} contra {b})").format(
            option=option, points=wording.points(cap - level), a=a, b=b)) if stacking else None,
        strength_same=_("reciben cada cantidad de puntos del mismo número de personas"),
    )


def tally_dots(
    ballots: Iterable[Marks] | MarkCounts,
    *,
    options: Collection[int],
    rule: DotsRule,
    participants: int | None = None,
    noun: OptionNoun = OPTION,
) -> DotsTally:
    """Dots and voters per option; ``participants`` (default: the ballots) sets dots issued."""
    options = sorted(set(options))
    cap = rule.cap
    n_ballots, counts = _count_marks(ballots)
    dist = {o: [0] * cap for o in options}
    for (option, dots), times in counts.items():
        row = dist.get(option)
        if row is None:
            raise unknown_option(option, noun)
        if not 1 <= dots <= cap:
            raise InvalidInput(_("Una marca pone {dots} en {option}; el máximo es {cap}.").format(
                dots=wording.points(dots), option=noun.one(option), cap=cap))
        row[dots - 1] += times
    contenders = []
    for option, d in dist.items():
        total = sum((s + 1) * c for s, c in enumerate(d))
        contenders.append(Contender(option, total, sum(d), tuple(reversed(d)) if cap > 1 else ()))
    words = dots_wording(cap)
    ranking = rank_by_cascade(contenders, words, noun)
    totals = {c.option: c.primary for c in contenders}
    cast = sum(totals.values())
    people = n_ballots if participants is None else participants
    if people < 0:
        raise InvalidInput(_("El número de participantes no puede ser negativo."))
    issued = people * rule.dots_per_person
    return DotsTally(
        rule=rule,
        rule_text=rule.describe(noun),
        ballots=n_ballots,
        participants=people,
        dots_cast=cast,
        dots_issued=issued,
        usage_text=_("Se usaron {cast} de los {issued} entregados ({people}).").format(
            cast=wording.points(cast), issued=issued, people=wording.people(people)),
        rows=tuple(DotsRow(o, totals[o], sum(dist[o]), tuple(dist[o]), ranking.ranks[o])
                   for o in ranking.options),
        tie_breaks=ranking.steps,
        near_ties=find_near_ties(ranking, totals, words=words, noun=noun),
        noun=noun,
    )


# -- typed counts -------------------------------------------------------------------------


@dataclass(frozen=True)
class CountRow(RowReading):
    option: int
    count: int
    rank: int
    unit: ClassVar[Unit] = VOTES

    @property
    def total(self) -> int:
        return self.count

    @property
    def distribution(self) -> tuple[int, ...]:
        return ()

    def figures(self) -> dict[str, Any]:
        return {"count": self.count}


@dataclass(frozen=True)
class TypedCountTally(RankedResult):
    rule_text: str
    source: str
    counter: str
    total: int
    participants: int | None
    marks_per_person: int
    expected: int | None
    mismatch: int | None  # total - expected; 0 when it matches; None when not checked
    check_text: str
    rows: tuple[CountRow, ...]
    tie_breaks: tuple[TieBreakStep, ...]
    near_ties: tuple[NearTie, ...]
    noun: OptionNoun = OPTION
    unit: ClassVar[Unit] = VOTES

    def counts(self) -> dict[int, int]:
        return {r.option: r.count for r in self.rows}

    @property
    def notes(self) -> tuple[str, ...]:
        return (self.check_text,) if self.check_text else ()

    def figures(self) -> dict[str, Any]:
        return {"total": self.total, "participants": self.participants,
                "expected": self.expected, "mismatch": self.mismatch,
                "check_text": self.check_text, "counter": self.counter, "source": self.source}


def typed_wording() -> TieWording:
    return TieWording(primary=wording.votes)


def tally_typed_counts(
    counts: Mapping[int, int],
    *,
    options: Collection[int],
    counter: str,
    source: str = SOURCE_HAND_COUNT,
    participants: int | None = None,
    marks_per_person: int = 1,
    noun: OptionNoun = OPTION,
) -> TypedCountTally:
    """Counts per option as typed (missing options count 0), ranked, and checked."""
    options = sorted(set(options))
    if not counter.strip():
        raise InvalidInput(_("Falta anotar quién hizo el conteo."))
    if marks_per_person < 1:
        raise InvalidInput(_("Cada persona debe tener al menos un voto."))
    if participants is not None and participants < 0:
        raise InvalidInput(_("El número de participantes no puede ser negativo."))
    known = set(options)
    totals = dict.fromkeys(options, 0)
    for option, count in counts.items():
        if option not in known:
            raise unknown_option(option, noun)
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise InvalidInput(_("El conteo de {option} debe ser un número entero, 0 o más.")
                               .format(option=noun.one(option)))
        totals[option] = count
    words = typed_wording()
    ranking = rank_by_cascade([Contender(o, c) for o, c in totals.items()], words, noun)
    total = sum(totals.values())
    expected = None if participants is None else participants * marks_per_person
    mismatch = None if expected is None else total - expected
    if expected is None:
        check = ""
    elif mismatch == 0:
        check = _("El total coincide: {total} = {people} × {each}.").format(
            total=wording.votes(total), people=wording.people(participants),
            each=marks_per_person)
    else:
        check = _("Se contaron {total}, pero se esperaban {expected} ({people} × {each}); "
                  "conviene contar otra vez.").format(
            total=wording.votes(total), expected=expected, people=wording.people(participants),
            each=marks_per_person)
    return TypedCountTally(
        rule_text=(
            _("Conteo a mano hecho por {counter}; cada persona tenía {each}.")
            if source == SOURCE_HAND_COUNT else
            _("Conteo a mano ({source}) hecho por {counter}; cada persona tenía {each}.")
        ).format(source=_(source), counter=counter.strip(), each=wording.votes(marks_per_person)),
        source=source,
        counter=counter.strip(),
        total=total,
        participants=participants,
        marks_per_person=marks_per_person,
        expected=expected,
        mismatch=mismatch,
        check_text=check,
        rows=tuple(CountRow(o, totals[o], ranking.ranks[o]) for o in ranking.options),
        tie_breaks=ranking.steps,
        near_ties=find_near_ties(ranking, totals, words=words, noun=noun),
        noun=noun,
    )


@dataclass(frozen=True)
class MarkCounts:
    """Marks already counted: how many ballots, and how often each (option, value) occurs.

    Ranked and dots tallies use nothing else (each ballot's own rules were enforced when
    it was validated), so a store can count with SQL and pass this instead of ballots.
    """

    ballots: int
    counts: Counter[tuple[int, int]]


def _count_marks(ballots: Iterable[Marks] | MarkCounts) -> tuple[int, Counter[tuple[int, int]]]:
    """How many ballots, and how many times each (option, value) mark occurs (in C)."""
    if isinstance(ballots, MarkCounts):
        return ballots.ballots, Counter(ballots.counts)
    ballots = ballots if isinstance(ballots, (list, tuple)) else list(ballots)
    return len(ballots), Counter(chain.from_iterable(ballots))


def unknown_option(option: object, noun: OptionNoun) -> InvalidInput:
    """The error for a mark naming an option that is not in the vote."""
    return InvalidInput(_("Hay marcas para {option}, que no está entre las opciones de esta "
                          "votación.").format(option=noun.one(option)))


__all__ = [
    "SOURCE_HANDS",
    "SOURCE_HAND_COUNT",
    "SOURCE_WALL",
    "CountRow",
    "DotsRow",
    "DotsTally",
    "Ranking",
    "RankedRow",
    "RankedTally",
    "TypedCountTally",
    "tally_dots",
    "tally_ranked",
    "tally_typed_counts",
]
