"""The tie-break cascade step by step, near ties and run-offs."""

from __future__ import annotations

import pytest

from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.core.voting.rules import RankedRule
from cocrea_desktop.core.voting.tally import ranked_wording, tally_ranked, typed_wording
from cocrea_desktop.core.voting.ties import (
    BREADTH,
    DECLARED,
    STRENGTH,
    Contender,
    is_near_tie,
    rank_by_cascade,
    runoff_at_cutoff,
)
from cocrea_desktop.core.voting.wording import IDEA, STAND

OPTIONS = range(1, 13)
K5 = RankedRule(5)


def ballots_for(gifts: dict[int, list[int]]) -> list[tuple[tuple[int, int], ...]]:
    """One single-mark ballot per gift: {idea: [points, ...]}."""
    return [((idea, pts),) for idea, points in gifts.items() for pts in points]


def test_step_1_primary_total_decides_without_steps() -> None:
    tally = tally_ranked(ballots_for({4: [5, 5], 9: [5, 4]}), options=OPTIONS, rule=K5)
    assert [r.option for r in tally.rows[:2]] == [4, 9]
    assert [s for s in tally.tie_breaks if s.rule != DECLARED] == []


def test_step_2_breadth() -> None:
    # 4: 2 x 6 = 12 in 6 ballots; 9: 4 + 2 x 4 = 12 in 5 ballots.
    tally = tally_ranked(ballots_for({4: [2] * 6, 9: [4, 2, 2, 2, 2]}), options=OPTIONS, rule=K5)
    assert [(r.option, r.points, r.mentions, r.rank) for r in tally.rows[:2]] == [
        (4, 12, 6, 1), (9, 12, 5, 2)]
    assert (tally.tie_breaks[0].rule, tally.tie_breaks[0].options) == (BREADTH, (4, 9))
    assert tally.tie_breaks[0].text == (
        "Las ideas 4 y 9 empatan con 12 puntos; la idea 4 aparece en más boletas (6 contra 5)."
    )


def test_step_3_strength_top_marks() -> None:
    # 4: 5 + 5 + 1 + 1 = 12 (two 5s); 9: 5 + 3 + 2 + 2 = 12 (one 5); both in 4 ballots.
    tally = tally_ranked(ballots_for({9: [5, 3, 2, 2], 4: [5, 5, 1, 1]}), options=OPTIONS, rule=K5)
    assert [r.option for r in tally.rows[:2]] == [4, 9]
    assert (tally.tie_breaks[0].rule, tally.tie_breaks[0].text) == (
        STRENGTH,
        "Las ideas 4 y 9 empatan con 12 puntos; aparecen en el mismo número de boletas (4); la "
        "idea 4 recibió 5 puntos en más boletas (2 contra 1).",
    )


def test_step_3_strength_next_level() -> None:
    # Same number of 5s (one each); 9 has a 4 and 4 has none: 9 goes first.
    tally = tally_ranked(ballots_for({4: [5, 3, 3, 1], 9: [5, 4, 2, 1]}), options=OPTIONS, rule=K5)
    assert [r.option for r in tally.rows[:2]] == [9, 4]
    assert tally.tie_breaks[0].text.endswith(
        "la idea 9 recibió 4 puntos en más boletas (1 contra 0).")


def test_step_4_declared_tie_shares_the_rank() -> None:
    tally = tally_ranked(ballots_for({4: [5, 1], 9: [5, 1], 2: [3]}), options=OPTIONS, rule=K5)
    assert [(r.option, r.rank) for r in tally.rows[:3]] == [(4, 1), (9, 1), (2, 3)]
    assert tally.tie_breaks[0].rule == DECLARED
    assert tally.tie_breaks[0].text == (
        "Las ideas 4 y 9 empatan con 6 puntos; aparecen en el mismo número de boletas (2); "
        "reciben cada puntaje en el mismo número de boletas; el empate se mantiene: comparten "
        "el lugar 1."
    )


def test_three_way_tie_resolved_in_two_steps() -> None:
    # 4: 2 x 6 (6 ballots); 9: 4 + 2 x 4 (5 ballots, one 4); 11: 3 + 3 + 2 x 3 (5 ballots, no 4).
    gifts = {11: [3, 3, 2, 2, 2], 9: [4, 2, 2, 2, 2], 4: [2] * 6, 1: [5, 5, 5]}
    tally = tally_ranked(ballots_for(gifts), options=OPTIONS, rule=K5)
    assert [(r.option, r.rank) for r in tally.rows[:4]] == [(1, 1), (4, 2), (9, 3), (11, 4)]
    assert [(s.rule, s.options, s.text) for s in tally.tie_breaks[:2]] == [
        (BREADTH, (4, 9, 11),
         "Las ideas 4, 9 y 11 empatan con 12 puntos; boletas que la mencionan: 6 para la idea 4 y "
         "5 para las ideas 9 y 11."),
        (STRENGTH, (9, 11),
         "Entre las ideas 9 y 11 sigue el empate; la idea 9 recibió 4 puntos en más boletas "
         "(1 contra 0)."),
    ]


def test_tie_left_after_a_split_gets_the_right_shared_rank() -> None:
    # 4 ahead by breadth; 9 and 11 identical -> they share rank 3 (after 1 and 4).
    gifts = {1: [5, 5, 5], 4: [2] * 6, 9: [4, 2, 2, 2, 2], 11: [4, 2, 2, 2, 2]}
    tally = tally_ranked(ballots_for(gifts), options=OPTIONS, rule=K5)
    assert [(r.option, r.rank) for r in tally.rows[:4]] == [(1, 1), (4, 2), (9, 3), (11, 3)]
    assert tally.tie_breaks[1].rule == DECLARED
    assert tally.tie_breaks[1].text.endswith("el empate se mantiene: comparten el lugar 3.")
    runoff = tally.runoff(3)
    assert runoff is not None and runoff.options == (9, 11) and runoff.places_left == 1


