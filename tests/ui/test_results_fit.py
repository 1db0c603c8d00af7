"""The session screen at 1024x768 and 1366x768, Spanish and English (walk-through defects):
every phase tab is as tall as its words ("6. Discusión del voto / opcional" overlapped at
1024, "Discussion of the vote" was clipped at 1366), and the results table shows its points
columns without scrolling sideways."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from cocrea_desktop.store.demo import create_demo
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.views.session_screen import SessionScreen


def _settle(qtbot) -> None:
    for _ in range(4):
        QApplication.processEvents()
        qtbot.wait(10)


@pytest.mark.parametrize(("lang", "width"), [("es", 1024), ("en", 1366), ("es", 1366),
                                             ("en", 1024)])
def test_phase_tabs_and_results_fit(qtbot, tmp_path, lang, width):
    qt_i18n.install(lang)
    repo = Repo.open(create_demo(tmp_path / "demo.cocrea.db"))
    try:
        session = next(s for s in repo.sessions() if s.method == "nominal_group")
        screen = SessionScreen(repo, session.id)  # concluded: at «Resultados y relatoría»
        qtbot.addWidget(screen)
        screen.resize(width, 768)
        screen.show()
        qtbot.waitExposed(screen)
        _settle(qtbot)
        assert screen.phase.key == "results"
        for label in screen.guide.steps.labels:
            if label.isVisible():
                doc = QTextDocument()
                doc.setDefaultFont(label.font())
                doc.setHtml(label.text())
                doc.setTextWidth(label.contentsRect().width())
                assert doc.size().height() <= label.contentsRect().height(), label.text()
        view = screen.panel().results
        table = view.table
        assert table.model().columnCount() >= 9  # the five points columns are there
        assert table.horizontalScrollBar().maximum() == 0, (
            width, [table.columnWidth(c) for c in range(table.model().columnCount())],
            table.viewport().width())
        assert table.columnWidth(2) >= 200  # the idea stays readable
        if width >= 1366:
            assert view.chart.width() >= 300  # beside it, the chart keeps room to read
        # "No hay casi empates" read as "there are hardly any ties"; "1. · idea 4" in English
        assert view.explain.text().endswith(
            "No hay empates cercanos." if lang == "es" else "There are no near ties.")
        first = view.chart.bars[0].label
        assert first.startswith("1.º lugar · idea 4: " if lang == "es" else "Place 1 · idea 4: ")
        screen.close()
    finally:
        repo.close()
        qt_i18n.install("es")


@pytest.mark.parametrize("width", [1024, 1366])
def test_many_tie_breaks_leave_the_table_its_rows(qtbot, tmp_path, width):
    """A walk on a 200-session office at 1024x768: dozens of lines of tie-breaks took the
    whole discussion phase, and the results table showed its header and no row. The words
    now scroll within a third of the view; a short text takes only its own lines."""
    qt_i18n.install("es")
    repo = Repo.open(create_demo(tmp_path / "demo.cocrea.db"))
    try:
        session = next(s for s in repo.sessions() if s.method == "nominal_group")
        screen = SessionScreen(repo, session.id)
        qtbot.addWidget(screen)
        screen.resize(width, 768)
        screen.show()
        qtbot.waitExposed(screen)
        _settle(qtbot)
        view = screen.panel().results
        short = view.explain_area.height()
        assert 0 < short <= view.explain.heightForWidth(view.width()) + 2
        view.set_explanation("\n".join(
            f"  • Las ideas {n}, {n + 1} y {n + 2} empatan con {40 - n} puntos; aparecen en "
            "el mismo número de boletas (11); el empate se mantiene." for n in range(60)))
        _settle(qtbot)
        assert view.explain_area.height() <= view.height() // 3 + 1
        assert view.explain_area.verticalScrollBar().maximum() > 0  # the rest scrolls
        table = view.table
        assert table.viewport().height() >= 3 * table.verticalHeader().defaultSectionSize()
        screen.close()
    finally:
        repo.close()
