"""The phase timer: big mm:ss, start/pause/resume, +1 min, reset, warning and overrun.

The time shown always comes from the stored timer (``repo.phases.timer``) and
the repo's clock; the QTimer here only repaints. At one minute left and at zero
the widget flashes and the :class:`Chime` sounds (or beeps).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cocrea_desktop.core.timers import (
    Timer,
    TimerState,
    format_remaining,
)
from cocrea_desktop.i18n import _
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.widgets.chime import Chime

TICK_MS = 200
FLASH_TICKS = 8


class TimerWidget(QFrame):
    """Shows and drives the timer of one phase of one session."""

    state_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.repo: Repo | None = None
        self.session_id = ""
        self.phase_key = ""
        self.timer: Timer | None = None
        self.state: TimerState | None = None
        self.chime = Chime(self)
        self._flash_left = 0
        self._flash_on = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        self.caption = QLabel(objectName="timer_caption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display = QLabel("00:00", objectName="timer_display")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.display.font()
        font.setPointSizeF(40)
        font.setBold(True)
        font.setStyleHint(font.StyleHint.Monospace)
        self.display.setFont(font)
        self.display.setMinimumWidth(230)
        layout.addWidget(self.caption)
        layout.addWidget(self.display)
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        self.toggle_button = QPushButton(objectName="timer_toggle")
        self.add_button = QPushButton(objectName="timer_add")
        self.reset_button = QPushButton(objectName="timer_reset")
        for button in (self.toggle_button, self.add_button, self.reset_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.toggle_button.clicked.connect(self.toggle)
        self.add_button.clicked.connect(self.add_minute)
        self.reset_button.clicked.connect(self.reset)

        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self.tick)
        self.retranslate()

    # -- binding -----------------------------------------------------------
    def bind(self, repo: Repo | None, session_id: str, phase_key: str) -> None:
        same = (repo, session_id, phase_key) == (self.repo, self.session_id, self.phase_key)
        self.repo, self.session_id, self.phase_key = repo, session_id, phase_key
        if not same:
            self.state = None  # a new phase: no chime for the state it is already in
        self.reload()

    def reload(self) -> None:
        """Re-read the stored timer (after a change) and repaint."""
        if self.repo is None or not self.session_id:
            self.timer = None
        else:
            try:
                self.timer = self.repo.phases.timer(self.session_id, self.phase_key)
            except Exception:
                self.timer = None
        self.tick(chime=False)

    def now(self) -> float:
        return self.repo.pf.clock.now() if self.repo is not None else 0.0

    def remaining(self) -> float:
        return self.timer.remaining(self.now()) if self.timer is not None else 0.0

    # -- painting ----------------------------------------------------------
    def tick(self, chime: bool = True) -> None:
        if self.timer is None:
            # No timer (e.g. after the last fishbowl turn): no state left from before,
            # and nothing to start or pause.
            self.display.setText("--:--")
            self.ticker.stop()
            self.state = None
            self._paint_state()
            self._enable_buttons(False)
            return
        self._enable_buttons(True)
        now = self.now()
        state = self.timer.state(now)
        previous = self.state
        self.state = state
        if chime and previous is not None:
            if previous == TimerState.RUNNING and state == TimerState.WARNING:
                self.alert()
            elif previous in (TimerState.RUNNING, TimerState.WARNING) and \
                    state == TimerState.EXPIRED:
                self.alert()
        self.display.setText(format_remaining(self.timer.remaining(now)))
        self._paint_state()
        if state in (TimerState.RUNNING, TimerState.WARNING, TimerState.EXPIRED) or \
                self._flash_left:
            if not self.ticker.isActive():
                self.ticker.start()
        else:
            self.ticker.stop()
        if previous != state:
            self.state_changed.emit(state.value)
        if self._flash_left:
            self._flash_left -= 1
            self._flash_on = not self._flash_on if self._flash_left else False
            self._paint_state()

    def _enable_buttons(self, enabled: bool) -> None:
        for button in (self.toggle_button, self.add_button, self.reset_button):
            button.setEnabled(enabled)

    def alert(self) -> None:
        """The moment the room should notice: flash, and sound if possible."""
        self._flash_left = FLASH_TICKS
        self._flash_on = True
        self.chime.play()

    def _caption_text(self) -> str:
        state = self.state
        if state == TimerState.PAUSED:
            return _("En pausa")
        if state == TimerState.WARNING:
            return _("Queda un minuto")
        if state == TimerState.EXPIRED:
            return _("Tiempo")
        if state == TimerState.RUNNING:
            return _("Corriendo")
        return _("Tiempo de la fase")

    def _paint_state(self) -> None:
        self.caption.setText(self._caption_text())
        state = self.state.value if self.state else "idle"
        self.setProperty("timer_state", state)
        # Readable in black and white: warning and zero change the border and the caption
        # words, not only a colour; the flash inverts the panel.
        border = "4px solid palette(text)" if state in ("warning", "expired") else \
            "1px solid palette(mid)"
        if self._flash_on:
            style = "#timer { background: palette(text); border: %s; } " \
                    "#timer QLabel { color: palette(base); }" % border
        elif state == "expired":
            style = "#timer { background: #fde2e2; border: %s; } " \
                    "#timer QLabel { color: #7a0000; }" % border
        elif state == "warning":
            style = "#timer { background: #fff3c4; border: %s; }" % border
        else:
            style = "#timer { border: %s; }" % border
        if self.styleSheet() != style:
            self.setStyleSheet(style)
        self.caption.setText(self._caption_text())
        if self.state in (TimerState.RUNNING, TimerState.WARNING, TimerState.EXPIRED):
            self.toggle_button.setText(_("Pausar"))
        elif self.state == TimerState.PAUSED:
            self.toggle_button.setText(_("Reanudar"))
        else:
            self.toggle_button.setText(_("Iniciar"))

    def retranslate(self) -> None:
        self.add_button.setText(_("+1 min"))
        self.reset_button.setText(_("Reiniciar"))
        self.toggle_button.setToolTip(_("Iniciar, pausar o reanudar el tiempo (F5)"))
        self.add_button.setToolTip(_("Agregar un minuto (F6)"))
        self.reset_button.setToolTip(_("Volver al tiempo planeado (Mayús+F5)"))
        self._paint_state()

    # -- actions -----------------------------------------------------------
    def toggle(self) -> None:
        if self.repo is not None and self.session_id:
            ops.toggle_timer(parent=self, repo=self.repo, session_id=self.session_id,
                             phase_key=self.phase_key)

    def add_minute(self) -> None:
        if self.repo is not None and self.session_id:
            ops.add_minute(parent=self, repo=self.repo, session_id=self.session_id,
                           phase_key=self.phase_key)

    def reset(self) -> None:
        if self.repo is not None and self.session_id:
            ops.reset_timer(parent=self, repo=self.repo, session_id=self.session_id,
                            phase_key=self.phase_key)
