"""«Mapa de actores»: the diagnosis' actors, their form, and the influence/interest chart.

The chart paints the positions ``repo.actors.chart()`` computed (the PDF draws the
same). The contact person and phone are personal data: typed here, shown only in
the form of the chosen actor, never in the table or the chart.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QKeySequence, QPainter, QPen, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core.actor_map import (
    QUADRANT_CORNERS,
    SPLIT,
    Placed,
    axis_titles,
    level_position,
    quadrant_title,
)
from cocrea_desktop.core.changes import Changes
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.store.actors import SECTORS, Actor
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.models.base import Role, RowsModel
from cocrea_desktop.ui.places import start_folder
from cocrea_desktop.ui.qt_i18n import language_signal
from cocrea_desktop.ui.widgets.fit import fit_window, readable_column, wrap_rows
from cocrea_desktop.ui.widgets.window_undo import own_undo, show_undo

#: What this window's «Deshacer» takes back: its own actions only.
UNDO_ACTIONS = ("actor.",)


class ActorsModel(RowsModel[Actor]):
    COLUMNS = (("number", N_("Núm.")), ("organisation", N_("Organización")),
               ("sector", N_("Sector")), ("territory", N_("Territorio")),
               ("interest", N_("Interés")), ("influence", N_("Influencia")),
               ("quadrant", N_("Cuadrante")))

    def cell(self, a: Actor, key: str, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if key == "sector":
                return a.sector_text
            if key == "quadrant":
                return quadrant_title(a.quadrant)
            if key == "territory":
                return a.territory or "—"
            return str(getattr(a, key))
        if role == Role.ID:
            return a.id
        if role == Role.OBJECT:
            return a
        return None


class ActorChart(QWidget):
    """The influence/interest square, one numbered dot per actor (the chosen one filled)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actor_chart")
        self.placed: list[Placed] = []
        self.chosen = ""
        self.setMinimumSize(260, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_placed(self, placed: list[Placed], chosen: str = "") -> None:
        self.placed, self.chosen = placed, chosen
        self.update()

    def square(self) -> QRectF:
        margin_left, margin_bottom = 34.0, 34.0
        side = max(50.0, min(self.width() - margin_left - 8, self.height() - margin_bottom - 8))
        return QRectF(margin_left, 6.0, side, side)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        sq = self.square()
        side = sq.width()
        painter.fillRect(self.rect(), QColor("white"))
        split = SPLIT * side
        painter.fillRect(QRectF(sq.left() + split, sq.top(), side - split, side - split),
                         QColor(236, 236, 236))
        painter.setPen(QPen(QColor("black"), 1))
        painter.drawRect(sq)
        dashed = QPen(QColor(140, 140, 140), 1, Qt.PenStyle.DashLine)
        painter.setPen(dashed)
        painter.drawLine(QPointF(sq.left() + split, sq.top()),
                         QPointF(sq.left() + split, sq.bottom()))
        painter.drawLine(QPointF(sq.left(), sq.bottom() - split),
                         QPointF(sq.right(), sq.bottom() - split))
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
        bold_small = QFont(small)
        bold_small.setBold(True)
        painter.setFont(bold_small)
        painter.setPen(QColor(70, 70, 70))
        for key, (fx, fy) in QUADRANT_CORNERS.items():
            # Each title inside its own quadrant, wrapped there: never over its neighbour's.
            left = sq.left() + (split if fx else 0) + 4
            width = (side - split if fx else split) - 8
            top = sq.top() + (2 if fy else side - split)
            height = (side - split if fy else split) - 4
            align = (Qt.AlignmentFlag.AlignRight if fx else Qt.AlignmentFlag.AlignLeft) | (
                Qt.AlignmentFlag.AlignTop if fy else Qt.AlignmentFlag.AlignBottom) | \
                Qt.TextFlag.TextWordWrap
            painter.drawText(QRectF(left, top, width, height), int(align), quadrant_title(key))
        painter.setFont(small)
        painter.setPen(QColor("black"))
        for i in range(1, 6):
            pos = level_position(i) * side
            painter.drawText(QRectF(sq.left() + pos - 10, sq.bottom() + 2, 20, 14),
                             Qt.AlignmentFlag.AlignCenter, str(i))
            painter.drawText(QRectF(sq.left() - 18, sq.bottom() - pos - 7, 14, 14),
                             Qt.AlignmentFlag.AlignCenter, str(i))
        horizontal, vertical = axis_titles()
        painter.drawText(QRectF(sq.left(), sq.bottom() + 16, side, 16),
                         Qt.AlignmentFlag.AlignCenter, horizontal)
        painter.save()
        painter.translate(10, sq.top() + side / 2)
        painter.rotate(-90)
        painter.drawText(QRectF(-side / 2, -8, side, 16), Qt.AlignmentFlag.AlignCenter, vertical)
        painter.restore()
        radius = max(9.0, min(14.0, side / 34))
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        for p in self.placed:
            centre = QPointF(sq.left() + p.x * side, sq.bottom() - p.y * side)
            chosen = p.actor_id == self.chosen
            painter.setPen(QPen(QColor("black"), 2 if chosen else 1))
            painter.setBrush(QColor(40, 40, 40) if chosen else QColor("white"))
            painter.drawEllipse(centre, radius, radius)
            painter.setPen(QColor("white") if chosen else QColor("black"))
            painter.drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius,
                                    2 * radius), Qt.AlignmentFlag.AlignCenter, str(p.number))
        painter.end()


