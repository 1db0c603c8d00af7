"""The fishbowl (*pecera*) panels of the session screen, keyboard first.

groups: register the groups (a position or label, size, optional names), the equal
time per group, and draw the turn order on screen. turns: the group in the centre
with its own timer (one per group, ``repo.phases.*_timer(..., slot=group.id)``),
start/pause/end, ideas captured tagged by that group, the groups still to come.
cluster: the ideas of every group put under clusters; each cluster says in words
which groups share it. synthesis: the facilitator's words on the themes several positions
raised and those one position raised, with the program's lists beside them (never typed
into the fields), saved as typed (the relatoría store).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.core.model import round_label
from cocrea_desktop.core.timers import TimerState
from cocrea_desktop.core.voting import wording
from cocrea_desktop.i18n import N_, _, ngettext
from cocrea_desktop.store.fishbowl import TURNS_PHASE, Turn
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.models.fishbowl import (
    ClustersModel,
    GroupIdeasModel,
    GroupsModel,
    turn_details,
    turn_status,
)
from cocrea_desktop.ui.models.results import row_total
from cocrea_desktop.ui.views.panels import (
    NotesBox,
    Panel,
    banner,
    big,
    capture_line,
    loose_ideas_warning,
    table_view,
)
from cocrea_desktop.ui.views.relatoria_panel import RelatoriaForm
from cocrea_desktop.ui.views.vote_panels import VOTE_TABLES
from cocrea_desktop.ui.widgets.fit import readable_column
from cocrea_desktop.ui.widgets.timer_widget import TimerWidget, format_remaining

FISHBOWL_TABLES = ("fishbowl_group", "fishbowl_turn", "timer", "idea", "cluster", "session")


def order_text(groups) -> str:
    """The drawn order in one line: "1. Ejidatarios · 2. Comerciantes · 3. Mujeres"."""
    # no-break spaces inside an item: a line wraps between groups, never inside one
    return "   ".join("{}. {}".format(g.turn_order, g.label).replace(" ", "\u00a0")
                      for g in groups if g.turn_order)


# -- groups -------------------------------------------------------------------------------


class GroupsPanel(Panel):
    """Register the groups, the equal time per group, and draw the turn order."""

    tables = FISHBOWL_TABLES

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QHBoxLayout()
        self.label_label = QLabel(objectName="group_label_label")
        self.label_entry = QLineEdit(objectName="group_label")
        self.label_entry.setMaxLength(120)
        self.label_label.setBuddy(self.label_entry)
        self.size_label = QLabel(objectName="group_size_label")
        self.size = QSpinBox(objectName="group_size")
        self.size.setRange(0, 60)
        self.size_label.setBuddy(self.size)
        self.members_label = QLabel(objectName="group_members_label")
        self.members = QLineEdit(objectName="group_members")
        self.members_label.setBuddy(self.members)
        self.add_button = QPushButton(objectName="add_group")
        for widget, stretch in ((self.label_label, 0), (self.label_entry, 3),
                                (self.size_label, 0), (self.size, 0),
                                (self.members_label, 0), (self.members, 3),
                                (self.add_button, 0)):
            form.addWidget(widget, stretch)
        layout.addLayout(form)
        self.label_entry.returnPressed.connect(self.add_group)
        self.members.returnPressed.connect(self.add_group)
        self.size.lineEdit().returnPressed.connect(self.add_group)
        self.add_button.clicked.connect(self.add_group)

        row = QHBoxLayout()
        self.minutes_label = QLabel(objectName="turn_minutes_label")
        self.minutes = QSpinBox(objectName="turn_minutes")
        self.minutes.setRange(1, 60)
        self.minutes_label.setBuddy(self.minutes)
        self.minutes.editingFinished.connect(self.set_minutes)
        self.draw_button = QPushButton(objectName="draw_order")
        self.draw_button.clicked.connect(self.draw)
        self.feedback = QLabel(objectName="groups_feedback")
        self.feedback.setWordWrap(True)
        row.addWidget(self.minutes_label)
        row.addWidget(self.minutes)
        row.addSpacing(20)
        row.addWidget(self.draw_button)
        row.addWidget(self.feedback, 1)
        layout.addLayout(row)
        self.locked = banner("groups_locked")
        layout.addWidget(self.locked)

        self.order_caption = big(QLabel(objectName="order_caption"), 1.2)
        self.order = big(QLabel(objectName="drawn_order"), 2.0)
        self.order.setWordWrap(True)
        self.order.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.order.setStyleSheet("QLabel { border: 3px solid palette(text); padding: 10px; }")
        layout.addWidget(self.order_caption)
        layout.addWidget(self.order)

        self.model = GroupsModel(self)
        self.table = table_view(self.model, "groups")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 70)
        self.table.setColumnWidth(1, 330)
        self.table.setColumnWidth(2, 90)
        self.table.setColumnWidth(4, 260)
        layout.addWidget(self.table, 1)
        self.hint = QLabel(objectName="groups_hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.shortcut("Ctrl+D", self.draw)
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.label_entry

    def refresh(self) -> None:
        if self.repo is None:
            return
        turns = self.repo.fishbowl.turns(self.session_id)
        groups = [t.group for t in turns]
        self.model.set_turns(turns)
        started = any(t.started_at for t in turns)
        self.minutes.blockSignals(True)
        self.minutes.setValue(int(self.repo.fishbowl.turn_minutes(self.session_id)))
        self.minutes.blockSignals(False)
        for widget in (self.label_entry, self.size, self.members, self.add_button,
                       self.minutes, self.draw_button):
            widget.setEnabled(not started)
        self.locked.setText(_("Los turnos ya empezaron: los grupos, su orden y el tiempo ya "
                              "no cambian."))
        self.locked.setVisible(started)
        drawn = order_text(groups)
        self.order_caption.setVisible(bool(drawn))
        self.order.setVisible(bool(drawn))
        self.order.setText(drawn)
        self.draw_button.setText(_("Sortear otra vez (Ctrl+D)") if drawn else
                                 _("Sortear orden (Ctrl+D)"))
        if len(groups) < 2:
            self.hint.setText(_("Registre al menos dos grupos: escriba la postura o el nombre "
                                "del grupo y pulse Intro."))
        elif not drawn:
            self.hint.setText(_("Sortee el orden de los turnos en pantalla, a la vista de la "
                                "sala (Ctrl+D)."))
        else:
            self.hint.setText(_("Orden sorteado y registrado. Pase a los turnos con Alt+→."))

    def add_group(self) -> None:
        if self.repo is None:
            return
        label = self.label_entry.text().strip()
        if not label:
            self.feedback.setText(_("Escriba primero la postura o el nombre del grupo."))
            self.label_entry.setFocus()
            return
        group = ops.add_fishbowl_group(parent=self, repo=self.repo, session_id=self.session_id,
                                       label=label, size=self.size.value(),
                                       members=self.members.text())
        if group is not None:
            self.label_entry.setText("")
            self.members.setText("")
            self.size.setValue(0)
            self.feedback.setText(_("Registrado el grupo {number}: «{label}».").format(
                number=group.number, label=group.label))
            self.label_entry.setFocus()

    def set_minutes(self) -> None:
        if self.repo is None or not self.minutes.isEnabled():
            return
        if self.minutes.value() != int(self.repo.fishbowl.turn_minutes(self.session_id)) and \
                ops.set_turn_minutes(parent=self, repo=self.repo, session_id=self.session_id,
                                     minutes=self.minutes.value()) is None:
            self.refresh()

    def draw(self, shuffle=None) -> None:
        if self.repo is None or not self.draw_button.isEnabled():
            return
        if any(g.turn_order for g in self.repo.fishbowl.groups(self.session_id)) and \
                not self.confirm_redraw():
            return
        self.set_minutes()
        groups = ops.draw_turn_order(parent=self, repo=self.repo, session_id=self.session_id,
                                     shuffle=shuffle)
        if groups:
            self.feedback.setText(_("Orden sorteado: empieza «{label}».").format(
                label=groups[0].label))

    def confirm_redraw(self) -> bool:
        """A new draw replaces the order the room saw: asked, so that nobody redraws until
        the order suits them unnoticed."""
        box = QMessageBox(QMessageBox.Icon.Question, _("Sortear otra vez"),
                          _("Ya hay un orden sorteado. Si sortea otra vez, el nuevo orden "
                            "reemplaza al anterior.\n\nLos dos sorteos quedan en el registro "
                            "de la sesión (la bitácora), con su hora.\n\n¿Sortear otra vez?"),
                          parent=self)
        redraw = box.addButton(_("Sortear otra vez"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(_("Conservar el orden"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setObjectName("confirm_redraw")
        box.exec()
        return box.clickedButton() is redraw

    def retranslate(self) -> None:
        self.label_label.setText(_("&Grupo o postura:"))
        self.label_entry.setPlaceholderText(_("p. ej. Ejidatarios a favor del pozo"))
        self.size_label.setText(_("&Personas:"))
        self.size.setSpecialValueText("—")
        self.members_label.setText(_("&Nombres (opcional):"))
        self.members.setPlaceholderText(_("solo si el grupo lo pide"))
        self.add_button.setText(_("Agregar grupo"))
        self.add_button.setToolTip(_("Registrar el grupo (Intro)"))
        self.minutes_label.setText(_("&Tiempo por grupo (minutos, igual para todos):"))
        self.draw_button.setToolTip(_("Sortear en pantalla el orden de los turnos; el sorteo "
                                      "queda registrado (Ctrl+D)"))
        self.order_caption.setText(_("Orden de los turnos"))
        self.model.retranslate()
        if self.repo is not None:
            self.refresh()


# -- turns ----------------------------------------------------------------------------------


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
        self.feedback = QLabel(objectName="capture_feedback")
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
        if self.repo is not None and changes.touches(*self.tables):
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


# -- open round -----------------------------------------------------------------------------


def turns_summary_html(repo: Repo, session_id: str) -> str:
    """What each group said in its turn, for the open round (read, not edited)."""
    esc = html.escape
    ideas = repo.ideas.list(session_id, include_inactive=False)
    out = []
    for turn in repo.fishbowl.turns(session_id):
        said = [i for i in ideas if i.group_key == turn.group.id]
        out.append("<h3>{}</h3>".format(esc(turn.group.label)))
        if said:
            out.append("<ol>" + "".join('<li value="{}">{}</li>'.format(i.number, esc(i.text))
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


# -- cluster --------------------------------------------------------------------------------


class ClusterPanel(Panel):
    """Ideas of every group put under clusters; shared clusters are convergences."""

    tables = FISHBOWL_TABLES + ("merge_proposal",)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.locked = banner("cluster_locked")
        layout.addWidget(self.locked)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter, 1)
        # Below the tables: appearing after the first group of ideas, and shrinking as
        # ideas find their group, it must not move the ideas under the facilitator's mouse.
        self.loose_warning = banner("loose_ideas")
        layout.addWidget(self.loose_warning)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.ideas_title = big(QLabel(objectName="ideas_title"), 1.1)
        ll.addWidget(self.ideas_title)
        self.ideas_model = GroupIdeasModel(self)
        self.ideas = table_view(self.ideas_model, "cluster_ideas", multi=True)
        self.ideas.setDragEnabled(True)
        self.ideas.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        header = self.ideas.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.ideas.setColumnWidth(0, 44)
        self.ideas.setColumnWidth(2, 150)
        self.ideas.setColumnWidth(3, 170)
        ll.addWidget(self.ideas, 1)
        splitter.addWidget(left)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.clusters_title = big(QLabel(objectName="clusters_title"), 1.1)
        rl.addWidget(self.clusters_title)
        form = QFormLayout()
        self.new_label = QLabel()
        self.new_entry = QLineEdit(objectName="new_cluster")
        self.new_entry.returnPressed.connect(self.new_cluster)
        self.new_label.setBuddy(self.new_entry)
        self.put_label = QLabel()
        self.put_entry = QLineEdit(objectName="put_in_cluster")
        self.put_entry.returnPressed.connect(self.put_typed)
        self.put_label.setBuddy(self.put_entry)
        form.addRow(self.new_label, self.new_entry)
        form.addRow(self.put_label, self.put_entry)
        rl.addLayout(form)
        self.clusters_model = ClustersModel(self)
        self.clusters_model.ideas_dropped.connect(self.dropped)
        self.clusters = table_view(self.clusters_model, "clusters")
        self.clusters.setAcceptDrops(True)
        self.clusters.setDropIndicatorShown(True)
        self.clusters.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.clusters.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.clusters.setWordWrap(True)
        ch = self.clusters.horizontalHeader()
        ch.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        ch.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.clusters.setColumnWidth(0, 36)
        self.clusters.setColumnWidth(2, 70)
        self.clusters.setColumnWidth(3, 110)
        self.clusters.setColumnWidth(4, 110)
        readable_column(self.clusters, 1, 140)
        rl.addWidget(self.clusters, 1)
        row = QHBoxLayout()
        self.out_button = QPushButton(objectName="out_of_cluster")
        self.out_button.clicked.connect(self.take_out)
        row.addWidget(self.out_button)
        row.addStretch(1)
        rl.addLayout(row)
        self.feedback = QLabel(objectName="cluster_feedback")
        self.feedback.setWordWrap(True)
        rl.addWidget(self.feedback)
        splitter.addWidget(right)
        splitter.setSizes([700, 640])
        for title in (self.ideas_title, self.clusters_title):  # a steady top for the tables
            title.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        for n in range(1, 10):
            self.shortcut("Ctrl+{}".format(n), lambda n=n: self.put_in_number(n))
        self.shortcut("Ctrl+0", self.take_out)
        self.shortcut("Ctrl+G", lambda: self.new_entry.setFocus())
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.ideas

    def refresh(self) -> None:
        if self.repo is None:
            return
        repo, sid = self.repo, self.session_id
        chosen = [i.id for i in self.selected_ideas()]
        groups = repo.fishbowl.groups(sid)
        ideas = repo.ideas.list(sid)
        clusters = repo.ideas.clusters(sid)
        self.ideas_model.set_ideas(ideas, groups, clusters)
        self.clusters_model.set_clusters(clusters, ideas, repo.fishbowl.cluster_groups(sid))
        selection = self.ideas.selectionModel()
        for row, idea in enumerate(self.ideas_model.ideas()):
            if idea.id in chosen:
                selection.select(self.ideas_model.index(row, 0),
                                 QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)
        locked = repo.phases.voting_started(sid)
        self.locked.setText(_("Ya empezó la votación: los grupos de ideas ya no cambian."))
        self.locked.setVisible(locked)
        for widget in (self.new_entry, self.put_entry, self.out_button):
            widget.setEnabled(not locked)
        unplaced = sum(1 for i in ideas if i.status == "active" and not i.cluster_id)
        loose = loose_ideas_warning(repo, sid) if clusters else ""
        self.loose_warning.setText(loose)
        self.loose_warning.setVisible(bool(loose))
        shared = sum(1 for c in clusters
                     if len(self.clusters_model.groups_of(c.id)) > 1)
        self.clusters_title.setText(_("Grupos de ideas ({count}) · de varias posturas: "
                                      "{shared}").format(count=len(clusters),
                                                                    shared=shared))
        self.ideas_title.setText(ngettext("Ideas de todos los grupos · {count} sin agrupar",
                                          "Ideas de todos los grupos · {count} sin agrupar",
                                          unplaced).format(count=unplaced))

    def selected_ideas(self) -> list:
        rows = sorted(i.row() for i in self.ideas.selectionModel().selectedRows())
        return [self.ideas_model.idea_at(r) for r in rows if self.ideas_model.idea_at(r)]

    def _put(self, idea_ids: list[str], cluster_id: str | None) -> bool:
        if self.repo is None or not idea_ids:
            return False
        return ops.set_cluster(parent=self, repo=self.repo, idea_ids=idea_ids,
                               cluster_id=cluster_id) is not None

    def put_in_number(self, number: int) -> None:
        if self.repo is None:
            return
        cluster = next((c for c in self.repo.ideas.clusters(self.session_id)
                        if c.number == number), None)
        ideas = self.selected_ideas()
        if cluster is None:
            self.feedback.setText(_("No hay grupo de ideas {number}.").format(number=number))
            return
        if not ideas:
            self.feedback.setText(_("Elija primero las ideas en la lista (flechas, Mayús o "
                                    "Ctrl+clic)."))
            return
        if self._put([i.id for i in ideas], cluster.id):
            self.feedback.setText(ngettext("Idea {numbers} en «{label}».",
                                           "Ideas {numbers} en «{label}».", len(ideas)).format(
                numbers=", ".join(str(i.number) for i in ideas), label=cluster.label))
            self.ideas.setFocus()

    def put_typed(self) -> None:
        text = self.put_entry.text().strip()
        if not text:
            return
        if not text.isdigit():
            self.feedback.setText(_("Escriba el número del grupo de ideas, p. ej. «2»."))
            return
        self.put_in_number(int(text))
        self.put_entry.setText("")

    def new_cluster(self) -> None:
        label = self.new_entry.text().strip()
        if not label or self.repo is None:
            return
        ideas = self.selected_ideas()
        cluster = ops.add_cluster(parent=self, repo=self.repo, session_id=self.session_id,
                                  label=label)
        if cluster is None:
            return
        self.new_entry.setText("")
        if ideas:
            self._put([i.id for i in ideas], cluster.id)
        self.feedback.setText(_("Nuevo grupo de ideas {number}: «{label}». Ctrl+{number} pone "
                                "ahí las ideas elegidas.").format(number=cluster.number,
                                                                  label=cluster.label))
        self.ideas.setFocus()

    def take_out(self) -> None:
        ideas = [i for i in self.selected_ideas() if i.cluster_id]
        if ideas and self._put([i.id for i in ideas], None):
            self.feedback.setText(ngettext("Idea {numbers} fuera de su grupo.",
                                           "Ideas {numbers} fuera de su grupo.",
                                           len(ideas)).format(
                numbers=", ".join(str(i.number) for i in ideas)))

    def dropped(self, idea_ids: list, cluster_id: str) -> None:
        self._put(list(idea_ids), cluster_id)

    def retranslate(self) -> None:
        self.new_label.setText(_("&Nuevo grupo de ideas:"))
        self.new_entry.setPlaceholderText(_("nombre e Intro; las ideas elegidas entran en él"))
        self.put_label.setText(_("&Poner en el grupo Nº:"))
        self.put_entry.setPlaceholderText(_("número e Intro (o Ctrl+1 … Ctrl+9)"))
        self.out_button.setText(_("Sacar del grupo (Ctrl+0)"))
        self.out_button.setToolTip(_("Sacar las ideas elegidas de su grupo de ideas"))
        self.ideas_model.retranslate()
        self.clusters_model.retranslate()
        self.ideas.setToolTip(_("Elija ideas y pulse Ctrl+número del grupo, o arrástrelas "
                                "sobre un grupo de la derecha."))
        if self.repo is not None:
            self.refresh()


# -- synthesis ------------------------------------------------------------------------------


def vote_result(repo: Repo, session_id: str):
    """The tally of the session's vote on the clusters, or None before any vote."""
    round_ = repo.votes.result_round(session_id)
    if round_ is None:
        return None
    try:
        return repo.votes.tally(session_id, round_)
    except CocreaError:
        return None


