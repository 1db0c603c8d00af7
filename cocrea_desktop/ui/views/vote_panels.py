"""The working panels that deal with votes: ballot entry, typed counts, results, discussion.

Ballots are checked by the core while typing (``repo.votes.check_ballot``) and
committed at once on Enter; the tally always comes from ``repo.votes.tally()``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.core.model import Idea, round_label
from cocrea_desktop.core.room import option_label
from cocrea_desktop.core.voting import tally as tallies
from cocrea_desktop.core.voting import wording
from cocrea_desktop.core.voting.outcome import ballot_name, describe_ballot
from cocrea_desktop.i18n import _, ngettext
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.models.ballots import BallotsModel
from cocrea_desktop.ui.models.base import Role
from cocrea_desktop.ui.models.counts import CountsModel
from cocrea_desktop.ui.models.results import ResultsModel
from cocrea_desktop.ui.panel_registry import register_panel
from cocrea_desktop.ui.qt_i18n import key_text
from cocrea_desktop.ui.views.ideas_table import loose_ideas_warning
from cocrea_desktop.ui.views.panel import (
    CaptureLine,
    NotesBox,
    Panel,
    banner,
    big,
    status_line,
    table_view,
)
from cocrea_desktop.ui.views.paper_widgets import PaperBallotsBox
from cocrea_desktop.ui.widgets.bar_chart import Bar, BarChart
from cocrea_desktop.ui.widgets.fit import WrappedLabel, readable_column, size_columns

VOTE_TABLES = ("ballot", "mark", "vote_round", "typed_count", "idea", "session", "proposal")
SOURCES = (tallies.SOURCE_HAND_COUNT, tallies.SOURCE_WALL, tallies.SOURCE_HANDS)


def capital_noun(repo, session_id: str) -> str:
    """The option column's title for this session's votes: Idea, Grupo de ideas, Stand."""
    noun = repo.votes.noun(session_id).bare()
    return noun[:1].upper() + noun[1:]


def option_texts(repo, session_id: str) -> dict[int, str]:
    """Option number -> its text: the ideas, the clusters' labels, the stands' titles."""
    return repo.votes.options_for(session_id).labels()


def promoted_labels(repo, session_id: str) -> dict[int, str]:
    """Option number -> the label of the proposal promoted from it (none read when the
    session has promoted nothing)."""
    if not repo.proposals.promoted(session_id):
        return {}
    return {i.number: i.proposal_label for i in repo.proposals.result(session_id)
            if i.number is not None and i.proposal_label}


def option_rows(repo, session_id: str) -> list[Idea]:
    """The rows of the counts table: active ideas, or the clusters (fishbowl) as rows."""
    if repo.votes.noun(session_id) is wording.CLUSTER:
        return [Idea(c.id, session_id, c.number, c.label) for c in
                repo.ideas.clusters(session_id)]
    if repo.votes.noun(session_id) is wording.STAND:  # idea fair: the stands as rows
        return [Idea(s.id, session_id, s.number, s.title) for s in
                repo.fair.stands(session_id)]
    return repo.ideas.list(session_id)


def example_marks(options: list[int], vote_round) -> str:
    """A ballot that fits this vote, for the entry's example: ``k`` different options of
    the real range (ranked), or one number per dot within the cap (dots)."""
    if not options:
        return ""
    pool = sorted(options)
    mixed: list[int] = []  # middle, first, last, second...: not just "1 2 3"
    if len(pool) > 2:
        mixed.append(pool.pop(len(pool) // 2))
    while pool:
        mixed.append(pool.pop(0))
        if pool:
            mixed.append(pool.pop())
    if vote_round.kind == "dots":
        per_person = max(1, int(vote_round.params.get("dots_per_person", 1)))
        cap = max(1, int(vote_round.params.get("max_per_option") or per_person))
        marks: list[int] = []
        for option in mixed:
            marks += [option] * min(cap, per_person - len(marks))
            if len(marks) >= per_person:
                break
        return " ".join(str(m) for m in marks)
    return " ".join(str(m) for m in mixed[:max(1, min(vote_round.k, len(mixed)))])


class VotePanel(Panel):
    """One vote round: its rule (k), ballots typed fast, or counts typed from a wall."""

    tables = VOTE_TABLES + ("ballot_issue",)

    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        return [
            (key_text("Return"), _("En «Boleta»: guardar la boleta escrita")),
            (key_text("Return"), _("En «Lector o folio»: leer el folio de una boleta de "
                                   "papel")),
        ]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.round = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.title = big(QLabel(objectName="round_title"), 1.4)
        head.addWidget(self.title)
        head.addStretch(1)
        self.k_label = QLabel(objectName="k_label")
        self.k = QSpinBox(objectName="k")
        self.k.setRange(1, 5)
        self.k_label.setBuddy(self.k)
        self.k.valueChanged.connect(self.set_k)
        self.mode_label = QLabel(objectName="mode_label")
        self.mode = QComboBox(objectName="mode")
        self.mode_label.setBuddy(self.mode)
        self.mode.addItem("", "ballots")
        self.mode.addItem("", "counts")
        self.mode.currentIndexChanged.connect(self.set_mode)
        # dots rounds (fishbowl): dots per person and the most on one option
        self.dots_label = QLabel(objectName="dots_label")
        self.dots = QSpinBox(objectName="dots_per_person")
        self.dots.setRange(1, 20)
        self.dots_label.setBuddy(self.dots)
        self.dots.valueChanged.connect(lambda v: self.set_dots(dots_per_person=v))
        self.cap_label = QLabel(objectName="cap_label")
        self.cap = QSpinBox(objectName="max_per_option")
        self.cap.setRange(1, 20)
        self.cap_label.setBuddy(self.cap)
        self.cap.valueChanged.connect(lambda v: self.set_dots(max_per_option=v))
        for widget in (self.k_label, self.k, self.dots_label, self.dots, self.cap_label,
                       self.cap, self.mode_label, self.mode):
            head.addWidget(widget)
        layout.addLayout(head)
        self.rule = QLabel(objectName="rule")
        self.rule.setWordWrap(True)
        self.options = QLabel(objectName="options")
        self.options.setWordWrap(True)
        self.problem = banner("vote_problem")
        self.loose_warning = banner("loose_ideas")
        layout.addWidget(self.rule)
        layout.addWidget(self.options)
        layout.addWidget(self.problem)
        layout.addWidget(self.loose_warning)

        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)

        # -- ballots page
        ballots_page = QWidget()
        bl = QVBoxLayout(ballots_page)
        bl.setContentsMargins(0, 0, 0, 0)
        entry_row = QHBoxLayout()
        self.entry_label = QLabel(objectName="ballot_label")
        self.entry = CaptureLine(objectName="ballot_entry")  # Ctrl+Z reaches the window
        font = self.entry.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.entry.setFont(font)
        self.entry_label.setBuddy(self.entry)
        self.entry.textChanged.connect(self.update_preview)
        self.entry.returnPressed.connect(self.save_ballot)
        self.save_button = QPushButton(objectName="save_ballot")
        self.save_button.clicked.connect(self.save_ballot)
        entry_row.addWidget(self.entry_label)
        entry_row.addWidget(self.entry, 1)
        entry_row.addWidget(self.save_button)
        self.paper = PaperBallotsBox(self)  # paper ballots: scanner, scans, register
        bl.addWidget(self.paper)
        bl.addLayout(entry_row)
        self.preview = QLabel(objectName="ballot_preview")
        self.preview.setWordWrap(True)
        self.feedback = status_line(QLabel(objectName="ballot_feedback"))
        self.feedback.setWordWrap(True)
        self.feedback.setStyleSheet("QLabel { border-left: 4px solid palette(text); "
                                    "padding-left: 6px; }")
        bl.addWidget(self.preview)
        bl.addWidget(self.feedback)
        self.ballots_model = BallotsModel(self)
        self.ballots = table_view(self.ballots_model, "ballots")
        header = self.ballots.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.ballots.setColumnWidth(0, 70)
        self.ballots.setColumnWidth(1, 170)
        self.ballots.setColumnWidth(2, 260)
        self.ballots.setColumnWidth(4, 210)
        readable_column(self.ballots, 3, 90)
        self.ballots.selectionModel().selectionChanged.connect(lambda *_a: self.update_spoil())
        bl.addWidget(self.ballots, 1)
        spoil_row = QHBoxLayout()
        self.count_label = QLabel(objectName="ballot_count")
        spoil_row.addWidget(self.count_label)
        spoil_row.addStretch(1)
        self.spoil_button = QPushButton(objectName="spoil_ballot")
        self.spoil_button.clicked.connect(self.toggle_spoil)
        spoil_row.addWidget(self.spoil_button)
        bl.addLayout(spoil_row)
        self.pages.addWidget(ballots_page)

        # -- counts page
        counts_page = QWidget()
        cl = QHBoxLayout(counts_page)
        cl.setContentsMargins(0, 0, 0, 0)
        self.counts_model = CountsModel(self)
        self.counts = table_view(self.counts_model, "counts")
        self.counts.setEditTriggers(self.counts.EditTrigger.AllEditTriggers)
        self.counts.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.counts.setColumnWidth(0, 56)
        self.counts.setColumnWidth(2, 110)
        cl.addWidget(self.counts, 3)
        side = QWidget()
        form = QFormLayout(side)
        self.counter = QLineEdit(objectName="counter")
        self.source = QComboBox(objectName="source")
        self.source.setEditable(False)
        for source in SOURCES:
            self.source.addItem("", source)
        self.participants = QSpinBox(objectName="participants")
        self.participants.setRange(0, 10_000)
        self.counter_label = QLabel()
        self.source_label = QLabel()
        self.participants_label = QLabel()
        form.addRow(self.counter_label, self.counter)
        form.addRow(self.source_label, self.source)
        form.addRow(self.participants_label, self.participants)
        self.total = big(QLabel(objectName="counts_total"), 1.2)
        self.check = QLabel(objectName="counts_check")
        self.check.setWordWrap(True)
        self.save_counts_button = QPushButton(objectName="save_counts")
        self.save_counts_button.clicked.connect(self.save_counts)
        form.addRow(self.total)
        form.addRow(self.check)
        form.addRow(self.save_counts_button)
        cl.addWidget(side, 2)
        self.counts_model.total_changed.connect(lambda _t: self.update_total())
        self.pages.addWidget(counts_page)
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.entry if self.pages.currentIndex() == 0 else self.counts

    def set_context(self, repo, session_id, phase) -> None:
        if phase.vote_round != self.round or session_id != self.session_id:
            self.feedback.setText("")
            self.entry.setText("")
            self.paper.reset()
        self.round = phase.vote_round or ""
        super().set_context(repo, session_id, phase)

    # -- reading -------------------------------------------------------------
    def refresh(self) -> None:
        if self.repo is None or not self.round:
            return
        repo, sid, round_ = self.repo, self.session_id, self.round
        vote_round = repo.votes.round(sid, round_)
        options = repo.votes.options(sid)
        has_votes = repo.votes.has_votes(sid, round_)
        self.title.setText(round_label(round_))
        self.k.blockSignals(True)
        self.k.setRange(1, max(1, len(options) - 1))
        self.k.setValue(vote_round.k)
        self.k.blockSignals(False)
        self.mode.blockSignals(True)
        self.mode.setCurrentIndex(self.mode.findData(vote_round.mode))
        self.mode.blockSignals(False)
        for widget in (self.k, self.mode, self.dots, self.cap):
            widget.setEnabled(not has_votes)
        self.show_dots(vote_round)
        self.counts_model.option_title = capital_noun(repo, sid)
        tip = _("Ya hay votos en esta ronda: la regla ya no puede cambiar.") if has_votes else ""
        self.k.setToolTip(tip or _("Cuántas ideas ordena cada boleta; como máximo una menos "
                                   "que las ideas."))
        self.mode.setToolTip(tip)
        try:
            self.rule.setText(_("Regla: {rule}").format(rule=repo.votes.rule_text(sid, round_)))
        except CocreaError as err:
            self.rule.setText(err.message)
        text = _("Se vota entre {options} ({count}).").format(
            options=repo.votes.noun(sid).many(options) if options else "—",
            count=repo.votes.noun(sid).count(len(options)))
        merged = repo.votes.merged(sid)
        if merged:  # numbers still on the wall: say where a ballot naming them counts
            text += " " + _("Una boleta que nombra una idea fusionada cuenta para la que la "
                            "absorbió: {pairs}.").format(pairs=", ".join(
                                f"{a} → {b}" for a, b in sorted(merged.items())))
        self.options.setText(text)
        problem = ""
        if len(options) < 2:
            problem = _("Se necesitan al menos dos ideas vigentes para votar.")
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        loose = loose_ideas_warning(repo, sid)
        self.loose_warning.setText(loose)
        self.loose_warning.setVisible(bool(loose))
        if vote_round.mode == "counts":
            self.pages.setCurrentIndex(1)
            self.counts_model.set_data(option_rows(repo, sid), repo.votes.counts(sid, round_))
            if vote_round.counter and not self.counter.text():
                self.counter.setText(vote_round.counter)
            index = self.source.findData(vote_round.source)
            if index >= 0:
                self.source.setCurrentIndex(index)
            self.participants.setValue(vote_round.participants)
            self.save_counts_button.setEnabled(len(options) >= 2)
            self.update_total()
        else:
            self.pages.setCurrentIndex(0)
            ballots = repo.votes.ballots(sid, round_)
            chosen = self.current_ballot()
            self.ballots_model.set_ballots(ballots, repo.votes.noun(sid))
            rows = [i for i, b in enumerate(ballots) if chosen is not None and b.id == chosen.id]
            if rows:
                self.ballots.selectRow(rows[0])
            else:
                self.ballots.scrollToBottom()
            counted = sum(1 for b in ballots if b.status == "counted")
            self.count_label.setText(ngettext(
                "{count} boleta capturada", "{count} boletas capturadas", len(ballots)).format(
                count=len(ballots)) + " · " + ngettext(
                "{count} cuenta", "{count} cuentan", counted).format(count=counted))
            self.entry.setEnabled(len(options) >= 2)
            self.save_button.setEnabled(len(options) >= 2)
            self.update_spoil()
            self.update_preview()
            self.paper.refresh()

    def entry_example(self) -> str:
        """The entry's example, fitted to this vote (its options, its number of marks)."""
        if self.repo is None or not self.round:
            return ""
        vote_round = self.repo.votes.round(self.session_id, self.round)
        marks = example_marks(self.repo.votes.options(self.session_id), vote_round)
        if not marks:
            return ""
        if vote_round.kind == "dots":
            return _("p. ej. {marks} (un número por punto)").format(marks=marks)
        return _("p. ej. {marks}").format(marks=marks)

    # -- rule ------------------------------------------------------------------
    def is_dots_round(self) -> bool:
        return self.repo is not None and bool(self.round) and \
            self.repo.votes.round(self.session_id, self.round).kind == "dots"

    def show_dots(self, vote_round) -> None:
        """Dots rounds show dots per person and the cap per option instead of k."""
        dots = vote_round.kind == "dots"
        for widget in (self.k_label, self.k):
            widget.setVisible(not dots)
        for widget in (self.dots_label, self.dots, self.cap_label, self.cap):
            widget.setVisible(dots)
        if not dots:
            return
        per_person = int(vote_round.params.get("dots_per_person", 1))
        cap = vote_round.params.get("max_per_option") or per_person
        for spin, value, top in ((self.dots, per_person, 20), (self.cap, min(cap, per_person),
                                                               per_person)):
            spin.blockSignals(True)
            spin.setRange(1, top)
            spin.setValue(int(value))
            spin.blockSignals(False)
        self.dots.setToolTip(_("Puntos que reparte cada persona (de 1 a 7 sugerido: la tercera "
                               "parte de las opciones)."))
        self.cap.setToolTip(_("Lo más que una persona puede poner en una misma opción; 1 = no "
                              "se acumulan."))
        self.entry.setPlaceholderText(self.entry_example())

    def set_dots(self, **values: int) -> None:
        if self.repo is None or not self.round:
            return
        if ops.configure_vote(parent=self, repo=self.repo, session_id=self.session_id,
                              round_=self.round, **values) is None:
            self.refresh()

    def set_k(self, value: int) -> None:
        if self.repo is None or not self.round:
            return
        if value != self.repo.votes.round(self.session_id, self.round).k:
            if ops.configure_vote(parent=self, repo=self.repo, session_id=self.session_id,
                                  round_=self.round, k=value) is None:
                self.refresh()

    def set_mode(self, _index: int) -> None:
        if self.repo is None or not self.round:
            return
        mode = self.mode.currentData()
        if ops.configure_vote(parent=self, repo=self.repo, session_id=self.session_id,
                              round_=self.round, mode=mode) is None:
            self.refresh()

    # -- ballots ---------------------------------------------------------------
    def update_preview(self) -> None:
        text = self.entry.text().strip()
        if not text or self.repo is None or not self.round:
            self.preview.setText(_("Escriba un número por cada punto de la boleta (o "
                                   "número:puntos) y pulse Intro.") if self.is_dots_round() else
                                 _("Escriba los números de las ideas en el orden de la boleta "
                                   "(el primero recibe más puntos) y pulse Intro."))
            return
        try:
            checked = self.repo.votes.check_ballot(self.session_id, self.round, text)
        except CocreaError as err:
            self.preview.setText(err.message)
            return
        self.preview.setText(describe_ballot(checked, dots=self.is_dots_round(),
                                             noun=self.repo.votes.noun(self.session_id)).preview())

    def flush(self) -> None:
        """A ballot typed but not saved when the phase changes or the window closes is saved
        (it can still be spoiled or undone): nothing typed is lost."""
        if self.entry.text().strip() and self.entry.isEnabled():
            self.save_ballot()

    def save_ballot(self) -> None:
        text = self.entry.text().strip()
        if not text or self.repo is None or not self.round:
            return
        ballot = ops.enter_ballot(parent=self, repo=self.repo, session_id=self.session_id,
                                  round_=self.round, text=text, serial=self.paper.serial())
        if ballot is None:
            return
        self.entry.setText("")
        self.paper.ballot_saved()
        self.feedback.setText(describe_ballot(
            ballot, dots=self.is_dots_round(), noun=self.repo.votes.noun(self.session_id),
            name=ballot_name(ballot.serial, ballot.number)).saved())
        # The ballot just typed is the one in view and chosen (the list stayed on the one
        # chosen before, so the new one was out of sight); the focus stays in the line.
        row = self.ballots_model.row_of(ballot.id)
        if row is not None:
            self.ballots.selectRow(row)
            self.ballots.scrollTo(self.ballots_model.index(row, 0))

    def current_ballot(self):
        rows = self.ballots.selectionModel().selectedRows()
        return self.ballots_model.ballot_at(rows[0].row()) if rows else None

    def update_spoil(self) -> None:
        ballot = self.current_ballot()
        spoiled = ballot is not None and ballot.status == "spoiled"
        self.spoil_button.setText(_("Volver a contar") if spoiled else _("Anular boleta"))
        self.spoil_button.setEnabled(ballot is not None)

    def toggle_spoil(self) -> None:
        ballot = self.current_ballot()
        if ballot is not None and self.repo is not None:
            ops.spoil_ballot(parent=self, repo=self.repo, ballot_id=ballot.id,
                             spoiled=ballot.status != "spoiled")

    # -- counts ----------------------------------------------------------------
    def update_total(self) -> None:
        total = self.counts_model.total()
        self.total.setText(_("Total contado: {total}").format(total=total))
        check = ""
        if self.repo is not None and self.round and \
                self.repo.votes.has_votes(self.session_id, self.round):
            try:
                check = self.repo.votes.tally(self.session_id, self.round).check_text
            except (CocreaError, AttributeError):
                check = ""
        self.check.setText(check)

    def save_counts(self) -> None:
        if self.repo is None or not self.round:
            return
        participants = self.participants.value() or None
        ops.set_counts(parent=self, repo=self.repo, session_id=self.session_id,
                       round_=self.round, counts=self.counts_model.counts(),
                       counter=self.counter.text(), source=self.source.currentData(),
                       participants=participants)

    def retranslate(self) -> None:
        self.k_label.setText(_("&Lugares por boleta:"))
        self.mode_label.setText(_("&Forma de votar:"))
        self.mode.setItemText(0, _("Boletas escritas"))
        self.mode.setItemText(1, _("Conteo a mano"))
        self.entry_label.setText(_("&Boleta:"))
        self.entry.setPlaceholderText(self.entry_example())
        self.dots_label.setText(_("P&untos por persona:"))
        self.cap_label.setText(_("&Máximo por opción:"))
        self.paper.retranslate()
        self.save_button.setText(_("Guardar boleta"))
        self.save_button.setToolTip(_("Guardar la boleta ahora (Intro)"))
        self.counter_label.setText(_("Quién contó:"))
        self.source_label.setText(_("Cómo se contó:"))
        self.participants_label.setText(_("Participantes:"))
        for i, source in enumerate(SOURCES):
            self.source.setItemText(i, _(source))
        self.save_counts_button.setText(_("Guardar conteos"))
        self.ballots_model.retranslate()
        self.counts_model.retranslate()
        self.update_spoil()
        if self.repo is not None:
            self.refresh()


