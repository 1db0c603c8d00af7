"""Reading a CSV file a spreadsheet wrote, for the commands that import one.

UTF-8 with or without a BOM (what spreadsheets write as "CSV UTF-8"), separated by
commas, semicolons or tabs; header cells compared without case or accents.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.i18n import _


def read_csv(path: str) -> list[list[str]]:
    """The rows of a CSV file, cells stripped; a clear error when it cannot be read."""
    name = Path(path).name
    try:
        raw = Path(path).read_bytes()
    except OSError as err:
        raise InvalidInput(_("No se pudo leer «{name}»: {reason}").format(
            name=name, reason=err.strerror or str(err))) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(_("«{name}» no está en UTF-8: guárdelo como «CSV UTF-8» e inténtelo "
                             "de nuevo.").format(name=name)) from None
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), dialect)]
    except csv.Error as err:
        raise InvalidInput(_("«{name}» no es un CSV válido: {reason}").format(
            name=name, reason=str(err))) from None


def plain(cell: str) -> str:
    """A header cell compared without case or accents: "Opción" -> "opcion"."""
    table = str.maketrans("áéíóúüñ", "aeiouun")
    return cell.strip().lower().translate(table)


def is_int(cell: str) -> bool:
    return cell.isascii() and cell.isdigit()


def cell(row: list[str], index: int) -> str:
    return row[index] if index < len(row) else ""