def cluster_points(repo: Repo, session_id: str) -> tuple[dict[int, int], str]:
    """Dots per cluster number from the vote (empty when there is no vote yet), and its rule."""
    result = vote_result(repo, session_id)
    if result is None:
        return {}, ""
    return {row.option: row_total(row) for row in result.rows}, result.rule_text


#: What the program knows for the synthesis: the clusters several positions raised, and
#: those only one raised. Raising the same theme is not agreeing on it (the ideas may be
#: opposite), and a theme of one position is not a disagreement: so these are their names.
SEVERAL_POSITIONS = N_("Temas que plantearon varias posturas")
ONE_POSITION = N_("Temas que planteó una sola postura")


def synthesis_lists(repo: Repo, session_id: str) -> tuple[str, str]:
    """(several positions, one position): the program's lists shown beside the synthesis
    fields as a help for the facilitator, never written into them."""
    clusters = repo.ideas.clusters(session_id)
    shared = repo.fishbowl.cluster_groups(session_id)
    points, _rule = cluster_points(repo, session_id)
    ranked = sorted(clusters, key=lambda c: (-points.get(c.number, 0), c.number))

    def line(cluster) -> str:
        groups = shared.get(cluster.id, [])
        text = _("• {label} (grupo de ideas {number}) — lo plantearon: {groups}").format(
            label=cluster.label, number=cluster.number, groups=", ".join(groups) or "—")
        if points:
            text += " · " + wording.points(points.get(cluster.number, 0))
        return text

    common = [line(c) for c in ranked if len(shared.get(c.id, [])) > 1]
    apart = [line(c) for c in ranked if len(shared.get(c.id, [])) == 1]
    several = "\n".join([_(SEVERAL_POSITIONS) + ":"] + (common or [
        _("• Ningún grupo de ideas fue planteado por más de una postura.")]))
    one = "\n".join([_(ONE_POSITION) + ":"] + (apart or [
        _("• Ninguno: todos los grupos de ideas los plantearon varias posturas.")]))
    loose = repo.ideas.unclustered(session_id)
    if loose:
        one += "\n" + "\n".join([_("Ideas que no quedaron en ningún grupo (no se "
                                    "votaron):")] + [
            _("• {number}. {text}").format(number=i.number, text=i.text) for i in loose])
    return several, one


