"""Qt's own dialogs and key names in Mexican Spanish, and back in English."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QMessageBox

from cocrea_desktop import i18n
from cocrea_desktop.ui import qt_i18n


@pytest.fixture
def spanish(qapp):
    qt_i18n.install("es")
    yield
    i18n.set_language("es")


def _texts(widget) -> list[str]:
    found = [w.text() for w in widget.findChildren(QLabel)]
    found += [w.text() or w.toolTip() for w in widget.findChildren(QAbstractButton)]
    return [t for t in found if t]


def test_file_dialog_speaks_mexican_spanish(spanish, qtbot, tmp_path):
    dialog = QFileDialog(None, "Abrir", str(tmp_path), "Procesos (*.cocrea.db)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = _texts(dialog)
    assert "&Buscar en:" in texts and "&Nombre del archivo:" in texts
    assert "Archivos de &tipo:" in texts and "Carpeta de arriba" in texts
    joined = " ".join(texts).lower()
    assert "look in" not in joined and "fichero" not in joined and "files of" not in joined
    dialog.close()

    i18n.set_language("en")
    dialog = QFileDialog(None, "Open", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "&Look in:" in _texts(dialog) and "File &name:" in _texts(dialog)
    dialog.close()


def test_message_box_buttons_in_mexican_spanish(spanish, qtbot):
    box = QMessageBox(QMessageBox.Icon.Question, "CoCrea", "¿Guardar?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard)
    qtbot.addWidget(box)
    box.show()
    assert sorted(b.text() for b in box.buttons()) == ["&No", "&Sí", "Cancelar", "Descartar"]
    i18n.set_language("en")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    assert sorted(b.text() for b in box.buttons()) == ["&Yes", "Cancel"]


def test_key_names_as_printed_on_mexican_keyboards(spanish):
    assert qt_i18n.key_text("Ctrl+Return") == "Ctrl+Intro"
    assert qt_i18n.key_text("Ctrl+Shift+Z") == "Ctrl+Mayús+Z"
    assert qt_i18n.key_text("Ctrl+Del") == "Ctrl+Supr"
    assert qt_i18n.key_text("PgUp") == "RePág"
    assert qt_i18n.key_text("Alt+Right") == "Alt+→"
    i18n.set_language("en")
    assert qt_i18n.key_text("Ctrl+Shift+Z") == "Ctrl+Shift+Z"
    assert qt_i18n.key_text("Ctrl+Return") == "Ctrl+Enter"


def test_menus_and_help_show_mexican_key_names(spanish, qtbot, tmp_path):
    from cocrea_desktop.store.demo import create_demo
    from cocrea_desktop.ui.main_window import MainWindow
    from cocrea_desktop.ui.views.session_screen import shortcuts_help

    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(create_demo(tmp_path / "demo.cocrea.db"))
    shown = {qt_i18n.key_text(a.shortcut()) for menu in window.menuBar().findChildren(
        type(window.menu_file)) for a in menu.actions() if not a.shortcut().isEmpty()}
    assert {"Ctrl+Z", "Ctrl+Intro", "Ctrl+Mayús+N"} <= shown, shown
    assert not any("Control" in s or "Mayúsculas" in s or "Retorno" in s for s in shown)
    from cocrea_desktop.ui.views.capture import CapturePanel

    keys = [k for k, _text in shortcuts_help() + CapturePanel.help_lines()]
    assert "Ctrl+Intro" in keys and "Alt+Mayús+→" in keys and "Intro" in keys
    window.close()


def test_undo_button_and_status_bar_follow_the_language(spanish, qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from cocrea_desktop.store.repo import Repo
    from cocrea_desktop.ui.main_window import MainWindow
    from tests.ui.helpers import type_text

    path = tmp_path / "agua.cocrea.db"
    with Repo.create(path, name="Plan 2027", municipality="Cuicatlán", state="Oaxaca") as repo:
        repo.add_session(method="nominal_group", question="¿Qué falta?", date="2027-02-06")
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(path)
    window.show()
    qtbot.waitExposed(window)
    window.table.selectRow(0)
    screen = window.conduct_session()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    qtbot.keyClick(screen, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(screen, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    entry = QApplication.focusWidget()
    type_text(qtbot, entry, "Fugas en la red")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert screen.undo_button.accessibleName() == "Deshacer: capturar la idea 1"
    assert screen.saved_label.text().startswith("Guardado a las")
    assert window.act_undo.text() == "&Deshacer: capturar la idea 1"

    window.language_actions["en"].trigger()
    assert screen.undo_button.accessibleName() == "Undo: capture idea 1"
    assert window.act_undo.text() == "&Undo: capture idea 1"
    assert screen.saved_label.text().startswith("Saved at")
    assert screen.saved_label.text().endswith(("AM", "PM"))

    qtbot.keyClick(screen, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert screen.undo_button.accessibleName() == "Undo: go to the phase “Silent writing”"
    window.language_actions["es"].trigger()
    assert screen.undo_button.accessibleName() == "Deshacer: ir a la fase «Escritura en silencio»"
    assert screen.saved_label.text().startswith("Guardado a las")
    screen.close()
    window.close()


def test_session_dates_read_as_people_write_them(spanish, qtbot, tmp_path):
    from PySide6.QtCore import QDate

    from cocrea_desktop.store.repo import Repo
    from cocrea_desktop.ui.dialogs.session_dialog import SessionDialog
    from cocrea_desktop.ui.main_window import MainWindow

    path = tmp_path / "agua.cocrea.db"
    with Repo.create(path, name="Plan 2027", municipality="Cuicatlán", state="Oaxaca") as repo:
        repo.add_session(method="nominal_group", question="¿Qué falta?", date="2027-02-06")
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(path)
    shown = {window.model.index(0, c).data() for c in range(window.model.columnCount())}
    assert "06/02/2027" in shown and "2027-02-06" not in shown
    dialog = SessionDialog(window, window.repo.sessions()[0])
    qtbot.addWidget(dialog)
    assert dialog.date.displayFormat() == "dd/MM/yyyy"
    assert dialog.date.date() == QDate(2027, 2, 6) and dialog.date.text() == "06/02/2027"
    window.close()


def test_file_dialog_type_column_names_a_folder_in_spanish(spanish, qtbot, tmp_path):
    from PySide6.QtWidgets import QFileSystemModel, QTreeView

    (tmp_path / "boletas").mkdir()
    dialog = QFileDialog(None, "Abrir", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.findChild(QFileSystemModel)
    root = model.index(str(tmp_path))
    qtbot.waitUntil(lambda: model.rowCount(root) == 1)
    folder_type = model.index(0, 2, root).data()
    assert folder_type == "Carpeta"
    view = dialog.findChild(QTreeView)
    assert view.model().headerData(2, view.header().orientation()) == "Tipo"
    dialog.close()
