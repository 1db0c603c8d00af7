"""The fair panel of the phase kind "fair_authorities": the authorities present."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.i18n import _
from cocrea_desktop.methods.idea_fair.qt.common import (
    FairPanel,
    rows_view,
)
from cocrea_desktop.methods.idea_fair.qt.models import (
    TextRowsModel,
)
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.views.panel import big
from cocrea_desktop.ui.widgets.fit import fit_columns


class FairAuthoritiesPanel(FairPanel):
    """The authorities present: name, post, agency; Enter saves."""

    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        """The keys this panel binds, for the session screen's help (F1)."""
        from cocrea_desktop.ui.qt_i18n import key_text

        return [(key_text("Return"), _("Guardar la autoridad"))]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = big(QLabel(objectName="authorities_title"), 1.2)
        layout.addWidget(self.title)
        row = QHBoxLayout()
        self.name_label, self.post_label, self.agency_label = QLabel(), QLabel(), QLabel()
        self.name = QLineEdit(objectName="authority_name")
        self.post = QLineEdit(objectName="authority_post")
        self.agency = QLineEdit(objectName="authority_agency")
        for label, edit in ((self.name_label, self.name), (self.post_label, self.post),
                            (self.agency_label, self.agency)):
            label.setBuddy(edit)
            edit.returnPressed.connect(self.save)
            row.addWidget(label)
            row.addWidget(edit, 1)
        self.save_button = QPushButton(objectName="save_authority")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        layout.addWidget(self.feedback)
        self.model = TextRowsModel(self)
        self.table = rows_view(self.model, "authorities")
        layout.addWidget(self.table, 1)
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.name

    def refresh(self) -> None:
        if self.repo is None:
            return
        self.model.set_table([_("Núm."), _("Nombre"), _("Cargo"), _("Dependencia")],
                            [(a.id, [str(a.number), a.name, a.post, a.agency])
                             for a in self.authorities()])
        fit_columns(self.table, [60, 330, 330])

    def save(self) -> None:
        if self.repo is None:
            return
        if not self.name.text().strip():
            self.feedback.setText(_("Escriba el nombre de la autoridad."))
            self.name.setFocus()
            return
        authority = ops.add_authority(parent=self, repo=self.repo, session_id=self.session_id,
                                      name=self.name.text(), post=self.post.text(),
                                      agency=self.agency.text())
        if authority is not None:
            self.feedback.setText(_("Autoridad {number} registrada: {label}").format(
                number=authority.number, label=authority.label()))
            for edit in (self.name, self.post, self.agency):
                edit.setText("")
            self.name.setFocus()

    def retranslate(self) -> None:
        self.title.setText(_("Autoridades presentes"))
        self.name_label.setText(_("&Nombre:"))
        self.post_label.setText(_("&Cargo:"))
        self.agency_label.setText(_("&Dependencia:"))
        self.save_button.setText(_("Registrar (Intro)"))
        if self.repo is not None:
            self.refresh()
