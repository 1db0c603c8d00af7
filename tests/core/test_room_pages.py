"""The room's pages without Qt: places apart from numbers, pages that never overflow, and
tie-breaks in words on pages of their own."""

from __future__ import annotations

from cocrea_desktop.core.room import build_pages, paginate, place_label, result_items
from cocrea_desktop.core.voting import wording
from cocrea_desktop.core.voting.rules import RankedRule
from cocrea_desktop.core.voting.tally import tally_ranked


def test_paginate_respects_the_count_and_what_fits():
    assert paginate(list(range(12)), per_page=5) == [(0, 1, 2, 3, 4), (5, 6, 7, 8, 9), (10, 11)]
    # Long items: what fits decides (at most 10 "lines" a page here).
    pages = paginate([4, 4, 4, 1, 1, 12, 1], fits=lambda items: sum(items) <= 10)
    assert pages == [(4, 4), (4, 1, 1), (12,), (1,)]
    assert paginate([]) == [()]


def test_results_name_the_place_apart_from_the_number_and_explain_ties():
    # (option, points) marks: 3 is first with 7 points; 1 and 2 tie with 6.
    ballots = [((1, 3), (2, 2), (3, 1)), ((2, 3), (1, 2), (3, 1)), ((3, 3), (4, 2), (1, 1)),
               ((4, 3), (3, 2), (2, 1))]
    result = tally_ranked(ballots, rule=RankedRule(3), options=[1, 2, 3, 4])
    assert result.tie_breaks
    items = result_items(result, {1: "Agua", 2: "Caminos", 3: "Escuela", 4: "Salud"},
                         wording.IDEA)
    assert [i.number for i in items][:1] == [place_label(1)] == ["1.º"]
    assert items[0].label == "idea 3" and items[0].text == "Escuela"
    assert items[0].value == "7 puntos"
    assert all(i.label.startswith("idea ") for i in items)
    assert items[0].share == 1.0 and all(0 < i.share <= 1 for i in items)
    pages = build_pages("Resultados", items, sentences_title="Cómo",
                        sentences=[s.text for s in result.tie_breaks], per_page=3)
    assert [len(p.items) for p in pages if p.items] == [3, 1]
    tie_pages = [p for p in pages if p.sentences]
    assert tie_pages and all(not p.items for p in tie_pages)
    assert pages[0].counter == f"1 / {len(pages)}"
