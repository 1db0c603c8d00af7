"""The one base of every table model of the program: a list of rows under named columns.

A subclass names its ``COLUMNS`` as ``(key, N_("Title"))`` pairs (or answers
:meth:`RowsModel.columns` when they depend on the content) and answers
:meth:`RowsModel.cell` for one row, column key and role; headers are translated
when asked, so a language change only needs :meth:`RowsModel.retranslate`.
``data()`` never raises: a row that cannot be shown shows empty.

The item roles beyond Qt's own are declared once, in :class:`Role`, so that two
models never give one number two meanings.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from cocrea_desktop.i18n import _

RowT = TypeVar("RowT")
Index = QModelIndex | QPersistentModelIndex

_USER = int(Qt.ItemDataRole.UserRole)


class Role(enum.IntEnum):
    """The program's own item roles, one number per meaning, for every model."""

    #: The row's id (an idea's, a session's, a ballot's, a fishbowl group's...).
    ID = _USER + 1
    #: The row's object itself (an ``Idea``, a ``Session``, a tally row...).
    OBJECT = _USER + 2
    #: The row's number as people say it (an idea's or an option's number).
    NUMBER = _USER + 3
    #: The row's status key ("active", "withdrawn"...).
    STATUS = _USER + 4
    #: A count or a total (typed counts, a tally's points or dots).
    TOTAL = _USER + 5
    #: The fishbowl group (position) an idea was said by, or a group's id.
    GROUP_ID = _USER + 6
    #: The cluster an idea is in, or a cluster's id.
    CLUSTER_ID = _USER + 7
    #: Whether a cluster was raised by more than one position.
    SHARED = _USER + 8


DISPLAY_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)


class RowsModel(QAbstractTableModel, Generic[RowT]):
    """Rows of ``RowT`` under columns; subclasses answer :meth:`cell`."""

    COLUMNS: Sequence[tuple[str, str]] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []

    # -- content -------------------------------------------------------------------
    def columns(self) -> Sequence[tuple[str, str]]:
        """``(key, title)`` of each column; override when they depend on the content."""
        return self.COLUMNS

    def set_rows(self, rows: Sequence[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def update_rows(self, rows: Sequence[RowT], key: Callable[[RowT], object], *,
                    insert_appended: bool = False) -> bool:
        """Show ``rows`` keeping the selection and the scroll where the rows stay the same.

        The same rows in the same order (by ``key``): only the rows whose value changed are
        repainted. With ``insert_appended``, rows are matched by key: rows gone are
        removed and new rows inserted where they sort, as long as the rows kept stay in
        the same order (a capture, a ballot typed that sorts before others, an undo that
        takes one away), and only the kept rows whose shown text changed are repainted.
        Anything else resets the model. True on a reset."""
        rows = list(rows)
        old_keys = [key(r) for r in self._rows]
        new_keys = [key(r) for r in rows]
        if new_keys == old_keys:
            old, self._rows = self._rows, rows
            last = self.columnCount() - 1
            for i, (before, after) in enumerate(zip(old, rows, strict=True)):
                if not self.shows_same(before, after):
                    self.dataChanged.emit(self.index(i, 0), self.index(i, last))
            return False
        if insert_appended and self._by_key(rows, old_keys, new_keys):
            return False
        self.set_rows(rows)
        return True

    def _by_key(self, rows: list[RowT], old_keys: list[object], new_keys: list[object]
                ) -> bool:
        """:meth:`update_rows` row by row (removed, inserted, repainted); False, with
        nothing changed, when the kept rows changed order or keys repeat."""
        old_set, new_set = set(old_keys), set(new_keys)
        if len(old_set) != len(old_keys) or len(new_set) != len(new_keys):
            return False
        if [k for k in old_keys if k in new_set] != [k for k in new_keys if k in old_set]:
            return False
        gone = [i for i, k in enumerate(old_keys) if k not in new_set]
        added = [i for i, k in enumerate(new_keys) if k not in old_set]
        if len(gone) + len(added) > max(8, len(rows) // 2):
            return False  # mostly new: one reset measures less than many inserts
        for first, last in reversed(_runs(gone)):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first:last + 1]
            self.endRemoveRows()
        for first, last in _runs(added):
            self.beginInsertRows(QModelIndex(), first, last)
            self._rows[first:first] = rows[first:last + 1]
            self.endInsertRows()
        old, self._rows = self._rows, rows
        column = self.columnCount() - 1
        fresh = set(added)
        for i, (before, after) in enumerate(zip(old, rows, strict=True)):
            if i not in fresh and not self.shows_same(before, after):
                self.dataChanged.emit(self.index(i, 0), self.index(i, column))
        return True

    def shows_same(self, before: RowT, after: RowT) -> bool:
        """Whether a row kept by :meth:`update_rows` shows the same as before (then it is
        not repainted nor measured again); override when a row holds what no cell shows."""
        return before == after

    def repaint(self) -> None:
        """Every cell again (what they show depends on something besides the rows)."""
        if self._rows and self.columnCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, self.columnCount() - 1))

    def replace_row(self, index: int, row: RowT) -> None:
        """Row ``index`` is now ``row`` (it keeps its place); repainted if it shows other."""
        before, self._rows[index] = self._rows[index], row
        if not self.shows_same(before, row):
            self.dataChanged.emit(self.index(index, 0), self.index(index, self.columnCount() - 1))

    def row_at(self, row: int) -> RowT | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[RowT]:
        return list(self._rows)

    def row_where(self, test: Callable[[RowT], bool]) -> int:
        """The first row passing ``test``, or -1."""
        return next((i for i, r in enumerate(self._rows) if test(r)), -1)

    def retranslate(self) -> None:
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        self.repaint()

    # -- what subclasses answer ----------------------------------------------------------
    def header_text(self, key: str, title: str) -> str:
        """The column's header; override to word it from the content."""
        return _(title)

    def header(self, key: str, title: str, role: int) -> Any:
        """A column header for ``role``: its text for display by default."""
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header_text(key, title)
        return None

    def row_header(self, row: RowT, role: int) -> Any:
        """The vertical header of a row (none by default: the views hide it)."""
        return None

    def cell(self, row: RowT, key: str, role: int) -> Any:
        """What one cell shows for ``role`` (None for nothing)."""
        raise NotImplementedError

    def column_texts(self, column: int) -> list[str]:
        """What each row shows in ``column``, read here rather than through Qt (one
        ``data()`` call and a model index per row: measuring the sessions' states did it
        for 200 rows on every change)."""
        columns = self.columns()
        if not 0 <= column < len(columns):
            return []
        key = columns[column][0]
        texts = []
        for row in self._rows:
            try:
                value = self.cell(row, key, _DISPLAY)
            except Exception:  # as data(): a broken row shows empty
                value = None
            texts.append(str(value or ""))
        return texts

    # -- Qt's model interface ----------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        try:
            if orientation == Qt.Orientation.Horizontal:
                columns = self.columns()
                if 0 <= section < len(columns):
                    return self.header(*columns[section], role)
            elif 0 <= section < len(self._rows):
                return self.row_header(self._rows[section], role)
        except Exception:  # headerData() never raises either
            return None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        try:
            if not index.isValid():
                return None
            row = self._rows[index.row()]
            return self.cell(row, self.columns()[index.column()][0], role)
        except Exception:  # data() never raises: a broken row shows empty
            return None


def _runs(indexes: list[int]) -> list[tuple[int, int]]:
    """Ascending indexes as (first, last) runs of consecutive ones."""
    runs: list[tuple[int, int]] = []
    for i in indexes:
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs
