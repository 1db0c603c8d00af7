"""Fixtures shared by the tests of the vote panel's paper ballots and the review window:
a nominal group at its preliminary vote (five ideas, k = 3), its vote panel on screen,
and the errors the operations would have shown."""

from __future__ import annotations

import pytest

from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.views.session_screen import SessionScreen

IDEAS = ["Fugas en la red", "Agua turbia", "Tandeo disparejo", "Falta cloro", "Tarifas"]


@pytest.fixture
def errors(monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(ops, "show_error", lambda _parent, err: seen.append(err.message))
    return seen


@pytest.fixture
def sid(repo):
    session_id, _ = repo.add_session(method="nominal_group", question="¿Qué pasa con el agua?",
                                     participant_count=6, table_label="Mesa 1")
    for key in ("silent_writing", "round"):
        repo.phases.go_to(session_id, key)
    for text in IDEAS:
        repo.ideas.add(session_id, text)
    repo.phases.go_to(session_id, "clarification")
    repo.phases.go_to(session_id, "preliminary_vote")
    repo.votes.configure(session_id, "preliminary", k=3)
    return session_id


@pytest.fixture
def vote(qtbot, repo, sid):
    qt_i18n.install("es")
    screen = SessionScreen(repo, sid)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    panel = screen.panel()
    assert hasattr(panel, "paper")
    return panel
