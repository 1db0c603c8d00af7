"""Issue 20, sixth pass: what the last GUI-thread stalls at 200 sessions were made of."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from cocrea_desktop import i18n
from cocrea_desktop.store import migrations
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.views import vote_panels
from cocrea_desktop.ui.views.session_screen import SessionScreen
from cocrea_desktop.ui.widgets.fit import WrappedLabel

LONG = ("Casi empates (diferencia de 1 o de 5 % o menos): la idea 4 y la idea 9 quedaron a "
        "un punto; la idea 12 y la idea 30 también. ") * 12


def _voting(tmp_path) -> tuple[Repo, str]:
    repo = Repo.create(tmp_path / "agua.cocrea.db", name="Plan de Acción Local 2027")
    sid, _ = repo.add_session(method="nominal_group", question="¿Qué falta?",
                              table_label="Mesa 1")
    repo.phases.go_to(sid, "silent_writing")
    repo.phases.go_to(sid, "round")
    for text in ("Hay fugas en la red", "Cobran de más", "No hay informe del comité"):
        repo.ideas.add(sid, text)
    repo.phases.go_to(sid, "clarification")
    repo.phases.go_to(sid, "preliminary_vote")
    repo.votes.configure(sid, "preliminary", k=2)
    repo.votes.enter_ballot(sid, "preliminary", "1 2")
    return repo, sid


def test_a_wrapped_label_answers_its_height_for_the_text_it_shows(qtbot):
    """The results' explanation keeps its height per width (Qt asked 49 times for it when
    the results showed, and QLabel laid its 2,000 characters out each time); the answer
    follows the text, the font and the width."""
    label = WrappedLabel()
    qtbot.addWidget(label)
    plain = vote_panels.QLabel()
    plain.setWordWrap(True)
    qtbot.addWidget(plain)
    for text in (LONG, LONG[:200], "Corto"):
        label.setText(text)
        plain.setText(text)
        for width in (300, 600, 300, 981):
            assert label.heightForWidth(width) == plain.heightForWidth(width)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    label.setFont(font)
    plain.setFont(font)
    assert label.heightForWidth(300) == plain.heightForWidth(300)
    assert label.wordWrap()
    view = vote_panels.ResultsView()
    qtbot.addWidget(view)
    assert isinstance(view.explain, WrappedLabel)


def test_a_session_screen_reads_its_panel_once_when_it_opens(qtbot, tmp_path, monkeypatch):
    """Opening a screen gave the panel the session (it read everything) and then
    translated it, which read everything again: a fifth of opening a vote screen."""
    qt_i18n.install("es")
    repo, sid = _voting(tmp_path)
    reads = []
    original = vote_panels.VotePanel.refresh
    monkeypatch.setattr(vote_panels.VotePanel, "refresh",
                        lambda self: (reads.append(1), original(self))[1])
    try:
        screen = SessionScreen(repo, sid)
        qtbot.addWidget(screen)
        assert screen.panel().ballots_model.rowCount() == 1  # it did read
        assert len(reads) == 1
        screen.show()
        qtbot.waitExposed(screen)
        assert screen.next_button.text() and screen.panel().title.text()
        # A language change still translates (and reads) the panel.
        qt_i18n.install("en")
        QApplication.processEvents()
        assert len(reads) == 2
        assert screen.next_button.text() == i18n._("Siguiente fase →")
    finally:
        qt_i18n.install("es")
        repo.close()


def test_qt_words_are_looked_up_once_per_language(qapp):
    """Qt asked the translator 1,300 times when a session screen opened, mostly for the
    same few words (its shortcuts' key names): each answer is kept, per language."""
    qt_i18n.install("es")
    try:
        translator = qt_i18n.QtWording(None, "es")
        asked = []
        original = translator._translate
        translator._translate = lambda *a: (asked.append(a), original(*a))[1]
        first = translator.translate("QShortcut", "Ctrl")
        assert translator.translate("QShortcut", "Ctrl") == first
        assert len(asked) == 1
        i18n.set_language("en")  # the same translator, another language: asked again
        translator.translate("QShortcut", "Ctrl")
        assert len(asked) == 2
    finally:
        qt_i18n.install("es")


def test_pending_reads_the_record_once_and_sees_a_method_migration_missing(tmp_path):
    """Opening a process asked sqlite-utils once per migration set (17 reads); one read
    answers the same question, including for a method's migration not yet applied."""
    repo, _sid = _voting(tmp_path)
    try:
        db = repo.pf.db
        assert not migrations.pending(db)
        statements = []
        db.conn.set_trace_callback(statements.append)
        assert not migrations.pending(db)
        db.conn.set_trace_callback(None)
        assert len([s for s in statements if "_sqlite_migrations" in s]) == 1
        method_set = next(s for s in migrations.method_sets() if s._migrations)
        name = method_set._migrations[-1].name
        with db.conn:
            db.execute("DELETE FROM _sqlite_migrations WHERE migration_set = ? AND name = ?",
                       [method_set.name, name])
        assert migrations.pending(db)
    finally:
        repo.close()


def test_the_next_phase_panel_is_built_while_the_screen_waits(qtbot, tmp_path):
    """The results and relatoría tabs were built when the final vote moved to the results
    (a tenth of that stall at 200 sessions): the screen builds the next phase's panel,
    hidden, once it is idle; the move then finds it and gives it the session."""
    qt_i18n.install("es")
    repo, sid = _voting(tmp_path)
    try:
        screen = SessionScreen(repo, sid)
        qtbot.addWidget(screen)
        screen.show()
        qtbot.waitExposed(screen)
        current = screen.panel()
        qtbot.waitUntil(lambda: len(screen.panels) == 2, timeout=3000)
        built = next(p for p in screen.panels.values() if p is not current)
        assert not built.isVisible() and built.repo is None  # hidden, nothing read yet
        screen.next_phase()  # preliminary vote -> discussion
        assert screen.panel() is built and built.repo is repo
        assert screen.phase.key == "discussion"
        assert built.results.model.rowCount() == 3  # it read the session when shown
    finally:
        repo.close()


def test_figure_columns_sized_from_their_texts_match_the_delegate(qtbot):
    """The results' figure columns are sized from their texts (each distinct text once)
    rather than through the item delegate, cell by cell: the widths are the ones Qt gives
    where it measures every row, and a wide figure far down the list counts too."""
    from PySide6.QtWidgets import QTableView

    from cocrea_desktop.ui.models.base import RowsModel
    from cocrea_desktop.ui.widgets import fit

    class Figures(RowsModel):
        COLUMNS = (("rank", "Lugar"), ("total", "Puntos"), ("d5", "Boletas\ncon 5\npuntos"))

        def cell(self, row, key, role):
            if role == 0:
                return str(row[key])
            if role == 7 and key != "text":  # TextAlignmentRole, as the results'
                return 132
            return None

    def table(rows):
        model = Figures()
        model.set_rows(rows)
        view = QTableView()
        qtbot.addWidget(view)
        view.setModel(model)
        view.show()
        return view

    rows = [{"rank": i + 1, "total": 1000 - 37 * i, "d5": (i * 7) % 13} for i in range(25)]
    by_text, by_qt = table(rows), table(rows)
    fit.size_columns(by_text, by_text=True)
    for column in range(3):
        by_qt.resizeColumnToContents(column)  # 25 rows: Qt measures them all
    assert [by_text.columnWidth(c) for c in range(3)] == \
        [by_qt.columnWidth(c) for c in range(3)]
    rows.append({"rank": 26, "total": 123456789, "d5": 0})  # far down, and the widest
    rows[26:26] = [{"rank": i, "total": 1, "d5": 1} for i in range(27, 80)]
    far = table(rows)
    fit.size_columns(far, by_text=True)
    assert far.columnWidth(1) > by_qt.columnWidth(1)


def test_a_wrapped_label_forgets_its_heights_when_its_look_changes(qtbot):
    label, plain = WrappedLabel(), vote_panels.QLabel()
    plain.setWordWrap(True)
    for widget in (label, plain):
        qtbot.addWidget(widget)
        widget.setText(LONG)
    assert label.heightForWidth(400) == plain.heightForWidth(400)
    for change in (lambda w: w.setMargin(20), lambda w: w.setIndent(30),
                   lambda w: w.setContentsMargins(10, 10, 40, 10),
                   lambda w: w.setStyleSheet("QLabel { font-size: 20pt; padding: 9px; }"),
                   lambda w: w.setText(LONG[:300])):
        change(label)
        change(plain)
        assert label.heightForWidth(400) == plain.heightForWidth(400)


def test_a_phase_move_rereads_its_session_row_not_the_whole_list(qtbot, tmp_path,
                                                                  monkeypatch):
    """Every phase move and undo made the main window read every session of the file
    again (200 in an office file); now the row of the session moved is read alone, and
    the list only when it may have changed otherwise (a session archived, made...)."""
    from cocrea_desktop.ui.main_window import MainWindow

    qt_i18n.install("es")
    repo, sid = _voting(tmp_path)
    other, _ = repo.add_session(method="nominal_group", question="¿Qué sobra?",
                                table_label="Mesa 2")
    path = repo.path
    repo.close()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(path)
    window.show()
    window.select_session(sid)
    screen = window.conduct_session()
    qtbot.addWidget(screen)
    lists = []
    original = type(window.repo).sessions
    monkeypatch.setattr(type(window.repo), "sessions",
                        lambda self, **kw: (lists.append(1), original(self, **kw))[1])
    row = window.model.row_of(sid)
    shown = window.model.index(row, 6).data()
    screen.next_phase()
    assert window.model.session_at(row).phase == "discussion"
    assert lists == []  # the one row read, not the list
    screen.undo()
    assert window.model.session_at(row).phase == "preliminary_vote"
    assert window.model.index(row, 6).data() == shown
    window.select_session(other)
    window.toggle_archive()  # the list changes: read again
    assert lists and window.model.row_of(other) < 0
    screen.close()
    window.close()
