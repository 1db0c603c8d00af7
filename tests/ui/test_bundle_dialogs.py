"""Bundles in the window, driven as a user would: export to a stick, import, decide conflicts."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from cocrea_desktop.core.clock import FakeClock
from cocrea_desktop.export import bundle as B
from cocrea_desktop.store import merge
from cocrea_desktop.store.device import load_or_create_device
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.dialogs.bundle_dialogs import (
    ConflictsDialog,
    ExportBundleDialog,
    ImportBundlesDialog,
)
from cocrea_desktop.ui.dialogs.text_dialog import TextDialog
from cocrea_desktop.ui.main_window import MainWindow
from tests.export.bundle_helpers import device, laptop_copy, nominal_group
from tests.ui.helpers import type_text, when_dialog

LAPTOP = device("laptop-norte")
OTHER = device("laptop-sur")


@pytest.fixture
def window(qtbot, tmp_path):
    qt_i18n.install("es")
    path = tmp_path / "oficina.cocrea.db"
    Repo.create(path, name="PAL Teotitlán 2027", municipality="Teotitlán").close()
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_path(path)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def test_menu_entries_open_the_dialogs(window, qtbot):
    assert window.act_export_bundle.text() == "E&xportar a USB…"
    assert window.act_import_bundles.text() == "&Importar paquetes…"
    for action, cls in ((window.act_export_bundle, ExportBundleDialog),
                        (window.act_import_bundles, ImportBundlesDialog)):
        seen = when_dialog(qtbot, cls, lambda d: d.reject())
        action.trigger()
        assert "dialog" in seen


def test_export_some_sessions_to_a_stick(window, qtbot, tmp_path):
    clock = FakeClock()
    first = nominal_group(window.repo, "Mesa 1", ["Agua", "Luz"], [], clock)
    nominal_group(window.repo, "Mesa 2", ["Caminos"], [], clock)
    stick = tmp_path / "USB"
    stick.mkdir()
    dialog = ExportBundleDialog(window, window.repo)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.set_folder(str(stick))
    qtbot.keyClick(dialog.some, Qt.Key.Key_Space)
    assert dialog.sessions.isEnabled() and dialog.sessions.count() == 2
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "Marque al menos una sesión" in dialog.status.text()  # nothing checked yet
    dialog.sessions.item(0).setCheckState(Qt.CheckState.Checked)
    # The first bundle asks, once, what this computer is called.
    asked = when_dialog(qtbot, TextDialog, lambda d: name_it(qtbot, d, "Laptop de la mesa 3"))
    with qtbot.waitSignal(dialog.export_finished, timeout=20000) as finished:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert asked["dialog"].prompt.text().startswith(
        "¿Cómo se llama esta computadora? Por ejemplo: Laptop de la mesa 3")
    path = finished.args[0]
    assert "Ya puede retirar la memoria" in dialog.status.text()
    assert dialog.progress.value() == 100
    assert path.parent == stick and path.name.startswith("Teotitlan_")
    assert path.name.endswith("_Laptop-de-la-mesa-3.cocrea")
    bundle = B.load_bundle(path)
    assert bundle.manifest["scope"] == {"kind": "sessions", "sessions": [first]}
    assert bundle.device_name == "Laptop de la mesa 3"
    assert socket.gethostname() not in path.name
    assert not dialog.include_personal.isHidden()  # no office key: the choice is offered
    saved = load_or_create_device()
    assert (saved.name, saved.name_chosen) == ("Laptop de la mesa 3", True)

    # The second bundle does not ask again.
    again = when_dialog(qtbot, TextDialog, lambda d: d.reject())
    with qtbot.waitSignal(dialog.export_finished, timeout=20000) as finished:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "dialog" not in again
    assert B.load_bundle(finished.args[0]).device_name == "Laptop de la mesa 3"


def settle(qtbot, dialog) -> None:
    """Wait for the import window's background checks (the window stays alive meanwhile)."""
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)


def import_window(qtbot, window, paths) -> ImportBundlesDialog:
    """«Importar paquetes…» with ``paths`` chosen and checked."""
    dialog = ImportBundlesDialog(window, window.repo)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.add_paths(paths)
    settle(qtbot, dialog)
    return dialog


def name_it(qtbot, dialog, name: str) -> None:
    type_text(qtbot, dialog.edit, name)
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)


