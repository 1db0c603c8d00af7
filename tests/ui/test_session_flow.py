"""A whole nominal group run from the session screen with only the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.dialogs.text_dialog import TextDialog
from cocrea_desktop.ui.main_window import MainWindow
from cocrea_desktop.ui.models.base import Role
from tests.ui.helpers import type_text, when_dialog

QUESTION = "¿Qué problemas de agua potable afectan más a su comunidad?"
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def errors(monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(ops, "show_error", lambda _parent, err: seen.append(err.message))
    return seen


@pytest.fixture
def window(qtbot, tmp_path):
    qt_i18n.install("es")
    path = tmp_path / "agua.cocrea.db"
    with Repo.create(path, name="Plan de Acción Local 2027", municipality="Cuicatlán",
                     state="Oaxaca") as repo:
        repo.add_session(method="nominal_group", question=QUESTION,
                         table_label="Mesa 1 · Cabecera", date="2027-02-06",
                         place="Salón de usos múltiples", facilitator="Rosa Martínez",
                         participant_count=4)
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_path(path)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(), key, modifier)


def type_line(qtbot, text: str) -> None:
    """Type into the focused widget and press Enter."""
    type_text(qtbot, focused(), text)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


def next_phase(qtbot, screen, key: str) -> None:
    press(qtbot, Qt.Key.Key_Right, ALT)
    assert screen.phase.key == key


def results_table(view) -> dict[int, tuple[str, ...]]:
    model = view.model
    rows = {}
    for r in range(model.rowCount()):
        option = model.index(r, 0).data(Role.NUMBER)
        rows[option] = tuple(model.index(r, c).data() for c in range(model.columnCount()))
    return rows


def test_a_whole_nominal_group_with_only_the_keyboard(window, qtbot, errors):
    window.table.setFocus()
    window.table.selectRow(0)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)  # Enter on the session row
    screen = window.session_screens[window.current_session_id()]
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    repo, sid = screen.repo, screen.session_id

    # 0. Pregunta: the question, large; the guide says what comes next.
    assert screen.guide.title.text() == "Fase 1 de 8: Pregunta"
    assert screen.panel().question.text() == QUESTION
    assert screen.guide.next.text() == "Sigue: Escritura en silencio"
    screen.help_button.setFocus()

    # 1. Escritura en silencio: F5 starts the 10-minute timer.
    next_phase(qtbot, screen, "silent_writing")
    assert screen.timer.isVisible() and screen.timer.display.text() == "10:00"
    press(qtbot, Qt.Key.Key_F5)
    assert repo.phases.timer(sid).running

    # 2. Ronda: type, Enter; a "paso"; Ctrl+Z undoes the last capture; F2 edits.
    next_phase(qtbot, screen, "round")
    capture = screen.panel()
    assert focused() is capture.entry
    assert capture.turn.text() == "Vuelta 1 · turno 1"
    for text in ("Fugas en la red de agua potable",
                 "El agua llega turbia en temporada de lluvias",
                 "No hay tandeo parejo entre los barrios"):
        type_line(qtbot, text)
    assert capture.turn.text() == "Vuelta 1 · turno 4"
    press(qtbot, Qt.Key.Key_F3)  # paso
    assert capture.turn.text() == "Vuelta 2 · turno 1"
    for text in ("Falta cloración en el tanque", "Tarifas que no se entienden",
                 "Agua sucia cuando llueve", "Idea equivocada"):
        type_line(qtbot, text)
    assert capture.model.rowCount() == 7
    assert screen.undo_button.accessibleName() == "Deshacer: capturar la idea 7"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert capture.model.rowCount() == 6
    type_line(qtbot, "Nadie atiende los reportes de fugas")

    def reword(dialog: TextDialog):
        assert dialog.edit.text() == "Nadie atiende los reportes de fugas"
        type_text(qtbot, dialog.edit, "Nadie atiende los reportes de fugas en la colonia")
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)

    when_dialog(qtbot, TextDialog, reword)
    press(qtbot, Qt.Key.Key_F2)  # edits the last idea when none is chosen
    ideas = repo.ideas.list(sid)
    assert [(i.number, i.round, i.turn) for i in ideas] == [
        (1, 1, 1), (2, 1, 2), (3, 1, 3), (4, 2, 1), (5, 2, 2), (6, 2, 3), (7, 2, 4)]
    assert ideas[-1].text == "Nadie atiende los reportes de fugas en la colonia"
    assert repo.ideas.passes(sid) == 1
    assert capture.model.index(0, 0).data() == "1"
    assert capture.model.index(3, 2).data() == "Vuelta 2 · turno 1"

    # 3. Aclaración: merge 2 and 6 by typing their numbers; the room agrees (Ctrl+Enter).
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    next_phase(qtbot, screen, "clarification")
    clarify = screen.panel()
    assert focused() is clarify.merge_entry
    type_line(qtbot, "6 2")
    assert clarify.merges_model.index(0, 0).data() == "La idea 2 incluye a la 6"
    assert clarify.merges_model.index(0, 1).data() == "Propuesta: falta el acuerdo de la sala"
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert clarify.merges_model.index(0, 1).data() == "Acordada por la sala"
    assert clarify.model.index(1, 3).data() == "Vigente · incluye 6"
    assert clarify.model.index(5, 3).data() == "Fusionada en la 2"
    assert repo.ideas.active_numbers(sid) == [1, 2, 3, 4, 5, 7]

    # 4. Votación preliminar: k = 5 by default; ballots typed fast, checked while typing.
    next_phase(qtbot, screen, "preliminary_vote")
    vote = screen.panel()
    assert focused() is vote.entry
    assert vote.k.value() == 5
    for ballot in ("1 2 3 4 5", "2 1 7 3 4", "2 7 1 5 3"):
        type_line(qtbot, ballot)
    type_text(qtbot, vote.entry, "7 2 2 4 1")
    assert "La idea 2 aparece dos veces en la boleta." in vote.preview.text()
    qtbot.keyClick(vote.entry, Qt.Key.Key_Return)
    assert "Boleta 4 guardada. Cuentan 3 ideas." in vote.feedback.text()
    assert "No cuentan 2 entradas:" in vote.feedback.text()
    assert vote.feedback.text().count("«2»: La idea 2 aparece dos veces en la boleta.") == 1
    type_line(qtbot, "3 2 1 99")  # (a merged idea's number counts for the absorbing one)
    assert "«99»: La idea 99 no existe en esta votación." in vote.feedback.text()
    assert vote.ballots_model.rowCount() == 5
    assert not vote.k.isEnabled()  # the rule is fixed once there are votes
    assert repo.votes.count_ballots(sid, "preliminary") == 5

    # 5. Discusión del voto: the preliminary result with its distribution, and a note.
    next_phase(qtbot, screen, "discussion")
    discuss = screen.panel()
    assert focused() is discuss.notes.entry
    # Ctrl+Z right away undoes the move (the empty notes line swallowed it).
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert screen.phase.key == "preliminary_vote"
    next_phase(qtbot, screen, "discussion")
    discuss = screen.panel()
    assert focused() is discuss.notes.entry
    type_line(qtbot, "La idea 3 tiene votos muy divididos: una boleta la puso primero.")
    assert discuss.notes.list.count() == 1
    assert results_table(discuss.results)[2][:5] == ("1", "2",
                                                     "El agua llega turbia en temporada de "
                                                     "lluvias", "18", "4")

    # 6. Votación final.
    next_phase(qtbot, screen, "final_vote")
    final = screen.panel()
    assert final.title.text() == "Votación final"
    assert final.ballots_model.rowCount() == 0
    for ballot in ("2 7 1 3 4", "7 2 1 5 3", "2 1 7 4 5"):
        type_line(qtbot, ballot)
    assert repo.votes.count_ballots(sid, "final") == 3

    # 7. Resultados y relatoría: the final round is shown; then the preliminary one.
    next_phase(qtbot, screen, "results")
    results = screen.panel().results
    assert results.shown.text() == "Se muestra: Votación final (3 boletas)"
    final_rows = results_table(results)
    assert [final_rows[o][3] for o in (2, 7, 1)] == ["14", "12", "10"]
    assert [final_rows[o][0] for o in (2, 7, 1, 3, 4, 5)] == ["1", "2", "3", "4", "4", "4"]
    assert "comparten el lugar 4" in results.explain.text()
    assert focused() is results.round_combo
    press(qtbot, Qt.Key.Key_Up)
    assert results.shown.text() == "Se muestra: Votación preliminar (5 boletas)"
    assert "Cada boleta ordena hasta 5 ideas" in results.rule.text()
    rows = results_table(results)
    # rank, number, text, P, V, D(5), D(4), D(3), D(2), D(1): computed by hand
    expected = {2: ("1", "18", "4", "2", "2", "0", "0", "0"),
                1: ("2", "16", "5", "1", "1", "2", "0", "1"),
                7: ("3", "12", "3", "1", "1", "1", "0", "0"),
                3: ("4", "11", "4", "1", "0", "1", "1", "1"),
                4: ("5", "5", "3", "0", "0", "0", "2", "1"),
                5: ("6", "3", "2", "0", "0", "0", "1", "1")}
    for option, (rank, points, mentions, *dist) in expected.items():
        row = rows[option]
        assert (row[0], row[3], row[4], *row[5:]) == (rank, points, mentions, *dist), option
    assert results.model.headerData(3, Qt.Orientation.Horizontal) == "Puntos"
    assert results.model.headerData(5, Qt.Orientation.Horizontal) == "Boletas\ncon 5\npuntos"
    assert "Casi empates" in results.explain.text() and "≈" in results.explain.text()
    assert [b.value for b in results.chart.bars] == [18, 16, 12, 11, 5, 3]
    assert [b.marked for b in results.chart.bars] == [False, False, True, True, False, False]

    # The relatoría tab (Alt+L): pre-filled, and what is typed is saved as it is typed.
    phase_panel = screen.panel()
    press(qtbot, Qt.Key.Key_L, ALT)
    assert phase_panel.tabs.currentIndex() == 1
    # The offscreen platform drops the window activation when the tab's widgets are first
    # shown; a window manager keeps it, so give it back as one would.
    qtbot.wait(20)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    form = phase_panel.relatoria
    summary = form.summary.toPlainText()
    assert QUESTION in summary and "Salón de usos múltiples" in summary
    assert "fusionada en la 2" in summary and "incluye 6" in summary
    assert focused() is form.edits["convergences"]
    type_text(qtbot, focused(), "La sala coincide en que las fugas son lo más urgente.")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    type_text(qtbot, focused(), "Hubo desacuerdo sobre las tarifas.")
    qtbot.waitUntil(lambda: "guardada" in form.status.text(), timeout=3000)
    assert repo.relatoria.get(sid).convergences == \
        "La sala coincide en que las fugas son lo más urgente."
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    type_text(qtbot, focused(), "Reunión con el comité de agua el 15 de marzo.")
    path = repo.path
    window.close()  # closing saves what was typed at once (no waiting for the pause)
    assert errors == []

    with Repo.open(path, read_only=True) as reopened:
        kept = reopened.relatoria.get(sid)
        assert kept.convergences == "La sala coincide en que las fugas son lo más urgente."
        assert kept.dissent == "Hubo desacuerdo sobre las tarifas."
        assert kept.next_steps == "Reunión con el comité de agua el 15 de marzo."
        assert reopened.session(sid).phase == "results"
        assert len(reopened.ideas.list(sid)) == 7
        assert reopened.pf.verify_journal().ok


def test_the_session_screen_opens_from_button_and_menu(window, qtbot):
    window.table.selectRow(0)
    qtbot.mouseClick(window.conduct_button, Qt.MouseButton.LeftButton)
    screen = window.session_screens[window.current_session_id()]
    assert screen.isVisible() and screen.windowTitle().startswith("Conducir sesión")
    screen.close()
    window.activateWindow()
    window.act_conduct.trigger()
    again = window.session_screens[window.current_session_id()]
    assert again is not screen and again.isVisible()
    assert "Conducir sesión" in [a.text().replace("&", "").rstrip("…")
                                 for a in window.menu_session.actions()]
