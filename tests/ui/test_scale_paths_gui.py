"""The main window stays quick on a big file (issue 20): no reset, backups off the GUI thread."""

from __future__ import annotations

from cocrea_desktop.store.backup import list_backups
from cocrea_desktop.store.demo import DEMO_SESSIONS
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.main_window import MainWindow


def _window(qtbot, tmp_path):
    from cocrea_desktop.store.demo import create_demo

    qt_i18n.install("es")
    path = create_demo(tmp_path / "demo.cocrea.db")
    w = MainWindow()
    qtbot.addWidget(w)
    return w, path


def test_sessions_table_repaints_only_the_changed_row(qtbot, tmp_path):
    w, path = _window(qtbot, tmp_path)
    assert w.open_path(path)
    w.show()
    qtbot.waitExposed(w)
    resets, changed = [], []
    w.model.modelReset.connect(lambda: resets.append(1))
    w.model.dataChanged.connect(lambda a, b, *_r: changed.append((a.row(), b.row())))
    widths = [w.table.columnWidth(c) for c in range(w.model.columnCount())]
    w.select_session(w.model.session_at(3).id)
    sid = w.current_session_id()
    ops.next_phase(parent=w, repo=w.repo, session_id=sid)  # one session's phase and status
    assert resets == []
    assert changed == [(3, 3)]
    assert w.model.session_at(3).phase == "silent_writing"
    assert [w.table.columnWidth(c) for c in range(w.model.columnCount())] == widths
    assert w.current_session_id() == sid
    ops.add_session(parent=w, repo=w.repo, method="nominal_group", question="¿Otra?")
    # a new row: the table is read again
    assert resets == [1] and w.model.rowCount() == len(DEMO_SESSIONS) + 1


def test_backup_on_opening_runs_after_the_window_shows(qtbot, tmp_path):
    import shutil

    from cocrea_desktop.store.backup import folder_for

    w, path = _window(qtbot, tmp_path)
    shutil.rmtree(folder_for(path))  # the demo's own backup, made when it was built
    assert w.open_path(path)
    assert list_backups(path) == [], "not on the GUI thread while opening"
    w.show()
    qtbot.waitUntil(lambda: len(list_backups(path)) == 1, timeout=10000)
    qtbot.waitUntil(lambda: not w.repo.pf.backup_pending, timeout=10000)
    w.close()  # nothing changed since: closing copies nothing more
    assert len(list_backups(path)) == 1
    w2 = MainWindow()
    qtbot.addWidget(w2)
    assert w2.open_path(path)
    w2.show()
    qtbot.wait(300)
    w2.close()
    assert len(list_backups(path)) == 1, "an unchanged file is not copied again"
