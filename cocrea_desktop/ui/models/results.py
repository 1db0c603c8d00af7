"""A tally as a table: rank, idea number and text, points P, mentions V, distribution D(r).

The tally itself comes from ``repo.votes.tally()``; this model only shows it.
It understands the three result kinds of the core: ranked (P, V, D), dots
(dots, people, D) and typed counts (count).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from cocrea_desktop.core.voting import wording
from cocrea_desktop.i18n import _, ngettext

OptionRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2
TotalRole = Qt.ItemDataRole.UserRole + 3


def row_total(row) -> int:
    for name in ("points", "dots", "count"):
        if hasattr(row, name):
            return int(getattr(row, name))
    return 0


class ResultsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._result = None
        self._rows: tuple = ()
        self._texts: dict[int, str] = {}
        self._columns: list[str] = []

    def set_result(self, result, texts: dict[int, str]) -> None:
        self.beginResetModel()
        self._result = result
        self._rows = tuple(result.rows) if result is not None else ()
        self._texts = dict(texts)
        self._columns = self._columns_for(result)
        self.endResetModel()

    @staticmethod
    def _columns_for(result) -> list[str]:
        columns = ["rank", "number", "text"]
        if result is None or not result.rows:
            return columns + ["total"]
        sample = result.rows[0]
        if hasattr(sample, "points"):
            k = len(sample.distribution)
            return columns + ["total", "mentions"] + [f"d{r}" for r in range(k, 0, -1)]
        if hasattr(sample, "dots"):
            cap = len(sample.distribution)
            extra = [f"d{r}" for r in range(cap, 0, -1)] if cap > 1 else []
            return columns + ["total", "mentions"] + extra
        return columns + ["total"]

    @property
    def result(self):
        return self._result

    def row_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def retranslate(self) -> None:
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    def _header(self, key: str) -> str:
        sample = self._rows[0] if self._rows else None
        if key == "rank":
            return _("Lugar")
        if key == "number":
            return _("Nº")
        if key == "text":
            return getattr(self, "option_title", None) or _("Idea")
        if key == "total":
            if sample is not None and hasattr(sample, "dots"):
                return _("Puntos")
            if sample is not None and hasattr(sample, "count"):
                return _("Conteo")
            return _("Puntos")
        if key == "mentions":
            if sample is not None and hasattr(sample, "dots"):
                return _("Personas")
            return _("Boletas\nque la\nmencionan")
        if key.startswith("d"):
            return ngettext("Boletas\ncon {points}\npunto", "Boletas\ncon {points}\npuntos",
                            int(key[1:])).format(points=key[1:])
        return key

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        try:
            if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
                return None
            key = self._columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return self._header(key)
            if role == Qt.ItemDataRole.ToolTipRole and key.startswith("d"):
                return _("Boletas que le dieron {points}").format(
                    points=wording.points(int(key[1:])))
        except Exception:
            return None
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        try:
            if not index.isValid():
                return None
            row = self._rows[index.row()]
            key = self._columns[index.column()]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                if key == "rank":
                    return "" if row.rank is None else str(row.rank)
                if key == "number":
                    return str(row.option)
                if key == "text":
                    return self._texts.get(row.option, "")
                if key == "total":
                    return str(row_total(row))
                if key == "mentions":
                    return str(row.mentions if hasattr(row, "mentions") else row.voters)
                if key.startswith("d"):
                    return str(row.distribution[int(key[1:]) - 1])
                return None
            if role == Qt.ItemDataRole.TextAlignmentRole and key != "text":
                return int(Qt.AlignmentFlag.AlignCenter)
            if role == OptionRole:
                return row.option
            if role == RowRole:
                return row
            if role == TotalRole:
                return row_total(row)
        except Exception:  # data() never raises
            return None
        return None
