"""The launch panel of the phase kind "launch_attendance": the attendance in anonymous
counts (as every session records it), with the button to the attendance sheet."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from cocrea_desktop.i18n import _
from cocrea_desktop.methods.launch.report import attendance_lines
from cocrea_desktop.ui.views.panel import Panel, big


class AttendancePanel(Panel):
    tables = ("session", "attendance_count", "person", "session_notice")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = big(QLabel(objectName="attendance_title"), 1.3)
        layout.addWidget(self.title)
        self.counts = big(QLabel(objectName="attendance_counts"), 1.2, bold=False)
        self.counts.setWordWrap(True)
        layout.addWidget(self.counts)
        self.hint = QLabel(objectName="attendance_hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.open_sheet = QPushButton(objectName="open_attendance")
        self.open_sheet.clicked.connect(self.edit_attendance)
        layout.addWidget(self.open_sheet)
        layout.addStretch(1)
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.open_sheet

    def refresh(self) -> None:
        if self.repo is None:
            return
        self.counts.setText("\n".join(attendance_lines(self.repo, self.session_id)))

    def edit_attendance(self) -> None:
        if self.repo is None:
            return
        from cocrea_desktop.ui.dialogs.attendance_dialog import AttendanceDialog

        AttendanceDialog.show_for(self, self.repo, self.session_id)
        self.refresh()

    def retranslate(self) -> None:
        self.title.setText(_("Registro de asistencia"))
        self.hint.setText(_("Lea en voz alta el aviso de privacidad. Cuente a quienes llegan "
                            "por sexo, edad o sector (sin nombres); la hoja de asistencia "
                            "impresa sirve para quienes quieran dejar su nombre."))
        self.open_sheet.setText(_("Anotar la asistencia..."))
        self.refresh()