def test_cancelling_the_name_exports_nothing_and_the_menu_renames(window, qtbot, tmp_path):
    dialog = ExportBundleDialog(window, window.repo)
    qtbot.addWidget(dialog)
    dialog.set_folder(str(tmp_path))
    asked = when_dialog(qtbot, TextDialog, lambda d: d.reject())
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "dialog" in asked
    assert "nombre de esta computadora" in dialog.status.text()
    assert not list(tmp_path.glob("*.cocrea")) and dialog.export_button.isEnabled()
    assert not load_or_create_device().name_chosen
    # Archivo → Nombre de esta computadora…: named, then renamed (the old name shown).
    assert window.act_device_name.text() == "Nombre de esta &computadora…"
    assert window.act_device_name in window.menu_file.actions()
    seen = when_dialog(qtbot, TextDialog, lambda d: name_it(qtbot, d, "Laptop de la mesa 3"))
    window.act_device_name.trigger()
    assert seen["dialog"].edit.text() == "Laptop de la mesa 3"
    assert window.repo.pf.device.name == "Laptop de la mesa 3"

    def rename(d):
        assert d.edit.text() == "Laptop de la mesa 3"   # the current name, to correct
        d.edit.selectAll()
        name_it(qtbot, d, "Laptop de la oficina")

    seen = when_dialog(qtbot, TextDialog, rename)
    window.act_device_name.trigger()
    assert "dialog" in seen
    assert load_or_create_device().name == "Laptop de la oficina"
    assert window.repo.pf.device.name == "Laptop de la oficina"


def test_export_to_a_read_only_place_says_so(window, qtbot, tmp_path, monkeypatch):
    dialog = ExportBundleDialog(window, window.repo)
    qtbot.addWidget(dialog)

    def read_only(*_a, **_k):
        raise B.MediaReadOnly("No se puede escribir en «USB»: es de solo lectura.")

    monkeypatch.setattr(B, "export_to", read_only)
    dialog.set_folder(str(tmp_path))
    when_dialog(qtbot, TextDialog, lambda d: name_it(qtbot, d, "Laptop de la mesa 3"))
    with qtbot.waitSignal(dialog.export_finished, timeout=20000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "solo lectura" in dialog.status.text() and dialog.export_button.isEnabled()


def laptop_bundle(window, tmp_path, dev, name, edit=None):
    clock = FakeClock(1_806_000_000.0)
    laptop = laptop_copy(window.repo, tmp_path / f"{name}.cocrea.db", dev, clock)
    if edit:
        edit(laptop, clock)
    else:
        nominal_group(laptop, "Mesa " + name, ["Agua", "Luz", "Caminos", "Escuela"],
                      ["1 2 3", "3 2 1"], clock)
    path = tmp_path / f"{name}.cocrea"
    path.write_bytes(B.export_bundle(laptop.path, device=dev).data)
    laptop.close()
    return path


def test_import_verifies_previews_accepts_key_then_merges(window, qtbot, tmp_path,
                                                          monkeypatch):
    good = laptop_bundle(window, tmp_path, LAPTOP, "norte")
    bad = tmp_path / "dañado.cocrea"
    bad.write_bytes(good.read_bytes()[:-100])
    before = window.repo.pf.scalar("SELECT COUNT(*) FROM idea")
    dialog = import_window(qtbot, window, [good, bad])
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 1).text() == "laptop-norte"
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.COLUMNS)]
    assert headers == ["Archivo", "Computadora", "Llave", "Comprobación", "Cambios"]
    assert dialog.table.item(0, 2).text() == "nueva: falta aceptarla"
    assert "por agregar" in dialog.table.item(0, 4).text()
    assert "incompleto o dañado" in dialog.table.item(1, 3).text()
    dialog.table.selectRow(1)
    assert dialog.details.toPlainText().startswith("RECHAZADO")
    # Nothing written yet; importing needs the key accepted first.
    assert window.repo.pf.scalar("SELECT COUNT(*) FROM idea") == before
    assert not dialog.import_button.isEnabled()
    dialog.table.selectRow(0)
    details = dialog.details.toPlainText()
    # Records in Spanish words, never the tables' internal names or a computer's id.
    assert "Ideas: 4 por agregar" in details and "Boletas: 2 por agregar" in details
    assert "Huella de su llave: " + LAPTOP.fingerprint() in details
    assert LAPTOP.id not in details
    for internal in ("idea:", "ballot:", "mark:", "session:", "device:", "vote_round:"):
        assert internal not in details
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.accept_key_button, Qt.MouseButton.LeftButton)
    assert dialog.table.item(0, 2).text() == "aceptada ahora"
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    assert window.repo.pf.scalar("SELECT COUNT(*) FROM idea") == before + 4
    assert window.model.rowCount() == 1  # the main window saw the change
    # Right after importing, the row and the details say what was just imported.
    assert dialog.table.item(0, 4).text().startswith("importado ahora: ")
    assert "4 ideas" in dialog.table.item(0, 4).text()
    dialog.table.selectRow(0)
    assert "Ideas: se agregaron 4" in dialog.details.toPlainText()
    assert not dialog.import_button.isEnabled()
    # The same file chosen again: recognised by its hash, not verified or merged again.
    again = import_window(qtbot, window, [good])
    assert again.table.item(0, 1).text() == "laptop-norte"
    assert again.table.item(0, 3).text() == "ya revisado al importarlo"
    assert again.table.item(0, 4).text() == "ya importado: nada que cambiar"
    assert "ya se importó" in again.details.toPlainText()
    assert not again.import_button.isEnabled()


