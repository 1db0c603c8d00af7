"""The registry of participation methods; each method module adds itself here."""

from __future__ import annotations

from typing import Any

from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.core.methods.base import Method, Phase
from cocrea_desktop.i18n import _

_REGISTRY: dict[str, Method] = {}
_LOADED = False
#: Bumped whenever the registry changes, so that what is computed from every method
#: (personal fields, migrations, stores) can be cached until a method comes or goes.
_GENERATION = [0]


def _load() -> None:
    """Import the built-in method packages once (by name: core never imports them directly)."""
    global _LOADED
    if not _LOADED:
        _LOADED = True
        import importlib

        importlib.import_module("cocrea_desktop.methods").load_builtin()


def register(method: Method) -> Method:
    if method.key in _REGISTRY:
        raise ValueError(f"method {method.key!r} registered twice")
    _REGISTRY[method.key] = method
    _GENERATION[0] += 1
    return method


def unregister(key: str) -> None:
    """Remove a method (a test's toy method, once the test is over)."""
    if _REGISTRY.pop(key, None) is not None:
        _GENERATION[0] += 1


def generation() -> int:
    """A number that changes whenever a method is registered or removed."""
    _load()
    return _GENERATION[0]


def method_modules(name: str) -> list[tuple[Method, Any]]:
    """Every registered method that has a module ``name`` (store, migrations, room, cli...),
    with that module, in the methods' order. This is how the rest of the program finds
    what a method adds: by the module's name, never by importing a method package."""
    found = []
    for method in all_methods():
        module = method.module(name)
        if module is not None:
            found.append((method, module))
    return found


def all_methods() -> list[Method]:
    """Every registered method, in the order lists show them (a tie by key, so that the
    order never depends on which method was imported first: migrations apply in it)."""
    _load()
    return sorted(_REGISTRY.values(), key=lambda m: (m.order, m.key))


def method_keys() -> list[str]:
    return [m.key for m in all_methods()]


def get_method(key: str) -> Method:
    _load()
    try:
        return _REGISTRY[key]
    except KeyError:
        raise InvalidInput(
            _("«{key}» no es un método conocido. Métodos disponibles: {keys}.").format(
                key=key, keys=", ".join(_REGISTRY)
            )
        ) from None


def method_title(key: str) -> str:
    _load()
    method = _REGISTRY.get(key)
    return method.title_text() if method else key

__all__ = ["Method", "Phase", "all_methods", "generation", "get_method", "method_keys",
           "method_modules", "method_title", "register", "unregister"]
