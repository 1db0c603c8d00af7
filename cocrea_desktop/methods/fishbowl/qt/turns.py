"""The fishbowl panel of the phase kind "turns": the group in the centre with its own timer
(one per group, ``repo.phases.*_timer(..., slot=group.id)``), start/pause/end, ideas
captured tagged by that group, the groups still to come.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.core.timers import TimerState
from cocrea_desktop.i18n import _, ngettext
from cocrea_desktop.methods.fishbowl.qt.common import FISHBOWL_TABLES
from cocrea_desktop.methods.fishbowl.qt.models import (
    GroupIdeasModel,
    turn_details,
    turn_status,
)
from cocrea_desktop.methods.fishbowl.store import TURNS_PHASE, Turn
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.qt_i18n import key_text
from cocrea_desktop.ui.views.panel import (
    Panel,
    banner,
    big,
    capture_line,
    status_line,
    table_view,
)
from cocrea_desktop.ui.widgets.timer_widget import TimerWidget, format_remaining


class TurnTimer(TimerWidget):
    """The timer of the group in the centre (the turns phase timer, slot = the group)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.group_id = ""
        self.minutes = 10.0
        self.turn: Turn | None = None
        super().__init__(parent)
        self.setObjectName("turn_timer")
        self.reset_button.hide()  # equal time for every group: no restart

    def bind_turn(self, repo: Repo, session_id: str, turn: Turn | None,
                  minutes: float) -> None:
        if turn is None or turn.group.id != self.group_id:
            self.state = None  # another group: no chime for the state it is already in
        self.turn, self.minutes = turn, minutes
        self.group_id = turn.group.id if turn is not None else ""
        self.repo, self.session_id, self.phase_key = repo, session_id, TURNS_PHASE
        self.reload()

    def reload(self) -> None:
        if self.repo is None or not self.group_id:
            self.timer = None
        else:
            try:
                self.timer = self.repo.phases.timer(self.session_id, TURNS_PHASE,
                                                    slot=self.group_id, minutes=self.minutes)
            except Exception:
                self.timer = None
        self.tick(chime=False)

    def _caption_text(self) -> str:
        if self.turn is None:
            return _("Sin turno en curso")
        if self.turn.done:
            return _("Turno terminado")
        if self.state == TimerState.IDLE or self.state is None:
            return _("Listo para empezar")
        return super()._caption_text()

    def _paint_state(self) -> None:
        super()._paint_state()
        self.setStyleSheet(self.styleSheet().replace("#timer", "#turn_timer"))
        if self.state == TimerState.IDLE or self.state is None:
            self.toggle_button.setText(_("Iniciar turno"))

    def toggle(self) -> None:
        if self.repo is None or not self.group_id or self.turn is None or self.turn.done:
            return
        if not self.turn.started_at:
            ops.start_turn(parent=self, repo=self.repo, session_id=self.session_id,
                           group_id=self.group_id)
        else:
            ops.toggle_turn_timer(parent=self, repo=self.repo, session_id=self.session_id,
                                  group_id=self.group_id)

    def add_minute(self) -> None:
        if self.repo is not None and self.turn is not None and self.turn.running:
            ops.add_turn_minute(parent=self, repo=self.repo, session_id=self.session_id,
                                group_id=self.group_id)

    def reset(self) -> None:
        """No restart of a group's time (equal time for all)."""


