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



def read_table(path: str) -> list[list[str]]:
    """The rows of a CSV file or of the first sheet of an XLSX workbook, cells as text."""
    if Path(path).suffix.lower() != ".xlsx":
        return read_csv(path)
    name = Path(path).name
    try:
        from openpyxl import load_workbook  # lazy: only needed for this import

        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # a damaged or foreign file: openpyxl raises many kinds
        raise InvalidInput(_("No se pudo leer «{name}» como hoja de cálculo: {reason}").format(
            name=name, reason=str(err) or type(err).__name__)) from None
    try:
        rows = []
        for values in book.worksheets[0].iter_rows(values_only=True):
            rows.append(["" if v is None else _cell_text(v) for v in values])
        return rows
    finally:
        book.close()


def _cell_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
