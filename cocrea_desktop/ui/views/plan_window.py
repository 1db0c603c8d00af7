"""«Plan de Acción»: the Local Action Plan at the office, in one window with three tabs.

Compromisos: the list, the editor in the OGP template with its milestones table,
the SMART panel (each criterion ticked with a note, and what the program sees for
itself), the origin trace as links (a double-click or Enter opens the proposal or
the session). STL: the members (who rotate), added here. Acuerdos: the decisions,
recorded with who was present and each one's position, and the minutes of one as
a PDF to sign. The PAL itself as PDF or DOCX. Every change is one action of the
process's undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.core.dates import numeric_hint
from cocrea_desktop.i18n import _, ngettext
from cocrea_desktop.store.commitments import PILLARS, SMART, field_title, findings
from cocrea_desktop.store.stl import KINDS, POSITIONS, SECTORS, show_date, word
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.places import in_start_folder
from cocrea_desktop.ui.qt_i18n import language_signal
from cocrea_desktop.ui.widgets.fit import fit_window

LONG_FIELDS = ("problem", "baseline", "description", "objective", "how_it_helps",
               "public_input")
SHORT_FIELDS = ("name", "start_date", "end_date", "responsible", "other_actors", "axis",
                "budget", "plan_links")


DATE_FIELDS = ("start_date", "end_date")


def show_start(edit: QLineEdit | None, text: str) -> None:
    """Put text in a one-line box showing its beginning, the whole text as a tooltip."""
    if edit is None:
        return
    if edit.text() != text:
        edit.setText(text)
    edit.setCursorPosition(0)
    edit.setToolTip(text)


class PlanWindow(QWidget):
    def __init__(self, repo: Any, parent: QWidget | None = None, *,
                 open_link: Callable[[Any], None] | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("plan_window")
        self.repo = repo
        self.open_link = open_link
        self.current_id: str | None = None
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(objectName="plan_tabs")
        layout.addWidget(self.tabs, 1)
        self._build_commitments()
        self._build_members()
        self._build_decisions()
        self._build_versions()
        from cocrea_desktop.ui.views.consultation_page import ConsultationPage

        self.consultation = ConsultationPage(repo)
        self.tabs.addTab(self.consultation, "")

        from cocrea_desktop.ui.views.followup_tab import FollowupTab

        self.followup = FollowupTab(repo)
        self.tabs.addTab(self.followup, "")
        bottom = QHBoxLayout()
        self.pal_pdf = QPushButton(objectName="pal_pdf")
        self.pal_docx = QPushButton(objectName="pal_docx")
        self.pal_pdf.clicked.connect(lambda _c=False: self.write_pal(".pdf"))
        self.pal_docx.clicked.connect(lambda _c=False: self.write_pal(".docx"))
        self.status = QLabel(objectName="plan_status")
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.pal_pdf)
        bottom.addWidget(self.pal_docx)
        layout.addLayout(bottom)
        ops.bus().changed.connect(self.on_changes)
        language_signal().changed.connect(self._on_language)
        fit_window(self, 1280, 720)
        keys = [QKeySequence("Ctrl+W"), QKeySequence(Qt.Key.Key_Escape)]
        keys += [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Close)
                 if k not in keys]  # one shortcut for all: a key twice would be ambiguous
        closing = QShortcut(self)
        closing.setContext(Qt.ShortcutContext.WindowShortcut)
        closing.setKeys(keys)
        closing.activated.connect(self.close)
        add_milestone = QShortcut(QKeySequence("Ctrl+Shift+H"), self,
                                  context=Qt.ShortcutContext.WindowShortcut)
        add_milestone.activated.connect(self.add_milestone)
        # Not the button's own shortcut: the "&" in its text replaces that with Alt+G.
        save = QShortcut(QKeySequence.StandardKey.Save, self,
                         context=Qt.ShortcutContext.WindowShortcut)
        save.activated.connect(self._save_by_key)
        self.retranslate()
        if self.list.count() and self.current_id is None:
            self.list.setCurrentRow(0)  # open on the first commitment, not a blank editor

    # -- building -------------------------------------------------------------------
    def _build_commitments(self) -> None:
        page = QWidget(objectName="commitments_page")
        split = QSplitter(Qt.Orientation.Horizontal, page)
        outer = QVBoxLayout(page)
        outer.addWidget(split)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(objectName="commitments_list")
        self.list.currentRowChanged.connect(lambda _r: self.show_current())
        self.new_button = QPushButton(objectName="new_commitment")
        self.new_button.clicked.connect(lambda _c=False: self.new_commitment())
        lv.addWidget(self.list, 1)
        lv.addWidget(self.new_button)
        split.addWidget(left)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        editor = QWidget(objectName="commitment_editor")
        scroll.setWidget(editor)
        ev = QVBoxLayout(editor)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.fields: dict[str, Any] = {}
        self.field_labels: dict[str, QLabel] = {}
        for key in ("name", "start_date", "end_date"):
            self._add_field(key, QLineEdit(objectName=f"field_{key}"))
        agency = QComboBox(objectName="field_lead_agency")
        agency.setEditable(True)
        self.fields["lead_agency"] = agency
        self.field_labels["lead_agency"] = QLabel()
        self.field_labels["lead_agency"].setBuddy(agency)
        agency_row = QWidget()
        ah = QHBoxLayout(agency_row)
        ah.setContentsMargins(0, 0, 0, 0)
        ah.addWidget(agency, 1)
        self.add_agency_button = QPushButton(objectName="add_agency")
        self.add_agency_button.clicked.connect(lambda _c=False: self.add_agency())
        ah.addWidget(self.add_agency_button)
        self.form.addRow(self.field_labels["lead_agency"], agency_row)
        for key in ("responsible", "other_actors"):
            self._add_field(key, QLineEdit(objectName=f"field_{key}"))
        for key in LONG_FIELDS[:5]:
            edit = QPlainTextEdit(objectName=f"field_{key}")
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(54)
            self._add_field(key, edit)
        pillars = QWidget(objectName="pillars")
        ph = QGridLayout(pillars)
        ph.setContentsMargins(0, 0, 0, 0)
        self.pillar_boxes = {k: QCheckBox(objectName=f"pillar_{k}") for k in PILLARS}
        for i, box in enumerate(self.pillar_boxes.values()):
            ph.addWidget(box, i // 2, i % 2)
        self.field_labels["pillars"] = QLabel()
        self.form.addRow(self.field_labels["pillars"], pillars)
        for key in ("axis", "budget", "plan_links"):
            self._add_field(key, QLineEdit(objectName=f"field_{key}"))
        edit = QPlainTextEdit(objectName="field_public_input")
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(54)
        self._add_field("public_input", edit)
        self.proposals_edit = QLineEdit(objectName="field_proposals")
        self.proposals_label = QLabel()
        self.proposals_label.setBuddy(self.proposals_edit)
        self.form.addRow(self.proposals_label, self.proposals_edit)
        self._add_field("office_reason", QLineEdit(objectName="field_office_reason"))
        ev.addLayout(self.form)
        self.milestones_title = QLabel(objectName="milestones_title")
        ev.addWidget(self.milestones_title)
        self.milestones = QTableWidget(0, 4, objectName="milestones")
        self.milestones.setTabKeyNavigation(False)
        # The milestone and its product share the width; the person and the date take
        # what their words need ("Producto verificable" was cut on both sides at 100 px).
        header = self.milestones.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        self.milestones.setMinimumHeight(110)
        ev.addWidget(self.milestones)
        mb = QHBoxLayout()
        self.add_row = QPushButton(objectName="add_milestone")
        self.del_row = QPushButton(objectName="remove_milestone")
        self.add_row.clicked.connect(lambda _c=False: self.add_milestone())
        self.del_row.clicked.connect(lambda _c=False: self.milestones.removeRow(
            self.milestones.currentRow()) if self.milestones.currentRow() >= 0 else None)
        self.save_button = QPushButton(objectName="save_commitment")
        self.save_button.clicked.connect(lambda _c=False: self.save())
        mb.addWidget(self.add_row)
        mb.addWidget(self.del_row)
        mb.addStretch(1)
        mb.addWidget(self.save_button)
        ev.addLayout(mb)
        split.addWidget(scroll)
        right = QWidget(objectName="smart_panel")
        rv = QVBoxLayout(right)
        self.smart_title = QLabel(objectName="smart_title")
        rv.addWidget(self.smart_title)
        grid = QGridLayout()
        self.smart_boxes: dict[str, QCheckBox] = {}
        self.smart_notes: dict[str, QLineEdit] = {}
        for row, key in enumerate(SMART):
            box = QCheckBox(objectName=f"smart_{key}")
            note = QLineEdit(objectName=f"smart_note_{key}")
            box.clicked.connect(lambda _c=False, key=key: self.tick(key))
            note.editingFinished.connect(lambda key=key: self.tick(key, only_if_changed=True))
            self.smart_boxes[key], self.smart_notes[key] = box, note
            grid.addWidget(box, row, 0)
            grid.addWidget(note, row, 1)
        grid.setColumnStretch(1, 1)
        rv.addLayout(grid)
        self.findings = QLabel(objectName="smart_findings")
        self.findings.setWordWrap(True)
        rv.addWidget(self.findings)
        self.trace_title = QLabel(objectName="trace_title")
        rv.addWidget(self.trace_title)
        self.trace = QListWidget(objectName="origin_trace")
        self.trace.setWordWrap(True)
        self.trace.itemActivated.connect(self.follow)
        rv.addWidget(self.trace, 1)
        split.addWidget(right)
        self.list.setWordWrap(True)
        split.setStretchFactor(1, 1)
        split.setStretchFactor(2, 1)
        split.setSizes([200, 520, 440])  # the SMART notes and the origin links need room
        self.tabs.addTab(page, "")

    def _add_field(self, key: str, widget: QWidget) -> None:
        label = QLabel()
        label.setBuddy(widget)
        self.fields[key] = widget
        self.field_labels[key] = label
        self.form.addRow(label, widget)

    def _build_members(self) -> None:
        page = QWidget(objectName="members_page")
        v = QVBoxLayout(page)
        self.members = QTableWidget(0, 5, objectName="stl_members")
        self.members.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members.horizontalHeader().setStretchLastSection(True)
        self.members.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        v.addWidget(self.members, 1)
        form = QHBoxLayout()
        self.m_name = QLineEdit(objectName="member_name")
        self.m_sector = QComboBox(objectName="member_sector")
        self.m_org = QLineEdit(objectName="member_organisation")
        self.m_role = QLineEdit(objectName="member_role")
        self.m_start = QLineEdit(objectName="member_start")
        self.m_facilitator = QCheckBox(objectName="member_facilitator")
        self.m_add = QPushButton(objectName="add_member")
        self.m_add.clicked.connect(lambda _c=False: self.add_member())
        for w in (self.m_name, self.m_sector, self.m_org, self.m_role, self.m_start,
                  self.m_facilitator, self.m_add):
            form.addWidget(w)
        v.addLayout(form)
        ending = QHBoxLayout()
        self.m_end_label = QLabel()
        self.m_end = QLineEdit(objectName="member_end")
        self.m_end_label.setBuddy(self.m_end)
        self.m_end_button = QPushButton(objectName="end_member")
        self.m_end_button.clicked.connect(lambda _c=False: self.end_member())
        ending.addWidget(self.m_end_label)
        ending.addWidget(self.m_end)
        ending.addWidget(self.m_end_button)
        ending.addStretch(1)
        v.addLayout(ending)
        self.tabs.addTab(page, "")

    def _build_decisions(self) -> None:
        page = QWidget(objectName="decisions_page")
        v = QVBoxLayout(page)
        self.decisions = QTableWidget(0, 4, objectName="stl_decisions")
        self.decisions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.decisions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.decisions.horizontalHeader().setStretchLastSection(True)
        v.addWidget(self.decisions, 1)
        self.minutes_button = QPushButton(objectName="decision_minutes")
        self.minutes_button.clicked.connect(lambda _c=False: self.write_minutes())
        v.addWidget(self.minutes_button, 0, Qt.AlignmentFlag.AlignRight)
        self.new_decision_title = QLabel(objectName="new_decision_title")
        v.addWidget(self.new_decision_title)
        row = QHBoxLayout()
        self.d_date = QLineEdit(objectName="decision_date")
        self.d_item = QLineEdit(objectName="decision_item")
        self.d_proposal = QLineEdit(objectName="decision_proposal")
        self.d_kind = QComboBox(objectName="decision_kind")
        self.d_subject = QComboBox(objectName="decision_commitment")
        self.d_date.setMinimumWidth(150)
        for w in (self.d_date, self.d_item, self.d_proposal, self.d_kind, self.d_subject):
            row.addWidget(w, 2 if w in (self.d_item, self.d_proposal) else 1)
        v.addLayout(row)
        self.present = QTableWidget(0, 3, objectName="decision_present")
        self.present.horizontalHeader().setStretchLastSection(True)
        self.present.setMaximumHeight(170)
        v.addWidget(self.present)
        votes = QHBoxLayout()
        self.d_vote = QCheckBox(objectName="decision_by_vote")
        self.v_for, self.v_against, self.v_abstain = (QSpinBox(objectName=n) for n in (
            "votes_for", "votes_against", "votes_abstain"))
        self.v_labels = [QLabel() for _i in range(3)]
        votes.addWidget(self.d_vote)
        for label, spin in zip(self.v_labels, (self.v_for, self.v_against, self.v_abstain),
                               strict=True):
            label.setBuddy(spin)
            votes.addWidget(label)
            votes.addWidget(spin)
        votes.addStretch(1)
        self.d_record = QPushButton(objectName="record_decision")
        self.d_record.clicked.connect(lambda _c=False: self.record_decision())
        votes.addWidget(self.d_record)
        v.addLayout(votes)
        self.tabs.addTab(page, "")

    def _build_versions(self) -> None:
        page = QWidget(objectName="versions_page")
        v = QVBoxLayout(page)
        self.versions_title = QLabel(objectName="versions_title")
        self.versions_title.setWordWrap(True)
        v.addWidget(self.versions_title)
        self.versions = QTableWidget(0, 5, objectName="commitment_versions")
        self.versions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.versions.setWordWrap(True)
        self.versions.horizontalHeader().setStretchLastSection(True)
        v.addWidget(self.versions, 1)
        row = QHBoxLayout()
        self.advance_label = QLabel()
        self.advance_decision = QComboBox(objectName="advance_decision")
        self.advance_label.setBuddy(self.advance_decision)
        self.approve_button = QPushButton(objectName="mark_approved")
        self.final_button = QPushButton(objectName="mark_final")
        self.approve_button.clicked.connect(lambda _c=False: self.advance("approved"))
        self.final_button.clicked.connect(lambda _c=False: self.advance("final"))
        row.addWidget(self.advance_label)
        row.addWidget(self.advance_decision, 1)
        row.addWidget(self.approve_button)
        row.addWidget(self.final_button)
        v.addLayout(row)
        self.tabs.addTab(page, "")

    def _fill_versions(self) -> None:
        c = self.commitment()
        names = {"consultation": _("A consulta"), "approved": _("Aprobado"),
                 "final": _("Final"), "current": _("Actual")}
        self.versions.setRowCount(0)
        if c is None:
            self.versions_title.setText(_("Elija un compromiso o redacte uno nuevo."))
            return
        versions = self.repo.commitments.versions(c.id)
        order = [s for s in ("consultation", "approved", "final", "current") if s in versions]
        self.versions.setColumnCount(1 + len(order))
        self.versions.setHorizontalHeaderLabels([_("Campo")] + [names[s] for s in order])
        changed = {key for key, _t in self.repo.commitments.compare(c.id)}
        self.versions_title.setText(_("Compromiso {label}: {n} campos cambiaron "
                                      "(en negritas).").format(label=c.label, n=len(changed)))
        for key, texts in self.repo.commitments.compare(c.id, changed_only=False):
            r = self.versions.rowCount()
            self.versions.insertRow(r)
            for col, text in enumerate([field_title(key), *texts]):
                item = QTableWidgetItem(text)
                if key in changed:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.versions.setItem(r, col, item)
        self.versions.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.versions.resizeRowsToContents()
        self.advance_decision.clear()
        for d in self.repo.stl.decisions():
            if d.approved:
                self.advance_decision.addItem(
                    f"{d.label}. {show_date(d.date)} · {d.agenda_item}", d.id)
        writable = not self.repo.read_only
        self.approve_button.setEnabled(writable and c.stage == "consultation")
        self.final_button.setEnabled(writable and c.stage == "approved")

    def advance(self, stage: str) -> Any:
        c = self.commitment()
        decision = self.advance_decision.currentData()
        if c is None or not decision:
            return None
        return ops.advance_commitment(parent=self, repo=self.repo, commitment_id=c.id,
                                      stage=stage, decision_id=decision)

    def add_agency(self) -> Any:
        """The agency typed in the lead agency's box goes on the process's list."""
        name = self.fields["lead_agency"].currentText()
        return ops.add_agency(parent=self, repo=self.repo, name=name)

    def end_member(self) -> Any:
        row = self.members.currentRow()
        members = self.repo.stl.members()
        if not 0 <= row < len(members):
            return None
        return ops.edit_stl_member(parent=self, repo=self.repo, member_id=members[row].id,
                                   end_date=self.m_end.text())

    # -- reading --------------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        if self.repo is None or self.repo.closed:
            return
        if changes.touches("commitment", "commitment_milestone", "stl_member", "stl_decision",
                           "agency", "commitment_version", "proposal"):
            self.refresh()
        elif changes.touches("consultation", "consultation_comment", "consultation_form"):
            self.consultation.refresh()
        else:
            self.consultation._undo_state()

    def refresh(self) -> None:
        if self.repo is None or self.repo.closed:
            return
        keep = self.current_id
        self.list.blockSignals(True)
        self.list.clear()
        for c in self.repo.commitments.list():
            item = QListWidgetItem(f"{c.label}. {c.name} — {c.stage_text}")
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.list.addItem(item)
            if c.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        agency = self.fields["lead_agency"]
        text = agency.currentText()
        agency.clear()
        agency.addItems(["", *self.repo.commitments.agencies()])
        agency.setCurrentText(text)
        self.show_current()
        self._fill_members()
        self._fill_decisions()
        self.consultation.refresh()
        c, m, d = self.list.count(), self.members.rowCount(), self.decisions.rowCount()
        self.status.setText(" · ".join((
            ngettext("{n} compromiso", "{n} compromisos", c).format(n=c),
            ngettext("{n} integrante del STL", "{n} integrantes del STL", m).format(n=m),
            ngettext("{n} acuerdo", "{n} acuerdos", d).format(n=d))))
        if hasattr(self, "followup"):
            self.followup.refresh()

    def commitment(self) -> Any | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return self.repo.commitments.get(item.data(Qt.ItemDataRole.UserRole))

    def show_current(self) -> None:
        c = self.commitment()
        self.current_id = c.id if c else None
        labels = {p.id: p.label for p in self.repo.proposals.list(include_inactive=True)}
        for key, widget in self.fields.items():
            value = getattr(c, key) if c else ""
            if isinstance(widget, QComboBox):
                widget.setCurrentText(value)
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
            else:
                show_start(widget, show_date(value) if key in DATE_FIELDS else value)
        show_start(self.fields["lead_agency"].lineEdit(), self.fields["lead_agency"].currentText())
        for key, box in self.pillar_boxes.items():
            box.setChecked(bool(c) and key in c.pillars)
        self.proposals_edit.setText(", ".join(labels.get(p, p) for p in c.proposals) if c
                                    else "")
        self.milestones.setRowCount(0)
        for m in (c.milestones if c else ()):
            r = self.milestones.rowCount()
            self.milestones.insertRow(r)
            for col, value in enumerate((m.description, m.output, m.responsible,
                                         show_date(m.due_date))):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.milestones.setItem(r, col, item)
        for key in SMART:
            mark = c.smart.get(key, {}) if c else {}
            self.smart_boxes[key].setChecked(bool(mark.get("ok")))
            show_start(self.smart_notes[key], mark.get("note", ""))
            self.smart_boxes[key].setEnabled(c is not None)
            self.smart_notes[key].setEnabled(c is not None)
        seen = findings(c) if c else []
        self.findings.setText("\n".join("• " + f for f in seen) if seen else _(
            "El programa no ve nada que señalar.") if c else _(
            "Elija un compromiso o redacte uno nuevo."))
        self.trace.clear()
        if c:
            for link in self.repo.commitments.trace(c.id):
                item = QListWidgetItem(link.text)
                item.setData(Qt.ItemDataRole.UserRole, link)
                self.trace.addItem(item)
        writable = not self.repo.read_only and (c is None or c.stage not in ("approved",
                                                                             "final"))
        self.save_button.setEnabled(writable)
        self._fill_versions()

    def _fill_members(self) -> None:
        members = self.repo.stl.members()
        self.members.setRowCount(len(members))
        for r, m in enumerate(members):
            role = m.role + (" · " + _("voz sin voto") if m.facilitator else "")
            for col, text in enumerate((m.name, m.sector_text, m.organisation, role,
                                        f"{show_date(m.start_date) or '…'} — "
                                        f"{show_date(m.end_date) or '…'}")):
                self.members.setItem(r, col, QTableWidgetItem(text))
        self.members.resizeColumnsToContents()
        self.present.setRowCount(0)
        self.present.setRowCount(len(members))
        for r, m in enumerate(members):
            item = QTableWidgetItem(m.name)
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            self.present.setItem(r, 0, item)
            combo = QComboBox()
            if m.facilitator:
                combo.addItem(_("voz sin voto"), "")
            else:
                for key in POSITIONS:
                    combo.addItem(word(POSITIONS, key), key)
            self.present.setCellWidget(r, 1, combo)
            self.present.setItem(r, 2, QTableWidgetItem(""))
        self.present.resizeColumnsToContents()
        self.d_subject.clear()
        self.d_subject.addItem("—", "")
        for c in self.repo.commitments.list():
            self.d_subject.addItem(f"{c.label}. {c.name}", c.id)

    def _fill_decisions(self) -> None:
        decisions = self.repo.stl.decisions()
        self.decisions.setRowCount(len(decisions))
        for r, d in enumerate(decisions):
            point = d.agenda_item + (f" — {d.proposal}" if d.proposal else "")
            texts = (d.label, show_date(d.date), point,
                     f"{d.outcome_text} ({d.tally_text()})")
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, d.id)
                self.decisions.setItem(r, col, item)
        self.decisions.resizeColumnsToContents()

    # -- actions --------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, widget in self.fields.items():
            if isinstance(widget, QComboBox):
                out[key] = widget.currentText()
            elif isinstance(widget, QPlainTextEdit):
                out[key] = widget.toPlainText()
            else:
                out[key] = widget.text()
        out["pillars"] = [k for k, box in self.pillar_boxes.items() if box.isChecked()]
        out["proposals"] = [p.strip() for p in self.proposals_edit.text().split(",")
                            if p.strip()]
        stones = []
        for r in range(self.milestones.rowCount()):
            cells = [self.milestones.item(r, col).text() if self.milestones.item(r, col)
                     else "" for col in range(4)]
            if any(cell.strip() for cell in cells):
                stones.append(dict(zip(("description", "output", "responsible", "due_date"),
                                       cells, strict=True)))
        out["milestones"] = stones
        return out

    def add_milestone(self) -> None:
        """A new empty milestone row, its first cell ready to type in."""
        row = self.milestones.rowCount()
        self.milestones.insertRow(row)
        self.milestones.setCurrentCell(row, 0)
        self.milestones.setFocus()
        self.milestones.editItem(self.milestones.item(row, 0) or self._blank(row))

    def _blank(self, row: int) -> QTableWidgetItem:
        item = QTableWidgetItem("")
        self.milestones.setItem(row, 0, item)
        return item

    def new_commitment(self) -> None:
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
        self.current_id = None
        self.show_current()
        self.fields["name"].setFocus()

    def save(self) -> Any:
        values = self.values()
        if self.current_id is None:
            made = ops.add_commitment(parent=self, repo=self.repo, **values)
            if made is not None:
                self.current_id = made.id
                self.refresh()
            return made
        return ops.edit_commitment(parent=self, repo=self.repo,
                                   commitment_id=self.current_id, **values)

    def _save_by_key(self) -> None:
        if self.tabs.currentIndex() == 0 and self.save_button.isEnabled():
            self.save()

    def tick(self, key: str, *, only_if_changed: bool = False) -> None:
        c = self.commitment()
        if c is None:
            return
        ok, note = self.smart_boxes[key].isChecked(), self.smart_notes[key].text()
        mark = c.smart.get(key, {})
        if only_if_changed and note == mark.get("note", "") and ok == bool(mark.get("ok")):
            return
        if ops.set_smart(parent=self, repo=self.repo, commitment_id=c.id, criterion=key,
                         ok=ok, note=note) is None:
            self.show_current()

    def follow(self, item: QListWidgetItem) -> None:
        link = item.data(Qt.ItemDataRole.UserRole)
        if link is not None and self.open_link is not None:
            self.open_link(link)

    def add_member(self) -> Any:
        made = ops.add_stl_member(parent=self, repo=self.repo, name=self.m_name.text(),
                                  sector=self.m_sector.currentData() or "",
                                  organisation=self.m_org.text(), role=self.m_role.text(),
                                  start_date=self.m_start.text(),
                                  facilitator=self.m_facilitator.isChecked())
        if made is not None:
            for w in (self.m_name, self.m_org, self.m_role):
                w.clear()
        return made

    def record_decision(self) -> Any:
        present, positions = [], {}
        for r in range(self.present.rowCount()):
            item = self.present.item(r, 0)
            if item.checkState() != Qt.CheckState.Checked:
                continue
            mid = item.data(Qt.ItemDataRole.UserRole)
            present.append(mid)
            position = self.present.cellWidget(r, 1).currentData()
            reason = self.present.item(r, 2).text() if self.present.item(r, 2) else ""
            if position:
                positions[mid] = (position, reason)
        by_vote = self.d_vote.isChecked()
        return ops.record_decision(
            parent=self, repo=self.repo, date=self.d_date.text(), agenda_item=self.d_item.text(),
            proposal=self.d_proposal.text(), kind=self.d_kind.currentData(),
            subject_id=self.d_subject.currentData() or "",
            mode="vote" if by_vote else "consensus", present=present,
            positions={} if by_vote else positions,
            votes={"for": self.v_for.value(), "against": self.v_against.value(),
                   "abstain": self.v_abstain.value()})

    def chosen_decision(self) -> str | None:
        item = self.decisions.item(self.decisions.currentRow(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def write_minutes(self, path: str | None = None) -> Any:
        from cocrea_desktop.export.pal import write_minutes

        decision = self.chosen_decision()
        if decision is None:
            return None
        if path is None:
            path, _f = QFileDialog.getSaveFileName(self, _("Acta del acuerdo"),
                                                   in_start_folder(self.repo, "acta-stl.pdf"),
                                                   "PDF (*.pdf)")
        if not path:
            return None
        return write_minutes(self.repo, decision, path)

    def write_pal(self, suffix: str, path: str | None = None) -> Any:
        from cocrea_desktop.export.pal import write_pal_docx, write_pal_pdf

        if path is None:
            path, _f = QFileDialog.getSaveFileName(self, _("Plan de Acción Local"),
                                                   in_start_folder(self.repo, "PAL" + suffix),
                                                   f"(*{suffix})")
        if not path:
            return None
        return (write_pal_pdf(self.repo, path) if suffix == ".pdf"
                else write_pal_docx(self.repo, path))

    # -- words ----------------------------------------------------------------------
    def _on_language(self, _code: str) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Plan de Acción Local"))
        self.tabs.setTabText(0, _("&Compromisos"))
        self.tabs.setTabText(1, _("&STL"))
        self.tabs.setTabText(2, _("&Acuerdos"))
        for key, label in self.field_labels.items():
            title = field_title(key)
            label.setText(title if title.endswith("?") else title + ":")
        hint = numeric_hint()
        self.field_labels["start_date"].setText(_("&Inicio ({hint}):").format(hint=hint))
        self.field_labels["end_date"].setText(_("&Fin ({hint}):").format(hint=hint))
        self.field_labels["name"].setText(_("&Nombre:"))
        self.proposals_label.setText(_("&Propuestas (p. ej. A-1, B-2):"))
        for key, box in self.pillar_boxes.items():
            box.setText(word(PILLARS, key))
        self.milestones_title.setText(_("Hitos"))
        # On two lines where they have two words: the column is narrow at 1024.
        self.milestones.setHorizontalHeaderLabels([
            _("Hito"), _("Producto verificable").replace(" ", "\n", 1), _("Responsable"),
            _("Fecha ({hint})").format(hint=hint).replace(" (", "\n(", 1)])
        self.add_row.setText(_("&Agregar hito"))
        self.add_row.setToolTip(_("Agregar hito (Ctrl+Mayús+H)"))
        self.del_row.setText(_("&Quitar hito"))
        self.save_button.setText(_("&Guardar (Ctrl+S)"))
        self.new_button.setText(_("&Redactar compromiso"))
        self.smart_title.setText(_("Revisión SMART"))
        for key, box in self.smart_boxes.items():
            box.setText(word(SMART, key))
            self.smart_notes[key].setPlaceholderText(_("Nota"))
        self.trace_title.setText(_("Origen (doble clic o Intro para abrir)"))
        self.members.setHorizontalHeaderLabels([_("Nombre"), _("Sector"), _("Organización"),
                                                _("Cargo"), _("Periodo")])
        self.m_name.setPlaceholderText(_("Nombre"))
        self.m_org.setPlaceholderText(_("Organización"))
        self.m_role.setPlaceholderText(_("Cargo"))
        self.m_start.setPlaceholderText(_("Inicio ({hint})").format(hint=hint))
        self.m_facilitator.setText(_("Facilitador (voz sin voto)"))
        self.m_add.setText(_("Agregar al STL"))
        self.m_sector.clear()
        for key in SECTORS:
            self.m_sector.addItem(word(SECTORS, key), key)
        self.decisions.setHorizontalHeaderLabels([_("Núm."), _("Fecha"), _("Punto"),
                                                  _("Resultado")])
        self.minutes_button.setText(_("Acta del acuerdo (PDF)…"))
        self.new_decision_title.setText(_("Nuevo acuerdo: marque quién estuvo y su postura"))
        self.d_date.setPlaceholderText(_("Fecha ({hint})").format(hint=hint))
        self.d_item.setPlaceholderText(_("Punto del orden del día"))
        self.d_proposal.setPlaceholderText(_("Propuesta"))
        self.d_kind.clear()
        for key in KINDS:
            self.d_kind.addItem(word(KINDS, key), key)
        self.present.setHorizontalHeaderLabels([_("Presente"), _("Postura"), _("Razón")])
        self.d_vote.setText(_("Por votación"))
        for label, text in zip(self.v_labels, (_("A favor:"), _("En contra:"),
                                               _("Abstenciones:")), strict=True):
            label.setText(text)
        self.d_record.setText(_("Registrar acuerdo"))
        self.tabs.setTabText(3, _("&Versiones"))
        self.tabs.setTabText(4, _("Consulta &pública"))
        self.consultation.retranslate()
        self.tabs.setTabText(5, _("Segui&miento"))
        self.followup.retranslate()
        self.add_agency_button.setText(_("Agregar a la lista de dependencias"))
        self.advance_label.setText(_("Acuerdo del STL:"))
        self.approve_button.setText(_("Marcar aprobado"))
        self.final_button.setText(_("Marcar final"))
        self.m_end_label.setText(_("Fin del periodo del elegido:"))
        self.m_end.setPlaceholderText(hint)
        self.m_end_button.setText(_("Terminar su periodo"))
        self.pal_pdf.setText(_("PAL en PDF…"))
        self.pal_docx.setText(_("PAL en Word (DOCX)…"))
        self.refresh()
