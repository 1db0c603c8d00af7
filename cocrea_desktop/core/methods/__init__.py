"""The registry of participation methods; each method module adds itself here."""

from __future__ import annotations

from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.core.methods.base import Method, Phase
from cocrea_desktop.i18n import _

_REGISTRY: dict[str, Method] = {}


def register(method: Method) -> Method:
    if method.key in _REGISTRY:
        raise ValueError(f"method {method.key!r} registered twice")
    _REGISTRY[method.key] = method
    return method


def all_methods() -> list[Method]:
    return list(_REGISTRY.values())


def method_keys() -> list[str]:
    return list(_REGISTRY)


def get_method(key: str) -> Method:
    try:
        return _REGISTRY[key]
    except KeyError:
        raise InvalidInput(
            _("«{key}» no es un método conocido. Métodos disponibles: {keys}.").format(
                key=key, keys=", ".join(_REGISTRY)
            )
        ) from None


def method_title(key: str) -> str:
    method = _REGISTRY.get(key)
    return method.title_text() if method else key


# Import the built-in methods so that they register themselves.
from cocrea_desktop.core.methods import fishbowl, idea_fair, nominal_group  # noqa: E402,F401

__all__ = ["Method", "Phase", "all_methods", "get_method", "method_keys", "method_title", "register"]
