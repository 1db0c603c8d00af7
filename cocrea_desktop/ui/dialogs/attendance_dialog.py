"""A session's attendance: anonymous counts by dimension, and people when the process needs them.

The layout is the Designer form ui/attendance.ui; the boxes of counts are built here.

Counts are saved with «Guardar conteos» (one undoable action per dimension that
changed). People are added, shown (select a row), corrected and erased (ARCO);
erasing asks first and cannot be undone. Every write goes through ``ui.operations``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core import privacy
from cocrea_desktop.core.privacy import Person
from cocrea_desktop.i18n import _
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.forms.attendance_form import Ui_AttendanceDialog
from cocrea_desktop.ui.qt_i18n import language_signal

FREE_ROWS = 6


def _ask_yes(parent: QWidget, text: str) -> bool:
    answer = QMessageBox.question(parent, _("CoCrea"), text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


class AttendanceDialog(QDialog):
    #: Asked before erasing a person; tests may replace it.
    confirm: Callable[[QWidget, str], bool] = staticmethod(_ask_yes)

    def __init__(self, parent: QWidget | None, repo: Repo, session_id: str) -> None:
        super().__init__(parent)
        ui = self.ui = Ui_AttendanceDialog()
        ui.setupUi(self)
        self.notice_read, self.tabs = ui.notice_read, ui.tabs
        self.save_counts_button, self.people_table = ui.save_counts, ui.people
        self.person_name, self.person_phone = ui.person_name, ui.person_phone
        self.consent_contact, self.consent_photos = ui.consent_contact, ui.consent_photos
        self.add_button, self.correct_button = ui.add_person, ui.correct_person
        self.erase_button = ui.erase_person
        self.repo = repo
        self.session = repo.session(session_id)
        self.notice_read.setChecked(repo.attendance.notice_read_aloud(self.session.id))
        self.notice_read.toggled.connect(self._notice_toggled)
        self._build_counts()
        self._connect_people()
        ui.close_buttons.rejected.connect(self.reject)
        self.retranslate()
        language_signal().changed.connect(self.retranslate)
        self.load_counts()
        self.load_people()

    def retranslate(self, *_args) -> None:
        self.ui.retranslateUi(self)
        self.setWindowTitle(_("Asistencia: {title}").format(
            title=self.repo.session_title(self.session)))
        self.ui.close_buttons.set_texts({QDialogButtonBox.StandardButton.Close: _("Cerrar")})
        for dimension in privacy.DIMENSIONS:
            self.findChild(QGroupBox, "box_" + dimension).setTitle(
                privacy.dimension_label(dimension))
        for table in self.free.values():
            table.setHorizontalHeaderLabels([_("Categoría"), _("Personas")])
        for (dimension, key), label in self.category_labels.items():
            label.setText(_(privacy.CATEGORIES[dimension][key]))
        # A dialog closed already (its process file may be closed too) only renames.
        if hasattr(self, "people") and self.isVisible():
            self.load_people()

    # -- counts ------------------------------------------------------------------------------
    def _build_counts(self) -> None:
        """One box per dimension in the form's empty grid: spin boxes, or a free table."""
        self.spins: dict[str, dict[str, QSpinBox]] = {}
        self.free: dict[str, QTableWidget] = {}
        self.total_labels: dict[str, QLabel] = {}
        self.category_labels: dict[tuple[str, str], QLabel] = {}
        previous: QWidget = self.tabs.tabBar()
        for i, dimension in enumerate(privacy.DIMENSIONS):
            box = QGroupBox(self.ui.counts_tab)
            box.setObjectName("box_" + dimension)
            inner = QVBoxLayout(box)
            if dimension in privacy.CATEGORIES:
                form = QFormLayout()
                inner.addLayout(form)
                self.spins[dimension] = {}
                for key in privacy.CATEGORIES[dimension]:
                    spin = QSpinBox(objectName=f"count_{dimension}_{key}")
                    spin.setRange(0, privacy.MAX_COUNT)
                    spin.valueChanged.connect(lambda _v, d=dimension: self._update_total(d))
                    label = QLabel()
                    label.setBuddy(spin)
                    form.addRow(label, spin)
                    self.category_labels[dimension, key] = label
                    self.spins[dimension][key] = spin
                    QWidget.setTabOrder(previous, spin)
                    previous = spin
            else:
                table = QTableWidget(FREE_ROWS, 2, objectName="free_" + dimension)
                table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
                table.verticalHeader().hide()
                table.itemChanged.connect(lambda _item, d=dimension: self._update_total(d))
                inner.addWidget(table)
                self.free[dimension] = table
                QWidget.setTabOrder(previous, table)
                previous = table
            total = QLabel(objectName="total_" + dimension)
            inner.addWidget(total)
            self.total_labels[dimension] = total
            self.ui.counts_grid.addWidget(box, i // 3, i % 3)
        QWidget.setTabOrder(previous, self.save_counts_button)
        self.save_counts_button.clicked.connect(self.save_counts)

    def _values(self, dimension: str) -> dict[str, int]:
        if dimension in self.spins:
            return {k: s.value() for k, s in self.spins[dimension].items()}
        values: dict[str, int] = {}
        table = self.free[dimension]
        for row in range(table.rowCount()):
            name_item, count_item = table.item(row, 0), table.item(row, 1)
            name = name_item.text().strip() if name_item else ""
            if not name:
                continue
            text = count_item.text().strip() if count_item else ""
            try:
                count = int(text or 0)
            except ValueError:
                count = -1  # the store explains the problem
            values[name] = values.get(name, 0) + count
        return values

    def _update_total(self, dimension: str) -> None:
        total = sum(max(0, v) for v in self._values(dimension).values())
        self.total_labels[dimension].setText(_("Total: {n}").format(n=total))

    def load_counts(self) -> None:
        counts = self.repo.attendance.counts(self.session.id)
        for dimension, spins in self.spins.items():
            for key, spin in spins.items():
                spin.setValue(counts.get(dimension, {}).get(key, 0))
        for dimension, table in self.free.items():
            cats = list(counts.get(dimension, {}).items())
            table.blockSignals(True)
            table.clearContents()
            table.setRowCount(max(FREE_ROWS, len(cats) + 2))
            for row, (category, count) in enumerate(cats):
                table.setItem(row, 0, QTableWidgetItem(category))
                table.setItem(row, 1, QTableWidgetItem(str(count)))
            table.blockSignals(False)
        for dimension in privacy.DIMENSIONS:
            self._update_total(dimension)
        self._saved = {d: self._nonzero(self._values(d)) for d in privacy.DIMENSIONS}

    @staticmethod
    def _nonzero(values: dict[str, int]) -> dict[str, int]:
        return {k: v for k, v in values.items() if v}

    def save_counts(self) -> bool:
        """Save every dimension that changed; False if one was refused (it says why)."""
        for dimension in privacy.DIMENSIONS:
            values = self._values(dimension)
            if self._nonzero(values) == self._saved.get(dimension):
                continue
            if ops.set_attendance_counts(parent=self, repo=self.repo,
                                         session_id=self.session.id, dimension=dimension,
                                         counts=values) is None:
                return False
        self.load_counts()
        return True

    def _notice_toggled(self, checked: bool) -> None:
        if checked != self.repo.attendance.notice_read_aloud(self.session.id):
            ops.set_notice_read_aloud(parent=self, repo=self.repo, session_id=self.session.id,
                                      read=checked)

    # -- people --------------------------------------------------------------------------------
    def _connect_people(self) -> None:
        self.people_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.people_table.itemSelectionChanged.connect(self._show_selected)
        self.add_button.clicked.connect(self.add_person)
        self.correct_button.clicked.connect(self.correct_person)
        self.erase_button.clicked.connect(self.erase_person)
        self.person_name.returnPressed.connect(self.add_person)

    def load_people(self) -> None:
        self.people = self.repo.attendance.people(self.session.id)
        table = self.people_table
        table.setRowCount(len(self.people))
        for row, p in enumerate(self.people):
            cells = [str(p.number), _("(datos borrados)") if p.erased else p.name,
                     p.phone, _("Sí") if p.consent_contact else _("No"),
                     _("Sí") if p.consent_photos else _("No")]
            for col, text in enumerate(cells):
                table.setItem(row, col, QTableWidgetItem(text))
        self._show_selected()

    def selected_person(self) -> Person | None:
        rows = self.people_table.selectionModel().selectedRows()
        return self.people[rows[0].row()] if rows else None

    def _show_selected(self) -> None:
        p = self.selected_person()
        editable = p is not None and not p.erased
        self.correct_button.setEnabled(editable)
        self.erase_button.setEnabled(editable)
        if p is not None:
            self.person_name.setText(p.name)
            self.person_phone.setText(p.phone)
            self.consent_contact.setChecked(p.consent_contact)
            self.consent_photos.setChecked(p.consent_photos)

    def _form(self) -> dict[str, object]:
        return {"name": self.person_name.text(), "phone": self.person_phone.text(),
                "consent_contact": self.consent_contact.isChecked(),
                "consent_photos": self.consent_photos.isChecked()}

    def _clear_form(self) -> None:
        self.people_table.clearSelection()
        for widget in (self.person_name, self.person_phone):
            widget.clear()
        self.consent_contact.setChecked(False)
        self.consent_photos.setChecked(False)
        self.person_name.setFocus()

    def add_person(self) -> None:
        if ops.add_person(parent=self, repo=self.repo, session_id=self.session.id,
                          **self._form()) is not None:
            self.load_people()
            self._clear_form()

    def correct_person(self) -> None:
        p = self.selected_person()
        if p is None:
            return
        if ops.correct_person(parent=self, repo=self.repo, person_id=p.id,
                              **self._form()) is not None:
            self.load_people()

    def erase_person(self) -> None:
        p = self.selected_person()
        if p is None:
            return
        question = _("¿Borrar los datos de la persona {number}? No se puede deshacer. Los "
                     "conteos de asistencia no cambian.").format(number=p.number)
        if not type(self).confirm(self, question):
            return
        if ops.erase_person(parent=self, repo=self.repo, person_id=p.id) is not None:
            self.load_people()
            self._clear_form()

    @classmethod
    def show_for(cls, parent: QWidget | None, repo: Repo, session_id: str) -> None:
        cls(parent, repo, session_id).exec()
