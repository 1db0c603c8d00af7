"""The fishbowl panel of the phase kind "open_round": anyone speaks; notes of what was
said, beside what each group said in its turn.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.i18n import _
from cocrea_desktop.methods.fishbowl.qt.common import FISHBOWL_TABLES
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui.views.panel import NotesBox, Panel, big


def turns_summary_html(repo: Repo, session_id: str) -> str:
    """What each group said in its turn, for the open round (read, not edited)."""
    esc = html.escape
    ideas = repo.ideas.list(session_id, include_inactive=False)
    out = []
    for turn in repo.fishbowl.turns(session_id):
        said = [i for i in ideas if i.group_key == turn.group.id]
        out.append(f"<h3>{esc(turn.group.label)}</h3>")
        if said:
            out.append("<ol>" + "".join(f'<li value="{i.number}">{esc(i.text)}</li>'
                                        for i in said) + "</ol>")
        else:
            out.append("<p><i>{}</i></p>".format(esc(_("Sin ideas capturadas."))))
    return "\n".join(out) or "<p>{}</p>".format(esc(_("Aún no hay turnos.")))


class OpenRoundPanel(Panel):
    """*Ronda abierta*: anyone speaks; the notes of what was said and learned, beside what
    each group said in its turn (there is no vote yet, so no results here)."""

    tables = FISHBOWL_TABLES + ("note",)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.said_title = big(QLabel(objectName="turns_said_title"), 1.1)
        self.said = QTextBrowser(objectName="turns_said")
        ll.addWidget(self.said_title)
        ll.addWidget(self.said, 1)
        self.notes = NotesBox(self)
        splitter.addWidget(left)
        splitter.addWidget(self.notes)
        splitter.setSizes([620, 700])
        layout.addWidget(splitter)
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.notes.entry

    def refresh(self) -> None:
        if self.repo is None:
            return
        self.said.setHtml(turns_summary_html(self.repo, self.session_id))
        self.notes.refresh()

    def retranslate(self) -> None:
        self.notes.retranslate()
        self.said_title.setText(_("Lo que dijo cada grupo en su turno"))
        self.notes.title.setText(_("Ronda abierta: lo que se dice y lo que aprendimos"))
        self.notes.entry.setPlaceholderText(_("Escriba lo que se dijo o se aprendió y pulse "
                                              "Intro"))
        if self.repo is not None:
            self.refresh()
