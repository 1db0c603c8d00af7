"""Ordering options with the tie-break cascade, near-tie flags and run-offs.

The cascade (methods.md), each step written out in plain Spanish:

1. the primary total (points, dots, votes or weighted score), higher first;
2. breadth: ballots that gave the option anything, more first;
3. strength: compared level by level, e.g. for a ranked vote the ballots giving
   k points, then k-1, ...; for criteria the mean on the heaviest criterion, then
   the next;
4. still tied: a declared tie; the options share the rank (ranks "1, 2, 2, 4").

Never a random draw. A tally builds one :class:`Contender` per option, with the
values it knows (a typed count has neither breadth nor strength), and a
:class:`TieWording` with its units; :func:`rank_by_cascade` returns the order,
the ranks and the :class:`TieBreakStep` list. :func:`find_near_ties` flags
adjacent places whose primary totals differ by at most 1 or by at most 5 % of
the higher of the two (a total is each option's own, as in step 1: 100 against
95 points is a near tie, 100 against 94 is not);
:func:`runoff_at_cutoff` says which tied options must vote again when a shared
rank straddles a cut-off ("the top 3 go on").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.core.voting import wording
from cocrea_desktop.core.voting.wording import OptionNoun
from cocrea_desktop.i18n import _, ngettext

BREADTH = "breadth"
STRENGTH = "strength"
DECLARED = "declared"

#: Near-tie thresholds (methods.md): a difference of at most 1, or at most 5 % of the total.
NEAR_TIE_ABSOLUTE = 1
NEAR_TIE_SHARE = 0.05


@dataclass(frozen=True)
class Contender:
    """One option as the cascade sees it. Values compare "higher is better"."""

    option: int
    primary: Any
    breadth: int | None = None
    strength: tuple[Any, ...] = ()


@dataclass(frozen=True)
class TieWording:
    """The units of one kind of vote, as Spanish phrases.

    ``primary(value)``: "12 puntos". ``breadth_label``: what breadth counts
    ("boletas que la mencionan"); ``breadth_more(option, a, b)`` and
    ``breadth_same(value)`` are the clauses for two options and for an unbroken
    tie. ``strength_label(level)``, ``strength_more(level, option, a, b)`` and
    ``strength_same`` likewise, level 0 being the strongest mark. ``value``
    formats a breadth or strength value in lists.
    """

    primary: Callable[[Any], str]
    breadth_label: str = ""
    breadth_more: Callable[[str, Any, Any], str] | None = None
    breadth_same: Callable[[Any], str] | None = None
    strength_label: Callable[[int], str] | None = None
    strength_more: Callable[[int, str, Any, Any], str] | None = None
    strength_same: str = ""
    value: Callable[[Any], str] = str


@dataclass(frozen=True)
class TieBreakStep:
    """One step applied to a tied group: ``rule`` is BREADTH, STRENGTH or DECLARED."""

    rule: str
    options: tuple[int, ...]
    text: str


@dataclass(frozen=True)
class Ranking:
    order: tuple[tuple[int, ...], ...]  # groups sharing a rank, best first
    ranks: dict[int, int] = field(default_factory=dict)
    steps: tuple[TieBreakStep, ...] = ()

    @property
    def options(self) -> tuple[int, ...]:
        return tuple(o for group in self.order for o in group)


@dataclass(frozen=True)
class NearTie:
    """Two adjacent places whose totals are close; each side may be a shared rank."""

    higher: tuple[int, ...]
    lower: tuple[int, ...]
    difference: float  # an int for counts
    text: str


@dataclass(frozen=True)
class Runoff:
    """A shared rank straddling the cut-off: vote again among ``options`` for ``places_left``."""

    options: tuple[int, ...]
    rank: int
    places_left: int
    text: str


def rank_by_cascade(
    contenders: Sequence[Contender], words: TieWording, noun: OptionNoun
) -> Ranking:
    """Order the contenders; equal primaries go through breadth, strength, then a shared rank."""
    ordered = sorted(contenders, key=lambda c: (_neg(c.primary), c.option))
    order: list[tuple[int, ...]] = []
    steps: list[TieBreakStep] = []
    for primary, tied in groupby(ordered, key=lambda c: c.primary):
        group = list(tied)
        if len(group) == 1:
            order.append((group[0].option,))
            continue
        if not primary:
            rank = _placed(order) + 1
            steps.append(TieBreakStep(DECLARED, tuple(c.option for c in group), wording.sentence(
                _("{options} quedan en cero y comparten el lugar {rank}").format(
                    options=noun.many(c.option for c in group), rank=rank))))
            order.append(tuple(c.option for c in group))
            continue
        opening = _("{options} empatan con {total}").format(
            options=noun.many(c.option for c in group), total=words.primary(primary)
        )
        _resolve(group, [opening], 0, _placed(order), words, noun, order, steps)
    ranks: dict[int, int] = {}
    position = 1
    for group in order:
        for option in group:
            ranks[option] = position
        position += len(group)
    return Ranking(tuple(order), ranks, tuple(steps))


def _placed(order: list[tuple[int, ...]]) -> int:
    return sum(len(group) for group in order)


def _stages(words: TieWording, sample: Contender) -> list[tuple[str, int]]:
    stages: list[tuple[str, int]] = []
    if sample.breadth is not None and words.breadth_more is not None:
        stages.append((BREADTH, 0))
    if words.strength_more is not None:
        stages.extend((STRENGTH, level) for level in range(len(sample.strength)))
    return stages


def _resolve(
    group: list[Contender],
    clauses: list[str],
    stage: int,
    placed: int,
    words: TieWording,
    noun: OptionNoun,
    order: list[tuple[int, ...]],
    steps: list[TieBreakStep],
) -> None:
    stages = _stages(words, group[0])
    options = tuple(c.option for c in group)
    strength_tried = False
    for index in range(stage, len(stages)):
        rule, level = stages[index]

        def value(c: Contender, rule: str = rule, level: int = level) -> Any:
            return c.breadth if rule == BREADTH else c.strength[level]

        values = {value(c) for c in group}
        if len(values) == 1:
            if rule == BREADTH and words.breadth_same is not None:
                clauses = [*clauses, words.breadth_same(values.pop())]
            strength_tried = strength_tried or rule == STRENGTH
            continue
        parts = [list(g) for _v, g in groupby(sorted(group, key=lambda c: _neg(value(c))),
                                               key=value)]
        if len(group) == 2:
            a, b = parts[0][0], parts[1][0]
            if rule == BREADTH:
                split = words.breadth_more(noun.one(a.option), value(a), value(b))
            else:
                split = words.strength_more(level, noun.one(a.option), value(a), value(b))
        else:
            label = words.breadth_label if rule == BREADTH else words.strength_label(level)
            split = _("{what}: {items}").format(what=label, items=wording.join_items(
                _("{value} para {options}").format(
                    value=words.value(value(p[0])), options=noun.many(c.option for c in p))
                for p in parts))
        steps.append(TieBreakStep(rule, options, wording.sentence(*clauses, split)))
        for part in parts:
            if len(part) == 1:
                order.append((part[0].option,))
            else:
                again = _("entre {options} sigue el empate").format(
                    options=noun.many(c.option for c in part))
                _resolve(part, [again], index + 1, _placed(order), words, noun,
                         order, steps)
        return
    rank = placed + 1
    if not stages:
        end = _("no hay otro dato para desempatar, así que comparten el lugar {rank}")
    else:
        if strength_tried and words.strength_same:
            clauses = [*clauses, words.strength_same]
        end = _("el empate se mantiene: comparten el lugar {rank}")
    steps.append(TieBreakStep(DECLARED, options, wording.sentence(*clauses,
                                                                  end.format(rank=rank))))
    order.append(options)


def _neg(value: Any) -> Any:
    return -value


def is_near_tie(
    higher: float, lower: float, *, absolute: float | None = NEAR_TIE_ABSOLUTE,
    share: float = NEAR_TIE_SHARE,
) -> bool:
    """A difference of at most ``absolute`` (None: no absolute margin) or ``share`` of the
    higher total."""
    difference = abs(higher - lower)
    return (absolute is not None and difference <= absolute) or difference <= share * max(
        abs(higher), abs(lower))


def find_near_ties(
    ranking: Ranking,
    totals: dict[int, Any],
    *,
    words: TieWording,
    noun: OptionNoun,
    absolute: float | None = NEAR_TIE_ABSOLUTE,
) -> tuple[NearTie, ...]:
    """Adjacent places (different ranks, not both at zero) whose totals are close."""
    flags: list[NearTie] = []
    for upper, lower in zip(ranking.order, ranking.order[1:]):
        ta, tb = totals[upper[0]], totals[lower[0]]
        if not ta and not tb:
            continue
        if not is_near_tie(ta, tb, absolute=absolute):
            continue
        if ta == tb:
            text = ngettext(
                "{higher} queda delante de {lower} solo por el desempate ({first} y {second}).",
                "{higher} quedan delante de {lower} solo por el desempate ({first} y {second}).",
                len(upper),
            )
        else:
            text = _("{higher} y {lower} casi empatan: {first} contra {second}.")
        difference = ta - tb if isinstance(ta - tb, int) else float(ta - tb)
        flags.append(NearTie(upper, lower, difference, wording.contract(text.format(
            higher=wording.capital(noun.many(upper)), lower=noun.many(lower),
            first=words.primary(ta), second=words.primary(tb)))))
    return tuple(flags)


def runoff_at_cutoff(
    ranking: Sequence[tuple[int, int]], places: int, *, noun: OptionNoun
) -> Runoff | None:
    """Given (option, rank) pairs best first and how many go on, the run-off needed, if any.

    A run-off is needed when options sharing a rank do not all fit within ``places``:
    e.g. ranks 1, 2, 3, 3, 5 with places = 3 -> the two options at rank 3 vote again
    for the one place left.
    """
    if places < 1:
        raise InvalidInput(_("Debe pasar al menos un lugar."))
    for rank, tied in groupby(ranking, key=lambda pair: pair[1]):
        options = tuple(o for o, _r in tied)
        if rank <= places < rank + len(options) - 1:
            left = places - rank + 1
            text = ngettext(
                "{first} comparten el lugar {rank}, pero solo queda {left} lugar para pasar: "
                "hay que votar de nuevo entre {options}.",
                "{first} comparten el lugar {rank}, pero solo quedan {left} lugares para pasar: "
                "hay que votar de nuevo entre {options}.",
                left,
            ).format(first=wording.capital(noun.many(options)), rank=rank, left=left,
                     options=noun.many(options))
            text = wording.contract(text)
            return Runoff(options, rank, left, text)
    return None