def test_conflicts_are_listed_and_decided(window, qtbot, tmp_path, monkeypatch):
    clock = FakeClock(1_805_000_000.0)
    session_id = nominal_group(window.repo, "Mesa 1", ["Agua", "Luz"], [], clock)
    idea_id = window.repo.ideas.by_number(session_id, 1).id

    def edit(text, seconds):
        def run(laptop, laptop_clock):
            laptop_clock.advance(seconds)
            laptop.ideas.edit(idea_id, text)
        return run

    paths = [laptop_bundle(window, tmp_path, LAPTOP, "norte", edit("Agua potable", 10)),
             laptop_bundle(window, tmp_path, OTHER, "sur", edit("Agua y drenaje", 20))]
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog = ImportBundlesDialog(window, window.repo)
    qtbot.addWidget(dialog)
    dialog.add_paths(paths)
    settle(qtbot, dialog)
    for row in range(2):
        dialog.table.selectRow(row)
        qtbot.mouseClick(dialog.accept_key_button, Qt.MouseButton.LeftButton)

    def decide(conflicts: ConflictsDialog):
        assert conflicts.list.count() == 1 and "text" in conflicts.list.item(0).text()
        assert "Agua y drenaje" in conflicts.details.toPlainText()
        assert "Agua potable" in conflicts.details.toPlainText()
        qtbot.mouseClick(conflicts.other_button, Qt.MouseButton.LeftButton)
        assert conflicts.list.count() == 0
        qtbot.mouseClick(conflicts.close_button, Qt.MouseButton.LeftButton)

    seen = when_dialog(qtbot, ConflictsDialog, decide)
    assert dialog.import_all() == 2
    settle(qtbot, dialog)
    assert "dialog" in seen
    assert window.repo.ideas.get(idea_id).text == "Agua potable"
    assert merge.list_conflicts(window.repo.pf) == []


def test_a_ballot_entered_on_two_laptops_is_shown_and_decided_in_spanish(window, qtbot,
                                                                         tmp_path, monkeypatch):
    clock = FakeClock(1_805_000_000.0)
    session_id = nominal_group(window.repo, "Mesa 1", ["Agua", "Luz", "Caminos"], [], clock)
    window.repo.votes.configure(session_id, "final", k=2)

    def ballot(entry):
        def run(laptop, laptop_clock):
            laptop_clock.advance(5)
            laptop.votes.enter_ballot(session_id, "final", entry, serial="B-0007")
        return run

    paths = [laptop_bundle(window, tmp_path, LAPTOP, "norte", ballot("1 2")),
             laptop_bundle(window, tmp_path, OTHER, "sur", ballot("3 1"))]
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog = ImportBundlesDialog(window, window.repo)
    qtbot.addWidget(dialog)
    dialog.add_paths(paths)
    settle(qtbot, dialog)
    for row in range(2):
        dialog.table.selectRow(row)
        qtbot.mouseClick(dialog.accept_key_button, Qt.MouseButton.LeftButton)

    def decide(conflicts: ConflictsDialog):
        items = [conflicts.list.item(i).text() for i in range(conflicts.list.count())]
        row = next(i for i, text in enumerate(items) if "misma boleta en dos equipos" in text)
        conflicts.list.setCurrentRow(row)
        text = conflicts.details.toPlainText()
        assert "B-0007" in text and "«1 2»" in text and "«3 1»" in text
        assert "Ninguna de las dos capturas se cuenta" in text
        assert conflicts.other_button.text() == "Vale la segunda captura"
        assert conflicts.keep_button.text() == "Vale la primera captura"
        assert window.repo.votes.mark_counts(session_id, "final")[0] == 0  # none counts yet
        chosen = conflicts.current().other["id"]
        qtbot.mouseClick(conflicts.other_button, Qt.MouseButton.LeftButton)
        assert window.repo.votes.ballot(chosen).status == "counted"
        qtbot.mouseClick(conflicts.close_button, Qt.MouseButton.LeftButton)

    seen = when_dialog(qtbot, ConflictsDialog, decide)
    assert dialog.import_all() == 2  # both bundles, in one transaction
    settle(qtbot, dialog)
    assert "dialog" in seen
    assert window.repo.votes.mark_counts(session_id, "final")[0] == 1  # counted once
    assert sorted(r["status"] for r in window.repo.pf.query(
        "SELECT status FROM ballot WHERE serial = 'B-0007'")) == ["counted", "duplicate"]


