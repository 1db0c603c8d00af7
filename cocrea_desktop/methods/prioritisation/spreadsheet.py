"""Reading score sheets from a spreadsheet (CSV UTF-8 or .xlsx), for the import.

One row per sheet and proposal: the sheet's number, the proposal's number on the table,
then one score per criterion in the criteria's order (an empty cell = a missing score).
A first row whose first cell is not a number is a header and is skipped. Cells are read
as values, never as formulas.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.i18n import _


def read_rows(path: str) -> list[list[str]]:
    name = Path(path).name
    if Path(path).suffix.lower() == ".xlsx":
        try:
            from openpyxl import load_workbook
        except ImportError:
            raise InvalidInput(_("No se puede leer «{name}»: falta el módulo openpyxl; "
                                 "guárdelo como «CSV UTF-8».").format(name=name)) from None
        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except Exception as err:  # a damaged or foreign file: said, nothing imported
            raise InvalidInput(_("No se pudo leer «{name}»: {reason}").format(
                name=name, reason=str(err))) from None
        sheet = book.worksheets[0]
        rows = [["" if v is None else str(int(v) if isinstance(v, float) and v.is_integer()
                                          else v).strip() for v in row]
                for row in sheet.iter_rows(values_only=True)]
        book.close()
    else:
        try:
            text = Path(path).read_bytes().decode("utf-8-sig")
        except OSError as err:
            raise InvalidInput(_("No se pudo leer «{name}»: {reason}").format(
                name=name, reason=err.strerror or str(err))) from None
        except UnicodeDecodeError:
            raise InvalidInput(_("«{name}» no está en UTF-8: guárdelo como «CSV UTF-8» e "
                                 "inténtelo de nuevo.").format(name=name)) from None
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        rows = [[c.strip() for c in row] for row in csv.reader(io.StringIO(text), dialect)]
    rows = [r for r in rows if any(r)]
    if rows and not rows[0][0].isdigit():
        rows = rows[1:]
    return rows
