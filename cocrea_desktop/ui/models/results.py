"""A tally as a table: rank, option number and text, total, breadth, distribution D(r).

The tally itself comes from ``repo.votes.tally()``; this model only shows it,
through the reading every result kind shares (``core/voting/reading.py``): the
columns come from the rows' unit, not from which attributes a row has.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from cocrea_desktop.core.voting import wording
from cocrea_desktop.core.voting.reading import POINTS
from cocrea_desktop.i18n import _, ngettext
from cocrea_desktop.ui.models.base import DISPLAY_ROLES, Role, RowsModel


def fit_title(title: str) -> str:
    """A long column title on short lines ("Boletas que la mencionan" in three), so that
    the column stays as narrow as its figures."""
    words = title.split()
    if len(words) <= 2:
        return title
    lines, line = [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > 8:
            lines.append(line)
            line = word
        else:
            line = (line + " " + word).strip()
    return "\n".join([*lines, line])


class ResultsModel(RowsModel):
    """The rows of one tally; its columns follow the rows' unit."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._result = None
        self._texts: dict[int, str] = {}
        self._columns: list[str] = []
        self._pairs: tuple[tuple[str, str], ...] = ()
        self._shown_proposals: dict[int, str] = {}
        #: The option column's title (Idea, Grupo de ideas, Puesto), set by the view.
        self.option_title = ""
        #: Option number -> the label of the proposal promoted from it, set by the view;
        #: the «Propuesta» column shows while there is one.
        self.proposals: dict[int, str] = {}

    def set_result(self, result, texts: dict[int, str]) -> bool:
        """Show ``result``. The same columns, options and texts in the same order only
        repaint the rows whose figures changed (a ballot typed), so that the view need not
        measure every row again; anything else resets. True when the columns, the unit or
        the texts changed (the view sizes its columns again)."""
        columns = self._columns_for(result)
        if self.proposals:
            columns.insert(3, "proposal")
        rows = list(result.rows) if result is not None else []
        unit = result.unit if result is not None else None
        before = self._result.unit if self._result is not None else None
        same = columns == self._columns and dict(texts) == self._texts and unit == before \
            and self.proposals == self._shown_proposals
        self._shown_proposals = dict(self.proposals)
        self._result = result
        if same:
            self.update_rows(rows, key=lambda r: r.option)
            return False
        self.beginResetModel()
        self._rows = rows
        self._texts = dict(texts)
        self._columns = columns
        self._pairs = tuple((key, key) for key in columns)
        self.endResetModel()
        return True

    @staticmethod
    def _columns_for(result) -> list[str]:
        columns = ["rank", "number", "text", "total"]
        if result is None or not result.rows:
            return columns
        if result.unit.has_breadth:
            columns.append("breadth")
        top = len(result.rows[0].distribution)
        if top > 1:  # one dot each: its distribution is the breadth again
            columns += [f"d{r}" for r in range(top, 0, -1)]
        return columns

    def columns(self) -> tuple[tuple[str, str], ...]:
        return self._pairs

    @property
    def result(self):
        return self._result

    def header(self, key: str, title: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header(key)
        if role == Qt.ItemDataRole.ToolTipRole and key.startswith("d"):
            return _("Boletas que le dieron {points}").format(
                points=wording.points(int(key[1:])))
        return None

    def _header(self, key: str) -> str:
        unit = self._result.unit if self._result is not None else POINTS
        if key == "rank":
            return _("Lugar")
        if key == "number":
            return _("Nº")
        if key == "text":
            return self.option_title or _("Idea")
        if key == "proposal":
            return _("Propuesta")
        if key == "total":
            return unit.title()
        if key == "breadth":
            return fit_title(unit.breadth_title())
        if key.startswith("d"):
            return ngettext("Boletas\ncon {points}\npunto", "Boletas\ncon {points}\npuntos",
                            int(key[1:])).format(points=key[1:])
        return key

    def cell(self, row, key: str, role: int) -> Any:
        if role in DISPLAY_ROLES:
            if key == "rank":
                return "" if row.rank is None else str(row.rank)
            if key == "number":
                return str(row.option)
            if key == "text":
                return self._texts.get(row.option, "")
            if key == "proposal":
                return self.proposals.get(row.option, "")
            if key == "total":
                return "" if row.total is None else str(row.total)
            if key == "breadth":
                return "" if row.breadth is None else str(row.breadth)
            if key.startswith("d"):
                return str(row.distribution[int(key[1:]) - 1])
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and key != "text":
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Role.NUMBER:
            return row.option
        if role == Role.OBJECT:
            return row
        if role == Role.TOTAL:
            return row.total
        return None
