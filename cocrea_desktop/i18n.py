"""One gettext catalogue for the GUI, the PDFs and the CLI; usable without Qt.

Source strings are written in Spanish, the language of the people who use the
program; other languages (English now, Indigenous languages later) are
translated from Spanish. A missing translation therefore falls back to Spanish.

Rules (checked by tests): no f-strings or ``%`` inside ``_()``; named ``{}``
placeholders filled with ``.format()``; never ``_("")``.

The language can change at run time: ``_()`` looks the current catalogue up on
every call, and callbacks registered with :func:`on_language_changed` let the
GUI retranslate what it shows.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Callable
from pathlib import Path

DOMAIN = "cocrea"
SOURCE_LANGUAGE = "es"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "resources" / "locale"

#: Languages offered in the GUI, as (code, name in that language).
LANGUAGES: tuple[tuple[str, str], ...] = (("es", "Español"), ("en", "English"))

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE_LANGUAGE
_listeners: list[Callable[[str], None]] = []


def _(message: str) -> str:
    """Translate ``message`` (a Spanish source string) into the current language."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message with a singular and a plural form."""
    return _translation.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """Translate ``message`` in a context (for short words with several meanings)."""
    return _translation.pgettext(context, message)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now (translate at display)."""
    return message


def current_language() -> str:
    return _language


def language_codes() -> list[str]:
    return [code for code, _name in LANGUAGES]


def set_language(code: str | None) -> str:
    """Switch every later ``_()`` call to ``code``; return the language in force."""
    global _translation, _language
    code = (code or SOURCE_LANGUAGE).split("_")[0].split(".")[0].lower()
    if code not in language_codes():
        code = SOURCE_LANGUAGE
    if code == SOURCE_LANGUAGE:
        _translation = gettext.NullTranslations()
    else:
        _translation = gettext.translation(
            DOMAIN, localedir=str(LOCALE_DIR), languages=[code], fallback=True
        )
    changed = code != _language
    _language = code
    if changed:
        for listener in list(_listeners):
            listener(code)
    return code


def on_language_changed(callback: Callable[[str], None]) -> Callable[[], None]:
    """Call ``callback(code)`` after each language change; returns an unsubscribe function."""
    _listeners.append(callback)

    def remove() -> None:
        if callback in _listeners:
            _listeners.remove(callback)

    return remove


def initial_language(saved: str | None = None) -> str:
    """The language to start in: ``COCREA_LANG``, else the saved choice, else Spanish."""
    return os.environ.get("COCREA_LANG") or saved or SOURCE_LANGUAGE
