"""Tables that show their text whole: wrapped rows that grow, titles that fit their column.

At 1024x768 a table cell must not cut an idea to "Falta cloración en el ta…" while the
row could simply grow: :func:`wrap_rows` wraps the text of every cell and sizes each row
to its text; column titles never get narrower than their words; :func:`readable_column`
keeps a text column wide enough to read, letting the table scroll sideways instead of
crushing it to a few letters.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListView,
    QTableView,
    QWidget,
)
from shiboken6 import isValid

MIN_ROW = 30
#: Rows measured at once in a long table: the rows in view first, the rest a chunk at a
#: time while the event loop runs (200 sessions measured in one go stalled the window for
#: 0.6 s when a process opened).
ROWS_AT_ONCE = 25
#: The most a chunk of rows measured between events takes (at least one row is measured).
CHUNK_S = 0.012


class WrappedLabel(QLabel):
    """A word-wrapped label that lays its text out once per width.

    Qt asks a wrapped label's height for a width many times in one layout pass (each
    nested layout, and each page of a stack or tab, asks again, at several widths), and
    ``QLabel`` lays its whole text out for every question: the results' explanation
    (tie-breaks and near ties, 2,000 characters at 200 sessions) was asked 49 times when
    the results showed, a quarter of that stall. The answers are kept until the text,
    the font, the style or the margins change.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._heights: dict[int, int] = {}
        self.setWordWrap(True)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    # What changes the height for a width: each forgets the answers.
    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self._heights.clear()
        super().setText(text)

    def setWordWrap(self, on: bool) -> None:  # noqa: N802 (Qt's name)
        self._heights.clear()
        super().setWordWrap(on)

    def setTextFormat(self, text_format) -> None:  # noqa: N802 (Qt's name)
        self._heights.clear()
        super().setTextFormat(text_format)

    def setMargin(self, margin: int) -> None:  # noqa: N802 (Qt's name)
        self._heights.clear()
        super().setMargin(margin)

    def setIndent(self, indent: int) -> None:  # noqa: N802 (Qt's name)
        self._heights.clear()
        super().setIndent(indent)

    def setContentsMargins(self, *margins) -> None:  # noqa: N802 (Qt's name)
        self._heights.clear()
        super().setContentsMargins(*margins)

    def clear(self) -> None:
        self._heights.clear()
        super().clear()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._heights.clear()  # a font, style (style sheet) or screen change
        super().changeEvent(event)


