"""A whole fishbowl (pecera) run from the session screen, keyboard first.

Three groups, the order drawn on screen, three timed turns (a pause, an overrun, the
warning minute) with ideas tagged by the group in the centre, clustering with a shared
cluster, a dots vote with one over-the-limit ballot checked against dots counted by
hand, and the synthesis saved and found again after reopening the file.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, QMimeData, QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from cocrea_desktop.core.timers import TimerState
from cocrea_desktop.export.room_state import room_state
from cocrea_desktop.methods.fishbowl.qt import (
    ClusterPanel,
    GroupsPanel,
    OpenRoundPanel,
    SynthesisPanel,
    TurnsPanel,
)
from cocrea_desktop.methods.fishbowl.qt.common import order_text
from cocrea_desktop.methods.fishbowl.qt.models import (
    MIME,
    ClustersModel,
    GroupIdeasModel,
    GroupsModel,
)
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.views.session_screen import SessionScreen
from cocrea_desktop.ui.views.vote_panels import VotePanel
from tests.ui.helpers import type_text, when_dialog

QUESTION = "¿Cómo repartimos el agua del pozo entre riego y consumo de las casas?"
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
GROUPS = [("Ejidatarios que riegan", "5", "Don Chema, Aurelio"),
          ("Mujeres del comité de agua", "4", ""),
          ("Jóvenes de la secundaria", "4", "")]
IDEAS = {
    "Ejidatarios que riegan": ["Riego por goteo para gastar menos", "Publicar cuánta agua sale"],
    "Mujeres del comité de agua": ["Primero el agua de las casas",
                                   "Informar cada mes cuánta agua hay"],
    "Jóvenes de la secundaria": ["Captar agua de lluvia en la escuela",
                                 "Reparar fugas con faena"],
}


@pytest.fixture
def errors(monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(ops, "show_error", lambda _parent, err: seen.append(err.message))
    return seen


@pytest.fixture
def screen(qtbot, repo):
    qt_i18n.install("es")
    sid, _c = repo.add_session(method="fishbowl", question=QUESTION, participant_count=9,
                               place="Auditorio ejidal", facilitator="Juana Pérez")
    s = SessionScreen(repo, sid)
    qtbot.addWidget(s)
    s.show()
    qtbot.waitExposed(s)
    s.activateWindow()
    qtbot.waitUntil(s.isActiveWindow)
    yield s
    s.close()


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(), key, modifier)


def type_line(qtbot, text: str) -> None:
    type_text(qtbot, focused(), text)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


def next_phase(qtbot, screen, key: str) -> None:
    press(qtbot, Qt.Key.Key_Right, ALT)
    assert screen.phase.key == key


def select_ideas(panel: ClusterPanel, texts: list[str]) -> None:
    model, selection = panel.ideas_model, panel.ideas.selectionModel()
    selection.clearSelection()
    for row, idea in enumerate(model.ideas()):
        if idea.text in texts:
            selection.select(model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                             | QItemSelectionModel.SelectionFlag.Rows)
    panel.ideas.setFocus()


def test_a_whole_fishbowl_from_the_session_screen(screen, qtbot, repo, fake_clock, errors,
                                                  db_path):
    sid = screen.session_id

    # 1. Grupos: label, Tab, size, Tab, names, Enter; Ctrl+D draws the order on screen.
    groups = screen.panel()
    assert isinstance(groups, GroupsPanel) and focused() is groups.label_entry
    assert groups.minutes.value() == 10
    for label, size, members in GROUPS:
        type_text(qtbot, focused(), label)
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is groups.size
        qtbot.keyClicks(focused(), size)
        press(qtbot, Qt.Key.Key_Tab)
        type_line(qtbot, members)
        assert focused() is groups.label_entry
    assert groups.model.rowCount() == 3
    assert not groups.order.isVisible()
    press(qtbot, Qt.Key.Key_D, CTRL)
    drawn = repo.fishbowl.groups(sid)
    assert [g.turn_order for g in drawn] == [1, 2, 3]
    assert groups.order.isVisible()
    assert groups.order.text() == order_text(drawn)

    # Ctrl+D again asks first: keeping the order changes nothing; redrawing replaces it,
    # and both draws stay in the journal.
    def draws() -> int:
        return repo.pf.conn.execute("SELECT COUNT(DISTINCT txn) FROM journal WHERE "
                                    "action = 'fishbowl.draw'").fetchone()[0]

    def answer(button_text: str):
        def act(box):
            assert "reemplaza al anterior" in box.text() and "registro" in box.text()
            [button] = [b for b in box.buttons() if b.text() == button_text]
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return act

    seen = when_dialog(qtbot, QMessageBox, answer("Conservar el orden"))
    press(qtbot, Qt.Key.Key_D, CTRL)
    assert "dialog" in seen and draws() == 1
    assert [g.id for g in repo.fishbowl.groups(sid)] == [g.id for g in drawn]
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    seen = when_dialog(qtbot, QMessageBox, answer("Sortear otra vez"))
    qtbot.keyClick(groups.label_entry, Qt.Key.Key_D, CTRL)
    assert "dialog" in seen and draws() == 2
    drawn = repo.fishbowl.groups(sid)
    assert groups.order.text() == order_text(drawn)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    groups.label_entry.setFocus()
    assert groups.order.text().replace("\u00a0", " ").startswith("1. " + drawn[0].label)
    assert repo.fishbowl.group(drawn[0].id).size in (4, 5)
    assert [g.members for g in drawn if g.label == GROUPS[0][0]] == ["Don Chema, Aurelio"]

    # 2. Turnos: F5 starts the turn of the group in the centre; its own timer.
    next_phase(qtbot, screen, "turns")
    turns = screen.panel()
    assert isinstance(turns, TurnsPanel) and not screen.timer.isVisible()
    assert turns.centre.text() == drawn[0].label
    assert not turns.entry.isEnabled()
    captured: dict[str, list[int]] = {}

    def run_turn(group, *, minutes_before_pause=None, pause=0, then=0):
        press(qtbot, Qt.Key.Key_F5)  # start the turn
        assert turns.turn.running and turns.turn.group.id == group.id
        assert turns.centre.text() == group.label
        assert focused() is turns.entry
        for text in IDEAS[group.label]:
            type_line(qtbot, text)
            fake_clock.advance(60)
        if minutes_before_pause is not None:
            fake_clock.advance(minutes_before_pause * 60)
            press(qtbot, Qt.Key.Key_F5)  # pause
            assert turns.timer.state == TimerState.PAUSED
            assert turns.timer.caption.text() == "En pausa"
            fake_clock.advance(pause)  # a pause does not eat the group's time
            press(qtbot, Qt.Key.Key_F5)  # resume
        fake_clock.advance(then)
        turns.timer.tick()

    first, second, third = drawn
    run_turn(first, minutes_before_pause=3, pause=180, then=5 * 60)  # 2+3+5 = 10 min
    assert turns.timer.remaining() == pytest.approx(0)
    press(qtbot, Qt.Key.Key_F8)  # end the turn
    assert turns.centre.text() == second.label
    # Said once: not "Terminó el turno de «…». Turno terminado".
    assert turns.feedback.text() == "Terminó el turno de «{}» (1 pausa).".format(first.label)

    run_turn(second, then=8 * 60 + 45)  # 2 + 8:45 = 45 s over
    assert turns.timer.state == TimerState.EXPIRED
    assert turns.timer.caption.text() == "Tiempo"
    assert turns.timer.display.text() == "−00:45"
    assert turns.time_up.isVisible() and turns.time_up.text().startswith("TIEMPO.")
    assert "Exceso: 00:45" in turns.time_up.text()
    type_text(qtbot, turns.entry, "Una idea dicha al sonar la campana")
    qtbot.keyClick(turns.entry, Qt.Key.Key_Return)  # the last sentence is still recorded
    press(qtbot, Qt.Key.Key_F8)

    run_turn(third, then=7 * 60 + 30)  # 2 + 7:30 -> 30 s left: the warning minute
    assert turns.timer.state == TimerState.WARNING
    assert turns.timer.caption.text() == "Queda un minuto"
    assert "Queda un minuto" in turns.time_up.text()
    assert "Siguen:" not in turns.queue.text() or "No quedan" in turns.queue.text()
    press(qtbot, Qt.Key.Key_F8)
    assert repo.fishbowl.current_turn(sid) is None
    assert turns.centre_caption.text() == "Todos los grupos tuvieron su turno"
    # No turn left: the timer says so, and there is nothing to pause.
    assert turns.timer.display.text() == "--:--"
    assert turns.timer.caption.text() == "Sin turno en curso"
    assert not turns.timer.toggle_button.isEnabled()
    assert turns.timer.toggle_button.text() != "Pausar"

    recorded = {t.group.id: t for t in repo.fishbowl.turns(sid)}
    assert recorded[first.id].pauses == 1 and recorded[first.id].overrun_seconds == 0
    assert recorded[second.id].overrun_seconds == pytest.approx(45, abs=0.2)
    assert recorded[second.id].pauses == 0
    assert recorded[third.id].overrun_seconds == 0
    ideas = repo.ideas.list(sid)
    for idea in ideas:
        captured.setdefault(idea.group_key, []).append(idea.number)
    by_label = {g.label: g.id for g in drawn}
    for label, texts in IDEAS.items():
        tagged = {i.text for i in ideas if i.group_key == by_label[label]}
        assert set(texts) <= tagged
    assert [i.group_key for i in ideas if i.text.startswith("Una idea dicha")] == [second.id]

    # 3. Ronda abierta: what each group said, and notes of what was learned (no results).
    next_phase(qtbot, screen, "open_round")
    open_round = screen.panel()
    assert isinstance(open_round, OpenRoundPanel)
    assert "Reparar fugas con faena" in open_round.said.toPlainText()
    assert focused() is open_round.notes.entry
    type_line(qtbot, "Los jóvenes pueden ayudar en las faenas")
    assert open_round.notes.list.item(0).text().endswith("Los jóvenes pueden ayudar en las "
                                                          "faenas")
    room = room_state(repo, sid)
    assert room.mode == "ideas" and room.items_title == "Ronda abierta: lo que aprendimos"
    assert [i.text for i in room.items] == ["Los jóvenes pueden ayudar en las faenas"]
    # 4. Ordenar por similitud.
    next_phase(qtbot, screen, "clustering")
    cluster = screen.panel()
    assert isinstance(cluster, ClusterPanel)
    assert cluster.ideas_model.rowCount() == len(ideas)
    shared_texts = ["Publicar cuánta agua sale", "Informar cada mes cuánta agua hay"]
    QApplication.processEvents()
    tables_at = (cluster.ideas.mapTo(cluster, QPoint(0, 0)),
                 cluster.clusters.mapTo(cluster, QPoint(0, 0)))
    select_ideas(cluster, shared_texts)
    press(qtbot, Qt.Key.Key_G, CTRL)  # to the new-cluster line; the selection stays
    assert focused() is cluster.new_entry
    type_line(qtbot, "Saber cuánta agua hay")
    # The notice of ideas left out appears, but the tables do not move under the mouse.
    QApplication.processEvents()
    assert cluster.loose_warning.isVisible()
    assert (cluster.ideas.mapTo(cluster, QPoint(0, 0)),
            cluster.clusters.mapTo(cluster, QPoint(0, 0))) == tables_at
    select_ideas(cluster, ["Primero el agua de las casas"])
    press(qtbot, Qt.Key.Key_G, CTRL)
    type_line(qtbot, "Prioridad de las casas")
    select_ideas(cluster, ["Riego por goteo para gastar menos"])
    press(qtbot, Qt.Key.Key_G, CTRL)
    type_line(qtbot, "Ahorro en el riego")
    # Ctrl+number puts the chosen ideas in that cluster; drag and drop does the same.
    select_ideas(cluster, ["Captar agua de lluvia en la escuela"])
    press(qtbot, Qt.Key.Key_1, CTRL)
    rain = next(i for i in repo.ideas.list(sid) if i.text.startswith("Captar agua"))
    assert cluster.feedback.text() == "Idea {} en «Saber cuánta agua hay».".format(rain.number)
    data = QMimeData()
    late = next(i for i in repo.ideas.list(sid) if i.text.startswith("Una idea dicha"))
    data.setData(MIME, late.id.encode("ascii"))
    assert cluster.clusters_model.canDropMimeData(data, Qt.DropAction.CopyAction, -1, -1,
                                                  cluster.clusters_model.index(0, 0))
    cluster.clusters_model.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1,
                                        cluster.clusters_model.index(0, 0))
    assert repo.ideas.get(late.id).cluster_id == repo.ideas.clusters(sid)[0].id
    clusters = repo.ideas.clusters(sid)
    assert [c.label for c in clusters] == ["Saber cuánta agua hay", "Prioridad de las casas",
                                           "Ahorro en el riego"]
    shared = repo.fishbowl.cluster_groups(sid)
    assert len(shared[clusters[0].id]) == 3  # ejidatarios, mujeres and jóvenes
    model = cluster.clusters_model
    words = [model.index(r, 4).data() for r in range(model.rowCount())]
    assert words[0] == "Coincidencia: 3 posturas"
    assert words[1] == "Una sola postura"
    assert cluster.clusters_title.text().endswith("de varias posturas: 1")
    # One idea is in no cluster: said before the vote, by number and text.
    assert cluster.loose_warning.isVisible()
    assert "no entra en la votación" in cluster.loose_warning.text()
    assert "«Reparar fugas con faena»" in cluster.loose_warning.text()

    # 5. Votación: dots on the clusters; 3 per person, at most 2 on one cluster.
    next_phase(qtbot, screen, "vote")
    vote = screen.panel()
    assert isinstance(vote, VotePanel)
    assert vote.dots.isVisible() and not vote.k.isVisible()
    assert vote.loose_warning.isVisible()
    assert "«Reparar fugas con faena»" in vote.loose_warning.text()
    assert vote.dots.value() == 1  # default ceil(3/3) = 1
    # The example fits the vote: 3 clusters, 1 dot each -> one cluster number.
    assert vote.entry.placeholderText() == "p. ej. 2 (un número por punto)"
    vote.dots.setFocus()
    vote.dots.selectAll()
    qtbot.keyClicks(vote.dots, "3")
    vote.cap.setFocus()
    vote.cap.selectAll()
    qtbot.keyClicks(vote.cap, "2")
    rule = repo.votes.dots_rule(sid, "vote")
    assert (rule.dots_per_person, rule.cap) == (3, 2)
    assert vote.entry.placeholderText() == "p. ej. 2 2 1 (un número por punto)"
    vote.entry.setFocus()
    type_text(qtbot, vote.entry, "2 2 2 1")
    assert "No cuenta" in vote.preview.text()
    qtbot.keyClick(vote.entry, Qt.Key.Key_Return)
    assert "No cuenta" in vote.feedback.text()
    for ballot in ("1 1 2", "1 2 3", "3:2 1", "1 3 3"):
        type_line(qtbot, ballot)
    # By hand: cluster 1: 1+1+1+1+1+... -> ballots give 1, 2, 1, 1, 1 = 6 dots, 5 people;
    # cluster 2: 2 (capped) + 1 + 1 = 4 dots, 3 people; cluster 3: 1 + 2 + 2 = 5, 3 people.
    result = repo.votes.tally(sid, "vote")
    rows = {r.option: (r.dots, r.voters, r.rank) for r in result.rows}
    assert rows == {1: (6, 5, 1), 3: (5, 3, 2), 2: (4, 3, 3)}
    assert (result.dots_cast, result.dots_issued) == (15, 27)
    assert [len(b.voids) for b in repo.votes.ballots(sid, "vote")] == [1, 0, 0, 0, 0]

    # 6. Síntesis: the fields start empty (nothing looks saved that the facilitator did
    # not write); beside them the program's lists, under the names of what it knows.
    next_phase(qtbot, screen, "synthesis")
    synthesis = screen.panel()
    assert isinstance(synthesis, SynthesisPanel)
    convergences = synthesis.form.edits["convergences"]
    dissent = synthesis.form.edits["dissent"]
    assert focused() is convergences
    assert convergences.toPlainText() == "" and dissent.toPlainText() == ""
    assert synthesis.form.status.text() == ""
    assert synthesis.form.labels["convergences"].text() == \
        "&Temas que plantearon varias posturas"
    assert synthesis.form.labels["dissent"].text() == "Temas que planteó &una sola postura"
    several = synthesis.form.hints["convergences"]
    one = synthesis.form.hints["dissent"]
    assert several.isVisible() and one.isVisible()
    assert several.toPlainText().startswith("Temas que plantearon varias posturas:")
    assert "Saber cuánta agua hay" in several.toPlainText()
    assert "6 puntos" in several.toPlainText()
    assert one.toPlainText().startswith("Temas que planteó una sola postura:")
    assert "Prioridad de las casas" in one.toPlainText()
    assert "Ahorro en el riego" in one.toPlainText()
    assert "Saber cuánta agua hay" not in one.toPlainText()
    assert "Reparar fugas con faena" in one.toPlainText()   # the ideas left out, too
    assert "Coincidencias" not in several.toPlainText()
    assert "Desacuerdos" not in one.toPlainText()
    summary = synthesis.form.summary.toPlainText()
    assert "Ideas sin grupo de ideas (no se votaron)" in summary
    assert "Reparar fugas con faena" in summary
    assert "Se usaron 15" in summary and "27" in summary
    type_text(qtbot, convergences, "Acuerdo: pedir el aforo del pozo a la CONAGUA.")
    screen.close()  # flushes what was typed
    assert errors == []
    repo.close()
    with Repo.open(db_path) as again:
        saved = again.relatoria.get(sid)
        assert saved.convergences == "Acuerdo: pedir el aforo del pozo a la CONAGUA."
        assert saved.dissent == ""
        assert again.fishbowl.turns(sid)[1].overrun_seconds == pytest.approx(45, abs=0.2)
        assert again.pf.verify_journal().ok


def test_the_fishbowl_models_pass_the_model_tester(qtmodeltester, repo):
    sid, _c = repo.add_session(method="fishbowl", question=QUESTION)
    groups = [repo.fishbowl.add_group(sid, label, size=4)[0] for label, _s, _m in GROUPS]
    repo.fishbowl.draw_order(sid, shuffle=lambda items: None)
    repo.phases.go_to(sid, "turns")
    repo.fishbowl.start_turn(sid, groups[0].id)
    idea, _c = repo.ideas.add(sid, "Riego por goteo", group_key=groups[0].id)
    cluster, _c = repo.ideas.add_cluster(sid, "Ahorro")
    repo.ideas.set_cluster([idea.id], cluster.id)
    turns_model = GroupsModel()
    turns_model.set_turns(repo.fishbowl.turns(sid))
    qtmodeltester.check(turns_model)
    ideas_model = GroupIdeasModel()
    ideas_model.set_ideas(repo.ideas.list(sid), repo.fishbowl.groups(sid),
                          repo.ideas.clusters(sid))
    qtmodeltester.check(ideas_model)
    clusters_model = ClustersModel()
    clusters_model.set_clusters(repo.ideas.clusters(sid), repo.ideas.list(sid),
                                repo.fishbowl.cluster_groups(sid))
    qtmodeltester.check(clusters_model)
    assert turns_model.index(0, 4).data() == "En el centro"
    assert ideas_model.index(0, 2).data() == GROUPS[0][0]
    assert clusters_model.index(0, 4).data() == "Una sola postura"

