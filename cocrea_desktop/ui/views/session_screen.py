"""Conducir sesión: the facilitator's screen for running a session, keyboard first.

Layout for 1366x768: the phase guide (with every step) and the timer on top,
the working panel of the phase kind in the middle, navigation at the bottom.
Every change goes through ``ui.operations``; the screen and its panels re-read
on the one ``changed`` signal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from html import escape

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core import dates
from cocrea_desktop.core.changes import Changes
from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.core.methods.base import Phase
from cocrea_desktop.i18n import _
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.panel_registry import method_panels
from cocrea_desktop.ui.projector import RoomView
from cocrea_desktop.ui.qt_i18n import key_text, language_signal
from cocrea_desktop.ui.views.panel import Panel
from cocrea_desktop.ui.widgets.fit import fit_window
from cocrea_desktop.ui.widgets.phase_guide import PhaseGuide
from cocrea_desktop.ui.widgets.timer_widget import TimerWidget

#: *Terminar sesión*, in the session screen and the main window's Sesión menu.
END_SESSION_KEY = "Ctrl+Shift+T"

def shortcuts_help() -> list[tuple[str, str]]:
    """The keys that work in every phase of every session (each panel says its own in
    ``Panel.help_lines``)."""
    return [
        (key_text("Alt+Right"), _("Siguiente fase")),
        (key_text("Alt+Left"), _("Fase anterior (queda registrado)")),
        (key_text("Alt+Shift+Right"), _("Saltar las fases opcionales que siguen")),
        (key_text("Ctrl+Shift+T"), _("Terminar la sesión (muestra lo que falta antes)")),
        ("F5", _("Iniciar, pausar o reanudar el tiempo")),
        ("F6", _("Agregar un minuto")),
        (key_text("Shift+F5"), _("Reiniciar el tiempo")),
        ("Ctrl+Z", _("Deshacer la última acción (por ejemplo, la última idea)")),
        (key_text("Ctrl+Shift+Z"), _("Rehacer")),
        ("F9", _("Abrir o cerrar la vista para la sala (proyector)")),
        ("F10", _("Congelar o descongelar la vista para la sala")),
        (key_text("Shift+F9"), _("Poner en negro o volver a mostrar la vista para la sala")),
        ("Ctrl+F9", _("Mostrar un aviso a la sala (por ejemplo, «Receso 10 minutos»)")),
        (key_text("Alt+PgDown") + " / " + key_text("Alt+PgUp"),
         _("Vista para la sala: página siguiente o anterior (también pasan solas)")),
        (key_text("Ctrl+Shift+F9"), _("Vista para la sala: letras oscuras sobre claro, o claras "
                                      "sobre oscuro")),
        ("Ctrl+W", _("Cerrar esta ventana (todo queda guardado)")),
        ("F1", _("Esta ayuda")),
    ]


def help_sections(phases: Iterable[tuple[Phase, type[Panel]]] = (),
                  current: Phase | None = None) -> list[tuple[str, list[tuple[str, str]]]]:
    """The help's sections, (heading, [(keys, what)]): the keys of the phase in force first,
    then those of every session, then the other phases' own keys (phases sharing a panel
    together), in the method's order."""
    by_panel: dict[type[Panel], list[Phase]] = {}
    for phase, panel in phases:
        by_panel.setdefault(panel, []).append(phase)
    current_panel = next((panel for panel, said in by_panel.items()
                          if current is not None and any(p.key == current.key for p in said)),
                         None)
    sections: list[tuple[str, list[tuple[str, str]]]] = []
    if current is not None:
        lines = current_panel.help_lines() if current_panel is not None else []
        sections.append((_("En esta fase: {phase}").format(phase=current.title_text()),
                         lines or [("", _("Esta fase no tiene teclas propias."))]))
    sections.append((_("En toda la sesión"), shortcuts_help()))
    for panel, said in by_panel.items():
        lines = panel.help_lines()
        if panel is current_panel or not lines:
            continue
        sections.append((_("En la fase: {phases}").format(
            phases=" · ".join(p.title_text() for p in said)), lines))
    return sections


