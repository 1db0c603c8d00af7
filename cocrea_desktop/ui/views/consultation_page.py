"""«Consulta pública»: the tab of the Plan de Acción window where the office opens the
public consultation of the draft PAL, types the comments fast (Enter saves and clears
the text, the date and channel stay), imports them from a spreadsheet (read and checked
in the background, written all or nothing), prints paper comment forms with a QR code
and registers the ones that come back (a scanned code or the serial typed fills in the
commitment, the date and the channel), joins a repeated comment to the one it repeats,
answers each one with its reason (Ctrl+Enter saves), sees what is still unanswered,
closes the consultation (refused while a comment is unanswered) and writes the
accountability report. Ctrl+Z undoes the last action. No SQL here: one operation per
action."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.core.dates import format_date, numeric_hint
from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.i18n import _, ngettext
from cocrea_desktop.store.consultation import CHANNELS, RESPONSES
from cocrea_desktop.store.stl import word
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui import workers
from cocrea_desktop.ui.places import in_start_folder
from cocrea_desktop.ui.views.panel import CaptureLine
from cocrea_desktop.ui.widgets.window_undo import own_undo, show_undo

#: What this window's «Deshacer» takes back: its own actions only.
UNDO_ACTIONS = ("consultation.",)


class ConsultationPage(QWidget):
    def __init__(self, repo: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consultation_page")
        self.repo = repo
        v = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = QLabel(objectName="consultation_summary")
        self.summary.setWordWrap(True)
        top.addWidget(self.summary, 1)
        self.report_button = QPushButton(objectName="accountability_pdf")
        self.report_button.clicked.connect(lambda _c=False: self.write_report())
        self.close_button = QPushButton(objectName="close_consultation")
        self.close_button.clicked.connect(lambda _c=False: self.close_consultation())
        self.import_button = QPushButton(objectName="import_comments")
        self.import_button.clicked.connect(lambda _c=False: self.import_comments())
        self.forms_button = QPushButton(objectName="print_forms")
        self.forms_button.clicked.connect(lambda _c=False: self.print_forms())
        for w in (self.import_button, self.forms_button, self.report_button,
                  self.close_button):
            top.addWidget(w)
        v.addLayout(top)
        busy = QHBoxLayout()
        self.busy_label = QLabel(objectName="consultation_busy")
        self.busy_bar = QProgressBar(objectName="consultation_progress")
        self.busy_bar.setMaximumWidth(260)
        busy.addWidget(self.busy_label, 1)
        busy.addWidget(self.busy_bar)
        self.busy_row = QWidget(objectName="consultation_busy_row")
        self.busy_row.setLayout(busy)
        busy.setContentsMargins(0, 0, 0, 0)
        self.busy_row.hide()
        v.addWidget(self.busy_row)
        self.task: workers.Task | None = None
        # opening (shown while there is no open consultation)
        # Two rows: the dates, whole, then the channels and the button (on one row at 1024
        # the date fields were squeezed to 40 pixels and showed "m…").
        self.opening = QWidget(objectName="consultation_opening")
        rows = QVBoxLayout(self.opening)
        rows.setContentsMargins(0, 0, 0, 0)
        o = QHBoxLayout()
        rows.addLayout(o)
        self.o_start_label = QLabel()
        self.o_start = QLineEdit(objectName="consultation_start")
        self.o_start_label.setBuddy(self.o_start)
        self.o_end_label = QLabel()
        self.o_end = QLineEdit(objectName="consultation_end")
        self.o_end_label.setBuddy(self.o_end)
        for w in (self.o_start_label, self.o_start, self.o_end_label, self.o_end):
            o.addWidget(w)
        for field in (self.o_start, self.o_end):
            field.setMinimumWidth(field.fontMetrics().horizontalAdvance("00/00/0000") + 24)
        o.addStretch(1)
        o = QHBoxLayout()
        rows.addLayout(o)
        self.channel_boxes: dict[str, QCheckBox] = {}
        for key in CHANNELS:
            box = QCheckBox(objectName=f"channel_{key}")
            box.setChecked(key in ("meeting", "form", "box"))
            self.channel_boxes[key] = box
            o.addWidget(box)
        self.open_button = QPushButton(objectName="open_consultation")
        self.open_button.clicked.connect(lambda _c=False: self.open_consultation())
        o.addWidget(self.open_button)
        o.addStretch(1)
        v.addWidget(self.opening)
        # the comments
        filters = QHBoxLayout()
        self.only_unanswered = QCheckBox(objectName="only_unanswered")
        self.only_unanswered.toggled.connect(lambda _on: self.refresh())
        filters.addWidget(self.only_unanswered)
        filters.addStretch(1)
        self.join_button = QPushButton(objectName="join_comment")
        self.join_button.clicked.connect(lambda _c=False: self.join_chosen())
        self.undo_button = QPushButton(objectName="consultation_undo")
        self.undo_button.clicked.connect(lambda _c=False: self.undo())
        filters.addWidget(self.join_button)
        filters.addWidget(self.undo_button)
        v.addLayout(filters)
        self.table = QTableWidget(0, 6, objectName="comments_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        head = self.table.horizontalHeader()
        head.setStretchLastSection(True)
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(self.show_chosen)
        v.addWidget(self.table, 1)
        # fast entry
        entry = QGridLayout()
        self.e_title = QLabel(objectName="entry_title")
        entry.addWidget(self.e_title, 0, 0, 1, 6)
        self.e_date = QLineEdit(objectName="comment_date")
        self.e_channel = QComboBox(objectName="comment_channel")
        self.e_commitment = QComboBox(objectName="comment_commitment")
        self.e_section = QLineEdit(objectName="comment_section")
        self.e_theme = QLineEdit(objectName="comment_theme")
        self.e_form = CaptureLine(objectName="comment_form")
        self.e_form.setMaximumWidth(170)
        self.e_form.returnPressed.connect(self.read_form)
        self.e_text = CaptureLine(objectName="comment_text")
        self.e_text.returnPressed.connect(self.add_comment)
        self.e_add = QPushButton(objectName="add_comment")
        self.e_add.clicked.connect(lambda _c=False: self.add_comment())
        self.e_date.setMaximumWidth(120)
        self.e_section.setMinimumWidth(150)
        for col, w in enumerate((self.e_date, self.e_channel, self.e_commitment,
                                 self.e_section, self.e_theme)):
            entry.addWidget(w, 1, col)
        entry.addWidget(self.e_form, 2, 0)
        entry.addWidget(self.e_text, 2, 1, 1, 4)
        entry.addWidget(self.e_add, 2, 5)
        self.form_status = QLabel(objectName="form_status")
        self.form_status.setWordWrap(True)
        self.scan_button = QPushButton(objectName="scan_forms")
        self.scan_button.clicked.connect(lambda _c=False: self.scan_forms())
        entry.addWidget(self.form_status, 3, 0, 1, 5)
        entry.addWidget(self.scan_button, 3, 5)
        entry.setColumnStretch(2, 2)
        entry.setColumnStretch(3, 1)
        v.addLayout(entry)
        # the answer
        self.answer_box = QWidget(objectName="answer_box")
        answer = QGridLayout(self.answer_box)
        answer.setContentsMargins(0, 0, 0, 0)
        self.a_title = QLabel(objectName="answer_title")
        self.a_title.setWordWrap(True)
        answer.addWidget(self.a_title, 0, 0, 1, 4)
        self.a_response = QComboBox(objectName="answer_response")
        self.a_reason_label = QLabel()
        self.a_reason = QPlainTextEdit(objectName="answer_reason")
        self.a_reason.setTabChangesFocus(True)
        self.a_reason.setMaximumHeight(60)
        self.a_reason_label.setBuddy(self.a_reason)
        self.a_change_label = QLabel()
        self.a_change = QLineEdit(objectName="answer_change")
        self.a_change_label.setBuddy(self.a_change)
        self.a_save = QPushButton(objectName="save_answer")
        self.a_save.clicked.connect(lambda _c=False: self.answer())
        answer.addWidget(self.a_response, 1, 0)
        answer.addWidget(self.a_reason_label, 1, 1)
        answer.addWidget(self.a_reason, 1, 2, 1, 2)
        answer.addWidget(self.a_change_label, 2, 1)
        answer.addWidget(self.a_change, 2, 2)
        answer.addWidget(self.a_save, 2, 3)
        answer.setColumnStretch(2, 1)
        v.addWidget(self.answer_box)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            save = QShortcut(QKeySequence(key), self.answer_box,
                             context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            save.activated.connect(self.answer)
        self.act_undo = QAction(self)
        self.act_undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.act_undo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.act_undo.triggered.connect(lambda _c=False: self.undo())
        self.addAction(self.act_undo)
        self.shown: list[Any] = []
        self.form_queue: list[Any] = []  # forms read from scans, waiting for their text

    # -- reading -----------------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        if changes.touches("consultation", "consultation_comment", "commitment",
                           "consultation_form"):
            self.refresh()
        elif self.repo is not None and not self.repo.closed:
            self._undo_state()

    def refresh(self) -> None:
        if self.repo is None or self.repo.closed:
            return
        c = self.repo.consultation.current()
        is_open = c is not None and c.status == "open"
        self.opening.setVisible(c is None or c.status == "closed")
        for w in (self.e_date, self.e_channel, self.e_commitment, self.e_section, self.e_theme,
                  self.e_text, self.e_add, self.a_response, self.a_reason, self.a_change,
                  self.a_save, self.close_button, self.e_form, self.scan_button,
                  self.join_button, self.forms_button):
            w.setEnabled(is_open)
        self.import_button.setEnabled(is_open and self.task is None)
        self._undo_state()
        self.report_button.setEnabled(c is not None)
        keep = self.chosen_id()
        all_comments = self.repo.consultation.comments()
        waiting = sum(1 for x in all_comments if not x.answered)
        if c is None:
            self.summary.setText(_("Todavía no hay consulta pública. Ábrala cuando el STL haya "
                                   "marcado los compromisos listos para consulta."))
        else:
            self.summary.setText(_("Consulta {status} del {start} al {end} ({channels}): "
                                   "{comments}, {w} sin respuesta.").format(
                status=c.status_text, start=format_date(c.start_date, "numeric"),
                end=format_date(c.end_date, "numeric"), channels=c.channels_text,
                comments=ngettext("{n} comentario", "{n} comentarios", len(all_comments))
                .format(n=len(all_comments)), w=waiting))
            channel = self.e_channel.currentData()
            self.e_channel.clear()
            for key in c.channels:
                self.e_channel.addItem(word(CHANNELS, key), key)
            if channel in c.channels:
                self.e_channel.setCurrentIndex(c.channels.index(channel))
        chosen = self.e_commitment.currentData()
        self.e_commitment.clear()
        self.e_commitment.addItem(_("Otra sección del plan"), "")
        for x in self.repo.commitments.list():
            self.e_commitment.addItem(f"{x.label}. {x.name}", x.label)
        index = self.e_commitment.findData(chosen)
        self.e_commitment.setCurrentIndex(max(index, 0))
        self.shown = [x for x in all_comments
                      if not (self.only_unanswered.isChecked() and x.answered)]
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.shown))
        for r, x in enumerate(self.shown):
            about = x.about if x.commitment_id else (x.section or x.about)
            response = x.response_text
            if x.duplicate_label:
                response += " " + _("(se unió al {label})").format(label=x.duplicate_label)
            cells = (x.label, format_date(x.date, "numeric"), x.channel_text, about, response,
                     x.text)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, x.id)
                if col == 4 and not x.answered:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(r, col, item)
            if x.id == keep:
                self.table.selectRow(r)
        self.table.blockSignals(False)
        self.show_chosen()

    def chosen_id(self) -> str | None:
        item = self.table.item(self.table.currentRow(), 0) if self.table.rowCount() else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def chosen(self) -> Any | None:
        cid = self.chosen_id()
        return next((x for x in self.shown if x.id == cid), None)

    def show_chosen(self) -> None:
        x = self.chosen()
        if x is None:
            self.a_title.setText(_("Elija un comentario de la lista para responderlo."))
            return
        self.a_title.setText(_("Respuesta al comentario {label} ({about}): «{text}»").format(
            label=x.label, about=x.about, text=x.text[:200]))
        index = self.a_response.findData(x.response or "incorporated")
        self.a_response.setCurrentIndex(max(index, 0))
        self.a_reason.setPlainText(x.reason)
        self.a_change.setText(x.change)

    # -- actions -----------------------------------------------------------------------
    def open_consultation(self) -> Any:
        return ops.open_consultation(
            parent=self, repo=self.repo, start=self.o_start.text(), end=self.o_end.text(),
            channels=[k for k, box in self.channel_boxes.items() if box.isChecked()])

    def add_comment(self) -> Any:
        form = self.e_form.text().strip()
        made = ops.add_comment(parent=self, repo=self.repo, date=self.e_date.text(),
                               channel=self.e_channel.currentData() or "",
                               commitment=self.e_commitment.currentData() or "",
                               section=self.e_section.text(), theme=self.e_theme.text(),
                               text=self.e_text.text(), **({"form": form} if form else {}))
        if made is not None:
            self.e_text.setText("")  # setText, not clear(): Ctrl+Z then undoes the comment
            self.e_form.setText("")
            if form:
                self.form_status.setText(_("Formato {serial} registrado como el comentario "
                                           "{label}.").format(serial=form, label=made.label))
                self._next_queued()
            else:
                self.e_text.setFocus()
        return made

    # -- paper forms ---------------------------------------------------------------------
    def print_forms(self) -> Any:
        from cocrea_desktop.ui.dialogs.forms_dialog import FormsDialog

        if self.repo.consultation.current() is None:
            return None
        dialog = FormsDialog(self.repo, self)
        type(self).run_forms_dialog(dialog)
        return dialog

    @staticmethod
    def run_forms_dialog(dialog: Any) -> None:
        """Show the forms dialog and wait (tests may replace this)."""
        dialog.exec()

    def read_form(self, text: str | None = None) -> Any:
        """A form's code scanned (a keyboard-wedge scanner types it and Enter) or its serial
        typed: fill in what the form says, so that only the text is left to type."""
        text = self.e_form.text() if text is None else text
        if not text.strip():
            self.e_text.setFocus()
            return None
        reading = self.repo.consultation.read_form(text)
        self.form_status.setText(reading.message)
        if not reading.ready:
            self.e_form.selectAll()
            self.e_form.setFocus()
            return None
        self.fill_from_form(reading.form)
        return reading.form

    def fill_from_form(self, form: Any) -> None:
        import datetime as dt

        self.e_form.setText(form.shown_serial)
        self.e_commitment.setCurrentIndex(max(self.e_commitment.findData(
            form.commitment_label), 0))
        self.e_section.setText(form.section)
        index = self.e_channel.findData("form")
        if index >= 0:
            self.e_channel.setCurrentIndex(index)
        c = self.repo.consultation.current()
        if c is not None and not self.e_date.text().strip():
            today = dt.date.today().isoformat()
            day = min(max(today, c.start_date), c.end_date)
            self.e_date.setText(format_date(day, "numeric"))
        self.e_text.setFocus()

    def scan_forms(self, paths: list[str] | None = None) -> Any:
        """Read the codes of scanned forms in the background; the ready ones wait in
        order, each filled in for its text in turn."""
        if paths is None:
            chosen, _f = QFileDialog.getOpenFileNames(
                self, _("Formatos escaneados"), in_start_folder(self.repo),
                _("Escaneos (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)"))
            paths = list(chosen)
        if not paths or self.task is not None:
            return None
        from cocrea_desktop.export.scan import scan_path

        def decode(task: workers.Task) -> Any:
            codes, problems = [], []
            for done, path in enumerate(paths, 1):
                report = scan_path(path)
                codes += [(f"{c.source}#{c.page + 1}", c.text) for c in report.codes]
                problems += [p.reason for p in report.problems]
                task.progress(done, len(paths))
            return codes, problems

        self._busy(_("Leyendo los formatos escaneados…"))
        self.task = workers.run_task(decode, on_result=self._scanned, on_error=self._failed,
                                     on_progress=self._on_progress)
        self.task.finished.connect(self._idle)
        return self.task

    def _scanned(self, found: Any) -> None:
        codes, problems = found
        readings = [self.repo.consultation.read_form(text) for _src, text in codes]
        ready, seen = [], set()
        for r in readings:
            if r.ready and r.form.serial not in seen:
                seen.add(r.form.serial)
                ready.append(r.form)
        self.form_queue = ready
        lines = [r.message for r in readings if not r.ready] + problems
        summary = ngettext("{n} formato leído", "{n} formatos leídos", len(readings)).format(
            n=len(readings)) + ": " + ngettext("{k} listo para registrar",
                                                "{k} listos para registrar",
                                                len(ready)).format(k=len(ready))
        self.form_status.setText(summary + ".")
        if lines:
            from cocrea_desktop.ui.dialogs.problems_dialog import ProblemsDialog

            ProblemsDialog.show_problems(self, _("Formatos escaneados"), summary + ". " + _(
                "Estos códigos o páginas no se pueden registrar:"), lines)
        self._next_queued()

    def _next_queued(self) -> None:
        registered = {f.serial for f in self.repo.consultation.forms() if f.registered}
        self.form_queue = [f for f in self.form_queue if f.serial not in registered]
        if self.form_queue:
            form = self.form_queue[0]
            self.fill_from_form(form)
            self.form_status.setText(ngettext(
                "Formato {serial} ({about}): escriba su texto y oprima Intro ({n} en espera).",
                "Formato {serial} ({about}): escriba su texto y oprima Intro ({n} en espera).",
                len(self.form_queue)).format(serial=form.shown_serial, about=form.about,
                                             n=len(self.form_queue)))
        else:
            self.e_text.setFocus()

    # -- import ----------------------------------------------------------------------------
    def import_comments(self, path: str | None = None) -> Any:
        """Read and check a spreadsheet in the background; write its comments in one
        transaction only when every row is right (else nothing, and the rows to fix)."""
        if path is None:
            path, _f = QFileDialog.getOpenFileName(
                self, _("Importar comentarios"), in_start_folder(self.repo),
                _("Hojas de cálculo (*.csv *.xlsx)"))
        if not path or self.task is not None:
            return None
        from cocrea_desktop.export.comments_import import check_comments

        self._busy(_("Leyendo y revisando «{name}»…").format(name=path.rsplit("/", 1)[-1]))
        self.task = workers.run_read(
            self.repo.path, lambda repo, task: check_comments(
                repo, path, progress=task.progress, cancelled=lambda: task.cancelled),
            on_result=self._checked, on_error=self._import_failed,
            on_progress=self._on_progress)
        self.task.finished.connect(self._idle)
        return self.task

    def _checked(self, items: Any) -> None:
        if not items:
            return
        n = ops.import_comments(parent=self, repo=self.repo, items=items)
        if n:
            self.form_status.setText(ngettext("Se importó {n} comentario.",
                                              "Se importaron {n} comentarios.", n).format(n=n))

    def _import_failed(self, err: BaseException) -> None:
        if not isinstance(err, CocreaError):
            return self._failed(err)
        lines = err.message.splitlines()
        if len(lines) == 1:
            ops.show_error(self, err)
            return None
        from cocrea_desktop.ui.dialogs.problems_dialog import ProblemsDialog

        ProblemsDialog.show_problems(
            self, _("Importar comentarios"), ngettext(
                "No se importó nada: {n} renglón tiene un problema. Corríjalo en la hoja y "
                "vuelva a importarla.", "No se importó nada: {n} renglones tienen problemas. "
                "Corríjalos en la hoja y vuelva a importarla.", len(lines)).format(
                n=len(lines)), lines)
        return None

    def _failed(self, err: BaseException) -> None:
        if isinstance(err, CocreaError):
            ops.show_error(self, err)
        else:
            ops.show_error(self, CocreaError(_("No se pudo leer el archivo: {reason}").format(
                reason=err)))

    def _busy(self, text: str) -> None:
        self.busy_label.setText(text)
        self.busy_bar.setRange(0, 0)
        self.busy_row.show()
        self.import_button.setEnabled(False)
        self.scan_button.setEnabled(False)

    def _on_progress(self, done: int, total: int) -> None:
        self.busy_bar.setRange(0, max(total, 1))
        self.busy_bar.setValue(min(done, total))

    def _idle(self) -> None:
        self.task = None
        self.busy_row.hide()
        self.refresh()

    # -- joining and undo ----------------------------------------------------------------
    def join_chosen(self, into: str | None = None) -> Any:
        """Join the chosen comment to the one it repeats (asked by its number)."""
        x = self.chosen()
        if x is None:
            self.form_status.setText(_("Elija en la lista el comentario repetido."))
            return None
        if into is None:
            from cocrea_desktop.ui.dialogs.text_dialog import TextDialog

            into = TextDialog.ask(self, _("Unir como repetido"), _(
                "¿Qué comentario repite el {label}? Escriba su número. Los dos se quedan en "
                "el registro y el {label} toma la respuesta de aquel.").format(label=x.label))
        if not into:
            return None
        return ops.join_comment(parent=self, repo=self.repo, comment_id=x.id, into=into)

    def undo(self) -> Any:
        if not own_undo(self.repo, UNDO_ACTIONS):
            return None
        return ops.undo(parent=self, repo=self.repo)

    def _undo_state(self) -> None:
        key = QKeySequence(QKeySequence.StandardKey.Undo).toString(
            QKeySequence.SequenceFormat.NativeText)
        self.undo_button.setText(_("&Deshacer") + f" ({key})")
        show_undo(self.undo_button, self.repo, UNDO_ACTIONS)

    def answer(self) -> Any:
        x = self.chosen()
        if x is None:
            return None
        done = ops.answer_comment(parent=self, repo=self.repo, comment_id=x.id,
                                  response=self.a_response.currentData(),
                                  reason=self.a_reason.toPlainText(),
                                  change=self.a_change.text())
        if done is not None and self.only_unanswered.isChecked() and self.table.rowCount():
            self.table.selectRow(0)
        return done

    def close_consultation(self) -> Any:
        return ops.close_consultation(parent=self, repo=self.repo)

    def write_report(self, path: str | None = None) -> Any:
        from cocrea_desktop.export.accountability import write_accountability

        if path is None:
            path, _f = QFileDialog.getSaveFileName(
                self, _("Informe de respuesta a la consulta pública"),
                in_start_folder(self.repo, "respuesta-consulta.pdf"),
                ";;".join((_("Documentos PDF (*.pdf)"),
                           _("Documentos de Word editables (*.docx)"),
                           "CSV (*.csv)", "JSON (*.json)")))
        if not path:
            return None
        return write_accountability(self.repo, path)

    # -- words -------------------------------------------------------------------------
    def retranslate(self) -> None:
        hint = numeric_hint()
        self.report_button.setText(_("Informe de respuesta (PDF)…"))
        self.import_button.setText(_("I&mportar comentarios…"))
        self.import_button.setToolTip(_("De una hoja de cálculo (CSV o XLSX) con las columnas "
                                        "fecha, canal, compromiso, sección, comentario y tema. "
                                        "Se importa todo o nada."))
        self.forms_button.setText(_("&Formatos impresos…"))
        self.join_button.setText(_("&Unir como repetido…"))
        self.join_button.setToolTip(_("El comentario elegido repite otro: se unen, los dos se "
                                      "quedan y comparten la respuesta"))
        self.scan_button.setText(_("&Leer formatos escaneados…"))
        self.e_form.setPlaceholderText(_("Folio del formato"))
        self.e_form.setToolTip(_("Escanee el código del formato o escriba su folio y oprima "
                                 "Intro: se llenan el compromiso, la fecha y el canal"))
        self.close_button.setText(_("Cerrar la consulta"))
        self.o_start_label.setText(_("&Inicio ({hint}):").format(hint=hint))
        self.o_end_label.setText(_("Fin (vacío: diez días):"))
        self.o_start.setPlaceholderText(hint)
        self.o_end.setPlaceholderText(hint)
        for key, box in self.channel_boxes.items():
            box.setText(word(CHANNELS, key))
        self.open_button.setText(_("Abrir la consulta"))
        self.only_unanswered.setText(_("Solo los comentarios sin respuesta"))
        self.table.setHorizontalHeaderLabels([_("Núm."), _("Fecha"), _("Canal"), _("Sobre"),
                                              _("Respuesta"), _("Comentario")])
        self.e_title.setText(_("Captura rápida: escriba el comentario y oprima Intro (la fecha "
                               "y el canal se quedan)"))
        self.e_date.setPlaceholderText(hint)
        self.e_section.setPlaceholderText(_("Sección (si no es un compromiso)"))
        self.e_theme.setPlaceholderText(_("Tema"))
        self.e_text.setPlaceholderText(_("Texto del comentario"))
        self.e_add.setText(_("Guardar comentario"))
        response = self.a_response.currentData()
        self.a_response.clear()
        for key in RESPONSES:
            self.a_response.addItem(word(RESPONSES, key), key)
        self.a_response.setCurrentIndex(max(self.a_response.findData(response), 0))
        self.a_reason_label.setText(_("&Razón:"))
        self.a_change_label.setText(_("Cambio en el compromiso:"))
        self.a_save.setText(_("Guardar respuesta (Ctrl+Intro)"))
        self.refresh()
