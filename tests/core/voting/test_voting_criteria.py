"""Score by criteria, computed by hand; missing scores are reported, never taken as 0."""

from __future__ import annotations

import pytest

from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.core.voting.criteria import (
    CEPAL_CRITERIA,
    CRITERIA_SETS,
    DURANGO_CRITERIA,
    Criterion,
)
from cocrea_desktop.core.voting.criteria_tally import tally_criteria
from cocrea_desktop.core.voting.rules import CriteriaRule
from cocrea_desktop.core.voting.ties import STRENGTH

# Two criteria: Urgencia (weight 2), Viable (weight 1). Three evaluators, proposals 1..3.
#
#        E1        E2          E3
#   1    5, 3      4, -        3, 4
#   2    4, 4      4, 5        -, 3
#   3    2, -      3, 3        (not listed)
#
#   1: Urgencia (5+4+3)/3 = 4,   Viable (3+4)/2 = 3.5   -> 2 x 4 + 3.5   = 11.5
#   2: Urgencia (4+4)/2   = 4,   Viable (4+5+3)/3 = 4   -> 2 x 4 + 4     = 12
#   3: Urgencia (2+3)/2   = 2.5, Viable 3/1 = 3         -> 2 x 2.5 + 3   = 8
RULE = CriteriaRule((Criterion("Urgencia", 2), Criterion("Viable", 1)))
CARDS = [
    [(1, (5, 3)), (2, (4, 4)), (3, (2, None))],
    [(1, (4, None)), (2, (4, 5)), (3, (3, 3))],
    [(1, (3, 4)), (2, (None, 3))],
]


def test_criteria_by_hand() -> None:
    tally = tally_criteria(CARDS, options=[1, 2, 3], rule=RULE)
    assert [(r.option, r.score, r.means, r.scored, r.missing, r.evaluators, r.rank)
            for r in tally.rows] == [
        (2, 12.0, (4.0, 4.0), (2, 3), (1, 0), 3, 1),
        (1, 11.5, (4.0, 3.5), (3, 2), (0, 1), 3, 2),
        (3, 8.0, (2.5, 3.0), (2, 1), (1, 2), 2, 3),
    ]
    assert tally.evaluators == 3
    assert tally.missing_total == 5
    assert tally.missing_notes == (
        "A la propuesta 1 le falta 1 calificación («Viable»: 1); los promedios usan solo las que "
        "hay.",
        "A la propuesta 2 le falta 1 calificación («Urgencia»: 1); los promedios usan solo las "
        "que hay.",
        "A la propuesta 3 le faltan 3 calificaciones («Urgencia»: 1 y «Viable»: 2); los "
        "promedios usan solo las que hay.",
    )
    # 5 % of 12 is 0.6: 12 against 11.5 is a near tie; 11.5 against 8 is not.
    assert [(n.higher, n.lower, n.difference, n.text) for n in tally.near_ties] == [
        ((2,), (1,), 0.5,
         "La propuesta 2 y la propuesta 1 casi empatan: un puntaje de 12.00 contra un puntaje "
         "de 11.50."),
    ]
    assert tally.rule_text.endswith("«Urgencia» (peso 2) y «Viable» (peso 1).")


def test_missing_is_not_zero() -> None:
    # If missing counted as 0, proposal 1 would score (5 + 0) / 2 = 2.5 instead of 5.
    tally = tally_criteria([[(1, (5,))], [(1, (None,))]], options=[1, 2],
                           rule=CriteriaRule((Criterion("Urgencia"),)))
    assert tally.row(1).score == 5.0
    assert tally.row(1).missing == (1,)


def test_option_with_an_empty_criterion_gets_no_score() -> None:
    tally = tally_criteria([[(1, (5, None)), (2, (1, 1))]], options=[1, 2, 3], rule=RULE)
    assert [(r.option, r.score, r.rank) for r in tally.rows] == [
        (2, 3.0, 1), (1, None, None), (3, None, None),
    ]
    assert tally.ranks() == ((2, 1),)
    assert tally.missing_notes == (
        "La propuesta 1 no tiene ninguna calificación en el criterio «Viable»: no se puede "
        "calcular su puntaje.",
        "La propuesta 3 no tiene ninguna calificación en los criterios «Urgencia» y «Viable»: no "
        "se puede calcular su puntaje.",
    )