#: The least width the results' idea column keeps beside the figures (readable_column's),
#: and the least the bar chart is shown at (narrower, its labels ran to many lines).
READABLE_TEXT = 260
CHART_MIN = 320


class ResultsView(QWidget):
    """A round's tally: the table, the bar chart, the rule and the tie-breaks in words."""

    def __init__(self, parent: QWidget | None = None, *, selector: bool = True,
                 chart: bool = True, choose: bool = True) -> None:
        super().__init__(parent)
        self.repo = None
        self.session_id = ""
        self.fixed_round: str | None = None
        self.choose = choose  # offer "Tomar la … como resultado"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.shown = big(QLabel(objectName="results_shown"), 1.3)
        self.round_label = QLabel(objectName="results_round_label")
        self.round_combo = QComboBox(objectName="results_round")
        # The round's whole name ("Votación preliminar"), never cut.
        self.round_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.round_label.setBuddy(self.round_combo)
        self.round_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        head.addWidget(self.shown, 1)
        head.addWidget(self.round_label)
        head.addWidget(self.round_combo)
        self.head = head  # the promote button goes at its end, once made
        self.round_label.setVisible(selector)
        self.round_combo.setVisible(selector)
        layout.addLayout(head)
        # Which round's result stands, the warning about an optional round short of
        # ballots, and the choice of the round (undoable): screen, projector, PDFs and CLI
        # all take repo.votes.result_round().
        self.warning = banner("results_warning")
        layout.addWidget(self.warning)
        standing = QHBoxLayout()
        self.standing = QLabel(objectName="results_standing")
        self.standing.setWordWrap(True)
        self.standing.setStyleSheet("QLabel { font-weight: bold; }")
        self.take_button = QPushButton(objectName="take_result_round")
        self.take_button.clicked.connect(self.take_round)
        self.take_button.hide()
        # «Promover a propuesta…»: the chosen row (or the first one not yet promoted) to the
        # process's proposals, through the form; also in the table's right-click menu and
        # with Ctrl+Shift+R.
        self.promote_button = QPushButton(objectName="promote_result")
        self.promote_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.promote_button.clicked.connect(lambda _c=False: self.promote())
        self.promote_action = QAction(self)
        self.promote_action.setObjectName("act_promote_result")
        self.promote_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.promote_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.promote_action.triggered.connect(lambda _c=False: self.promote())
        self.addAction(self.promote_action)
        self.head.addWidget(self.promote_button)
        standing.addWidget(self.standing, 1)
        standing.addWidget(self.take_button)
        layout.addLayout(standing)
        self.rule = QLabel(objectName="results_rule")
        self.rule.setWordWrap(True)
        layout.addWidget(self.rule)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.model = ResultsModel(self)
        self.table = table_view(self.model, "results")
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        splitter.addWidget(self.table)
        self.chart = BarChart()
        splitter.addWidget(self.chart)
        self.chart.setVisible(chart)
        splitter.setSizes([700, 560])
        self.splitter = splitter
        self.split_by_hand = False  # once the facilitator drags the handle, theirs stands
        splitter.splitterMoved.connect(self._split_moved)
        layout.addWidget(splitter, 1)
        self.explain = WrappedLabel(objectName="results_explain")
        self.explain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The tie-breaks in words can run to dozens of lines (many ties): they scroll in at
        # most a third of the view, and the table keeps its rows (at 1024 it showed none).
        self.explain_area = QScrollArea(objectName="results_explain_area")
        self.explain_area.setWidgetResizable(True)
        self.explain_area.setFrameShape(QFrame.Shape.NoFrame)
        self.explain_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.explain_area.setWidget(self.explain)
        layout.addWidget(self.explain_area)
        self._promote_texts()

    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        """The results' own keys, for the help (F1) of the phase that shows them."""
        return [(key_text("Ctrl+Shift+R"), _("Promover el resultado elegido a propuesta del "
                                             "proceso"))]

    def _split_moved(self, *_args) -> None:
        if not self._fitting:
            self.split_by_hand = True

    _fitting = False

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.fit_split()
        self.fit_explanation()

    def set_explanation(self, text: str) -> None:
        self.explain.setText(text)
        self.fit_explanation()

    def fit_explanation(self) -> None:
        """As tall as its words, up to a third of the view (then it scrolls)."""
        area = self.explain_area
        if not self.explain.text():
            area.setFixedHeight(0)
            return
        # At the width the scroll area lays the label out at: the label keeps its answer,
        # so the layout that follows does not wrap the whole text again.
        width = area.viewport().width() if area.viewport().width() > 0 else self.width()
        need = self.explain.heightForWidth(max(width, 100))
        cap = max(3 * self.fontMetrics().lineSpacing(), self.height() // 3)
        area.setFixedHeight(min(max(need, 0), cap))

    def fit_split(self) -> None:
        """The table gets the width its columns need (every points column and a readable
        idea), the chart the rest: at 1366 the points columns scrolled sideways. When the
        chart would be too narrow to read (1024), it gives way to the table (drag the
        handle to bring it back); the table has the same figures."""
        if self.split_by_hand or not self.chart.isVisibleTo(self) or self.model.columnCount() == 0:
            return
        header = self.table.horizontalHeader()
        total = self.splitter.width() - self.splitter.handleWidth()
        if total <= 0:
            return
        need = sum(header.sectionSize(c) for c in range(header.count())
                   if c != 2 and not header.isSectionHidden(c))
        need += READABLE_TEXT + self.table.verticalScrollBar().sizeHint().width() + \
            2 * self.table.frameWidth() + 2
        table = max(need, int(total * 0.55))
        if total - table < CHART_MIN:
            table = total - CHART_MIN if total - need >= CHART_MIN else total
        self._fitting = True
        try:
            self.splitter.setSizes([table, total - table])
        finally:
            self._fitting = False

    def _promote_texts(self) -> None:
        self.promote_button.setText(_("Promover a propuesta…"))
        self.promote_button.setToolTip(_("Llevar el resultado elegido a la lista de propuestas "
                                         "del proceso ({key})").format(
            key=key_text("Ctrl+Shift+R")))
        self.promote_action.setText(_("Promover a propuesta…"))

    def bind(self, repo, session_id: str, round_: str | None = None) -> None:
        self.repo, self.session_id, self.fixed_round = repo, session_id, round_
        rounds = repo.phases.method(session_id).vote_rounds()
        current = self.round_combo.currentData()
        self.round_combo.blockSignals(True)
        self.round_combo.clear()
        for r in rounds:
            self.round_combo.addItem(round_label(r), r)
        default = round_ or current
        if default not in rounds:
            default = repo.votes.result_round(session_id) or (rounds[0] if rounds else None)
        self.round_combo.setCurrentIndex(max(0, self.round_combo.findData(default)))
        self.round_combo.blockSignals(False)
        self.refresh()

    def current_round(self) -> str | None:
        return self.fixed_round or self.round_combo.currentData()

    def chosen_option(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(Role.NUMBER) if index.isValid() else None

    def promote(self, option: int | None = None):
        """Open «Promover a propuesta» on the chosen row's option: the saved proposal or
        None."""
        from cocrea_desktop.ui.dialogs.proposal_dialog import promote_with_dialog

        if self.repo is None or self.repo.read_only:
            return None
        option = option if option is not None else self.chosen_option()
        source_id = None
        if option is not None:
            source_id = next((i.source_id for i in self.repo.proposals.result(self.session_id)
                              if i.number == option), None)
        proposal = promote_with_dialog(self, self.repo, self.session_id, source_id)
        if proposal is not None:
            self.refresh()  # its «Propuesta» column at once, wherever this view is shown
        return proposal

    def _context_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        if index.isValid():
            self.table.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.promote_action)
        menu.popup(self.table.viewport().mapToGlobal(pos))
        self.context_menu = menu  # kept for tests

    def take_round(self) -> None:
        """Take the round shown as the session's result (one undoable step)."""
        round_ = self.current_round()
        if self.repo is not None and round_:
            ops.choose_result_round(parent=self, repo=self.repo, session_id=self.session_id,
                                    round_=round_)

    def refresh_standing(self, round_: str) -> None:
        repo, sid = self.repo, self.session_id
        voted = repo.votes.voted_rounds(sid)
        standing = repo.votes.result_round(sid)
        warning = repo.votes.optional_round_warning(sid)
        self.warning.setText(warning)
        self.warning.setVisible(bool(warning))
        several = len(voted) > 1 and standing is not None
        self.standing.setText(_("Resultado de la sesión: {round}.").format(
            round=round_label(standing).lower()) if several else "")
        self.standing.setVisible(several)
        self.take_button.setText(_("Tomar la {round} como resultado").format(
            round=round_label(round_).lower()))
        self.take_button.setVisible(self.choose and several and round_ in voted and
                                    round_ != standing)

    def refresh(self) -> None:
        round_ = self.current_round()
        if self.repo is None or not round_:
            return
        repo, sid = self.repo, self.session_id
        self.refresh_standing(round_)
        texts = option_texts(repo, sid)
        self.model.option_title = capital_noun(repo, sid)
        self.model.proposals = promoted_labels(repo, sid)
        self.promote_button.setEnabled(not repo.read_only)
        self.promote_action.setEnabled(not repo.read_only)
        has_votes = repo.votes.has_votes(sid, round_)
        try:
            result = repo.votes.tally(sid, round_) if has_votes else None
        except CocreaError as err:
            result = None
            self.rule.setText(err.message)
        if result is None:
            self.model.set_result(None, texts)
            self.chart.set_bars([])
            self.shown.setText(_("Se muestra: {round} — todavía sin votos").format(
                round=round_label(round_)))
            if has_votes:
                return
            self.rule.setText("")
            self.set_explanation("")
            return
        count = result.ballots_counted
        if count is not None:
            self.shown.setText(_("Se muestra: {round} ({ballots})").format(
                round=round_label(round_),
                ballots=ngettext("{count} boleta", "{count} boletas", count).format(
                    count=count)))
        else:
            self.shown.setText(_("Se muestra: {round}").format(round=round_label(round_)))
        self.rule.setText(_("Regla: {rule}").format(rule=result.rule_text))
        if self.model.set_result(result, texts):  # new columns or options: size them once
            size_columns(self.table, skip=(2,), by_text=True)
            self.fit_split()  # the table's width first: its rows are measured once, at it
            readable_column(self.table, 2)
        near = result.near_options()
        noun = repo.votes.noun(sid)
        bars = [Bar(_("{rank}.º lugar · {option}: {text}").format(
                    rank=row.rank, option=option_label(noun, row.option),
                    text=texts.get(row.option, "")),
                    row.total or 0, row.total_words(), row.option in near)
                for row in result.rows]
        caption = _("≈ marca un casi empate") if near else ""
        self.chart.set_bars(bars, caption)
        lines = list(result.notes)
        if result.tie_breaks:
            lines.append(_("Desempates aplicados:"))
            lines += ["  • " + step.text for step in result.tie_breaks]
        else:
            lines.append(_("No hizo falta desempatar."))
        if result.near_ties:
            lines.append(_("Casi empates (diferencia de 1 o de 5 % o menos):"))
            lines += ["  ≈ " + tie.text for tie in result.near_ties]
        else:
            lines.append(_("No hay empates cercanos."))
        self.set_explanation("\n".join(lines))

    def retranslate(self) -> None:
        self.round_label.setText(_("&Ronda:"))
        self._promote_texts()
        for i in range(self.round_combo.count()):
            self.round_combo.setItemText(i, round_label(self.round_combo.itemData(i)))
        self.model.retranslate()
        self.refresh()


class DiscussPanel(Panel):
    """Discussion of the vote: the preliminary result with its distribution, and notes."""

    tables = VOTE_TABLES + ("note",)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.results = ResultsView(selector=False, chart=False, choose=False)
        self.notes = NotesBox(self)
        splitter.addWidget(self.results)
        splitter.addWidget(self.notes)
        splitter.setSizes([860, 460])
        layout.addWidget(splitter)
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.notes.entry

    def refresh(self) -> None:
        if self.repo is None:
            return
        rounds = self.repo.phases.method(self.session_id).vote_rounds()
        self.results.bind(self.repo, self.session_id, rounds[0] if rounds else None)
        self.notes.refresh()

    def retranslate(self) -> None:
        self.notes.retranslate()
        self.results.retranslate()


register_panel("vote", VotePanel)
register_panel("discuss", DiscussPanel)
