"""Tallies computed by hand: ranked top-k, dots and typed counts."""

from __future__ import annotations

import pytest

from cocrea_desktop.core.errors import InvalidInput, RuleViolation
from cocrea_desktop.core.voting.ballots import parse_ranked_ballot
from cocrea_desktop.core.voting.rules import DotsRule, RankedRule
from cocrea_desktop.core.voting.tally import (
    SOURCE_WALL,
    tally_dots,
    tally_ranked,
    tally_typed_counts,
)
from cocrea_desktop.core.voting.ties import DECLARED

# -- ranked: a nominal group of 5 ballots, k = 3, ideas 1..6 -------------------------------
#
#   ballot  1st(3) 2nd(2) 3rd(1)
#   B1      4      2      1
#   B2      2      4      5
#   B3      1      4      2
#   B4      5      1      3
#   B5      2      5      -       (only two ranks: counts what is valid)
#
#   idea  points                 mentions  D(1) D(2) D(3)
#   1     1 + 3 + 2     = 6      3         1    1    1
#   2     2 + 3 + 1 + 3 = 9      4         1    1    2
#   3     1             = 1      1         1    0    0
#   4     3 + 2 + 2     = 7      3         0    2    1
#   5     1 + 3 + 2     = 6      3         1    1    1
#   6     0                      0         0    0    0
#   total 29 = 4 x (3 + 2 + 1) + (3 + 2)

TYPED = ["4 2 1", "2 4 5", "1 4 2", "5 1 3", "2 5"]
EXPECTED_ROWS = [
    # option, points, mentions, distribution (1, 2, 3 points), rank
    (2, 9, 4, (1, 1, 2), 1),
    (4, 7, 3, (0, 2, 1), 2),
    (1, 6, 3, (1, 1, 1), 3),
    (5, 6, 3, (1, 1, 1), 3),
    (3, 1, 1, (1, 0, 0), 5),
    (6, 0, 0, (0, 0, 0), 6),
]


@pytest.fixture
def nominal_group():
    rule = RankedRule(3)
    ballots = [parse_ranked_ballot(t, options=range(1, 7), rule=rule) for t in TYPED]
    assert not any(b.has_voids for b in ballots)
    return tally_ranked((b.marks for b in ballots), options=range(1, 7), rule=rule)


def test_ranked_rows_by_hand(nominal_group) -> None:
    got = [(r.option, r.points, r.mentions, r.distribution, r.rank) for r in nominal_group.rows]
    assert got == EXPECTED_ROWS
    assert nominal_group.ballots == 5
    assert nominal_group.total_points == 29
    assert nominal_group.row(2).ballots_giving(3) == 2
    assert nominal_group.ranks()[:3] == ((2, 1), (4, 2), (1, 3))


def test_ranked_rule_ties_and_near_ties_by_hand(nominal_group) -> None:
    assert nominal_group.rule_text == (
        "Cada boleta ordena hasta 3 ideas por preferencia: 3 puntos al primer lugar, 2 al "
        "segundo, y así hasta 1 punto al lugar 3."
    )
    assert [(s.rule, s.options, s.text) for s in nominal_group.tie_breaks] == [
        (DECLARED, (1, 5),
         "Las ideas 1 y 5 empatan con 6 puntos; aparecen en el mismo número de boletas (3); "
         "reciben cada puntaje en el mismo número de boletas; el empate se mantiene: comparten "
         "el lugar 3."),
    ]
    # Differences of 1 are near ties; 9 - 7 = 2 is more than 1 and more than 5 % of 9.
    assert [(n.higher, n.lower, n.difference, n.text) for n in nominal_group.near_ties] == [
        ((4,), (1, 5), 1, "La idea 4 y las ideas 1 y 5 casi empatan: 7 puntos contra 6 puntos."),
        ((3,), (6,), 1, "La idea 3 y la idea 6 casi empatan: 1 punto contra 0 puntos."),
    ]


