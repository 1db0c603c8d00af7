"""The panel of the phase kind "prio_evaluators": who scores (the STL, a citizens' panel,
the whole room) and how many sheets there are. A sheet is a number, never a name."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.i18n import _
from cocrea_desktop.methods.prioritisation.qt.common import PrioPanel
from cocrea_desktop.methods.prioritisation.store import EVALUATOR_GROUPS
from cocrea_desktop.ui.views.panel import big


class EvaluatorsPanel(PrioPanel):
    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        from cocrea_desktop.ui.qt_i18n import key_text

        return [(key_text("Return"), _("Guardar quién califica y cuántas hojas hay"))]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.title = big(QLabel(objectName="prio_evaluators_title"), 1.2)
        layout.addWidget(self.title)
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        for key in EVALUATOR_GROUPS:
            radio = QRadioButton(objectName=f"group_{key}")
            self.radios[key] = radio
            self.group.addButton(radio)
            layout.addWidget(radio)
        row = QHBoxLayout()
        self.count_label = QLabel()
        self.count = QSpinBox(objectName="prio_sheets")
        self.count.setRange(1, 500)
        self.count.setValue(12)
        self.count_label.setBuddy(self.count)
        self.count.lineEdit().returnPressed.connect(self.save)
        row.addWidget(self.count_label)
        row.addWidget(self.count)
        self.save_button = QPushButton(objectName="prio_save_evaluators")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.note = QLabel(objectName="prio_anonymous")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        layout.addWidget(self.feedback)
        layout.addStretch(1)
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.count

    def refresh(self) -> None:
        if self.repo is None:
            return
        setup = self.store.setup(self.session_id)
        if setup.evaluator_group in self.radios:
            self.radios[setup.evaluator_group].setChecked(True)
        if setup.evaluators:
            self.count.setValue(setup.evaluators)
            self.feedback.setText(_("Califican: {group}, {count} hojas.").format(
                group=setup.group_text(), count=setup.evaluators))

    def save(self) -> None:
        group = next((k for k, r in self.radios.items() if r.isChecked()), "")
        count = self.count.value()
        self.act(lambda: self.store.set_evaluators(self.session_id, group, count))

    def retranslate(self) -> None:
        self.title.setText(_("¿Quién califica?"))
        for key, radio in self.radios.items():
            radio.setText(_(EVALUATOR_GROUPS[key]))
        self.count_label.setText(_("&Hojas de calificación (una por persona):"))
        self.save_button.setText(_("Guardar (Intro)"))
        self.note.setText(_("Cada persona llena una hoja con un número, sin su nombre. Los "
                            "datos abiertos publican las calificaciones sin saber quién las "
                            "dio."))
        if self.repo is not None:
            self.refresh()
