"""The registry of participation methods; each method module adds itself here."""

from __future__ import annotations

from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.core.methods.base import Method, Phase
from cocrea_desktop.i18n import _

_REGISTRY: dict[str, Method] = {}
_LOADED = False


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
    return method


def unregister(key: str) -> None:
    """Remove a method (a test's toy method, once the test is over)."""
    _REGISTRY.pop(key, None)


def all_methods() -> list[Method]:
    """Every registered method, in the order lists show them."""
    _load()
    return sorted(_REGISTRY.values(), key=lambda m: m.order)


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

__all__ = [
    "Method", "Phase", "all_methods", "get_method", "method_keys", "method_title", "register",
    "unregister",
]
