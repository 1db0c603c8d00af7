"""The launch panel of the phase kind "launch_plan": the plan's commitments in a table,
the one on the room's screen shown as the room reads it (name, what it solves, who is
responsible, milestones with dates); F8 shows the next, F7 the previous, or a
double click (Enter) on a row."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.i18n import _
from cocrea_desktop.methods.launch.qt.models import PlanModel
from cocrea_desktop.methods.launch.report import commitment_lines, milestone_line
from cocrea_desktop.methods.launch.store import TABLES
from cocrea_desktop.ui.operations.base import _run
from cocrea_desktop.ui.views.panel import Panel, banner, big, table_view


def _escape(text: str) -> str:
    import html

    return html.escape(text)


class PlanPanel(Panel):
    tables = (*TABLES, "commitment", "commitment_milestone", "session")

    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        return [("F8", _("Lanzamiento: mostrar el siguiente compromiso")),
                ("F7", _("Lanzamiento: mostrar el compromiso anterior"))]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = big(QLabel(objectName="plan_title"), 1.3)
        layout.addWidget(self.title)
        self.warning = banner("plan_warning")
        layout.addWidget(self.warning)
        self.model = PlanModel(self)
        self.table = table_view(self.model, "launch_plan")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self.show_row)
        self.table.setMaximumHeight(170)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.prev_button = QPushButton(objectName="plan_prev")
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QPushButton(objectName="plan_next")
        self.next_button.clicked.connect(lambda: self.step(1))
        self.show_button = QPushButton(objectName="plan_show")
        self.show_button.clicked.connect(lambda: self.show_row(self.table.currentIndex()))
        row.addWidget(self.prev_button)
        row.addWidget(self.next_button)
        row.addWidget(self.show_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.preview = QTextBrowser(objectName="plan_preview")
        layout.addWidget(self.preview, 1)
        self.shortcut("F8", lambda: self.step(1))
        self.shortcut("F7", lambda: self.step(-1))
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.table

    def refresh(self) -> None:
        if self.repo is None:
            return
        la = self.repo.launch
        plan = la.commitments()
        shown = la.shown(self.session_id)
        self.model.shown = shown.id if shown else ""
        self.model.presented = {p.commitment_id for p in la.presented(self.session_id)}
        self.model.set_rows(plan)
        not_final = [c.label for c in plan if c.stage != "final"]
        if not plan:
            self.warning.setText(_("El plan no tiene compromisos: captúrelos en la ventana "
                                   "Plan de Acción."))
        elif not_final:
            self.warning.setText(_("Ningún compromiso es todavía la versión final: se "
                                   "presentan como están ({labels}), y el acta lo dice.")
                                 .format(labels=", ".join(not_final)))
        self.warning.setVisible(not plan or bool(not_final))
        if shown is None:
            self.preview.setHtml("<p>" + _escape(_("Ningún compromiso en pantalla: pulse F8 "
                                                    "para mostrar el primero.")) + "</p>")
            return
        heading = _("Compromiso {label}: {name}").format(label=shown.label, name=shown.name)
        html = [f"<h2>{_escape(heading)}</h2><ul>"]
        html += [f"<li>{_escape(line)}</li>" for line in commitment_lines(shown)]
        html.append(f"</ul><h3>{_escape(_('Hitos y fechas'))}</h3><ol>")
        html += [f"<li>{_escape(milestone_line(m))}</li>" for m in shown.milestones]
        html.append("</ol>")
        self.preview.setHtml("".join(html))

    def step(self, delta: int) -> None:
        if self.repo is not None:
            _run(self, lambda: self.repo.launch.step(self.session_id, delta))

    def show_row(self, index) -> None:
        if self.repo is None or not index.isValid():
            return
        c = self.model.row_at(index.row())
        if c is None:
            return
        _run(self, lambda: self.repo.launch.show(self.session_id, c.id))

    def retranslate(self) -> None:
        self.title.setText(_("Presentación del plan"))
        self.prev_button.setText(_("Anterior (F7)"))
        self.next_button.setText(_("Siguiente (F8)"))
        self.show_button.setText(_("Mostrar el seleccionado"))
        self.model.retranslate()
        self.refresh()
