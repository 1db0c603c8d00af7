"""A long session must not wear out the interpreter: Qt calls must not leak references.

PySide6 6.12.0 under Python 3.11 dropped a reference to None on many calls (a label's
setText, each event loop pass); after some minutes of a running timer the program
aborted ("deallocating None"). pyproject.toml keeps that version out; this test
catches any version that does it again.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel

from cocrea_desktop import i18n
from cocrea_desktop.ui import qt_i18n


def test_labels_event_loop_and_language_switches_keep_none_alive(qtbot, repo):
    from cocrea_desktop.ui.views.session_screen import SessionScreen

    qt_i18n.install("es")
    sid, _ = repo.add_session(method="nominal_group", question="¿Qué?")
    screen = SessionScreen(repo, sid)
    qtbot.addWidget(screen)
    screen.show()
    label = QLabel()
    qtbot.addWidget(label)
    app = QApplication.instance()
    before = sys.getrefcount(None)
    for i in range(300):
        label.setText(str(i))
        screen.timer.tick(chime=False)
        app.processEvents()
        if i % 30 == 0:
            i18n.set_language("en" if i % 60 == 0 else "es")
    i18n.set_language("es")
    assert sys.getrefcount(None) - before > -50
