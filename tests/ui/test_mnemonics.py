"""Alt letters are not shared where a slip opens the wrong thing: the menu bar's menus
(«Informes» and «Idioma» both took I), each menu's entries (two in «Archivo» took P, two
R, three M; in English «Import bundles» and «Existing initiatives» both took I), the
«Informes» menu's reports (two took P), the
plan window's tabs and its «Guardar» (G was both «Seguimiento» and «Guardar»); in
Spanish and in English."""

from __future__ import annotations

import pytest

from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.main_window import MainWindow


def letter(text: str) -> str:
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].casefold() if at >= 0 else ""


def shared(texts: list[str]) -> list[str]:
    letters = [letter(t) for t in texts if letter(t)]
    return sorted({x for x in letters if letters.count(x) > 1})


@pytest.mark.parametrize("language", ["es", "en"])
def test_menus_and_reports_have_their_own_letters(qtbot, language, tmp_path):
    from cocrea_desktop.store.demo import create_demo

    qt_i18n.install(language)
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        assert window.open_path(create_demo(tmp_path / "demo.cocrea"))
        titles = [a.text() for a in window.menuBar().actions()]
        assert shared(titles) == [], titles
        for menu in (a.menu() for a in window.menuBar().actions()):
            entries = [a.text() for a in menu.actions() if a.text()]
            assert shared(entries) == [], entries  # the File menu shared P, R, M (I, T)
        reports = [a.text() for a in window.evidence.menu.actions() if a.text()]
        assert shared(reports) == [], reports
        plan = window.show_plan()
        tabs = [plan.tabs.tabText(i) for i in range(plan.tabs.count())]
        assert shared([*tabs, plan.save_button.text()]) == [], tabs
        plan.close()
        window.close()
    finally:
        qt_i18n.install("es")