class _TitlesFit(QObject):
    """Keeps each column that the user (or the code) sizes at least as wide as its title."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        self.pending = False
        view.horizontalHeader().sectionResized.connect(self.later)
        self.watch(view.model())

    def watch(self, model) -> None:
        if model is None:
            return
        model.headerDataChanged.connect(self.later)
        model.modelReset.connect(self.later)
        model.layoutChanged.connect(self.later)
        self.later()

    def later(self, *_args) -> None:
        if not self.pending:
            self.pending = True
            QTimer.singleShot(0, self, self.fit)  # cancelled if the view goes

    def fit(self) -> None:
        self.pending = False
        if not isValid(self.view):  # deleted while the fit waited
            return
        header = self.view.horizontalHeader()
        for section in range(header.count()):
            if header.isSectionHidden(section) or \
                    header.sectionResizeMode(section) == QHeaderView.ResizeMode.Stretch:
                continue
            need = header.sectionSizeHint(section)
            if header.sectionSize(section) < need:
                header.resizeSection(section, need)


class _RowsFit(QObject):
    """Sizes each row to its wrapped text, measuring only the rows that changed.

    Qt's ``ResizeToContents`` on the rows measures every cell of every row on every
    change (a capture in a session of 100 ideas measured all 100 rows, and scrolling to
    the new one measured them again); here a row inserted or repainted is measured
    alone, and every row only when the rows are replaced or a column changes width (the
    text wraps elsewhere). A hidden table is measured when it shows.
    """

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        self.all = True
        self.pending = False
        self.todo: list[int] = []  # rows still to measure after a full pass began
        view.installEventFilter(self)
        view.horizontalHeader().sectionResized.connect(self.later)
        model = view.model()
        if model is not None:
            # Measured on the next turn of the event loop, not at once: the columns are
            # often sized right after the rows are replaced (the results table was
            # measured at the width its text had before it was made readable, then again).
            model.modelReset.connect(self.later)
            model.layoutChanged.connect(self.later)
            # Bound methods, not lambdas: a lambda holding self would keep the view alive.
            model.rowsInserted.connect(self.rows_inserted)
            model.dataChanged.connect(self.data_changed)
        self.every_row()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Show and self.all:
            self.later()
        return False

    def every_row(self, *_args) -> None:
        self.all = True
        if isValid(self.view) and self.view.isVisible():
            self.fit()

    def rows_inserted(self, _parent, first: int, last: int) -> None:
        self.some_rows(first, last)

    def data_changed(self, top, bottom, _roles=()) -> None:
        self.some_rows(top.row(), bottom.row())

    def some_rows(self, first: int, last: int) -> None:
        if not isValid(self.view):
            return
        if not self.view.isVisible():
            self.all = True  # measured all together when it shows
            return
        if self.all:  # a full pass is due: it measures these rows too
            self.later()
            return
        for row in range(max(0, first), last + 1):
            self.view.resizeRowToContents(row)

    def later(self, *_args) -> None:
        self.all = True
        if not self.pending:
            self.pending = True
            QTimer.singleShot(0, self, self.fit)  # cancelled if the view goes

    def fit(self) -> None:
        self.pending = False
        if not isValid(self.view) or not self.view.isVisible():
            return
        self.all = False
        model = self.view.model()
        rows = model.rowCount() if model is not None else 0
        if rows <= ROWS_AT_ONCE:
            self.todo = []
            self.view.resizeRowsToContents()
            return
        # The rows in view now (until the viewport is full: where ten rows show, measuring
        # 25 was a tenth of showing the results at 200 sessions), then the others in
        # chunks, those below first (a row scrolled to before its turn is measured when
        # it paints: see ``data_changed``/``some_rows``).
        top = max(0, self.view.rowAt(0))
        room = self.view.viewport().height()
        row, used = top, 0
        while row < rows and row < top + ROWS_AT_ONCE and (row == top or used < room):
            self.view.resizeRowToContents(row)
            used += self.view.rowHeight(row)
            row += 1
        self.todo = list(range(row, rows)) + list(range(top))
        QTimer.singleShot(0, self, self._next_chunk)

    def _next_chunk(self) -> None:
        if not isValid(self.view) or not self.todo or self.all:
            return  # gone, finished, or a new full pass is due (it starts over)
        model = self.view.model()
        rows = model.rowCount() if model is not None else 0
        # At most ROWS_AT_ONCE rows, and no more than CHUNK_S of the window's time: 25 rows
        # of the sessions table (seven wrapped columns) took 60 ms on a busy machine.
        start = time.perf_counter()
        done = 0
        while self.todo and done < ROWS_AT_ONCE and (
                done == 0 or time.perf_counter() - start < CHUNK_S):
            row = self.todo.pop(0)
            if row < rows:
                self.view.resizeRowToContents(row)
            done += 1
        if self.todo:
            QTimer.singleShot(0, self, self._next_chunk)


def wrap_rows(view: QAbstractItemView, *, min_row: int = MIN_ROW) -> None:
    """Wrap every cell's text and let each row grow to show it whole."""
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    if isinstance(view, QTableView):
        rows = view.verticalHeader()
        rows.setMinimumSectionSize(min_row)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.setProperty("titles_fit", _TitlesFit(view))
        view.setProperty("rows_fit", _RowsFit(view))


def wrap_list(view: QListView) -> None:
    """A list whose items wrap at its width instead of running off its right edge."""
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setUniformItemSizes(False)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


