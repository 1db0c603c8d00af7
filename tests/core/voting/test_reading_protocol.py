"""Every kind of tally row answers the same reading (total, breadth, unit, words, a line),
consistently with its own figures, and its rows come in the cascade's order (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cocrea_desktop.core.voting import reading, wording
from cocrea_desktop.core.voting.criteria import Criterion
from cocrea_desktop.core.voting.criteria_tally import tally_criteria
from cocrea_desktop.core.voting.rules import CriteriaRule, DotsRule, RankedRule
from cocrea_desktop.core.voting.tally import tally_dots, tally_ranked, tally_typed_counts
from cocrea_desktop.i18n import set_language
from tests.core.voting.test_voting_properties import ranked_votes

SETTINGS = settings(max_examples=120, deadline=None)


@st.composite
def dots_votes(draw):
    n = draw(st.integers(1, 8))
    per_person = draw(st.integers(1, 5))
    cap = draw(st.integers(1, per_person))
    ballots = []
    for _ in range(draw(st.integers(0, 15))):
        marks, left = [], per_person
        for option in draw(st.lists(st.integers(1, n), unique=True, max_size=n)):
            if left == 0:
                break
            dots = draw(st.integers(1, min(cap, left)))
            marks.append((option, dots))
            left -= dots
        ballots.append(tuple(marks))
    return n, DotsRule(per_person, cap), ballots


@st.composite
def criteria_votes(draw):
    n = draw(st.integers(1, 6))
    criteria = tuple(Criterion(f"c{i}", draw(st.sampled_from([0.5, 1.0, 2.0])))
                     for i in range(draw(st.integers(1, 3))))
    score = st.one_of(st.none(), st.integers(1, 5))
    cards = [[(o, tuple(draw(score) for _c in criteria))
              for o in draw(st.lists(st.integers(1, n), unique=True))]
             for _ in range(draw(st.integers(0, 8)))]
    return n, CriteriaRule(criteria), cards


def check_reading(result, *, unit, total, breadth, noun) -> None:
    """The protocol, row by row: the values, the words, the line, and the cascade's order."""
    assert result.unit is unit
    for row in result.rows:
        assert row.unit is unit
        assert row.total == total(row)
        assert row.breadth == breadth(row)
        assert row.total_words() == unit.words(row.total)
        assert row.breadth_words() == ("" if row.breadth is None
                                       else unit.breadth_words(row.breadth))
        line = row.describe(noun)
        assert line.startswith(noun.one(row.option) + ": ") and row.total_words() in line
        if row.breadth is not None:
            assert row.breadth_words() in line
        assert isinstance(row.distribution, tuple)
    ranked = [r for r in result.rows if r.rank is not None]
    assert [r.rank for r in ranked] == sorted(r.rank for r in ranked)
    assert all(r.rank is None for r in result.rows[len(ranked):])  # unranked rows go last
    # The cascade: a higher total first; at equal totals, more breadth first.
    keys = [(r.total, -1 if r.breadth is None else r.breadth) for r in ranked]
    assert keys == sorted(keys, reverse=True)
    for a, b in zip(ranked, ranked[1:]):
        assert (a.rank == b.rank) <= ((a.total, a.breadth) == (b.total, b.breadth))
    assert result.near_options() == {o for t in result.near_ties for o in (*t.higher, *t.lower)}


@SETTINGS
@given(ranked_votes())
def test_ranked_rows_read_as_points_from_ballots(vote) -> None:
    n, k, ballots = vote
    result = tally_ranked(ballots, options=range(1, n + 1), rule=RankedRule(k))
    check_reading(result, unit=reading.POINTS, total=lambda r: r.points,
                  breadth=lambda r: r.mentions, noun=wording.IDEA)
    assert result.ballots_counted == len(ballots) and result.notes == ()
    for row in result.rows:
        assert row.total == sum(v * c for v, c in enumerate(row.distribution, 1))
        assert row.figures()["points"] == row.points
        assert row.figures()["distribution"][str(k)] == row.distribution[k - 1]


@SETTINGS
@given(dots_votes())
def test_dots_rows_read_as_dots_from_people(vote) -> None:
    n, rule, ballots = vote
    result = tally_dots(ballots, options=range(1, n + 1), rule=rule, noun=wording.STAND)
    check_reading(result, unit=reading.DOTS, total=lambda r: r.dots,
                  breadth=lambda r: r.voters, noun=wording.STAND)
    assert result.notes == (result.usage_text,)
    assert sum(r.total for r in result.rows) == result.dots_cast
    for row in result.rows:
        assert row.breadth == sum(row.distribution)
        assert row.figures() == {"dots": row.dots, "voters": row.voters, "distribution": {
            str(v): row.distribution[v - 1] for v in range(1, len(row.distribution) + 1)}}


@SETTINGS
@given(st.integers(1, 8).flatmap(lambda n: st.tuples(
    st.just(n), st.dictionaries(st.integers(1, n), st.integers(0, 40)),
    st.one_of(st.none(), st.integers(0, 30)))))
def test_typed_counts_read_as_votes_without_breadth(vote) -> None:
    n, counts, participants = vote
    result = tally_typed_counts(counts, options=range(1, n + 1), counter="Rosa",
                                participants=participants, noun=wording.CLUSTER)
    check_reading(result, unit=reading.VOTES, total=lambda r: r.count,
                  breadth=lambda r: None, noun=wording.CLUSTER)
    assert result.ballots_counted is None
    assert result.notes == ((result.check_text,) if result.check_text else ())
    assert all(r.distribution == () and r.breadth_words() == "" for r in result.rows)


@SETTINGS
@given(criteria_votes())
def test_criteria_rows_read_as_scores(vote) -> None:
    n, rule, cards = vote
    result = tally_criteria(cards, options=range(1, n + 1), rule=rule)
    check_reading(result, unit=reading.SCORE, total=lambda r: r.score,
                  breadth=lambda r: r.evaluators, noun=wording.PROPOSAL)
    assert result.ballots_counted == len(cards) and result.notes == result.missing_notes
    for row in result.rows:
        assert (row.total is None) == (row.rank is None)
        assert row.total_words() == ("—" if row.score is None else wording.score(row.score))


def test_the_words_follow_the_number_and_the_language() -> None:
    assert reading.POINTS.words(1) == "1 punto" and reading.POINTS.words(45) == "45 puntos"
    assert reading.VOTES.words(1) == "1 voto" and reading.DOTS.breadth_words(1) == "1 persona"
    result = tally_ranked([((4, 2), (7, 1)), ((4, 1), (7, 2)), ((4, 2),)],
                          options=[4, 7, 9], rule=RankedRule(2))
    assert result.rows[0].describe(wording.IDEA) == "la idea 4: 5 puntos, en 3 boletas"
    set_language("en")
    try:
        assert result.rows[0].describe(wording.IDEA) == "idea 4: 5 points, in 3 ballots"
        assert reading.VOTES.words(1) == "1 vote" and reading.VOTES.title() == "Votes"
    finally:
        set_language("es")
