"""What the results say beyond the ranking: sensitivity to the weights, and the cut-off.

Sensitivity: each criterion's weight is moved one step up (+1) and one step down (-1;
from a weight of 1, which cannot reach 0, down to one half), one at a time, and the
core's tally is run again; a proposal that changes place is listed with its place
before and after. The cut-off: which proposals go on when the top ``cutoff`` do, and
the run-off the room must hold when a shared place straddles it (never a silent
draw).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace

from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.core.voting import wording
from cocrea_desktop.core.voting.criteria_tally import (
    CriteriaTally,
    rank_score_sums,
    sum_scores,
)
from cocrea_desktop.core.voting.rules import CriteriaRule
from cocrea_desktop.core.voting.ties import Runoff
from cocrea_desktop.core.voting.wording import PROPOSAL
from cocrea_desktop.i18n import _

STEP = 1.0


@dataclass(frozen=True)
class Move:
    option: int
    before: int | None
    after: int | None


@dataclass(frozen=True)
class Shift:
    """One weight moved one step, and the proposals that change place."""

    criterion: int
    name: str
    weight: float
    new_weight: float
    moves: tuple[Move, ...]

    @property
    def up(self) -> bool:
        return self.new_weight > self.weight

    def text(self) -> str:
        change = _("«{name}» sube de peso {old} a {new}") if self.up else \
            _("«{name}» baja de peso {old} a {new}")
        said = change.format(name=_(self.name), old=_weight(self.weight),
                             new=_weight(self.new_weight))
        if not self.moves:
            return _("{change}: nadie cambia de lugar.").format(change=said)
        return _("{change}: {moves}.").format(change=said, moves=wording.join_items(
            _("la propuesta {number} pasa del lugar {before} al {after}").format(
                number=m.option, before=_place(m.before), after=_place(m.after))
            for m in self.moves))


def _place(rank: int | None) -> str:
    return "–" if rank is None else str(rank)


def _weight(weight: float) -> str:
    return str(int(weight)) if float(weight).is_integer() else wording.decimal(weight)


def step_weights(weight: float) -> tuple[float, float]:
    """One step up, one step down (never 0: from 1, down to one half)."""
    down = weight - STEP if weight - STEP > 0 else weight / 2
    return weight + STEP, down


def sensitivity(scorecards: Sequence[Iterable[tuple[int, Sequence[int | None]]]], *,
                options: Collection[int], rule: CriteriaRule) -> list[Shift]:
    cards = [list(card) for card in scorecards]
    cards = [[(o, s) for o, s in card if o in options] for card in cards]
    found = sum_scores(cards, options=options, rule=rule, noun=PROPOSAL)  # read once
    base = {r.option: r.rank for r in rank_score_sums(found, rule=rule, ranks_only=True).rows}
    shifts = []
    for index, criterion in enumerate(rule.criteria):
        for new in step_weights(criterion.weight):
            criteria = list(rule.criteria)
            criteria[index] = replace(criterion, weight=new)
            moved = rank_score_sums(found, rule=replace(rule, criteria=tuple(criteria)),
                                    noun=PROPOSAL, ranks_only=True)
            moves = tuple(Move(r.option, base.get(r.option), r.rank) for r in moved.rows
                          if r.rank != base.get(r.option))
            shifts.append(Shift(index, criterion.name, criterion.weight, new, moves))
    return shifts


@dataclass(frozen=True)
class Cut:
    cutoff: int
    #: Proposals that go on by the ranking alone (all of them when there is no tie).
    passing: tuple[int, ...]
    #: The run-off among tied proposals at the cut, when a shared place straddles it.
    runoff: Runoff | None

    def text(self) -> str:
        if self.runoff is not None:
            return self.runoff.text
        return _("Pasan {count}: {proposals}.").format(
            count=len(self.passing), proposals=PROPOSAL.many(self.passing)) if self.passing \
            else _("Ninguna propuesta tiene puntaje todavía.")


def cut_at(result: CriteriaTally, cutoff: int) -> Cut:
    ranked = [r for r in result.rows if r.rank is not None]
    if cutoff < 1:
        raise InvalidInput(_("Debe pasar al menos una propuesta."))
    if cutoff > len(result.rows):
        raise InvalidInput(_("Hay {count} propuestas en la mesa: el corte no puede ser "
                             "{cutoff}.").format(count=len(result.rows), cutoff=cutoff))
    runoff = result.runoff(cutoff) if ranked else None
    if runoff is not None:
        passing = tuple(r.option for r in ranked if r.rank < runoff.rank)
    else:
        passing = tuple(r.option for r in ranked if r.rank <= cutoff)
    return Cut(cutoff, passing, runoff)