def test_other_folder_starts_in_documents_for_the_demo(qtbot, tmp_path, monkeypatch):
    """«Otra carpeta…» of the demo (in the hidden data folder) opens in Documents, not in
    the folder the program was started from."""
    from PySide6.QtWidgets import QFileDialog

    from cocrea_desktop.store.paths import data_dir

    program = tmp_path / "programa"
    program.mkdir()
    monkeypatch.chdir(program)
    home = tmp_path / "casa"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    qt_i18n.install("es")
    path = data_dir() / "demo.cocrea.db"
    Repo.create(path, name="Demo").close()
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_path(path)
    dialog = ExportBundleDialog(w, w.repo)
    qtbot.addWidget(dialog)
    dialog.show()
    opened: list[str] = []

    def look(files):
        opened.append(files.directory().absolutePath())
        files.reject()

    seen = when_dialog(qtbot, QFileDialog, look)
    qtbot.mouseClick(dialog.other_folder, Qt.MouseButton.LeftButton)
    assert "dialog" in seen
    assert opened == [str(home / "Documents")]
    w.close()


def test_a_long_refusal_leaves_the_changes_column_in_view(window, qtbot, tmp_path):
    """A refusal can be a long sentence (a row changed after signing): its column gives
    way, the whole sentence is in its tooltip and the details, and "Cambios" stays in view
    at 1024 pixels."""
    import json

    from cocrea_desktop.core.journal import canonical_json
    from tests.export.bundle_helpers import members
    from tests.export.test_bundle_hostile import resign

    good = laptop_bundle(window, tmp_path, LAPTOP, "norte")
    content = dict(members(good.read_bytes()))
    lines = content["data/idea.jsonl"].decode().split("\n")
    row = json.loads(lines[0])
    row["text"] = "Cambiado después de firmar"
    lines[0] = canonical_json(row)
    content["data/idea.jsonl"] = "\n".join(lines).encode()
    altered = tmp_path / "alterado.cocrea"
    altered.write_bytes(resign(content, LAPTOP))
    dialog = ImportBundlesDialog(window, window.repo)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 560)
    dialog.show()
    dialog.add_paths([good, altered])
    settle(qtbot, dialog)
    check = dialog.table.item(1, 3)
    assert "se alteró después de firmarse" in check.text()
    assert check.toolTip() == check.text()
    header = dialog.table.horizontalHeader()
    assert header.sectionSize(3) <= 320
    changes_left = header.sectionViewportPosition(4)
    assert 0 <= changes_left < dialog.table.viewport().width() - 100
    dialog.table.selectRow(1)
    assert "se alteró después de firmarse" in dialog.details.toPlainText()


def test_enter_after_accepting_a_key_imports_and_keeps_the_window(window, qtbot, tmp_path,
                                                                   monkeypatch):
    """Enter after «Aceptar esta llave» imports (the highlighted button), never closes the
    window silently with the accepted key forgotten (seen on a walk: three times)."""
    from PySide6.QtWidgets import QApplication

    good = laptop_bundle(window, tmp_path, LAPTOP, "norte")
    before = window.repo.pf.scalar("SELECT COUNT(*) FROM idea")
    dialog = ImportBundlesDialog(window, window.repo)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.add_paths([good])
    settle(qtbot, dialog)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.activateWindow()
    dialog.accept_key_button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.accept_key_button)
    qtbot.mouseClick(dialog.accept_key_button, Qt.MouseButton.LeftButton)
    # The accept button is now off: the focus goes to «Importar», not to «Cerrar».
    assert dialog.import_button.isEnabled() and dialog.import_button.isDefault()
    assert QApplication.focusWidget() is dialog.import_button
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    settle(qtbot, dialog)
    assert dialog.isVisible()
    assert window.repo.pf.scalar("SELECT COUNT(*) FROM idea") == before + 4
    assert dialog.table.item(0, 4).text().startswith("importado ahora: ")


