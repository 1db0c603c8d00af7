"""The session screen's parts: timer states, void messages, locked ideas, language, models."""

from __future__ import annotations

import wave

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont

from cocrea_desktop import i18n
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.dialogs.text_dialog import TextDialog
from cocrea_desktop.ui.models.ballots import BallotsModel
from cocrea_desktop.ui.models.counts import CountsModel
from cocrea_desktop.ui.models.ideas import IdeasModel
from cocrea_desktop.ui.models.merges import MergesModel
from cocrea_desktop.ui.models.results import ResultsModel
from cocrea_desktop.ui.views.session_screen import SessionScreen
from cocrea_desktop.ui.widgets import chime
from cocrea_desktop.ui.widgets.timer_widget import format_remaining
from tests.ui.helpers import type_text, when_dialog

QUESTION = "¿Qué problemas de agua potable afectan más a su comunidad?"
IDEAS = ["Fugas en la red de agua potable", "El agua llega turbia en temporada de lluvias",
         "No hay tandeo parejo entre los barrios", "Falta cloración en el tanque",
         "Tarifas que no se entienden", "Agua sucia cuando llueve"]


@pytest.fixture
def errors(monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(ops, "show_error", lambda _parent, err: seen.append(err.message))
    return seen


@pytest.fixture
def sid(repo):
    session_id, _changes = repo.add_session(method="nominal_group", question=QUESTION,
                                            participant_count=6, place="Casa ejidal")
    return session_id


def with_ideas(repo, sid, phase: str = "round") -> None:
    for key in ("silent_writing", "round"):
        repo.phases.go_to(sid, key)
    for text in IDEAS:
        repo.ideas.add(sid, text)
    if phase != "round":
        repo.phases.go_to(sid, "clarification")
        repo.phases.go_to(sid, phase)


@pytest.fixture
def screen_at(qtbot, repo, sid):
    qt_i18n.install("es")

    def make(phase: str | None = None) -> SessionScreen:
        if phase:
            repo.phases.go_to(sid, phase)
        screen = SessionScreen(repo, sid)
        qtbot.addWidget(screen)
        screen.show()
        qtbot.waitExposed(screen)
        screen.activateWindow()
        qtbot.waitUntil(screen.isActiveWindow)
        return screen

    return make


def test_format_remaining():
    assert format_remaining(600) == "10:00"
    assert format_remaining(59.2) == "01:00"  # whole seconds left, rounded up
    assert format_remaining(59) == "00:59"
    assert format_remaining(0) == "00:00"
    assert format_remaining(-1) == "−00:01"
    assert format_remaining(-65.5) == "−01:05"


def test_timer_states_follow_the_injected_clock(screen_at, repo, sid, fake_clock, qtbot):
    screen = screen_at("silent_writing")
    timer = screen.timer
    assert timer.display.text() == "10:00" and timer.caption.text() == "Tiempo de la fase"
    assert timer.toggle_button.text() == "Iniciar" and "F5" in timer.toggle_button.toolTip()
    qtbot.keyClick(screen, Qt.Key.Key_F5)
    assert timer.caption.text() == "Corriendo" and timer.toggle_button.text() == "Pausar"
    assert timer.ticker.isActive()
    fake_clock.advance(9 * 60 + 1)
    qtbot.waitUntil(lambda: timer.display.text() == "00:59")
    assert timer.caption.text() == "Queda un minuto"
    assert timer.property("timer_state") == "warning" and timer.chime.played == 1
    fake_clock.advance(60)
    qtbot.waitUntil(lambda: timer.display.text() == "−00:01")
    assert timer.caption.text() == "Tiempo" and timer.chime.played == 2
    assert repo.phases.remaining(sid) == -1
    qtbot.keyClick(screen, Qt.Key.Key_F6)  # +1 min: counts down again, no new chime
    assert timer.display.text() == "00:59" and timer.chime.played == 2
    qtbot.keyClick(screen, Qt.Key.Key_F5)  # pause
    assert timer.caption.text() == "En pausa" and timer.toggle_button.text() == "Reanudar"
    fake_clock.advance(300)
    timer.tick()
    assert timer.display.text() == "00:59"
    qtbot.keyClick(screen, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)  # reset
    assert timer.display.text() == "10:00" and timer.caption.text() == "Tiempo de la fase"
    qtbot.waitUntil(lambda: not timer.ticker.isActive())  # the flash ends, then it rests
    # The stored timer, not the widget, is the truth: a new screen shows the same.
    qtbot.keyClick(screen, Qt.Key.Key_F5)
    fake_clock.advance(125)
    other = SessionScreen(repo, sid)
    qtbot.addWidget(other)
    assert other.timer.display.text() == "07:55"
    other.close()


def test_the_chime_is_a_short_wav_and_falls_back_to_a_beep():
    with wave.open(str(chime.CHIME_PATH)) as wav:
        assert wav.getnchannels() == 1 and wav.getsampwidth() == 2
        assert 0.3 < wav.getnframes() / wav.getframerate() < 2.0
    bell = chime.Chime()
    bell.play()  # no QtMultimedia or no audio device here: a beep, never an error
    assert bell.played == 1


def test_void_entries_are_explained_before_and_after_saving(screen_at, repo, sid, qtbot,
                                                            errors):
    with_ideas(repo, sid, "preliminary_vote")
    screen = screen_at()
    vote = screen.panel()
    assert vote.k.value() == 5 and "5 ideas" in vote.rule.text()
    type_text(qtbot, vote.entry, "4 4 99 x")
    preview = vote.preview.text()
    assert "La idea 4 aparece dos veces en la boleta." in preview
    assert "La idea 99 no existe en esta votación." in preview
    assert "«x» no se entiende" in preview
    qtbot.keyClick(vote.entry, Qt.Key.Key_Return)
    assert "Boleta 1 guardada. Cuentan 0 ideas." in vote.feedback.text()
    assert "No cuentan 4 entradas:" in vote.feedback.text()
    type_text(qtbot, vote.entry, "1 2 3 4 5 6")
    assert "La boleta solo tiene 5 lugares; la idea 6 sobra." in vote.preview.text()
    qtbot.keyClick(vote.entry, Qt.Key.Key_Return)
    assert "Cuentan 5 ideas." in vote.feedback.text()
    assert vote.ballots_model.index(0, 4).data() == "Contada, con entradas anuladas"
    assert vote.ballots_model.index(1, 2).data() == "1: 5  2: 4  3: 3  4: 2  5: 1"
    # Spoil the first ballot: it stays listed, struck through, and stops counting.
    vote.ballots.selectRow(0)
    vote.spoil_button.click()
    assert vote.ballots_model.index(0, 4).data() == "Anulada: no cuenta"
    assert vote.ballots_model.index(0, 0).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert vote.spoil_button.text() == "Volver a contar"
    assert repo.votes.tally(sid, "preliminary").ballots == 1
    assert errors == []


def test_typed_counts_with_the_total_check(screen_at, repo, sid, qtbot, errors):
    with_ideas(repo, sid, "preliminary_vote")
    screen = screen_at()
    vote = screen.panel()
    vote.mode.setCurrentIndex(vote.mode.findData("counts"))
    assert vote.pages.currentIndex() == 1
    model = vote.counts_model
    for row, count in enumerate((3, 1, 0, 2, 0, 0)):
        model.setData(model.index(row, 2), count)
    assert vote.total.text() == "Total contado: 6"
    type_text(qtbot, vote.counter, "Martín López")
    vote.participants.setValue(5)
    vote.save_counts_button.click()
    assert errors == []
    assert repo.votes.counts(sid, "preliminary") == {1: 3, 2: 1, 3: 0, 4: 2, 5: 0, 6: 0}
    assert "se esperaban 5" in vote.check.text()


def test_ideas_cannot_be_added_or_merged_once_voting_started(screen_at, repo, sid, qtbot,
                                                            errors):
    with_ideas(repo, sid, "preliminary_vote")
    repo.phases.go_to(sid, "round")  # back to the round: allowed, logged
    screen = screen_at()
    capture = screen.panel()
    assert capture.locked.isVisible()
    assert capture.locked.text() == "Ya empezó la votación: no se pueden agregar ideas."
    assert not capture.entry.isEnabled() and not capture.pass_button.isEnabled()
    assert ops.add_idea(parent=screen, repo=repo, session_id=sid, text="Otra idea") is None
    assert errors == ["Ya empezó la votación: no se pueden agregar ideas."]
    qtbot.keyClick(screen, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    clarify = screen.panel()
    assert screen.phase.key == "clarification"
    assert clarify.locked.text() == "Ya empezó la votación: no se pueden fusionar ideas."
    assert clarify.locked.isVisible() and not clarify.merge_entry.isEnabled()
    assert len(repo.ideas.list(sid)) == 6


def test_capture_withdraw_and_restore(screen_at, repo, sid, qtbot, errors):
    with_ideas(repo, sid, "round")
    screen = screen_at()
    capture = screen.panel()
    assert capture.turn.text() == "Vuelta 2 · turno 1"
    assert capture.totals.text() == "6 ideas · 0 pasos"
    capture.table.selectRow(4)

    def give_reason(dialog: TextDialog):
        type_text(qtbot, dialog.edit, "Lo retiró quien la propuso")
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)

    when_dialog(qtbot, TextDialog, give_reason)
    qtbot.keyClick(capture.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    index = capture.model.index(4, 1)
    assert index.data(Qt.ItemDataRole.FontRole).strikeOut()
    assert capture.model.index(4, 3).data() == "Retirada: Lo retiró quien la propuso"
    assert capture.model.rowCount() == 6  # it stays visible
    capture.table.selectRow(4)
    assert capture.withdraw_button.text() == "Recuperar"
    capture.withdraw_button.click()
    assert capture.model.index(4, 3).data() == "Vigente"
    assert errors == []


def test_drag_one_idea_onto_another_proposes_a_merge(screen_at, repo, sid, errors):
    with_ideas(repo, sid, "round")
    repo.phases.go_to(sid, "clarification")
    screen = screen_at()
    clarify = screen.panel()
    model = clarify.model
    data = model.mimeData([model.index(5, 0)])  # idea 6 ...
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(1, 0))
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(1, 0))  # ... on 2
    merge = repo.ideas.merges(sid)[0]
    assert (merge.into_number, merge.from_numbers, merge.status) == (2, (6,), "proposed")
    assert "Ctrl+Intro" in clarify.merge_feedback.text()
    clarify.agree()
    clarify.separate()  # undo an agreed merge
    assert repo.ideas.merges(sid)[0].status == "undone"
    assert repo.ideas.active_numbers(sid) == [1, 2, 3, 4, 5, 6]
    assert clarify.merges_model.index(0, 1).data() == "Deshecha: ideas separadas"
    assert errors == []


