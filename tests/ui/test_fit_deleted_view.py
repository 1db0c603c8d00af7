"""The fit helpers' deferred work must not touch a table that was deleted meanwhile."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QTableView
from shiboken6 import delete

from cocrea_desktop.ui.widgets.fit import readable_column, wrap_rows


def test_a_deleted_table_is_left_alone(qtbot):
    view = QTableView()
    view.setModel(QStringListModel(["Falta cloración en el tanque"]))
    wrap_rows(view)  # a deferred fit of the column titles is pending
    readable_column(view, 0)
    view.resize(300, 200)  # and a deferred fit of the readable column
    delete(view)
    qtbot.wait(20)  # pytest-qt fails the test on an exception in the event loop
