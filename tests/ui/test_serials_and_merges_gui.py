"""The vote screen as a facilitator uses it: a serial typed without its hyphen is shown
as printed ("482-1571") everywhere on the screen and in the undo button; a ballot naming a
merged idea counts for the idea it went into and says so. Real files, offscreen Qt."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cocrea_desktop.export.paper import print_ballots
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.views.session_screen import SessionScreen
from tests.ui.helpers import type_text

PRE = "preliminary"
IDEAS = ["Fugas en la red", "Agua turbia", "Tandeo disparejo", "Falta cloro", "Tarifas",
         "Hay fugas en la red"]


@pytest.fixture
def errors(monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(ops, "show_error", lambda _parent, err: seen.append(err.message))
    return seen


@pytest.fixture
def sid(repo):
    session_id, _ = repo.add_session(method="nominal_group", question="¿Qué pasa con el agua?",
                                     participant_count=6)
    for key in ("silent_writing", "round"):
        repo.phases.go_to(session_id, key)
    for text in IDEAS:
        repo.ideas.add(session_id, text)
    repo.phases.go_to(session_id, "clarification")
    merge, _ = repo.ideas.propose_merge(session_id, [1, 6])  # the room agrees: 6 is 1
    repo.ideas.agree_merge(merge.id)
    repo.phases.go_to(session_id, "preliminary_vote")
    repo.votes.configure(session_id, PRE, k=3)
    return session_id


@pytest.fixture
def screen(qtbot, repo, sid):
    qt_i18n.install("es")
    window = SessionScreen(repo, sid)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def press_enter(qtbot, widget, text: str) -> None:
    type_text(qtbot, widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_a_serial_typed_without_hyphen_is_shown_with_it(screen, repo, sid, qtbot, tmp_path,
                                                        errors):
    vote = screen.panel()
    print_ballots(repo, sid, PRE, 2, tmp_path / "boletas.pdf")
    serial = repo.register.issued(sid, PRE)[0]["serial"]
    shown = serial[:3] + "-" + serial[3:]
    vote.refresh()
    press_enter(qtbot, vote.paper.scan, serial)          # typed off the stub, no hyphen
    assert "Folio en captura: " + shown in vote.paper.current_label.text()
    assert vote.paper.message.text() == "Boleta {}: capture sus marcas.".format(shown)
    press_enter(qtbot, vote.entry, "2 1 3")
    assert vote.feedback.text().startswith("Boleta {} guardada.".format(shown))
    model = vote.ballots.model()
    assert model.index(0, 0).data() == shown
    assert screen.undo_button.accessibleName() == "Deshacer: capturar la boleta " + shown
    press_enter(qtbot, vote.paper.scan, serial)
    assert "La boleta {} ya se registró".format(shown) in vote.paper.message.text()
    assert errors == []


def test_a_merged_idea_number_counts_for_the_idea_it_went_into(screen, repo, sid, qtbot,
                                                              errors):
    vote = screen.panel()
    assert vote.options.text() == (
        "Se vota entre las ideas 1, 2, 3, 4 y 5 (5 ideas). Una boleta que nombra una idea "
        "fusionada cuenta para la que la absorbió: 6 → 1.")
    type_text(qtbot, vote.entry, "6 3 2")
    note = "La idea 6 se unió a la 1: cuenta para la 1."
    assert note in vote.preview.text()
    assert "idea 1 → 3 puntos" in vote.preview.text()
    qtbot.keyClick(vote.entry, Qt.Key.Key_Return)
    assert vote.feedback.text() == "Boleta 1 guardada. Cuentan 3 ideas.\n" + note
    ballot = repo.votes.ballots(sid, PRE)[0]
    assert ballot.marks == ((1, 3), (3, 2), (2, 1))
    model = vote.ballots.model()
    assert note in model.index(0, 2).data()
    assert {r.option: r.points for r in repo.votes.tally(sid, PRE).rows}[1] == 3

    # The same ballot naming 6 and 1: the idea is there twice, only those entries void.
    press_enter(qtbot, vote.entry, "6 1 4")
    feedback = vote.feedback.text()
    assert feedback.startswith("Boleta 2 guardada. Cuenta 1 idea.\nNo cuentan 2 entradas:")
    assert "«6»: La idea 6 se unió a la 1. La idea 1 aparece dos veces en la boleta." \
        in feedback
    assert "«1»: La idea 6 se unió a la 1. La idea 1 aparece dos veces en la boleta." \
        in feedback
    assert repo.votes.ballots(sid, PRE)[1].marks == ((4, 1),)
    assert errors == []
