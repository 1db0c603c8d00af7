"""A follow-up meeting run from the session screen: the attendance counts, the cut-off
date typed dd/mm/aaaa (a wrong date refused, nothing changed), the milestones due with
their status and progress (on screen and in the room view), the review recorded, an
agreement that moves a milestone on in the plan's follow-up, a general one, the closing
note and the acta PDF read back; and the same screens in English."""

from __future__ import annotations

import time

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cocrea_desktop.core.clock import FakeClock
from cocrea_desktop.export.room_state import room_state
from cocrea_desktop.methods.followup_meeting.qt import (
    AgreementsPanel,
    AttendancePanel,
    ClosingPanel,
    ReviewPanel,
)
from cocrea_desktop.store.demo import create_demo
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui import qt_i18n
from tests.ui.helpers import type_text


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    return create_demo(tmp_path_factory.mktemp("meeting-gui") / "demo.cocrea.db")


@pytest.fixture
def errors(monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(ops, "show_error", lambda _parent, err: seen.append(err.message))
    return seen


@pytest.fixture
def screen(qtbot, demo_file, tmp_path):
    from cocrea_desktop.ui.views.session_screen import SessionScreen

    qt_i18n.install("es")
    path = tmp_path / "demo.cocrea.db"
    path.write_bytes(demo_file.read_bytes())
    repo = Repo.open(path, clock=FakeClock(time.time()))
    sid, _c = repo.add_session(method="followup_meeting", question="Seguimiento del PAL",
                               date="2027-12-01", participant_count=9)
    repo.attendance.set_counts(sid, "sex", {"mujer": 5, "hombre": 4})
    s = SessionScreen(repo, sid)
    qtbot.addWidget(s)
    s.show()
    qtbot.waitExposed(s)
    s.activateWindow()
    qtbot.waitUntil(s.isActiveWindow)
    yield s
    s.close()
    repo.close()
    qt_i18n.install("es")


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def next_phase(qtbot):
    press(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(10)


def journal(repo) -> int:
    return repo.pf.conn.execute("SELECT COUNT(*) FROM journal").fetchone()[0]


def test_a_whole_follow_up_meeting_from_the_session_screen(screen, qtbot, errors, tmp_path):
    repo, sid = screen.repo, screen.session_id
    attendance = screen.panel()
    assert isinstance(attendance, AttendancePanel)
    assert "Asistentes: 9" in attendance.counts.text()
    next_phase(qtbot)

    review = screen.panel()
    assert isinstance(review, ReviewPanel)
    assert review.cutoff.text() == "01/12/2027"
    assert [r.label for r in review.model.rows()] == ["2.1", "3.1"]
    before = journal(repo)
    review.cutoff.setFocus()
    review.cutoff.selectAll()
    type_text(qtbot, review.cutoff, "31/02/2028")
    press(qtbot, Qt.Key.Key_Return)
    assert errors and "no es válida" in errors[-1] and journal(repo) == before
    review.cutoff.selectAll()
    type_text(qtbot, review.cutoff, "29/02/2028")
    press(qtbot, Qt.Key.Key_Return)
    assert repo.followup_meeting.cutoff(sid) == "2028-02-29"
    assert review.cutoff_words.text() == "29 de febrero de 2028"
    model = review.model
    assert [r.label for r in model.rows()] == ["2.1", "3.1", "3.2"]
    assert model.data(model.index(0, 4)) == "atrasado" and model.data(model.index(0, 5)) == \
        "60 %"
    assert "Revíselos con la sala" in review.state.text()
    state = room_state(repo, sid)
    assert state.question == "Hitos que vencen al 29 de febrero de 2028"
    assert [i.number for i in state.items] == ["2.1", "3.1", "3.2"]
    qtbot.mouseClick(review.record_button, Qt.MouseButton.LeftButton)
    assert len(repo.followup_meeting.recorded(sid)) == 3
    assert review.state.text().startswith("Revisión registrada: 3 hitos")
    next_phase(qtbot)

    agreements = screen.panel()
    assert isinstance(agreements, AgreementsPanel)
    assert QApplication.focusWidget() is agreements.entry
    assert [agreements.milestone.itemData(i) for i in range(agreements.milestone.count())] \
        == ["", "2.1", "3.1", "3.2"]
    agreements.milestone.setCurrentIndex(1)
    type_text(qtbot, agreements.responsible, "Tesorería Municipal")
    type_text(qtbot, agreements.due, "15/03/2028")
    agreements.status.setCurrentIndex(agreements.status.findData("in_progress"))
    agreements.percent.setValue(80)
    type_text(qtbot, agreements.entry, "Visitar las agencias que faltan")
    agreements.entry.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    first = repo.followup_meeting.agreements(sid)[0]
    assert (first.label, first.responsible, first.due_date, first.new_status,
            first.new_percent) == ("2.1", "Tesorería Municipal", "2028-03-15",
                                   "in_progress", 80)
    assert repo.followup.state("2.1").percent == 80
    assert agreements.message.text() == "Acuerdo 1 anotado."
    type_text(qtbot, agreements.entry, "Próxima reunión en mayo")
    press(qtbot, Qt.Key.Key_Return)
    assert [a.label for a in repo.followup_meeting.agreements(sid)] == ["2.1", ""]
    assert agreements.model.rowCount() == 2
    # a milestone done at 50 %: refused, nothing recorded
    before = journal(repo)
    agreements.milestone.setCurrentIndex(2)
    agreements.status.setCurrentIndex(agreements.status.findData("done"))
    agreements.percent.setValue(50)
    type_text(qtbot, agreements.entry, "Ya quedó")
    press(qtbot, Qt.Key.Key_Return)
    assert errors[-1] == "Un hito cumplido va al 100 %." and journal(repo) == before
    assert [i.text for i in room_state(repo, sid).items] == [
        "Visitar las agencias que faltan", "Próxima reunión en mayo"]
    next_phase(qtbot)

    closing = screen.panel()
    assert isinstance(closing, ClosingPanel)
    closing.note.setPlainText("Se levanta la sesión a las 19:00.")
    qtbot.mouseClick(closing.save_note, Qt.MouseButton.LeftButton)
    assert repo.followup_meeting.closing_note(sid) == "Se levanta la sesión a las 19:00."
    target = tmp_path / "acta.pdf"
    closing.choose_path = lambda: str(target)
    qtbot.mouseClick(closing.save_pdf, Qt.MouseButton.LeftButton)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(target).pages).split())
    for expected in ("Acta de la reunión de seguimiento del PAL", "Asistentes: 9",
                     "Hito 2.1: Formato único de expediente de obra acordado con los comités "
                     "— atrasado · 60 %", "Acuerdo 1 (hito 2.1): Visitar las agencias que "
                     "faltan", "nuevo estado: en proceso, 80 %", "Acuerdo 2 (general)",
                     "Se levanta la sesión a las 19:00."):
        assert expected in text, expected


def test_the_meeting_screens_in_english(screen, qtbot):
    repo, sid = screen.repo, screen.session_id
    qt_i18n.install("en")
    qtbot.wait(10)
    repo.phases.go_to(sid, "review")
    screen.reload_phase()
    review = screen.panel()
    assert review.title.text() == "Milestone review"
    assert review.cutoff_words.text() == "December 1, 2027"
    assert review.model.data(review.model.index(0, 4)) == "late"
    state = room_state(repo, sid)
    assert state.question == "Milestones due by December 1, 2027"
    assert state.items[0].note.startswith("late · 60 % · due October 31, 2027")
