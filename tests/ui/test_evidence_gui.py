"""The «Informes» menu driven as a user would: privacy notice, attendance, PDFs, open data."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.dialogs.attendance_dialog import AttendanceDialog
from cocrea_desktop.ui.dialogs.privacy_dialog import PrivacyDialog
from cocrea_desktop.ui.evidence_menu import EvidenceMenu
from cocrea_desktop.ui.main_window import MainWindow
from tests.ui.helpers import type_text, when_dialog


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
    w.table.selectRow(0)
    yield w
    w.close()


def close_message(qtbot, window):
    def find():
        boxes = [b for b in window.findChildren(QMessageBox, "report_message")
                 if b.isVisible()]
        assert boxes
        return boxes[0]

    qtbot.waitUntil(lambda: bool([b for b in window.findChildren(QMessageBox,
                                                                 "report_message")
                                  if b.isVisible()]), timeout=15000)
    box = find()
    text = box.text()
    box.accept()
    return text


def test_the_menu_is_there_in_spanish(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Informes" in titles
    assert titles.index("&Informes") < titles.index("Idi&oma")
    assert window.evidence.act_attendance.isEnabled()


def test_privacy_notice_dialog(window, qtbot):
    def fill(dialog: PrivacyDialog):
        dialog.body.clear()
        type_text(qtbot, dialog.body, "Comité de Transparencia de Cuicatlán")
        type_text(qtbot, dialog.full_notice_at, "la presidencia municipal")
        assert "Comité de Transparencia de Cuicatlán es responsable" in dialog.preview.text()
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)

    seen = when_dialog(qtbot, PrivacyDialog, fill)
    window.evidence.act_privacy.trigger()
    assert "dialog" in seen
    settings = window.repo.attendance.privacy()
    assert settings.body == "Comité de Transparencia de Cuicatlán"
    assert settings.notice == ""  # still the default text
    assert window.repo.attendance.notice_text().endswith("la presidencia municipal.")
    assert window.repo.undo_label() == "editar el aviso de privacidad"


def test_attendance_counts_people_and_erasure(window, qtbot, monkeypatch):
    # A session of the demo whose attendance was not counted yet (the first one was).
    rows = [i for i, s in enumerate(window.repo.sessions()) if s.status == "planned"]
    window.table.selectRow(rows[0])
    session = window.current_session()
    assert not any(window.repo.attendance.counts(session.id).values())
    monkeypatch.setattr(AttendanceDialog, "confirm", staticmethod(lambda parent, text: True))

    def use(dialog: AttendanceDialog):
        qtbot.keyClick(dialog.notice_read, Qt.Key.Key_Space)
        spin = dialog.spins["sector"]["gobierno"]
        spin.selectAll()
        type_text(qtbot, spin, "3")
        dialog.spins["sex"]["mujer"].setValue(7)
        table = dialog.free["community"]
        from PySide6.QtWidgets import QTableWidgetItem

        table.setItem(0, 0, QTableWidgetItem("Quiotepec"))
        table.setItem(0, 1, QTableWidgetItem("5"))
        assert dialog.total_labels["community"].text() == "Total: 5"
        qtbot.mouseClick(dialog.save_counts_button, Qt.MouseButton.LeftButton)

        dialog.tabs.setCurrentIndex(1)
        type_text(qtbot, dialog.person_name, "Águeda Ñuñez")
        qtbot.keyClick(dialog.consent_photos, Qt.Key.Key_Space)
        qtbot.keyClick(dialog.person_name, Qt.Key.Key_Return)
        assert dialog.people_table.rowCount() == 1
        type_text(qtbot, dialog.person_name, "Bruno Cruz")
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        dialog.people_table.selectRow(0)  # ARCO: shown
        assert dialog.person_name.text() == "Águeda Ñuñez" and dialog.consent_photos.isChecked()
        dialog.person_name.selectAll()
        type_text(qtbot, dialog.person_name, "Águeda Núñez")
        qtbot.mouseClick(dialog.correct_button, Qt.MouseButton.LeftButton)
        assert dialog.people_table.item(0, 1).text() == "Águeda Núñez"
        dialog.people_table.selectRow(0)
        qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
        assert dialog.people_table.item(0, 1).text() == "(datos borrados)"
        dialog.reject()

    seen = when_dialog(qtbot, AttendanceDialog, use)
    window.evidence.act_attendance.trigger()
    assert "dialog" in seen
    with Repo.open(window.repo.path, read_only=True) as reader:
        counts = reader.attendance.counts(session.id)
        assert counts["sector"] == {"gobierno": 3} and counts["sex"] == {"mujer": 7}
        assert counts["community"] == {"Quiotepec": 5}
        assert reader.attendance.notice_read_aloud(session.id)
        people = reader.attendance.people(session.id)
        assert [(p.number, p.name, p.erased) for p in people] == [
            (1, "", True), (2, "Bruno Cruz", False)]


def test_a_report_is_made_in_the_background(window, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "salida" / "resultados"
    target.parent.mkdir()
    monkeypatch.setattr(EvidenceMenu, "ask_save_path",
                        staticmethod(lambda parent, title, suggested: str(target)))
    window.evidence.act_results.trigger()
    assert window.evidence.task is not None and not window.evidence.act_results.isEnabled()
    text = close_message(qtbot, window)
    assert "El PDF está listo" in text and "resultados.pdf" in text
    assert (tmp_path / "salida" / "resultados.pdf").read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: window.evidence.task is None)
    assert window.evidence.act_results.isEnabled()


def test_every_report_and_the_sheet_from_the_menu(window, qtbot, tmp_path, monkeypatch):
    made = []

    def where(parent, title, suggested):
        path = tmp_path / "out{}.pdf".format(len(made))
        made.append(path)
        return str(path)

    monkeypatch.setattr(EvidenceMenu, "ask_save_path", staticmethod(where))
    for action in (window.evidence.act_sheet, window.evidence.act_relatoria,
                   window.evidence.act_acta, window.evidence.act_process):
        action.trigger()
        assert "El PDF está listo" in close_message(qtbot, window)
        qtbot.waitUntil(lambda: window.evidence.task is None)
    assert all(p.stat().st_size > 1000 for p in made) and len(made) == 4


def test_open_data_from_the_menu(window, qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "abiertos"
    monkeypatch.setattr(EvidenceMenu, "ask_folder",
                        staticmethod(lambda parent, title, suggested: str(folder)))
    window.evidence.act_opendata.trigger()
    text = close_message(qtbot, window)
    assert "Los datos abiertos están listos" in text and str(folder) in text
    assert (folder / "sessions.csv").exists() and (folder / "README.md").exists()


def test_cancelled_file_choice_does_nothing(window, monkeypatch):
    monkeypatch.setattr(EvidenceMenu, "ask_save_path",
                        staticmethod(lambda parent, title, suggested: None))
    window.evidence.act_acta.trigger()
    assert window.evidence.task is None
    assert QApplication.activeModalWidget() is None


def test_answering_no_to_the_erasure_question_keeps_the_data(window, qtbot):
    """The real question box: "No" (also the default, so Enter) keeps everything; "Sí" erases."""
    session = window.current_session()
    window.repo.attendance.add_person(session.id, name="Águeda Núñez", phone="951 765 4321",
                                      consent_contact=True)
    journal = window.repo.pf.scalar("SELECT count(*) FROM journal")

    def answer(button, asked):
        def act(box: QMessageBox):
            asked.append(box.text())
            box.button(button).click()
        return act

    def use(dialog: AttendanceDialog):
        try:
            check(dialog)
        finally:
            dialog.reject()  # a failed check must not leave the modal dialog open

    def check(dialog: AttendanceDialog):
        dialog.tabs.setCurrentIndex(1)
        dialog.people_table.selectRow(0)
        asked: list[str] = []
        seen_no = when_dialog(qtbot, QMessageBox, answer(QMessageBox.StandardButton.No, asked))
        qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
        assert "dialog" in seen_no, "the erasure question was never asked"
        assert asked == ["¿Borrar los datos de la persona 1? No se puede deshacer. Los "
                         "conteos de asistencia no cambian."]
        assert dialog.people_table.item(0, 1).text() == "Águeda Núñez"
        person = window.repo.attendance.person_by_number(session.id, 1)
        assert (person.name, person.phone, person.erased) == ("Águeda Núñez", "951 765 4321",
                                                              False)
        assert window.repo.pf.scalar("SELECT count(*) FROM journal") == journal
        # The same question answered "Sí" does erase: the "No" above was really heard.
        dialog.people_table.selectRow(0)
        seen_yes = when_dialog(qtbot, QMessageBox, answer(QMessageBox.StandardButton.Yes, asked))
        qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
        assert "dialog" in seen_yes
        assert dialog.people_table.item(0, 1).text() == "(datos borrados)"

    seen = when_dialog(qtbot, AttendanceDialog, use)
    window.evidence.act_attendance.trigger()
    assert "dialog" in seen
    assert window.repo.attendance.person_by_number(session.id, 1).erased


def test_the_second_report_from_the_menu_as_pdf_and_as_docx(window, qtbot, tmp_path,
                                                           monkeypatch):
    """«Segundo informe» is the process's, whichever session is chosen: the name offered has
    no session date; the file written is the PDF or the Word document the user chose."""
    import docx
    from pypdf import PdfReader

    asked = []

    def where(parent, title, suggested):
        asked.append(suggested)
        return str(tmp_path / ("informe.docx" if len(asked) == 2 else "informe"))

    monkeypatch.setattr(EvidenceMenu, "ask_document_path", staticmethod(where))
    monkeypatch.setattr(EvidenceMenu, "ask_save_path", staticmethod(
        lambda *a: pytest.fail("the second report offers PDF or Word, not only PDF")))
    menu = window.evidence
    assert menu.act_informe2 in menu.menu.actions() and menu.act_informe2.isEnabled()
    assert menu.act_informe2.text() == "Segundo informe: &encuentros ciudadanos (PDF o Word)…"
    menu.act_informe2.trigger()
    text = close_message(qtbot, window)
    assert "El PDF está listo" in text and "informe.pdf" in text
    qtbot.waitUntil(lambda: menu.task is None)
    pages = PdfReader(str(tmp_path / "informe.pdf")).pages
    assert "Segundo informe: encuentros ciudadanos" in pages[0].extract_text()
    assert asked[0].endswith("segundo-informe.pdf")  # no session's date in the name
    menu.act_informe2.trigger()
    text = close_message(qtbot, window)
    assert "El documento está listo" in text and "informe.docx" in text
    qtbot.waitUntil(lambda: menu.task is None)
    headings = [p.text for p in docx.Document(str(tmp_path / "informe.docx")).paragraphs
                if p.style.name.startswith("Heading")]
    assert "5. Propuestas sistematizadas por tema" in headings
