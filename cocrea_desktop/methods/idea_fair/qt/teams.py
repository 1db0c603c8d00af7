"""The fair panel of the phase kind "fair_teams": register the promoter teams fast."""

from __future__ import annotations

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

from cocrea_desktop.i18n import _
from cocrea_desktop.methods.idea_fair.qt.common import (
    FairPanel,
    as_number_edit,
    rows_view,
    selected_key,
)
from cocrea_desktop.methods.idea_fair.qt.models import (
    TextRowsModel,
)
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.forms.fair_stand_form import Ui_FairStandForm
from cocrea_desktop.ui.views.panel import big
from cocrea_desktop.ui.widgets.fit import fit_columns


class FairTeamsPanel(FairPanel):
    """Register the promoter teams fast: Tab between fields, Enter saves; F2 edits."""

    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        """The keys this panel binds, for the session screen's help (F1)."""
        from cocrea_desktop.ui.qt_i18n import key_text

        return [
            (key_text("Tab"), _("Pasar al campo siguiente")),
            (key_text("Return"), _("Guardar el equipo promotor y su stand")),
            ("F2", _("Editar el stand elegido en la lista (o doble clic)")),
            (key_text("Escape"), _("Dejar de editar y vaciar el formulario")),
        ]

    FIELDS = ("title", "summary", "problem", "theme", "organisation", "asks")
    PERSONAL = ("contact_name", "contact_phone")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editing_id: str | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter)

        # The form is the Designer file ui/fair_stand.ui (ui/forms/fair_stand_form.py).
        left = QWidget()
        ui = self.ui = Ui_FairStandForm()
        ui.setupUi(left)
        self.form = left
        self.form_title = big(ui.team_form_title, 1.2)
        self.number = as_number_edit(ui.stand_number)
        self.edits: dict[str, QLineEdit] = {
            key: getattr(ui, "stand_" + key) for key in (*self.FIELDS, *self.PERSONAL)}
        self.labels: dict[str, QLabel] = {
            key: getattr(ui, key + "_label") for key in ("number", *self.edits)}
        self.personal, self.personal_note = ui.personal_data, ui.personal_note
        self.save_button, self.cancel_button = ui.save_stand, ui.cancel_edit
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.clear_form)
        # The feedback line (the fair panels' own) goes under the buttons.
        ui.main_layout.insertWidget(ui.main_layout.indexOf(ui.buttons) + 1, self.feedback)
        for edit in [self.number, *self.edits.values()]:
            edit.returnPressed.connect(self.save)
        splitter.addWidget(left)

        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        self.count = big(QLabel(objectName="stand_count"), 1.2)
        right_box.addWidget(self.count)
        self.model = TextRowsModel(self)
        self.table = rows_view(self.model, "stands")
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        right_box.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.edit_button = QPushButton(objectName="edit_stand")
        self.edit_button.clicked.connect(self.edit_selected)
        row.addStretch(1)
        row.addWidget(self.edit_button)
        right_box.addLayout(row)
        splitter.addWidget(right)
        splitter.setSizes([560, 790])
        self.shortcut("F2", self.edit_selected)
        self.shortcut("Escape", self.clear_form)
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.edits["title"]

    def refresh(self) -> None:
        if self.repo is None:
            return
        stands = self.stands()
        self.model.set_table(
            [_("Stand"), _("Proyecto"), _("Tema"), _("Equipo promotor"), _("Lo que piden")],
            [(s.id, [str(s.number), s.title, s.theme, s.organisation, s.asks]) for s in stands])
        fit_columns(self.table, [60, 270, 110, 170])
        self.count.setText(_("Equipos registrados: {count}").format(count=len(stands)))
        if self.editing_id is None:
            self.number.setPlaceholderText(str(max((s.number for s in stands), default=0) + 1))

    def values(self) -> dict[str, str]:
        return {k: e.text() for k, e in self.edits.items()}

    def save(self) -> None:
        if self.repo is None:
            return
        values = self.values()
        if not values["title"].strip():
            self.feedback.setText(_("Escriba al menos el título del proyecto."))
            self.edits["title"].setFocus()
            return
        if self.editing_id is not None:
            if ops.edit_stand(parent=self, repo=self.repo, stand_id=self.editing_id, **values):
                self.feedback.setText(_("Cambios guardados."))
                self.clear_form()
            return
        title = values.pop("title")
        number = int(self.number.text()) if self.number.text() else None
        stand = ops.add_stand(parent=self, repo=self.repo, session_id=self.session_id,
                              title=title, number=number, **values)
        if stand is not None:
            self.feedback.setText(_("Stand {number} registrado: {title}").format(
                number=stand.number, title=stand.title))
            self.clear_form()

    def clear_form(self) -> None:
        self.editing_id = None
        self.number.setEnabled(True)
        self.number.setText("")
        for edit in self.edits.values():
            edit.setText("")
        self.retranslate_form()
        self.refresh()
        self.edits["title"].setFocus()

    def edit_selected(self) -> None:
        stand_id = selected_key(self.table)
        stand = next((s for s in self.stands() if s.id == stand_id), None)
        if stand is None:
            return
        self.editing_id = stand.id
        self.number.setText(str(stand.number))
        self.number.setEnabled(False)
        for key, edit in self.edits.items():
            edit.setText(getattr(stand, key))
        self.retranslate_form()
        self.edits["title"].setFocus()
        self.edits["title"].selectAll()

    def retranslate_form(self) -> None:
        if self.editing_id is None:
            self.form_title.setText(_("Nuevo equipo promotor"))
            self.save_button.setText(_("Registrar (Intro)"))
        else:
            self.form_title.setText(_("Editar el stand {number}").format(
                number=self.number.text()))
            self.save_button.setText(_("Guardar cambios (Intro)"))
        self.cancel_button.setVisible(self.editing_id is not None)

    def retranslate(self) -> None:
        self.ui.retranslateUi(self.form)
        self.edit_button.setText(_("Editar el stand elegido (F2)"))
        self.retranslate_form()
        if self.repo is not None:
            self.refresh()
