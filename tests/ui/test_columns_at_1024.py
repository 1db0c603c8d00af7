"""Tables at 1024x768 (walk-through defects): the fair visits' last column ("Nota")
stays on screen, and the interest matrix's authority titles are not cut when the current
column's title turns bold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from cocrea_desktop import i18n
from cocrea_desktop.ui import qt_i18n


def _fair_screen(qtbot, tmp_path, phase_kind: str):
    from cocrea_desktop.store.demo import create_demo
    from cocrea_desktop.ui.main_window import MainWindow

    qt_i18n.install("es")
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(create_demo(tmp_path / "demo.cocrea.db"))
    repo = window.repo
    row, session = next((i, s) for i, s in enumerate(repo.sessions())
                        if any(p.kind == phase_kind for p in repo.phases.method(s.id).phases))
    if session.status == "closed":
        repo.reopen_session(session.id)
    window.table.selectRow(row)
    screen = window.conduct_session()
    phase = next(p for p in repo.phases.method(session.id).phases if p.kind == phase_kind)
    repo.phases.go_to(session.id, phase.key)
    screen.reload_phase()
    screen.resize(1024, 768)
    screen.show()
    for _ in range(3):
        QApplication.processEvents()
    return window, screen


def test_the_visits_note_column_stays_on_screen_at_1024(qtbot, tmp_path):
    window, screen = _fair_screen(qtbot, tmp_path, "fair_visits")
    log = screen.panel().log
    last = log.model().columnCount() - 1
    assert log.horizontalScrollBar().maximum() == 0
    assert log.columnViewportPosition(last) + 140 <= log.viewport().width()
    screen.resize(1366, 768)  # wider: the text columns get their full widths back
    QApplication.processEvents()
    assert log.columnWidth(2) == 260
    screen.close()
    i18n.set_language("es")


def test_the_interest_titles_fit_in_bold(qtbot, tmp_path):
    window, screen = _fair_screen(qtbot, tmp_path, "fair_interest")
    table = screen.panel().table
    header = table.horizontalHeader()
    font = QFont(header.font())
    font.setBold(True)
    metrics = QFontMetrics(font)
    for column in range(table.model().columnCount()):
        text = table.model().headerData(column, Qt.Orientation.Horizontal,
                                        Qt.ItemDataRole.DisplayRole)
        assert table.columnWidth(column) >= metrics.horizontalAdvance(text) + 8, text
    screen.close()


def test_the_fishbowl_clusters_do_not_scroll_sideways_at_1024(qtbot, tmp_path):
    """Walk-through defect: the groups of ideas scrolled sideways beside the ideas."""
    window, screen = _fair_screen(qtbot, tmp_path, "cluster")
    panel = screen.panel()
    for table in (panel.clusters, panel.ideas):
        assert table.horizontalScrollBar().maximum() == 0, table.objectName()
    screen.close()
