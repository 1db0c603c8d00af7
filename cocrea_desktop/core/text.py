"""User text going in and out: invisible control characters and spreadsheet formulas.

Going in, :func:`clean_text` is applied by the one write path
(``store/db.py``, ``Unit.insert`` and ``Unit.update``) to every text value, so
no store module can forget it: C0 control characters other than tab and newline
(NUL, BEL, ESC, ...), DEL, and the bidirectional embeddings, overrides and
isolates (U+202A-U+202E, U+2066-U+2069, which can make a text read backwards on
screen and on paper) are refused with a Spanish message. A carriage return is
turned into a newline first (text pasted from Windows).

Going out, :func:`strip_controls` removes the same characters from a file
already written by an older version, and :func:`spreadsheet_cell` neutralises a
cell that a spreadsheet would read as a formula, as OWASP advises for CSV
injection: a text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return (also after leading spaces) gets a leading single quote. Numbers stay
numbers: an ``int`` or ``float``, or a numeric column's text such as ``-3``.
"""

from __future__ import annotations

import re
from typing import Any

from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.i18n import _

#: C0 controls except tab (09) and newline (0A), DEL, and the bidi controls.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
#: What makes a spreadsheet read a cell as a formula (OWASP "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")

_NAMES = {"\x00": "NUL", "\x07": "BEL", "\x08": "BS", "\x1b": "ESC", "\x7f": "DEL",
          "\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF", "\u202d": "LRO", "\u202e": "RLO",
          "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI"}


def _describe(ch: str) -> str:
    return "U+{code:04X} {name}".format(code=ord(ch), name=_NAMES.get(ch, "")).strip()


def clean_text(value: str) -> str:
    """The text to store: line ends made ``\\n``; invisible control characters refused.

    Raises :class:`InvalidInput` (Spanish message naming the character) and changes
    nothing when the text holds one: it usually comes from a bad copy and paste.
    """
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    found = FORBIDDEN.search(text)
    if found:
        raise InvalidInput(_("El texto «{text}» tiene un carácter de control invisible "
                             "({char}) que puede dañar los archivos exportados o hacer que el "
                             "texto se lea al revés. Escríbalo de nuevo sin pegarlo, o quite "
                             "ese carácter.").format(text=strip_controls(text)[:60],
                                                     char=_describe(found.group())))
    return text


def strip_controls(text: str) -> str:
    """``text`` without the characters :func:`clean_text` refuses (for output)."""
    return FORBIDDEN.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def is_number_text(text: str) -> bool:
    """Whether ``text`` is a plain number such as ``-3`` or ``2.5`` (no spaces)."""
    return bool(_NUMBER.fullmatch(text))


def spreadsheet_cell(value: Any, *, numeric: bool = False) -> Any:
    """A value safe to put in a CSV or XLSX cell.

    ``None`` becomes ``""``; numbers and booleans are kept; text loses its control
    characters and, if a spreadsheet would run it as a formula, gets a leading
    ``'``. In a ``numeric`` column a plain number written as text (``-3``) is kept.
    """
    if value is None:
        return ""
    if isinstance(value, (bool, int, float)):
        return value
    text = strip_controls(str(value))
    if numeric and is_number_text(text):
        return text
    if needs_quote(str(value)) or needs_quote(text):
        return "'" + text
    return text


def needs_quote(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` as a formula (also after leading spaces)."""
    if text.startswith(FORMULA_START):
        return True
    return text.lstrip().startswith(FORMULA_START)