def fishbowl_summary_html(repo: Repo, session_id: str) -> str:
    """What the data says: the question, the turns, the clusters with their groups, the vote."""
    esc = html.escape
    session = repo.session(session_id)
    out = ["<h3>{}</h3><p><b>{}</b></p>".format(esc(_("Pregunta detonadora")),
                                                esc(session.question))]
    turns = repo.fishbowl.turns(session_id)
    out.append("<h3>{}</h3><ol>".format(esc(_("Turnos ({minutes} min por grupo)").format(
        minutes=int(repo.fishbowl.turn_minutes(session_id))))))
    for t in turns:
        out.append("<li>{} — {}</li>".format(esc(t.group.label), esc(turn_status(t))))
    out.append("</ol>")
    clusters = repo.ideas.clusters(session_id)
    shared = repo.fishbowl.cluster_groups(session_id)
    points, rule = cluster_points(repo, session_id)
    out.append("<h3>{}</h3><ul>".format(esc(_("Grupos de ideas"))))
    for c in sorted(clusters, key=lambda c: (-points.get(c.number, 0), c.number)):
        groups = shared.get(c.id, [])
        tag = ClustersModel.shared_text(groups)
        extra = " · {}".format(esc(wording.points(points.get(c.number, 0)))) if points else ""
        out.append("<li>{n}. <b>{label}</b> — {groups} <i>({tag})</i>{extra}</li>".format(
            n=c.number, label=esc(c.label), groups=esc(", ".join(groups) or "—"),
            tag=esc(tag), extra=extra))
    out.append("</ul>")
    loose = repo.ideas.unclustered(session_id)
    if loose:
        groups = {g.id: g.label for g in repo.fishbowl.groups(session_id)}
        out.append("<h3>{}</h3><ul>".format(esc(_("Ideas sin grupo de ideas (no se "
                                                  "votaron)"))))
        for idea in loose:
            out.append("<li>{n}. {text} — {group}</li>".format(
                n=idea.number, text=esc(idea.text),
                group=esc(groups.get(idea.group_key, "—"))))
        out.append("</ul>")
    result = vote_result(repo, session_id)
    if result is not None:
        labels = {c.number: c.label for c in clusters}
        out.append("<h3>{}</h3><p>{}</p>".format(esc(round_label("vote")),
                                                 esc(_("Regla: {rule}").format(rule=rule))))
        out.append("<table cellpadding='3'><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
                   "</tr>".format(esc(_("Lugar")), esc(_("Grupo de ideas")),
                                  esc(_("Puntos")), esc(_("Personas"))))
        for row in result.rows:
            out.append("<tr><td align='center'>{}</td><td>{}. {}</td><td align='center'>{}"
                       "</td><td align='center'>{}</td></tr>".format(
                           row.rank, row.option, esc(labels.get(row.option, "")),
                           row_total(row), getattr(row, "voters", "—")))
        out.append("</table>")
        usage = getattr(result, "usage_text", "") or getattr(result, "check_text", "")
        if usage:
            out.append("<p>{}</p>".format(esc(usage)))
        for step in result.tie_breaks:
            out.append("<p>• {}</p>".format(esc(step.text)))
        for tie in result.near_ties:
            out.append("<p>≈ {}</p>".format(esc(tie.text)))
    return "\n".join(out)


