"""The fishbowl panel of the phase kind "synthesis": the facilitator's words on the themes
several positions raised and those one position raised, with the program's lists beside
them (never typed into the fields), saved as typed (the relatoría store).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.i18n import _
from cocrea_desktop.methods.fishbowl.qt.common import FISHBOWL_TABLES
from cocrea_desktop.methods.fishbowl.qt.summary import synthesis_lists
from cocrea_desktop.ui.views.panel import Panel
from cocrea_desktop.ui.views.relatoria_panel import RelatoriaForm
from cocrea_desktop.ui.views.vote_panels import VOTE_TABLES


class SynthesisForm(RelatoriaForm):
    """The relatoría form with the fishbowl's summary; beside the two synthesis fields,
    the program's lists of themes (a help: the fields stay the facilitator's own words)."""

    def refresh(self) -> None:
        if self.repo is None:
            return
        super().refresh()
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
