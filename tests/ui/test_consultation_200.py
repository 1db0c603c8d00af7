"""A consultation of 200 comments through the «Consulta pública» tab, as the office would
run it: 180 typed in the fast-entry row (Enter saves), a spreadsheet refused row by row
(nothing imported) then 10 rows imported in the background, 10 paper forms printed,
rendered to images, decoded and registered by typing only their text; a repeated comment
joined and the join undone with Ctrl+Z; every comment answered with Ctrl+Enter from the
unanswered filter; the consultation closed and the report read back: none unanswered."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from cocrea_desktop.ui.dialogs.problems_dialog import ProblemsDialog
from cocrea_desktop.ui.views.consultation_page import ConsultationPage
from tests.ui.test_consultation_page import errors, open_tab, window  # noqa: F401


@pytest.fixture
def problems(monkeypatch):
    seen: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(ProblemsDialog, "show_problems",
                        classmethod(lambda cls, _p, _t, message, lines: seen.append(
                            (message, lines))))
    return seen


def test_two_hundred_comments_through_the_tab(window, qtbot, errors, problems,  # noqa: F811
                                             tmp_path, monkeypatch):
    page = open_tab(window, qtbot)
    repo = window.repo
    page.o_start.setText("10/08/2027")
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    page.e_date.setText("12/08/2027")
    page.e_commitment.setCurrentIndex(page.e_commitment.findData("1"))
    page.e_text.setFocus()
    for i in range(180):
        qtbot.keyClicks(page.e_text, f"Comentario tecleado {i + 1} sobre el tandeo")
        qtbot.keyClick(page.e_text, Qt.Key.Key_Return)
    assert errors == [] and page.table.rowCount() == 180
    # a spreadsheet with bad rows: nothing imported, every bad row listed in Spanish
    bad = tmp_path / "malo.csv"
    bad.write_text("fecha,compromiso,comentario\n12/08/2027,1,Bien\n01/01/2026,1,Antes\n"
                   "12/08/2027,9,Otro\n", encoding="utf-8")
    with qtbot.waitSignal(page.import_comments(str(bad)).finished, timeout=20000):
        pass
    qtbot.waitUntil(lambda: page.task is None)
    message, lines = problems[-1]
    assert "No se importó nada: 2 renglones tienen problemas" in message
    assert lines[0].startswith("Renglón 3:") and "fuera del periodo" in lines[0]
    assert lines[1].startswith("Renglón 4:") and "«9»" in lines[1]
    assert len(repo.consultation.comments()) == 180
    good = tmp_path / "bueno.csv"
    good.write_text("fecha,canal,compromiso,comentario\n" + "".join(
        f"1{i}/08/2027,buzón en la presidencia,1,Comentario del buzón {i + 1}\n"
        for i in range(10)), encoding="utf-8")
    with qtbot.waitSignal(page.import_comments(str(good)).finished, timeout=20000):
        pass
    qtbot.waitUntil(lambda: len(repo.consultation.comments()) == 190)
    assert "Se importaron 10 comentarios." in page.form_status.text()
    # ten paper forms printed, then scanned back and registered typing only their text
    pdf = tmp_path / "formatos.pdf"

    def run_dialog(dialog):
        dialog.file.setText(str(pdf))
        dialog.count.setValue(10)
        dialog.per_page.setCurrentIndex(dialog.per_page.findData(2))
        dialog.make_pdf()
        qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)
        assert "Listos: 10 formatos" in dialog.status.text()

    monkeypatch.setattr(ConsultationPage, "run_forms_dialog", staticmethod(run_dialog))
    page.print_forms()
    assert len(repo.consultation.forms()) == 10
    doc = pdfium.PdfDocument(str(pdf))
    scans = []
    for i, sheet in enumerate(doc):
        scans.append(tmp_path / f"escaneo-{i}.png")
        sheet.render(scale=200 / 72).to_pil().convert("L").save(scans[-1])
    doc.close()
    page.e_date.setText("")
    with qtbot.waitSignal(page.scan_forms([str(p) for p in scans]).finished, timeout=30000):
        pass
    qtbot.waitUntil(lambda: page.task is None)
    assert "10 formatos leídos: 10 listos para registrar." in page.form_status.text() or \
        "(10 en espera)" in page.form_status.text()
    for n in range(10):
        assert page.e_channel.currentData() == "form" and page.e_form.text()
        assert page.e_commitment.currentData() == "1" and page.e_date.text()
        qtbot.keyClicks(page.e_text, f"Formato escrito a mano {n + 1}")
        qtbot.keyClick(page.e_text, Qt.Key.Key_Return)
    assert errors == [] and page.e_form.text() == ""
    assert all(f.registered for f in repo.consultation.forms())
    assert len(repo.consultation.comments()) == 200
    # typing a registered form's serial again: refused in Spanish, nothing filled in
    page.e_form.setText(repo.consultation.forms()[0].shown_serial)
    qtbot.keyClick(page.e_form, Qt.Key.Key_Return)
    assert "ya se registró como el comentario" in page.form_status.text()
    page.e_form.setText("")
    # a repeated comment joined, then the join undone with Ctrl+Z
    page.table.selectRow(5)
    label = page.chosen().label
    page.join_chosen("2")
    assert repo.consultation.comment(label).duplicate_of
    page.e_text.setFocus()
    qtbot.keyClick(page.e_text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not repo.consultation.comment(label).duplicate_of
    page.table.selectRow(5)
    page.join_chosen("2")
    # every comment answered from the unanswered filter, Ctrl+Enter in the reason
    page.only_unanswered.setChecked(True)
    assert page.table.rowCount() == 200  # the joined one waits for the one it repeats
    page.table.selectRow(0)
    while page.table.rowCount():
        page.a_response.setCurrentIndex(page.a_response.findData("partly"))
        page.a_reason.setFocus()
        page.a_reason.setPlainText("Cabe solo una parte en el presupuesto")
        qtbot.keyClick(page.a_reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert errors == [] and repo.consultation.unanswered() == []
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert repo.consultation.current().status == "closed"
    report = page.write_report(str(tmp_path / "respuesta.pdf"))
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(report)).pages).split())
    assert "sin respuesta" not in text
    for needle in ("tecleado 180 sobre", "Comentario del buzón 10", "escrito a mano 10",
                   "(se unió al 2)"):
        assert needle in text
    assert text.count("Cabe solo una parte en el presupuesto") >= 199
