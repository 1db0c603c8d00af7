"""Table laptops in the window, driven as a user would: prepare two tables, open one on
its laptop (banner, only its sessions), bring the bundles back, see that both came back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from cocrea_desktop.core.clock import FakeClock
from cocrea_desktop.export import bundle as B
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.dialogs.bundle_dialogs import ImportBundlesDialog
from cocrea_desktop.ui.dialogs.tables_dialog import TablesDialog, TablesStatusDialog
from cocrea_desktop.ui.dialogs.text_dialog import TextDialog
from cocrea_desktop.ui.main_window import MainWindow
from tests.export.bundle_helpers import nominal_group
from tests.ui.helpers import type_text, when_dialog


@pytest.fixture
def window(qtbot, tmp_path):
    qt_i18n.install("es")
    path = tmp_path / "oficina.cocrea.db"
    Repo.create(path, name="PAL Teotitlán 2027", municipality="Teotitlán").close()
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_path(path)
    clock = FakeClock()
    for n, ideas in ((1, ["Agua"]), (2, ["Luz"]), (3, ["Caminos"])):
        nominal_group(w.repo, f"Mesa {n}", ideas, [], clock)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def _dialog(window, qtbot) -> TablesDialog:
    dialog = TablesDialog(window, window.repo)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _add(dialog, qtbot, name):
    dialog.name_edit.setFocus()
    type_text(qtbot, dialog.name_edit, name)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)


def _tick(dialog, row, column):
    item = dialog.grid.item(row, column)
    item.setCheckState(Qt.CheckState.Checked)


def test_bad_input_is_said_in_spanish_and_nothing_is_written(window, qtbot, tmp_path):
    stick = tmp_path / "USB"
    stick.mkdir()
    dialog = _dialog(window, qtbot)
    dialog.set_folder(str(stick))
    head = window.repo.journal_head()
    qtbot.mouseClick(dialog.prepare_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Agregue al menos una mesa."
    _add(dialog, qtbot, "Mesa Norte")
    _add(dialog, qtbot, "mesa norte")
    assert "Hay dos mesas llamadas" in dialog.status.text()
    assert dialog.tables == ["Mesa Norte"]
    assert dialog.name_edit.text() == "mesa norte"  # left to correct
    dialog.name_edit.clear()
    _add(dialog, qtbot, "Mesa Sur")
    _tick(dialog, 0, 1)
    _tick(dialog, 0, 2)
    qtbot.mouseClick(dialog.prepare_button, Qt.MouseButton.LeftButton)
    assert "está en dos mesas («Mesa Norte» y «Mesa Sur»)" in dialog.status.text()
    dialog.grid.item(0, 2).setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(dialog.prepare_button, Qt.MouseButton.LeftButton)
    assert "La mesa «Mesa Sur» no tiene sesiones" in dialog.status.text()
    _tick(dialog, 1, 2)
    assert dialog.status.text() == ""  # ticked: the message no longer holds
    dialog.set_folder(str(tmp_path / "no-hay"))
    qtbot.mouseClick(dialog.prepare_button, Qt.MouseButton.LeftButton)
    assert "no existe" in dialog.status.text()
    assert window.repo.journal_head() == head and not window.repo.tables.list()
    assert list(stick.iterdir()) == []
    dialog.close()


def test_two_tables_prepared_opened_and_back_in_the_window(window, qtbot, tmp_path,
                                                           monkeypatch):
    stick = tmp_path / "USB"
    stick.mkdir()
    office_path = window.repo.path
    assert window.act_prepare_tables.text() == "Preparar c&omputadoras de mesa…"
    seen = when_dialog(qtbot, TablesDialog, lambda d: d.reject())
    window.act_prepare_tables.trigger()
    assert "dialog" in seen
    dialog = _dialog(window, qtbot)
    _add(dialog, qtbot, "Mesa Norte")
    _add(dialog, qtbot, "Mesa Sur")
    _tick(dialog, 0, 1)
    _tick(dialog, 1, 1)
    _tick(dialog, 2, 2)
    dialog.set_folder(str(stick))
    with qtbot.waitSignal(dialog.prepare_finished, timeout=30000) as done:
        qtbot.mouseClick(dialog.prepare_button, Qt.MouseButton.LeftButton)
    files = done.args[0]
    assert [p.name for p in files] == ["mesa_Mesa-Norte_Teotitlan.cocrea",
                                       "mesa_Mesa-Sur_Teotitlan.cocrea"]
    assert dialog.progress.value() == 100 and dialog.sheet.exists()
    assert dialog.sheet.parent != stick  # the codes never travel with the files
    # The message says where the sheet is: its name and its whole folder.
    assert dialog.sheet.name in dialog.status.text()
    assert str(dialog.sheet.parent) in dialog.status.text()
    codes = {dialog.codes.item(r, 0).text(): dialog.codes.item(r, 2).text()
             for r in range(dialog.codes.rowCount())}
    assert set(codes) == {"Mesa Norte", "Mesa Sur"} and dialog.codes.isVisible()
    dialog.close()
    assert not window.table_banner.isVisible() and window.act_prepare_tables.isEnabled()
    lines = {}
    when_dialog(qtbot, TablesStatusDialog, lambda d: (lines.update(l=d.lines()), d.accept()))
    window.act_tables_status.trigger()
    assert lines["l"] == ["… Mesa Norte (2 sesiones): preparada; aún no regresa",
                          "… Mesa Sur (1 sesión): preparada; aún no regresa"]

    # On each table laptop (another data folder: another computer), the file and its code.
    back = []
    errors: list[str] = []
    monkeypatch.setattr(ops, "show_error", lambda _p, err: errors.append(err.message))
    for n, (table, path) in enumerate(zip(("Mesa Norte", "Mesa Sur"), files), start=1):
        home = tmp_path / f"laptop{n}"
        home.mkdir()
        monkeypatch.setenv("COCREA_DATA_DIR", str(home))
        laptop = MainWindow()
        qtbot.addWidget(laptop)
        errors.clear()
        if n == 1:
            assert laptop.open_table_file_at(path, "ZZZZ-ZZZZ") is None
            assert errors and "El código no abre" in errors[0]
            assert laptop.open_table_file_at(path, codes[table].lower())
        else:  # from the menu: the file, a wrong code (asked again), the right one
            typed = iter(["ZZZZ-ZZZZ", codes[table]])
            monkeypatch.setattr(QFileDialog, "getOpenFileName",
                                staticmethod(lambda *a, p=str(path), **k: (p, "")))
            monkeypatch.setattr(TextDialog, "ask",
                                classmethod(lambda *a, t=typed, **k: next(t)))
            laptop.act_open_table_file.trigger()
            assert len(errors) == 1 and "El código no abre" in errors[0]
        laptop.show()
        assert laptop.table_banner.isVisible()
        assert laptop.table_banner.text() == (
            f"Computadora de la mesa «{table}» — solo sus sesiones")
        assert laptop.model.rowCount() == (2 if n == 1 else 1)
        assert not laptop.act_prepare_tables.isEnabled()  # a table laptop prepares no tables
        session = laptop.repo.sessions()[0]
        laptop.repo.ideas.add(session.id, f"Idea nueva de la {table}")
        result = B.export_bundle(laptop.repo.path, device=laptop.repo.pf.device)
        back.append(tmp_path / f"regreso{n}.cocrea")
        back[-1].write_bytes(result.data)
        laptop.close()
    monkeypatch.undo()

    # At the office: the bundles merge in; the status opens by itself, both came back.
    assert window.repo.path == office_path
    bundles = [B.load_bundle(p) for p in back]

    def merge_them(dialog):
        ops.import_bundles(parent=dialog, repo=window.repo, bundles=bundles,
                           accepted=[b.fingerprint for b in bundles])
        dialog.accept()

    status = {}

    def read_status(d):
        status["lines"] = d.lines()
        status["summary"] = d.summary.text()
        d.accept()

    when_dialog(qtbot, ImportBundlesDialog, merge_them)
    when_dialog(qtbot, TablesStatusDialog, read_status)
    window.act_import_bundles.trigger()
    assert status["summary"] == "Regresaron 2 de 2 computadoras de mesa."
    assert [line.split(" el ")[0] for line in status["lines"]] == [
        "✔ Mesa Norte (2 sesiones): regresó", "✔ Mesa Sur (1 sesión): regresó"]
    texts = {r["text"] for r in window.repo.pf.query("SELECT text FROM idea")}
    assert {"Idea nueva de la Mesa Norte", "Idea nueva de la Mesa Sur"} <= texts


def test_running_a_session_handed_to_a_table_laptop_asks_first(window, qtbot, tmp_path):
    """Mesa 3's session went to the table laptop «Mesa Sur»: at the office, Conducir
    sesión warns in Spanish and runs it only if the person confirms; the others run."""
    from PySide6.QtWidgets import QMessageBox

    from cocrea_desktop.export import tables as T
    from cocrea_desktop.store.tables import TablePlan
    from cocrea_desktop.ui.views.session_screen import SessionScreen

    stick = tmp_path / "USB"
    stick.mkdir()
    sessions = window.repo.sessions()
    handed, kept = sessions[2], sessions[0]
    T.prepare_tables(window.repo, [TablePlan("Mesa Sur", (handed.id,))], stick)
    window.refresh()
    seen: dict = {}

    def answer(label):
        def act(box):
            seen["text"] = box.text()
            button = next(b for b in box.buttons() if b.text() == label)
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return act

    window.select_session(handed.id)
    when_dialog(qtbot, QMessageBox, answer("No conducirla"))
    assert window.conduct_session() is None
    assert "computadora de mesa «Mesa Sur», que aún no regresa" in seen["text"]
    assert "Continúe solo si esa computadora no se usará" in seen["text"]
    assert handed.id not in window.session_screens
    when_dialog(qtbot, QMessageBox, answer("Conducirla aquí de todos modos"))
    screen = window.conduct_session()
    assert isinstance(screen, SessionScreen)
    screen.close()
    # A session that stayed at the office opens without a question.
    seen.clear()
    window.select_session(kept.id)
    screen = window.conduct_session()
    assert isinstance(screen, SessionScreen) and not seen
    screen.close()


def test_enter_in_the_name_adds_the_table_and_prepares_nothing(window, qtbot, tmp_path):
    """Enter in the name field adds the table; the key then reaches the dialog (a line
    edit passes Enter on), which must not press "Preparar archivos" with it."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    def enter_reaches_dialog(key):
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(dialog, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier))

    stick = tmp_path / "USB"
    stick.mkdir()
    dialog = _dialog(window, qtbot)
    dialog.set_folder(str(stick))
    head = window.repo.journal_head()
    # No button is pressed by Enter (Qt makes the first "auto default" one the dialog's
    # default as soon as the window has focus: that was "Preparar archivos").
    from PySide6.QtWidgets import QPushButton

    assert [b.text() for b in dialog.findChildren(QPushButton)
            if b.autoDefault() or b.isDefault()] == []
    type_text(qtbot, dialog.name_edit, "Mesa C")
    dialog.name_edit.returnPressed.emit()
    enter_reaches_dialog(Qt.Key.Key_Return)
    assert dialog.tables == ["Mesa C"] and dialog.isVisible()
    assert dialog.status.text() == ""  # no "no tiene sesiones": nothing was prepared
    type_text(qtbot, dialog.name_edit, "Mesa D")
    dialog.name_edit.returnPressed.emit()
    enter_reaches_dialog(Qt.Key.Key_Enter)
    assert dialog.tables == ["Mesa C", "Mesa D"] and dialog.status.text() == ""
    assert window.repo.journal_head() == head and not window.repo.tables.list()
    assert list(stick.iterdir()) == []
    dialog.close()
