"""An optional final round with a few ballots: the warning, and taking the preliminary round.

Driven as the facilitator does: ballots typed in the vote phases, the results screen read,
the preliminary round chosen with its button, the results PDF made from the menu and read
back. Screen, projector and PDF name the same round.
"""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from cocrea_desktop.export.room_state import room_state
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.evidence_menu import EvidenceMenu
from cocrea_desktop.ui.main_window import MainWindow
from tests.ui.helpers import type_text

QUESTION = "¿Qué le falta al agua potable?"
ALT = Qt.KeyboardModifier.AltModifier
WARNING = ("La votación final tiene 1 de 4 boletas esperadas (votación preliminar: 4; "
           "folios entregados: 0).")


@pytest.fixture
def errors(monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(ops, "show_error", lambda _parent, err: seen.append(err.message))
    return seen


@pytest.fixture
def screen(qtbot, tmp_path):
    qt_i18n.install("es")
    path = tmp_path / "agua.cocrea.db"
    with Repo.create(path, name="Plan de Acción Local 2027") as repo:
        sid, _ = repo.add_session(method="nominal_group", question=QUESTION)
        repo.phases.go_to(sid, "silent_writing")
        repo.phases.go_to(sid, "round")
        for text in ("Hay fugas en la red", "Cobran de más", "No hay informe del comité",
                     "La pipa llega tarde", "Falta agua en las secundarias"):
            repo.ideas.add(sid, text)
        repo.phases.go_to(sid, "clarification")
        repo.phases.go_to(sid, "preliminary_vote")
        repo.votes.configure(sid, "preliminary", k=3)
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_path(path)
    w.show()
    w.table.selectRow(0)
    s = w.conduct_session()
    qtbot.waitExposed(s)
    s.activateWindow()
    yield w, s
    s.close()
    w.close()


def type_ballot(qtbot, entry, text: str) -> None:
    type_text(qtbot, entry, text)
    qtbot.keyClick(entry, Qt.Key.Key_Return)


def next_phase(qtbot, s, key: str) -> None:
    qtbot.keyClick(QApplication.focusWidget() or s, Qt.Key.Key_Right, ALT)
    assert s.phase.key == key


def pdf_text(path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_a_short_final_round_warns_and_the_preliminary_can_stand(screen, qtbot, errors,
                                                                 tmp_path, monkeypatch):
    window, s = screen
    repo, sid = s.repo, s.session_id
    assert s.phase.key == "preliminary_vote"
    vote = s.panel()
    for ballot in ("1 2 3", "2 3 4", "3 1 5", "1 3 2"):
        type_ballot(qtbot, vote.entry, ballot)
    assert repo.votes.count_ballots(sid, "preliminary") == 4
    next_phase(qtbot, s, "discussion")
    next_phase(qtbot, s, "final_vote")
    type_ballot(qtbot, s.panel().entry, "5 4 3")
    assert repo.votes.count_ballots(sid, "final") == 1
    next_phase(qtbot, s, "results")

    # The final round, with one ballot, would stand: the screen says so and warns.
    results = s.panel().results
    assert results.shown.text() == "Se muestra: Votación final (1 boleta)"
    assert results.warning.isVisible() and results.warning.text() == WARNING
    assert results.standing.text() == "Resultado de la sesión: votación final."
    assert not results.take_button.isVisible()   # the round shown already stands
    assert room_state(repo, sid).items_title == "Resultados: Votación final"

    # Show the preliminary round and take it as the session's result.
    results.round_combo.setFocus()
    qtbot.keyClick(results.round_combo, Qt.Key.Key_Up)
    assert results.shown.text() == "Se muestra: Votación preliminar (4 boletas)"
    assert results.take_button.isVisible()
    assert results.take_button.text() == "Tomar la votación preliminar como resultado"
    qtbot.mouseClick(results.take_button, Qt.MouseButton.LeftButton)
    assert not errors
    assert repo.votes.result_round(sid) == "preliminary"
    assert results.standing.text() == "Resultado de la sesión: votación preliminar."
    assert not results.take_button.isVisible()
    assert results.warning.text() == WARNING     # the fact stays in view
    assert s.undo_button.accessibleName() == "Deshacer: tomar como resultado la votación preliminar"
    # A long action name is shortened on the button (the bar fits 1024 px), whole in its tip.
    assert s.undo_button.text().startswith("Deshacer: tomar como") and \
        s.undo_button.text().endswith("…")
    assert "Deshacer: tomar como resultado la votación preliminar" in s.undo_button.toolTip()
    # The projector and the relatoría take the same round.
    assert room_state(repo, sid).items_title == "Resultados: Votación preliminar"
    # The relatoría's summary is read when its tab shows (not behind the results tab).
    assert s.panel().relatoria.summary.toPlainText() == ""
    s.panel().tabs.setCurrentIndex(1)
    summary = s.panel().relatoria.summary.toPlainText()
    assert "Resultado de la sesión: votación preliminar." in summary and WARNING in summary
    s.panel().tabs.setCurrentIndex(0)

    # The results PDF, made from the menu, names the preliminary round and warns.
    target = tmp_path / "resultados.pdf"
    monkeypatch.setattr(EvidenceMenu, "ask_save_path",
                        staticmethod(lambda parent, title, suggested: str(target)))
    window.evidence.act_results.trigger()
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(
        QMessageBox, "report_message")), timeout=15000)
    for box in window.findChildren(QMessageBox, "report_message"):
        box.accept()
    qtbot.waitUntil(lambda: window.evidence.task is None)
    text = pdf_text(target)
    assert "Resultado de la sesión: votación preliminar." in text
    assert "Aviso: " + WARNING in text

    # Undo: the last round with votes stands again, everywhere.
    qtbot.mouseClick(s.undo_button, Qt.MouseButton.LeftButton)
    assert repo.votes.result_round(sid) == "final"
    assert results.standing.text() == "Resultado de la sesión: votación final."
    assert results.take_button.isVisible()       # the preliminary is still the round shown
    assert room_state(repo, sid).items_title == "Resultados: Votación final"