def test_cascade_directly_with_levels() -> None:
    words = ranked_wording(3)
    ranking = rank_by_cascade(
        [
            Contender(1, 10, 4, (1, 2, 1)),
            Contender(2, 10, 4, (1, 3, 0)),
            Contender(3, 10, 4, (2, 0, 2)),
            Contender(5, 11, 5, (0, 3, 5)),
        ],
        words,
        IDEA,
    )
    assert ranking.order == ((5,), (3,), (2,), (1,))
    assert ranking.ranks == {5: 1, 3: 2, 2: 3, 1: 4}
    assert [s.rule for s in ranking.steps] == [STRENGTH, STRENGTH]
    assert ranking.steps[0].text == (
        "Las ideas 1, 2 y 3 empatan con 10 puntos; aparecen en el mismo número de boletas (4); "
        "boletas con 3 puntos: 2 para la idea 3 y 1 para las ideas 1 y 2."
    )


def test_no_tie_data_means_a_declared_tie() -> None:
    ranking = rank_by_cascade([Contender(2, 8), Contender(7, 8), Contender(1, 9)],
                              typed_wording(), STAND)
    assert ranking.ranks == {1: 1, 2: 2, 7: 2}
    assert ranking.steps[0].text == (
        "Los stands 2 y 7 empatan con 8 votos; no hay otro dato para desempatar, así que "
        "comparten el lugar 2."
    )


@pytest.mark.parametrize(
    ("higher", "lower", "near"),
    [
        (12, 11, True),  # a difference of 1
        (12, 12, True),
        (12, 10, False),
        (100, 95, True),  # 5 % of the higher total
        (95, 100, True),
        (100, 94, False),
        (60, 57, True),
        (60, 56, False),
        (1, 0, True),
        (3.0, 2.5, True),
    ],
)
def test_near_tie_thresholds(higher, lower, near) -> None:
    assert is_near_tie(higher, lower) is near


def test_near_tie_without_absolute_margin() -> None:
    assert not is_near_tie(12, 11, absolute=None)
    assert is_near_tie(12, 11.5, absolute=None)
    assert not is_near_tie(12, 11.3, absolute=None)


def test_near_tie_after_a_broken_tie() -> None:
    tally = tally_ranked(ballots_for({4: [2] * 6, 9: [4, 2, 2, 2, 2]}), options=OPTIONS, rule=K5)
    assert tally.near_ties[0].text == (
        "La idea 4 queda delante de la idea 9 solo por el desempate (12 puntos y 12 puntos)."
    )


@pytest.mark.parametrize(
    ("ranks", "places", "expected"),
    [
        ([(1, 1), (2, 2), (3, 3), (4, 3), (5, 5)], 3, ((3, 4), 3, 1)),
        ([(1, 1), (2, 2), (3, 3), (4, 3), (5, 5)], 4, None),
        ([(1, 1), (2, 2), (3, 3), (4, 3), (5, 5)], 2, None),
        ([(1, 1), (2, 2), (3, 2), (4, 2), (5, 5)], 3, ((2, 3, 4), 2, 2)),
        ([(1, 1), (2, 1), (3, 1)], 1, ((1, 2, 3), 1, 1)),
        ([(1, 1), (2, 1), (3, 1)], 5, None),
        ([], 3, None),
    ],
)
def test_runoff_at_cutoff(ranks, places, expected) -> None:
    runoff = runoff_at_cutoff(ranks, places, noun=IDEA)
    got = None if runoff is None else (runoff.options, runoff.rank, runoff.places_left)
    assert got == expected


def test_runoff_text_plural_and_bad_cut() -> None:
    runoff = runoff_at_cutoff([(1, 1), (2, 2), (3, 2), (4, 2)], 3, noun=IDEA)
    assert runoff is not None
    assert runoff.text == (
        "Las ideas 2, 3 y 4 comparten el lugar 2, pero solo quedan 2 lugares para pasar: hay "
        "que votar de nuevo entre las ideas 2, 3 y 4."
    )
    with pytest.raises(InvalidInput):
        runoff_at_cutoff([(1, 1)], 0, noun=IDEA)


def test_an_exact_tie_placed_by_the_cascade_reads_well_on_stands_and_in_the_room():
    """Found in the walk-through: "delante de el puesto 5", and "casi empate" for two stands
    level on their votes (placed apart only by the tie-break)."""
    from cocrea_desktop.core.room import result_items
    from cocrea_desktop.core.voting import wording
    from cocrea_desktop.core.voting.rules import DotsRule
    from cocrea_desktop.core.voting.tally import tally_dots
    from cocrea_desktop.i18n import set_language

    set_language("es")
    # Stands 1 and 5 both get 4 dots; stand 1 from more people (breadth) goes first.
    ballots = [((1, 1), (3, 1)), ((1, 1), (3, 1)), ((1, 1),), ((1, 1),), ((5, 2),), ((5, 2),)]
    result = tally_dots(ballots, options=[1, 3, 5], rule=DotsRule(2, 2), noun=wording.STAND)
    texts = " ".join(t.text for t in result.near_ties)
    assert "delante del stand 5" in texts and " de el " not in texts
    notes = {item.label: item.note for item in result_items(result, {}, wording.STAND)}
    assert notes["stand 5"] == "empate, decidido por el desempate"
