"""The «Consulta pública» tab of the Plan de Acción window, driven through the real widgets:
the consultation opened, comments typed fast (Enter saves and clears), the unanswered
filter, a response without its reason refused in Spanish with nothing changed, the close
refused while a comment is unanswered, then closed, the report read back; ES and EN at
1024x768."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.main_window import MainWindow
from tests.store.pal_helpers import merged_process, plan
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
    plan(office)
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


def open_tab(window, qtbot):
    window.act_plan.trigger()
    p = window.plan_window
    qtbot.waitExposed(p)
    p.tabs.setCurrentWidget(p.consultation)
    # The plan window is the one in use (the main window's session table takes Enter).
    p.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is p)
    return p.consultation


def test_a_consultation_through_the_tab(window, qtbot, errors, tmp_path):
    page = open_tab(window, qtbot)
    repo = window.repo
    assert page.opening.isVisible() and not page.e_text.isEnabled()
    page.o_start.setText("10/08/2027")
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert errors == [] and repo.consultation.current().end_date == "2027-08-19"
    assert not page.opening.isVisible() and page.e_text.isEnabled()
    page.e_date.setText("12/08/2027")
    page.e_commitment.setCurrentIndex(page.e_commitment.findData("1"))
    for text in ("Que el avance de la obra se publique en la presidencia",
                 "Pedimos que el comité de agua revise las facturas",
                 "Falta el barrio de San José en el diagnóstico"):
        type_text(qtbot, page.e_text, text)
        qtbot.keyClick(page.e_text, Qt.Key.Key_Return)
        assert page.e_text.text() == ""
    assert errors == [] and page.table.rowCount() == 3
    assert page.e_date.text() == "12/08/2027"
    # a date outside the period: Spanish message, nothing recorded
    page.e_date.setText("30/08/2027")
    type_text(qtbot, page.e_text, "Tarde")
    qtbot.keyClick(page.e_text, Qt.Key.Key_Return)
    assert errors and "fuera del periodo de la consulta" in errors[-1]
    assert len(repo.consultation.comments()) == 3 and page.e_text.text() == "Tarde"
    # a response without its reason is refused
    page.table.selectRow(0)
    page.a_response.setCurrentIndex(page.a_response.findData("not"))
    qtbot.mouseClick(page.a_save, Qt.MouseButton.LeftButton)
    assert "razón" in errors[-1] and repo.consultation.comment("1").response == ""
    page.a_reason.setPlainText("El tablero ya existe en la presidencia")
    qtbot.mouseClick(page.a_save, Qt.MouseButton.LeftButton)
    assert repo.consultation.comment("1").response == "not"
    page.only_unanswered.setChecked(True)
    assert page.table.rowCount() == 2
    # closing refused while unanswered
    count = len(errors)
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert len(errors) == count + 1 and "sin respuesta" in errors[-1]
    assert repo.consultation.current().status == "open"
    for _row in range(2):
        page.table.selectRow(0)
        page.a_response.setCurrentIndex(page.a_response.findData("incorporated"))
        page.a_change.setText("Se agregó un hito")
        qtbot.mouseClick(page.a_save, Qt.MouseButton.LeftButton)
        if _row == 0:  # one left: said in the singular, on the screen and when closing
            assert "3 comentarios, 1 sin respuesta" in page.summary.text()
            qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
            assert re.search(r"el comentario \d+ no tiene respuesta", errors[-1]), errors[-1]
    assert page.table.rowCount() == 0
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert repo.consultation.current().status == "closed"
    pdf = page.write_report(str(tmp_path / "respuesta.pdf"))
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(pdf)).pages).split())
    assert "Falta el barrio de San José" in text and "El tablero ya existe" in text


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_tab_fits_at_1024(window, qtbot, language):
    qt_i18n.install(language)
    page = open_tab(window, qtbot)
    p = window.plan_window
    p.resize(1024, 740)
    qtbot.wait(10)
    assert p.tabs.tabText(p.tabs.indexOf(page))
    for button in (page.open_button, page.close_button, page.report_button, page.e_add,
                   page.a_save, page.import_button, page.forms_button, page.join_button,
                   page.undo_button, page.scan_button):
        assert button.text()
        if button.isVisible():
            assert button.width() >= button.fontMetrics().horizontalAdvance(
                button.text().replace("&", "")), button.text()
    assert p.width() <= 1024
    qt_i18n.install("es")
