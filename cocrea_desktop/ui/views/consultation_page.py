"""«Consulta pública»: the tab of the Plan de Acción window where the office opens the
public consultation of the draft PAL, types the comments fast (Enter saves and clears
the text, the date and channel stay), answers each one with its reason, sees what is
still unanswered, closes the consultation (refused while a comment is unanswered) and
writes the accountability report. No SQL here: one operation per action."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
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
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.core.dates import format_date, numeric_hint
from cocrea_desktop.i18n import _, ngettext
from cocrea_desktop.store.consultation import CHANNELS, RESPONSES
from cocrea_desktop.store.stl import word
from cocrea_desktop.ui import operations as ops


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
        top.addWidget(self.report_button)
        top.addWidget(self.close_button)
        v.addLayout(top)
        # opening (shown while there is no open consultation)
        self.opening = QWidget(objectName="consultation_opening")
        o = QHBoxLayout(self.opening)
        o.setContentsMargins(0, 0, 0, 0)
        self.o_start_label = QLabel()
        self.o_start = QLineEdit(objectName="consultation_start")
        self.o_start_label.setBuddy(self.o_start)
        self.o_end_label = QLabel()
        self.o_end = QLineEdit(objectName="consultation_end")
        self.o_end_label.setBuddy(self.o_end)
        for w in (self.o_start_label, self.o_start, self.o_end_label, self.o_end):
            o.addWidget(w)
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
        self.e_text = QLineEdit(objectName="comment_text")
        self.e_text.returnPressed.connect(self.add_comment)
        self.e_add = QPushButton(objectName="add_comment")
        self.e_add.clicked.connect(lambda _c=False: self.add_comment())
        self.e_date.setMaximumWidth(120)
        for col, w in enumerate((self.e_date, self.e_channel, self.e_commitment,
                                 self.e_section, self.e_theme)):
            entry.addWidget(w, 1, col)
        entry.addWidget(self.e_text, 2, 0, 1, 5)
        entry.addWidget(self.e_add, 2, 5)
        entry.setColumnStretch(2, 2)
        entry.setColumnStretch(3, 1)
        v.addLayout(entry)
        # the answer
        answer = QGridLayout()
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
        v.addLayout(answer)
        self.shown: list[Any] = []

    # -- reading -----------------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        if changes.touches("consultation", "consultation_comment", "commitment"):
            self.refresh()

    def refresh(self) -> None:
        if self.repo is None or self.repo.closed:
            return
        c = self.repo.consultation.current()
        is_open = c is not None and c.status == "open"
        self.opening.setVisible(c is None or c.status == "closed")
        for w in (self.e_date, self.e_channel, self.e_commitment, self.e_section, self.e_theme,
                  self.e_text, self.e_add, self.a_response, self.a_reason, self.a_change,
                  self.a_save, self.close_button):
            w.setEnabled(is_open)
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
        made = ops.add_comment(parent=self, repo=self.repo, date=self.e_date.text(),
                               channel=self.e_channel.currentData() or "",
                               commitment=self.e_commitment.currentData() or "",
                               section=self.e_section.text(), theme=self.e_theme.text(),
                               text=self.e_text.text())
        if made is not None:
            self.e_text.clear()
            self.e_text.setFocus()
        return made

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
                "respuesta-consulta.pdf", "PDF (*.pdf);;CSV (*.csv);;JSON (*.json)")
        if not path:
            return None
        return write_accountability(self.repo, path)

    # -- words -------------------------------------------------------------------------
    def retranslate(self) -> None:
        hint = numeric_hint()
        self.report_button.setText(_("Informe de respuesta (PDF)…"))
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
        self.a_save.setText(_("Guardar respuesta"))
        self.refresh()
