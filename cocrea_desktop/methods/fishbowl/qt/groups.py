"""The fishbowl panel of the phase kind "groups": register the groups (a position or label,
size, optional names), the equal time per group, and draw the turn order on screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.i18n import _
from cocrea_desktop.methods.fishbowl.qt.common import FISHBOWL_TABLES, order_text
from cocrea_desktop.methods.fishbowl.qt.models import (
    GroupsModel,
)
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.views.panel import Panel, banner, big, status_line, table_view


class GroupsPanel(Panel):
    """Register the groups, the equal time per group, and draw the turn order."""

    tables = FISHBOWL_TABLES

    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        return [("Ctrl+D", _("Pecera: sortear el orden de los turnos"))]

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
        self.feedback = status_line(QLabel(objectName="groups_feedback"))
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
