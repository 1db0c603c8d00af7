"""The main window driven as a user would: keyboard, clicks, dialogs, language."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton

from cocrea_desktop import i18n
from cocrea_desktop.store.demo import DEMO_SESSIONS
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.dialogs.open_problem import OpenProblemDialog
from cocrea_desktop.ui.dialogs.process_dialog import ProcessDialog
from cocrea_desktop.ui.dialogs.session_dialog import SessionDialog
from cocrea_desktop.ui.main_window import MainWindow
from tests.ui.helpers import type_text, when_dialog

DEMO = len(DEMO_SESSIONS)


@pytest.fixture
def window(qtbot, tmp_path):
    from cocrea_desktop.store.demo import create_demo

    qt_i18n.install("es")
    path = create_demo(tmp_path / "demo.cocrea.db")
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_path(path)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def test_demo_opens_with_its_sessions(window):
    assert window.model.rowCount() == DEMO
    assert "Plan de Acción Local 2027" in window.process_name.text()
    assert "San Juan Bautista Cuicatlán" in window.process_details.text()
    assert window.model.index(0, 0).data() == "Grupo nominal"


def test_create_a_session_with_the_keyboard(window, qtbot):
    def fill(dialog: SessionDialog):
        dialog.method.setCurrentIndex(dialog.method.findData("fishbowl"))
        type_text(qtbot, dialog.question, "¿Cómo cuidamos el río?")
        qtbot.keyClick(dialog.question, Qt.Key.Key_Tab)
        type_text(qtbot, dialog.table_label, "Mesa 9")
        dialog.date.setDate(QDate(2027, 3, 14))
        type_text(qtbot, dialog.place, "Ribera")
        type_text(qtbot, dialog.facilitator, "Marta")
        qtbot.keyClick(dialog.facilitator, Qt.Key.Key_Return)  # Enter saves

    seen = when_dialog(qtbot, SessionDialog, fill)
    qtbot.keyClick(window.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert "dialog" in seen
    assert window.model.rowCount() == DEMO + 1
    session = window.current_session()
    assert (session.method, session.question, session.table_label, session.date,
            session.place, session.facilitator) == (
        "fishbowl", "¿Cómo cuidamos el río?", "Mesa 9", "2027-03-14", "Ribera", "Marta")
    assert window.saved_label.text().startswith("Guardado a las")
    # It is in the file, not only on screen.
    with Repo.open(window.repo.path, read_only=True) as reader:
        assert any(s.question == "¿Cómo cuidamos el río?" for s in reader.sessions())


def test_empty_question_is_explained_not_saved(window, qtbot):
    def fill(dialog: SessionDialog):
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and "pregunta detonadora" in dialog.error.text()
        dialog.reject()

    seen = when_dialog(qtbot, SessionDialog, fill)
    window.new_session()
    assert "dialog" in seen, "the session dialog was never shown"
    assert seen["dialog"].isHidden()  # closed without saving
    assert window.model.rowCount() == DEMO


def test_edit_duplicate_archive_undo_redo(window, qtbot):
    window.table.selectRow(1)
    original = window.current_session()

    def edit(dialog: SessionDialog):
        dialog.place.clear()
        type_text(qtbot, dialog.place, "Cancha techada")
        dialog.accept()

    seen = when_dialog(qtbot, SessionDialog, edit)
    qtbot.keyClick(window.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert "dialog" in seen
    assert window.repo.session(original.id).place == "Cancha techada"
    assert window.act_undo.text() == "&Deshacer: editar sesión «{}»".format(
        original.question[:39] + "…")

    window.act_undo.trigger()
    assert window.repo.session(original.id).place == original.place
    window.act_redo.trigger()
    assert window.repo.session(original.id).place == "Cancha techada"
    window.activateWindow()  # as the window manager does when a dialog closes
    qtbot.waitUntil(window.isActiveWindow)

    qtbot.keyClick(window.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.model.rowCount() == DEMO + 1
    duplicate = window.current_session()
    assert duplicate.id != original.id and duplicate.question == original.question

    qtbot.mouseClick(window.archive_button, Qt.MouseButton.LeftButton)
    assert window.model.rowCount() == DEMO
    window.show_archived.setChecked(True)
    assert window.model.rowCount() == DEMO + 1
    window.act_undo.trigger()  # un-archive
    window.show_archived.setChecked(False)
    assert window.model.rowCount() == DEMO + 1


def test_edit_process_details(window, qtbot):
    def fill(dialog: ProcessDialog):
        dialog.period.clear()
        type_text(qtbot, dialog.period, "2027-2028")
        dialog.accept()

    seen = when_dialog(qtbot, ProcessDialog, fill)
    qtbot.mouseClick(window.edit_process_button, Qt.MouseButton.LeftButton)
    assert "dialog" in seen
    assert "Periodo 2027-2028" in window.process_details.text()


def test_language_switches_at_run_time(window):
    window.language_actions["en"].trigger()
    assert i18n.current_language() == "en"
    assert window.menu_file.title() == "&File"
    assert window.new_button.text() == "New session"
    assert window.model.headerData(1, Qt.Orientation.Horizontal) == "Guiding question"
    assert window.model.index(0, 0).data() == "Nominal group"
    assert window.settings.language == "en"
    window.language_actions["es"].trigger()
    assert window.menu_file.title() == "&Archivo"
    assert window.model.index(0, 0).data() == "Grupo nominal"


def test_new_process_from_the_menu(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "nuevo"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))

    def fill(dialog: ProcessDialog):
        type_text(qtbot, dialog.name, "PAL Zaachila 2027")
        type_text(qtbot, dialog.municipality, "Villa de Zaachila")
        qtbot.keyClick(dialog.municipality, Qt.Key.Key_Return)

    seen = when_dialog(qtbot, ProcessDialog, fill)
    window.act_new_process.trigger()
    assert "dialog" in seen
    assert window.repo.path == tmp_path / "nuevo.cocrea.db"
    assert window.process_name.text() == "PAL Zaachila 2027"
    assert window.model.rowCount() == 0 and window.empty_hint.isVisible()
    assert window.settings.last_file == str((tmp_path / "nuevo.cocrea.db").resolve())


def test_corrupt_file_offers_backup(window, qtbot, tmp_path):
    path = window.repo.path
    window.close()  # closing makes a backup and releases the file
    data = bytearray(path.read_bytes())
    data[100:4096 * 3] = b"\x00" * (4096 * 3 - 100)
    path.write_bytes(bytes(data))

    w = MainWindow()
    qtbot.addWidget(w)

    def choose_backup(dialog: OpenProblemDialog):
        assert dialog.backups, "the backup made at close is offered"
        dialog.findChild(QPushButton, "use_backup").click()

    seen = when_dialog(qtbot, OpenProblemDialog, choose_backup)
    assert w.open_path(path)
    assert "dialog" in seen
    assert "recuperado" in w.repo.path.name
    assert w.model.rowCount() == DEMO


def test_damage_found_by_the_check_after_opening_offers_a_backup(window, qtbot, tmp_path):
    """The integrity check runs in the background once the window shows (it read the whole
    file on the GUI thread: half a second on an office's file); a damaged file is closed and
    explained as before, with its backups, and is never backed up itself."""
    import sqlite3

    from cocrea_desktop.store.backup import list_backups

    path = window.repo.path
    window.close()  # closing makes a backup and releases the file
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'idea_session'"
                        ).fetchone()[0]
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page:root * page] = b"\xff" * page  # an index page, deep in the file
    path.write_bytes(bytes(data))
    backups = len(list_backups(path))

    w = MainWindow()
    qtbot.addWidget(w)

    opened: list[bool] = []
    order: list[str] = []

    def choose_backup(dialog: OpenProblemDialog):
        assert dialog.backups, "the backup made at close is offered"
        order.append("after opening" if opened else "while opening")
        dialog.findChild(QPushButton, "use_backup").click()

    seen = when_dialog(qtbot, OpenProblemDialog, choose_backup)
    assert w.open_path(path)
    opened.append(True)
    qtbot.waitUntil(lambda: "dialog" in seen, timeout=10000)
    assert order == ["after opening"]  # opened at once; the check came after
    qtbot.waitUntil(lambda: w.repo is not None and "recuperado" in w.repo.path.name,
                    timeout=10000)
    assert w.model.rowCount() == DEMO
    assert len(list_backups(path)) == backups  # the damaged file was not backed up


def test_locked_file_can_be_opened_read_only(window, qtbot):
    path = window.repo.path
    other = MainWindow()
    qtbot.addWidget(other)

    def read_only(dialog: OpenProblemDialog):
        from PySide6.QtWidgets import QLabel

        assert "ya está abierto" in dialog.findChild(QLabel, "message").text()
        dialog.findChild(QPushButton, "read_only").click()

    seen = when_dialog(qtbot, OpenProblemDialog, read_only)
    assert other.open_path(path)
    assert "dialog" in seen, "the open problem dialog was never shown"
    assert other.repo.read_only
    assert "SOLO LECTURA" in other.process_details.text()
    assert not other.new_button.isEnabled()
    other.close()


def test_sessions_model_passes_the_model_tester(window, qtmodeltester):
    qtmodeltester.check(window.model)


def test_first_run_opens_the_demo(qtbot, data_dir):
    """`cocrea` on a fresh machine: no settings, no process -> the demo, created and shown."""
    from cocrea_desktop.app import _startup_target
    from cocrea_desktop.store.settings import load_settings

    target, is_demo = _startup_target(None, load_settings())
    assert is_demo and not Path(target).exists()


def test_new_session_form_orders_methods_by_use_and_remembers_the_last(window, qtbot):
    def fill(dialog: SessionDialog):
        keys = [dialog.method.itemData(i) for i in range(dialog.method.count())]
        assert keys[:3] == ["nominal_group", "fishbowl", "idea_fair"]
        assert dialog.method.currentData() == "nominal_group"
        dialog.method.setCurrentIndex(dialog.method.findData("idea_fair"))
        type_text(qtbot, dialog.question, "¿Qué proyectos presentan los equipos?")
        qtbot.keyClick(dialog.question, Qt.Key.Key_Return)  # Enter in the question saves
        fill.saved = not dialog.isVisible()
        if dialog.isVisible():
            dialog.reject()

    seen = when_dialog(qtbot, SessionDialog, fill)
    window.new_session()
    assert "dialog" in seen and fill.saved
    assert window.current_session().method == "idea_fair"
    assert window.current_session().question == "¿Qué proyectos presentan los equipos?"

    offered = {}

    def look(dialog: SessionDialog):
        offered["method"] = dialog.method.currentData()
        dialog.reject()

    when_dialog(qtbot, SessionDialog, look)
    window.new_session()
    assert offered["method"] == "idea_fair"
    from cocrea_desktop.store.settings import load_settings

    assert load_settings().last_method == "idea_fair"


def test_tab_leaves_the_date_field(window, qtbot):
    def fill(dialog: SessionDialog):
        dialog.date.setFocus()
        qtbot.keyClick(dialog.date, Qt.Key.Key_Tab)
        fill.after = dialog.focusWidget()
        dialog.reject()

    when_dialog(qtbot, SessionDialog, fill)
    window.new_session()
    assert fill.after.objectName() == "place"


def test_english_menu_title_and_short_states_read_whole(window, qtbot):
    """The menu says "report" (not "relatoría"), a state never wraps to "In / progress",
    and the title names the process once ("… — CoCrea" is added by the system)."""
    from PySide6.QtWidgets import QApplication

    from cocrea_desktop.ui.main_window import STATUS_COLUMN

    assert window.windowTitle() == window.repo.process().name
    assert QApplication.applicationDisplayName() not in window.windowTitle()
    window.language_actions["en"].trigger()
    QApplication.processEvents()
    assert window.evidence.act_relatoria.text() == "Session rep&ort (PDF)…"
    model, table = window.model, window.table
    states = [model.index(row, STATUS_COLUMN).data() for row in range(model.rowCount())]
    assert "In progress" in states
    metrics = table.fontMetrics()
    width = table.columnWidth(STATUS_COLUMN)
    assert all(metrics.horizontalAdvance(state) + 8 <= width for state in states), \
        (width, states)
    window.language_actions["es"].trigger()


def test_a_method_without_its_screens_is_said_in_spanish_not_a_traceback(window, qtbot,
                                                                         monkeypatch):
    """A session whose method has a phase kind no panel was registered for (a method
    installed without its qt module) is refused with a Spanish message; nothing opens."""
    from PySide6.QtWidgets import QMessageBox

    from cocrea_desktop.core.methods import register, unregister
    from cocrea_desktop.core.methods.base import Method, Phase

    register(Method(key="sin_pantallas", package="", title="Método sin pantallas",
                    summary="", phases=(Phase("solo", "Solo", "", "", kind="sin_panel"),)))
    try:
        from cocrea_desktop.ui import operations as ops

        sid, changes = window.repo.add_session(method="sin_pantallas", question="¿Y esto?")
        ops.bus().changed.emit(changes)  # the sessions table shows it, and selects it
        assert window.current_session().id == sid
        said: list[str] = []
        monkeypatch.setattr(QMessageBox, "warning",
                            staticmethod(lambda _p, title, text: said.append(title + " " + text)))
        assert window.conduct_session() is None
        assert said and "«Método sin pantallas»" in said[0] and "a salvo" in said[0]
    finally:
        unregister("sin_pantallas")


def test_a_double_click_on_a_session_runs_it(window, qtbot):
    """As Enter does, and as a double click opens a file (it opened the edit form)."""
    rect = window.table.visualRect(window.model.index(1, 0))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    session = window.current_session()
    qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    screen = window.session_screens.get(session.id)
    assert screen is not None and screen.isVisible()
    screen.close()


def test_the_route_strip_follows_a_change_of_language(window):
    """Idioma › English: the route strip under the title changes too (it stayed in
    Spanish until the program started again, and in English the other way round)."""
    assert window.route_strip.text().startswith("Ruta: ")
    try:
        window.set_language("en")
        assert window.route_strip.text().startswith("Route: ")
        assert "Fase" not in window.route_strip.text()
        window.set_language("es")
        assert window.route_strip.text().startswith("Ruta: ")
    finally:
        qt_i18n.install("es")


def test_the_last_save_time_does_not_follow_into_another_file(window, tmp_path):
    """The walk: "Guardado a las 5:05:35 p.m." stayed in the status bar after opening
    another process, where nothing had been saved."""
    from cocrea_desktop.ui import operations as ops

    ops.update_process(parent=window, repo=window.repo, period="2027-2029")
    assert window.saved_label.text().startswith("Guardado a las ")
    other = tmp_path / "otro.cocrea.db"
    Repo.create(other, name="Otro proceso").close()
    assert window.open_path(other)
    assert window.saved_label.text() == ""


def test_a_short_column_fits_its_longest_text_on_any_row(qtbot, tmp_path):
    """The walk: the Mesa column was sized from the first rows of an office's list, and
    "Mesa 100" wrapped to two lines further down."""
    from cocrea_desktop.ui.main_window import WHOLE_COLUMNS
    from cocrea_desktop.ui.widgets.fit import CELL_PADDING

    qt_i18n.install("es")
    path = tmp_path / "oficina.cocrea.db"
    repo = Repo.create(path, name="Oficina")
    for n in range(1, 81):
        repo.add_session(method="nominal_group", question=f"¿Pregunta {n}?",
                         table_label=f"M{n}" if n < 80 else "Mesa 100 de la tarde")
    repo.close()
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_path(path)
    w.resize(1366, 740)
    w.show()
    qtbot.waitExposed(w)
    column = WHOLE_COLUMNS[0]
    header = w.table.horizontalHeader()
    need = w.table.fontMetrics().horizontalAdvance("Mesa 100 de la tarde") + 2 * CELL_PADDING
    assert header.sectionSize(column) >= need
    w.close()
