"""The fair panel of the phase kind "fair_interest": the interest matrix, stands by
authorities.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.i18n import _
from cocrea_desktop.methods.idea_fair.qt.common import (
    FairPanel,
)
from cocrea_desktop.methods.idea_fair.qt.models import (
    InterestModel,
    level_name,
)
from cocrea_desktop.methods.idea_fair.store import INTEREST_LEVELS
from cocrea_desktop.ui import operations as ops

#: The order a matrix cell cycles through (Space, Enter or a click).
INTEREST_CYCLE: tuple[str | None, ...] = (None, "interested", "meeting", "commit")


class InterestView(QTableView):
    """Space or Enter cycles the cell; 1, 2, 3 set a level; 0 or Delete clears it."""

    cycle = Signal(QModelIndex)
    set_level = Signal(QModelIndex, object)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        key = event.key()
        direct = {Qt.Key.Key_1: "interested", Qt.Key.Key_2: "meeting", Qt.Key.Key_3: "commit",
                  Qt.Key.Key_0: None, Qt.Key.Key_Delete: None, Qt.Key.Key_Backspace: None}
        if index.isValid() and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                                     Qt.KeyboardModifier.KeypadModifier):
            if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.cycle.emit(index)
                return
            if key in direct:
                self.set_level.emit(index, direct[key])
                return
        super().keyPressEvent(event)


class FairInterestPanel(FairPanel):
    """The interest matrix: *me interesa* / *pido reunión* / *firmo compromiso*."""

    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        """The keys this panel binds, for the session screen's help (F1)."""
        from cocrea_desktop.ui.qt_i18n import key_text

        return [
            (key_text("Left") + " " + key_text("Right") + " " + key_text("Up") + " "
             + key_text("Down"), _("Moverse por la matriz de interés")),
            (key_text("Space") + " / " + key_text("Return"),
             _("Cambiar la casilla: · → Me interesa → Pido reunión → Firmo compromiso")),
            ("1 / 2 / 3", _("Me interesa / Pido reunión / Firmo compromiso")),
            ("0 / " + key_text("Del"), _("Borrar la casilla")),
        ]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.legend = QLabel(objectName="interest_legend")
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        self.model = InterestModel(self)
        self.table = InterestView(objectName="interest_matrix")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.horizontalHeader().setDefaultSectionSize(170)
        self.table.clicked.connect(self.cycle_cell)
        self.table.cycle.connect(self.cycle_cell)
        self.table.set_level.connect(self.set_cell)
        layout.addWidget(self.table, 1)
        self.totals = QLabel(objectName="interest_totals")
        layout.addWidget(self.totals)
        layout.addWidget(self.feedback)
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.table

    def refresh(self) -> None:
        if self.repo is None:
            return
        current = self.table.currentIndex()
        row, column = (current.row(), current.column()) if current.isValid() else (0, 0)
        levels = self.repo.fair.interest_matrix(self.session_id)
        self.model.set_data(self.stands(), self.authorities(), levels)
        if self.model.rowCount() and self.model.columnCount():
            self.table.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1),
                                                        min(column,
                                                            self.model.columnCount() - 1)))
        self._fit_headers()
        counts = {k: sum(1 for v in levels.values() if v == k) for k in INTEREST_LEVELS}
        self.totals.setText(" · ".join(f"{level_name(k)}: {n}"
                                       for k, n in counts.items()))

    def _fit_headers(self) -> None:
        """Each authority's column as wide as its title in bold: the header highlights the
        current column in bold, which cut the title's first letters in a 170 px column."""
        header = self.table.horizontalHeader()
        font = QFont(header.font())
        font.setBold(True)
        metrics = QFontMetrics(font)
        for column in range(self.model.columnCount()):
            text = str(self.model.headerData(column, Qt.Orientation.Horizontal,
                                             Qt.ItemDataRole.DisplayRole) or "")
            need = metrics.horizontalAdvance(text) + 2 * header.style().pixelMetric(
                QStyle.PixelMetric.PM_HeaderMargin, None, header) + 12
            self.table.setColumnWidth(column, max(170, need))

    def cycle_cell(self, index: QModelIndex) -> None:
        level = self.model.level(index)
        following = INTEREST_CYCLE[(INTEREST_CYCLE.index(level) + 1) % len(INTEREST_CYCLE)]
        self.set_cell(index, following)

    def set_cell(self, index: QModelIndex, level: str | None) -> None:
        cell = self.model.pair(index)
        if cell is None or self.repo is None:
            return
        if ops.set_interest(parent=self, repo=self.repo, session_id=self.session_id,
                            stand_number=cell[0], authority_number=cell[1], level=level):
            self.feedback.setText(_("Stand {stand}, autoridad {authority}: {level}").format(
                stand=cell[0], authority=cell[1], level=level_name(level)))

    def retranslate(self) -> None:
        self.legend.setText(_("Flechas para moverse; Espacio, Intro o clic cambia la casilla: "
                              "· → Me interesa → Pido reunión → Firmo compromiso → ·. "
                              "También 1, 2, 3 y 0 para borrar."))
        if self.repo is not None:
            self.refresh()
