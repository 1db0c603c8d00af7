"""Proposals on screen: «Promover a propuesta…» on the results (button, right-click menu,
Ctrl+Shift+R) through the real form, the «Propuesta» column, and the «Propuestas del
proceso» window: filters, join, separate, withdraw, undo; every word shown at 1024x768."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from cocrea_desktop import i18n
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.dialogs.proposal_dialog import ProposalDialog
from cocrea_desktop.ui.dialogs.text_dialog import TextDialog
from cocrea_desktop.ui.views.proposals_window import ProposalsWindow
from cocrea_desktop.ui.views.vote_panels import ResultsView
from tests.export.bundle_helpers import nominal_group
from tests.ui.helpers import type_text, when_dialog


@pytest.fixture(autouse=True)
def unfinished(monkeypatch):
    """The sessions asked about before promoting from one not concluded (answered yes)."""
    from cocrea_desktop.ui.dialogs import proposal_dialog

    asked: list[str] = []
    monkeypatch.setattr(proposal_dialog, "confirm_unfinished",
                        lambda _parent, session: asked.append(session.id) or True)
    return asked


@pytest.fixture
def errors(monkeypatch):
    """The messages the operations would have shown in a box."""
    from cocrea_desktop.ui import operations as ops

    seen: list[str] = []
    monkeypatch.setattr(ops, "show_error", lambda _parent, err: seen.append(err.message))
    return seen


@pytest.fixture
def voted(repo, fake_clock):
    qt_i18n.install("es")
    return nominal_group(repo, "Mesa 1 · Servicios", ["Alumbrado", "Bacheo", "Drenaje",
                                                      "Agua"],
                         ["3 1 2", "3 2 1", "1 3 4"], fake_clock)


@pytest.fixture
def results(qtbot, repo, voted):
    view = ResultsView()
    qtbot.addWidget(view)
    view.bind(repo, voted)
    view.resize(1100, 600)
    view.show()
    qtbot.waitExposed(view)
    return view


def save_with(theme: str = "", title: str | None = None):
    def act(dialog: ProposalDialog) -> None:
        if title is not None:
            dialog.title.clear()
            dialog.title.setText(title)
        if theme:
            dialog.theme.setCurrentText(theme)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    return act


def column(view, title: str) -> int:
    model = view.table.model()
    return next(c for c in range(model.columnCount())
                if model.headerData(c, Qt.Orientation.Horizontal) == title)


def test_the_button_promotes_the_chosen_row_and_the_column_shows_it(qtbot, repo, voted,
                                                                     results, errors):
    assert results.promote_button.text() == "Promover a propuesta…"
    results.table.selectRow(1)  # 2.º: idea 1, «Alumbrado»
    seen = when_dialog(qtbot, ProposalDialog, save_with(theme="Servicios"))
    qtbot.mouseClick(results.promote_button, Qt.MouseButton.LeftButton)
    dialog = seen["dialog"]
    assert dialog.windowTitle() == "Promover a propuesta"
    assert dialog.table_label.text() == "Mesa 1 · Servicios"
    assert "2.º · idea 1: Alumbrado" in dialog.origin.text()
    [proposal] = repo.proposals.list()
    assert (proposal.title, proposal.theme, proposal.source["rank"]) == ("Alumbrado",
                                                                         "Servicios", 2)
    qtbot.waitUntil(lambda: "Propuesta" in [
        results.table.model().headerData(c, Qt.Orientation.Horizontal)
        for c in range(results.table.model().columnCount())])
    col = column(results, "Propuesta")
    assert results.table.model().index(1, col).data() == "1"
    assert results.table.model().index(0, col).data() == ""
    assert errors == []


@pytest.mark.qt_log_ignore("This plugin does not support raise", "grabbing the keyboard")
def test_the_right_click_menu_promotes_the_row_clicked(qtbot, repo, voted, results, errors):
    rect = results.table.visualRect(results.table.model().index(0, 2))
    results.table.customContextMenuRequested.emit(rect.center())
    menu = results.context_menu
    assert [a.text() for a in menu.actions()] == ["Promover a propuesta…"]
    assert results.table.currentIndex().row() == 0
    when_dialog(qtbot, ProposalDialog, save_with(title="Drenaje en la colonia Centro"))
    menu.actions()[0].trigger()
    menu.close()
    [proposal] = repo.proposals.list()
    assert proposal.title == "Drenaje en la colonia Centro"
    assert proposal.source["number"] == "3" and proposal.source["rank"] == 1
    # Again on the same row: it is already a proposal, and nothing changes.
    results.table.customContextMenuRequested.emit(rect.center())
    results.context_menu.actions()[0].trigger()
    results.context_menu.close()
    assert errors == ["Ese resultado ya es la propuesta 1."]
    assert len(repo.proposals.list()) == 1


def test_the_shortcut_opens_the_form_and_cancel_changes_nothing(qtbot, repo, voted, results):
    head = repo.journal_head()
    results.activateWindow()
    qtbot.waitUntil(results.isActiveWindow)
    results.table.setFocus()
    results.table.selectRow(2)

    def cancel(dialog):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    seen = when_dialog(qtbot, ProposalDialog, cancel)
    qtbot.keyClick(results.table, Qt.Key.Key_R,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "dialog" in seen
    assert repo.journal_head() == head and repo.proposals.list() == []
    # An empty title is refused in the form, which stays open until saved properly.

    def empty_then_fill(dialog):
        dialog.title.clear()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        assert dialog.isVisible() and dialog.error.text() == "Escriba el título de la propuesta."
        type_text(qtbot, dialog.title, "Pavimentación")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    seen = when_dialog(qtbot, ProposalDialog, empty_then_fill)
    results.activateWindow()
    qtbot.waitUntil(results.isActiveWindow)
    results.table.setFocus()
    qtbot.keyClick(results.table, Qt.Key.Key_R,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "dialog" in seen
    assert [p.title for p in repo.proposals.list()] == ["Pavimentación"]


@pytest.fixture
def pooled(repo, fake_clock):
    qt_i18n.install("es")
    a = nominal_group(repo, "Mesa 1", ["Alumbrado", "Bacheo", "Drenaje", "Agua"],
                      ["3 1 2", "3 2 1"], fake_clock)
    b = nominal_group(repo, "Mesa 2", ["Luminarias", "Clínica", "Médico", "Agua"],
                      ["1 2 3", "2 1 3"], fake_clock)
    for sid, number, theme in ((a, "3", "Servicios"), (a, "1", "Servicios"),
                               (b, "1", "Servicios"), (b, "2", "Salud")):
        repo.proposals.promote(sid, "idea", number, theme=theme)
    return a, b


@pytest.fixture
def window(qtbot, repo, pooled):
    w = ProposalsWindow(repo)
    qtbot.addWidget(w)
    w.refresh()
    w.show()
    qtbot.waitExposed(w)
    return w


def titles(w) -> list[str]:
    return [w.model.index(r, 1).data() for r in range(w.model.rowCount())]


def test_the_window_filters_by_theme_and_table(qtbot, window):
    assert titles(window) == ["Drenaje", "Alumbrado", "Luminarias", "Clínica"]
    window.theme.setCurrentIndex(window.theme.findText("Salud"))
    assert titles(window) == ["Clínica"]
    window.theme.setCurrentIndex(0)
    window.table_filter.setCurrentIndex(window.table_filter.findText("Mesa 1"))
    assert titles(window) == ["Drenaje", "Alumbrado"]
    assert window.count.text() == "2 de 4 propuestas activas."


def test_join_separate_withdraw_and_undo_in_the_window(qtbot, repo, window, errors,
                                                       monkeypatch):
    def choose(*rows):
        window.table.clearSelection()
        for row in rows:
            window.table.selectionModel().select(
                window.model.index(row, 0),
                window.table.selectionModel().SelectionFlag.Select
                | window.table.selectionModel().SelectionFlag.Rows)

    choose(1, 2)  # «Alumbrado» (Mesa 1) and «Luminarias» (Mesa 2): the same proposal
    assert window.join_button.isEnabled()
    qtbot.mouseClick(window.join_button, Qt.MouseButton.LeftButton)
    assert titles(window) == ["Drenaje", "Alumbrado", "Clínica"]
    assert window.model.index(1, 3).data() == "Mesa 1\nMesa 2"
    window.table_filter.setCurrentIndex(window.table_filter.findText("Mesa 2"))
    assert titles(window) == ["Alumbrado", "Clínica"]
    window.table_filter.setCurrentIndex(0)
    assert window.undo_button.isEnabled()
    qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)
    assert titles(window) == ["Drenaje", "Alumbrado", "Luminarias", "Clínica"]
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # redo
    assert titles(window) == ["Drenaje", "Alumbrado", "Clínica"]
    window.show_all.setChecked(True)
    assert window.model.index(2, 5).data() == "unida a la 2"
    choose(2)
    assert window.separate_button.isEnabled() and not window.withdraw_button.isEnabled()
    qtbot.mouseClick(window.separate_button, Qt.MouseButton.LeftButton)
    assert [p.status for p in repo.proposals.list(include_inactive=True)] == ["active"] * 4
    monkeypatch.setattr(TextDialog, "ask", classmethod(
        lambda cls, parent, title, prompt, text="": "Ya la atiende el centro de salud"))
    choose(3)
    qtbot.mouseClick(window.withdraw_button, Qt.MouseButton.LeftButton)
    assert window.model.index(3, 5).data() == "retirada: Ya la atiende el centro de salud"
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.model.index(3, 5).data() == "activa"
    assert errors == []


def test_office_proposal_and_promote_from_the_window(qtbot, repo, window, pooled, errors):
    def fill(dialog):
        assert dialog.windowTitle() == "Nueva propuesta" and not dialog.source.isVisible()
        type_text(qtbot, dialog.title, "Ventanilla única")
        dialog.table_label.setText("Solicitud por escrito")
        dialog.theme.setCurrentText("Trámites")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    when_dialog(qtbot, ProposalDialog, fill)
    qtbot.mouseClick(window.add_button, Qt.MouseButton.LeftButton)
    assert titles(window)[-1] == "Ventanilla única"
    assert window.model.index(4, 4).data() == "oficina · Solicitud por escrito"
    assert repo.proposals.list()[-1].source_kind == "office"

    def administration(dialog):
        assert dialog.administration.isVisible() and not dialog.administration.isChecked()
        assert dialog.administration.text() == "La propone la &administración municipal"
        type_text(qtbot, dialog.title, "Padrón de usuarios del agua")
        dialog.table_label.setText("Obras Públicas")
        qtbot.mouseClick(dialog.administration, Qt.MouseButton.LeftButton,
                         pos=dialog.administration.rect().bottomLeft() / 2)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    when_dialog(qtbot, ProposalDialog, administration)
    qtbot.mouseClick(window.add_button, Qt.MouseButton.LeftButton)
    assert repo.proposals.list()[-1].source_kind == "administration"
    # The new one is chosen (and scrolled to), its description shown.
    assert [p.title for p in window.chosen()] == ["Padrón de usuarios del agua"]
    assert window.model.index(5, 4).data() == "administración municipal · Obras Públicas"
    window.session.setCurrentIndex(window.session.findData(pooled[1]))

    def promote(dialog):
        assert not dialog.administration.isVisible()
        assert dialog.source.count() == 2  # its ideas 1 and 2 are proposals already
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    when_dialog(qtbot, ProposalDialog, promote)
    qtbot.mouseClick(window.promote_button, Qt.MouseButton.LeftButton)
    assert len(titles(window)) == 7
    window.table.selectRow(0)

    def edit(dialog):
        assert dialog.title.text() == "Drenaje" and not dialog.table_label.isEnabled()
        dialog.problem.setPlainText("Las calles se inundan")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    when_dialog(qtbot, ProposalDialog, edit)
    qtbot.mouseClick(window.edit_button, Qt.MouseButton.LeftButton)
    assert repo.proposals.by_label("1").problem == "Las calles se inundan"
    assert "Las calles se inundan" in window.detail.text()
    assert errors == []
    empty, _c = repo.add_session(method="nominal_group", question="¿Y el mercado?")
    window.refresh()
    window.session.setCurrentIndex(window.session.findData(empty))
    qtbot.mouseClick(window.promote_button, Qt.MouseButton.LeftButton)
    assert errors == ["El resultado de la sesión no ofrece nada que promover."]


@pytest.mark.parametrize("language", ["es", "en"])
def test_every_word_shows_at_1024x768(qtbot, repo, window, language):
    from tests.ui.cut_text import cut_texts

    qt_i18n.install(language)
    try:
        window.resize(1024, 768)
        window.table.selectRow(0)
        QApplication.processEvents()
        assert cut_texts(window) == []
        dialog = ProposalDialog(window, save=lambda v: True,
                                offered=repo.proposals.result(repo.sessions()[0].id))
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        assert cut_texts(dialog) == []
        if language == "en":
            assert window.promote_button.text() == "&Promote a result…"
            assert window.model.index(0, 5).data() == "active"
            assert dialog.windowTitle() == "Promote to proposal"
    finally:
        qt_i18n.install("es")
        i18n.set_language("es")


def test_the_main_window_opens_the_proposals_with_ctrl_shift_p(qtbot, tmp_path):
    from cocrea_desktop.store.demo import create_demo
    from cocrea_desktop.ui.main_window import MainWindow

    qt_i18n.install("es")
    main = MainWindow()
    qtbot.addWidget(main)
    assert main.open_path(create_demo(tmp_path / "demo.cocrea.db"))
    main.show()
    qtbot.waitExposed(main)
    assert main.act_proposals.shortcut().toString() == "Ctrl+Shift+P"
    main.act_proposals.trigger()
    w = main.proposals_window
    assert w is not None and w.isVisible()
    assert titles(w)[0] == "Programa de reparación de fugas en la red de agua"
    assert w.theme.findText("Rendición de cuentas") > 0
    main.close_session_screens()
    assert main.proposals_window is None


@pytest.fixture
def demo(tmp_path):
    from cocrea_desktop.store.demo import create_demo
    from cocrea_desktop.store.repo import Repo

    qt_i18n.install("es")
    repo = Repo.open(create_demo(tmp_path / "demo.cocrea.db"))
    yield repo
    repo.close()


def method_screen(qtbot, repo, method: str, phase: str):
    from cocrea_desktop.ui.views.session_screen import SessionScreen

    session = next(s for s in repo.sessions() if s.method == method)
    if session.status == "closed":
        repo.reopen_session(session.id)
    repo.phases.go_to(session.id, phase)
    screen = SessionScreen(repo, session.id)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    return session.id, screen.panel()


def test_a_fishbowl_cluster_is_promoted_from_its_panel(qtbot, demo, errors):
    sid, panel = method_screen(qtbot, demo, "fishbowl", "clustering")
    row = next(r for r in range(panel.clusters_model.rowCount())
               if panel.clusters_model.row_at(r).number == 2)
    panel.clusters.selectRow(row)
    label = panel.clusters_model.row_at(row).label

    def check(dialog):
        assert dialog.current().title == label and dialog.current().source["number"] == "2"
        dialog.theme.setCurrentText("Obras")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    when_dialog(qtbot, ProposalDialog, check)
    qtbot.mouseClick(panel.promote_button, Qt.MouseButton.LeftButton)
    made = [p for p in demo.proposals.list() if p.session_id == sid]
    assert [(p.title, p.source_kind, p.theme) for p in made][-1] == (label, "cluster", "Obras")
    assert errors == []


def test_a_fair_letter_and_a_stand_are_promoted_from_their_panels(qtbot, demo, errors):
    sid, letters = method_screen(qtbot, demo, "idea_fair", "letters")
    gardens = next(r for r in range(letters.model.rowCount())
                   if letters.model.key_at(r) == demo.fair.letters(sid)[0].id)
    letters.table.selectRow(gardens)
    seen = when_dialog(qtbot, ProposalDialog, save_with())
    qtbot.mouseClick(letters.promote_button, Qt.MouseButton.LeftButton)
    assert seen["dialog"].current().source_kind == "fair_letter"
    made = demo.proposals.list()[-1]
    assert (made.source_kind, made.source["number"]) == ("fair_letter", "CC-001")
    demo.phases.go_to(sid, "closing")
    from cocrea_desktop.ui.views.session_screen import SessionScreen

    screen = SessionScreen(demo, sid)
    qtbot.addWidget(screen)
    closing = screen.panel()

    def stand(dialog):
        assert dialog.current().source_kind == "fair_stand"  # the best voted not yet taken
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    when_dialog(qtbot, ProposalDialog, stand)
    qtbot.mouseClick(closing.promote_button, Qt.MouseButton.LeftButton)
    assert demo.proposals.list()[-1].source_kind == "fair_stand"
    assert errors == []


def test_the_window_closes_with_esc_ctrl_w_and_its_button(qtbot, window):
    for close in (lambda: qtbot.keyClick(window.table, Qt.Key.Key_W,
                                         Qt.KeyboardModifier.ControlModifier),
                  lambda: qtbot.keyClick(window.table, Qt.Key.Key_Escape),
                  lambda: qtbot.mouseClick(window.close_button, Qt.MouseButton.LeftButton)):
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        window.table.setFocus()
        close()
        qtbot.waitUntil(lambda: not window.isVisible())
    assert window.close_button.text() == "&Cerrar (Esc)"


def test_the_count_is_singular_and_an_empty_list_says_so_and_keeps_its_columns(
        qtbot, repo, window):
    window.theme.setCurrentIndex(window.theme.findText("Salud"))
    assert window.count.text() == "1 de 4 propuestas activas."
    assert not window.empty.isVisible()
    widths = [window.table.columnWidth(c) for c in range(6)]
    window.table_filter.setCurrentIndex(window.table_filter.findText("Mesa 1"))
    assert window.model.rowCount() == 0
    assert window.empty.isVisible() and "Ninguna propuesta coincide" in window.empty.text()
    assert all(window.table.columnWidth(c) >= min(w, 100) for c, w in enumerate(widths))
    assert window.table.columnWidth(1) >= 300
    for p in repo.proposals.list()[1:]:
        repo.proposals.withdraw(p.id, "Ya se atiende")
    window.table_filter.setCurrentIndex(0)
    window.theme.setCurrentIndex(0)
    assert window.count.text() == "1 de 1 propuesta activa."


def test_an_empty_process_shows_what_to_do(qtbot, repo):
    qt_i18n.install("es")
    w = ProposalsWindow(repo)
    qtbot.addWidget(w)
    w.refresh()
    w.show()
    qtbot.waitExposed(w)
    assert w.empty.isVisible() and w.empty.text().startswith("Todavía no hay propuestas")
    assert w.table.columnWidth(1) >= 300 and w.table.columnWidth(2) >= 170
    assert w.count.text() == "0 de 0 propuestas activas."


def test_a_proposal_without_a_theme_is_found_with_sin_tema(qtbot, repo, window):
    repo.proposals.add("Ventanilla única", table_label="Oficina")
    window.refresh()
    window.theme.setCurrentIndex(window.theme.findText("Sin tema"))
    assert titles(window) == ["Ventanilla única"]


def test_separar_works_from_the_proposal_kept_and_asks_which(qtbot, repo, window, errors,
                                                             monkeypatch):
    one, two, three, four = repo.proposals.list()
    repo.proposals.join(two.id, three.id)
    repo.proposals.join(two.id, four.id)
    window.refresh()
    window.table.selectRow(1)
    assert window.chosen()[0].id == two.id and window.separate_button.isEnabled()
    window.table.selectRow(0)
    assert not window.separate_button.isEnabled() and window.separate_button.toolTip()
    asked: list[list[str]] = []

    def pick(cls, parent, options):
        asked.append([p.label for p in options])
        return options[1]

    monkeypatch.setattr(ProposalsWindow, "ask_which", classmethod(pick))
    window.table.selectRow(1)
    qtbot.mouseClick(window.separate_button, Qt.MouseButton.LeftButton)
    assert asked == [["3", "4"]]
    assert repo.proposals.get(four.id).active and not repo.proposals.get(three.id).active
    window.table.selectRow(1)
    qtbot.mouseClick(window.separate_button, Qt.MouseButton.LeftButton)  # one left: no question
    assert asked == [["3", "4"]] and repo.proposals.get(three.id).active
    assert errors == []


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_saves_the_list_as_shown_and_no_formula_runs(qtbot, repo, window, tmp_path,
                                                            monkeypatch, suffix):
    one = repo.proposals.list()[0]
    repo.proposals.edit(one.id, title="=HYPERLINK(\"http://x\")")
    window.theme.setCurrentIndex(window.theme.findText("Servicios"))
    target = tmp_path / ("lista" + suffix)
    monkeypatch.setattr(ProposalsWindow, "ask_export_path",
                        classmethod(lambda cls, parent, suggested: str(target)))
    qtbot.mouseClick(window.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.last_export is not None, timeout=10000)
    assert window.last_export == target and str(target) in window.last_message
    if suffix == ".csv":
        import csv

        rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines()))
    else:
        from openpyxl import load_workbook

        sheet = load_workbook(target).active
        rows = [[c.value or "" for c in row] for row in sheet.iter_rows()]
        assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    assert rows[0][:3] == ["Propuesta", "Estado", "Título"]
    titles_saved = [r[2] for r in rows[1:]]
    assert len(titles_saved) == 3 and "Clínica" not in titles_saved  # the theme filter
    assert any("HYPERLINK" in t for t in titles_saved)
    assert not any(t.startswith("=") for t in titles_saved)


def test_export_cancelled_writes_nothing(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setattr(ProposalsWindow, "ask_export_path",
                        classmethod(lambda cls, parent, suggested: None))
    qtbot.mouseClick(window.export_button, Qt.MouseButton.LeftButton)
    assert window.export_task is None and window.last_export is None
    assert list(tmp_path.iterdir()) == [] or not any(
        p.suffix in (".csv", ".xlsx") for p in tmp_path.iterdir())


def test_f1_in_the_results_phase_lists_the_promote_key(qtbot, repo, voted):
    from cocrea_desktop.ui.views.session_screen import SessionScreen, help_sections

    screen = SessionScreen(repo, voted)
    qtbot.addWidget(screen)
    phases = screen.phase_panels()
    results = next(p for p, panel in phases if p.kind == "results")
    heading, lines = help_sections(phases, results)[0]
    assert heading.startswith("En esta fase")
    assert (qt_i18n.key_text("Ctrl+Shift+R"),
            "Promover el resultado elegido a propuesta del proceso") in lines
    assert not any("no tiene teclas propias" in what for _k, what in lines)


def test_promoting_from_a_session_not_concluded_asks_first(qtbot, repo, voted, results,
                                                           unfinished, monkeypatch):
    from cocrea_desktop.ui.dialogs import proposal_dialog

    monkeypatch.setattr(proposal_dialog, "confirm_unfinished",
                        lambda _parent, session: unfinished.append(session.id) and False)
    qtbot.mouseClick(results.promote_button, Qt.MouseButton.LeftButton)  # no form opens
    assert unfinished == [voted] and repo.proposals.list() == []
    monkeypatch.setattr(proposal_dialog, "confirm_unfinished",
                        lambda _parent, session: unfinished.append(session.id) or True)
    when_dialog(qtbot, ProposalDialog, save_with())
    qtbot.mouseClick(results.promote_button, Qt.MouseButton.LeftButton)
    assert len(repo.proposals.list()) == 1
    repo.update_session(voted, status="closed")
    unfinished.clear()
    when_dialog(qtbot, ProposalDialog, save_with())
    qtbot.mouseClick(results.promote_button, Qt.MouseButton.LeftButton)
    assert unfinished == [] and len(repo.proposals.list()) == 2


def test_the_promote_form_starts_in_the_title_and_says_the_result_whole(qtbot, repo, voted):
    offered = repo.proposals.result(voted)
    dialog = ProposalDialog(None, save=lambda v: True, offered=offered)
    qtbot.addWidget(dialog)
    dialog.resize(680, 400)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert dialog.focusWidget() is dialog.title
    assert dialog.title.selectedText() == dialog.title.text()
    whole = dialog.source.currentText()
    assert dialog.source.toolTip() == whole and whole in dialog.origin.text()
    assert dialog.origin.wordWrap()
    qtbot.keyClicks(dialog.title, "Luminarias nuevas")
    assert dialog.title.text() == "Luminarias nuevas" and dialog.source.currentText() == whole


def test_the_windows_undo_takes_back_only_its_own_actions(qtbot, repo, window):
    """The walk: «Deshacer» in the proposals window took back the commitment just saved in
    the plan window, without a word (the undo stack is one per file)."""
    from cocrea_desktop.ui import operations as ops

    assert window.undo_button.isEnabled()  # promoting was the last action: its own
    _commitment, changes = repo.commitments.add("Alumbrado en todas las colonias",
                                                office_reason="Lo pidió el cabildo")
    ops.bus().changed.emit(changes)  # saved in the plan window
    assert not window.undo_button.isEnabled()
    assert "otra ventana" in window.undo_button.toolTip()
    assert "Alumbrado en todas las colonias" in window.undo_button.toolTip()
    window.undo()  # Ctrl+Z in this window: nothing of the plan is taken back
    assert len(repo.commitments.list()) == 1
    ops.undo(parent=None, repo=repo)  # Editar › Deshacer of the main window
    assert len(repo.commitments.list()) == 0
    assert window.undo_button.isEnabled()  # the promotion is again the last action
