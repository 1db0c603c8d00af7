"""The panel of the phase kind "prio_scoring": each evaluator's sheet typed fast.

One sheet at a time (its number, never a name); for each proposal a row of digits, one
per criterion in the order shown ("45345", or "4 5 3 - 5" with "-" where a score is
missing); Enter saves the row and moves to the next proposal, and after the last one to
the next sheet. A mistyped row is refused, said in words above the line, and stays
there to be fixed. Arriba/Abajo move between proposals; a row typed again replaces it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.i18n import _
from cocrea_desktop.methods.prioritisation.qt.common import (
    PrioPanel,
    TextRowsModel,
    fit_title_column,
    interactive_columns,
    rows_view,
    wrapped,
)
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.views.panel import banner, big, capture_line


class ScoringPanel(PrioPanel):
    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        from cocrea_desktop.ui.qt_i18n import key_text

        return [(key_text("Return"), _("Guardar la fila y pasar a la propuesta siguiente")),
                (key_text("Up") + " / " + key_text("Down"),
                 _("Propuesta anterior o siguiente")),
                (key_text("PgUp") + " / " + key_text("PgDown"),
                 _("Hoja anterior o siguiente"))]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current = 0  # index of the proposal being typed
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.title = big(QLabel(objectName="prio_scoring_title"), 1.2)
        top.addWidget(self.title)
        self.sheet_label = QLabel()
        self.sheet = QSpinBox(objectName="prio_sheet")
        self.sheet.setRange(1, 500)
        big_font = self.sheet.font()
        big_font.setPointSizeF(big_font.pointSizeF() * 1.4)
        big_font.setBold(True)
        self.sheet.setFont(big_font)
        self.sheet_label.setBuddy(self.sheet)
        self.sheet.valueChanged.connect(self._sheet_changed)
        top.addStretch(1)
        top.addWidget(self.sheet_label)
        top.addWidget(self.sheet)
        self.of_label = QLabel(objectName="prio_sheet_of")
        top.addWidget(self.of_label)
        layout.addLayout(top)
        paper = QHBoxLayout()
        self.code_label = QLabel()
        self.code = QLineEdit(objectName="prio_sheet_code")
        self.code.setMinimumWidth(250)
        self.code.returnPressed.connect(self.read_code)
        self.code_label.setBuddy(self.code)
        self.serial = ""
        self.serial_label = QLabel(objectName="prio_serial")
        self.print_button = QPushButton(objectName="prio_print_sheets")
        self.print_button.clicked.connect(self.print_sheets)
        self.import_button = QPushButton(objectName="prio_import")
        self.import_button.clicked.connect(self.import_sheets)
        for widget in (self.code_label, self.code, self.serial_label):
            paper.addWidget(widget)
        paper.addStretch(1)
        paper.addWidget(self.print_button)
        paper.addWidget(self.import_button)
        layout.addLayout(paper)
        hand = QHBoxLayout()
        self.by_hand = QCheckBox(objectName="prio_by_hand")
        self.by_hand.toggled.connect(self._mode_changed)
        self.counter_label = QLabel()
        self.counter = QLineEdit(objectName="prio_counter")
        self.counter.setMinimumWidth(220)
        self.counter_label.setBuddy(self.counter)
        self.criterion = 0  # the criterion counted now (hand counts)
        self.counter.setEnabled(False)
        hand.addWidget(self.by_hand)
        hand.addWidget(self.counter_label)
        hand.addWidget(self.counter)
        hand.addStretch(1)
        layout.addLayout(hand)
        self.legend = QLabel(objectName="prio_legend")
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        self.prompt = big(QLabel(objectName="prio_prompt"), 1.3)
        self.prompt.setWordWrap(True)
        layout.addWidget(self.prompt)
        self.error = banner("prio_row_error")
        layout.addWidget(self.error)
        self.entry = capture_line(self.save_row)
        self.entry.setObjectName("prio_row")
        self.entry.setMaxLength(60)
        self.entry.installEventFilter(self)
        self.entry.textEdited.connect(lambda _t: self.error.hide())
        layout.addWidget(self.entry)
        layout.addWidget(self.feedback)
        self.model = TextRowsModel(self)
        self.table = rows_view(self.model, "prio_sheet_rows")
        interactive_columns(self.table)
        self.natural_title = 400
        self.table.clicked.connect(lambda index: self.go_to(index.row()))
        layout.addWidget(self.table, 1)
        self.progress = QLabel(objectName="prio_progress")
        layout.addWidget(self.progress)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.entry and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Up:
                self.go_to(self.current - 1)
                return True
            if key == Qt.Key.Key_Down:
                self.go_to(self.current + 1)
                return True
            if key == Qt.Key.Key_PageUp:
                self.sheet.setValue(self.sheet.value() - 1)
                return True
            if key == Qt.Key.Key_PageDown:
                self.sheet.setValue(self.sheet.value() + 1)
                return True
        return super().eventFilter(watched, event)

    def focus_target(self) -> QWidget | None:
        return self.entry

    def items(self) -> list:
        return self.store.items(self.session_id) if self.repo is not None else []

    def _sheet_changed(self, _value: int) -> None:
        self.current = 0
        self.serial = ""
        self.serial_label.clear()
        self.error.hide()
        self.refresh()

    def _mode_changed(self, by_hand: bool) -> None:
        for widget in (self.sheet, self.code, self.print_button, self.import_button):
            widget.setEnabled(not by_hand)
        self.counter.setEnabled(by_hand)
        self.current, self.criterion = 0, 0
        self.error.hide()
        self.refresh()
        self.entry.setFocus()

    def go_to(self, index: int) -> None:
        items = self.items()
        if not items:
            return
        self.current = max(0, min(index, len(items) - 1))
        self.error.hide()
        self.entry.clear()
        self.refresh()

    def refresh(self) -> None:
        if self.repo is None:
            return
        setup = self.store.setup(self.session_id)
        items = self.items()
        criteria = setup.criteria
        if setup.evaluators:
            self.sheet.setMaximum(setup.evaluators)
        self.of_label.setText(_("de {count}").format(count=setup.evaluators) if
                              setup.evaluators else "")
        self.legend.setText(_("Escriba una cifra por criterio, en este orden ({high} = más "
                              "prioridad; «-» si falta): {criteria}").format(
            high=setup.scale_max, criteria=" · ".join(
                f"{i + 1}. {c.label()}" for i, c in enumerate(criteria)))
            if criteria else _("Aún no hay criterios: vuelva a la fase «Criterios»."))
        if self.store.counts(self.session_id) and not self.by_hand.isChecked():
            self.by_hand.blockSignals(True)
            self.by_hand.setChecked(True)
            self.by_hand.blockSignals(False)
            self._mode_changed(True)
            return
        if self.by_hand.isChecked():
            self.refresh_counts(setup, items)
            return
        sheets = self.store.sheets(self.session_id)
        mine = sheets.get(self.sheet.value(), {})
        self.model.set_table(
            [_("Núm."), _("Propuesta")] + [wrapped(f"{i + 1}. {c.label()}") for i, c in
                                           enumerate(criteria)],
            [(i.number, [str(i.number), i.title] + (
                ["-" if s is None else str(s) for s in mine[i.number]] if i.number in mine
                else [""] * len(criteria))) for i in items])
        self.table.resizeColumnsToContents()
        self.natural_title = self.table.columnWidth(1)
        fit_title_column(self.table, 1, self.natural_title)
        self.current = min(self.current, max(0, len(items) - 1))
        if items:
            item = items[self.current]
            self.prompt.setText(_("Hoja {sheet} · propuesta {number} de {count}: {title}")
                                .format(sheet=self.sheet.value(), number=item.number,
                                        count=len(items), title=item.title))
            self.table.selectRow(self.current)
        else:
            self.prompt.setText(_("No hay propuestas en la mesa: vuelva a la primera fase."))
        full = sum(1 for s in sheets.values() if len(s) >= len(items) > 0)
        self.progress.setText(_("Hojas completas: {full} de {count} · hojas con algo "
                                "capturado: {some}").format(
            full=full, count=setup.evaluators or len(sheets), some=len(sheets)))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        fit_title_column(self.table, 1, self.natural_title)

    def refresh_counts(self, setup, items) -> None:  # noqa: ANN001
        """Hand counts: one cell per proposal and criterion, how many gave each score."""
        counts = self.store.counts(self.session_id)
        criteria = setup.criteria
        if not self.counter.text() and self.store.counter(self.session_id):
            self.counter.setText(self.store.counter(self.session_id))
        self.legend.setText(_("Conteo a mano: para cada propuesta y criterio, escriba cuántas "
                              "personas dieron {low}, cuántas {next}… hasta {high} (por ejemplo: "
                              "0 1 3 5 3).").format(low=setup.scale_min,
                                                    next=setup.scale_min + 1,
                                                    high=setup.scale_max))
        self.model.set_table(
            [_("Núm."), _("Propuesta")] + [wrapped(f"{i + 1}. {c.label()}") for i, c in
                                           enumerate(criteria)],
            [(i.number, [str(i.number), i.title] + [
                "·".join(str(n) for n in counts[(i.number, c)]) if (i.number, c) in counts
                else "" for c in range(len(criteria))]) for i in items])
        self.table.resizeColumnsToContents()
        self.natural_title = self.table.columnWidth(1)
        fit_title_column(self.table, 1, self.natural_title)
        self.current = min(self.current, max(0, len(items) - 1))
        self.criterion = min(self.criterion, max(0, len(criteria) - 1))
        if items and criteria:
            item = items[self.current]
            self.prompt.setText(_("Propuesta {number}: {title} · «{criterion}»").format(
                number=item.number, title=item.title,
                criterion=criteria[self.criterion].label()))
            self.table.selectRow(self.current)
        done = sum(1 for key in counts if key[0] in {i.number for i in items})
        self.progress.setText(_("Conteos capturados: {done} de {total}").format(
            done=done, total=len(items) * len(criteria)))

    def save_count(self) -> None:
        items = self.items()
        setup = self.store.setup(self.session_id)
        if not items or not setup.criteria:
            return
        item = items[self.current]
        criterion = self.criterion
        try:
            changes = self.store.set_count(self.session_id, item.number, criterion,
                                           self.entry.text(), counter=self.counter.text())
        except CocreaError as err:
            self.error.setText(err.message)
            self.error.show()
            self.entry.selectAll()
            return
        self.error.hide()
        self.entry.clear()
        self.feedback.setText(_("Propuesta {number}, «{criterion}»: conteo guardado.").format(
            number=item.number, criterion=setup.criteria[criterion].label()))
        if criterion + 1 < len(setup.criteria):
            self.criterion += 1
        elif self.current + 1 < len(items):
            self.current, self.criterion = self.current + 1, 0
        ops.bus().changed.emit(changes)
        self.refresh()

    def save_row(self) -> None:
        items = self.items()
        if self.repo is None or not items:
            return
        if self.by_hand.isChecked():
            self.save_count()
            return
        item = items[self.current]
        sheet = self.sheet.value()
        text = self.entry.text()
        try:
            changes = self.store.enter_row(self.session_id, sheet, item.number, text,
                                           serial=self.serial)
        except CocreaError as err:  # refused whole, in words; the row stays to be fixed
            self.error.setText(err.message)
            self.error.show()
            self.entry.selectAll()
            return
        self.error.hide()
        self.entry.clear()
        self.feedback.setText(_("Hoja {sheet}, propuesta {number}: guardada.").format(
            sheet=sheet, number=item.number))
        if self.current + 1 < len(items):
            self.current += 1
        elif sheet < self.sheet.maximum():
            self.feedback.setText(_("Hoja {sheet} completa. Sigue la hoja {next}.").format(
                sheet=sheet, next=sheet + 1))
            self.sheet.blockSignals(True)
            self.sheet.setValue(sheet + 1)
            self.sheet.blockSignals(False)
            self.current = 0
            self.serial = ""
            self.serial_label.clear()
        else:
            self.feedback.setText(_("Hoja {sheet} completa: era la última.").format(
                sheet=sheet))
        ops.bus().changed.emit(changes)
        self.refresh()

    def read_code(self) -> None:
        """A sheet's QR scanned (the scanner types it) or its serial typed: the register
        says whether it is ours; its scores go on the next free sheet number."""
        from cocrea_desktop.core.voting.payload import format_serial
        from cocrea_desktop.methods.prioritisation.paper import next_free_sheet, read_sheet_code

        if self.repo is None or not self.code.text().strip():
            return
        try:
            serial = read_sheet_code(self.repo, self.session_id, self.code.text())
        except CocreaError as err:
            self.error.setText(err.message)
            self.error.show()
            self.code.selectAll()
            return
        self.error.hide()
        self.code.clear()
        self.sheet.setValue(next_free_sheet(self.repo, self.session_id))
        self.serial = serial
        self.serial_label.setText(_("Hoja {sheet} · folio {serial}").format(
            sheet=self.sheet.value(), serial=format_serial(serial)))
        self.entry.setFocus()

    def print_sheets(self) -> None:
        """Print one score sheet per evaluator, with QR and serial, issued in the register."""
        from PySide6.QtCore import Qt as _Qt
        from PySide6.QtWidgets import QApplication

        from cocrea_desktop.methods.prioritisation.paper import print_score_sheets
        from cocrea_desktop.methods.prioritisation.qt.common import PrioFiles
        from cocrea_desktop.ui.places import start_folder

        if self.repo is None:
            return
        count = self.store.setup(self.session_id).evaluators or 1
        chosen = PrioFiles.ask_save_path(self, _("Guardar las hojas de calificación"), str(
            start_folder(self.repo) / _("hojas-de-calificacion.pdf")))
        if not chosen:
            return
        QApplication.setOverrideCursor(_Qt.CursorShape.WaitCursor)
        try:
            printed = print_score_sheets(self.repo, self.session_id, count, chosen)
        except CocreaError as err:
            QApplication.restoreOverrideCursor()
            ops.show_error(self, err)
            return
        QApplication.restoreOverrideCursor()
        if printed is None:
            return
        serials, changes = printed
        self.last_pdf = chosen
        self.feedback.setText(_("{count} hojas con folio guardadas en {path}.").format(
            count=len(serials), path=chosen))
        ops.bus().changed.emit(changes)

    def import_sheets(self) -> None:
        from cocrea_desktop.methods.prioritisation.qt.common import PrioFiles
        from cocrea_desktop.methods.prioritisation.spreadsheet import read_scores
        from cocrea_desktop.ui.places import start_folder

        if self.repo is None:
            return
        chosen = PrioFiles.ask_open_path(self, _("Importar calificaciones"),
                                         str(start_folder(self.repo)))
        if not chosen:
            return
        try:
            long, rows = read_scores(chosen)
        except CocreaError as err:
            ops.show_error(self, err)
            return
        store_import = self.store.import_long if long else self.store.import_rows
        if self.act(lambda: store_import(self.session_id, rows),
                    _("Filas importadas: {count}.").format(count=len(rows))):
            self.refresh()

    def retranslate(self) -> None:
        self.title.setText(_("Calificación"))
        self.code_label.setText(_("&Folio de la hoja (QR):"))
        self.code.setPlaceholderText(_("Escanee el QR o escriba el folio"))
        self.print_button.setText(_("Imprimir hojas con QR…"))
        self.by_hand.setText(_("Conteo a &mano por propuesta y criterio"))
        self.counter_label.setText(_("Contó:"))
        self.counter.setPlaceholderText(_("Quién hizo el conteo"))
        self.import_button.setText(_("Importar hoja de cálculo…"))
        self.sheet_label.setText(_("&Hoja:"))
        self.entry.setPlaceholderText(_("Ejemplo: 45345, o 4 5 3 - 5; Intro guarda"))
        if self.repo is not None:
            self.refresh()