def test_ranked_runoff_at_the_cut(nominal_group) -> None:
    runoff = nominal_group.runoff(3)
    assert runoff is not None
    assert (runoff.options, runoff.rank, runoff.places_left) == ((1, 5), 3, 1)
    assert runoff.text == (
        "Las ideas 1 y 5 comparten el lugar 3, pero solo queda 1 lugar para pasar: hay que "
        "votar de nuevo entre las ideas 1 y 5."
    )
    assert nominal_group.runoff(2) is None
    assert nominal_group.runoff(4) is None


def test_ranked_refuses_marks_it_cannot_count() -> None:
    with pytest.raises(InvalidInput, match="la idea 9"):
        tally_ranked([((9, 3),)], options=range(1, 7), rule=RankedRule(3))
    with pytest.raises(InvalidInput, match="de 1 a 3"):
        tally_ranked([((1, 4),)], options=range(1, 7), rule=RankedRule(3))
    with pytest.raises(InvalidInput, match="de 1 a 3"):
        tally_ranked([((1, -1),)], options=range(1, 7), rule=RankedRule(3))
    with pytest.raises(RuleViolation):
        tally_ranked([], options=range(1, 4), rule=RankedRule(3))


def test_ranked_with_no_ballots() -> None:
    tally = tally_ranked([], options=[1, 2, 3], rule=RankedRule(2))
    assert tally.ballots == 0 and tally.total_points == 0
    assert {r.rank for r in tally.rows} == {1}
    assert [s.text for s in tally.tie_breaks] == [
        "Las ideas 1, 2 y 3 quedan en cero y comparten el lugar 1."
    ]
    assert tally.near_ties == ()


# -- dots: 4 people, 3 dots each, at most 2 per option, options 1..5, 5 participants --------
#
#   B1: 1:2 3:1   B2: 3:2 2:1   B3: 1:1 2:1 4:1   B4: 3:1 1:2
#
#   option dots  voters  put 1  put 2
#   1      5     3       1      2
#   2      2     2       2      0
#   3      4     3       2      1
#   4      1     1       1      0
#   5      0     0       0      0
#   cast 12 of 15 issued (5 participants x 3)

DOT_BALLOTS = [((1, 2), (3, 1)), ((3, 2), (2, 1)), ((1, 1), (2, 1), (4, 1)), ((3, 1), (1, 2))]


def test_dots_by_hand() -> None:
    tally = tally_dots(DOT_BALLOTS, options=range(1, 6), rule=DotsRule(3, 2), participants=5)
    assert [(r.option, r.dots, r.voters, r.distribution, r.rank) for r in tally.rows] == [
        (1, 5, 3, (1, 2), 1),
        (3, 4, 3, (2, 1), 2),
        (2, 2, 2, (2, 0), 3),
        (4, 1, 1, (1, 0), 4),
        (5, 0, 0, (0, 0), 5),
    ]
    assert (tally.ballots, tally.dots_cast, tally.dots_issued) == (4, 12, 15)
    assert tally.usage_text == "Se usaron 12 puntos de los 15 entregados (5 personas)."
    assert tally.rule_text == "Cada persona reparte 3 puntos y puede poner hasta 2 por opción."
    assert tally.tie_breaks == ()
    # Near: 5 - 4, 2 - 1, 1 - 0 (differences of 1); 4 - 2 is not (2 > 5 % of 4).
    assert [(n.higher, n.lower) for n in tally.near_ties] == [((1,), (3,)), ((2,), (4,)),
                                                             ((4,), (5,))]


def test_dots_issued_defaults_to_the_ballots() -> None:
    tally = tally_dots(DOT_BALLOTS, options=range(1, 6), rule=DotsRule(3, 2))
    assert tally.dots_issued == 12 and tally.participants == 4


def test_dots_refuse_a_stack_above_the_cap() -> None:
    with pytest.raises(InvalidInput, match="el máximo es 1"):
        tally_dots([((1, 2),)], options=[1, 2], rule=DotsRule(3, 1))


