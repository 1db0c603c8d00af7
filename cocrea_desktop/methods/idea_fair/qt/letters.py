"""The fair panel of the phase kind "fair_letters": the commitment letters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core import dates
from cocrea_desktop.i18n import _
from cocrea_desktop.methods.idea_fair.qt.common import (
    FairFiles,
    FairPanel,
    as_number_edit,
    rows_view,
    selected_key,
)
from cocrea_desktop.methods.idea_fair.qt.models import (
    TextRowsModel,
    level_name,
)
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.forms.fair_letter_form import Ui_FairLetterForm
from cocrea_desktop.ui.places import start_folder
from cocrea_desktop.ui.views.panel import big
from cocrea_desktop.ui.widgets.fit import fit_columns


class FairLettersPanel(FairPanel):
    """Draft a carta compromiso per agreement, print it, attach the signed paper's scan."""

    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        """The keys this panel binds, for the session screen's help (F1)."""
        from cocrea_desktop.ui.qt_i18n import key_text

        return [
            (key_text("Return"), _("Pasar al campo siguiente; en «Testigo», redactar la carta")),
            (key_text("Ctrl+Return"), _("Redactar la carta compromiso")),
            ("Ctrl+P", _("Imprimir la carta compromiso elegida (PDF)")),
        ]

    FIELDS = ("letter_date", "team_commits", "authority_commits", "next_step",
              "next_step_date", "follow_up_contact", "witness")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter)

        # The form is the Designer file ui/fair_letter.ui (ui/forms/fair_letter_form.py).
        left = QWidget()
        ui = self.ui = Ui_FairLetterForm()
        ui.setupUi(left)
        self.form = left
        self.form_title = big(ui.letter_form_title, 1.2)
        self.agreements = ui.agreements
        self.agreements.activated.connect(self._agreement_chosen)
        self.stand_label, self.authority_label = ui.stand_label, ui.authority_label
        self.stand = as_number_edit(ui.letter_stand)
        self.authority = as_number_edit(ui.letter_authority)
        self.prefill = ui.letter_prefill
        self.edits: dict[str, QLineEdit] = {key: getattr(ui, "letter_" + key)
                                            for key in self.FIELDS}
        self.labels: dict[str, QLabel] = {key: getattr(ui, key + "_label")
                                          for key in self.FIELDS}
        for key, edit in self.edits.items():
            edit.returnPressed.connect(self.draft if key == "witness" else self.focusNextChild)
        self.draft_button = ui.draft_letter
        self.draft_button.clicked.connect(self.draft)
        # The feedback line (the fair panels' own) goes under the button.
        ui.main_layout.insertWidget(ui.main_layout.indexOf(self.draft_button) + 1,
                                    self.feedback)
        splitter.addWidget(left)

        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        self.list_title = big(QLabel(objectName="letters_title"), 1.2)
        right_box.addWidget(self.list_title)
        self.model = TextRowsModel(self)
        self.table = rows_view(self.model, "letters")
        right_box.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.print_button = QPushButton(objectName="print_letter")
        self.attach_button = QPushButton(objectName="attach_scan")
        self.print_button.clicked.connect(self.print_letter)
        self.attach_button.clicked.connect(self.attach_scan)
        row.addWidget(self.print_button)
        row.addWidget(self.attach_button)
        row.addStretch(1)
        # The chosen letter to the process's proposals (the same form as the results').
        self.promote_button = QPushButton(objectName="promote_letter")
        self.promote_button.clicked.connect(lambda _c=False: self.promote())
        row.addWidget(self.promote_button)
        right_box.addLayout(row)
        self.scans = QLabel(objectName="letter_scans")
        self.scans.setWordWrap(True)
        self.scans.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right_box.addWidget(self.scans)
        splitter.addWidget(right)
        splitter.setSizes([600, 750])
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.update_buttons())
        self.stand.textChanged.connect(lambda _t: self._show_prefill())
        self.authority.textChanged.connect(lambda _t: self._show_prefill())
        self.stand.returnPressed.connect(lambda: self.authority.setFocus())
        self.authority.returnPressed.connect(lambda: self.edits["team_commits"].setFocus())
        self.shortcut("Ctrl+Return", self.draft)
        self.shortcut("Ctrl+P", self.print_letter)
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.stand

    def _lookups(self) -> tuple[dict, dict]:
        return ({s.number: s for s in self.stands()}, {a.number: a for a in self.authorities()})

    def refresh(self) -> None:
        if self.repo is None:
            return
        stands, authorities = self._lookups()
        by_id_s = {s.id: s for s in stands.values()}
        by_id_a = {a.id: a for a in authorities.values()}
        letters = self.repo.fair.letters(self.session_id)
        chosen = selected_key(self.table)
        self.model.set_table(
            [_("Folio"), _("Stand"), _("Proyecto"), _("Autoridad"), _("Fecha"),
             _("Firmada (adjuntos)")],
            [(letter.id, [letter.folio, str(by_id_s[letter.stand_id].number),
                          by_id_s[letter.stand_id].title, by_id_a[letter.authority_id].name,
                          dates.format_date(letter.letter_date, "numeric"),
                          str(len(self.repo.fair.attachments(letter.id)))])
             for letter in letters])
        fit_columns(self.table, [70, 50, 220, 160, 90])
        for row in range(self.model.rowCount()):
            if self.model.key_at(row) == chosen:
                self.table.selectRow(row)
        # Agreements (commit or meeting) without a letter yet, for a quick pick.
        have = {(by_id_s[letter.stand_id].number, by_id_a[letter.authority_id].number)
                for letter in letters}
        matrix = self.repo.fair.interest_matrix(self.session_id)
        self.agreements.clear()
        self.agreements.addItem(_("Elegir un acuerdo de la matriz de interés…"), None)
        for (s, a), level in sorted(matrix.items()):
            if level in ("commit", "meeting") and (s, a) not in have and s in stands \
                    and a in authorities:
                self.agreements.addItem(_("Stand {stand} «{title}» con {name}: {level}").format(
                    stand=s, title=stands[s].title, name=authorities[a].name,
                    level=level_name(level)), (s, a))
        self.list_title.setText(_("Cartas compromiso: {count}").format(count=len(letters)))
        self._show_prefill()
        self.update_buttons()

    def _agreement_chosen(self, _index: int) -> None:
        pair = self.agreements.currentData()
        if pair:
            self.stand.setText(str(pair[0]))
            self.authority.setText(str(pair[1]))
            self.edits["team_commits"].setFocus()

    def _show_prefill(self) -> None:
        if self.repo is None:
            return
        stands, authorities = self._lookups()
        s = int(self.stand.text()) if self.stand.text() else None
        a = int(self.authority.text()) if self.authority.text() else None
        lines = []
        if s in stands:
            st = stands[s]
            lines.append(_("Proyecto: {title} — {summary}").format(title=st.title,
                                                                  summary=st.summary or "—"))
            lines.append(_("Problema: {problem} · Equipo: {team}").format(
                problem=st.problem or "—", team=st.organisation or "—"))
        elif s:
            lines.append(_("No existe ese stand"))
        if a in authorities:
            lines.append(_("Autoridad: {label}").format(label=authorities[a].label()))
        elif a:
            lines.append(_("No existe esa autoridad"))
        self.prefill.setText("\n".join(lines) or _("Escriba el número de stand y el de la "
                                                   "autoridad: la carta toma sus datos."))

    def draft(self) -> None:
        if self.repo is None:
            return
        if not self.stand.text() or not self.authority.text():
            self.feedback.setText(_("Escriba el número de stand y el de la autoridad."))
            self.stand.setFocus()
            return
        values = {k: e.text() for k, e in self.edits.items()}
        letter = ops.draft_letter(parent=self, repo=self.repo, session_id=self.session_id,
                                  stand_number=int(self.stand.text()),
                                  authority_number=int(self.authority.text()), **values)
        if letter is not None:
            self.feedback.setText(_("Carta {folio} redactada. Imprímala (Ctrl+P) para "
                                    "firmarla.").format(folio=letter.folio))
            self.stand.setText("")
            self.authority.setText("")
            for key, edit in self.edits.items():
                edit.setText(_today() if key == "letter_date" else "")
            for row in range(self.model.rowCount()):
                if self.model.key_at(row) == letter.id:
                    self.table.selectRow(row)
            self.stand.setFocus()

    def current_letter(self):
        letter_id = selected_key(self.table)
        if letter_id is None and self.model.rowCount():
            letter_id = self.model.key_at(self.model.rowCount() - 1)
        return self.repo.fair.letter(letter_id) if letter_id and self.repo else None

    def update_buttons(self) -> None:
        letter = self.current_letter() if self.repo is not None else None
        self.print_button.setEnabled(letter is not None)
        self.attach_button.setEnabled(letter is not None and not self.repo.read_only)
        self.promote_button.setEnabled(letter is not None and not self.repo.read_only)
        if letter is None:
            self.scans.setText("")
            return
        files = self.repo.fair.attachments(letter.id)
        self.scans.setText(_("{folio}: sin foto ni escaneo de la carta firmada.").format(
            folio=letter.folio) if not files else "\n".join(
            _("{folio}: {name} · SHA-256 {digest}").format(
                folio=letter.folio, name=f["file_name"], digest=f["sha256"][:16] + "…")
            for f in files))

    def print_letter(self) -> None:
        letter = self.current_letter()
        if letter is None:
            return
        from cocrea_desktop.methods.idea_fair.pdf import write_letter

        folio = letter.folio
        self.print_pdf(_("Guardar la carta {folio}").format(folio=folio),
                       f"carta-{folio}.pdf",
                       lambda repo, sid, target: write_letter(repo, sid, folio, target))

    def promote(self):
        """«Promover a propuesta…» on the chosen letter (its stand's project, with what the
        authority committed to)."""
        from cocrea_desktop.ui.dialogs.proposal_dialog import promote_with_dialog

        letter = self.current_letter()
        if self.repo is None or self.repo.read_only:
            return None
        return promote_with_dialog(self, self.repo, self.session_id,
                                   letter.id if letter is not None else None)

    def attach_scan(self) -> None:
        letter = self.current_letter()
        if letter is None or self.repo is None:
            return
        chosen = FairFiles.ask_open_path(
            self, _("Foto o escaneo de la carta firmada {folio}").format(folio=letter.folio),
            str(start_folder(self.repo)))
        if not chosen:
            return
        digest = ops.attach_letter_scan(parent=self, repo=self.repo, letter_id=letter.id,
                                        path=chosen)
        if digest:
            self.feedback.setText(_("Adjunto a {folio}: {name} (SHA-256 {digest}…)").format(
                folio=letter.folio, name=Path(chosen).name, digest=digest[:16]))

    def retranslate(self) -> None:
        self.ui.retranslateUi(self.form)
        if not self.edits["letter_date"].text():
            self.edits["letter_date"].setText(_today())
        for key in ("letter_date", "next_step_date"):  # as people write dates here
            self.edits[key].setPlaceholderText(dates.numeric_hint())
        self.print_button.setText(_("Imprimir carta (PDF)… Ctrl+P"))
        self.attach_button.setText(_("Adjuntar foto o escaneo firmado…"))
        self.promote_button.setText(_("Promover a propuesta…"))
        self.promote_button.setToolTip(_("Llevar la carta elegida a la lista de propuestas "
                                         "del proceso"))
        if self.repo is not None:
            self.refresh()
        else:
            self.prefill.setText("")


def _today() -> str:
    """Today as people write it in the language in force (27/03/2027)."""
    return dates.format_date(dt.date.today(), "numeric")
