"""The toy method of tests/toy_method runs through the session screen and the room view as a
facilitator would run it, keyboard only, with no line of the program written for it: its
panel comes from its own qt module, its vote is the generic vote panel on the options the
toy itself names, and the room's results say those colours."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.views.session_screen import SessionScreen
from cocrea_desktop.ui.views.vote_panels import VotePanel
from tests import toy_method
from tests.ui.helpers import type_text

ALT = Qt.KeyboardModifier.AltModifier
COLOURS = ["Azul cielo", "Verde", "Amarillo"]


@pytest.fixture
def toy():
    method = toy_method.install()
    yield method
    toy_method.uninstall()


def focused():
    return QApplication.focusWidget()


def type_line(qtbot, text: str) -> None:
    type_text(qtbot, focused(), text)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


def room_texts(room) -> list[str]:
    texts = []
    for _page in range(room.page_count()):
        texts += [b.text for b in room.layout_blocks()]
        room.next_page()
    return texts


def test_the_toy_method_runs_in_the_session_screen_and_the_room(qtbot, tmp_path, toy):
    qt_i18n.install("es")
    path = tmp_path / "colores.cocrea.db"
    repo = Repo.create(path, name="Plan de prueba", municipality="Teotitlán", state="Oaxaca",
                       period="2027", responsible_body="STL")
    sid, _c = repo.add_session(method=toy.key, question="¿De qué color pintamos la escuela?",
                               participant_count=4)
    screen = SessionScreen(repo, sid)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    try:
        # 1. Colours: the toy's own panel, from its own package; the cursor is in its line.
        panel = screen.panel()
        assert type(panel).__module__ == "tests.toy_method.qt"
        assert focused() is panel.entry
        for colour in COLOURS:
            type_line(qtbot, colour)
        assert [(c.number, c.name) for c in repo.toy.colours(sid)] == \
            [(1, "Azul cielo"), (2, "Verde"), (3, "Amarillo")]
        assert [panel.list.item(i).text() for i in range(panel.list.count())] == \
            ["1. Azul cielo", "2. Verde", "3. Amarillo"]
        assert panel.entry.text() == ""

        # 2. The vote: the generic dots panel, on the toy's colours; ballots typed.
        qtbot.keyClick(focused(), Qt.Key.Key_Right, ALT)
        assert screen.phase.key == "vote"
        vote = screen.panel()
        assert isinstance(vote, VotePanel)
        for box, value in ((vote.dots, "2"), (vote.cap, "2")):
            box.setFocus()
            box.selectAll()
            qtbot.keyClicks(box, value)
        vote.entry.setFocus()
        for ballot in ("1 1", "1 2", "3 1", "2 1"):
            type_line(qtbot, ballot)
        result = repo.votes.tally(sid, "vote")
        assert [(r.option, r.dots, r.voters) for r in result.rows][0] == (1, 5, 4)
        assert {r.option: r.dots for r in result.rows} == {1: 5, 2: 2, 3: 1}

        # 3. The room view (F9): its results name the colours, never "Idea 1".
        screen.activateWindow()
        qtbot.waitUntil(screen.isActiveWindow)
        qtbot.keyClick(screen, Qt.Key.Key_F9)
        room = screen.room
        assert room is not None and room.isVisible()
        qtbot.addWidget(room)
        shown = room_texts(room)
        for colour in COLOURS:
            assert any(colour in text for text in shown), (colour, shown)
        assert not any(text.startswith("Idea ") for text in shown), shown
        qtbot.keyClick(screen, Qt.Key.Key_F9)
        assert not room.isVisible()
    finally:
        screen.close()
        repo.close()
    # The file on disk holds the colours and the ballots (a real file, reopened).
    with Repo.open(path) as again:
        assert [c.name for c in again.toy.colours(sid)] == COLOURS
        assert len(again.votes.ballots(sid, "vote")) == 4
