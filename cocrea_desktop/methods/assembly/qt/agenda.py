"""The assembly panel of the phase kind "agenda": the items (typed, Enter saves, each
voted by hands or by ballot), the equal time per speaker and the quorum, against
those present by the attendance count."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.i18n import _
from cocrea_desktop.methods.assembly.qt.models import AgendaModel
from cocrea_desktop.methods.assembly.store import TABLES
from cocrea_desktop.ui.operations.base import _run
from cocrea_desktop.ui.qt_i18n import key_text
from cocrea_desktop.ui.views.panel import Panel, big, capture_line, table_view


class AgendaPanel(Panel):
    tables = (*TABLES, "session", "attendance_count")

    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        return [(key_text("Return"), _("Asamblea: guardar el punto del orden del día"))]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = big(QLabel(objectName="agenda_title"), 1.3)
        layout.addWidget(self.title)
        row = QHBoxLayout()
        self.entry = capture_line(self.add_item)
        self.entry.setObjectName("agenda_entry")
        self.by_ballot = QCheckBox(objectName="agenda_ballot")
        self.add_button = QPushButton(objectName="agenda_add")
        self.add_button.clicked.connect(self.add_item)
        row.addWidget(self.entry, 1)
        row.addWidget(self.by_ballot)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self.model = AgendaModel(self)
        self.table = table_view(self.model, "agenda_items")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.rules_title = big(QLabel(objectName="rules_title"), 1.1)
        layout.addWidget(self.rules_title)
        form = QFormLayout()
        self.minutes = QDoubleSpinBox(objectName="speaker_minutes")
        self.minutes.setRange(0.5, 15)
        self.minutes.setSingleStep(0.5)
        self.minutes.setDecimals(1)
        self.quorum = QSpinBox(objectName="quorum")
        self.quorum.setRange(0, 5000)
        self.present = QLabel(objectName="present")
        self.save_rules = QPushButton(objectName="save_rules")
        self.save_rules.clicked.connect(self.apply_rules)
        self.minutes_label, self.quorum_label, self.present_label = QLabel(), QLabel(), QLabel()
        form.addRow(self.minutes_label, self.minutes)
        form.addRow(self.quorum_label, self.quorum)
        form.addRow(self.present_label, self.present)
        layout.addLayout(form)
        layout.addWidget(self.save_rules)
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.entry

    def refresh(self) -> None:
        if self.repo is None:
            return
        a = self.repo.assembly
        self.model.set_rows(a.items(self.session_id))
        self.minutes.setValue(a.speaker_minutes(self.session_id))
        self.quorum.setValue(a.quorum(self.session_id))
        present, quorum = a.present(self.session_id), a.quorum(self.session_id)
        text = str(present)
        if quorum:
            text += "  —  " + (_("hay quórum") if present >= quorum else
                               _("NO hay quórum: faltan {missing}").format(
                                   missing=quorum - present))
        self.present.setText(text)

    def add_item(self) -> None:
        text = self.entry.text().strip()
        if not text or self.repo is None:
            return
        mode = "ballot" if self.by_ballot.isChecked() else "hands"
        if _run(self, lambda: self.repo.assembly.add_item(self.session_id, text,
                                                          vote_mode=mode)):
            self.entry.setText("")
            self.by_ballot.setChecked(False)

    def apply_rules(self) -> None:
        if self.repo is not None:
            _run(self, lambda: self.repo.assembly.set_rules(
                self.session_id, speaker_minutes=self.minutes.value(),
                quorum=self.quorum.value()))

    def retranslate(self) -> None:
        self.title.setText(_("Orden del día"))
        self.entry.setPlaceholderText(_("Punto del orden del día: escríbalo y pulse Intro"))
        self.by_ballot.setText(_("Se vota con boleta"))
        self.add_button.setText(_("Agregar punto"))
        self.rules_title.setText(_("Reglas de la asamblea"))
        self.minutes_label.setText(_("Minutos por orador (igual para todos):"))
        self.quorum_label.setText(_("Quórum (personas para votar; 0 sin quórum):"))
        self.present_label.setText(_("Presentes según la asistencia:"))
        self.save_rules.setText(_("Guardar las reglas"))
        self.model.retranslate()
        self.refresh()
