"""A session's attendance: anonymous counts by dimension, and people when the process needs them.

Counts are saved with «Guardar conteos» (one undoable action per dimension that
changed). People are added, shown (select a row), corrected and erased (ARCO);
erasing asks first and cannot be undone. Every write goes through ``ui.operations``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core import privacy
from cocrea_desktop.core.privacy import Person
from cocrea_desktop.i18n import _
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import operations as ops

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
        self.setObjectName("AttendanceDialog")
        self.repo = repo
        self.session = repo.session(session_id)
        self.setWindowTitle(_("Asistencia: {title}").format(title=repo.session_title(self.session)))
        self.setMinimumSize(760, 560)
        layout = QVBoxLayout(self)
        self.notice_read = QCheckBox(_("Se leyó en voz alta el aviso de privacidad"),
                                     objectName="notice_read")
        self.notice_read.setChecked(repo.attendance.notice_read_aloud(self.session.id))
        self.notice_read.toggled.connect(self._notice_toggled)
        layout.addWidget(self.notice_read)
        self.tabs = QTabWidget(objectName="tabs")
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._counts_tab(), _("Conteos anónimos"))
        self.tabs.addTab(self._people_tab(), _("Personas"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(_("Cerrar"))
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.load_counts()
        self.load_people()

    # -- counts ------------------------------------------------------------------------------
    def _counts_tab(self) -> QWidget:
        tab = QWidget()
        outer = QVBoxLayout(tab)
        hint = QLabel(_("Cuente personas, no nombres. Cada dimensión se cuenta por separado."))
        hint.setWordWrap(True)
        outer.addWidget(hint)
        grid = QGridLayout()
        outer.addLayout(grid, 1)
        self.spins: dict[str, dict[str, QSpinBox]] = {}
        self.free: dict[str, QTableWidget] = {}
        self.total_labels: dict[str, QLabel] = {}
        for i, dimension in enumerate(privacy.DIMENSIONS):
            box = QGroupBox(privacy.dimension_label(dimension))
            box.setObjectName("box_" + dimension)
            inner = QVBoxLayout(box)
            if dimension in privacy.CATEGORIES:
                form = QFormLayout()
                inner.addLayout(form)
                self.spins[dimension] = {}
                for key, label in privacy.CATEGORIES[dimension].items():
                    spin = QSpinBox(objectName=f"count_{dimension}_{key}")
                    spin.setRange(0, privacy.MAX_COUNT)
                    spin.valueChanged.connect(lambda _v, d=dimension: self._update_total(d))
                    form.addRow(_(label), spin)
                    self.spins[dimension][key] = spin
            else:
                table = QTableWidget(FREE_ROWS, 2, objectName="free_" + dimension)
                table.setHorizontalHeaderLabels([_("Categoría"), _("Personas")])
                table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
                table.verticalHeader().hide()
                table.itemChanged.connect(lambda _item, d=dimension: self._update_total(d))
                inner.addWidget(table)
                self.free[dimension] = table
            total = QLabel(objectName="total_" + dimension)
            inner.addWidget(total)
            self.total_labels[dimension] = total
            grid.addWidget(box, i // 3, i % 3)
        self.save_counts_button = QPushButton(_("&Guardar conteos"), objectName="save_counts")
        self.save_counts_button.clicked.connect(self.save_counts)
        outer.addWidget(self.save_counts_button, 0, Qt.AlignmentFlag.AlignRight)
        return tab

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
    def _people_tab(self) -> QWidget:
        tab = QWidget()
        outer = QVBoxLayout(tab)
        hint = QLabel(_("Solo cuando el proceso lo requiere. Elija una fila para ver sus datos; "
                        "puede corregirlos o borrarlos si la persona lo pide."))
        hint.setWordWrap(True)
        outer.addWidget(hint)
        self.people_table = QTableWidget(0, 5, objectName="people")
        self.people_table.setHorizontalHeaderLabels(
            [_("No."), _("Nombre"), _("Teléfono"), _("Contacto"), _("Fotos")])
        self.people_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.people_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.people_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.people_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.people_table.verticalHeader().hide()
        self.people_table.itemSelectionChanged.connect(self._show_selected)
        outer.addWidget(self.people_table, 1)
        form = QFormLayout()
        outer.addLayout(form)
        self.person_name = QLineEdit(objectName="person_name")
        self.person_phone = QLineEdit(objectName="person_phone")
        self.person_phone.setPlaceholderText(_("Solo si acepta que la contacten"))
        self.consent_contact = QCheckBox(_("Acepta que la contacten para el seguimiento"),
                                         objectName="consent_contact")
        self.consent_photos = QCheckBox(_("Acepta salir en fotografías"),
                                        objectName="consent_photos")
        form.addRow(_("&Nombre:"), self.person_name)
        form.addRow(_("&Teléfono:"), self.person_phone)
        form.addRow("", self.consent_contact)
        form.addRow("", self.consent_photos)
        row = QHBoxLayout()
        outer.addLayout(row)
        self.add_button = QPushButton(_("&Agregar persona"), objectName="add_person")
        self.correct_button = QPushButton(_("&Corregir datos"), objectName="correct_person")
        self.erase_button = QPushButton(_("&Borrar datos (a petición)"),
                                        objectName="erase_person")
        for button in (self.add_button, self.correct_button, self.erase_button):
            row.addWidget(button)
        row.addStretch(1)
        self.add_button.clicked.connect(self.add_person)
        self.correct_button.clicked.connect(self.correct_person)
        self.erase_button.clicked.connect(self.erase_person)
        self.person_name.returnPressed.connect(self.add_person)
        return tab

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