class ActorsWindow(QDialog):
    """The actor map of the open process (one per file, kept by the main window)."""

    def __init__(self, repo: Repo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actors_window")
        self.repo = repo
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        fit_window(self, 1200, 700)
        layout = QVBoxLayout(self)
        self.hint = QLabel(objectName="actors_hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)

        split = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(split, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.model = ActorsModel(self)
        self.table = QTableView(objectName="actors_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab goes to the form, not cell by cell
        wrap_rows(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        left_layout.addWidget(self.table, 1)

        form = QGridLayout()
        left_layout.addLayout(form)
        self.f_org = QLineEdit(objectName="actor_organisation")
        self.f_sector = QComboBox(objectName="actor_sector")
        self.f_territory = QLineEdit(objectName="actor_territory")
        self.f_interest = QSpinBox(objectName="actor_interest")
        self.f_influence = QSpinBox(objectName="actor_influence")
        for spin in (self.f_interest, self.f_influence):
            spin.setRange(1, 5)
            spin.setValue(3)
        self.f_note = QLineEdit(objectName="actor_note")
        self.f_contact = QLineEdit(objectName="actor_contact")
        self.f_phone = QLineEdit(objectName="actor_phone")
        self.labels: dict[str, QLabel] = {}
        spots = (("organisation", self.f_org, 0, 0, 3), ("sector", self.f_sector, 1, 0, 1),
                 ("territory", self.f_territory, 1, 2, 1),
                 ("interest", self.f_interest, 2, 0, 1),
                 ("influence", self.f_influence, 2, 2, 1), ("note", self.f_note, 3, 0, 3),
                 ("contact", self.f_contact, 4, 0, 1), ("phone", self.f_phone, 4, 2, 1))
        for key, widget, row, col, span in spots:
            label = QLabel()
            label.setBuddy(widget)
            self.labels[key] = label
            form.addWidget(label, row, col)
            form.addWidget(widget, row, col + 1, 1, span)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)
        self.personal_note = QLabel(objectName="actors_personal")
        self.personal_note.setWordWrap(True)
        left_layout.addWidget(self.personal_note)

        buttons = QHBoxLayout()
        left_layout.addLayout(buttons)
        self.add_button = QPushButton(objectName="actor_add")
        self.save_button = QPushButton(objectName="actor_save")
        self.new_button = QPushButton(objectName="actor_new")
        self.remove_button = QPushButton(objectName="actor_remove")
        self.erase_button = QPushButton(objectName="actor_erase_contact")
        for b in (self.add_button, self.save_button, self.new_button, self.remove_button,
                  self.erase_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        more = QHBoxLayout()
        left_layout.addLayout(more)
        self.import_button = QPushButton(objectName="actors_import")
        self.pdf_button = QPushButton(objectName="actors_pdf")
        self.undo_button = QPushButton(objectName="actors_undo")
        self.close_button = QPushButton(objectName="actors_close")
        for b in (self.import_button, self.pdf_button, self.undo_button):
            b.setAutoDefault(False)
            more.addWidget(b)
        self.pdf_status = QLabel(objectName="actors_pdf_status")
        self.pdf_written = ""
        more.addWidget(self.pdf_status, 1)
        self.close_button.setAutoDefault(False)
        more.addWidget(self.close_button)
        split.addWidget(left)
        self.chart = ActorChart()
        split.addWidget(self.chart)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([self.width() * 67 // 100, self.width() * 33 // 100])

        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save)
        self.new_button.clicked.connect(self.new)
        self.remove_button.clicked.connect(self.remove)
        self.erase_button.clicked.connect(self.erase_contact)
        self.import_button.clicked.connect(self.import_table)
        self.pdf_button.clicked.connect(self.write_pdf)
        self.close_button.clicked.connect(self.close)
        self.undo_button.clicked.connect(self.undo)
        for edit in (self.f_org, self.f_territory, self.f_note, self.f_contact, self.f_phone):
            edit.returnPressed.connect(self.enter)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self.load_actor())
        ops.bus().changed.connect(self.on_changes)
        language_signal().changed.connect(self._on_language)  # a slot: gone with the window
        self.retranslate()
        self.refresh()
        self.f_org.setFocus()

    # -- words -----------------------------------------------------------------------
    def _on_language(self, _code: str) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Mapa de actores"))
        self.hint.setText(_("Las organizaciones del diagnóstico, con su interés en el tema y "
                            "su influencia sobre él (1 a 5). Intro agrega o guarda; Esc "
                            "cierra."))
        words = {"organisation": _("Organización:"), "sector": _("Sector:"),
                 "territory": _("Territorio:"), "interest": _("Interés (1-5):"),
                 "influence": _("Influencia (1-5):"), "note": _("Nota:"),
                 "contact": _("Contacto:"), "phone": _("Teléfono:")}
        for key, text in words.items():
            self.labels[key].setText(text)
        current = self.f_sector.currentData()
        self.f_sector.clear()
        for key, name in SECTORS.items():
            self.f_sector.addItem(_(name), key)
        self.f_sector.setCurrentIndex(max(0, self.f_sector.findData(current or
                                                                    "civil_society")))
        self.personal_note.setText(_("El contacto y su teléfono son datos personales: no "
                                     "salen en los datos abiertos, en el informe ni en el "
                                     "gráfico."))
        self.add_button.setText(_("&Agregar"))
        self.save_button.setText(_("&Guardar cambios"))
        self.new_button.setText(_("&Nuevo"))
        self.remove_button.setText(_("&Quitar"))
        self.erase_button.setText(_("&Borrar contacto…"))
        self.import_button.setText(_("&Importar tabla…"))
        self.pdf_button.setText(_("Informe &PDF…"))
        self.undo_button.setText(_("&Deshacer"))
        self.close_button.setText(_("Cerrar (Esc)"))
        self.model.retranslate()
        self.chart.update()

    # -- reading ---------------------------------------------------------------------
    def current_actor(self) -> Actor | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def on_changes(self, changes: Changes) -> None:
        if changes.everything or changes.touches("actor") or changes.touches("actor_contact"):
            self.refresh()  # says what «Deshacer» takes back too
            if changes.created_kind == "actor" and changes.created:
                self.select(changes.created)
        elif not self.repo.closed:
            show_undo(self.undo_button, self.repo, UNDO_ACTIONS)  # another window's action

    def refresh(self) -> None:
        if self.repo.closed:
            return
        show_undo(self.undo_button, self.repo, UNDO_ACTIONS)
        chosen = self.current_actor()
        self.model.update_rows(self.repo.actors.list(), key=lambda a: a.id)
        self.model.repaint()
        readable_column(self.table, 1, 150)  # the organisation: wrapped, never crushed
        if chosen is not None:
            self.select(chosen.id)
        self.chart.set_placed(self.repo.actors.chart(), chosen.id if chosen else "")
        self.load_actor()

    def select(self, actor_id: str) -> None:
        row = self.model.row_where(lambda a: a.id == actor_id)
        if row >= 0:
            self.table.selectRow(row)

    def load_actor(self) -> None:
        a = self.current_actor()
        writable = not self.repo.read_only
        self.add_button.setEnabled(writable)
        self.import_button.setEnabled(writable)
        for b in (self.save_button, self.remove_button):
            b.setEnabled(writable and a is not None)
        self.erase_button.setEnabled(writable and a is not None and bool(
            a.contact_name or a.contact_phone))
        self.chart.set_placed(self.chart.placed, a.id if a else "")
        if a is None:
            return
        self.f_org.setText(a.organisation)
        self.f_sector.setCurrentIndex(max(0, self.f_sector.findData(a.sector)))
        self.f_territory.setText(a.territory)
        self.f_interest.setValue(a.interest)
        self.f_influence.setValue(a.influence)
        self.f_note.setText(a.note)
        self.f_contact.setText(a.contact_name)
        self.f_phone.setText(a.contact_phone)

    def values(self) -> dict[str, Any]:
        return {"sector": self.f_sector.currentData(), "territory": self.f_territory.text(),
                "interest": self.f_interest.value(), "influence": self.f_influence.value(),
                "note": self.f_note.text(), "contact_name": self.f_contact.text(),
                "contact_phone": self.f_phone.text()}

    # -- acting ----------------------------------------------------------------------
    def enter(self) -> None:
        """Enter: save the chosen actor, or add a new one when none is chosen."""
        if self.current_actor() is None:
            self.add()
        else:
            self.save()

    def new(self) -> None:
        """Clear the form for a new actor."""
        self.table.clearSelection()
        self.table.setCurrentIndex(self.model.index(-1, -1))
        for edit in (self.f_org, self.f_territory, self.f_note, self.f_contact, self.f_phone):
            edit.clear()
        self.f_interest.setValue(3)
        self.f_influence.setValue(3)
        self.load_actor()
        self.f_org.setFocus()

    def add(self) -> None:
        actor = ops.add_actor(parent=self, repo=self.repo, organisation=self.f_org.text(),
                              **self.values())
        if actor is not None:
            self.select(actor.id)

    def save(self) -> None:
        a = self.current_actor()
        if a is None:
            return
        ops.edit_actor(parent=self, repo=self.repo, actor_id=a.id,
                       organisation=self.f_org.text(), **self.values())

    def remove(self) -> None:
        a = self.current_actor()
        if a is not None:
            ops.remove_actor(parent=self, repo=self.repo, actor_id=a.id)
            self.new()

    def erase_contact(self) -> None:
        a = self.current_actor()
        if a is None:
            return
        answer = QMessageBox.question(
            self, _("Borrar contacto"),
            _("¿Borrar para siempre el contacto de «{name}»? Esto no se puede deshacer.")
            .format(name=a.organisation))
        if answer == QMessageBox.StandardButton.Yes:
            ops.erase_actor_contact(parent=self, repo=self.repo, actor_id=a.id)

    def import_table(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Importar actores"), str(start_folder(self.repo)),
            _("Tablas (*.csv *.xlsx)"))
        if path:
            n = ops.import_actors(parent=self, repo=self.repo, path=path)
            if n:
                QMessageBox.information(self, _("Mapa de actores"),
                                        _("Actores importados: {n}.").format(n=n))

    # Where to save the PDF: tests replace it (None = the user cancelled).
    @staticmethod
    def ask_save_path(parent: QWidget) -> str | None:
        path, _filter = QFileDialog.getSaveFileName(
            parent, _("Informe del mapa de actores"),
            str(start_folder(getattr(parent, "repo", None)) / _("mapa-de-actores.pdf")),
            "PDF (*.pdf)")
        return path or None

    def write_pdf(self) -> None:
        """The chart and the list as PDF, made in the background on a read connection."""
        from cocrea_desktop.export.actors_report import write_actors_pdf
        from cocrea_desktop.ui.workers import run_read

        path = self.ask_save_path(self)
        if not path:
            return
        self.pdf_button.setEnabled(False)
        self.pdf_status.setText(_("Escribiendo el informe…"))

        def done(written) -> None:
            self.pdf_button.setEnabled(True)
            from pathlib import Path

            self.pdf_status.setText(_("Informe escrito: {path}").format(path=Path(written).name))
            self.pdf_status.setToolTip(str(written))
            self.pdf_written = str(written)

        def failed(err: BaseException) -> None:
            from cocrea_desktop.core.errors import CocreaError

            self.pdf_button.setEnabled(True)
            self.pdf_status.setText("")
            if isinstance(err, CocreaError):
                ops.show_error(self, err)
            else:
                QMessageBox.warning(self, _("Mapa de actores"), str(err))

        self.pdf_task = run_read(self.repo.path,
                                 lambda repo, _task: write_actors_pdf(repo, path),
                                 on_result=done, on_error=failed)

    def undo(self) -> None:
        if own_undo(self.repo, UNDO_ACTIONS):
            ops.undo(parent=self, repo=self.repo)
