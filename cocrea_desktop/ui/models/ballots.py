"""The ballots entered in a round: as written, what counts, what was voided and why."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from cocrea_desktop.core.model import Ballot
from cocrea_desktop.i18n import N_, _

BallotIdRole = Qt.ItemDataRole.UserRole + 1
BallotRole = Qt.ItemDataRole.UserRole + 2

COLUMNS = (
    ("number", N_("Boleta")),
    ("entry", N_("Escrita")),
    ("counts", N_("Cuenta (idea: puntos)")),
    ("voids", N_("No cuenta")),
    ("status", N_("Estado")),
)


def marks_text(ballot: Ballot) -> str:
    return "  ".join("{}: {}".format(option, points) for option, points in ballot.marks)


def voids_text(ballot: Ballot) -> str:
    return " ".join(_("«{entry}»: {reason}").format(entry=v.entry, reason=v.reason)
                    for v in ballot.voids)


class BallotsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Ballot] = []

    def set_ballots(self, ballots: list[Ballot]) -> None:
        self.beginResetModel()
        self._rows = list(ballots)
        self.endResetModel()

    def ballot_at(self, row: int) -> Ballot | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(COLUMNS):
            return _(COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        try:
            if not index.isValid():
                return None
            ballot = self._rows[index.row()]
            key = COLUMNS[index.column()][0]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                if key == "number":
                    return ballot.serial or str(ballot.number)
                if key == "entry":
                    return ballot.entry
                if key == "counts":
                    return marks_text(ballot)
                if key == "voids":
                    return voids_text(ballot)
                if ballot.status == "spoiled":
                    return _("Anulada: no cuenta")
                return _("Contada, con entradas anuladas") if ballot.has_voids \
                    else _("Contada")
            if role == Qt.ItemDataRole.FontRole and ballot.status == "spoiled":
                font = QFont()
                font.setStrikeOut(True)
                return font
            if role == BallotIdRole:
                return ballot.id
            if role == BallotRole:
                return ballot
        except Exception:  # data() never raises
            return None
        return None
