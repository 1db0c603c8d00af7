"""A whole community assembly run from the session screen, keyboard first: the agenda
typed with its rules, an item opened, speakers noted by name or number (a second round
that waits), F8 passing the floor with each speaker's clock, a proposal, F4 and the hand
count (a count larger than those present refused and nothing changed), the agreement,
the room view (the item, the speaker's time, the result), the acta panel and its PDF."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cocrea_desktop.export.room_state import room_state
from cocrea_desktop.methods.assembly.qt import ActaPanel, AgendaPanel, ItemsPanel
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.views.session_screen import SessionScreen
from tests.ui.helpers import type_text

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def errors(monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(ops, "show_error", lambda _parent, err: seen.append(err.message))
    return seen


@pytest.fixture
def screen(qtbot, repo):
    qt_i18n.install("es")
    sid, _c = repo.add_session(method="assembly", question="Asamblea de San Miguel",
                               participant_count=40, place="Cancha de la agencia")
    s = SessionScreen(repo, sid)
    qtbot.addWidget(s)
    s.show()
    qtbot.waitExposed(s)
    s.activateWindow()
    qtbot.waitUntil(s.isActiveWindow)
    yield s
    s.close()


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(), key, modifier)


def journal_size(repo) -> int:
    return repo.pf.conn.execute("SELECT COUNT(*) FROM journal").fetchone()[0]


def test_a_whole_assembly_from_the_session_screen(screen, qtbot, repo, fake_clock, errors,
                                                  tmp_path):
    sid = screen.session_id
    agenda = screen.panel()
    assert isinstance(agenda, AgendaPanel) and focused() is agenda.entry
    for title in ("Agua potable para el barrio de arriba", "Faena del camino"):
        type_text(qtbot, focused(), title)
        press(qtbot, Qt.Key.Key_Return)
    assert [i.title for i in repo.assembly.items(sid)] == [
        "Agua potable para el barrio de arriba", "Faena del camino"]
    agenda.minutes.setValue(2)
    agenda.quorum.setValue(21)
    qtbot.mouseClick(agenda.save_rules, Qt.MouseButton.LeftButton)
    assert repo.assembly.speaker_minutes(sid) == 2 and repo.assembly.quorum(sid) == 21
    assert "hay quórum" in agenda.present.text()

    press(qtbot, Qt.Key.Key_Right, ALT)
    items = screen.panel()
    assert isinstance(items, ItemsPanel) and screen.phase.key == "items"
    assert not items.name.isEnabled()
    qtbot.mouseClick(items.open_button, Qt.MouseButton.LeftButton)
    assert items.heading.text().startswith("Punto 1: Agua potable")
    items.name.setFocus()
    type_text(qtbot, focused(), "Doña Rosa")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, focused(), "Ejidatarias")
    press(qtbot, Qt.Key.Key_Return)
    items.name.setFocus()
    press(qtbot, Qt.Key.Key_Return)  # no name: a number
    type_text(qtbot, items.name, "Doña Rosa")
    qtbot.keyClick(items.name, Qt.Key.Key_Return)  # her second turn waits for the round
    assert [s.speaking_round for s in repo.assembly.queue(sid)] == [1, 1, 2]
    assert items.speakers_model.rowCount() == 3
    assert "siguen 3 (1 en segunda ronda)" in items.queue_line.text()

    press(qtbot, Qt.Key.Key_F8)
    first = repo.assembly.current_speaker(sid)
    assert first.name == "Doña Rosa" and items.timer.speaker.id == first.id
    assert "Turno 1" in items.timer.caption.text()
    state = room_state(repo, sid)
    assert state.question == "Punto 1: Agua potable para el barrio de arriba"
    assert state.timer_seconds == pytest.approx(120)
    assert "Doña Rosa" not in repr(state)  # numbers on the projector, never names
    fake_clock.advance(130)
    items.timer.tick()
    assert items.time_up.isVisible()
    press(qtbot, Qt.Key.Key_F8)
    assert repo.assembly.current_speaker(sid).position == 2
    fake_clock.advance(60)
    press(qtbot, Qt.Key.Key_F8)
    fake_clock.advance(30)
    press(qtbot, Qt.Key.Key_F8)
    assert repo.assembly.current_speaker(sid) is None
    assert "Por sexo" in items.share.text() and "Doña Rosa" not in items.share.text()

    items.proposal_entry.setFocus()
    type_text(qtbot, focused(), "Cooperación de 100 pesos por familia")
    press(qtbot, Qt.Key.Key_Return)
    assert items.proposals_model.rowCount() == 1
    assert items.count_box.title() == "Conteo de la propuesta 1 (F4)"
    press(qtbot, Qt.Key.Key_F4)
    assert focused() is items.votes_for
    items.votes_for.setValue(30)
    items.votes_against.setValue(8)
    items.abstentions.setValue(5)
    items.present.setValue(40)
    before = journal_size(repo)
    type_text(qtbot, items.counter, "Comité de vigilancia")
    qtbot.mouseClick(items.vote_button, Qt.MouseButton.LeftButton)
    assert errors and "suman 43" in errors[-1] and journal_size(repo) == before
    items.votes_for.setValue(27)
    qtbot.mouseClick(items.vote_button, Qt.MouseButton.LeftButton)
    vote = repo.assembly.last_vote(repo.assembly.proposals(sid)[0].id)
    assert vote.outcome == "approved" and vote.present == 40
    assert "Aprobada" in items.proposals_model.index(0, 2).data()
    state = room_state(repo, sid)
    assert "Aprobada" in state.items[0].note
    qtbot.mouseClick(items.agree_button, Qt.MouseButton.LeftButton)
    assert "Acuerdo 1" in items.agreements.text()
    qtbot.mouseClick(items.close_button, Qt.MouseButton.LeftButton)
    assert repo.assembly.current_item(sid) is None

    repo.phases.go_to(sid, "acta")
    screen.reload_phase()
    acta = screen.panel()
    assert isinstance(acta, ActaPanel)
    text = acta.text.toPlainText()
    assert "Acuerdo 1: Cooperación de 100 pesos" in text and "Doña Rosa" not in text
    target = tmp_path / "acta.pdf"
    acta.choose_path = lambda: str(target)
    qtbot.mouseClick(acta.save_pdf, Qt.MouseButton.LeftButton)
    pdf = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Acta de asamblea" in pdf and "27 a favor" in pdf and "Doña Rosa" not in pdf
    qtbot.mouseClick(acta.forget, Qt.MouseButton.LeftButton)
    assert not any(s.name for s in repo.assembly.all_speakers(sid))