class TurnsPanel(Panel):
    """The group in the centre: its timer, its ideas (type + Enter), the groups to come."""

    tables = FISHBOWL_TABLES

    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        return [(key_text("Return"), _("Guardar la idea escrita")),
                ("F8", _("Pecera: terminar el turno del grupo del centro"))]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.turn: Turn | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.centre_caption = QLabel(objectName="centre_caption")
        self.centre = big(QLabel(objectName="centre_group"), 2.0)
        self.centre.setWordWrap(True)
        ll.addWidget(self.centre_caption)
        ll.addWidget(self.centre)
        self.time_up = banner("time_up")
        self.time_up.setStyleSheet("QLabel { border: 4px solid palette(text); padding: 6px; "
                                   "background: #fde2e2; color: #7a0000; font-weight: bold; "
                                   "font-size: 18pt; }")
        ll.addWidget(self.time_up)
        self.notice = banner("turn_notice")
        ll.addWidget(self.notice)
        entry_row = QHBoxLayout()
        self.entry = capture_line(self.capture)
        self.save_button = QPushButton(objectName="capture")
        self.save_button.clicked.connect(self.capture)
        entry_row.addWidget(self.entry, 1)
        entry_row.addWidget(self.save_button)
        ll.addLayout(entry_row)
        self.feedback = status_line(QLabel(objectName="capture_feedback"))
        ll.addWidget(self.feedback)
        self.ideas_model = GroupIdeasModel(self)
        self.ideas = table_view(self.ideas_model, "group_ideas")
        header = self.ideas.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.ideas.setColumnWidth(0, 50)
        self.ideas.setColumnWidth(2, 190)
        self.ideas.setColumnHidden(3, True)
        ll.addWidget(self.ideas, 1)
        splitter.addWidget(left)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.timer = TurnTimer()
        rl.addWidget(self.timer)
        buttons = QHBoxLayout()
        self.end_button = QPushButton(objectName="end_turn")
        self.end_button.clicked.connect(self.end_turn)
        buttons.addWidget(self.end_button)
        rl.addLayout(buttons)
        self.queue_title = big(QLabel(objectName="queue_title"), 1.1)
        rl.addWidget(self.queue_title)
        self.queue = QLabel(objectName="queue")
        self.queue.setWordWrap(True)
        self.queue.setTextFormat(Qt.TextFormat.RichText)
        self.queue.setAlignment(Qt.AlignmentFlag.AlignTop)
        rl.addWidget(self.queue, 1)
        self.keys = QLabel(objectName="turn_keys")
        self.keys.setWordWrap(True)
        rl.addWidget(self.keys)
        splitter.addWidget(right)
        splitter.setSizes([900, 420])
        self.timer.state_changed.connect(lambda _s: self.update_time_up())
        self.shortcut("F8", self.end_turn)
        self.retranslate()

    #: The session screen sends F5 and F6 here instead of its own phase timer.
    @property
    def timer_widget(self) -> TimerWidget:
        return self.timer

    def focus_target(self) -> QWidget | None:
        return self.entry

    def refresh(self) -> None:
        if self.repo is None:
            return
        repo, sid = self.repo, self.session_id
        turns = repo.fishbowl.turns(sid)
        groups = [t.group for t in turns]
        self.turn = repo.fishbowl.current_turn(sid)
        self.timer.bind_turn(repo, sid, self.turn, repo.fishbowl.turn_minutes(sid))
        running = self.turn is not None and self.turn.running
        if self.turn is None:
            self.centre_caption.setText(_("Todos los grupos tuvieron su turno"))
            self.centre.setText(_("Pase a la siguiente fase con Alt+→."))
        elif running:
            self.centre_caption.setText(_("En el centro (turno {n} de {total})").format(
                n=self.turn.group.turn_order or "?", total=len(turns)))
            self.centre.setText(self.turn.group.label)
        else:
            self.centre_caption.setText(_("Pasa al centro (turno {n} de {total})").format(
                n=self.turn.group.turn_order or "?", total=len(turns)))
            self.centre.setText(self.turn.group.label)
        notice = ""
        if len(groups) < 2:
            notice = _("Faltan los grupos: vuelva a la fase «Grupos» (Alt+←).")
        elif not any(g.turn_order for g in groups):
            notice = _("El orden de los turnos no se ha sorteado: vuelva a la fase «Grupos» "
                       "(Alt+←) y sortéelo a la vista de la sala.")
        elif self.turn is not None and not running:
            notice = _("Pulse F5 para iniciar el turno de «{label}»: su tiempo empieza a "
                       "correr.").format(label=self.turn.group.label)
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))
        locked = repo.phases.voting_started(sid)
        was_enabled = self.entry.isEnabled()
        self.entry.setEnabled(running and not locked)
        if self.entry.isEnabled() and not was_enabled and self.isVisible():
            self.entry.setFocus(Qt.FocusReason.OtherFocusReason)  # the turn began: type
        self.save_button.setEnabled(running and not locked)
        self.end_button.setEnabled(running)
        self.entry.setPlaceholderText(
            _("Idea de «{label}»: escríbala como se dijo y pulse Intro").format(
                label=self.turn.group.label) if running else
            _("Las ideas se capturan durante el turno de un grupo"))
        self.ideas_model.set_ideas(repo.ideas.list(sid), groups, repo.ideas.clusters(sid))
        self.ideas.scrollToBottom()
        rows = []
        for t in turns:
            mark = "▶ " if t.running else ("✓ " if t.done else "")
            ideas = sum(1 for i in self.ideas_model.ideas() if i.group_key == t.group.id)
            line = "{mark}{order}. <b>{label}</b> — {state} · {ideas}".format(
                mark=mark, order=t.group.turn_order or "?", label=html.escape(t.group.label),
                state=html.escape(turn_status(t)),
                ideas=html.escape(ngettext("{count} idea", "{count} ideas", ideas).format(
                    count=ideas)))
            rows.append(line)
        upcoming = [t.group.label for t in turns if not t.done and not t.running]
        if running:
            upcoming = upcoming[:]
        next_line = _("Siguen: {groups}").format(groups=", ".join(upcoming)) if upcoming \
            else _("No quedan grupos por pasar.")
        self.queue.setText("<p>{}</p><p><i>{}</i></p>".format("<br>".join(rows),
                                                               html.escape(next_line)))
        self.update_time_up()

    def update_time_up(self) -> None:
        timer, turn = self.timer, self.turn
        expired = timer.state == TimerState.EXPIRED and turn is not None and turn.running
        if expired:
            self.time_up.setText(_("TIEMPO. El turno de «{label}» llegó a cero: pida que "
                                   "cierren y termine el turno (F8). Exceso: {over}, queda "
                                   "registrado.").format(
                label=turn.group.label, over=format_remaining(-timer.remaining())))
        elif timer.state == TimerState.WARNING and turn is not None:
            self.time_up.setText(_("Queda un minuto para «{label}».").format(
                label=turn.group.label))
        self.time_up.setStyleSheet(
            "QLabel { border: 4px solid palette(text); padding: 6px; font-weight: bold; "
            "font-size: 18pt; background: %s; color: %s; }"
            % (("#fde2e2", "#7a0000") if expired else ("#fff3c4", "black")))
        self.time_up.setVisible(timer.state in (TimerState.EXPIRED, TimerState.WARNING)
                                and turn is not None and turn.running)

    def on_changes(self, changes: Changes) -> None:
        if self.repo is not None and changes.touches(*self.tables) and \
                changes.concerns(self.session_id):
            self.refresh()

    def capture(self) -> None:
        text = self.entry.text().strip()
        if not text or self.repo is None:
            return
        if self.turn is None or not self.turn.running:
            self.feedback.setText(_("Inicie primero el turno del grupo (F5)."))
            return
        idea = ops.add_group_idea(parent=self, repo=self.repo, session_id=self.session_id,
                                  text=text, group_id=self.turn.group.id)
        if idea is not None:
            self.entry.setText("")
            self.feedback.setText(_("Guardada la idea {number} de «{label}».").format(
                number=idea.number, label=self.turn.group.label))

    def end_turn(self) -> None:
        if self.repo is None or self.turn is None or not self.turn.running:
            return
        group = self.turn.group
        if ops.end_turn(parent=self, repo=self.repo, session_id=self.session_id,
                        group_id=group.id) is not None:
            ended = next((t for t in self.repo.fishbowl.turns(self.session_id)
                          if t.group.id == group.id), None)
            details = turn_details(ended) if ended else []
            self.feedback.setText(
                _("Terminó el turno de «{label}» ({details}).").format(
                    label=group.label, details=", ".join(details)) if details else
                _("Terminó el turno de «{label}».").format(label=group.label))
            self.entry.setFocus()

    def retranslate(self) -> None:
        self.save_button.setText(_("Guardar"))
        self.save_button.setToolTip(_("Guardar la idea del grupo del centro (Intro)"))
        self.end_button.setText(_("Terminar turno (F8)"))
        self.end_button.setToolTip(_("Cerrar el turno del grupo del centro: se registran la "
                                     "hora real, las pausas y el exceso (F8)"))
        self.queue_title.setText(_("Orden de los turnos"))
        self.keys.setText(_("F5: iniciar el turno, pausar o reanudar (las pausas quedan "
                            "registradas) · F6: un minuto más · F8: terminar el turno"))
        self.timer.retranslate()
        self.timer.toggle_button.setToolTip(_("Iniciar el turno, pausar o reanudar (F5)"))
        self.ideas_model.retranslate()
        if self.repo is not None:
            self.refresh()