def test_dots_tie_broken_by_voters_then_by_stacks() -> None:
    # Options 1 and 2: 4 dots each from 2 people; 1 got a stack of 3, 2 got 2 + 2.
    # Option 3 and 4: 2 dots each; 3 from two people, 4 from one person.
    ballots = [((1, 3), (4, 2)), ((1, 1), (2, 2), (3, 1)), ((2, 2), (3, 1))]
    tally = tally_dots(ballots, options=range(1, 5), rule=DotsRule(5, 3))
    assert [r.option for r in tally.rows] == [1, 2, 3, 4]
    assert [s.text for s in tally.tie_breaks] == [
        "Las opciones 1 y 2 empatan con 4 puntos; recibieron puntos del mismo número de personas "
        "(2); la opción 1 recibió 3 puntos de una misma persona más veces (1 contra 0).",
        "Las opciones 3 y 4 empatan con 2 puntos; la opción 3 recibió puntos de más personas "
        "(2 contra 1).",
    ]


def test_dots_without_stacking_skip_the_strength_step() -> None:
    ballots = [((1, 1), (2, 1)), ((1, 1), (2, 1))]
    tally = tally_dots(ballots, options=[1, 2, 3], rule=DotsRule(2, 1))
    assert tally.tie_breaks[0].text == (
        "Las opciones 1 y 2 empatan con 2 puntos; recibieron puntos del mismo número de personas "
        "(2); el empate se mantiene: comparten el lugar 1."
    )


# -- typed counts -------------------------------------------------------------------------


def test_typed_counts_by_hand() -> None:
    tally = tally_typed_counts(
        {1: 8, 2: 5, 3: 8, 4: 0}, options=range(1, 6), counter="Rosa Pérez", source=SOURCE_WALL,
        participants=7, marks_per_person=3,
    )
    assert [(r.option, r.count, r.rank) for r in tally.rows] == [
        (1, 8, 1), (3, 8, 1), (2, 5, 3), (4, 0, 4), (5, 0, 4),
    ]
    assert (tally.total, tally.expected, tally.mismatch) == (21, 21, 0)
    assert tally.check_text == "El total coincide: 21 votos = 7 personas × 3."
    assert tally.rule_text == (
        "Conteo a mano (puntos en la pared) hecho por Rosa Pérez; cada persona tenía 3 votos."
    )
    assert (tally.source, tally.counter) == ("puntos en la pared", "Rosa Pérez")
    assert [s.text for s in tally.tie_breaks] == [
        "Las opciones 1 y 3 empatan con 8 votos; no hay otro dato para desempatar, así que "
        "comparten el lugar 1.",
        "Las opciones 4 y 5 quedan en cero y comparten el lugar 4.",
    ]
    assert tally.counts() == {1: 8, 2: 5, 3: 8, 4: 0, 5: 0}
    assert tally.runoff(1) is not None and tally.runoff(2) is None


def test_typed_counts_report_a_mismatch_without_refusing() -> None:
    tally = tally_typed_counts({1: 12, 2: 7}, options=[1, 2], counter="Juan", participants=20)
    assert (tally.total, tally.expected, tally.mismatch) == (19, 20, -1)
    assert tally.check_text == (
        "Se contaron 19 votos, pero se esperaban 20 (20 personas × 1); conviene contar otra vez."
    )
    assert tally.rule_text == (
        "Conteo a mano hecho por Juan; cada persona tenía 1 voto."
    )
    unchecked = tally_typed_counts({1: 1}, options=[1, 2], counter="Juan")
    assert (unchecked.expected, unchecked.mismatch, unchecked.check_text) == (None, None, "")


@pytest.mark.parametrize(
    ("counts", "kwargs", "message"),
    [
        ({1: 1}, {"counter": " "}, "quién hizo el conteo"),
        ({9: 1}, {"counter": "Ana"}, "la opción 9"),
        ({1: -1}, {"counter": "Ana"}, "0 o más"),
        ({1: 1.5}, {"counter": "Ana"}, "0 o más"),
        ({1: 1}, {"counter": "Ana", "participants": -2}, "negativo"),
        ({1: 1}, {"counter": "Ana", "marks_per_person": 0}, "al menos un voto"),
    ],
)
def test_typed_counts_refuse_bad_input(counts, kwargs, message) -> None:
    with pytest.raises(InvalidInput, match=message):
        tally_typed_counts(counts, options=[1, 2], **kwargs)
