"""Ballot validation: each wrong entry voids only itself, with a Spanish reason."""

from __future__ import annotations

import pytest

from cocrea_desktop.core.errors import RuleViolation
from cocrea_desktop.core.voting.ballots import (
    VoidEntry,
    parse_dots_ballot,
    parse_ranked_ballot,
    parse_scorecard,
    split_entries,
    validate_dots_ballot,
    validate_ranked_ballot,
    validate_scorecard,
)
from cocrea_desktop.core.voting.criteria import Criterion
from cocrea_desktop.core.voting.rules import CriteriaRule, DotsRule, RankedRule
from cocrea_desktop.core.voting.wording import CLUSTER

IDEAS = frozenset(range(1, 21))  # ideas 1..20
K5 = RankedRule(5)


def test_split_entries_accepts_spaces_commas_semicolons_and_pairs() -> None:
    assert split_entries(" 12 3,7;1\n9 ") == ["12", "3", "7", "1", "9"]
    assert split_entries("12 : 5, 3= 4") == ["12:5", "3:4"]
    assert split_entries("   ") == []


# -- ranked -------------------------------------------------------------------------------

RANKED_CASES = [
    # text, marks, voids (entry, reason)
    ("12 3 7 1 9", ((12, 5), (3, 4), (7, 3), (1, 2), (9, 1)), ()),
    ("12:5 3:4 7:3", ((12, 5), (3, 4), (7, 3)), ()),
    ("9:1, 12:5", ((9, 1), (12, 5)), ()),
    ("12 3", ((12, 5), (3, 4)), ()),  # fewer than k: what is valid counts
    ("", (), ()),
    (
        "12 3 7 1 9 4",
        ((12, 5), (3, 4), (7, 3), (1, 2), (9, 1)),
        (("4", "La boleta solo tiene 5 lugares; la idea 4 sobra."),),
    ),
    (
        "12 61 7",
        ((12, 5), (7, 3)),
        (("61", "La idea 61 no existe en esta votación."),),
    ),
    (
        "12 3 12 7",
        ((3, 4), (7, 2)),
        (
            ("12", "La idea 12 aparece dos veces en la boleta."),
            ("12", "La idea 12 aparece dos veces en la boleta."),
        ),
    ),
    (
        "5 5 5 2",
        ((2, 2),),
        tuple(("5", "La idea 5 aparece 3 veces en la boleta.") for _ in range(3)),
    ),
    (
        "4:5 7:5 9:3",
        ((9, 3),),
        (
            ("4:5", "5 puntos se dieron a la vez a las ideas 4 y 7."),
            ("7:5", "5 puntos se dieron a la vez a las ideas 4 y 7."),
        ),
    ),
    (
        "4:5 2:9 8:0",
        ((4, 5),),
        (
            ("2:9", "Los puntos van de 1 a 5; la idea 2 tiene 9."),
            ("8:0", "Los puntos van de 1 a 5; la idea 8 tiene 0."),
        ),
    ),
    (
        "12 x 7 3:",
        ((12, 5), (7, 3)),
        (
            ("x", "«x» no se entiende: se esperaba un número, o número:puntos."),
            ("3:", "«3:» no se entiende: se esperaba un número, o número:puntos."),
        ),
    ),
    (
        "30:9",
        (),
        (("30:9", "Los puntos van de 1 a 5; la idea 30 tiene 9. La idea 30 no existe en esta "
                  "votación."),),
    ),
]


@pytest.mark.parametrize(("text", "marks", "voids"), RANKED_CASES)
def test_parse_ranked_ballot(text: str, marks, voids) -> None:
    ballot = parse_ranked_ballot(text, options=IDEAS, rule=K5)
    assert ballot.marks == marks
    assert [(v.entry, v.reason) for v in ballot.voids] == list(voids)
    assert ballot.has_voids == bool(voids)


def test_blank_ranked_ballot() -> None:
    assert parse_ranked_ballot("  ", options=IDEAS, rule=K5).is_blank
    assert not parse_ranked_ballot("61", options=IDEAS, rule=K5).is_blank


def test_place_points_follow_k() -> None:
    ballot = parse_ranked_ballot("4 2 1", options=IDEAS, rule=RankedRule(3))
    assert ballot.marks == ((4, 3), (2, 2), (1, 1))


def test_mixed_entries_take_the_points_of_their_place() -> None:
    ballot = parse_ranked_ballot("7:1 12 3", options=IDEAS, rule=K5)
    assert ballot.marks == ((7, 1), (12, 4), (3, 3))
    clash = parse_ranked_ballot("3:4 12", options=IDEAS, rule=K5)
    assert clash.marks == ()
    assert {v.reason for v in clash.voids} == {"4 puntos se dieron a la vez a las ideas 3 y 12."}


def test_validate_ranked_ballot_from_a_grid() -> None:
    ballot = validate_ranked_ballot([(12, None), (3, None), (3, 2)], options=IDEAS, rule=K5)
    assert ballot.marks == ((12, 5),)
    assert [v.entry for v in ballot.voids] == ["3", "3:2"]


