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


def open_help(qtbot, repo, method: str) -> SessionScreen:
    from PySide6.QtCore import Qt

    sid, _changes = repo.add_session(method=method, question="¿Qué hacemos?")
    screen = SessionScreen(repo, sid)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    qtbot.keyClick(screen, Qt.Key.Key_F1)
    assert screen.help.isVisible()
    return screen


def test_the_fairs_help_says_the_fairs_keys_not_the_nominal_groups(qtbot, repo):
    """F1 in the idea fair: no «paso» (Ctrl+P prints the letter there) nor the idea's wording
    (F2 edits the stand); the keys of the phase in force first, then those of every session,
    then the fair's other phases (the interest matrix's 1/2/3/0...)."""
    from PySide6.QtCore import Qt

    screen = open_help(qtbot, repo, "idea_fair")
    text = screen.help.label.text()
    for nominal in ("Registrar «paso» en la ronda", "Editar la redacción de la idea elegida",
                    "Proponer fusión de las ideas elegidas", "Guardar la idea escrita"):
        assert nominal not in text
    for fair in ("Editar el stand elegido en la lista (o doble clic)",
                 "Me interesa / Pido reunión / Firmo compromiso", "Borrar la casilla",
                 "Imprimir la carta compromiso elegida (PDF)",
                 "Imprimir la lista de stands (PDF)", "Siguiente fase", "Esta ayuda"):
        assert fair in text
    sections = screen.help.sections()
    assert sections[0][0] == "En esta fase: Registro de equipos"
    assert ("F2", "Editar el stand elegido en la lista (o doble clic)") in sections[0][1]
    assert sections[1][0] == "En toda la sesión"
    assert all("Ctrl+P" not in keys for keys, _what in sections[1][1])
    # The phase changes: the help, still open, puts the new phase's keys first.
    qtbot.keyClick(screen, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert screen.phase.key == "setup"
    heading, lines = screen.help.sections()[0]
    assert heading == "En esta fase: Montaje"
    assert lines == [("Ctrl+P", "Imprimir la lista de stands (PDF)")]
    assert screen.help.label.text().index("Imprimir la lista de stands") < \
        screen.help.label.text().index("Siguiente fase")
    screen.help.close()
    screen.close()


def test_the_nominal_groups_help_says_its_capture_keys_in_the_capture(qtbot, repo):
    from cocrea_desktop.ui.views.capture import CapturePanel

    screen = open_help(qtbot, repo, "nominal_group")
    text = screen.help.label.text()
    assert "Registrar «paso» en la ronda" in text and "Imprimir la carta" not in text
    capture = next(phase for phase in repo.phases.method(screen.session_id).phases
                   if phase.kind == "capture")
    from PySide6.QtCore import Qt

    while screen.phase.kind != "capture":
        qtbot.keyClick(screen, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    heading, lines = screen.help.sections()[0]
    assert heading == "En esta fase: " + capture.title_text()
    assert lines == CapturePanel.help_lines()
    assert ("F2", "Editar la redacción de la idea elegida (o doble clic)") in lines
    screen.help.close()
    screen.close()