def test_a_file_imported_before_shows_the_name_it_carried(window, qtbot, tmp_path,
                                                           monkeypatch):
    """A laptop named at its first export («Laptop de la mesa 3») wrote its rows under
    the name it had before (its host name): chosen again at the office, the file shows
    the name the bundle carried, and its key as trusted (it showed the host name and no
    key on a walk)."""
    from dataclasses import replace

    clock = FakeClock(1_806_000_000.0)
    laptop = laptop_copy(window.repo, tmp_path / "mesa3.cocrea.db", LAPTOP, clock)
    nominal_group(laptop, "Mesa 3", ["Agua", "Luz"], [], clock)
    named = replace(LAPTOP, name="Laptop de la mesa 3")
    path = tmp_path / "mesa3.cocrea"
    path.write_bytes(B.export_bundle(laptop.path, device=named).data)
    laptop.close()
    B.import_bundle(window.repo.pf, B.load_bundle(path), accept_key=True)
    assert window.repo.pf.scalar("SELECT name FROM device WHERE id = ?", [LAPTOP.id]) \
        == "laptop-norte"
    dialog = import_window(qtbot, window, [path])
    assert dialog.table.item(0, 1).text() == "Laptop de la mesa 3"
    assert dialog.table.item(0, 2).text() == "de confianza"
    assert dialog.table.item(0, 4).text() == "ya importado: nada que cambiar"


def test_export_after_choosing_a_folder_is_one_enter_away(window, qtbot, tmp_path):
    """The walk: after «Otra carpeta…» the old "Elija una memoria o una carpeta." stayed,
    the focus stayed on «Otra carpeta…» (Enter opened the chooser again), the chooser did
    not start in the folder chosen before, and the laptop's own key was shown nowhere."""
    from PySide6.QtWidgets import QFileDialog

    dialog = ExportBundleDialog(window, window.repo)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    assert window.repo.pf.device.fingerprint().replace(" ", "\u00a0") in \
        dialog.key_note.text()  # never split by a wrapped line
    assert dialog.key_note.text().startswith("Huella de la llave de esta computadora: ")
    dialog.destination.clear()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Elija una memoria o una carpeta."
    stick = tmp_path / "USB"
    stick.mkdir()
    seen = when_dialog(qtbot, QFileDialog, lambda files: (files.setDirectory(str(stick)),
                                                          files.accept()))
    qtbot.mouseClick(dialog.other_folder, Qt.MouseButton.LeftButton)
    assert "dialog" in seen
    assert dialog.destination.currentData() == str(stick)
    assert dialog.status.text() == ""
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.export_button)
    assert dialog.export_button.isDefault()
    opened: list[str] = []
    seen = when_dialog(qtbot, QFileDialog, lambda files: (
        opened.append(files.directory().absolutePath()), files.reject()))
    qtbot.mouseClick(dialog.other_folder, Qt.MouseButton.LeftButton)
    assert opened == [str(stick)]


