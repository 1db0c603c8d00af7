"""The «Plan de Acción Local» window as people use it: dates typed and shown as dd/mm/aaaa
(mm/dd/yyyy in English) and stored as ISO, the first commitment open on arrival, long text
showing its beginning with the whole text as a tooltip, and the keyboard path (Ctrl+Shift+L
to open, Ctrl+Shift+H to add a milestone, Ctrl+S to save, Esc and Ctrl+W to close)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.main_window import MainWindow
from tests.store.pal_helpers import merged_process
from tests.store.pal_helpers import plan as make_plan

LONG_NOTE = ("Cada hito tiene un producto que cualquiera puede pedir y revisar; "
             "cada hito deja un documento verificable.")


@pytest.fixture
def errors(monkeypatch):
    from cocrea_desktop.ui import operations as ops

    seen: list[str] = []
    monkeypatch.setattr(ops, "show_error", lambda _parent, err: seen.append(err.message))
    return seen


@pytest.fixture
def window(qtbot, tmp_path):
    qt_i18n.install("es")
    office = merged_process(tmp_path)
    ids = make_plan(office)
    office.commitments.set_smart(ids["water"], "measurable", True, LONG_NOTE)
    path = office.path
    office.close()
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_path(path)
    w.resize(1024, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    qt_i18n.install("es")


def open_plan(window, qtbot):
    window.act_plan.trigger()
    plan = window.plan_window
    qtbot.waitExposed(plan)
    return plan


def activate(window) -> None:
    """Make the window the active one (the offscreen platform does not on its own), so
    that its shortcuts answer."""
    import warnings

    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.setActiveWindow(window)


def column(table, col):
    return [table.item(r, col).text() for r in range(table.rowCount())]


def test_dates_typed_and_shown_as_people_write_them(window, qtbot, errors):
    plan = open_plan(window, qtbot)
    repo = window.repo
    assert plan.field_labels["start_date"].text() == "&Inicio (dd/mm/aaaa):"
    assert plan.fields["start_date"].text() == "01/07/2027"
    assert plan.fields["end_date"].text() == "30/06/2029"
    assert column(plan.milestones, 3) == ["31/10/2027", "15/12/2028"]
    assert "dd/mm/aaaa" in plan.milestones.horizontalHeaderItem(3).text()
    assert column(plan.members, 4)[0] == "15/01/2027 — …"
    assert column(plan.decisions, 1)[:2] == ["01/02/2027", "10/05/2027"]
    trace = [plan.trace.item(i).text() for i in range(plan.trace.count())]
    assert not any("2027-" in t for t in trace)
    assert plan.m_start.placeholderText() == "Inicio (dd/mm/aaaa)"
    # Typed as dd/mm/aaaa, stored as ISO.
    c = plan.commitment()
    plan.fields["end_date"].setText("31/05/2029")
    plan.milestones.item(0, 3).setText("30/11/2027")
    plan.save()
    assert errors == []
    saved = repo.commitments.get(c.id)
    assert saved.end_date == "2029-05-31" and saved.milestones[0].due_date == "2027-11-30"
    assert plan.fields["end_date"].text() == "31/05/2029"
    # A bad date says how to write it and changes nothing.
    head = repo.pf.journal_head()
    plan.fields["end_date"].setText("31/02/2029")
    plan.save()
    assert errors and "dd/mm/aaaa" in errors[-1] and repo.pf.journal_head() == head
    # English shows and reads the English form.
    qt_i18n.install("en")
    plan.show_current()
    assert plan.fields["start_date"].text() == "07/01/2027"
    assert "mm/dd/yyyy" in plan.field_labels["start_date"].text()
    assert column(plan.milestones, 3)[1] == "12/15/2028"
    plan.fields["end_date"].setText("06/30/2029")
    plan.save()
    assert repo.commitments.get(c.id).end_date == "2029-06-30"


def test_opens_on_the_first_commitment_and_long_text_shows_its_start(window, qtbot):
    plan = open_plan(window, qtbot)
    first = window.repo.commitments.list()[0]
    assert plan.list.currentRow() == 0 and plan.current_id == first.id
    assert plan.fields["name"].text() == first.name
    note = plan.smart_notes["measurable"]
    assert note.text() == LONG_NOTE and note.cursorPosition() == 0
    assert note.toolTip() == LONG_NOTE
    agency = plan.fields["lead_agency"].lineEdit()
    assert agency.text() == "Dirección de Obras Públicas" and agency.cursorPosition() == 0
    assert agency.toolTip() == "Dirección de Obras Públicas"
    for key in ("name", "responsible", "other_actors"):
        edit = plan.fields[key]
        assert edit.cursorPosition() == 0 and edit.toolTip() == edit.text()
    # The notes have room: most of a typical note is visible at 1366x768.
    plan.resize(1366, 740)
    qtbot.wait(20)
    assert note.width() >= 240


def test_the_keyboard_path(window, qtbot, errors):
    activate(window)
    qtbot.keyClick(window, Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    plan = window.plan_window
    assert plan is not None
    qtbot.waitExposed(plan)
    activate(plan)
    rows = plan.milestones.rowCount()
    qtbot.keyClick(plan.fields["name"], Qt.Key.Key_H,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert plan.milestones.rowCount() == rows + 1
    assert plan.milestones.currentRow() == rows
    plan.milestones.item(rows, 0).setText("Informe final")
    plan.milestones.setItem(rows, 3, type(plan.milestones.item(rows, 0))("30/04/2029"))
    qtbot.keyClick(plan.fields["name"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert errors == []
    stones = window.repo.commitments.get(plan.current_id).milestones
    assert stones[-1].description == "Informe final" and stones[-1].due_date == "2029-04-30"
    qtbot.keyClick(plan.fields["name"], Qt.Key.Key_Escape)
    assert not plan.isVisible()
    window.act_plan.trigger()
    qtbot.waitExposed(plan)
    activate(plan)
    qtbot.keyClick(plan.fields["name"], Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not plan.isVisible()