class SynthesisForm(RelatoriaForm):
    """The relatoría form with the fishbowl's summary; beside the two synthesis fields,
    the program's lists of themes (a help: the fields stay the facilitator's own words)."""

    def refresh(self) -> None:
        if self.repo is None:
            return
        super().refresh()
        self.summary.setHtml(fishbowl_summary_html(self.repo, self.session_id))
        several, one = synthesis_lists(self.repo, self.session_id)
        for name, text in (("convergences", several), ("dissent", one)):
            hint = self.hints[name]
            hint.setPlainText(text)
            hint.show()

    def retranslate(self) -> None:
        super().retranslate()
        self.labels["convergences"].setText(_("&Temas que plantearon varias posturas"))
        self.labels["dissent"].setText(_("Temas que planteó &una sola postura"))
        if self.repo is not None:
            self.refresh()


class SynthesisPanel(Panel):
    """Convergences across positions and remaining disagreements, saved as typed."""

    tables = VOTE_TABLES + FISHBOWL_TABLES + ("relatoria",)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.form = SynthesisForm()
        self.form.setObjectName("synthesis")
        layout.addWidget(self.form)

    def focus_target(self) -> QWidget | None:
        return self.form.edits["convergences"]

    def refresh(self) -> None:
        if self.repo is not None:
            self.form.bind(self.repo, self.session_id)

    def flush(self) -> None:
        self.form.flush()

    def retranslate(self) -> None:
        self.form.retranslate()