def test_k_above_n_minus_1_is_refused() -> None:
    with pytest.raises(RuleViolation, match="como máximo 3"):
        parse_ranked_ballot("1 2", options={1, 2, 3, 4}, rule=RankedRule(4))


def test_void_reason_uses_the_noun_of_the_method() -> None:
    ballot = parse_ranked_ballot("9", options={1, 2, 3}, rule=RankedRule(2), noun=CLUSTER)
    assert ballot.voids == (VoidEntry("9", "El grupo de ideas 9 no existe en esta votación."),)


# -- dots ---------------------------------------------------------------------------------

DOTS_CASES = [
    # rule, text, marks, voids (entry, reason, amount)
    (DotsRule(3, 1), "3 7 8", ((3, 1), (7, 1), (8, 1)), ()),
    (DotsRule(3, 1), "3 7", ((3, 1), (7, 1)), ()),  # dots left unused are fine
    (DotsRule(3), "3 3 7", ((3, 2), (7, 1)), ()),
    (DotsRule(3), "3:3", ((3, 3),), ()),
    (
        DotsRule(3, 1),
        "3 3 7",
        ((3, 1), (7, 1)),
        (("3", "La opción 3 solo puede recibir 1 punto de cada persona; no cuenta 1 punto de "
                "más.", 1),),
    ),
    (
        DotsRule(3, 2),
        "3:3 7",
        ((3, 2), (7, 1)),
        (("3:3", "La opción 3 solo puede recibir 2 puntos de cada persona; no cuenta 1 punto de "
                  "más.", 1),),
    ),
    (
        DotsRule(3),
        "3 7 8 9 10",
        ((3, 1), (7, 1), (8, 1)),
        (
            ("9", "La boleta ya usó sus 3 puntos; no cuenta 1 punto de más para la opción 9.", 1),
            ("10", "La boleta ya usó sus 3 puntos; no cuenta 1 punto de más para la opción 10.",
             1),
        ),
    ),
    (
        DotsRule(5, 2),
        "4:2 6:4",
        ((4, 2), (6, 2)),
        (("6:4", "La opción 6 solo puede recibir 2 puntos de cada persona; no cuentan 2 puntos "
                  "de más.", 2),),
    ),
    (
        DotsRule(3, 2),
        "4:2 6:3",
        ((4, 2), (6, 1)),
        (("6:3", "La opción 6 solo puede recibir 2 puntos de cada persona; no cuenta 1 punto de "
                  "más. La boleta ya usó sus 3 puntos; no cuenta 1 punto de más para la opción 6.",
          2),),
    ),
    (
        DotsRule(3),
        "99 3:0 a 5",
        ((5, 1),),
        (
            ("99", "La opción 99 no existe en esta votación.", 1),
            ("3:0", "«3:0»: el número de puntos debe ser 1 o más.", 0),
            ("a", "«a» no se entiende: se esperaba un número, o número:puntos.", 0),
        ),
    ),
]


@pytest.mark.parametrize(("rule", "text", "marks", "voids"), DOTS_CASES)
def test_parse_dots_ballot(rule: DotsRule, text: str, marks, voids) -> None:
    ballot = parse_dots_ballot(text, options=IDEAS, rule=rule)
    assert ballot.marks == marks
    assert [(v.entry, v.reason, v.amount) for v in ballot.voids] == list(voids)
    assert ballot.dots == sum(d for _o, d in marks)


def test_validate_dots_ballot_from_a_grid() -> None:
    ballot = validate_dots_ballot([(1, 2), (2, 2)], options=IDEAS, rule=DotsRule(3))
    assert ballot.marks == ((1, 2), (2, 1))
    assert ballot.void_dots == 1


# -- criteria -----------------------------------------------------------------------------

RULE3 = CriteriaRule((Criterion("Urgencia"), Criterion("Costo"), Criterion("Viable")))


def test_parse_scorecard_with_missing_and_voids() -> None:
    card = parse_scorecard(
        {1: "4 5 3", 2: "- 2", 3: "9 a 3", 4: "1 1 1 1", 40: "3"}, options=IDEAS, rule=RULE3
    )
    assert card.scores == (
        (1, (4, 5, 3)),
        (2, (None, 2, None)),
        (3, (None, None, 3)),
        (4, (1, 1, 1)),
    )
    assert [(v.entry, v.reason, v.amount) for v in card.voids] == [
        ("9", "La propuesta 3, «Urgencia»: la calificación va de 1 a 5, no 9.", 1),
        ("a", "La propuesta 3, «Costo»: «a» no es una calificación.", 1),
        ("1", "La propuesta 4 tiene 4 calificaciones y hay 3 criterios; sobran las últimas.", 1),
        ("40: 3", "La propuesta 40 no existe en esta votación.", 1),
    ]
    assert card.missing == 2 + 2


def test_validate_scorecard_keeps_missing_as_none() -> None:
    card = validate_scorecard({5: [3, None], 6: []}, options=IDEAS, rule=RULE3)
    assert card.scores == ((5, (3, None, None)), (6, (None, None, None)))
    assert not card.has_voids
    bad = validate_scorecard({5: [0, 6, 5]}, options=IDEAS, rule=RULE3)
    assert bad.scores == ((5, (None, None, 5)),)
    assert len(bad.voids) == 2
