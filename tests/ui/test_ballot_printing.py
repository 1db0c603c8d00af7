"""Printing prints: the system print dialog, a real QPrinter (PDF output), layouts that fit,
a refused print issues nothing, unused serials voided from the window."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from cocrea_desktop.export.scan import scan_path
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.views import paper_widgets
from cocrea_desktop.ui.views.paper_widgets import PaperBallotsBox, PrintBallotsDialog
from tests.export.test_paper_roundtrip import render_pages
from tests.ui.test_paper_gui import errors, sid, vote  # noqa: F401 - fixtures

LONG = ("Que el municipio repare el camino de terracería entre la cabecera y la agencia "
        "antes de las lluvias de junio, con faena")


def test_imprimir_opens_the_print_dialog_and_prints_every_page(vote, repo, sid, qtbot,  # noqa: F811
                                                               tmp_path, monkeypatch, errors):
    from PySide6.QtPrintSupport import QPrinter

    printed = tmp_path / "impresora.pdf"
    asked: list = []

    def ask_printer(_parent, printer):  # the user picks a printer (here: a PDF printer)
        asked.append(printer)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(PrintBallotsDialog, "ask_printer", staticmethod(ask_printer))
    vote.paper.print_button.click()
    dialog = vote.paper.print_dialog
    dialog.count.setValue(5)
    dialog.per_page.setCurrentIndex(dialog.per_page.findData(2))
    dialog.file.setText(str(tmp_path / "boletas.pdf"))
    assert dialog.print_button.text() == "Imprimir…"
    dialog.print_button.click()
    qtbot.waitUntil(lambda: dialog.pages_sent == 3 and not dialog.running(), timeout=30_000)
    assert len(asked) == 1 and asked[0].fullPage()
    assert "Se enviaron 3 hojas a la impresora." in dialog.status.text()
    assert len(PdfReader(str(printed)).pages) == 3
    # What came out of the printer scans back: every ballot's code decodes.
    pages = render_pages(printed, tmp_path / "salida", dpi=200)
    found = sorted(c.text.split()[4] for p in pages for c in scan_path(p).codes)
    assert found == sorted(r["serial"] for r in repo.register.issued(sid, "preliminary"))
    assert len(found) == 5 and errors == []


def test_cancelling_the_print_dialog_issues_nothing(vote, repo, sid, qtbot, tmp_path,  # noqa: F811
                                                    monkeypatch, errors):
    monkeypatch.setattr(PrintBallotsDialog, "ask_printer", staticmethod(lambda _p, _pr: False))
    vote.paper.print_button.click()
    dialog = vote.paper.print_dialog
    dialog.file.setText(str(tmp_path / "b.pdf"))
    dialog.print_button.click()
    assert not dialog.running()
    assert "no se emitió ningún folio" in dialog.status.text()
    assert repo.register.summary(sid, "preliminary").issued == 0
    assert not (tmp_path / "b.pdf").exists()


def test_only_layouts_that_fit_are_offered(qtbot, repo):
    sid, _ = repo.add_session(method="nominal_group", question="¿Qué hacemos primero?")
    for i in range(14):
        repo.ideas.add(sid, LONG[: 110 - i])
    repo.votes.configure(sid, "preliminary", k=5)
    dialog = PrintBallotsDialog(repo, sid, "preliminary")
    qtbot.addWidget(dialog)
    offered = [dialog.per_page.itemData(i) for i in range(dialog.per_page.count())]
    assert offered and 4 not in offered and 1 in offered
    for i in range(16, 60):
        repo.ideas.add(sid, LONG[:100])
    dialog.update_layouts()
    assert dialog.per_page.count() == 0
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    assert "No caben" in dialog.status.text()


def test_file_dialogs_start_outside_the_hidden_data_folder(qtbot, monkeypatch, tmp_path):
    """The demo lies in the hidden data folder: the ballots go to Documents, never to the
    folder the program was started from (the program's own) nor the hidden folder."""
    from cocrea_desktop.store.paths import data_dir
    from cocrea_desktop.store.repo import Repo
    from cocrea_desktop.ui.places import start_folder

    program = tmp_path / "programa"
    program.mkdir()
    monkeypatch.chdir(program)
    home = tmp_path / "casa"
    documents = home / "Documents"
    documents.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    inside = data_dir() / "demo.cocrea.db"
    with Repo.create(inside, name="Demo") as repo:
        sid, _ = repo.add_session(method="nominal_group", question="¿Qué?")
        for text in ("Agua", "Luz"):
            repo.ideas.add(sid, text)
        dialog = PrintBallotsDialog(repo, sid, "preliminary")
        qtbot.addWidget(dialog)
        stem = "boletas-" + sid[:8]
        assert dialog.file.text() == str(documents / (stem + ".pdf"))
        assert start_folder(repo) == documents
        # Walk-through defect: the same default for every session and round overwrote the
        # PDF of ballots already issued. A name already taken is never suggested.
        (documents / (stem + ".pdf")).write_bytes(b"%PDF-")
        again = PrintBallotsDialog(repo, sid, "final")
        qtbot.addWidget(again)
        assert again.file.text() == str(documents / (stem + "-2.pdf"))
        (documents / (stem + ".pdf")).unlink()
    documents.rmdir()  # no Documents folder: the home folder
    assert start_folder(None) == home
    elsewhere = tmp_path / "mis procesos" / "p.cocrea.db"
    elsewhere.parent.mkdir()
    with Repo.create(elsewhere, name="P") as repo:
        assert start_folder(repo) == elsewhere.parent


def test_void_unused_serials_from_the_window(vote, repo, sid, qtbot, tmp_path,  # noqa: F811
                                             monkeypatch, errors):
    from cocrea_desktop.export.paper import print_ballots

    serials = print_ballots(repo, sid, "preliminary", 3, tmp_path / "b.pdf")
    vote.paper.refresh()
    seen: list = []

    def ask_void(_parent, unused):
        seen.append(list(unused))
        return [unused[0], unused[2]], "Se mojaron dos hojas"

    monkeypatch.setattr(PaperBallotsBox, "ask_void", staticmethod(ask_void))
    vote.paper.void_button.click()
    assert seen == [serials]
    assert "Se anularon 2 folios sin usar." in vote.paper.message.text()
    summary = repo.register.summary(sid, "preliminary")
    assert (summary.issued, summary.withdrawn, summary.not_returned) == (3, 2, 1)
    assert "Anuladas sin usar 2" in vote.paper.register.text()
    assert ops.bus() is not None and errors == []
