"""The criteria tally against a second, plain implementation written here: weighted sum of
per-criterion means (missing scores left out, a reversed criterion counted as 6 - s), ranks
shared only when score, breadth and the means from the heaviest criterion down are all equal.
Also: the sensitivity moves agree with tallying again by hand with the moved weight."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from cocrea_desktop.core.voting.criteria import Criterion
from cocrea_desktop.core.voting.criteria_tally import tally_criteria
from cocrea_desktop.core.voting.rules import CriteriaRule
from cocrea_desktop.methods.prioritisation.analysis import sensitivity, step_weights

WEIGHTS = st.sampled_from([0.5, 1.0, 1.5, 2.0, 3.0])


@st.composite
def votes(draw):
    options = list(range(1, draw(st.integers(1, 6)) + 1))
    criteria = tuple(Criterion(f"C{i}", draw(WEIGHTS), draw(st.booleans()))
                     for i in range(draw(st.integers(1, 4))))
    score = st.one_of(st.none(), st.integers(1, 5))
    cards = []
    for _e in range(draw(st.integers(0, 8))):
        card = []
        for o in options:
            if draw(st.booleans()) or len(options) == 1:
                card.append((o, tuple(draw(score) for _c in criteria)))
        cards.append(card)
    return options, CriteriaRule(criteria, 1, 5), cards


def plain_tally(options, rule, cards):
    """option -> (score or None, means, scored, missing, breadth, rank or None)."""
    n = len(rule.criteria)
    out = {}
    for o in options:
        values = [[] for _c in range(n)]
        breadth = 0
        for card in cards:
            row = dict(card).get(o)
            if row is None:
                continue
            if any(v is not None for v in row):
                breadth += 1
            for i, v in enumerate(row):
                if v is not None:
                    values[i].append(v if rule.criteria[i].higher_is_priority else 6 - v)
        means = [Fraction(sum(v), len(v)) if v else None for v in values]
        score = None if None in means else sum(
            Fraction(str(c.weight)) * m for c, m in zip(rule.criteria, means))
        out[o] = [score, means, [len(v) for v in values],
                  [len(cards) - len(v) for v in values], breadth]
    heaviest = sorted(range(n), key=lambda i: -rule.criteria[i].weight)
    keys = {o: (v[0], v[4], *(v[1][i] for i in heaviest)) for o, v in out.items()
            if v[0] is not None}
    for o, v in out.items():
        v.append(None if o not in keys else 1 + sum(1 for k in keys.values() if k > keys[o]))
    return out


@settings(max_examples=300, deadline=None)
@given(votes())
def test_the_tally_agrees_with_a_plain_implementation(vote):
    options, rule, cards = vote
    result = tally_criteria(cards, options=options, rule=rule)
    expected = plain_tally(options, rule, cards)
    assert sorted(r.option for r in result.rows) == options
    assert result.evaluators == len(cards)
    for row in result.rows:
        score, means, scored, missing, breadth, rank = expected[row.option]
        assert (row.score is None) == (score is None)
        if score is not None:
            assert abs(row.score - float(score)) < 1e-9
        assert [None if m is None else round(m, 9) for m in row.means] == \
            [None if m is None else round(float(m), 9) for m in means]
        assert list(row.scored) == scored and list(row.missing) == missing
        assert row.evaluators == breadth
        assert row.rank == rank, (row.option, expected)
    ranked = [r.rank for r in result.rows if r.rank is not None]
    assert ranked == sorted(ranked)  # rows come best first, unscored last


@settings(max_examples=100, deadline=None)
@given(votes())
def test_the_sensitivity_is_the_tally_again_with_one_weight_moved(vote):
    options, rule, cards = vote
    base = {o: v[5] for o, v in plain_tally(options, rule, cards).items()}
    shifts = sensitivity(cards, options=options, rule=rule)
    assert len(shifts) == 2 * len(rule.criteria)
    for shift in shifts:
        assert shift.new_weight > 0
        assert shift.new_weight in step_weights(shift.weight)
        criteria = list(rule.criteria)
        criteria[shift.criterion] = replace(criteria[shift.criterion], weight=shift.new_weight)
        moved = {o: v[5] for o, v in plain_tally(
            options, replace(rule, criteria=tuple(criteria)), cards).items()}
        assert {m.option: (m.before, m.after) for m in shift.moves} == {
            o: (base[o], moved[o]) for o in options if base[o] != moved[o]}