class HelpDialog(QDialog):
    """The session screen's keys (F1): those of the phase in force, of every session, and
    of the method's other phases."""

    def __init__(self, parent: QWidget | None = None,
                 phases: Iterable[tuple[Phase, type[Panel]]] = (),
                 current: Phase | None = None) -> None:
        super().__init__(parent)
        self.phases = list(phases)
        self.current = current
        self.setObjectName("session_help")
        layout = QVBoxLayout(self)
        self.label = QLabel(objectName="help_text")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea(objectName="help_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.label)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.retranslate()
        self.resize(self.sizeHint())

    def show_phase(self, current: Phase | None) -> None:
        """Say the keys of ``current`` first (the screen calls it on every phase change)."""
        self.current = current
        self.retranslate()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        wanted = self.label.sizeHint() + QSize(60, 90)
        if screen is None:
            return wanted
        return QSize(min(wanted.width(), screen.width() - 40),
                     min(wanted.height(), screen.height() - 80))

    def sections(self) -> list[tuple[str, list[tuple[str, str]]]]:
        return help_sections(self.phases, self.current)

    def retranslate(self) -> None:
        self.setWindowTitle(_("Atajos de teclado"))
        rows = []  # one table, so that every section's keys line up
        for heading, lines in self.sections():
            rows.append("<tr><td colspan='2' style='padding-top: 8px'>"
                        f"<h3>{escape(heading)}</h3></td></tr>")
            rows.extend(f"<tr><td><b>{escape(k)}</b>&nbsp;&nbsp;</td><td>{escape(v)}</td></tr>"
                        for k, v in lines)
        self.label.setText("<p>{}</p><table>{}</table>".format(
            escape(_("Todo se guarda en cuanto se confirma.")), "".join(rows)))


#: Widest text of the undo button: the bar of buttons fits 1024 px.
UNDO_TEXT_WIDTH = 240

#: How long after a phase shows its screen builds the next phase's panel (after the
#: screen has painted; the building is a short stall of its own, while nothing happens).
PREPARE_DELAY_MS = 300


class SessionScreen(QMainWindow):
    """The facilitator's screen for one session."""

    def __init__(self, repo: Repo, session_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SessionScreen")
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.repo = repo
        self.session_id = repo.session(session_id).id
        # The method's qt module registers its own panels; a kind without one stops here.
        try:
            method = repo.phases.method(self.session_id)
        except CocreaError:  # a method this program does not know: reload_phase says so
            self.panel_classes = {}
        else:
            self.panel_classes = method_panels(method)
        self.phase: Phase | None = None
        self.panels: dict[type[Panel], Panel] = {}
        self._upcoming_kind: str | None = None
        self._prepare = QTimer(self)  # the next phase's panel, built while nothing happens
        self._prepare.setSingleShot(True)
        self._prepare.setInterval(PREPARE_DELAY_MS)
        self._prepare.timeout.connect(self._prepare_next_panel)
        self.help: HelpDialog | None = None
        self.closed = False
        fit_window(self, 1366, 740)

        central = QWidget()
        self.setCentralWidget(central)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.setSpacing(6)
        top = QHBoxLayout()
        self.guide = PhaseGuide()
        self.timer = TimerWidget()
        top.addWidget(self.guide, 1)
        top.addWidget(self.timer, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.stack = QStackedWidget(objectName="panels")
        layout.addWidget(self.stack, 1)

        nav = QHBoxLayout()
        self.back_button = QPushButton(objectName="previous_phase")
        self.skip_button = QPushButton(objectName="skip_phase")
        self.next_button = QPushButton(objectName="next_phase")
        self.end_button = QPushButton(objectName="end_session")
        self.help_button = QPushButton(objectName="help")
        self.room_button = QPushButton(objectName="room_view")
        self.room_button.setCheckable(True)
        self.room: RoomView | None = None
        self.undo_button = QPushButton(objectName="undo")
        for button in (self.back_button, self.skip_button, self.next_button, self.help_button,
                       self.undo_button, self.room_button, self.end_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        nav.addWidget(self.back_button)
        nav.addWidget(self.undo_button)
        nav.addStretch(1)
        nav.addWidget(self.room_button)
        nav.addWidget(self.help_button)
        nav.addWidget(self.skip_button)
        nav.addWidget(self.next_button)
        nav.addWidget(self.end_button)
        layout.addLayout(nav)
        self.saved_label = QLabel(objectName="saved")
        self.saved_at: dt.datetime | None = None
        self.statusBar().addPermanentWidget(self.saved_label)

        self.act_next = self._action(["Alt+Right"], self.next_phase)
        self.act_back = self._action(["Alt+Left"], self.previous_phase)
        self.act_skip = self._action(["Alt+Shift+Right"], self.skip_phase)
        self.act_end = self._action([END_SESSION_KEY], self.end_session)
        self.act_timer = self._action(["F5"], lambda: self.active_timer().toggle())
        self.act_minute = self._action(["F6"], lambda: self.active_timer().add_minute())
        self.act_reset = self._action(["Shift+F5"], lambda: self.active_timer().reset())
        self.act_undo = self._action([QKeySequence.StandardKey.Undo], self.undo)
        self.act_redo = self._action(["Ctrl+Shift+Z", "Ctrl+Y"], self.redo)
        self.act_help = self._action(["F1"], self.show_help)
        self.act_close = self._action(["Ctrl+W"], self.close)
        self.act_room = self._action(["F9"], self.toggle_room_view)
        self.act_freeze = self._action(["F10"], self.toggle_room_freeze)
        self.act_blank = self._action(["Shift+F9"], self.toggle_room_blank)
        self.act_message = self._action(["Ctrl+F9"], self.ask_room_message)
        self.act_theme = self._action(["Ctrl+Shift+F9"], self.toggle_room_theme)
        self.act_room_next = self._action(["Alt+PgDown"], lambda: self.turn_room_page(+1))
        self.act_room_back = self._action(["Alt+PgUp"], lambda: self.turn_room_page(-1))
        self.room_button.clicked.connect(self.toggle_room_view)
        self.guide.steps.phase_clicked.connect(self.go_to_phase)
        self.back_button.clicked.connect(self.previous_phase)
        self.next_button.clicked.connect(self.next_phase)
        self.skip_button.clicked.connect(self.skip_phase)
        self.end_button.clicked.connect(self.end_or_reopen)
        self.help_button.clicked.connect(self.show_help)
        self.undo_button.clicked.connect(self.undo)

        ops.bus().changed.connect(self.on_changes)
        language_signal().changed.connect(self._on_language_changed)
        # The texts, then the phase: retranslate reads the phase (and gives the panel the
        # session) at its end. Reading the phase first read everything twice (the panel
        # refreshed by set_context, then again by its retranslate).
        self.retranslate()

    def _action(self, keys, slot) -> QAction:
        action = QAction(self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    # -- the phase -----------------------------------------------------------
    def panel(self) -> Panel | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Panel) else None

    def active_timer(self) -> TimerWidget:
        """The panel's own timer (a fishbowl group's turn), else the phase timer."""
        own = getattr(self.panel(), "timer_widget", None)
        return own if isinstance(own, TimerWidget) else self.timer

    def reload_phase(self) -> bool:
        """Read the session's phase; switch the panel when it changed. True when the
        panel was given the session again (it has just read everything it shows)."""
        try:
            phase = self.repo.phases.current(self.session_id)
        except CocreaError:
            return False
        method = self.repo.phases.method(self.session_id)
        index = method.phase_index(phase.key)
        self.guide.show_phase(method, phase, index, self.repo.phases.next_phase(self.session_id),
                              self.repo.phases.skipped(self.session_id))
        changed = self.phase is None or phase.key != self.phase.key
        if changed and self.panel() is not None:
            self.panel().flush()
        self.phase = phase
        if self.help is not None and changed:
            self.help.show_phase(phase)
        self.timer.setVisible(phase.minutes is not None)
        self.timer.bind(self.repo, self.session_id, phase.key)
        cls = self.panel_classes[phase.kind]
        panel = self._panel_of(cls)
        fresh = changed or self.stack.currentWidget() is not panel
        if fresh:
            self.stack.setCurrentWidget(panel)
            panel.set_context(self.repo, self.session_id, phase)
            target = panel.focus_target()
            if target is not None and target.isEnabled():
                target.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.active_timer() is not self.timer:
            self.timer.hide()
        self.back_button.setEnabled(index > 0)
        upcoming = self.repo.phases.next_phase(self.session_id)
        self.next_button.setEnabled(upcoming is not None)
        self.skip_button.setEnabled(upcoming is not None and upcoming.optional and
                                    self.repo.phases.next_phase(
                                        self.session_id, skip_optional=True) is not None)
        self.act_next.setEnabled(self.next_button.isEnabled())
        self.act_back.setEnabled(self.back_button.isEnabled())
        self.act_skip.setEnabled(self.skip_button.isEnabled())
        session = self.repo.session(self.session_id)
        concluded = session.status == "closed"
        self.end_button.setVisible(upcoming is None or concluded)
        self.end_button.setEnabled(not self.repo.read_only)
        self.end_button.setText(_("✓ Concluida: reabrir…") if concluded
                                else _("Terminar sesión ✓"))
        self.act_end.setEnabled(not concluded)
        self.setWindowTitle(_("Conducir sesión — {title}: {question}").format(
            title=self.repo.session_title(session), question=session.question))
        self.update_undo()
        self._upcoming_kind = upcoming.kind if upcoming is not None else None
        if self._upcoming_kind in self.panel_classes and \
                self.panel_classes[self._upcoming_kind] not in self.panels:
            self._prepare.start()
        return fresh

    def _panel_of(self, cls: type[Panel]) -> Panel:
        panel = self.panels.get(cls)
        if panel is None:
            panel = cls()
            self.panels[cls] = panel
            self.stack.addWidget(panel)
        return panel

    def _prepare_next_panel(self) -> None:
        """Build the next phase's panel, hidden, once the screen is idle: the phase move
        then only gives it the session (building the results and relatoría tabs was a
        tenth of showing the results at 200 sessions)."""
        if not self.closed and self._upcoming_kind in self.panel_classes:
            self._panel_of(self.panel_classes[self._upcoming_kind])

    def on_changes(self, changes: Changes) -> None:
        if self.closed:
            return
        fresh = changes.touches("session") and changes.concerns(self.session_id) and \
            self.reload_phase()
        if changes.touches("timer"):
            self.timer.reload()
        panel = self.panel()
        if panel is not None and not fresh:  # a panel just switched to has read it all
            panel.on_changes(changes)
        if panel is not None and changes.replayed and changes.concerns(self.session_id):
            panel.show_replayed(changes)
        self.saved_at = dt.datetime.now()
        self.show_saved()
        self.update_undo()

    def show_saved(self) -> None:
        """The status bar's last save time, in the language in force."""
        if self.saved_at is not None:
            self.saved_label.setText(_("Guardado a las {time}").format(
                time=dates.format_time(self.saved_at, seconds=True)))

    def _undo_is_here(self) -> bool:
        """Undo here only what was done in this session (the stack is one per file)."""
        touched = self.repo.undo_sessions()
        return not touched or self.session_id in touched

    def update_undo(self) -> None:
        label = self.repo.undo_label()
        here = label is not None and self._undo_is_here()
        self.undo_button.setEnabled(here and not self.repo.read_only)
        text = _("Deshacer: {action}").format(action=label) if here else _("Deshacer")
        # The action's name can be long ("ir a la fase «Escritura en silencio»"): the
        # button keeps the bar within 1024 px and the whole name is in its tooltip.
        self.undo_button.setText(QFontMetrics(self.undo_button.font()).elidedText(
            text, Qt.TextElideMode.ElideRight, UNDO_TEXT_WIDTH))
        tip = _("Deshacer la última acción (Ctrl+Z)") if here or label is None else \
            _("La última acción fue en otra sesión: deshágala desde esa ventana.")
        self.undo_button.setToolTip(tip + ("\n" + text if here else ""))
        self.undo_button.setAccessibleName(text)

    # -- navigation --------------------------------------------------------
    def _leave(self) -> None:
        panel = self.panel()
        if panel is not None:
            panel.flush()

    def next_phase(self) -> None:
        self._leave()
        ops.next_phase(parent=self, repo=self.repo, session_id=self.session_id)

    def previous_phase(self) -> None:
        self._leave()
        ops.previous_phase(parent=self, repo=self.repo, session_id=self.session_id)

    def go_to_phase(self, phase_key: str) -> None:
        """A click on a phase of the row: the same journaled move as Alt+← / Alt+→."""
        self._leave()
        ops.go_to_phase(parent=self, repo=self.repo, session_id=self.session_id,
                        phase_key=phase_key)

    def skip_phase(self) -> None:
        self._leave()
        ops.skip_phase(parent=self, repo=self.repo, session_id=self.session_id)

    def end_session(self) -> None:
        """*Terminar sesión*: what is left, then concluded on confirmation (Ctrl+Mayús+T)."""
        from cocrea_desktop.ui.dialogs.end_session import end_session

        self._leave()
        end_session(parent=self, repo=self.repo, session_id=self.session_id)

    def end_or_reopen(self) -> None:
        """The end button: ends the session, or, once it is concluded, offers to reopen it."""
        if self.repo.session(self.session_id).status != "closed":
            self.end_session()
            return
        box = QMessageBox(QMessageBox.Icon.Question, _("Reabrir la sesión"),
                          _("Esta sesión está concluida: sus ideas, votos y fases ya no "
                            "cambian. ¿Reabrirla para corregir algo? Quedará anotado en el "
                            "acta, y se puede terminar otra vez."), parent=self)
        reopen = box.addButton(_("Reabrir sesión"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("Dejarla concluida"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(reopen)
        box.exec()
        if box.clickedButton() is reopen:
            ops.reopen_session(parent=self, repo=self.repo, session_id=self.session_id)

    def undo(self) -> None:
        if self.repo.undo_label() and self._undo_is_here():
            ops.undo(parent=self, repo=self.repo)

    def redo(self) -> None:
        if self.repo.redo_label():
            ops.redo(parent=self, repo=self.repo)

    def phase_panels(self) -> list[tuple[Phase, type[Panel]]]:
        """Every phase of the session's method with the panel it shows, in order."""
        try:
            method = self.repo.phases.method(self.session_id)
        except CocreaError:
            return []
        return [(phase, self.panel_classes[phase.kind]) for phase in method.phases
                if phase.kind in self.panel_classes]

    def show_help(self) -> None:
        if self.help is None:
            self.help = HelpDialog(self, self.phase_panels(), self.phase)
        else:
            self.help.show_phase(self.phase)
        if self.help.isVisible():
            self.help.raise_()
        self.help.show()

    # -- the room's view (projector) -------------------------------------------
    def toggle_room_view(self) -> None:
        """Open the room view on the second screen (or as a window to drag there), or close it."""
        if self.room is not None and self.room.isVisible():
            self.room.close()
            return
        if self.room is None:
            self.room = RoomView()
            self.room.closed.connect(self._room_closed)
        self.room.follow(self.repo, self.session_id)
        self.room.place_on_screen(self.choose_room_screen())
        self.room_button.setChecked(True)
        self.activateWindow()  # the facilitator keeps typing here

    def choose_room_screen(self) -> int | None:
        """With several screens, ask which one the projector is (asked once per window)."""
        from PySide6.QtGui import QGuiApplication

        screens = QGuiApplication.screens()
        if len(screens) < 2:
            return None
        if getattr(self, "_room_screen", None) is None:
            names = [_("Pantalla {n}: {name} ({w}×{h})").format(
                n=i + 1, name=screen.name(), w=screen.geometry().width(),
                h=screen.geometry().height()) for i, screen in enumerate(screens)]
            choice, ok = QInputDialog.getItem(self, _("Vista para la sala"),
                                              _("¿En qué pantalla está el proyector?"),
                                              names, 1, False)
            self._room_screen = names.index(choice) if ok else 1
        return self._room_screen

    def toggle_room_theme(self) -> None:
        """Dark on light or light on dark, whichever reads better with this projector."""
        if self.room is not None and self.room.isVisible():
            self.room.set_theme("dark" if self.room.theme == "light" else "light")

    def _room_closed(self) -> None:
        self.room_button.setChecked(False)

    def toggle_room_freeze(self) -> None:
        if self.room is not None and self.room.isVisible():
            self.room.set_frozen(not self.room.frozen)
            self.statusBar().showMessage(
                _("Vista para la sala congelada: la sala no ve los cambios.") if self.room.frozen
                else _("Vista para la sala al día."), 4000)

    def turn_room_page(self, step: int) -> None:
        """The room's next (or previous) page of a long list or of the results."""
        if self.room is not None and self.room.isVisible():
            if step > 0:
                self.room.next_page()
            else:
                self.room.previous_page()

    def toggle_room_blank(self) -> None:
        if self.room is not None and self.room.isVisible():
            self.room.set_blank(not self.room.blanked)

    def ask_room_message(self) -> None:
        if self.room is None or not self.room.isVisible():
            return
        if self.room.message:
            self.room.show_message(None)
            return
        text, ok = QInputDialog.getText(self, _("Aviso para la sala"),
                                        _("Texto que verá la sala (vacío para quitarlo):"),
                                        text=_("Receso 10 minutos"))
        if ok:
            self.room.show_message(text)

    # -- language, closing ---------------------------------------------------
    def _on_language_changed(self, _code: str) -> None:
        if not self.closed:
            self.retranslate()

    def retranslate(self) -> None:
        self.back_button.setText(_("← Fase anterior"))
        self.back_button.setToolTip(_("Volver a la fase anterior; queda registrado y no se "
                                      "pierde nada (Alt+←)"))
        self.next_button.setText(_("Siguiente fase →"))
        self.next_button.setToolTip(_("Pasar a la siguiente fase (Alt+→)"))
        self.skip_button.setText(_("Saltar opcionales ⇥"))
        self.skip_button.setToolTip(_("Saltar las fases opcionales que siguen (Alt+Mayús+→)"))
        self.room_button.setText(_("Vista para la sala (F9)"))
        self.room_button.setToolTip(_("Abrir en el proyector lo que la sala debe ver: la fase, "
                                      "el tiempo, las ideas y los resultados (F9). F10 congela, "
                                      "Mayús+F9 pone en negro, Ctrl+F9 muestra un aviso, "
                                      "Alt+Av Pág y Alt+Re Pág cambian de página."))
        self.end_button.setToolTip(_("Terminar la sesión: muestra lo que falta y la deja "
                                     "como concluida; se puede deshacer (Ctrl+Mayús+T)"))
        self.help_button.setText(_("Ayuda (F1)"))
        self.help_button.setToolTip(_("Ver los atajos de teclado (F1)"))
        self.timer.retranslate()
        for panel in self.panels.values():
            panel.retranslate()
        if self.help is not None:
            self.help.retranslate()
        self.reload_phase()
        self.show_saved()

    def flush(self) -> None:
        for panel in self.panels.values():
            panel.flush()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.closed:
            self.flush()
        self.closed = True
        self.timer.ticker.stop()
        if self.room is not None:
            self.room.close()
        # A closed screen no longer follows changes: its process may be closed next.
        if not getattr(self, "_unhooked", False):
            self._unhooked = True
            for signal, slot in ((ops.bus().changed, self.on_changes),
                                 (language_signal().changed, self._on_language_changed)):
                try:
                    signal.disconnect(slot)
                except (RuntimeError, TypeError):
                    pass
        super().closeEvent(event)
