"""Properties of validation and tallies, checked on generated ballots (hypothesis)."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from cocrea_desktop.core.voting.ballots import (
    parse_dots_ballot,
    parse_ranked_ballot,
    split_entries,
    validate_dots_ballot,
)
from cocrea_desktop.core.voting.criteria import Criterion
from cocrea_desktop.core.voting.criteria_tally import tally_criteria
from cocrea_desktop.core.voting.rules import CriteriaRule, DotsRule, RankedRule
from cocrea_desktop.core.voting.tally import tally_dots, tally_ranked, tally_typed_counts
from cocrea_desktop.core.voting.ties import runoff_at_cutoff
from cocrea_desktop.core.voting.wording import IDEA

SETTINGS = settings(max_examples=150, deadline=None)


@st.composite
def ranked_votes(draw, max_ballots: int = 25):
    """(n options, k, ballots): each ballot lists distinct ideas with distinct points 1..k."""
    n = draw(st.integers(2, 12))
    k = draw(st.integers(1, min(5, n - 1)))
    ideas = list(range(1, n + 1))
    ballots = []
    for _ in range(draw(st.integers(0, max_ballots))):
        chosen = draw(st.lists(st.sampled_from(ideas), unique=True, max_size=k))
        ranks = draw(st.permutations(range(1, k + 1)))
        ballots.append(tuple(zip(chosen, ranks)))
    return n, k, ballots


def summary(tally):
    return (tally.rows, [s.text for s in tally.tie_breaks], [n.text for n in tally.near_ties])


@SETTINGS
@given(ranked_votes(), st.randoms(use_true_random=False))
def test_ballot_order_does_not_matter(vote, rng) -> None:
    n, k, ballots = vote
    shuffled = [tuple(rng.sample(b, len(b))) for b in rng.sample(ballots, len(ballots))]
    rule = RankedRule(k)
    a = tally_ranked(ballots, options=range(1, n + 1), rule=rule)
    b = tally_ranked(iter(shuffled), options=range(1, n + 1), rule=rule)
    assert summary(a) == summary(b)


@SETTINGS
@given(ranked_votes(), st.data())
def test_adding_a_ballot_never_lowers_points(vote, data) -> None:
    n, k, ballots = vote
    extra = data.draw(ranked_votes_for(n, k))
    rule = RankedRule(k)
    before = tally_ranked(ballots, options=range(1, n + 1), rule=rule)
    after = tally_ranked([*ballots, extra], options=range(1, n + 1), rule=rule)
    for option in range(1, n + 1):
        assert after.row(option).points >= before.row(option).points
        assert after.row(option).points - before.row(option).points == dict(extra).get(option, 0)
    assert after.ballots == before.ballots + 1


def ranked_votes_for(n: int, k: int):
    return st.tuples(
        st.lists(st.integers(1, n), unique=True, max_size=k), st.permutations(range(1, k + 1))
    ).map(lambda pair: tuple(zip(*pair)))


@SETTINGS
@given(ranked_votes())
def test_totals_match_the_marks(vote) -> None:
    n, k, ballots = vote
    tally = tally_ranked(ballots, options=range(1, n + 1), rule=RankedRule(k))
    marks = [m for b in ballots for m in b]
    assert tally.total_points == sum(p for _o, p in marks) == sum(r.points for r in tally.rows)
    for row in tally.rows:
        mine = [p for o, p in marks if o == row.option]
        assert row.mentions == len(mine)
        assert row.points == sum(mine)
        assert row.distribution == tuple(mine.count(r) for r in range(1, k + 1))


@SETTINGS
@given(ranked_votes())
def test_ranks_are_consistent_with_totals(vote) -> None:
    n, k, ballots = vote
    tally = tally_ranked(ballots, options=range(1, n + 1), rule=RankedRule(k))
    rows = tally.rows
    assert sorted(r.option for r in rows) == list(range(1, n + 1))
    for i, row in enumerate(rows):
        # competition ranking: 1 + the number of options strictly ahead
        assert row.rank == 1 + sum(1 for other in rows if other.rank < row.rank)
        for later in rows[i + 1:]:
            assert row.points >= later.points
            assert row.rank <= later.rank
            if row.points > later.points:
                assert row.rank < later.rank
            if row.rank == later.rank:  # a declared tie: nothing tells them apart
                assert (row.points, row.mentions, row.distribution) == (
                    later.points, later.mentions, later.distribution)
            elif row.points == later.points:  # broken by breadth or strength
                assert (row.mentions, row.distribution[::-1]) > (
                    later.mentions, later.distribution[::-1])


@SETTINGS
@given(ranked_votes(), st.integers(1, 14))
def test_runoff_iff_the_cut_is_not_clean(vote, places) -> None:
    n, k, ballots = vote
    tally = tally_ranked(ballots, options=range(1, n + 1), rule=RankedRule(k))
    runoff = tally.runoff(places)
    inside = [r for r in tally.rows if r.rank <= places]
    assert (runoff is None) == (len(inside) == min(places, n))
    if runoff is not None:
        tied = [r.option for r in tally.rows if r.rank == runoff.rank]
        assert list(runoff.options) == tied
        assert 1 <= runoff.places_left < len(tied)
        assert runoff.rank - 1 + runoff.places_left == places
    assert runoff_at_cutoff(tally.ranks(), places, noun=IDEA) == runoff


TOKENS = st.one_of(
    st.integers(0, 14).map(str),
    st.tuples(st.integers(0, 14), st.integers(-1, 7)).map(lambda t: "{}:{}".format(*t)),
    st.sampled_from(["x", "3:", ":4", "1.5", "¿7?"]),
)


@SETTINGS
@given(st.integers(2, 12), st.integers(1, 5), st.lists(TOKENS, max_size=9),
       st.sampled_from([" ", ", ", ";", "\n"]))
def test_ranked_validation_keeps_or_voids_every_entry(n, k, tokens, separator) -> None:
    k = min(k, n - 1)
    ballot = parse_ranked_ballot(separator.join(tokens), options=range(1, n + 1),
                                 rule=RankedRule(k))
    assert len(ballot.marks) + len(ballot.voids) == len(split_entries(separator.join(tokens)))
    options = [o for o, _p in ballot.marks]
    points = [p for _o, p in ballot.marks]
    assert len(set(options)) == len(options) and set(options) <= set(range(1, n + 1))
    assert len(set(points)) == len(points) and all(1 <= p <= k for p in points)
    assert all(v.reason and v.reason.endswith(".") for v in ballot.voids)
    assert ballot.has_voids == bool(ballot.voids)


@SETTINGS
@given(st.integers(2, 10), st.integers(1, 7), st.integers(1, 7),
       st.lists(st.tuples(st.integers(0, 12), st.integers(1, 4)), max_size=10))
def test_dots_validation_conserves_dots(n, d, cap, entries) -> None:
    rule = DotsRule(d, cap)
    ballot = validate_dots_ballot(entries, options=range(1, n + 1), rule=rule)
    assert ballot.dots + ballot.void_dots == sum(dots for _o, dots in entries)
    assert ballot.dots <= d
    assert all(1 <= dots <= rule.cap for _o, dots in ballot.marks)
    assert len({o for o, _d in ballot.marks}) == len(ballot.marks)
    text = " ".join("{}:{}".format(o, dots) for o, dots in entries)
    assert parse_dots_ballot(text, options=range(1, n + 1), rule=rule) == ballot


@st.composite
def dots_votes(draw):
    n = draw(st.integers(1, 10))
    rule = DotsRule(draw(st.integers(1, 6)), draw(st.integers(1, 6)))
    ballots = []
    for _ in range(draw(st.integers(0, 20))):
        entries = draw(st.lists(st.tuples(st.integers(1, n), st.integers(1, rule.cap)),
                                max_size=6))
        ballots.append(validate_dots_ballot(entries, options=range(1, n + 1), rule=rule).marks)
    return n, rule, ballots


@SETTINGS
@given(dots_votes(), st.randoms(use_true_random=False))
def test_dots_tally_properties(vote, rng) -> None:
    n, rule, ballots = vote
    tally = tally_dots(ballots, options=range(1, n + 1), rule=rule)
    assert tally.dots_cast == sum(d for b in ballots for _o, d in b) <= tally.dots_issued
    assert tally.dots_issued == len(ballots) * rule.dots_per_person
    for row in tally.rows:
        assert row.voters == sum(1 for b in ballots if row.option in dict(b))
        assert row.dots == sum(s * c for s, c in enumerate(row.distribution, start=1))
    again = tally_dots(rng.sample(ballots, len(ballots)), options=range(1, n + 1), rule=rule)
    assert summary(again) == summary(tally)
    # the same totals typed by hand rank the options in the same order by total
    typed = tally_typed_counts({r.option: r.dots for r in tally.rows}, options=range(1, n + 1),
                               counter="Ana")
    assert [typed.row(r.option).count for r in tally.rows] == [r.dots for r in tally.rows]
    for row in tally.rows:
        assert typed.row(row.option).rank <= row.rank


@SETTINGS
@given(st.dictionaries(st.integers(1, 9), st.integers(0, 500), max_size=9),
       st.none() | st.integers(0, 100), st.integers(1, 7))
def test_typed_counts_round_trip(counts, participants, each) -> None:
    tally = tally_typed_counts(counts, options=range(1, 10), counter="Ana",
                               participants=participants, marks_per_person=each)
    assert tally.counts() == {o: counts.get(o, 0) for o in range(1, 10)}
    assert tally.total == sum(counts.values())
    if participants is None:
        assert tally.mismatch is None
    else:
        assert tally.mismatch == tally.total - participants * each
        assert (tally.mismatch == 0) == tally.check_text.startswith("El total coincide")
    again = tally_typed_counts(tally.counts(), options=range(1, 10), counter="Ana",
                               participants=participants, marks_per_person=each)
    assert again == tally


SCORE = st.none() | st.integers(1, 5)


@st.composite
def scorecards(draw):
    n = draw(st.integers(1, 6))
    weights = draw(st.lists(st.sampled_from([1, 2, 0.5, 1.5]), min_size=1, max_size=4))
    rule = CriteriaRule(tuple(Criterion("C{}".format(i), w) for i, w in enumerate(weights)))
    cards = []
    for _ in range(draw(st.integers(0, 8))):
        listed = draw(st.lists(st.integers(1, n), unique=True))
        cards.append([(o, tuple(draw(st.lists(SCORE, min_size=len(weights),
                                              max_size=len(weights))))) for o in listed])
    return n, rule, cards


@SETTINGS
@given(scorecards(), st.randoms(use_true_random=False))
def test_criteria_properties(vote, rng) -> None:
    n, rule, cards = vote
    tally = tally_criteria(cards, options=range(1, n + 1), rule=rule)
    total_weight = sum(c.weight for c in rule.criteria)
    given_scores = sum(1 for card in cards for _o, row in card for s in row if s is not None)
    assert tally.missing_total == len(cards) * n * len(rule.criteria) - given_scores
    for row in tally.rows:
        if row.score is None:
            assert row.rank is None and 0 in row.scored
        else:
            assert total_weight * 1 - 1e-9 <= row.score <= total_weight * 5 + 1e-9
            assert abs(row.score - sum(c.weight * m for c, m in zip(rule.criteria, row.means))
                       ) < 1e-9
    scored = [r for r in tally.rows if r.score is not None]
    assert [r.score for r in scored] == sorted((r.score for r in scored), reverse=True)
    assert all(r.score is None for r in tally.rows[len(scored):])
    again = tally_criteria(rng.sample(cards, len(cards)), options=range(1, n + 1), rule=rule)
    assert summary(again) == summary(tally)
    # an evaluator who scores nothing changes no mean
    blank = tally_criteria([*cards, []], options=range(1, n + 1), rule=rule)
    assert [(r.option, r.score, r.means, r.rank) for r in blank.rows] == [
        (r.option, r.score, r.means, r.rank) for r in tally.rows]


@SETTINGS
@given(ranked_votes(max_ballots=6))
def test_typed_ranked_ballots_tally_like_their_marks(vote) -> None:
    n, k, ballots = vote
    rule = RankedRule(k)
    typed = [" ".join("{}:{}".format(o, p) for o, p in b) for b in ballots]
    parsed = [parse_ranked_ballot(t, options=range(1, n + 1), rule=rule) for t in typed]
    assert all(not b.has_voids for b in parsed)
    assert Counter(m for b in parsed for m in b.marks) == Counter(m for b in ballots for m in b)
