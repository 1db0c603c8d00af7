"""The route strip, the «Ruta del proceso» window and the «Mapa de actores» window driven as
a user would: dates typed dd/mm/aaaa and saved with Enter, a bad date refused in Spanish with
nothing changed, undo, a session moved to another phase, Esc closes; actors typed and added
with Enter, the chart placed from the same positions as the PDF (read back); no word cut at
1024x768 in Spanish and English."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.main_window import MainWindow
from tests.ui.cut_text import cut_texts
from tests.ui.helpers import type_text


@pytest.fixture
def errors(monkeypatch):
    from cocrea_desktop.ui import operations as ops

    seen: list[str] = []
    monkeypatch.setattr(ops, "show_error", lambda _parent, err: seen.append(err.message))
    return seen


@pytest.fixture
def window(qtbot, tmp_path, fake_clock):
    qt_i18n.install("es")
    repo = Repo.create(tmp_path / "ruta.cocrea.db", name="PAL 2027", municipality="Cuicatlán")
    repo.add_session(method="nominal_group", question="¿Qué falta en el agua potable?",
                     table_label="Mesa 1")
    repo.add_session(method="prioritisation", question="¿Qué propuestas pasan?")
    repo.route.set("preparation", planned_start="01/01/2020", planned_end="31/01/2020",
                   actual_start="02/01/2020")
    path = repo.path
    repo.close()
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_path(path)
    w.resize(1024, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def activate(qtbot, dialog) -> None:
    """The dialog takes the keyboard (offscreen, the main window may take it back once)."""
    qtbot.wait(30)
    dialog.activateWindow()
    qtbot.waitActive(dialog)


def set_field(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    type_text(qtbot, edit, text)


def test_the_route_through_the_window(window, qtbot, errors):
    assert "Fase 1 de 9: Preparación (en curso)" in window.route_strip.text()
    assert "Atrasada: Preparación" in window.route_strip.text()
    assert window.act_route.shortcut().toString() == "Ctrl+Shift+U"
    window.act_route.trigger()
    route = window.route_window
    activate(qtbot, route)
    repo: Repo = window.repo
    assert route.current_phase().key == "preparation"  # where the exercise stands
    # End the preparation, typed, with Enter.
    set_field(qtbot, route.edits["actual_end"], "28/01/2020")
    qtbot.keyClick(route.edits["actual_end"], Qt.Key.Key_Return)
    assert repo.route.phase("preparation").actual_end == "2020-01-28"
    assert "Atrasada" not in window.route_strip.text()
    assert "Fase 2 de 9: Diagnóstico (sigue; sin iniciar)" in window.route_strip.text()
    # A bad date: a Spanish message, nothing changed.
    route.table.selectRow(1)
    assert route.phase_title.text() == "Fase 2: Diagnóstico"
    head = repo.journal_head()
    set_field(qtbot, route.edits["planned_end"], "30/02/2021")
    qtbot.keyClick(route.edits["planned_end"], Qt.Key.Key_Return)
    assert errors == ["Fin previsto: La fecha «30/02/2021» no es válida; escríbala como "
                      "dd/mm/aaaa."]
    assert repo.journal_head() == head and not repo.route.phase("diagnosis").written
    set_field(qtbot, route.edits["planned_end"], "28/02/2021")
    set_field(qtbot, route.edits["responsible"], "Dirección de Planeación")
    qtbot.keyClick(route.edits["responsible"], Qt.Key.Key_Return)
    diagnosis = repo.route.phase("diagnosis")
    assert diagnosis.planned_end == "2021-02-28"
    assert diagnosis.responsible == "Dirección de Planeación"
    assert "Atrasada: Diagnóstico" in window.route_strip.text()
    assert route.late_label.text() == "Atrasada: Diagnóstico"
    # Started today, then undone with the button.
    qtbot.mouseClick(route.start_button, Qt.MouseButton.LeftButton)
    assert repo.route.phase("diagnosis").started
    qtbot.mouseClick(route.undo_button, Qt.MouseButton.LeftButton)
    assert not repo.route.phase("diagnosis").started
    # The sessions of the citizen meetings, one moved to the diagnosis.
    route.table.selectRow(2)
    assert route.sessions.count() == 1
    route.move_combo.setCurrentIndex(route.move_combo.findData("diagnosis"))
    qtbot.mouseClick(route.move_button, Qt.MouseButton.LeftButton)
    sid = repo.sessions()[0].id
    assert repo.route.session_phase(sid) == "diagnosis"
    assert route.sessions.count() == 0
    assert errors == ["Fin previsto: La fecha «30/02/2021» no es válida; escríbala como "
                      "dd/mm/aaaa."]
    qtbot.keyClick(route.table, Qt.Key.Key_Escape)
    assert not route.isVisible()


def test_the_actor_map_through_the_window(window, qtbot, errors, tmp_path, monkeypatch):
    from pypdf import PdfReader

    window.act_actors.trigger()
    actors = window.actors_window
    activate(qtbot, actors)
    repo: Repo = window.repo
    for name, interest, influence, contact in (("Ejido San Juan", 4, 5, "Anselmo Jiménez"),
                                               ("Radio comunitaria", 5, 2, ""),
                                               ("DIF municipal", 3, 3, "")):
        actors.new()
        type_text(qtbot, actors.f_org, name)
        actors.f_interest.setValue(interest)
        actors.f_influence.setValue(influence)
        set_field(qtbot, actors.f_contact, contact)
        qtbot.keyClick(actors.f_contact, Qt.Key.Key_Return)
    assert [a.organisation for a in repo.actors.list()] == ["Ejido San Juan",
                                                             "Radio comunitaria",
                                                             "DIF municipal"]
    assert actors.model.rowCount() == 3
    assert actors.chart.placed == repo.actors.chart()
    assert actors.current_actor().organisation == "DIF municipal"
    # A bad value: the Spanish message, nothing changed.
    head = repo.journal_head()
    actors.new()
    type_text(qtbot, actors.f_org, "ejido san juan")
    qtbot.keyClick(actors.f_org, Qt.Key.Key_Return)
    assert errors == ["Ya existe un actor llamado «Ejido San Juan»."]
    set_field(qtbot, actors.f_org, "Cooperativa")
    set_field(qtbot, actors.f_phone, "=1+1")
    qtbot.keyClick(actors.f_phone, Qt.Key.Key_Return)
    assert errors[-1].startswith("El teléfono «=1+1» solo puede tener números")
    assert repo.journal_head() == head
    # Edit the chosen one with Enter; undo with the button.
    actors.select(repo.actors.find("Radio comunitaria").id)
    assert actors.f_org.text() == "Radio comunitaria"
    actors.f_influence.setValue(4)
    qtbot.keyClick(actors.f_org, Qt.Key.Key_Return)
    assert repo.actors.find("Radio comunitaria").influence == 4
    assert actors.chart.placed == repo.actors.chart()
    qtbot.mouseClick(actors.undo_button, Qt.MouseButton.LeftButton)
    assert repo.actors.find("Radio comunitaria").influence == 2
    # The PDF, read back: the chart's numbers and the list, never the contact.
    from cocrea_desktop.ui.views.actors_window import ActorsWindow

    monkeypatch.setattr(ActorsWindow, "ask_save_path",
                        staticmethod(lambda _parent: str(tmp_path / "actores.pdf")))
    qtbot.mouseClick(actors.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: actors.pdf_written != "", timeout=20000)
    assert actors.pdf_status.text() == "Informe escrito: actores.pdf"
    path = actors.pdf_written
    text = " ".join(page.extract_text() for page in PdfReader(str(path)).pages)
    assert "Mapa de actores" in text and "Ejido San Juan" in text
    assert "Involucrar de cerca" in text and "Mantener informados" in text
    assert "Anselmo" not in text
    qtbot.keyClick(actors.table, Qt.Key.Key_Escape)
    assert not actors.isVisible()


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)])
def test_every_word_fits(window, qtbot, language, size):
    from cocrea_desktop.store.demo import seed_route_and_actors

    seed_route_and_actors(window.repo)  # with the demo's initiatives
    qt_i18n.install(language)
    window.resize(*size)
    window.refresh()
    qtbot.wait(20)
    found = cut_texts(window)
    for act in (window.act_route, window.act_actors, window.act_initiatives):
        act.trigger()
    for dialog in (window.route_window, window.actors_window, window.initiatives_window):
        qtbot.waitExposed(dialog)
        assert dialog.width() <= size[0] and dialog.height() <= size[1]
        try:  # rows are measured a moment after the columns settle
            qtbot.waitUntil(lambda d=dialog: cut_texts(d) == [], timeout=1500)
        except AssertionError:
            pass
        found += cut_texts(dialog)
        if dialog is window.initiatives_window:  # every column in view, none off to the side
            qtbot.waitUntil(lambda d=dialog: d.table.horizontalScrollBar().maximum() == 0,
                            timeout=1500)
        dialog.close()
    if language == "en":
        assert "Route: Phase 3 of 9" in window.route_strip.text()
    qt_i18n.install("es")
    assert found == []


def test_the_existing_initiatives_through_the_window(window, qtbot, errors, tmp_path,
                                                     monkeypatch):
    """Typed with Enter (the kind, theme and status kept for the next one), a duplicate
    refused in Spanish with nothing changed, edited, undone, removed; the first report
    written from the window's button through the «Informes» menu, as Word, read back."""
    import docx

    from cocrea_desktop.ui.evidence_menu import EvidenceMenu

    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier |
                   Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.initiatives_window is not None and
                    window.initiatives_window.isVisible())
    w = window.initiatives_window
    activate(qtbot, w)
    repo: Repo = window.repo
    w.f_kind.setCurrentIndex(w.f_kind.findData("citizen"))
    w.f_theme.setCurrentText("Agua")
    for name in ("Comité de agua de San Miguel", "Faena de limpieza de la caja de agua"):
        type_text(qtbot, w.f_name, name)
        qtbot.keyClick(w.f_name, Qt.Key.Key_Return)
    found = repo.initiatives.list()
    assert [(i.name, i.kind, i.theme) for i in found] == [
        ("Comité de agua de San Miguel", "citizen", "Agua"),
        ("Faena de limpieza de la caja de agua", "citizen", "Agua")]
    assert w.model.rowCount() == 2 and w.f_name.text() == ""
    head = repo.journal_head()
    type_text(qtbot, w.f_name, "comité de agua de san miguel")
    qtbot.keyClick(w.f_name, Qt.Key.Key_Return)
    assert errors == ["Ya existe una iniciativa llamada «Comité de agua de San Miguel»."]
    assert repo.journal_head() == head
    w.select(found[0].id)
    assert w.f_name.text() == "Comité de agua de San Miguel"
    w.f_status.setCurrentIndex(w.f_status.findData("stopped"))
    set_field(qtbot, w.f_years, "2019-2024")
    qtbot.keyClick(w.f_years, Qt.Key.Key_Return)
    assert repo.initiatives.find("1").status == "stopped"
    assert w.model.data(w.model.index(0, 6)) == "suspendida"
    qtbot.mouseClick(w.undo_button, Qt.MouseButton.LeftButton)
    assert repo.initiatives.find("1").status == "running"
    w.select(found[1].id)
    qtbot.mouseClick(w.remove_button, Qt.MouseButton.LeftButton)
    assert [i.name for i in repo.initiatives.list()] == ["Comité de agua de San Miguel"]
    monkeypatch.setattr(EvidenceMenu, "ask_document_path", staticmethod(
        lambda *a: str(tmp_path / "primer.docx")))
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.information", lambda *a, **k: None)
    qtbot.mouseClick(w.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (tmp_path / "primer.docx").exists() and
                    window.evidence.task is None, timeout=20000)
    text = " ".join(c.text for t in docx.Document(str(tmp_path / "primer.docx")).tables
                    for row in t.rows for c in row.cells)
    assert "Comité de agua de San Miguel" in text
    qtbot.keyClick(w.table, Qt.Key.Key_Escape)
    assert not w.isVisible()


def test_file_dialogs_start_in_the_process_folder(window, qtbot, monkeypatch, tmp_path):
    """The import and report dialogs of the diagnosis and follow-up windows opened in the
    program's own folder (wherever it was started from); they start in the process's."""
    from PySide6.QtWidgets import QFileDialog

    asked: list[str] = []

    def dialog(_parent, _title, where="", *_rest):
        asked.append(where)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(dialog))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    window.act_initiatives.trigger()
    window.initiatives_window.import_table()
    window.act_actors.trigger()
    window.actors_window.import_table()
    window.actors_window.write_pdf()
    plan = window.show_plan()
    plan.followup.choose_evidence()
    plan.followup.write_report()
    folder = str(tmp_path)
    assert len(asked) == 5
    assert all(where.startswith(folder) for where in asked), asked
