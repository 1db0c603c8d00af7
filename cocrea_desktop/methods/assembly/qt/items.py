"""The assembly panel of the phase kind "assembly_items": the item under discussion,
its speakers' list with the speaker's clock (one per speaker,
``repo.phases.*_timer(..., slot=speaker.id)``), F8 for the next speaker, the share of
speaking time by sector and sex (counts, for the facilitator only), the proposals,
the typed hand count (F4) and the agreements.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core.timers import TimerState
from cocrea_desktop.i18n import _, ngettext
from cocrea_desktop.methods.assembly.qt.models import ProposalsModel, SpeakersModel
from cocrea_desktop.methods.assembly.room import speaker_line
from cocrea_desktop.methods.assembly.rules import SEXES, percent
from cocrea_desktop.methods.assembly.store import ITEMS_PHASE, TABLES, Item, Speaker
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui.operations.base import _run
from cocrea_desktop.ui.qt_i18n import key_text
from cocrea_desktop.ui.views.panel import Panel, banner, big, status_line, table_view
from cocrea_desktop.ui.widgets.timer_widget import TimerWidget


class SpeakerTimer(TimerWidget):
    """The clock of whoever has the floor (the items phase timer, slot = the speaker)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.speaker: Speaker | None = None
        self.minutes = 3.0
        super().__init__(parent)
        self.setObjectName("speaker_timer")
        self.reset_button.hide()  # equal time for everyone: no restart
        self.add_button.hide()  # ...and no extra minute for one speaker

    def bind_speaker(self, repo: Repo, session_id: str, speaker: Speaker | None,
                     minutes: float) -> None:
        if speaker is None or self.speaker is None or speaker.id != self.speaker.id:
            self.state = None
        self.speaker, self.minutes = speaker, minutes
        self.repo, self.session_id, self.phase_key = repo, session_id, ITEMS_PHASE
        self.reload()

    def reload(self) -> None:
        if self.repo is None or self.speaker is None:
            self.timer = None
        else:
            self.timer = self.repo.phases.timer(self.session_id, ITEMS_PHASE,
                                                slot=self.speaker.id, minutes=self.minutes)
        self.tick(chime=False)

    def _caption_text(self) -> str:
        if self.speaker is None:
            return _("Nadie tiene la palabra")
        return _("Turno {number}").format(number=self.speaker.position) + " · " + \
            super()._caption_text()

    def toggle(self) -> None:
        if self.repo is not None and self.speaker is not None:
            _run(self, lambda: self.repo.phases.toggle_timer(
                self.session_id, ITEMS_PHASE, slot=self.speaker.id))

    def add_minute(self) -> None:
        """No extra minute for one speaker: the same time for all."""

    def reset(self) -> None:
        """No restart either."""