class _FollowsViewport(QObject):
    """Re-applies a column fit when the table's viewport changes size, once per event-loop
    turn, and never on a view that Qt has already deleted."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        self.pending = False
        view.viewport().installEventFilter(self)

    def later(self, *_args) -> None:
        if not self.pending:
            self.pending = True
            QTimer.singleShot(0, self, self._run)  # cancelled if the view goes

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize:
            self.later()
        return False

    def _run(self) -> None:
        self.pending = False
        if isValid(self.view):  # not deleted while the fit waited
            self.apply()

    def apply(self) -> None:
        raise NotImplementedError


class _ReadableColumn(_FollowsViewport):
    def __init__(self, view: QTableView, column: int, minimum: int) -> None:
        super().__init__(view)
        self.column, self.minimum = column, minimum
        view.horizontalHeader().sectionResized.connect(self._section_resized)

    def _section_resized(self, section: int, *_args) -> None:
        if section != self.column:
            self.later()

    def apply(self) -> None:
        header = self.view.horizontalHeader()
        if self.column >= header.count():
            return
        others = sum(header.sectionSize(s) for s in range(header.count())
                     if s != self.column and not header.isSectionHidden(s))
        room = self.view.viewport().width() - others
        minimum = max(self.minimum, header.sectionSizeHint(self.column))
        if room >= minimum:
            if header.sectionResizeMode(self.column) != QHeaderView.ResizeMode.Stretch:
                header.setSectionResizeMode(self.column, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(self.column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(self.column, minimum)


#: The least a table's last (stretching) column keeps, and a text column shrinks to.
LAST_COLUMN_MIN = 150
TEXT_COLUMN_MIN = 90


class _ShrinkToFit(_FollowsViewport):
    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.widths: list[int] = []

    def apply(self) -> None:
        wanted = [float(w) for w in self.widths]
        model = self.view.model()
        columns = model.columnCount() if model is not None else len(wanted)
        available = self.view.viewport().width()
        room = LAST_COLUMN_MIN if columns > len(wanted) else 0
        excess = sum(wanted) + room - available
        flexible = [i for i, w in enumerate(wanted) if w > TEXT_COLUMN_MIN]
        if available > 0 and excess > 0 and flexible:
            spare = sum(wanted[i] - TEXT_COLUMN_MIN for i in flexible)
            cut = min(1.0, excess / spare) if spare > 0 else 0.0
            for i in flexible:
                wanted[i] -= (wanted[i] - TEXT_COLUMN_MIN) * cut
        for column, width in enumerate(wanted):
            self.view.setColumnWidth(column, int(width))


def fit_columns(view: QTableView, widths: list[int]) -> None:
    """Give the first columns these widths, shrunk (the text columns, those wider than a
    number) when the table is too narrow to leave the last column room: at 1024x768 the
    fair's visits' "Nota" went off the right edge behind a scroll bar. Follows the
    table's size."""
    fitter = view.property("column_fitter")
    if not isinstance(fitter, _ShrinkToFit):
        fitter = _ShrinkToFit(view)
        view.setProperty("column_fitter", fitter)
    fitter.widths = list(widths)
    fitter.apply()


def readable_column(view: QTableView, column: int, minimum: int = 260) -> None:
    """Stretch ``column`` to the room left; never below ``minimum`` (then scroll sideways)."""
    if view.property("readable_column") is None:
        view.setProperty("readable_column", _ReadableColumn(view, column, minimum))
    # At once (the rows are then measured once, at this width) and again when the
    # table's size settles.
    view.property("readable_column").apply()
    view.property("readable_column").later()


#: Rows a table's columns are sized from, those in view first (Qt's default is 1,000:
#: the results of a session of 100 ideas measured every cell of every column on show).
COLUMN_ROWS = 30


