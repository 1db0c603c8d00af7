"""The fair panel of the phase kind "fair_visits": each visit of an authority to a stand,
by numbers.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core import dates
from cocrea_desktop.i18n import _
from cocrea_desktop.methods.idea_fair.qt.common import (
    FairPanel,
    clock_time,
    number_edit,
    rows_view,
)
from cocrea_desktop.methods.idea_fair.qt.models import (
    TextRowsModel,
)
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.views.panel import big
from cocrea_desktop.ui.widgets.fit import fit_columns


class FairVisitsPanel(FairPanel):
    """Stand number, Enter, authority number, Enter: the visit is logged with the time."""

    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        """The keys this panel binds, for the session screen's help (F1)."""
        from cocrea_desktop.ui.qt_i18n import key_text

        return [
            (key_text("Return"), _("En «Stand»: pasar al número de la autoridad")),
            (key_text("Return"), _("En «Autoridad» o «Nota»: registrar la visita con la hora")),
        ]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        entry = QHBoxLayout()
        self.stand_label = QLabel()
        self.stand = number_edit("visit_stand")
        self.stand_name = QLabel(objectName="visit_stand_name")
        self.authority_label = QLabel()
        self.authority = number_edit("visit_authority")
        self.authority_name = QLabel(objectName="visit_authority_name")
        self.note_label = QLabel()
        self.note = QLineEdit(objectName="visit_note")
        self.save_button = QPushButton(objectName="log_visit")
        self.stand_label.setBuddy(self.stand)
        self.authority_label.setBuddy(self.authority)
        self.note_label.setBuddy(self.note)
        for name_label in (self.stand_name, self.authority_name):
            name_label.setMinimumWidth(180)
            name_label.setMaximumWidth(260)
        entry.addWidget(self.stand_label)
        entry.addWidget(self.stand)
        entry.addWidget(self.stand_name)
        entry.addWidget(self.authority_label)
        entry.addWidget(self.authority)
        entry.addWidget(self.authority_name)
        entry.addWidget(self.note_label)
        entry.addWidget(self.note, 1)
        entry.addWidget(self.save_button)
        layout.addLayout(entry)
        self.feedback.setFont(big(QLabel(), 1.15).font())
        layout.addWidget(self.feedback)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.stands_model = TextRowsModel(self)
        self.stands_table = rows_view(self.stands_model, "visit_stands")
        self.authorities_model = TextRowsModel(self)
        self.authorities_table = rows_view(self.authorities_model, "visit_authorities")
        self.log_title = big(QLabel(objectName="visits_title"), 1.1)
        self.log_model = TextRowsModel(self)
        self.log = rows_view(self.log_model, "visits")
        lists = QWidget()
        lists_box = QVBoxLayout(lists)
        lists_box.setContentsMargins(0, 0, 0, 0)
        lists_box.addWidget(self.stands_table, 3)
        lists_box.addWidget(self.authorities_table, 2)
        log = QWidget()
        log_box = QVBoxLayout(log)
        log_box.setContentsMargins(0, 0, 0, 0)
        log_box.addWidget(self.log_title)
        log_box.addWidget(self.log, 1)
        splitter.addWidget(lists)
        splitter.addWidget(log)
        splitter.setSizes([520, 830])
        layout.addWidget(splitter, 1)
        for table in (self.stands_table, self.authorities_table, self.log):
            table.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.stand.returnPressed.connect(self._stand_entered)
        self.authority.returnPressed.connect(self.log_visit)
        self.note.returnPressed.connect(self.log_visit)
        self.save_button.clicked.connect(self.log_visit)
        self.stand.textChanged.connect(lambda _t: self._show_names())
        self.authority.textChanged.connect(lambda _t: self._show_names())
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.stand

    def refresh(self) -> None:
        if self.repo is None:
            return
        stands = {s.number: s for s in self.stands()}
        authorities = {a.number: a for a in self.authorities()}
        self.stands_model.set_table([_("Stand"), _("Proyecto")],
                                   [(n, [str(n), s.title]) for n, s in stands.items()])
        self.authorities_model.set_table([_("Núm."), _("Autoridad")],
                                        [(n, [str(n), a.label()])
                                         for n, a in authorities.items()])
        fit_columns(self.stands_table, [60])
        fit_columns(self.authorities_table, [60])
        visits = self.repo.fair.visits(self.session_id)
        self.log_model.set_table(
            [_("Hora"), _("Stand"), _("Proyecto"), _("Autoridad"), _("Nota")],
            [(v.id, [clock_time(v.visited_at), str(v.stand_number),
                     stands[v.stand_number].title if v.stand_number in stands else "",
                     authorities[v.authority_number].name
                     if v.authority_number in authorities else "", v.notes])
             for v in reversed(visits)])
        fit_columns(self.log, [60, 60, 260, 200])
        self.log_title.setText(_("Visitas registradas: {count} (la más reciente arriba)")
                               .format(count=len(visits)))
        self._show_names()

    def _show_names(self) -> None:
        if self.repo is None:
            return
        stands = {s.number: s for s in self.stands()}
        authorities = {a.number: a for a in self.authorities()}
        s_num = int(self.stand.text()) if self.stand.text() else None
        a_num = int(self.authority.text()) if self.authority.text() else None
        self.stand_name.setText(stands[s_num].title if s_num in stands else
                                (_("No existe ese stand") if s_num else ""))
        self.authority_name.setText(authorities[a_num].name if a_num in authorities else
                                    (_("No existe esa autoridad") if a_num else ""))

    def _stand_entered(self) -> None:
        if self.stand.text():
            self.authority.setFocus()
            self.authority.selectAll()

    def log_visit(self) -> None:
        if self.repo is None:
            return
        if not self.stand.text():
            self.stand.setFocus()
            return
        if not self.authority.text():
            self.authority.setFocus()
            return
        stand, authority = int(self.stand.text()), int(self.authority.text())
        if ops.log_visit(parent=self, repo=self.repo, session_id=self.session_id,
                         stand_number=stand, authority_number=authority,
                         notes=self.note.text()) is not None:
            self.feedback.setText(_("Visita registrada a las {time}: stand {stand}, autoridad "
                                    "{authority}.").format(
                time=dates.format_time(dt.datetime.now()), stand=stand, authority=authority))
            self.stand.setText("")
            self.authority.setText("")
            self.note.setText("")
            self.stand.setFocus()

    def retranslate(self) -> None:
        self.stand_label.setText(_("&Stand:"))
        self.authority_label.setText(_("&Autoridad:"))
        self.note_label.setText(_("N&ota:"))
        self.note.setPlaceholderText(_("opcional"))
        self.save_button.setText(_("Registrar visita (Intro)"))
        self.stand.setToolTip(_("Número del stand; Intro pasa a la autoridad"))
        self.authority.setToolTip(_("Número de la autoridad; Intro registra la visita con la "
                                    "hora"))
        if self.repo is not None:
            self.refresh()