def test_the_import_window_guides_an_empty_list_a_refusal_and_a_file_chosen_twice(
        window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QStyleOptionViewItem

    import cocrea_desktop.ui.dialogs.bundle_dialogs as module

    monkeypatch.setattr(module, "_LAST_FOLDER", {})
    good = laptop_bundle(window, tmp_path, LAPTOP, "norte")
    stick = tmp_path / "USB"
    stick.mkdir()
    bad = stick / "Teotitlan_2027-04-02_Laptop-de-la-mesa-12.cocrea"
    bad.write_bytes(b"no soy un zip")
    dialog = ImportBundlesDialog(window, window.repo)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Elegir paquetes" in dialog.details.placeholderText()  # an empty list guides
    assert not dialog.notice.isVisible()
    dialog.add_paths([good, bad])
    settle(qtbot, dialog)
    assert dialog.table.item(1, 4).text() == "no se importa"  # «Cambios» was empty
    dialog.table.selectRow(1)
    assert "exporte su paquete otra vez" in dialog.details.toPlainText()
    # The file's name is cut in its middle: the table's number at its end stays in view.
    option = QStyleOptionViewItem()
    dialog.table.itemDelegateForColumn(0).initStyleOption(
        option, dialog.table.model().index(1, 0))
    assert option.textElideMode == Qt.TextElideMode.ElideMiddle
    assert not option.features & QStyleOptionViewItem.ViewItemFeature.WrapText
    # The same file chosen again: said, not silently ignored.
    dialog.add_paths([bad])
    settle(qtbot, dialog)
    assert dialog.table.rowCount() == 2
    assert dialog.notice.isVisible() and bad.name in dialog.notice.text()
    # «Elegir paquetes…» opens where the last bundles were chosen.
    asked: list[str] = []

    def choose(parent, title, folder, filters):
        asked.append(folder)
        return [str(bad)], filters

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    dialog.choose_files()
    dialog.choose_files()
    assert asked[1] == str(stick) and asked[0] != str(stick)


def test_bundles_are_checked_in_the_background_and_only_once(window, qtbot, tmp_path):
    """A walk on a 200-session office: adding a bundle froze the window 14-28 s, and each
    file added checked every file already listed again. Now the checks run off the GUI
    thread with a progress bar, and a file listed is not checked again when another comes."""
    first = laptop_bundle(window, tmp_path, LAPTOP, "norte")
    second = laptop_bundle(window, tmp_path, OTHER, "sur")
    dialog = ImportBundlesDialog(window, window.repo)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.add_paths([first])
    assert dialog.busy and dialog.progress.isVisible()  # the window goes on meanwhile
    assert not dialog.import_button.isEnabled() and not dialog.office_key_button.isEnabled()
    settle(qtbot, dialog)
    assert not dialog.progress.isVisible() and dialog.table.rowCount() == 1
    checked = dialog.items[0].preview
    assert checked is not None
    dialog.add_paths([second])
    dialog.add_paths([first, second])  # while the second is checked: said, not queued twice
    assert "Ya estaban en la lista" in dialog.notice.text()
    settle(qtbot, dialog)
    assert [item.path for item in dialog.items] == [first, second]
    assert dialog.items[0].preview is checked  # not checked again
    assert dialog.table.item(1, 1).text() == "laptop-sur"


def test_a_bundle_with_nothing_new_says_importing_records_its_arrival(window, qtbot,
                                                                      tmp_path):
    """The walk: «Importar» stayed on for bundles whose row read "0 por agregar, 0 por
    actualizar, 0 en conflicto", and nothing said why: importing records that the
    bundle came back (which laptops returned)."""
    nominal_group(window.repo, "Mesa 1", ["Agua", "Luz"], [], FakeClock())
    path = tmp_path / "oficina.cocrea"
    path.write_bytes(B.export_bundle(window.repo.path, device=window.repo.pf.device).data)
    dialog = import_window(qtbot, window, [path])
    assert dialog.table.item(0, 4).text() == \
        "nada nuevo; al importarlo queda registrado que llegó"
    assert dialog.import_button.isEnabled()


def test_a_check_that_cannot_read_the_process_says_so_and_lists_nothing(window, qtbot,
                                                                        tmp_path,
                                                                        monkeypatch):
    """The background check reads the process on a connection of its own: when the file
    is no longer where it was (moved while the window was open), the check says so in
    Spanish, lists nothing, and the same file can be chosen again."""
    from cocrea_desktop.ui import operations as ops

    seen: list[str] = []
    monkeypatch.setattr(ops, "show_error", lambda _parent, err: seen.append(err.message))
    good = laptop_bundle(window, tmp_path, LAPTOP, "norte")
    dialog = ImportBundlesDialog(window, window.repo)
    qtbot.addWidget(dialog)
    dialog.show()
    moved = window.repo.path.with_name("movido.cocrea.db")
    window.repo.path.rename(moved)
    try:
        dialog.add_paths([good])
        settle(qtbot, dialog)
        assert seen and "oficina.cocrea.db" in seen[0]
        assert dialog.table.rowCount() == 0 and dialog._queued == []
    finally:
        moved.rename(window.repo.path)
    dialog.add_paths([good])  # chosen again: checked, not "ya estaba en la lista"
    settle(qtbot, dialog)
    assert dialog.table.rowCount() == 1 and not dialog.notice.isVisible()
