"""A change in one session leaves the other open session screens alone (issue 20).

With two tables' sessions open side by side, typing an idea at one table re-read and
re-measured the other's results table (and every other open screen) on every change,
undo included: at 200 sessions each action then stalled the window for seconds.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.main_window import MainWindow
from tests.ui.helpers import type_text

IDEAS = ("Hay fugas en la red", "Cobran de más", "No hay informe del comité",
         "La pipa llega tarde", "Falta agua en las secundarias")


@pytest.fixture
def two_tables(qtbot, tmp_path):
    qt_i18n.install("es")
    path = tmp_path / "agua.cocrea.db"
    with Repo.create(path, name="Plan de Acción Local 2027") as repo:
        capture, _ = repo.add_session(method="nominal_group", question="¿Qué falta?",
                                      table_label="Mesa 1")
        discuss, _ = repo.add_session(method="nominal_group", question="¿Qué sobra?",
                                      table_label="Mesa 2")
        for sid in (capture, discuss):
            repo.phases.go_to(sid, "silent_writing")
            repo.phases.go_to(sid, "round")
        for text in IDEAS:
            repo.ideas.add(discuss, text)
        repo.phases.go_to(discuss, "clarification")
        repo.phases.go_to(discuss, "preliminary_vote")
        repo.votes.configure(discuss, "preliminary", k=3)
        for ballot in ("1 2 3", "2 3 4", "3 1 5"):
            repo.votes.enter_ballot(discuss, "preliminary", ballot)
        repo.phases.go_to(discuss, "discussion")
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_path(path)
    w.show()
    screens = {}
    for name, sid in (("discuss", discuss), ("capture", capture)):
        w.select_session(sid)
        screens[name] = w.conduct_session()
        qtbot.waitExposed(screens[name])
    yield w, screens
    for s in screens.values():
        s.close()
    w.close()


def test_typing_at_one_table_does_not_reread_the_other(two_tables, qtbot):
    _w, screens = two_tables
    results = screens["discuss"].panel().results
    assert results.model.rowCount() == 5
    touched: list[str] = []
    results.model.modelReset.connect(lambda: touched.append("reset"))
    results.model.dataChanged.connect(lambda *_a: touched.append("changed"))
    # Re-reading the result refills the round chooser: its rows go and come back.
    results.round_combo.model().rowsRemoved.connect(lambda *_a: touched.append("reread"))
    screens["capture"].activateWindow()
    entry = screens["capture"].findChild(QLineEdit, "idea_entry")
    type_text(qtbot, entry, "Que el comité informe cada mes")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert screens["capture"].repo.ideas.list(screens["capture"].session_id)[-1].text == \
        "Que el comité informe cada mes"
    # Undo is the capture's own: the other table's screen is not re-read either.
    screens["capture"].undo()
    assert screens["capture"].repo.ideas.list(screens["capture"].session_id) == []
    assert touched == []
    assert results.model.rowCount() == 5  # still showing its own session's result


def test_undo_says_which_session_it_changed(two_tables):
    w, screens = two_tables
    repo, sid = w.repo, screens["capture"].session_id
    repo.ideas.add(sid, "Que haya pipa los domingos")
    assert repo.pf.undo().session_id == sid
    assert repo.pf.redo().session_id == sid


def test_a_captured_idea_measures_its_own_row_not_every_row(qtbot, tmp_path, monkeypatch):
    """Rows wrap and grow to their text; capturing one idea in a list of 80 measures
    the new row, not all 81 (Qt's ResizeToContents measured each row on every change)."""
    from cocrea_desktop.ui.models.ideas import IdeasModel

    qt_i18n.install("es")
    path = tmp_path / "agua.cocrea.db"
    with Repo.create(path, name="Plan de Acción Local 2027") as repo:
        sid, _ = repo.add_session(method="nominal_group", question="¿Qué falta?")
        repo.phases.go_to(sid, "silent_writing")
        repo.phases.go_to(sid, "round")
        for n in range(80):
            repo.ideas.add(sid, f"Idea {n}: que la pipa llegue los lunes")
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_path(path)
    w.show()
    screen = w.conduct_session()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    entry = screen.findChild(QLineEdit, "idea_entry")
    type_text(qtbot, entry, "Que la pipa llegue también los martes")  # the screen settles
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    qtbot.wait(400)
    asked: set[int] = set()
    original = IdeasModel.cell

    def cell(self, idea, key, role):
        asked.add(idea.number - 1)  # its row
        return original(self, idea, key, role)

    monkeypatch.setattr(IdeasModel, "cell", cell)
    long_text = "Que el comité del agua informe cada mes " * 6
    type_text(qtbot, entry, long_text.strip())
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    qtbot.wait(100)
    table = screen.panel().table
    assert table.model().rowCount() == 82
    assert table.rowHeight(81) > table.rowHeight(80)  # the long idea's row grew to show it whole
    # Only the rows on screen (the last ones, scrolled to) and the new one were asked.
    assert asked and not [r for r in asked if r < 50]
    screen.close()
    w.close()


def test_one_row_new_among_the_old_is_inserted_not_reset(qtbot):
    """A ballot typed that sorts among the others is one row inserted: the table measures
    that row instead of all 200 of the session's ballots."""
    from cocrea_desktop.ui.models.base import RowsModel

    class Serials(RowsModel):
        COLUMNS = (("serial", "Folio"),)

        def cell(self, row, key, role):
            return row if role == Qt.ItemDataRole.DisplayRole else None

    model = Serials()
    model.update_rows(["0001", "0002", "0004"], key=str, insert_appended=True)
    seen: list[object] = []
    model.modelReset.connect(lambda: seen.append("reset"))
    model.rowsInserted.connect(lambda _p, first, last: seen.append((first, last)))
    assert model.update_rows(["0001", "0002", "0003", "0004"], key=str,
                             insert_appended=True) is False
    assert seen == [(2, 2)]
    assert [model.index(r, 0).data() for r in range(4)] == ["0001", "0002", "0003", "0004"]
    assert model.update_rows(["0004", "0001"], key=str, insert_appended=True) is True
    assert seen[-1] == "reset"


def _ballots(serials: list[str], first: int = 1, ids: list[str] | None = None):
    from cocrea_desktop.core.model import Ballot

    ids = ids or [f"b{s}" for s in serials]
    return [Ballot(id=ids[n - first], session_id="s", round="preliminary", serial=s,
                   entry="4 8 1", status="counted", marks=((4, 3), (8, 2), (1, 1)),
                   number=n)
            for n, s in enumerate(serials, first)]


def test_a_ballot_that_sorts_first_is_one_row_inserted_and_nothing_repainted(qtbot):
    """In the benchmark file (ballots dated 2027) a ballot typed today sorts first: every
    other ballot's place in the order entered moves by one. The place shows only for a
    ballot without a serial, so the list inserts one row and repaints none (it repainted
    and measured all 200)."""
    from cocrea_desktop.ui.models.ballots import BallotsModel

    model = BallotsModel()
    old = _ballots([f"{n:04d}" for n in range(1, 201)])
    model.set_ballots(old)
    inserted: list[tuple[int, int]] = []
    changed: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.dataChanged.connect(lambda top, bottom, _r=(): changed.append((top.row(),
                                                                          bottom.row())))
    model.modelReset.connect(lambda: inserted.append("reset"))
    typed = _ballots([""], ids=["typed"])[0]  # typed on screen: no serial, number 1
    model.set_ballots([typed] + _ballots([f"{n:04d}" for n in range(1, 201)], first=2))
    assert inserted == [(0, 0)] and changed == []
    assert model.index(0, 0).data() == "1" and model.rowCount() == 201
    assert model.ballot_at(200).number == 201  # the rows hold the new objects
    # Without serials the place is what the number column shows: those rows repaint.
    model.set_ballots(_ballots(["", ""], ids=["x", "y"]))
    inserted.clear()
    model.set_ballots(_ballots(["", "", ""], ids=["new", "x", "y"]))
    assert inserted == [(0, 0)]
    assert changed == [(1, 1), (2, 2)]


def test_the_results_of_100_ideas_measure_each_row_once(qtbot, tmp_path):
    """Showing the results sized the columns (the idea's text as wide as its longest)
    after the rows were measured, then made the text column readable: every row was
    measured two or three times at 200 sessions. The rows are measured once, at the
    width they keep; the columns from the rows in view."""
    from cocrea_desktop.ui.views.vote_panels import ResultsView
    from cocrea_desktop.ui.widgets import fit

    qt_i18n.install("es")
    with Repo.create(tmp_path / "agua.cocrea.db", name="Plan de Acción Local 2027") as repo:
        sid, _ = repo.add_session(method="nominal_group", question="¿Qué falta?")
        repo.phases.go_to(sid, "silent_writing")
        repo.phases.go_to(sid, "round")
        for n in range(1, 101):
            repo.ideas.add(sid, f"Idea {n}: que la pipa llegue los lunes a la colonia "
                                f"{'y se avise antes ' * (n % 4)}")
        repo.phases.go_to(sid, "clarification")
        repo.phases.go_to(sid, "preliminary_vote")
        repo.votes.configure(sid, "preliminary", k=5)
        for b in range(30):
            repo.votes.enter_ballot(sid, "preliminary",
                                    " ".join(str(1 + (b * 7 + k * 13) % 100) for k in range(5)))
        view = ResultsView()
        qtbot.addWidget(view)
        view.resize(1200, 700)
        view.show()
        qtbot.waitExposed(view)
        measured: list[int] = []
        original = view.table.resizeRowToContents

        def counting(row: int) -> None:
            measured.append(row)
            original(row)

        view.table.resizeRowToContents = counting
        view.bind(repo, sid)
        qtbot.waitUntil(lambda: len(set(measured)) == 100, timeout=5000)
        qtbot.wait(200)  # nothing more comes
        assert len(measured) == 100
        assert view.table.horizontalHeader().resizeContentsPrecision() == fit.COLUMN_ROWS


def test_calendar_words_are_read_off_the_window_thread(qtbot, tmp_path, monkeypatch):
    """Babel reads a language's calendar data from disk on its first date or time: that
    was the first capture's "saved at" on the window's thread, once the relatoría no longer
    formats dates when the results screen opens. It is read in the background when a
    process opens."""
    import threading

    from babel import localedata

    qt_i18n.install("es")
    path = tmp_path / "agua.cocrea.db"
    Repo.create(path, name="Plan de Acción Local 2027").close()
    monkeypatch.setattr(localedata, "_cache", {})  # as in a program just started
    monkeypatch.setattr(localedata, "_dict_cache", {})
    threads: list[bool] = []
    original = localedata.load

    def load(name, merge_inherited=True):
        threads.append(threading.current_thread() is threading.main_thread())
        return original(name, merge_inherited)

    monkeypatch.setattr(localedata, "load", load)
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_path(path)
    w.show()
    qtbot.waitUntil(lambda: "es_MX" in localedata._cache, timeout=5000)
    assert threads and not any(threads)
    w.close()


def test_an_undone_ballot_is_one_row_removed_not_a_reset(qtbot):
    """Undoing the ballot just typed took one row away from the list by resetting it
    (every row measured again); rows are matched by their id: one row removed, and the
    ballots after it, renumbered, repaint only where the number shows."""
    from cocrea_desktop.ui.models.ballots import BallotsModel

    model = BallotsModel()
    serials = [f"{n:04d}" for n in range(1, 201)]
    model.set_ballots(_ballots([""], ids=["typed"]) + _ballots(serials, first=2))
    seen: list[object] = []
    model.modelReset.connect(lambda: seen.append("reset"))
    model.rowsRemoved.connect(lambda _p, first, last: seen.append(("removed", first, last)))
    model.rowsInserted.connect(lambda _p, first, last: seen.append(("inserted", first, last)))
    model.dataChanged.connect(lambda top, bottom, _r=(): seen.append(("changed", top.row())))
    model.set_ballots(_ballots(serials))
    assert seen == [("removed", 0, 0)]
    assert model.rowCount() == 200 and model.ballot_at(0).number == 1
    # Two typed, one taken away and one new at the end: by key, not by place.
    seen.clear()
    rows = _ballots(serials)
    model.set_ballots(rows[:50] + rows[51:] + _ballots([""], first=201, ids=["otra"]))
    assert seen == [("removed", 50, 50), ("inserted", 199, 199)]
    # Rows whose order changed: a reset.
    seen.clear()
    model.set_ballots(list(reversed(_ballots(serials))))
    assert seen == ["reset"]
