"""Mapping merged ideas' numbers changes nothing for ballots that name no merged idea
(hypothesis): same marks, same voids and reasons, same tally and tie-breaks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cocrea_desktop.core.voting.ballots import parse_dots_ballot, parse_ranked_ballot
from cocrea_desktop.core.voting.rules import DotsRule, RankedRule
from cocrea_desktop.core.voting.tally import tally_dots, tally_ranked
from cocrea_desktop.core.voting.wording import IDEA

SETTINGS = settings(max_examples=150, deadline=None)


@st.composite
def merged_votes(draw):
    """(options, merged map, k, typed ballots naming no merged number).

    Ideas 1..m; some were merged into others (never into a merged one), the rest are the
    options. Ballots are typed text: option numbers, numbers that never existed, points
    in and out of range, repeats and unreadable entries, but never a merged number.
    """
    m = draw(st.integers(3, 14))
    ideas = list(range(1, m + 1))
    absorbed = draw(st.lists(st.sampled_from(ideas), unique=True, max_size=m - 2))
    options = [i for i in ideas if i not in absorbed]
    merged = {a: draw(st.sampled_from(options)) for a in absorbed}
    k = draw(st.integers(1, min(5, len(options) - 1)))
    named = options + [m + 1, m + 7, 0]  # never a merged number
    entry = st.one_of(
        st.sampled_from(named).map(str),
        st.tuples(st.sampled_from(named), st.integers(0, k + 1)).map("{0[0]}:{0[1]}".format),
        st.sampled_from(["x", "?", "3a"]),
    )
    ballots = draw(st.lists(st.lists(entry, max_size=k + 2).map(" ".join), max_size=15))
    return options, merged, k, ballots


def _summary(tally):
    return (tally.rows, [s.text for s in tally.tie_breaks], [n.text for n in tally.near_ties])


@SETTINGS
@given(merged_votes())
def test_merges_never_change_a_ranked_tally_of_ballots_naming_no_merged_idea(vote) -> None:
    options, merged, k, ballots = vote
    rule = RankedRule(k)
    plain = [parse_ranked_ballot(t, options=options, rule=rule, noun=IDEA) for t in ballots]
    mapped = [parse_ranked_ballot(t, options=options, rule=rule, noun=IDEA, merged=merged)
              for t in ballots]
    assert mapped == plain
    assert all(b.redirects == () for b in mapped)
    assert _summary(tally_ranked([b.marks for b in mapped], options=options, rule=rule)) == \
        _summary(tally_ranked([b.marks for b in plain], options=options, rule=rule))


@SETTINGS
@given(merged_votes(), st.integers(1, 6), st.integers(1, 3))
def test_merges_never_change_a_dots_tally_of_ballots_naming_no_merged_idea(vote, dots, cap
                                                                            ) -> None:
    options, merged, _k, ballots = vote
    rule = DotsRule(dots, min(cap, dots))
    plain = [parse_dots_ballot(t, options=options, rule=rule) for t in ballots]
    mapped = [parse_dots_ballot(t, options=options, rule=rule, merged=merged) for t in ballots]
    assert mapped == plain
    assert _summary(tally_dots([b.marks for b in mapped], options=options, rule=rule)) == \
        _summary(tally_dots([b.marks for b in plain], options=options, rule=rule))


@SETTINGS
@given(merged_votes(), st.data())
def test_a_merged_number_counts_exactly_as_its_absorbing_idea(vote, data) -> None:
    """Writing the merged number instead of the idea it went into gives the same marks."""
    options, merged, k, _ballots = vote
    if not merged:
        return
    rule = RankedRule(k)
    absorbed = data.draw(st.sampled_from(sorted(merged)))
    others = [o for o in options if o != merged[absorbed]]
    rest = data.draw(st.lists(st.sampled_from(others), unique=True, max_size=k - 1))
    place = data.draw(st.integers(0, len(rest)))
    with_merged = rest[:place] + [absorbed] + rest[place:]
    with_idea = rest[:place] + [merged[absorbed]] + rest[place:]
    a = parse_ranked_ballot(" ".join(map(str, with_merged)), options=options, rule=rule,
                            merged=merged)
    b = parse_ranked_ballot(" ".join(map(str, with_idea)), options=options, rule=rule)
    assert a.marks == b.marks and a.voids == b.voids == ()
    assert a.redirects == ((absorbed, merged[absorbed]),)
