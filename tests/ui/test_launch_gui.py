"""A launch of the PAL run from the session screen: the attendance counts shown, the
agenda typed (Enter saves), F8 starting each item with its own clock (the room sees the
item and its time), a bad number of minutes refused with nothing changed, the plan
presented with F8/F7 (the room view shows the commitment), who signed, the closing note,
the acta PDF read back; and the same screens in English."""

from __future__ import annotations

import time

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cocrea_desktop.core.clock import FakeClock
from cocrea_desktop.export.room_state import room_state
from cocrea_desktop.methods.launch.qt import (
    AgendaPanel,
    AttendancePanel,
    ClosingPanel,
    PlanPanel,
)
from cocrea_desktop.store.demo import create_demo
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.views.session_screen import SessionScreen
from tests.ui.helpers import type_text


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    return create_demo(tmp_path_factory.mktemp("launch-gui") / "demo.cocrea.db")


@pytest.fixture
def errors(monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(ops, "show_error", lambda _parent, err: seen.append(err.message))
    return seen


@pytest.fixture
def screen(qtbot, demo_file, tmp_path):
    qt_i18n.install("es")
    path = tmp_path / "demo.cocrea.db"
    path.write_bytes(demo_file.read_bytes())
    repo = Repo.open(path, clock=FakeClock(time.time()))
    sid, _c = repo.add_session(method="launch", question="Lanzamiento del PAL",
                               participant_count=90, place="Cancha municipal")
    repo.attendance.set_counts(sid, "sex", {"mujer": 48, "hombre": 42})
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


def next_phase(qtbot, screen):
    press(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(10)


def test_a_whole_launch_from_the_session_screen(screen, qtbot, errors, tmp_path):
    repo, sid = screen.repo, screen.session_id
    attendance = screen.panel()
    assert isinstance(attendance, AttendancePanel)
    assert "Asistentes: 90" in attendance.counts.text()
    assert "Sexo: Mujer (48), Hombre (42)" in attendance.counts.text()
    next_phase(qtbot, screen)

    agenda = screen.panel()
    assert isinstance(agenda, AgendaPanel) and QApplication.focusWidget() is agenda.entry
    type_text(qtbot, agenda.entry, "Bienvenida")
    type_text(qtbot, agenda.presenter, "Presidenta municipal")
    agenda.minutes.setValue(5)
    agenda.entry.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, agenda.entry, "Presentación de los compromisos")
    agenda.minutes.setValue(20)
    qtbot.mouseClick(agenda.add_button, Qt.MouseButton.LeftButton)
    assert [(i.title, i.presenter, i.minutes) for i in repo.launch.items(sid)] == [
        ("Bienvenida", "Presidenta municipal", 5), ("Presentación de los compromisos", "", 20)]
    assert agenda.model.rowCount() == 2
    # F8: the first item starts, with its own five-minute clock
    press(qtbot, Qt.Key.Key_F8)
    assert repo.launch.current_item(sid).number == 1
    assert agenda.timer.item.number == 1 and agenda.timer.display.text() == "05:00"
    assert screen.active_timer() is agenda.timer
    assert "En curso: 1. Bienvenida" in agenda.current.text()
    assert room_state(repo, sid).timer_state == "running"
    repo.pf.clock.advance(6 * 60)
    press(qtbot, Qt.Key.Key_F8)
    assert repo.launch.current_item(sid).number == 2
    assert agenda.timer.display.text() == "20:00"
    qtbot.mouseClick(agenda.close_button, Qt.MouseButton.LeftButton)
    assert repo.launch.current_item(sid) is None and not errors
    press(qtbot, Qt.Key.Key_F8)  # nothing left: a Spanish message, nothing changed
    assert errors == ["No quedan puntos por tratar en el orden del día."]
    next_phase(qtbot, screen)

    plan = screen.panel()
    assert isinstance(plan, PlanPanel) and plan.model.rowCount() == 4
    assert plan.warning.isVisible() and "versión final" in plan.warning.text()
    press(qtbot, Qt.Key.Key_F8)
    press(qtbot, Qt.Key.Key_F8)
    assert repo.launch.shown(sid).label == "2"
    assert "Compromiso 2: Tablero ciudadano de obras" in plan.preview.toPlainText()
    assert "31 de octubre de 2027" in plan.preview.toPlainText()
    assert room_state(repo, sid).phase == "Compromiso 2: Tablero ciudadano de obras"
    press(qtbot, Qt.Key.Key_F7)
    assert repo.launch.shown(sid).label == "1"
    plan.table.selectRow(2)
    qtbot.mouseClick(plan.show_button, Qt.MouseButton.LeftButton)
    assert repo.launch.shown(sid).label == "3"
    assert plan.model.data(plan.model.index(2, 4)) == "en pantalla"
    next_phase(qtbot, screen)

    closing = screen.panel()
    assert isinstance(closing, ClosingPanel)
    type_text(qtbot, closing.name, "Rosa Martínez Cruz")
    type_text(qtbot, closing.post, "Presidenta municipal")
    closing.name.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, closing.name, "Mtra. Elena Vásquez Ortiz")
    closing.signed.setChecked(False)
    qtbot.mouseClick(closing.add_button, Qt.MouseButton.LeftButton)
    assert [(s.name, s.signed) for s in repo.launch.signatures(sid)] == [
        ("Rosa Martínez Cruz", True), ("Mtra. Elena Vásquez Ortiz", False)]
    closing.note.setPlainText("El plan se firmó a las 12:40.")
    qtbot.mouseClick(closing.save_note, Qt.MouseButton.LeftButton)
    assert repo.launch.closing_note(sid) == "El plan se firmó a las 12:40."
    assert "asistió sin firmar" in closing.text.toPlainText()
    target = tmp_path / "acta.pdf"
    closing.choose_path = lambda: str(target)
    qtbot.mouseClick(closing.save_pdf, Qt.MouseButton.LeftButton)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(target).pages).split())
    for expected in ("Asistentes: 90", "1. Bienvenida — presenta: Presidenta municipal — 5 "
                     "min (duró 6:00 min)", "Compromiso 3: Consejo juvenil de participación",
                     "Rosa Martínez Cruz, Presidenta municipal — firmó",
                     "El plan se firmó a las 12:40."):
        assert expected in text, expected
    assert "Acta guardada en" in closing.saved.text()


def test_the_launch_screens_in_english(screen, qtbot):
    repo, sid = screen.repo, screen.session_id
    repo.launch.add_item(sid, "Bienvenida", minutes=5)
    qt_i18n.install("en")
    qtbot.wait(10)
    attendance = screen.panel()
    assert attendance.title.text() == "Attendance"
    assert "Attendees: 90" in attendance.counts.text()
    repo.phases.go_to(sid, "agenda")
    screen.reload_phase()
    agenda = screen.panel()
    assert agenda.next_button.text() == "Start the next item (F8)"
    assert agenda.model.headerData(2, Qt.Orientation.Horizontal) == "Presented by"
    repo.phases.go_to(sid, "plan")
    screen.reload_phase()
    screen.panel().step(1)
    assert room_state(repo, sid).items_title == "Milestones and dates · commitment 1 of 4"
    assert "What it solves:" in screen.panel().preview.toPlainText()
