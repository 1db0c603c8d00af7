"""Ending a session and moving between phases, driven as the facilitator does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.dialogs.end_session import EndSessionBox
from cocrea_desktop.ui.main_window import MainWindow
from tests.ui.helpers import when_dialog

QUESTION = "¿Qué le falta al agua potable?"
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def errors(monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(ops, "show_error", lambda _parent, err: seen.append(err.message))
    return seen


def _seed(path):
    """A nominal group at its results, the optional discussion and final vote skipped."""
    with Repo.create(path, name="Plan de Acción Local 2027") as repo:
        sid, _ = repo.add_session(method="nominal_group", question=QUESTION)
        repo.phases.go_to(sid, "silent_writing")
        repo.phases.go_to(sid, "round")
        for text in ("Hay fugas", "Cobran de más", "No hay informe", "La pipa llega tarde"):
            repo.ideas.add(sid, text)
        repo.phases.go_to(sid, "clarification")
        repo.phases.go_to(sid, "preliminary_vote")
        repo.votes.configure(sid, "preliminary", k=2)
        serials = [s for s, _p in repo.register.issue(sid, "preliminary", 3)[0]]
        for serial, text in zip(serials[:2], ("1 2", "2 3")):
            repo.votes.enter_ballot(sid, "preliminary", text, serial=serial)
        repo.phases.skip(sid)
    return sid


@pytest.fixture
def screen(qtbot, tmp_path):
    qt_i18n.install("es")
    path = tmp_path / "agua.cocrea.db"
    _seed(path)
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_path(path)
    w.show()
    w.table.selectRow(0)
    s = w.conduct_session()
    qtbot.waitExposed(s)
    yield w, s
    s.close()
    w.close()


def status_cell(window) -> str:
    column = [k for k, _t in window.model.COLUMNS].index("status")
    return window.model.index(0, column).data()


def test_end_session_lists_what_is_left_and_concludes_undoably(screen, qtbot, errors):
    window, s = screen
    assert s.phase.key == "results"
    assert s.end_button.isVisible() and s.end_button.isEnabled()
    assert status_cell(window) == "En curso"
    seen = when_dialog(qtbot, EndSessionBox, lambda box: box.keep_button.click())
    qtbot.mouseClick(s.end_button, Qt.MouseButton.LeftButton)
    box = seen["dialog"]
    assert box.leftovers == [
        "Votación preliminar: 1 boleta entregada no ha regresado (su folio no tiene boleta "
        "capturada).",
        "La relatoría está vacía.",
    ]
    assert "La relatoría está vacía." in box.text()
    assert status_cell(window) == "En curso"            # "Seguir" changed nothing

    seen = when_dialog(qtbot, EndSessionBox, lambda box: box.end_button.click())
    qtbot.mouseClick(s.end_button, Qt.MouseButton.LeftButton)
    assert "dialog" in seen and not errors
    assert status_cell(window) == "Concluida"
    assert s.end_button.text() == "✓ Concluida: reabrir…"
    assert s.undo_button.accessibleName() == "Deshacer: terminar la sesión «{}»".format(QUESTION)
    assert not window.act_end_session.isEnabled()
    qtbot.mouseClick(s.undo_button, Qt.MouseButton.LeftButton)
    assert status_cell(window) == "En curso"
    assert s.end_button.isEnabled()


def test_end_session_from_the_main_window_menu_shortcut(screen, qtbot, errors):
    window, s = screen
    s.close()
    window.activateWindow()
    window.table.setFocus()
    assert window.act_end_session.shortcut().toString() == "Ctrl+Shift+T"
    seen = when_dialog(qtbot, EndSessionBox, lambda box: box.end_button.click())
    window.act_end_session.trigger()
    assert "dialog" in seen
    assert status_cell(window) == "Concluida"


def test_alt_left_from_the_last_phase_skips_the_skipped_optional_phases(screen, qtbot, errors):
    _window, s = screen
    steps = s.guide.steps
    discussion, final = steps.labels[5], steps.labels[6]
    assert discussion.toolTip() == "Omitida" and final.toolTip() == "Omitida"
    assert "✓" not in discussion.text() and "⤼" in discussion.text()
    assert "✓" in steps.labels[4].text()        # the preliminary vote was done
    s.activateWindow()
    qtbot.keyClick(s, Qt.Key.Key_Left, ALT)
    assert s.phase.key == "preliminary_vote" and not errors


def test_clicking_a_phase_tab_moves_there_through_the_journal(screen, qtbot, errors):
    window, s = screen
    tab = s.guide.steps.labels[3]                # Aclaración
    qtbot.mouseClick(tab, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert s.phase.key == "clarification" and not errors
    assert window.repo.pf.scalar("SELECT COUNT(*) FROM journal WHERE action = 'phase.back'")
    qtbot.mouseClick(s.guide.steps.labels[4], Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert s.phase.key == "preliminary_vote"


def test_a_concluded_session_refuses_new_ballots_and_phases_until_reopened(screen, qtbot,
                                                                           errors):
    """Found in a walk-through: a concluded session took a new ballot (and moved phases)."""
    from PySide6.QtWidgets import QMessageBox

    from cocrea_desktop.core.errors import RuleViolation

    window, s = screen
    seen = when_dialog(qtbot, EndSessionBox, lambda box: box.end_button.click())
    qtbot.mouseClick(s.end_button, Qt.MouseButton.LeftButton)
    assert "dialog" in seen and status_cell(window) == "Concluida"
    repo, sid = s.repo, s.session_id
    before = repo.votes.count_ballots(sid, "preliminary")
    with pytest.raises(RuleViolation, match="concluida"):
        repo.votes.enter_ballot(sid, "preliminary", "1 2 3")
    with pytest.raises(RuleViolation, match="concluida"):
        repo.phases.go_to(sid, "preliminary_vote")
    assert repo.votes.count_ballots(sid, "preliminary") == before

    def keep(box: QMessageBox) -> None:
        box.buttons()[-1].click()  # "Dejarla concluida"

    seen = when_dialog(qtbot, QMessageBox, keep)
    qtbot.mouseClick(s.end_button, Qt.MouseButton.LeftButton)
    assert "dialog" in seen and status_cell(window) == "Concluida"

    def reopen(box: QMessageBox) -> None:
        assert "concluida" in box.text()
        box.defaultButton().click()  # "Reabrir sesión"

    seen = when_dialog(qtbot, QMessageBox, reopen)
    qtbot.mouseClick(s.end_button, Qt.MouseButton.LeftButton)
    assert "dialog" in seen and status_cell(window) == "En curso"
    assert s.end_button.text() == "Terminar sesión ✓"
    assert s.undo_button.accessibleName().startswith("Deshacer: reabrir la sesión «")
    repo.votes.enter_ballot(sid, "preliminary", "1 2 3")
    assert repo.votes.count_ballots(sid, "preliminary") == before + 1
