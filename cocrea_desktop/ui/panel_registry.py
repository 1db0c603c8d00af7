"""Which working panel the session screen shows for each phase kind.

A phase kind (``core.methods.base.Phase.kind``) names the panel of its phase.
The generic kinds (question, timer, capture, clarify, vote, discuss, results,
info) are registered by the generic panel modules of ``ui/views/``; a method's
own kinds are registered by its package's ``qt`` module (for the fishbowl,
``cocrea_desktop/methods/fishbowl/qt/__init__.py``), which the session screen
imports when it opens a session of that method (:func:`method_panels`).

A kind nobody registered is a mistake in the program, not something to paper
over: :func:`panel_class` raises :class:`UnknownPanelKind`, and
``tests/ui/test_panel_registry.py`` checks that every phase kind of every
method has its panel.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cocrea_desktop.core.methods.base import Method
    from cocrea_desktop.ui.views.panel import Panel

#: The modules that register the generic kinds, imported on first use.
GENERIC_MODULES = (
    "cocrea_desktop.ui.views.question",
    "cocrea_desktop.ui.views.info",
    "cocrea_desktop.ui.views.capture",
    "cocrea_desktop.ui.views.clarify",
    "cocrea_desktop.ui.views.vote_panels",
    "cocrea_desktop.ui.views.relatoria_panel",
)

_PANELS: dict[str, type[Panel]] = {}
_GENERIC_LOADED = False


class UnknownPanelKind(LookupError):
    """A phase kind without a registered panel (a programming error, so not translated)."""


def register_panel(kind: str, panel: type[Panel]) -> type[Panel]:
    """Show ``panel`` for the phases of ``kind``; returns the class (usable as a decorator's
    body). Registering a kind twice with another class is refused: two methods would fight
    over one kind."""
    known = _PANELS.get(kind)
    if known is not None and known is not panel and \
            (known.__module__, known.__qualname__) != (panel.__module__, panel.__qualname__):
        raise ValueError(f"phase kind {kind!r} already has the panel "
                         f"{known.__module__}.{known.__qualname__}")
    _PANELS[kind] = panel
    return panel


def unregister_module(module: str) -> None:
    """Forget the kinds whose panels live in ``module`` or below it (a test's toy method)."""
    for kind, panel in list(_PANELS.items()):
        if panel.__module__ == module or panel.__module__.startswith(module + "."):
            del _PANELS[kind]


def load_generic_panels() -> None:
    global _GENERIC_LOADED
    if not _GENERIC_LOADED:
        for name in GENERIC_MODULES:
            importlib.import_module(name)
        _GENERIC_LOADED = True


def load_method_panels(method: Method) -> None:
    """Import the generic panels and the method's ``qt`` module, which registers its own."""
    load_generic_panels()
    method.module("qt")


def panel_class(kind: str) -> type[Panel]:
    """The panel of ``kind``; :class:`UnknownPanelKind` if nobody registered one."""
    load_generic_panels()
    try:
        return _PANELS[kind]
    except KeyError:
        raise UnknownPanelKind(
            f"no panel is registered for the phase kind {kind!r}: the method's package "
            f"needs a qt module calling ui.panel_registry.register_panel({kind!r}, ...)"
        ) from None


def method_panels(method: Method) -> dict[str, type[Panel]]:
    """The panel of each phase kind of ``method``, checked all at once: a session screen
    refuses to open on a method with a kind nobody registered, rather than failing at
    that phase in the middle of a workshop."""
    load_method_panels(method)
    missing = sorted({p.kind for p in method.phases if p.kind not in _PANELS})
    if missing:
        raise UnknownPanelKind(
            f"method {method.key!r}: no panel is registered for the phase kind(s) "
            f"{', '.join(missing)}: its package needs a qt module calling "
            f"ui.panel_registry.register_panel(kind, PanelClass)")
    return {p.kind: _PANELS[p.kind] for p in method.phases}


def registered_kinds() -> list[str]:
    load_generic_panels()
    return sorted(_PANELS)
