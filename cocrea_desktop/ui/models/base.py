"""What every table model of the program shares: a list of rows under named columns.

A subclass names its ``COLUMNS`` as ``(key, N_("Title"))`` pairs and answers
:meth:`cell` for one row, column key and role; headers are translated when
asked, so a language change only needs :meth:`retranslate`. ``data()`` never
raises: a row that cannot be shown shows empty.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from cocrea_desktop.i18n import _

RowT = TypeVar("RowT")
ObjectIdRole = Qt.ItemDataRole.UserRole + 1
ObjectRole = Qt.ItemDataRole.UserRole + 2


class RowsModel(QAbstractTableModel, Generic[RowT]):
    COLUMNS: Sequence[tuple[str, str]] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []

    # -- content -------------------------------------------------------------------
    def set_rows(self, rows: Sequence[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def update_rows(self, rows: Sequence[RowT], key: Callable[[RowT], object]) -> bool:
        """Show ``rows``: when they are the same rows in the same order (by ``key``), only the
        rows whose value changed are repainted; otherwise the model resets. True on a reset."""
        rows = list(rows)
        if [key(r) for r in rows] != [key(r) for r in self._rows]:
            self.set_rows(rows)
            return True
        old, self._rows = self._rows, rows
        last = len(self.COLUMNS) - 1
        for i, (before, after) in enumerate(zip(old, rows)):
            if before != after:
                self.dataChanged.emit(self.index(i, 0), self.index(i, last))
        return False

    def row_at(self, row: int) -> RowT | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[RowT]:
        return list(self._rows)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))

    def header_text(self, key: str, title: str) -> str:
        """The column's header; override to word it from the content."""
        return _(title)

    def cell(self, row: RowT, key: str, role: int) -> Any:
        """What one cell shows for ``role`` (None for nothing)."""
        raise NotImplementedError

    # -- Qt's model interface ----------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.COLUMNS):
            key, title = self.COLUMNS[section]
            return self.header_text(key, title)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        try:
            if not index.isValid():
                return None
            row = self._rows[index.row()]
            return self.cell(row, self.COLUMNS[index.column()][0], role)
        except Exception:  # data() never raises: a broken row shows empty
            return None