class ItemsPanel(Panel):
    tables = (*TABLES, "timer", "session", "attendance_count", "ballot")

    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        return [("F8", _("Asamblea: dar la palabra al siguiente orador")),
                ("F4", _("Asamblea: escribir el conteo de manos de la propuesta elegida")),
                (key_text("Return"), _("Asamblea: anotar al orador o guardar la propuesta"))]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item: Item | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.heading = big(QLabel(objectName="item_heading"), 1.5)
        self.heading.setWordWrap(True)
        head.addWidget(self.heading, 1)
        self.open_button = QPushButton(objectName="open_item")
        self.open_button.clicked.connect(self.open_item)
        self.close_button = QPushButton(objectName="close_item")
        self.close_button.clicked.connect(self.close_item)
        head.addWidget(self.open_button)
        head.addWidget(self.close_button)
        layout.addLayout(head)
        self.time_up = banner("speaker_time_up")
        layout.addWidget(self.time_up)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter, 1)

        # -- left: the speakers' list -------------------------------------------------
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.timer = SpeakerTimer()
        top.addWidget(self.timer)
        side = QVBoxLayout()
        self.next_button = QPushButton(objectName="next_speaker")
        self.next_button.clicked.connect(self.next_speaker)
        self.skip_button = QPushButton(objectName="skip_speaker")
        self.skip_button.clicked.connect(self.skip_speaker)
        self.queue_line = QLabel(objectName="speaker_line")
        self.queue_line.setWordWrap(True)
        side.addWidget(self.next_button)
        side.addWidget(self.skip_button)
        side.addWidget(self.queue_line, 1)
        top.addLayout(side, 1)
        ll.addLayout(top)
        entry = QHBoxLayout()
        self.name = QLineEdit(objectName="speaker_name")
        self.name.returnPressed.connect(self.add_speaker)
        self.sector = QLineEdit(objectName="speaker_sector")
        self.sector.returnPressed.connect(self.add_speaker)
        self.sex = QComboBox(objectName="speaker_sex")
        self.second = QCheckBox(objectName="speaker_second")
        self.add_speaker_button = QPushButton(objectName="add_speaker")
        self.add_speaker_button.clicked.connect(self.add_speaker)
        entry.addWidget(self.name, 1)
        entry.addWidget(self.sector, 1)
        ll.addLayout(entry)
        entry2 = QHBoxLayout()
        entry2.addWidget(self.sex)
        entry2.addWidget(self.second)
        entry2.addStretch(1)
        entry2.addWidget(self.add_speaker_button)
        ll.addLayout(entry2)
        self.speakers_model = SpeakersModel(self)
        self.speakers = table_view(self.speakers_model, "speakers")
        header = self.speakers.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        ll.addWidget(self.speakers, 1)
        self.share = QLabel(objectName="speaking_share")
        self.share.setWordWrap(True)
        ll.addWidget(self.share)
        splitter.addWidget(left)

        # -- right: proposals, the count, agreements ------------------------------------
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        prow = QHBoxLayout()
        self.proposal_entry = QLineEdit(objectName="proposal_entry")
        self.proposal_entry.returnPressed.connect(self.add_proposal)
        self.add_proposal_button = QPushButton(objectName="add_proposal")
        self.add_proposal_button.clicked.connect(self.add_proposal)
        prow.addWidget(self.proposal_entry, 1)
        prow.addWidget(self.add_proposal_button)
        rl.addLayout(prow)
        self.proposals_model = ProposalsModel(self)
        self.proposals = table_view(self.proposals_model, "proposals")
        pheader = self.proposals.horizontalHeader()
        pheader.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        pheader.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        pheader.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        rl.addWidget(self.proposals, 1)
        self.proposals.selectionModel().selectionChanged.connect(
            lambda *_a: self.update_count_title())
        self.count_box = QGroupBox(objectName="count_box")
        grid = QGridLayout(self.count_box)
        self.mode = QComboBox(objectName="vote_mode")
        self.votes_for = QSpinBox(objectName="votes_for")
        self.votes_against = QSpinBox(objectName="votes_against")
        self.abstentions = QSpinBox(objectName="abstentions")
        self.present = QSpinBox(objectName="vote_present")
        for spin in (self.votes_for, self.votes_against, self.abstentions, self.present):
            spin.setRange(0, 100000)
        self.counter = QLineEdit(objectName="vote_counter")
        self.counter.returnPressed.connect(self.record_vote)
        self.labels = [QLabel() for _i in range(6)]
        widgets = [self.mode, self.votes_for, self.votes_against, self.abstentions,
                   self.present, self.counter]
        for i, (label, widget) in enumerate(zip(self.labels, widgets)):
            grid.addWidget(label, i // 3 * 2, i % 3)
            grid.addWidget(widget, i // 3 * 2 + 1, i % 3)
        buttons = QHBoxLayout()
        self.vote_button = QPushButton(objectName="record_vote")
        self.vote_button.clicked.connect(self.record_vote)
        self.ballot_button = QPushButton(objectName="ballot_result")
        self.ballot_button.clicked.connect(self.ballot_result)
        self.agree_button = QPushButton(objectName="make_agreement")
        self.agree_button.clicked.connect(self.make_agreement)
        buttons.addWidget(self.vote_button)
        buttons.addWidget(self.ballot_button)
        buttons.addWidget(self.agree_button)
        grid.addLayout(buttons, 4, 0, 1, 3)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        rl.addWidget(self.count_box)
        self.feedback = status_line(QLabel(objectName="assembly_feedback"))
        self.feedback.setWordWrap(True)
        rl.addWidget(self.feedback)
        self.agreements = QLabel(objectName="agreements")
        self.agreements.setWordWrap(True)
        rl.addWidget(self.agreements)
        splitter.addWidget(right)
        splitter.setSizes([620, 620])
        self.timer.state_changed.connect(lambda _s: self.update_time_up())
        self.shortcut("F8", self.next_speaker)
        self.shortcut("F4", self.focus_count)
        self.retranslate()

    @property
    def timer_widget(self) -> TimerWidget:
        return self.timer

    def focus_target(self) -> QWidget | None:
        return self.name

    # -- reading ----------------------------------------------------------------
    def shown_item(self) -> Item | None:
        """The open item, else the last one treated (its record stays in view)."""
        a = self.repo.assembly
        items = a.items(self.session_id)
        current = next((i for i in items if i.open), None)
        if current is not None:
            return current
        treated = [i for i in items if i.closed]
        return treated[-1] if treated else None

    def selected_proposal(self):
        rows = self.proposals.selectionModel().selectedRows()
        row = self.proposals_model.row_at(rows[0].row()) if rows else None
        if row is None and self.proposals_model.rowCount():
            row = self.proposals_model.row_at(self.proposals_model.rowCount() - 1)
        return row

    def refresh(self) -> None:
        if self.repo is None:
            return
        a, sid = self.repo.assembly, self.session_id
        self.item = self.shown_item()
        following = a.next_item(sid)
        is_open = self.item is not None and self.item.open
        if self.item is None:
            self.heading.setText(_("Ningún punto abierto todavía") if following else
                                 _("El orden del día está vacío: vuelva a «Orden del día» "
                                   "(Alt+←)."))
        else:
            state = "" if is_open else " " + _("(tratado)")
            self.heading.setText(_("Punto {number}: {title}").format(
                number=self.item.number, title=self.item.title) + state)
        self.open_button.setEnabled(not is_open and following is not None)
        self.open_button.setText(_("Abrir el punto {number}").format(number=following.number)
                                 if following else _("No quedan puntos"))
        self.close_button.setEnabled(is_open)
        current = a.current_speaker(sid)
        self.timer.bind_speaker(self.repo, sid, current, a.speaker_minutes(sid))
        speakers = a.speakers(self.item.id) if self.item else []
        self.speakers_model.set_rows(speakers)
        self.queue_line.setText(speaker_line(self.repo, sid) if is_open else "")
        for w in (self.name, self.sector, self.sex, self.second, self.add_speaker_button,
                  self.proposal_entry, self.add_proposal_button):
            w.setEnabled(is_open)
        self.next_button.setEnabled(is_open and bool(current or a.queue(sid)))
        self.skip_button.setEnabled(is_open and bool(a.queue(sid)))
        self.share.setText(self.share_text())
        proposals = a.proposals(sid, self.item.id) if self.item else []
        self.proposals_model.set_rows([(p, a.last_vote(p.id)) for p in proposals])
        ballot = self.item is not None and self.item.vote_mode == "ballot"
        self.ballot_button.setVisible(ballot)
        self.vote_button.setEnabled(bool(proposals) and not ballot)
        self.ballot_button.setEnabled(bool(proposals))
        self.agree_button.setEnabled(bool(proposals))
        if not self.present.hasFocus():
            self.present.setValue(a.present(sid))
        lines = []
        for agreement in a.agreements(sid):
            if self.item is not None and agreement.item_id == self.item.id:
                lines.append(_("Acuerdo {number}: {text} ({vote})").format(
                    number=agreement.number, text=agreement.text,
                    vote=a.vote(agreement.vote_id).summary()))
        self.agreements.setText("\n".join(lines))
        self.update_count_title()
        self.update_time_up()

    def update_count_title(self) -> None:
        """Say which proposal the count is for (the chosen one, else the last)."""
        row = self.selected_proposal()
        self.count_box.setTitle(
            _("Conteo de la propuesta {number} (F4)").format(number=row[0].number)
            if row is not None else _("Conteo de la propuesta elegida (F4)"))

    def share_text(self) -> str:
        """Who has spoken, by sector and sex: turns and share of the time (no names)."""
        share = self.repo.assembly.speaking_share(self.session_id,
                                                  self.item.id if self.item else None)
        total = sum(sec for _n, sec in share["sex"].values())
        if not total:
            return _("Tiempo de palabra por sector y sexo: nadie ha hablado todavía.")
        parts = []
        for dimension, title in (("sex", _("Por sexo")), ("sector", _("Por sector"))):
            cells = [_("{category}: {turns}, {share} %").format(
                category=c, share=percent(sec, total), turns=ngettext(
                    "{count} turno", "{count} turnos", n).format(count=n))
                for c, (n, sec) in share[dimension].items()]
            parts.append(title + ": " + "; ".join(cells))
        return _("Tiempo de palabra (solo lo ve quien facilita)") + "\n" + "\n".join(parts)

    def update_time_up(self) -> None:
        current = self.timer.speaker
        expired = self.timer.state == TimerState.EXPIRED and current is not None
        if expired:
            self.time_up.setText(_("TIEMPO. El turno {number} llegó a cero: pida que "
                                   "cierre y pase al siguiente (F8).").format(
                number=current.position))
        self.time_up.setVisible(expired)

    # -- acting -----------------------------------------------------------------
    def open_item(self) -> None:
        if self.repo is not None:
            _run(self, lambda: self.repo.assembly.open_item(self.session_id))
            self.name.setFocus()

    def close_item(self) -> None:
        if self.repo is not None:
            _run(self, lambda: self.repo.assembly.close_item(self.session_id))

    def add_speaker(self) -> None:
        if self.repo is None:
            return
        sex = self.sex.currentData() or ""
        result = _run(self, lambda: self.repo.assembly.add_speaker(
            self.session_id, name=self.name.text(), sector=self.sector.text(), sex=sex,
            second_round=self.second.isChecked()))
        if result:
            speaker = result[0]
            self.feedback.setText(_("Anotado: turno {number} ({round}.ª ronda).").format(
                number=speaker.position, round=speaker.speaking_round))
            self.name.clear()
            self.sector.clear()
            self.second.setChecked(False)
            self.name.setFocus()

    def next_speaker(self) -> None:
        if self.repo is None or self.item is None or not self.item.open:
            return
        result = _run(self, lambda: self.repo.assembly.next_speaker(self.session_id))
        if result:
            speaker = result[0]
            self.feedback.setText(_("Tiene la palabra el turno {number}.").format(
                number=speaker.position) if speaker else
                _("Terminó la lista de oradores de este punto."))

    def skip_speaker(self) -> None:
        if self.repo is None:
            return
        queue = self.repo.assembly.queue(self.session_id)
        if queue:
            _run(self, lambda: self.repo.assembly.skip_speaker(queue[0].id))

    def add_proposal(self) -> None:
        text = self.proposal_entry.text().strip()
        if not text or self.repo is None:
            return
        result = _run(self, lambda: self.repo.assembly.add_proposal(self.session_id, text))
        if result:
            self.proposal_entry.clear()
            self.proposals.selectRow(self.proposals_model.rowCount() - 1)
            self.feedback.setText(_("Guardada la propuesta {number}.").format(
                number=result[0].number))

    def focus_count(self) -> None:
        """F4: type the hand count of the chosen (or last) proposal."""
        if self.vote_button.isEnabled():
            self.votes_for.setFocus()
            self.votes_for.selectAll()

    def record_vote(self) -> None:
        row = self.selected_proposal()
        if row is None or self.repo is None:
            return
        proposal = row[0]
        result = _run(self, lambda: self.repo.assembly.record_hand_vote(
            proposal.id, votes_for=self.votes_for.value(),
            votes_against=self.votes_against.value(), abstentions=self.abstentions.value(),
            present=self.present.value(), counter=self.counter.text(),
            mode=self.mode.currentData()))
        if result:
            vote = result[0]
            self.feedback.setText(_("Propuesta {number}: {outcome}.").format(
                number=proposal.number, outcome=vote.outcome_text()))
            for spin in (self.votes_for, self.votes_against, self.abstentions):
                spin.setValue(0)

    def ballot_result(self) -> None:
        row = self.selected_proposal()
        if row is not None and self.repo is not None:
            _run(self, lambda: self.repo.assembly.record_ballot_vote(row[0].id))

    def make_agreement(self) -> None:
        row = self.selected_proposal()
        if row is None or self.repo is None:
            return
        vote = self.repo.assembly.last_vote(row[0].id)
        if vote is None:
            self.feedback.setText(_("Primero vote la propuesta {number}.").format(
                number=row[0].number))
            return
        result = _run(self, lambda: self.repo.assembly.add_agreement(vote.id))
        if result:
            self.feedback.setText(_("Acuerdo {number} anotado con su votación.").format(
                number=result[0].number))

    def retranslate(self) -> None:
        self.close_button.setText(_("Cerrar el punto"))
        self.next_button.setText(_("Siguiente orador (F8)"))
        self.skip_button.setText(_("No está: quitar al siguiente"))
        self.name.setPlaceholderText(_("Nombre, o vacío para usar solo el número"))
        self.name.setToolTip(_("Nombre, o vacío para usar solo el número"))
        self.sector.setPlaceholderText(_("Sector (ejidatarios, jóvenes...)"))
        sex = self.sex.currentData()
        self.sex.clear()
        for key, text in SEXES.items():
            self.sex.addItem(_(text), key)
        self.sex.setCurrentIndex(max(0, self.sex.findData(sex)))
        self.second.setText(_("2.ª ronda"))
        self.add_speaker_button.setText(_("Anotar"))
        self.proposal_entry.setPlaceholderText(_("Propuesta: escríbala y pulse Intro"))
        self.add_proposal_button.setText(_("Guardar propuesta"))
        mode = self.mode.currentData()
        self.mode.clear()
        self.mode.addItem(_("A mano alzada"), "hands")
        self.mode.addItem(_("De pie"), "standing")
        self.mode.setCurrentIndex(max(0, self.mode.findData(mode)))
        for label, text in zip(self.labels, (_("Forma"), _("A favor"), _("En contra"),
                                             _("Abstenciones"), _("Presentes"),
                                             _("Quién contó"))):
            label.setText(text)
        self.vote_button.setText(_("Anotar votación"))
        self.ballot_button.setText(_("Tomar el resultado de la boleta"))
        self.agree_button.setText(_("Hacer acuerdo"))
        self.speakers_model.retranslate()
        self.proposals_model.retranslate()
        self.refresh()
