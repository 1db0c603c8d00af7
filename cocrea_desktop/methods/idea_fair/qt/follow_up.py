"""The fair panel of the phase kind "fair_follow_up": each letter's next meeting and
progress.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core import dates
from cocrea_desktop.i18n import _
from cocrea_desktop.methods.idea_fair.qt.common import (
    FairPanel,
    rows_view,
    selected_key,
)
from cocrea_desktop.methods.idea_fair.qt.models import (
    TextRowsModel,
    status_name,
)
from cocrea_desktop.methods.idea_fair.store import LETTER_STATUSES
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.forms.fair_follow_up_form import Ui_FairFollowUpForm
from cocrea_desktop.ui.views.panel import big
from cocrea_desktop.ui.widgets.fit import fit_columns


class FairFollowUpPanel(FairPanel):
    """Per letter: next meeting, responsible people, status (dropped needs a reason)."""

    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        """The keys this panel binds, for the session screen's help (F1)."""
        from cocrea_desktop.ui.qt_i18n import key_text

        return [(key_text("Return"), _("Guardar el seguimiento de la carta elegida"))]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.model = TextRowsModel(self)
        self.table = rows_view(self.model, "follow_up")
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.load_selected())
        layout.addWidget(self.table, 1)
        # The form is the Designer file ui/fair_follow_up.ui (ui/forms/fair_follow_up_form.py).
        form = self.form = QWidget()
        ui = self.ui = Ui_FairFollowUpForm()
        ui.setupUi(form)
        layout.addWidget(form)
        self.form_title = big(ui.follow_up_title, 1.1)
        self.meeting_label, self.responsible_label = ui.meeting_label, ui.responsible_label
        self.status_label, self.reason_label = ui.status_label, ui.reason_label
        self.meeting, self.responsible = ui.next_meeting, ui.responsible
        self.status, self.reason = ui.letter_status, ui.status_reason
        self.save_button = ui.save_follow_up
        self.save_button.clicked.connect(self.save)
        layout.addWidget(self.feedback)
        for edit in (self.meeting, self.responsible, self.reason):
            edit.returnPressed.connect(self.save)
        self.status.currentIndexChanged.connect(lambda _i: self._reason_state())
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.table

    def refresh(self) -> None:
        if self.repo is None:
            return
        stands = {s.id: s for s in self.stands()}
        authorities = {a.id: a for a in self.authorities()}
        chosen = selected_key(self.table)
        letters = self.repo.fair.letters(self.session_id)
        self.model.set_table(
            [_("Folio"), _("Stand"), _("Proyecto"), _("Autoridad"), _("Próxima reunión"),
             _("Responsables"), _("Estado")],
            [(letter.id, [letter.folio, str(stands[letter.stand_id].number),
                          stands[letter.stand_id].title, authorities[letter.authority_id].name,
                          dates.format_date(letter.next_meeting, "numeric"), letter.responsible,
                          status_name(letter.status) + (": " + letter.status_reason
                                                        if letter.status_reason else "")])
             for letter in letters])
        fit_columns(self.table, [70, 50, 230, 170, 130, 200])
        row = next((r for r in range(self.model.rowCount()) if self.model.key_at(r) == chosen),
                   0 if self.model.rowCount() else -1)
        if row >= 0:
            self.table.selectRow(row)
        self.load_selected()

    def load_selected(self) -> None:
        letter_id = selected_key(self.table)
        enabled = letter_id is not None and self.repo is not None
        for w in (self.meeting, self.responsible, self.status, self.reason, self.save_button):
            w.setEnabled(enabled)
        if not enabled:
            self.form_title.setText(_("Aún no hay cartas compromiso."))
            return
        letter = self.repo.fair.letter(letter_id)
        self.form_title.setText(_("Seguimiento de la carta {folio}").format(folio=letter.folio))
        self.meeting.setText(dates.format_date(letter.next_meeting, "numeric"))
        self.responsible.setText(letter.responsible)
        self.status.setCurrentIndex(max(0, self.status.findData(letter.status)))
        self.reason.setText(letter.status_reason)
        self._reason_state()

    def _reason_state(self) -> None:
        dropped = self.status.currentData() == "dropped"
        self.reason.setPlaceholderText(_("obligatorio al descartar") if dropped
                                       else _("opcional"))

    def save(self) -> None:
        letter_id = selected_key(self.table)
        if letter_id is None or self.repo is None:
            return
        letter = self.repo.fair.letter(letter_id)
        status, reason = self.status.currentData(), self.reason.text().strip()
        if status == "dropped" and not reason:
            self.feedback.setText(_("Escriba por qué se descarta la carta."))
            self.reason.setFocus()
            return
        details = (self.meeting.text().strip(), self.responsible.text().strip())
        shown = (dates.format_date(letter.next_meeting, "numeric"), letter.responsible)
        if details != shown and ops.edit_letter(
                parent=self, repo=self.repo, letter_id=letter.id, next_meeting=details[0],
                responsible=details[1]) is None:
            return
        if (status, reason) != (letter.status, letter.status_reason) and \
                ops.set_letter_status(parent=self, repo=self.repo, letter_id=letter.id,
                                      status=status, reason=reason) is None:
            return
        self.feedback.setText(_("Seguimiento de {folio} guardado.").format(folio=letter.folio))

    def retranslate(self) -> None:
        self.ui.retranslateUi(self.form)
        current = self.status.currentData()
        self.status.blockSignals(True)
        self.status.clear()
        for key in LETTER_STATUSES:
            self.status.addItem(status_name(key), key)
        self.status.setCurrentIndex(max(0, self.status.findData(current)))
        self.status.blockSignals(False)
        self._reason_state()
        if self.repo is not None:
            self.refresh()
