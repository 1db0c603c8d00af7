"""The modules of a session screen, imported in small steps once a process is open.

The first session screen opened imported some seventy modules at once (the screen, its
panels, their models, the vote and tally code, the stores): where Python compiles them
(no cached bytecode) that was a stall of 115-220 ms on the GUI thread (issue 20). The
window now imports them after it shows, a few at a time between events, so that
no step holds the window for long and the first screen finds them loaded. A screen
opened before the steps are done imports what is left, as before.

The order puts a module after what it imports, so that each step compiles one module;
``tests/ui/test_warmup.py`` checks that every screen of every method finds all it needs
already imported once the steps are done.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

#: The session screen's own modules (no method's), each after those it imports.
SCREEN_MODULES = (
    "cocrea_desktop.core.voting",
    "cocrea_desktop.core.voting.wording",
    "cocrea_desktop.core.voting.criteria",
    "cocrea_desktop.core.voting.rules",
    "cocrea_desktop.core.voting.ballots",
    "cocrea_desktop.core.voting.reading",
    "cocrea_desktop.core.voting.ties",
    "cocrea_desktop.core.voting.tally",
    "cocrea_desktop.core.voting.payload",
    "cocrea_desktop.core.voting.outcome",
    "cocrea_desktop.core.voting.options",
    "cocrea_desktop.core.voting.criteria_tally",
    "cocrea_desktop.core.timers",
    "cocrea_desktop.core.room",
    "cocrea_desktop.store.session_events",
    "cocrea_desktop.store.phases",
    "cocrea_desktop.store.ideas",
    "cocrea_desktop.store.register",
    "cocrea_desktop.store.votes",
    "cocrea_desktop.store.review",
    "cocrea_desktop.store.proposals",
    "cocrea_desktop.store.relatoria",
    "cocrea_desktop.store.attendance",
    "cocrea_desktop.store.stl",
    "cocrea_desktop.store.commitments",
    "cocrea_desktop.export",
    "cocrea_desktop.export.evidence",
    "cocrea_desktop.export.relatoria",
    "cocrea_desktop.export.room_state",
    "cocrea_desktop.export.camera",
    "cocrea_desktop.export.scan",
    "cocrea_desktop.ui.projector",
    "cocrea_desktop.ui.widgets.phase_guide",
    "cocrea_desktop.ui.widgets.chime",
    "cocrea_desktop.ui.widgets.timer_widget",
    "cocrea_desktop.ui.widgets.bar_chart",
    "cocrea_desktop.ui.dialogs.text_dialog",
    "cocrea_desktop.ui.models.ideas",
    "cocrea_desktop.ui.models.merges",
    "cocrea_desktop.ui.models.ballots",
    "cocrea_desktop.ui.models.counts",
    "cocrea_desktop.ui.models.results",
    "cocrea_desktop.ui.views",
    "cocrea_desktop.ui.panel_registry",
    "cocrea_desktop.ui.views.panel",
    "cocrea_desktop.ui.views.paper_widgets",
    "cocrea_desktop.ui.views.ideas_table",
    "cocrea_desktop.ui.views.question",
    "cocrea_desktop.ui.views.info",
    "cocrea_desktop.ui.views.capture",
    "cocrea_desktop.ui.views.clarify",
    "cocrea_desktop.ui.views.vote_panels",
    "cocrea_desktop.ui.views.relatoria_panel",
    "cocrea_desktop.ui.views.session_screen",
)

#: What opening a process imports to list its sessions, its route and its table laptops
#: (the stores are made on first use): imported in steps once the main window shows with
#: no process, so that a file chosen from the window does not wait for them (about 40 ms
#: of opening the 200-session file where Python compiles them).
OPEN_MODULES = (
    "cocrea_desktop.store.stl",
    "cocrea_desktop.store.tables",
    "cocrea_desktop.store.ideas",
    "cocrea_desktop.core.route",
    "cocrea_desktop.store.route",
    "babel.numbers",
)

#: How long the steps of one turn of the event loop may take together (no step starts
#: after it; one module compiles in up to 30-60 ms on a busy machine, so a slice of 20 ms
#: could hold the window for 80 ms).
SLICE_S = 0.008

#: A method's modules that its screens use, in this order before its ``qt`` package
#: (which imports all its panels at once, so it is one step).
METHOD_MODULES = ("rules", "store", "room", "report")


def _module_step(name: str) -> Callable[[], object]:
    return lambda: importlib.import_module(name)


def open_steps() -> list[Callable[[], object]]:
    """What to import before a process is opened from the window, one callable per step:
    :data:`OPEN_MODULES`, and each method's migrations (opening checks that none is
    pending)."""
    from cocrea_desktop.core.methods import all_methods

    found = [_module_step(n) for n in OPEN_MODULES if n not in sys.modules]
    for method in all_methods():
        if method.package and f"{method.package}.migrations" not in sys.modules:
            found.append(lambda method=method: method.module("migrations"))
    return found


def steps(method_keys: Iterable[str] = ()) -> list[Callable[[], object]]:
    """What to import, one callable per step: the screen's modules, then those of the
    methods ``method_keys`` (the methods of the open process's sessions)."""
    from cocrea_desktop.core.methods import all_methods

    found = [_module_step(n) for n in SCREEN_MODULES if n not in sys.modules]
    wanted = set(method_keys)
    for method in all_methods():
        if method.key not in wanted or not method.package:
            continue
        for name in METHOD_MODULES:
            if f"{method.package}.{name}" not in sys.modules:
                found.append(lambda method=method, name=name: method.module(name))
        qt = f"{method.package}.qt"
        if qt not in sys.modules:
            found += [_module_step(n) for n in _imported_by_package(qt)
                      if n not in sys.modules]
            found.append(lambda method=method: method.module("qt"))
    return found


_FROM_IMPORT = re.compile(r"^from (cocrea_desktop(?:\.\w+)+) import", re.MULTILINE)


def _imported_by_package(package: str) -> list[str]:
    """The program's modules that the files of ``package`` import at their top, other
    than its own (read from the text, not compiled): importing them in steps of their
    own first leaves the package's own files for the package's step."""
    try:
        spec = importlib.util.find_spec(package)
    except ImportError:
        return []
    if spec is None or not spec.submodule_search_locations:
        return []
    names: list[str] = []
    for folder in spec.submodule_search_locations:
        for path in sorted(Path(folder).glob("*.py")):
            try:
                text = path.read_text(encoding="utf-8")
            except OSError:
                continue
            for name in _FROM_IMPORT.findall(text):
                if not (name == package or name.startswith(package + ".")) \
                        and name not in names:
                    names.append(name)
    return names


class Warmup(QObject):
    """Runs :func:`steps` a few at a time between events, starting ``delay_ms`` after
    :meth:`start`. A step that fails ends the warm-up: the screen that needs the module
    imports it again when it opens, and reports the error there."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: list[Callable[[], object]] = []
        self._started = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._step)

    def start(self, todo: list[Callable[[], object]], delay_ms: int = 250) -> None:
        self._steps = list(todo)
        self._started = True
        if self._steps:
            self._timer.start(delay_ms)

    @property
    def started(self) -> bool:
        return self._started

    @property
    def done(self) -> bool:
        """Started, and every step run (or the warm-up ended by a failing step)."""
        return self._started and not self._steps

    def _step(self) -> None:
        """Steps until one has taken ``SLICE_S`` (most modules compile in a few ms), then
        back to the event loop."""
        start = time.perf_counter()
        while self._steps and time.perf_counter() - start < SLICE_S:
            step = self._steps.pop(0)
            try:
                step()
            except Exception:  # noqa: BLE001 - raised again, in context, where it is used
                self._steps.clear()
                return
        if self._steps:
            self._timer.start(0)
