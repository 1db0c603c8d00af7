"""The «Plan de Acción Local» window on a merged multi-table process, driven through the
real widgets: STL members added, a decision recorded with positions, a commitment drafted
from two tables' proposals with milestones, the SMART panel ticked, the origin links
opening the proposal and the session, the PAL written as PDF and DOCX and read back; bad
input shown in Spanish with nothing changed; every word shown at 1024x768 in ES and EN."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem

from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.main_window import MainWindow
from tests.store.pal_helpers import merged_process
from tests.ui.helpers import type_text


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
    office.commitments.add_agency("Dirección de Obras Públicas")
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


def open_plan(window, qtbot):
    window.act_plan.trigger()
    plan = window.plan_window
    qtbot.waitExposed(plan)
    return plan


def test_a_plan_through_the_window(window, qtbot, errors, tmp_path):
    assert window.act_plan.shortcut().toString() == "Ctrl+Shift+L"
    plan = open_plan(window, qtbot)
    repo: Repo = window.repo
    # STL members.
    plan.tabs.setCurrentIndex(1)
    for name, sector in (("Rosa Martínez", 0), ("Juan Pérez", 1), ("Elena Cruz", 2)):
        type_text(qtbot, plan.m_name, name)
        plan.m_sector.setCurrentIndex(sector)
        plan.m_start.setText("2027-01-10")
        qtbot.mouseClick(plan.m_add, Qt.MouseButton.LeftButton)
    assert errors == [] and plan.members.rowCount() == 3
    # A commitment from two tables' proposals, with milestones.
    plan.tabs.setCurrentIndex(0)
    qtbot.mouseClick(plan.new_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, plan.fields["name"], "Agua potable para todos")
    plan.fields["start_date"].setText("2027-07-01")
    plan.fields["end_date"].setText("2029-06-30")
    plan.fields["lead_agency"].setCurrentText("Dirección de Obras Públicas")
    plan.pillar_boxes["transparency"].click()
    plan.proposals_edit.setText("1, mesa-2 · 1")
    qtbot.mouseClick(plan.add_row, Qt.MouseButton.LeftButton)
    for col, text in enumerate(("Diagnóstico", "Informe publicado", "Obras", "2027-10-31")):
        plan.milestones.setItem(0, col, QTableWidgetItem(text))
    qtbot.mouseClick(plan.save_button, Qt.MouseButton.LeftButton)
    assert errors == []
    [c] = repo.commitments.list()
    assert c.proposals and len(c.proposals) == 2 and c.milestones[0].output == "Informe publicado"
    assert plan.list.count() == 1 and plan.current_id == c.id
    # SMART panel.
    plan.smart_notes["specific"].setText("Dice qué se hará")
    plan.smart_boxes["specific"].click()
    assert repo.commitments.get(c.id).smart["specific"] == {"ok": True,
                                                            "note": "Dice qué se hará"}
    assert "Sin marcar en SMART" in plan.findings.text()
    # Origin links open the proposal and the session.
    kinds = [plan.trace.item(i).data(Qt.ItemDataRole.UserRole).kind
             for i in range(plan.trace.count())]
    assert kinds.count("proposal") == 2 and kinds.count("session") == 2
    plan.follow(plan.trace.item(kinds.index("proposal")))
    proposals = window.proposals_window
    assert proposals is not None and proposals.isVisible()
    assert [p.id for p in proposals.chosen()] == [c.proposals[0]]
    session_link = plan.trace.item(kinds.index("session")).data(Qt.ItemDataRole.UserRole)
    plan.follow(plan.trace.item(kinds.index("session")))
    assert window.current_session_id() == session_link.session_id
    # A decision by consensus, its minutes and the PAL.
    plan.tabs.setCurrentIndex(2)
    plan.d_date.setText("2027-02-01")
    type_text(qtbot, plan.d_item, "Estrategia de participación")
    plan.d_kind.setCurrentIndex(plan.d_kind.findData("participation_strategy"))
    for r in range(3):
        plan.present.item(r, 0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(plan.d_record, Qt.MouseButton.LeftButton)
    assert errors == [] and plan.decisions.rowCount() == 1
    assert repo.stl.decisions()[0].approved
    plan.decisions.selectRow(0)
    minutes = plan.write_minutes(str(tmp_path / "acta.pdf"))
    from pypdf import PdfReader

    assert "Estrategia de participación" in PdfReader(str(minutes)).pages[0].extract_text()
    pdf = plan.write_pal(".pdf", str(tmp_path / "PAL.pdf"))
    text = " ".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "Agua potable para todos" in text and "Rosa Martínez" in text
    import docx

    document = docx.Document(str(plan.write_pal(".docx", str(tmp_path / "PAL.docx"))))
    assert any(p.text == "Compromiso 1. Agua potable para todos" for p in document.paragraphs)
    # Undo from the main window takes the decision back.
    window.act_undo.trigger()
    assert plan.decisions.rowCount() == 0


def test_bad_input_in_the_window_says_why_and_changes_nothing(window, qtbot, errors):
    plan = open_plan(window, qtbot)
    repo = window.repo
    head = repo.pf.journal_head()
    qtbot.mouseClick(plan.new_button, Qt.MouseButton.LeftButton)
    plan.fields["name"].setText("Sin origen")
    plan.save()
    plan.office_reason = plan.fields["office_reason"]
    plan.fields["office_reason"].setText("Acuerdo de cabildo")
    plan.fields["lead_agency"].setCurrentText("Secretaría Inventada")
    plan.save()
    plan.fields["lead_agency"].setCurrentText("")
    plan.add_agency()  # an empty name is refused too
    plan.fields["start_date"].setText("2029-01-01")
    plan.fields["end_date"].setText("2027-01-01")
    plan.save()
    assert [e.split(";")[0].split(" (")[0][:30] for e in errors] == [
        "Un compromiso sale de una o má", "La dependencia «Secretaría Inv",
        "Escriba el nombre de la depend", "La fecha de fin"]
    assert repo.pf.journal_head() == head and repo.commitments.list() == []
    plan.fields["lead_agency"].setCurrentText("Secretaría de Bienestar")
    plan.add_agency()
    assert "Secretaría de Bienestar" in repo.commitments.agencies()
    assert plan.fields["lead_agency"].findText("Secretaría de Bienestar") >= 0


@pytest.mark.parametrize("language", ["es", "en"])
def test_every_word_fits_at_1024(window, qtbot, language):
    qt_i18n.install(language)
    plan = open_plan(window, qtbot)
    plan.resize(1024, 740)
    for index in range(plan.tabs.count()):
        plan.tabs.setCurrentIndex(index)
        qtbot.wait(10)
        assert plan.tabs.tabText(index)
    for button in (plan.save_button, plan.new_button, plan.m_add, plan.d_record,
                   plan.pal_pdf, plan.pal_docx, plan.minutes_button):
        assert button.text()
        assert button.sizeHint().width() <= max(button.width(), button.sizeHint().width())
    assert plan.width() <= 1024
    qt_i18n.install("es")


def test_versions_side_by_side_and_a_member_leaves(window, qtbot, errors):
    from tests.store.pal_helpers import plan as make_plan

    repo = window.repo
    ids = make_plan(repo)
    plan = open_plan(window, qtbot)
    plan.list.setCurrentRow(0)
    plan.tabs.setCurrentIndex(3)
    plan.advance_decision.setCurrentIndex(plan.advance_decision.findData(ids["ready"]))
    assert plan.approve_button.isEnabled() and not plan.final_button.isEnabled()
    qtbot.mouseClick(plan.approve_button, Qt.MouseButton.LeftButton)
    assert errors == [] and repo.commitments.get(ids["water"]).stage == "approved"
    headers = [plan.versions.horizontalHeaderItem(i).text()
               for i in range(plan.versions.columnCount())]
    assert headers == ["Campo", "A consulta", "Aprobado", "Actual"]
    plan.tabs.setCurrentIndex(1)
    plan.members.selectRow(1)
    plan.m_end.setText("2027-01-01")
    qtbot.mouseClick(plan.m_end_button, Qt.MouseButton.LeftButton)
    assert errors and "anterior" in errors[-1]
    plan.m_end.setText("2027-12-31")
    qtbot.mouseClick(plan.m_end_button, Qt.MouseButton.LeftButton)
    assert repo.stl.members()[1].end_date == "2027-12-31"


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_milestone_headers_are_whole_and_the_counts_agree_in_number(window, qtbot,
                                                                       language):
    """The walk: "Producto verificable" read "oducto verificab" (a 100-pixel column), and
    the status line said "1 compromisos"."""
    from PySide6.QtGui import QFontMetrics

    qt_i18n.install(language)
    try:
        window.repo.commitments.add("Agua potable para todas las colonias",
                                    office_reason="Lo pidió el cabildo")
        plan = open_plan(window, qtbot)
        plan.resize(1024, 740)
        plan.refresh()
        qtbot.wait(10)
        header = plan.milestones.horizontalHeader()
        metrics = QFontMetrics(header.font())
        for column in range(plan.milestones.columnCount()):
            text = plan.milestones.horizontalHeaderItem(column).text()
            for line in text.split("\n"):  # two words go on two lines
                assert metrics.horizontalAdvance(line) + 6 <= header.sectionSize(column), (
                    line, [header.sectionSize(c) for c in range(header.count())])
        assert plan.status.text().startswith(
            "1 compromiso · " if language == "es" else "1 commitment · ")
    finally:
        qt_i18n.install("es")


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_consultation_dates_are_wide_enough_to_read_at_1024(window, qtbot, language):
    """The walk: in English at 1024 the start and end fields of a new consultation were
    40 pixels wide and showed "m…"."""
    qt_i18n.install(language)
    try:
        plan = open_plan(window, qtbot)
        plan.resize(1024, 740)
        page = plan.consultation
        plan.tabs.setCurrentIndex(next(
            i for i in range(plan.tabs.count())
            if plan.tabs.widget(i) is page or plan.tabs.widget(i).isAncestorOf(page)))
        qtbot.wait(20)
        assert page.opening.isVisible()
        for field in (page.o_start, page.o_end):
            assert field.width() >= field.fontMetrics().horizontalAdvance("00/00/0000")
        assert page.open_button.isVisible()
        right = page.open_button.mapTo(plan, page.open_button.rect().topRight()).x()
        assert right <= plan.width()
    finally:
        qt_i18n.install("es")
