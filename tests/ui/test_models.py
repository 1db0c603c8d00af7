"""Every table model of the program stands on the one base (``ui.models.base.RowsModel``)
and passes pytest-qt's model tester with real data: the demo process, its fishbowl and
its fair filled in, each session walked phase by phase in the session screen, and the
model of every table the screen shows checked there."""

from __future__ import annotations

import importlib
import pkgutil

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QApplication

import cocrea_desktop.methods
import cocrea_desktop.ui.models
from cocrea_desktop.core.methods import all_methods
from cocrea_desktop.store.demo import create_demo
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.models.base import Role, RowsModel
from cocrea_desktop.ui.models.counts import CountsModel
from cocrea_desktop.ui.models.sessions import SessionsModel
from cocrea_desktop.ui.panel_registry import load_method_panels
from cocrea_desktop.ui.views.session_screen import SessionScreen


def model_classes() -> set[type]:
    """Every item model class the program defines (its ui models and its methods' qt)."""
    for info in pkgutil.walk_packages(cocrea_desktop.ui.models.__path__,
                                      cocrea_desktop.ui.models.__name__ + "."):
        importlib.import_module(info.name)
    for method in all_methods():
        load_method_panels(method)
    found, todo = set(), [QAbstractItemModel]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("cocrea_desktop.") and sub is not RowsModel:
                found.add(sub)
    return found


def seed_fishbowl(repo: Repo, sid: str) -> None:
    fishbowl, ideas = repo.fishbowl, repo.ideas
    groups = [fishbowl.add_group(sid, label, size=4)[0]
              for label in ("Ejidatarios", "Comerciantes", "Mujeres")]
    fishbowl.draw_order(sid, shuffle=lambda items: None)
    repo.phases.go_to(sid, "turns")
    said = []
    for group, text in zip(groups, ("Riego por goteo", "Tandeo parejo", "Tanque nuevo"),
                           strict=True):
        fishbowl.start_turn(sid, group.id)
        said.append(ideas.add(sid, text, group_key=group.id)[0])
        fishbowl.end_turn(sid, group.id)
    cluster, _c = ideas.add_cluster(sid, "Ahorro de agua")
    ideas.set_cluster([said[0].id, said[1].id], cluster.id)


def seed_fair(repo: Repo, sid: str) -> None:
    fair = repo.fair
    fair.add_stand(sid, title="Huertos escolares", organisation="Comité de padres")
    fair.add_stand(sid, title="Alumbrado solar del camino", theme="Seguridad")
    fair.add_authority(sid, name="Ana López", post="Regidora de obras")
    fair.add_authority(sid, name="Mario Cruz", post="Director de salud")
    fair.log_visit(sid, 1, 1)
    fair.set_interest(sid, 1, 1, "commit")
    fair.set_interest(sid, 2, 2, "meeting")
    fair.draft_letter(sid, 1, 1)


def test_every_model_is_on_the_one_base():
    others = sorted(f"{c.__module__}.{c.__qualname__}" for c in model_classes()
                    if not issubclass(c, RowsModel))
    assert not others, others


def test_roles_are_declared_once():
    values = [int(r) for r in Role]
    assert len(values) == len(set(values))


def test_every_model_passes_the_model_tester_with_real_data(qtbot, qtmodeltester, tmp_path):
    qt_i18n.install("es")
    repo = Repo.open(create_demo(tmp_path / "demo.cocrea.db"))
    try:
        by_method = {s.method: s.id for s in reversed(repo.sessions())}
        # The demo fills its fishbowl and fair itself; fill them here only if it stops doing so.
        if not repo.fishbowl.groups(by_method["fishbowl"]):
            seed_fishbowl(repo, by_method["fishbowl"])
        if not repo.fair.stands(by_method["idea_fair"]):
            seed_fair(repo, by_method["idea_fair"])
        checked: dict[type, int] = {}

        def check(model) -> None:
            if type(model).__module__.startswith("cocrea_desktop.") and model.rowCount():
                qtmodeltester.check(model)
                checked[type(model)] = max(checked.get(type(model), 0), model.rowCount())

        sessions = SessionsModel()
        sessions.set_sessions(repo.sessions())
        check(sessions)
        counts = CountsModel()  # the vote panel shows it only for typed counts
        first = repo.sessions()[0].id
        counts.set_data(repo.ideas.list(first), {1: 4, 2: 7})
        check(counts)
        assert counts.setData(counts.index(0, 2), 5) and counts.total() == 12
        check(counts)
        for session in repo.sessions():
            if session.status == "closed":  # a concluded session is reopened to walk it
                repo.reopen_session(session.id)
            screen = SessionScreen(repo, session.id)
            qtbot.addWidget(screen)
            screen.show()
            start = repo.phases.current(session.id).key
            for phase in repo.phases.method(session.id).phases:
                repo.phases.go_to(session.id, phase.key)
                screen.reload_phase()
                QApplication.processEvents()
                for view in screen.findChildren(QAbstractItemView):
                    check(view.model())
            repo.phases.go_to(session.id, start)
            screen.close()
        from cocrea_desktop.ui.views.proposals_window import ProposalsWindow

        proposals = ProposalsWindow(repo)  # the demo's proposals, from every table
        qtbot.addWidget(proposals)
        proposals.refresh()
        proposals.show_all.setChecked(True)
        check(proposals.model)
        proposals.close()
        missing = sorted(c.__qualname__ for c in model_classes() - set(checked))
        assert not missing, "models never seen with rows: {}".format(missing)
    finally:
        repo.close()


def test_a_table_deleted_before_its_columns_fit_raises_nothing(qtbot):
    """wrap_rows and readable_column fit the columns a moment later; a table closed in
    that moment (a panel built and closed in one turn) must not be touched any more."""
    import shiboken6
    from PySide6.QtWidgets import QTableView, QWidget

    from cocrea_desktop.ui.models.merges import MergesModel
    from cocrea_desktop.ui.widgets.fit import readable_column, wrap_rows

    holder = QWidget()
    view = QTableView(holder)
    view.setModel(MergesModel(view))
    wrap_rows(view)
    readable_column(view, 0)
    view.model().retranslate()  # asks for a fit later
    shiboken6.delete(holder)
    QApplication.processEvents()  # pytest-qt fails the test on an exception in a slot
