"""A long table's rows are sized in chunks: the rows in view at once, the rest while the
event loop runs (an office file's 200 sessions stalled the window when it opened)."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView

from cocrea_desktop.ui.widgets import fit

LONG = "Una idea larga que no cabe en una sola línea de la columna y debe partirse " * 2


def _model(rows: int) -> QStandardItemModel:
    model = QStandardItemModel(0, 2)
    for i in range(rows):
        model.appendRow([QStandardItem(str(i + 1)), QStandardItem(LONG if i % 2 else "Corta")])
    return model


def test_long_tables_are_measured_in_chunks_and_end_up_whole(qtbot):
    model = _model(200)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(500, 400)
    view.setColumnWidth(0, 40)
    view.setColumnWidth(1, 300)
    view.show()
    fit.wrap_rows(view)
    QApplication.processEvents()
    tall = view.rowHeight(1)
    assert tall > fit.MIN_ROW
    qtbot.waitUntil(lambda: view.rowHeight(199) == tall, timeout=3000)  # all, in the end
    for row in range(200):  # the rows replaced (as a refresh resets them): unmeasured
        view.setRowHeight(row, fit.MIN_ROW)
    view.property("rows_fit").every_row()
    measured_at_once = sum(1 for r in range(200) if view.rowHeight(r) == tall)
    assert 0 < measured_at_once <= fit.ROWS_AT_ONCE  # only the rows in view, at once
    qtbot.waitUntil(lambda: all(view.rowHeight(r) == tall for r in range(1, 200, 2)),
                    timeout=3000)
    short = view.rowHeight(0)
    assert short < tall and all(view.rowHeight(r) == short for r in range(0, 200, 2))


def test_a_table_shown_measures_the_rows_it_shows_first_not_a_fixed_count(qtbot):
    """Issue 20: the first pass measured 25 rows where about ten show (a results table of
    100 ideas under the chart's labels): a tenth of showing the results at 200 sessions.
    Now it measures until the viewport is full, and the rest while the loop runs, as
    before."""
    model = _model(200)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(500, 260)
    view.setColumnWidth(0, 40)
    view.setColumnWidth(1, 300)
    view.show()
    fit.wrap_rows(view)
    QApplication.processEvents()
    tall = view.rowHeight(1)
    qtbot.waitUntil(lambda: view.rowHeight(199) == tall, timeout=3000)
    for row in range(200):
        view.setRowHeight(row, fit.MIN_ROW)
    view.property("rows_fit").every_row()
    shown = [r for r in range(200) if view.rowHeight(r) == tall]
    height = view.viewport().height()
    # The rows in view are measured (they fill the viewport)...
    assert sum(view.rowHeight(r) for r in range(shown[-1] + 1)) >= height
    # ...and not many more: the last one measured is the first past the viewport's bottom.
    assert sum(view.rowHeight(r) for r in range(shown[-1])) < height
    qtbot.waitUntil(lambda: all(view.rowHeight(r) == tall for r in range(1, 200, 2)),
                    timeout=3000)
