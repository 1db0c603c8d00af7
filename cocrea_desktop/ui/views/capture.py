"""The panel of the go-round ("capture"): type an idea, Enter; "paso" with one key; the
numbered list.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core.voting.wording import IDEA
from cocrea_desktop.i18n import _, ngettext
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.panel_registry import register_panel
from cocrea_desktop.ui.qt_i18n import key_text
from cocrea_desktop.ui.views.ideas_table import IdeasPanelBase
from cocrea_desktop.ui.views.panel import big, capture_line, status_line


class CapturePanel(IdeasPanelBase):
    """The go-round: type an idea, Enter; "paso" with one key; the numbered list."""

    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        return [
            (key_text("Return"), _("Guardar la idea escrita")),
            (key_text("F3") + " / " + key_text("Ctrl+P"), _("Registrar «paso» en la ronda")),
            (key_text("Ctrl+Return"), _("Guardar la idea escrita como la que empieza otra "
                                        "vuelta")),
        ] + super().help_lines()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.turn = big(QLabel(objectName="turn"), 1.6)
        self.totals = QLabel(objectName="totals")
        top.addWidget(self.turn)
        top.addStretch(1)
        top.addWidget(self.totals)
        layout.addLayout(top)
        layout.addWidget(self.locked)
        self.rounds_hint = QLabel(objectName="rounds_hint")
        self.rounds_hint.setWordWrap(True)
        self.rounds_hint.hide()
        layout.addWidget(self.rounds_hint)
        row = QHBoxLayout()
        self.entry = capture_line(self.capture)
        self.save_button = QPushButton(objectName="capture")
        self.save_button.clicked.connect(self.capture)
        self.pass_button = QPushButton(objectName="pass_turn")
        self.pass_button.clicked.connect(self.pass_turn)
        row.addWidget(self.entry, 1)
        row.addWidget(self.save_button)
        row.addWidget(self.pass_button)
        layout.addLayout(row)
        self.feedback = status_line(QLabel(objectName="capture_feedback"))
        layout.addWidget(self.feedback)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.withdraw_button)
        layout.addLayout(buttons)
        self.shortcut(["F3", "Ctrl+P"], self.pass_turn)
        self.shortcut("Ctrl+Return", lambda: self.capture(new_round=True))
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.entry

    def refresh(self) -> None:
        if self.repo is None:
            return
        self.load_ideas()
        session = self.repo.session(self.session_id)
        round_, turn = self.repo.ideas.upcoming_turn(self.session_id)
        self.turn.setText(_("Vuelta {round} · turno {turn}").format(round=round_, turn=turn))
        ideas = self.model.rowCount()
        passes = self.repo.ideas.passes(self.session_id)
        self.totals.setText("{} · {}".format(
            IDEA.count(ideas),
            ngettext("{count} paso", "{count} pasos", passes).format(count=passes)))
        locked = bool(session.voting_started_at)
        self.locked.setText(_("Ya empezó la votación: no se pueden agregar ideas."))
        self.locked.setVisible(locked)
        for widget in (self.entry, self.save_button, self.pass_button):
            widget.setEnabled(not locked)
        self.rounds_hint.setText(_("La sesión no tiene número de participantes: las vueltas no "
                                   "avanzan solas. Pulse Ctrl+Intro para guardar la idea como "
                                   "primera de una nueva vuelta."))
        self.rounds_hint.setVisible(not locked and session.participant_count == 0)
        self.update_buttons()

    def capture(self, new_round: bool = False) -> None:
        text = self.entry.text().strip()
        if not text or self.repo is None:
            return
        idea = ops.add_idea(parent=self, repo=self.repo, session_id=self.session_id,
                            text=text, new_round=new_round)
        if idea is not None:
            self.entry.setText("")  # setText (not clear): Ctrl+Z then undoes the capture
            self.feedback.setText(_("Guardada la idea {number} (vuelta {round}, turno "
                                    "{turn}).").format(number=idea.number, round=idea.round,
                                                       turn=idea.turn))
            self.table.scrollToBottom()

    def flush(self) -> None:
        """An idea typed but not yet saved when the phase changes or the window closes is saved:
        nothing typed is lost."""
        if self.entry.text().strip() and self.entry.isEnabled():
            self.capture()

    def pass_turn(self) -> None:
        if self.repo is None or not self.pass_button.isEnabled():
            return
        round_, turn = self.repo.ideas.upcoming_turn(self.session_id)
        if ops.pass_turn(parent=self, repo=self.repo, session_id=self.session_id):
            self.feedback.setText(_("Registrado «paso» (vuelta {round}, turno {turn}).").format(
                round=round_, turn=turn))

    def retranslate(self) -> None:
        self.entry.setPlaceholderText(_("Escriba la idea tal como se dijo y pulse Intro"))
        self.save_button.setText(_("Guardar"))
        self.save_button.setToolTip(_("Guardar la idea con el siguiente número (Intro)"))
        self.pass_button.setText(_("Paso"))
        self.pass_button.setToolTip(_("La persona de este turno ya no tiene ideas (F3 o "
                                      "Ctrl+P)"))
        self.feedback.setText("")
        self.retranslate_common()
        if self.repo is not None:
            self.refresh()


register_panel("capture", CapturePanel)
