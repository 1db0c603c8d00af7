"""The results PDF shows its column titles and the chart's unit whole, in both languages."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from cocrea_desktop import i18n
from cocrea_desktop.export.pdf.session_reports import write_session_report
from cocrea_desktop.store.demo import create_demo
from cocrea_desktop.store.repo import Repo


def _pieces(path) -> list[tuple[str, float, float]]:
    """(text, x, y) of every text piece, pages after the first moved down by 10000."""
    found: list[tuple[str, float, float]] = []
    for number, page in enumerate(PdfReader(path).pages):
        def visit(text, cm, tm, _font, _size, number=number):
            if text.strip():  # a drawing places its strings with cm, a paragraph with tm
                found.append((text.strip(), cm[4] + tm[4], cm[5] + tm[5] - 10000 * number))
        page.extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("language,title,unit", [
    ("es", ["Boletas", "que", "la", "mencionan"], "Puntos"),
    ("en", ["Ballots", "that", "mention", "it"], "Points")])
def test_titles_unbroken_and_the_axis_unit_below_its_numbers(tmp_path, language, title, unit):
    i18n.set_language(language)
    try:
        with Repo.open(create_demo(tmp_path / "demo.cocrea.db")) as repo:
            sid = repo.sessions()[0].id
            path = write_session_report(repo, sid, "results", tmp_path / "r.pdf")
    finally:
        i18n.set_language("es")
    words = [t for t, _x, _y in _pieces(path)]
    # Each word of the column title whole: never "Boleta" + "s" on two lines.
    joined = " ".join(words)
    assert " ".join(title) in joined, joined[:400]
    assert "Boleta s" not in joined and "Ballot s" not in joined
    pieces = _pieces(path)
    axis = [(x, y) for t, x, y in pieces if t == unit]
    ticks = [(x, y) for t, x, y in pieces if t in {"0", "9", "18", "27", "36", "45"}]
    unit_y = min(y for _x, y in axis)  # the chart's unit is the lowest "Puntos" on its page
    tick_y = min(y for _x, y in ticks if abs(y - unit_y) < 60)
    assert tick_y - unit_y >= 7, (tick_y, unit_y)  # a line apart: they never overlap


def test_an_idea_gets_the_room_the_figures_do_not_need(tmp_path):
    # With five point columns each figure's column took 8 % of the line and the ideas a
    # quarter: every idea ran to three lines. Now a figure is as wide as its title's
    # longest word and the idea text takes the rest, and the point titles stay whole.
    with Repo.open(create_demo(tmp_path / "demo.cocrea.db")) as repo:
        sid = repo.sessions()[0].id
        path = write_session_report(repo, sid, "results", tmp_path / "r.pdf")
    pieces = _pieces(path)
    x_of = {t: x for t, x, _y in reversed(pieces)}
    text_column = x_of["Puntos"] - x_of["Texto"]
    assert text_column > 170, text_column  # points; it was about 130
    assert "5 pts" in [t for t, _x, _y in pieces]  # not "5" over "pts"
