"""The «Seguimiento» tab of the Plan de Acción Local window: each milestone's status
and percentage (late computed), a form to record progress (Enter saves), evidence
attached through a file dialog (read and hashed off the GUI thread), the history of
the chosen milestone, the list of what is due by a date, and the progress report.

Under the milestones, the signed agreements the chosen milestone's commitment came from
(a fair's cartas compromiso, as the methods list them): their signed copy can be the
milestone's evidence in one step, the same bytes read from the process file; at the
bottom, the agreements no commitment of the plan carries."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core import dates
from cocrea_desktop.core.changes import Changes
from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.i18n import _
from cocrea_desktop.store.followup import (
    STATUSES,
    Evidence,
    agreement_lines,
    by_heading,
    loose_lines,
    read_evidence,
)
from cocrea_desktop.store.stl import word
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.workers import run_task


class FollowupTab(QWidget):
    def __init__(self, repo: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="followup_page")
        self.repo = repo
        self.evidence: Evidence | None = None
        self.reading = None
        self._states: list[Any] = []
        outer = QVBoxLayout(self)
        due_row = QHBoxLayout()
        self.due_label = QLabel()
        self.due_date = QLineEdit(objectName="followup_due_date")
        self.due_date.setMaximumWidth(140)
        self.due_label.setBuddy(self.due_date)
        self.due_date.returnPressed.connect(self.refresh)
        self.due_button = QPushButton(objectName="followup_due")
        self.due_button.clicked.connect(lambda _c=False: self.refresh())
        self.all_button = QPushButton(objectName="followup_all")
        self.all_button.clicked.connect(lambda _c=False: self.show_all())
        self.summary = QLabel(objectName="followup_summary")
        self.summary.setWordWrap(True)
        for w in (self.due_label, self.due_date, self.due_button, self.all_button):
            due_row.addWidget(w)
        due_row.addWidget(self.summary, 1)
        outer.addLayout(due_row)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.table = QTableWidget(0, 5, objectName="followup_milestones")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.verticalHeader().setVisible(False)
        self.table.currentCellChanged.connect(lambda *_a: self.show_current())
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        self.agreements_title = QLabel(objectName="followup_agreements_title")
        self.agreements_title.setWordWrap(True)
        # Under the milestones, only as tall as a letter or two: shown when the chosen
        # milestone's commitment came from a signed agreement.
        self.agreements = QListWidget(objectName="followup_agreements")
        self.agreements.setWordWrap(True)
        self.agreements.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.agreements.setMaximumHeight(self.fontMetrics().lineSpacing() * 8 + 12)
        left_layout.addWidget(self.agreements_title)
        left_layout.addWidget(self.agreements)
        split.addWidget(left)
        side = QWidget()
        form_box = QVBoxLayout(side)
        form_box.setContentsMargins(6, 0, 0, 0)
        self.chosen = QLabel(objectName="followup_chosen")
        self.chosen.setWordWrap(True)
        form_box.addWidget(self.chosen)
        form = QFormLayout()
        self.status_box = QComboBox(objectName="progress_status")
        self.percent = QLineEdit(objectName="progress_percent")
        self.date = QLineEdit(objectName="progress_date")
        self.note = QLineEdit(objectName="progress_note")
        self.reason = QLineEdit(objectName="progress_reason")
        self.labels = [QLabel() for _i in range(5)]
        for label, widget in zip(self.labels, (self.status_box, self.percent, self.date,
                                               self.note, self.reason), strict=True):
            label.setBuddy(widget)
            form.addRow(label, widget)
        for line in (self.percent, self.date, self.note, self.reason):
            line.returnPressed.connect(self.save)
        form_box.addLayout(form)
        ev_row = QHBoxLayout()
        self.attach_button = QPushButton(objectName="progress_attach")
        self.attach_button.clicked.connect(lambda _c=False: self.choose_evidence())
        self.evidence_label = QLabel(objectName="progress_evidence")
        self.evidence_label.setWordWrap(True)
        ev_row.addWidget(self.attach_button)
        ev_row.addWidget(self.evidence_label, 1)
        form_box.addLayout(ev_row)
        # A signed agreement's copy (its folio and file: the whole width, so that at 1024
        # pixels the file's name reads), then the button that makes it the evidence.
        self.agreement_box = QComboBox(objectName="progress_agreement")
        form_box.addWidget(self.agreement_box)
        save_row = QHBoxLayout()
        self.use_agreement = QPushButton(objectName="progress_use_agreement")
        self.use_agreement.clicked.connect(lambda _c=False: self.use_signed_copy())
        save_row.addWidget(self.use_agreement)
        save_row.addStretch(1)
        self.save_button = QPushButton(objectName="progress_save")
        self.save_button.clicked.connect(lambda _c=False: self.save())
        save_row.addWidget(self.save_button)
        form_box.addLayout(save_row)
        self.history_title = QLabel()
        form_box.addWidget(self.history_title)
        self.history = QListWidget(objectName="progress_history")
        self.history.setWordWrap(True)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        form_box.addWidget(self.history, 1)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        outer.addWidget(split, 1)
        bottom = QHBoxLayout()
        self.loose = QLabel(objectName="followup_loose")
        self.loose.setWordWrap(True)
        bottom.addWidget(self.loose, 1)
        self.report_button = QPushButton(objectName="progress_report")
        self.report_button.clicked.connect(lambda _c=False: self.write_report())
        bottom.addWidget(self.report_button)
        outer.addLayout(bottom)
        ops.bus().changed.connect(self.on_changes)
        self.retranslate()

    # -- reading --------------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        if self.repo is None or self.repo.closed:
            return
        if changes.touches("milestone_progress", "commitment", "commitment_milestone",
                           "attachment", "proposal"):
            self.refresh()
        elif self.isVisible():  # a method's agreement changed (a letter's follow-up...)
            self.show_agreements()

    def show_all(self) -> None:
        self.due_date.clear()
        self.refresh()

    def refresh(self) -> None:
        if self.repo is None or self.repo.closed:
            return
        keep = self.current_state()
        keep_id = keep.milestone.id if keep else None
        by = self.due_date.text().strip()
        states = self.repo.followup.states()
        if by:
            try:
                due = {s.milestone.id for s in self.repo.followup.due(by)}
            except CocreaError as err:
                ops.show_error(self, err)
                due = {s.milestone.id for s in states}
            states = [s for s in states if s.milestone.id in due]
        self._states = states
        self.table.blockSignals(True)
        self.table.setRowCount(len(states))
        chosen = 0
        for r, s in enumerate(states):
            due_text = dates.format_date(s.milestone.due_date, "numeric") if \
                s.milestone.due_date else "—"
            cells = [s.label, s.milestone.description, due_text, s.status_text]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, col, item)
            bar = self.table.cellWidget(r, 4)
            if not isinstance(bar, QProgressBar):  # the row's bar is kept, only its value moves
                bar = QProgressBar(objectName="progress_bar")
                bar.setRange(0, 100)
                bar.setFormat("%p %")
                self.table.setCellWidget(r, 4, bar)
            bar.setValue(s.percent)
            bar.setAccessibleName(f"{s.label}: {s.percent} %")
            if s.milestone.id == keep_id:
                chosen = r
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        self.table.resizeColumnToContents(3)
        self.table.setColumnWidth(4, 90)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, header.ResizeMode.Stretch)
        self.table.blockSignals(False)
        if states:
            self.table.setCurrentCell(chosen, 0)
        counts = self.repo.followup.summary()
        self.summary.setText(_("Cumplidos: {done} · En tiempo: {ok} · Atrasados: {late} · "
                               "Cancelados: {cancelled}").format(
            done=counts["done"], ok=counts["in_progress"] + counts["not_started"],
            late=counts["late"], cancelled=counts["cancelled"]))
        self.show_current()

    def current_state(self) -> Any | None:
        row = self.table.currentRow()
        return self._states[row] if 0 <= row < len(self._states) else None

    def show_current(self) -> None:
        s = self.current_state()
        self.history.clear()
        writable = s is not None and not self.repo.read_only
        for w in (self.save_button, self.attach_button, self.status_box, self.percent,
                  self.date, self.note, self.reason):
            w.setEnabled(writable)
        if s is None:
            self.chosen.setText(_("Elija un hito de la lista."))
            return
        self.chosen.setText(_("Hito {label}: {text}").format(label=s.label,
                                                             text=s.milestone.description))
        index = self.status_box.findData(s.recorded_status if s.latest else "in_progress")
        self.status_box.setCurrentIndex(max(index, 0))
        self.percent.setText(str(s.percent))
        for rec in s.history:
            line = f"{dates.format_date(rec.date, 'numeric')} · {rec.status_text} · " \
                   f"{rec.percent} %"
            if rec.reason:
                line += " · " + rec.reason
            if rec.note:
                line += " · " + rec.note
            if rec.evidence_name:
                line += " · " + _("evidencia: {name}").format(name=rec.evidence_name)
            self.history.addItem(line)
        if not s.history:
            self.history.addItem(_("Sin registros todavía."))
        self.show_agreements()

    def show_agreements(self) -> None:
        """The chosen milestone's commitment's signed agreements, and those of none."""
        s = self.current_state()
        self.agreements.clear()
        self.agreement_box.clear()
        carried = self.repo.followup.carried()
        mine = [x.agreement for x in carried
                if s is not None and s.commitment.label in x.commitments]
        if s is None:
            self.agreements_title.setText(_("Acuerdos firmados"))
        elif not mine:
            self.agreements_title.setText(_("Compromiso {label}: no viene de ningún acuerdo "
                                            "firmado.").format(label=s.commitment.label))
        else:
            self.agreements_title.setText(_("Acuerdos firmados de los que viene el "
                                            "compromiso {label}:").format(
                label=s.commitment.label))
        bold = self.agreements.font()
        bold.setBold(True)
        for heading, group in by_heading(mine):
            item = QListWidgetItem(heading)
            item.setFont(bold)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.agreements.addItem(item)
            for a in group:
                text = "\n".join(agreement_lines(a))
                self.agreements.addItem(text)
                for f in a.files:
                    self.agreement_box.addItem(f"{a.folio} · {f.file_name}", (a.id, f.id))
                    self.agreement_box.setItemData(self.agreement_box.count() - 1,
                                                   f"{a.folio} · {f.file_name} · SHA-256 "
                                                   f"{f.sha256}", Qt.ItemDataRole.ToolTipRole)
        self.agreements.setVisible(bool(mine))
        has_copy = self.agreement_box.count() > 0
        for w in (self.agreement_box, self.use_agreement):
            w.setVisible(has_copy)
            w.setEnabled(has_copy and s is not None and not self.repo.read_only)
        loose = [x for x in carried if not x.commitments and not x.agreement.closed]
        self.loose.setText("\n".join(loose_lines(loose)))
        self.loose.setVisible(bool(loose))
    # -- writing --------------------------------------------------------------------
    def choose_evidence(self, path: str | None = None) -> None:
        if path is None:
            from cocrea_desktop.ui.places import start_folder

            path, _f = QFileDialog.getOpenFileName(self, _("Evidencia del avance"),
                                                   str(start_folder(self.repo)))
        if not path:
            return
        self.evidence = None
        self.save_button.setEnabled(False)
        self.evidence_label.setText(_("Leyendo el archivo…"))

        def done(evidence: Evidence) -> None:
            self.reading = None
            self.evidence = evidence
            self.evidence_label.setText(f"{evidence.file_name} · SHA-256 "
                                        f"{evidence.sha256[:16]}…")
            self.save_button.setEnabled(self.current_state() is not None)

        def failed(err: BaseException) -> None:
            self.reading = None
            self.evidence_label.setText("")
            self.save_button.setEnabled(self.current_state() is not None)
            if isinstance(err, CocreaError):
                ops.show_error(self, err)

        self.reading = run_task(lambda _task: read_evidence(path), on_result=done,
                                on_error=failed)

    def use_signed_copy(self) -> Evidence | None:
        """The chosen agreement's signed copy as the evidence of the progress to record: the
        bytes kept in the process file, their SHA-256 checked (nothing read from disk)."""
        s = self.current_state()
        choice = self.agreement_box.currentData()
        if s is None or not choice or self.reading is not None:
            return None
        agreement_id, file_id = choice
        try:
            evidence = self.repo.followup.agreement_evidence(s.milestone.id, agreement_id,
                                                             file_id)
        except CocreaError as err:
            ops.show_error(self, err)
            return None
        self.evidence = evidence
        self.evidence_label.setText(f"{evidence.file_name} · SHA-256 {evidence.sha256[:16]}…")
        return evidence

    def save(self) -> Any:
        s = self.current_state()
        if s is None or self.reading is not None:
            return None
        made = ops.record_progress(parent=self, repo=self.repo, milestone_id=s.milestone.id,
                                   status=self.status_box.currentData(),
                                   percent=self.percent.text(), date=self.date.text(),
                                   note=self.note.text(), reason=self.reason.text(),
                                   evidence=self.evidence)
        if made is not None:
            self.evidence = None
            self.evidence_label.setText("")
            for w in (self.note, self.reason):
                w.clear()
        return made

    def write_report(self, path: str | None = None) -> Any:
        from cocrea_desktop.export.progress import write_progress_pdf

        if path is None:
            from cocrea_desktop.ui.places import start_folder

            path, _f = QFileDialog.getSaveFileName(
                self, _("Informe de avance"),
                str(start_folder(self.repo) / "informe-de-avance.pdf"), "PDF (*.pdf)")
        if not path:
            return None
        return write_progress_pdf(self.repo, path)

    # -- words ----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.due_label.setText(_("Ve&ncen al:"))
        self.due_date.setPlaceholderText(dates.numeric_hint())
        self.due_button.setText(_("Pendientes a esa fecha"))
        self.all_button.setText(_("Todos los hitos"))
        self.table.setHorizontalHeaderLabels([_("Hito"), _("Descripción"), _("Vence"),
                                              _("Estado"), _("Avance")])
        keep = self.status_box.currentData()
        self.status_box.clear()
        for key in STATUSES:
            self.status_box.addItem(word(STATUSES, key), key)
        self.status_box.setCurrentIndex(max(self.status_box.findData(keep), 0))
        for label, text in zip(self.labels, (_("Es&tado:"), _("&Porcentaje:"), _("&Fecha:"),
                                             _("N&ota:"), _("&Razón (si se cancela):")),
                               strict=True):
            label.setText(text)
        self.date.setPlaceholderText(_("{hint} (vacío: hoy)").format(
            hint=dates.numeric_hint()))
        self.percent.setPlaceholderText("0–100")
        self.attach_button.setText(_("Adjuntar evidencia…"))
        self.use_agreement.setText(_("Usar la copia firmada como evidencia"))
        self.agreement_box.setToolTip(_("La copia firmada de un acuerdo del compromiso (como "
                                        "una carta compromiso): se usa tal cual, con su "
                                        "mismo SHA-256."))
        self.save_button.setText(_("Registrar avance (Intro)"))
        self.history_title.setText(_("Historial del hito"))
        self.report_button.setText(_("Informe de avance (PDF)…"))
        self.refresh()