def test_reversed_criterion_counts_low_as_priority() -> None:
    rule = CriteriaRule((Criterion("Costo", higher_is_priority=False),))
    tally = tally_criteria([[(1, (1,)), (2, (5,))]], options=[1, 2], rule=rule)
    assert [(r.option, r.score) for r in tally.rows] == [(1, 5.0), (2, 1.0)]


def test_tie_broken_by_the_heaviest_criterion() -> None:
    # 1: Urgencia 4, Viable 4 -> 12;  2: Urgencia 3.5, Viable 5 -> 12.
    cards = [[(1, (4, 4)), (2, (3, 5))], [(1, (4, 4)), (2, (4, 5))]]
    tally = tally_criteria(cards, options=[1, 2], rule=RULE)
    assert [r.option for r in tally.rows] == [1, 2]
    assert [(s.rule, s.text) for s in tally.tie_breaks] == [
        (STRENGTH,
         "Las propuestas 1 y 2 empatan con un puntaje de 12.00; tienen calificaciones del mismo "
         "número de personas (2); la propuesta 1 tiene mejor promedio en «Urgencia» (4.00 contra "
         "3.50)."),
    ]


def test_heaviest_criterion_first_even_when_listed_last() -> None:
    # Viable (weight 3) is listed second but compared first.
    rule = CriteriaRule((Criterion("Urgencia", 1), Criterion("Viable", 3)))
    # 1: 5 + 3 x 3 = 14;  2: 2 + 3 x 4 = 14.
    tally = tally_criteria([[(1, (5, 3)), (2, (2, 4))]], options=[1, 2], rule=rule)
    assert [r.option for r in tally.rows] == [2, 1]
    assert "mejor promedio en «Viable» (4.00 contra 3.00)" in tally.tie_breaks[0].text


def test_tie_broken_by_breadth() -> None:
    rule = CriteriaRule((Criterion("Urgencia"),))
    tally = tally_criteria([[(1, (4,)), (2, (4,))], [(1, (4,))]], options=[1, 2], rule=rule)
    assert tally.tie_breaks[0].text == (
        "Las propuestas 1 y 2 empatan con un puntaje de 4.00; la propuesta 1 tiene "
        "calificaciones de más personas (2 contra 1)."
    )


def test_weights_are_exact() -> None:
    # 0.1 + 0.2 in floats is not 0.3; the tally compares exactly.
    rule = CriteriaRule((Criterion("A", 0.1), Criterion("B", 0.2), Criterion("C", 0.3)))
    tally = tally_criteria([[(1, (5, 5, 1)), (2, (1, 1, 5))]], options=[1, 2], rule=rule)
    # 1: 0.5 + 1.0 + 0.3 = 1.8 ; 2: 0.1 + 0.2 + 1.5 = 1.8 -> an exact tie, broken by C.
    assert tally.tie_breaks and "«C»" in tally.tie_breaks[0].text


@pytest.mark.parametrize(
    ("cards", "message"),
    [
        ([[(9, (1, 1))]], "la propuesta 9"),
        ([[(1, (1, 1)), (1, (2, 2))]], "dos veces"),
        ([[(1, (1,))]], "2 criterios"),
        ([[(1, (6, 1))]], "de 1 a 5"),
    ],
)
def test_criteria_refuse_marks_they_cannot_count(cards, message) -> None:
    with pytest.raises(InvalidInput, match=message):
        tally_criteria(cards, options=[1, 2], rule=RULE)


def test_default_criteria_sets() -> None:
    assert [c.name for c in DURANGO_CRITERIA] == [
        "Personas afectadas", "Impacto del riesgo o conflicto", "Urgencia",
        "Requiere acción de las partes", "Viable y factible",
    ]
    assert [c.name for c in CEPAL_CRITERIA] == [
        "Viabilidad técnica", "Viabilidad presupuestal", "Viabilidad político-administrativa",
        "Coherencia con la planeación local",
    ]
    assert all(c.weight == 1 and c.higher_is_priority for c in DURANGO_CRITERIA + CEPAL_CRITERIA)
    assert set(CRITERIA_SETS) == {"durango", "cepal"}
    assert CriteriaRule(DURANGO_CRITERIA).max_score == 25


def test_bad_criteria_are_refused() -> None:
    with pytest.raises(InvalidInput):
        Criterion(" ")
    with pytest.raises(InvalidInput, match="mayor que cero"):
        Criterion("Urgencia", 0)
    with pytest.raises(InvalidInput):
        CriteriaRule(())
    with pytest.raises(InvalidInput):
        CriteriaRule(DURANGO_CRITERIA, scale_min=5, scale_max=1)
