"""Every phase kind of every method has its panel, registered by the generic ui modules or
by the method package's qt module; a kind nobody registered is an error, never a silent
"no panel" page."""

from __future__ import annotations

import pytest

from cocrea_desktop.core.methods import all_methods, register, unregister
from cocrea_desktop.core.methods.base import Method, Phase
from cocrea_desktop.ui import panel_registry
from cocrea_desktop.ui.panel_registry import (
    UnknownPanelKind,
    load_method_panels,
    panel_class,
    register_panel,
)
from cocrea_desktop.ui.views.info import InfoPanel
from cocrea_desktop.ui.views.panel import Panel
from cocrea_desktop.ui.views.session_screen import SessionScreen
from tests import toy_method


@pytest.fixture
def toy():
    method = toy_method.install()
    yield method
    toy_method.uninstall()


def every_kind() -> list[tuple[str, str]]:
    return [(m.key, p.kind) for m in all_methods() for p in m.phases]


def test_every_phase_kind_of_every_method_has_a_panel(qtbot, toy):
    assert any(key == toy.key for key, _kind in every_kind())  # the toy is checked too
    missing = []
    for method in all_methods():
        load_method_panels(method)
        for phase in method.phases:
            try:
                cls = panel_class(phase.kind)
            except UnknownPanelKind:
                missing.append((method.key, phase.key, phase.kind))
                continue
            assert issubclass(cls, Panel), (method.key, phase.kind, cls)
            panel = cls()  # each one builds
            qtbot.addWidget(panel)
    assert not missing, missing


def test_a_method_panel_comes_from_its_own_package(toy):
    for method in all_methods():
        load_method_panels(method)
    assert panel_class("turns").__module__.startswith("cocrea_desktop.methods.fishbowl.qt.")
    assert panel_class("fair_letters").__module__.startswith(
        "cocrea_desktop.methods.idea_fair.qt.")
    assert panel_class("toy_colours").__module__ == "tests.toy_method.qt"
    assert panel_class("vote").__module__ == "cocrea_desktop.ui.views.vote_panels"


def test_an_unknown_kind_is_an_error_not_a_fallback():
    with pytest.raises(UnknownPanelKind, match="no_such_kind"):
        panel_class("no_such_kind")
    assert "info" in panel_registry.registered_kinds()  # the generic page is a kind of its own


def test_a_kind_is_not_taken_twice():
    with pytest.raises(ValueError, match="capture"):
        register_panel("capture", InfoPanel)


def test_uninstalling_the_toy_forgets_its_panel_and_installing_brings_it_back(qtbot):
    toy_method.install()
    load_method_panels(toy_method.TOY)
    assert "toy_colours" in panel_registry.registered_kinds()
    toy_method.uninstall()
    assert "toy_colours" not in panel_registry.registered_kinds()
    toy_method.install()
    try:
        load_method_panels(toy_method.TOY)
        assert "toy_colours" in panel_registry.registered_kinds()
    finally:
        toy_method.uninstall()


def test_the_session_screen_refuses_a_phase_kind_without_panel(qtbot, repo):
    orphan = register(Method(key="orphan_test", package="", order=999,
                             title="Huérfano", summary="",
                             phases=(Phase("only", "Única", "Regla", "Qué hacer",
                                           kind="nobody_registered"),)))
    try:
        sid, _changes = repo.add_session(method=orphan.key, question="¿Qué hacemos?")
        with pytest.raises(UnknownPanelKind, match="nobody_registered"):
            SessionScreen(repo, sid)
    finally:
        unregister(orphan.key)


def test_the_help_lists_the_keys_of_the_methods_own_panels(qtbot, repo):
    """F1 in a fishbowl session lists the fishbowl's keys (from its panels); in a nominal
    group they would only be noise."""
    from PySide6.QtCore import Qt

    texts = {}
    for method in ("fishbowl", "nominal_group"):
        sid, _changes = repo.add_session(method=method, question="¿Qué hacemos?")
        screen = SessionScreen(repo, sid)
        qtbot.addWidget(screen)
        screen.show()
        qtbot.waitExposed(screen)
        screen.activateWindow()
        qtbot.waitUntil(screen.isActiveWindow)
        qtbot.keyClick(screen, Qt.Key.Key_F1)
        texts[method] = screen.help.label.text()
        screen.help.close()
        screen.close()
    for line in ("Pecera: sortear el orden de los turnos",
                 "Pecera: terminar el turno del grupo del centro",
                 "Pecera: poner las ideas elegidas en ese grupo de ideas"):
        assert line in texts["fishbowl"] and line not in texts["nominal_group"]
    assert "Siguiente fase" in texts["nominal_group"]
