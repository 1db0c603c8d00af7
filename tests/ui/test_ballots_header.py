"""The ballots table names what the round votes on: clusters in a fishbowl, stands at a fair
(it said "Cuenta (idea: puntos)" for every method, found in the walk-through)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cocrea_desktop.store.demo import create_demo
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.models.ballots import BallotsModel
from cocrea_desktop.ui.views.session_screen import SessionScreen


@pytest.mark.parametrize(("lang", "method", "expected"), [
    ("es", "fishbowl", "Cuenta (grupo de ideas: puntos)"),
    ("es", "nominal_group", "Cuenta (idea: puntos)"),
    ("en", "fishbowl", "Counts (cluster: points)"),
])
def test_the_ballots_table_names_what_is_voted_on(qtbot, tmp_path, lang, method, expected):
    qt_i18n.install(lang)
    repo = Repo.open(create_demo(tmp_path / "demo.cocrea.db"))
    try:
        session = next(s for s in repo.sessions() if s.method == method)
        if method == "nominal_group":  # the demo's first session, concluded
            repo.reopen_session(session.id)
            repo.phases.go_to(session.id, "preliminary_vote")
        screen = SessionScreen(repo, session.id)
        qtbot.addWidget(screen)
        screen.show()
        models = [m for m in screen.findChildren(BallotsModel) if m.rowCount()]
        assert models, "the vote panel shows the demo's ballots"
        column = [key for key, _title in models[0].columns()].index("counts")
        header = models[0].headerData(column, Qt.Orientation.Horizontal)
        assert header == expected
        screen.close()
    finally:
        repo.close()
        qt_i18n.install("es")
