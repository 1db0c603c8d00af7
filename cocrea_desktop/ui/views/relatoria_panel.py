"""The last phase: results and the relatoría.

The relatoría form is pre-filled from the session (question, date, place,
participants, ideas with merges traced, results with their rule); the
facilitator writes convergences, dissent and next steps. What is typed is
saved a moment after typing stops, and at once when leaving the phase or
closing the window, so nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core import dates
from cocrea_desktop.export.relatoria import RelatoriaFacts, session_relatoria
from cocrea_desktop.i18n import _, current_language
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.panel_registry import register_panel
from cocrea_desktop.ui.views.panel import Panel, big
from cocrea_desktop.ui.views.vote_panels import VOTE_TABLES, ResultsView

SAVE_DELAY_MS = 800
FIELDS = ("convergences", "dissent", "next_steps")


def relatoria_html(facts: RelatoriaFacts) -> str:
    """The relatoría's facts as the screen shows them (the PDF renders the same facts)."""
    esc = html.escape
    out = ["<h3>{}</h3>".format(esc(_("Pregunta detonadora"))),
           f"<p><b>{esc(facts.question)}</b></p>",
           "<p>" + "<br>".join(f"{esc(k)}: {esc(v)}" for k, v in facts.facts) + "</p>"]
    if facts.shows("ideas"):
        out.append(f"<h3>{esc(facts.ideas_title)}</h3><ol>")
        for idea in facts.ideas:
            text = esc(idea.text)
            if idea.withdrawn:
                text = f"<s>{text}</s>"
            out.append('<li value="{n}">{text}{note}</li>'.format(
                n=idea.number, text=text,
                note=f" <i>({esc(idea.state)})</i>" if idea.state else ""))
        out.append("</ol>")
    if facts.merges and facts.shows("merges"):
        out.append("<h3>{}</h3>".format(esc(_("Fusiones"))))
        out += [f"<p>{esc(m)}</p>" for m in facts.merges]
    for section in facts.sections:
        out.append(f"<h3>{esc(section.title)}</h3><ul>")
        out += [f"<li>{esc(line)}</li>" for line in section.lines]
        out.append("</ul>")
    out.append("<h3>{}</h3>".format(esc(_("Resultados"))))
    if facts.no_votes:
        out.append(f"<p>{esc(facts.no_votes)}</p>")
    if facts.standing:
        out.append(f"<p><b>{esc(facts.standing)}</b></p>")
    if facts.warning:
        out.append(f"<p>⚠ {esc(facts.warning)}</p>")
    if facts.round_title:
        out.append(f"<h4>{esc(facts.round_title)}</h4>")
        out += [f"<p>{esc(line)}</p>" for line in (facts.rule, *facts.counts)]
        out.append("<ul>" + "".join(f"<li>{esc(r)}</li>" for r in facts.results)
                   + "</ul>")
    if facts.tie_breaks:
        out.append("<p><b>{}</b></p>".format(esc(_("Desempates aplicados"))))
        out += [f"<p>{i}. {esc(t)}</p>"
                for i, t in enumerate(facts.tie_breaks, 1)]
    if facts.near_ties:
        out.append("<p><b>{}</b></p>".format(esc(_("Casi empates"))))
        out += [f"<p>≈ {esc(t)}</p>" for t in facts.near_ties]
    return "\n".join(out)


def summary_html(repo: Repo, session_id: str) -> str:
    """What the data already says, for the top of the relatoría (and the fishbowl's
    synthesis): :func:`~cocrea_desktop.export.relatoria.session_relatoria`, shown."""
    return relatoria_html(session_relatoria(repo, session_id))


class RelatoriaForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo: Repo | None = None
        self.session_id = ""
        self._saved: dict[str, str] = {}
        self._summary_key: tuple = ()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter()
        self.summary = QTextBrowser(objectName="relatoria_summary")
        splitter.addWidget(self.summary)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.labels: dict[str, QLabel] = {}
        self.edits: dict[str, QPlainTextEdit] = {}
        #: What the program knows about a field, shown beside it (never typed into it).
        self.hints: dict[str, QTextBrowser] = {}
        for name in FIELDS:
            label = big(QLabel(objectName=name + "_label"), 1.05)
            label.setWordWrap(True)
            edit = QPlainTextEdit(objectName=name)
            edit.setTabChangesFocus(True)
            edit.textChanged.connect(self._typed)
            label.setBuddy(edit)
            hint = QTextBrowser(objectName=name + "_hint")
            hint.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            hint.hide()
            row = QHBoxLayout()
            row.addWidget(edit, 3)
            row.addWidget(hint, 2)
            rl.addWidget(label)
            rl.addLayout(row, 1)
            self.labels[name] = label
            self.edits[name] = edit
            self.hints[name] = hint
        self.status = QLabel(objectName="relatoria_status")
        rl.addWidget(self.status)
        splitter.addWidget(right)
        splitter.setSizes([560, 760])
        layout.addWidget(splitter)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_DELAY_MS)
        self.timer.timeout.connect(self.save)
        self._loading = False
        self.retranslate()

    def bind(self, repo: Repo, session_id: str) -> None:
        if (repo, session_id) != (self.repo, self.session_id):
            self.flush()
        self.repo, self.session_id = repo, session_id
        self.refresh()

    def refresh(self) -> None:
        if self.repo is None:
            return
        self.show_summary()
        stored = self.repo.relatoria.get(self.session_id)
        self._loading = True
        try:
            for name, edit in self.edits.items():
                value = getattr(stored, name)
                dirty = edit.toPlainText().strip() != self._saved.get(name, "")
                if not dirty and edit.toPlainText().strip() != value:
                    edit.setPlainText(value)
                self._saved[name] = value
        finally:
            self._loading = False

    def _typed(self) -> None:
        if self._loading:
            return
        self.status.setText(_("Escribiendo… se guarda solo"))
        self.timer.start()

    def dirty(self) -> dict[str, str]:
        return {name: edit.toPlainText() for name, edit in self.edits.items()
                if edit.toPlainText().strip() != self._saved.get(name, "")}

    def save(self) -> None:
        self.timer.stop()
        values = self.dirty()
        if not values or self.repo is None:
            return
        if ops.save_relatoria(parent=self, repo=self.repo, session_id=self.session_id,
                              **values) is not None:
            for name, value in values.items():
                self._saved[name] = value.strip()
            self.status.setText(_("Relatoría guardada a las {time}").format(
                time=dates.format_time(dt.datetime.now(), seconds=True)))

    def flush(self) -> None:
        if self.repo is not None and self.dirty():
            self.save()

    def retranslate(self) -> None:
        titles = {
            "convergences": _("&Coincidencias: en qué estuvo de acuerdo la sala"),
            "dissent": _("&Disensos: en qué no hubo acuerdo"),
            "next_steps": _("&Próximos pasos"),
        }
        for name, text in titles.items():
            self.labels[name].setText(text)
        if self.repo is not None:
            self.show_summary()

    def show_summary(self) -> None:
        """The summary of the data, read again only when the file or the language changed
        since it was shown (it reads the whole session: opening the screen read it twice,
        and every refresh again), and only once it can be seen: behind the results tab
        of a shown window it is read when its tab shows (it was a third of the time the
        results screen took to show at 200 sessions)."""
        if self.repo is None:
            return
        key = (id(self.repo), self.session_id, current_language(), self.repo.journal_head())
        if key == self._summary_key:
            return
        if not self.isVisible() and self.parentWidget() is not None:
            return  # in a screen, behind its tab: read by showEvent
        self.summary.setHtml(summary_html(self.repo, self.session_id))
        self._summary_key = key

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.show_summary()


class ResultsPhasePanel(Panel):
    """Results and relatoría in two tabs (Alt+R / Alt+L or Ctrl+Tab)."""

    tables = VOTE_TABLES + ("relatoria",)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(objectName="results_tabs")
        self.results = ResultsView()
        self.relatoria = RelatoriaForm()
        self.tabs.addTab(self.results, "")
        self.tabs.addTab(self.relatoria, "")
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.retranslate()

    def _tab_changed(self, _index: int) -> None:
        target = self.focus_target()
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_target(self) -> QWidget | None:
        return self.results.round_combo if self.tabs.currentIndex() == 0 else \
            self.relatoria.edits["convergences"]

    def refresh(self) -> None:
        if self.repo is None:
            return
        self.results.bind(self.repo, self.session_id)
        self.relatoria.bind(self.repo, self.session_id)

    def flush(self) -> None:
        self.relatoria.flush()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, _("&Resultados"))
        self.tabs.setTabText(1, _("Re&latoría"))
        self.results.retranslate()
        self.relatoria.retranslate()


register_panel("results", ResultsPhasePanel)