def size_columns(view: QTableView, *, skip: tuple[int, ...] = (),
                 by_text: bool = False) -> None:
    """Each column as wide as its contents, measured on the rows in view and a few more;
    not the columns in ``skip`` (a readable column, whose width follows the table: its
    long wrapped texts were the most costly to measure, for a width never used).

    With ``by_text`` (a model of the program whose cells are one-line texts in the
    table's font, without icons: the results' figures), every row's text is measured,
    each distinct text once, instead of asking the item delegate for each cell of 30
    rows (eight calls into the model per cell: a tenth of showing the results at 200
    sessions); the delegate's margin is read from one cell per column."""
    header = view.horizontalHeader()
    if header.resizeContentsPrecision() != COLUMN_ROWS:
        header.setResizeContentsPrecision(COLUMN_ROWS)
    model = view.model()
    texts_of = getattr(model, "column_texts", None) if by_text else None
    rows = model.rowCount() if model is not None else 0
    for column in range(model.columnCount() if model is not None else 0):
        if column in skip or header.isSectionHidden(column):
            continue
        if texts_of is None or rows == 0:
            view.resizeColumnToContents(column)
            continue
        metrics = view.fontMetrics()
        texts = texts_of(column)
        first = model.index(0, column)
        margin = view.sizeHintForIndex(first).width() - metrics.horizontalAdvance(texts[0])
        content = max(metrics.horizontalAdvance(text) for text in set(texts)) + margin
        if view.showGrid():
            content += 1  # as QTableView.sizeHintForColumn
        header.resizeSection(column, max(content, header.sectionSizeHint(column)))


def one_line_column(view: QTableView, column: int, *, most: int | None = None) -> None:
    """Widen ``column`` to show each of its (short) texts on one line: a state such as
    "In progress" must not wrap to "In / progress" in a table whose rows wrap.

    ``most``: no wider than this (a longer text wraps, its row grows)."""
    model = view.model()
    if model is None or column >= model.columnCount():
        return
    metrics = view.fontMetrics()
    if hasattr(model, "column_texts"):  # the program's models: read without Qt
        texts = set(model.column_texts(column))
    else:
        texts = {str(model.index(row, column).data() or "")
                 for row in range(model.rowCount())}
    widest = max((metrics.horizontalAdvance(text) for text in texts), default=0)  # each once
    header = view.horizontalHeader()
    need = max(widest + 2 * CELL_PADDING, header.sectionSizeHint(column))
    if most is not None:
        need = min(need, max(most, header.sectionSizeHint(column)))
    if header.sectionSize(column) < need:
        header.resizeSection(column, need)


#: Room a cell's text leaves on each side (the style's margins and focus frame).
CELL_PADDING = 10


#: Room left for a window manager's frame: its title bar above, its borders on each side.
TITLE_BAR = 28
BORDER = 4


def fit_window(window: QWidget, width: int, height: int, *, centre: bool = True) -> None:
    """Give a top-level window its first size: ``width`` x ``height`` when the screen's
    free area allows it, else as large as that area (with room for a frame), centred on it.

    At 1024x768 a window asked for at 1366 px would put its last buttons off the screen
    when no window manager pulls it back.
    """
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    area = screen.availableGeometry()
    size = QSize(max(1, min(width, area.width() - 2 * BORDER)),
                 max(1, min(height, area.height() - TITLE_BAR - 2 * BORDER)))
    window.resize(size)
    if centre:
        outer_w, outer_h = size.width() + 2 * BORDER, size.height() + TITLE_BAR + 2 * BORDER
        window.move(area.x() + max(0, (area.width() - outer_w) // 2),
                    area.y() + max(0, (area.height() - outer_h) // 2))


def grow_to_fit(window: QWidget) -> None:
    """Make a window at least as tall as its layout needs at its present width, within
    the screen's free area.

    Qt sizes a dialog before it knows where its wrapped labels break, so a long wrapped
    text (the privacy notice's preview) could be cut at the top and bottom.
    """
    layout = window.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    need = layout.totalHeightForWidth(window.width())
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        need = min(need, screen.availableGeometry().height() - TITLE_BAR - 2 * BORDER)
    if window.height() < need:
        window.resize(window.width(), need)
