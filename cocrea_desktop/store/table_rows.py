"""Rows of a spreadsheet checked before anything is written (the actor map's and the
existing initiatives' imports): a header row names the columns, each later row is one
record, blank lines are skipped but keep their number, and a wrong row stops the whole
import with its line in the file."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.i18n import _


def plain(text: Any) -> str:
    """A cell compared without case, accents or extra spaces: "Organización" -> "organizacion"."""
    return " ".join(str(text).split()).casefold().translate(str.maketrans("áéíóúüñ", "aeiouun"))


def checked_rows(rows: Sequence[Sequence[Any]], *, headers: Mapping[str, str], required: str,
                 missing: str, empty: str, check: Callable[[dict[str, str]], dict[str, Any]],
                 taken: set[str], max_rows: int = 2000,
                 defaults: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """Every row after the header as ``check`` returns it, or a Spanish message naming the
    file's line (nothing is written by the caller then).

    ``headers`` maps a plain header cell to a field; ``required`` is the field that names a
    record (``missing`` is said when its column is absent, ``empty`` when no row follows);
    a name already in ``taken`` (casefolded) or twice in the file is refused; ``defaults``
    fill a cell left empty."""
    numbered = [(line, list(r)) for line, r in enumerate(rows, 1)
                if any(str(c).strip() for c in r)]
    if not numbered:
        raise InvalidInput(_("El archivo no tiene filas."))
    header = [headers.get(plain(c), "") for c in numbered[0][1]]
    if required not in header:
        raise InvalidInput(missing)
    body = numbered[1:]
    if len(body) > max_rows:
        raise InvalidInput(_("Demasiadas filas (máximo {n}).").format(n=max_rows))
    seen = set(taken)
    checked: list[dict[str, Any]] = []
    for line, row in body:
        values = {field: str(row[i]).strip() if i < len(row) else ""
                  for i, field in enumerate(header) if field}
        for key, value in (defaults or {}).items():
            if key in values and not values[key]:
                values[key] = value
        try:
            clean = check(values)
            if clean[required].casefold() in seen:
                raise InvalidInput(_("«{name}» ya está en una fila anterior.").format(
                    name=clean[required]))
        except InvalidInput as err:
            raise InvalidInput(_("Fila {row}: {message} No se importó nada.").format(
                row=line, message=err.message)) from None
        seen.add(clean[required].casefold())
        checked.append(clean)
    if not checked:
        raise InvalidInput(empty)
    return checked
