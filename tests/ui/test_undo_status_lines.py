"""Ctrl+Z undoes the last ballot with the cursor still in the Boleta field, and the panels'
status lines stop saying what an undo took back (found in the walk-through: the field ate
Ctrl+Z, and "Boleta 5 guardada" stayed on screen after the undo)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.views.session_screen import SessionScreen
from tests.ui.helpers import type_text
from tests.ui.vote_fixtures import IDEAS, errors, sid, vote  # noqa: F401, F811 (fixtures)

CTRL = Qt.KeyboardModifier.ControlModifier


def test_ctrl_z_in_the_ballot_field_undoes_the_last_ballot(vote, qtbot, repo, sid, errors):  # noqa: F811
    vote.entry.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is vote.entry)
    for typed in ("1 2 3", "2 3 4", "3 4 5", "1 4 5", "2 4 5"):
        type_text(qtbot, vote.entry, typed)
        qtbot.keyClick(vote.entry, Qt.Key.Key_Return)
    assert len(repo.votes.ballots(sid, "preliminary")) == 5
    assert vote.feedback.text().startswith("Boleta 5 guardada")
    screen = vote.window()
    assert screen.undo_button.accessibleName() == "Deshacer: capturar la boleta 5"

    qtbot.keyClick(vote.entry, Qt.Key.Key_Z, CTRL)  # the cursor is still in the field
    assert len(repo.votes.ballots(sid, "preliminary")) == 4
    assert "Boleta 5 guardada" not in vote.feedback.text()
    assert vote.feedback.text() == "Se deshizo: capturar la boleta 5."
    qtbot.keyClick(vote.entry, Qt.Key.Key_Z, CTRL)
    assert len(repo.votes.ballots(sid, "preliminary")) == 3
    assert errors == []


def test_ctrl_z_in_the_field_still_undoes_typing_first(vote, qtbot, repo, sid):  # noqa: F811
    vote.entry.setFocus()
    type_text(qtbot, vote.entry, "1 2 3")
    qtbot.keyClick(vote.entry, Qt.Key.Key_Return)
    type_text(qtbot, vote.entry, "4")
    qtbot.keyClick(vote.entry, Qt.Key.Key_Z, CTRL)  # takes back the typing, not the ballot
    assert vote.entry.text() == ""
    assert len(repo.votes.ballots(sid, "preliminary")) == 1


def test_undoing_a_pass_replaces_its_message(qtbot, repo):
    qt_i18n.install("es")
    session_id, _ = repo.add_session(method="nominal_group", question="¿Qué pasa con el agua?",
                                     participant_count=6, table_label="Mesa 1")
    for key in ("silent_writing", "round"):
        repo.phases.go_to(session_id, key)
    screen = SessionScreen(repo, session_id)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    panel = screen.panel()
    panel.entry.setFocus()
    for text in IDEAS:
        type_text(qtbot, panel.entry, text)
        qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    qtbot.keyClick(panel.entry, Qt.Key.Key_F3)  # paso
    assert panel.feedback.text() == "Registrado «paso» (vuelta 1, turno 6)."
    qtbot.keyClick(panel.entry, Qt.Key.Key_Z, CTRL)
    assert repo.ideas.passes(session_id) == 0
    assert "Registrado «paso»" not in panel.feedback.text()
    assert panel.feedback.text().startswith("Se deshizo: ")
    screen.redo()
    assert repo.ideas.passes(session_id) == 1
    assert panel.feedback.text().startswith("Se rehízo: ")


def test_the_ballot_just_typed_is_in_view_and_chosen(vote, qtbot, repo, sid):  # noqa: F811
    """The walk: with an earlier ballot chosen in the list, "Boleta 204 guardada" showed and
    the list stayed on the one chosen before, the new ballot out of sight."""
    vote.entry.setFocus()
    for typed in ("1 2 3", "2 3 4", "3 4 5"):
        type_text(qtbot, vote.entry, typed)
        qtbot.keyClick(vote.entry, Qt.Key.Key_Return)
    vote.ballots.selectRow(0)  # the facilitator looked at the first ballot
    vote.entry.setFocus()
    type_text(qtbot, vote.entry, "1 4 5")
    qtbot.keyClick(vote.entry, Qt.Key.Key_Return)
    chosen = vote.current_ballot()
    assert chosen is not None and chosen.number == 4
    assert QApplication.focusWidget() is vote.entry  # the next ballot goes on being typed