def test_groups_by_label(screen_at, repo, sid, qtbot, errors):
    with_ideas(repo, sid, "round")
    repo.phases.go_to(sid, "clarification")
    screen = screen_at()
    clarify = screen.panel()
    clarify.table.selectRow(1)
    clarify.table.selectionModel().select(
        clarify.model.index(5, 0),
        clarify.table.selectionModel().SelectionFlag.Select
        | clarify.table.selectionModel().SelectionFlag.Rows)

    def name(dialog: TextDialog):
        type_text(qtbot, dialog.edit, "Calidad del agua")
        dialog.accept()

    when_dialog(qtbot, TextDialog, name)
    qtbot.keyClick(clarify.table, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert clarify.model.index(1, 4).data() == "Calidad del agua"
    assert clarify.model.index(5, 4).data() == "Calidad del agua"
    assert clarify.model.index(0, 4).data() == ""
    assert errors == []


def test_navigation_skips_optional_phases_and_logs_going_back(screen_at, repo, sid, qtbot):
    with_ideas(repo, sid, "preliminary_vote")
    screen = screen_at()
    assert screen.skip_button.isEnabled()
    assert screen.guide.next.text() == "Sigue: Discusión del voto (opcional; se puede saltar)"
    optional = [s.property("current") for s in screen.guide.steps.labels]
    assert optional[4] is True
    assert "opcional" in screen.guide.steps.labels[5].text()
    qtbot.keyClick(screen, Qt.Key.Key_Right,
                   Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    assert screen.phase.key == "results"
    assert screen.guide.title.text() == "Fase 8 de 8: Resultados y relatoría"
    assert not screen.next_button.isEnabled()
    assert screen.guide.steps.labels[6].toolTip() == "Omitida"
    qtbot.keyClick(screen, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert screen.phase.key == "preliminary_vote"  # not the skipped optional phases
    back = repo.pf.query("SELECT action FROM journal WHERE action = 'phase.back'")
    assert back
    qtbot.keyClick(screen, Qt.Key.Key_F1)
    assert screen.help.isVisible() and "Alt+→" in screen.help.label.text()
    screen.help.close()


def test_language_switch_retranslates_the_session_screen(screen_at, repo, sid, qtbot):
    with_ideas(repo, sid, "round")
    screen = screen_at()
    assert screen.guide.title.text().endswith("Ronda")
    assert "Escritura en silencio" in screen.guide.steps.labels[1].text()
    i18n.set_language("en")
    assert screen.guide.title.text().endswith("Round")
    assert "Silent writing" in screen.guide.steps.labels[1].text()
    assert screen.panel().model.headerData(1, Qt.Orientation.Horizontal) == i18n._("Idea")
    assert screen.next_button.text() == i18n._("Siguiente fase →")
    i18n.set_language("es")
    assert screen.guide.title.text() == "Fase 3 de 8: Ronda"
    assert screen.next_button.text() == "Siguiente fase →"


def test_models_pass_the_model_tester(qtmodeltester, repo, sid):
    with_ideas(repo, sid, "round")
    idea = repo.ideas.by_number(sid, 5)
    repo.ideas.withdraw(idea.id, "Repetida")
    merge, _c = repo.ideas.propose_merge(sid, [2, 6])
    repo.ideas.agree_merge(merge.id)
    repo.phases.go_to(sid, "clarification")
    repo.phases.go_to(sid, "preliminary_vote")
    repo.votes.enter_ballot(sid, "preliminary", "1 2 3 4")
    repo.votes.enter_ballot(sid, "preliminary", "2 2 9")

    ideas = IdeasModel(draggable=True)
    ideas.set_ideas(repo.ideas.list(sid), repo.ideas.clusters(sid))
    qtmodeltester.check(ideas)
    assert ideas.index(1, 3).data() == "Vigente · incluye 6"
    assert ideas.index(5, 3).data() == "Fusionada en la 2"
    assert ideas.index(0, 0).data(Qt.ItemDataRole.FontRole).pointSizeF() > QFont().pointSizeF()
    assert ideas.data(ideas.index(99, 0)) is None and ideas.data(QModelIndex()) is None

    merges = MergesModel()
    merges.set_merges(repo.ideas.merges(sid))
    qtmodeltester.check(merges)

    ballots = BallotsModel()
    ballots.set_ballots(repo.votes.ballots(sid, "preliminary"))
    qtmodeltester.check(ballots)

    results = ResultsModel()
    results.set_result(repo.votes.tally(sid, "preliminary"), {i.number: i.text for i in
                                                             repo.ideas.list(sid)})
    qtmodeltester.check(results)
    assert results.columnCount() == 5 + 3  # rank, number, text, P, V, D(3..1): k = 3
    assert results.index(0, 1).data() == "1"

    counts = CountsModel()
    counts.set_data(repo.ideas.list(sid), {1: 4})
    qtmodeltester.check(counts)
    assert counts.total() == 4
    assert not counts.setData(counts.index(0, 2), -1)


def test_room_view_from_the_session_screen(screen_at, repo, sid, qtbot):
    """F9 opens the room view following this session; F10 freezes it; Shift+F9 blanks it."""
    from PySide6.QtWidgets import QApplication

    with_ideas(repo, sid)
    screen = screen_at()
    qtbot.keyClick(screen, Qt.Key.Key_F9)
    room = screen.room
    assert room is not None and room.isVisible() and screen.room_button.isChecked()
    qtbot.addWidget(room)
    numbers = []
    for _page in range(room.page_count()):  # a long list takes pages; it does not shrink
        numbers += [b.text for b in room.layout_blocks() if b.name.startswith("item_number_")]
        room.next_page()
    assert numbers == [str(n) for n in range(1, len(IDEAS) + 1)]

    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    qtbot.keyClick(screen, Qt.Key.Key_F10)  # freeze
    assert room.frozen
    entry = screen.panel().entry
    type_text(qtbot, entry, "Medidores en cada casa")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert repo.ideas.by_number(sid, len(IDEAS) + 1).text == "Medidores en cada casa"
    assert "Medidores en cada casa" not in [b.text for b in room.layout_blocks()]
    qtbot.keyClick(screen, Qt.Key.Key_F10)  # thaw: the room catches up
    assert "Medidores en cada casa" in [b.text for b in room.layout_blocks()]

    qtbot.keyClick(screen, Qt.Key.Key_F9, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert room.theme == "dark"
    qtbot.keyClick(screen, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    assert room.blanked
    qtbot.keyClick(screen, Qt.Key.Key_F9)  # closes it
    assert not room.isVisible() and not screen.room_button.isChecked()
    QApplication.processEvents()


def test_typed_idea_and_ballot_are_saved_when_leaving(screen_at, repo, sid, qtbot):
    """Nothing typed is lost: an idea or a ballot typed without Enter is saved on leaving."""
    with_ideas(repo, sid)
    screen = screen_at()
    type_text(qtbot, screen.panel().entry, "Agua para la escuela")
    qtbot.keyClick(screen, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # to clarification
    assert repo.ideas.list(sid)[-1].text == "Agua para la escuela"
    qtbot.keyClick(screen, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # to the vote
    assert repo.phases.current(sid).key == "preliminary_vote"
    type_text(qtbot, screen.panel().entry, "3 2 1")
    screen.close()
    [ballot] = repo.votes.ballots(sid, "preliminary")
    assert ballot.entry == "3 2 1"


def test_undo_in_one_session_never_undoes_another(screen_at, repo, sid, qtbot):
    other, _ = repo.add_session(method="nominal_group", question="¿Otra mesa?")
    with_ideas(repo, sid)
    screen = screen_at()
    repo.phases.go_to(other, "silent_writing")
    repo.phases.go_to(other, "round")
    repo.ideas.add(other, "Idea de la otra mesa")
    screen.update_undo()
    assert not screen.undo_button.isEnabled()
    assert "otra sesión" in screen.undo_button.toolTip()
    screen.undo()
    assert [i.text for i in repo.ideas.list(other)] == ["Idea de la otra mesa"]


def _drop_on_view(view, data, index) -> None:
    """Deliver a drop to ``view`` at ``index`` as Qt does for a real mouse drag: Qt only
    sends drag events to a widget that accepts drops, then enter, move and drop."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    viewport = view.viewport()
    assert viewport.acceptDrops() or view.acceptDrops(), "the view does not accept drops"
    pos = view.visualRect(index).center()
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    enter = QDragEnterEvent(pos, actions, data, buttons, mods)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted(), "the view refused the drag"
    move = QDragMoveEvent(pos, actions, data, buttons, mods)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted(), "the view refused the drag over the idea"
    drop = QDropEvent(QPointF(pos), actions, data, buttons, mods)
    QApplication.sendEvent(viewport, drop)


def test_drag_an_idea_onto_another_in_the_clarification_table(screen_at, repo, sid, errors):
    """Through the real view: the table starts drags of the selected rows and takes the drop."""
    with_ideas(repo, sid, "round")
    repo.phases.go_to(sid, "clarification")
    screen = screen_at()
    clarify = screen.panel()
    table = clarify.table
    assert table.dragEnabled()
    assert table.dragDropMode() == table.DragDropMode.DragDrop
    table.selectRow(5)  # idea 6: what the mouse picks up
    picked = table.selectionModel().selectedIndexes()
    assert picked and table.model().flags(picked[0]) & Qt.ItemFlag.ItemIsDragEnabled
    data = table.model().mimeData(picked)
    _drop_on_view(table, data, table.model().index(1, 1))  # ... dropped on idea 2
    merges = repo.ideas.merges(sid)
    assert [(m.into_number, m.from_numbers, m.status) for m in merges] == [(2, (6,), "proposed")]
    assert "Ctrl+Intro" in clarify.merge_feedback.text()
    assert errors == []
