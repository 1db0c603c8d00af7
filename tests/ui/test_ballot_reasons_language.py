"""Why a ballot's entry does not count is said in the language in force, not in the
language of the moment the ballot was typed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from cocrea_desktop import i18n
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.views.session_screen import SessionScreen
from cocrea_desktop.ui.views.vote_panels import VotePanel
from tests.ui.helpers import type_text


def test_the_ballots_table_says_why_in_english_after_the_switch(qtbot, tmp_path):
    qt_i18n.install("es")
    repo = Repo.create(tmp_path / "agua.cocrea.db", name="Plan 2027", municipality="Cuicatlán",
                       state="Oaxaca")
    sid, _ = repo.add_session(method="nominal_group", question="¿Qué falta?")
    for i in range(1, 7):
        repo.ideas.add(sid, f"Idea {i}")
    screen = SessionScreen(repo, sid)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    try:
        while screen.phase.kind != "vote":
            qtbot.keyClick(screen, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
        panel = screen.panel()
        assert isinstance(panel, VotePanel)
        panel.entry.setFocus()
        type_text(qtbot, panel.entry, "4 1 4")
        qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
        model = panel.ballots_model
        column = [key for key, _title in model.COLUMNS].index("voids")
        spanish = model.index(0, column).data()
        assert "La idea 4 aparece dos veces en la boleta." in spanish
        i18n.set_language("en")
        english = model.index(0, column).data()
        assert "Idea 4 appears twice on the ballot." in english, english
        assert "aparece" not in english
        [ballot] = repo.votes.ballots(sid, screen.phase.vote_round)
        assert ballot.voids[0].reason == "Idea 4 appears twice on the ballot."
    finally:
        i18n.set_language("es")
        screen.close()
        repo.close()
