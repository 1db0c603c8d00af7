"""The panel of the question and timer phases: the question, large, and the session's
details.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core import dates
from cocrea_desktop.i18n import _, ngettext
from cocrea_desktop.ui.panel_registry import register_panel
from cocrea_desktop.ui.views.panel import Panel, banner, big


class QuestionPanel(Panel):
    """Question and silent-writing phases: the question, large, and the session's details."""

    tables = ("session",)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.caption = QLabel(objectName="question_caption")
        self.question = big(QLabel(objectName="question"), 2.4)
        self.question.setWordWrap(True)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.details = QLabel(objectName="details")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = big(QLabel(objectName="hint"), 1.2, bold=False)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.warning = banner("size_warning")
        layout.addStretch(1)
        layout.addWidget(self.caption, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.question)
        layout.addSpacing(12)
        layout.addWidget(self.details)
        layout.addWidget(self.warning)
        layout.addSpacing(12)
        layout.addWidget(self.hint)
        layout.addStretch(2)

    def refresh(self) -> None:
        if self.repo is None:
            return
        session = self.repo.session(self.session_id)
        method = self.repo.phases.method(self.session_id)
        self.caption.setText(_("Pregunta detonadora"))
        self.question.setText(session.question)
        parts = [self.repo.session_title(session)]
        parts += [x for x in (dates.format_date(session.date), session.place) if x]
        if session.facilitator:
            parts.append(_("Facilitación: {name}").format(name=session.facilitator))
        if session.participant_count:
            parts.append(ngettext("{count} participante", "{count} participantes",
                                  session.participant_count).format(
                count=session.participant_count))
        self.details.setText(" · ".join(parts))
        too_many = method.max_people and session.participant_count > method.max_people
        if too_many:
            self.warning.setText(_(
                "Hay {count} participantes: este método funciona mejor con {low} a {high}. "
                "Considere dividir la mesa.").format(count=session.participant_count,
                                                     low=method.min_people,
                                                     high=method.max_people))
        self.warning.setVisible(bool(too_many))
        if self.phase is not None and self.phase.kind == "timer":
            self.hint.setText(_("Inicie el tiempo con F5. Cuando termine, pase a la siguiente "
                                "fase con Alt+→."))
        else:
            self.hint.setText(_("Cuando todas las personas entiendan la pregunta, pase a la "
                                "siguiente fase con Alt+→."))

    def retranslate(self) -> None:
        self.refresh()


register_panel("question", QuestionPanel)
register_panel("timer", QuestionPanel)
