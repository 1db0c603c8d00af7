"""Reading score sheets from a spreadsheet (CSV UTF-8 or .xlsx), for the import.

One row per sheet and proposal: the sheet's number, the proposal's number on the table,
then one score per criterion in the criteria's order (an empty cell = a missing score).
A first row whose first cell is not a number is a header and is skipped. Cells are read
as values, never as formulas.

The long format, one score per line, is told by its header: evaluator (a sheet's number
or a printed sheet's serial), proposal, criterion (number or name), score
(``evaluador,propuesta,criterio,calificación``).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.i18n import _

#: Header names of the long format (one score per line), by column, Spanish and English.
LONG_HEADERS: tuple[frozenset[str], ...] = (
    frozenset({"evaluador", "evaluadora", "evaluator", "hoja", "sheet", "folio", "serial",
               "boleta", "ballot"}),
    frozenset({"propuesta", "proposal", "numero", "número", "number"}),
    frozenset({"criterio", "criterion"}),
    frozenset({"calificacion", "calificación", "score", "puntaje"}),
)


def is_long(header: list[str]) -> bool:
    """Whether a header row names the long format: evaluator, proposal, criterion, score."""
    cells = [c.strip().casefold() for c in header]
    return len([c for c in cells if c]) == 4 and all(
        cell in names for cell, names in zip(cells, LONG_HEADERS))


def read_lines(path: str) -> list[tuple[int, list[str]]]:
    """Every row of the file with its line number (1 = the first line), empty ones left out."""
    return [(line, row) for line, row in enumerate(_read(path), start=1) if any(row)]


def read_scores(path: str) -> tuple[bool, list]:
    """(long, rows) for the import: the long format's rows with their line numbers, for
    ``import_long``; else one row per sheet and proposal, for ``import_rows``."""
    lines = read_lines(path)
    if lines and is_long(lines[0][1]):
        return True, lines[1:]
    return False, read_rows(path)


def read_rows(path: str) -> list[list[str]]:
    rows = [r for r in _read(path) if any(r)]
    if rows and not rows[0][0].isdigit():
        rows = rows[1:]
    return rows


def _read(path: str) -> list[list[str]]:
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
    return rows


_HIGHER = {"", "+", "1", "+1", "mayor", "alto", "más alto", "mas alto", "higher", "high",
           "más alto = más prioridad", "sube"}
_LOWER = {"-", "-1", "menor", "bajo", "más bajo", "mas bajo", "lower", "low", "al revés",
          "al reves", "baja"}


def read_criteria(path: str):
    """Criteria from a CSV or .xlsx: name, weight, direction ("+": higher = more priority,
    "-": lower = more priority), and optionally the question read aloud. A first row whose
    weight cell is not a number is a header and is skipped."""
    from cocrea_desktop.methods.prioritisation.store import CriterionSpec

    specs = []
    for line, row in read_lines(path):
        row = [*row, "", "", ""]
        name, weight, direction, question = (c.strip() for c in row[:4])
        if line == 1 and not weight.replace(",", ".").lstrip("-").replace(".", "", 1).isdigit():
            continue
        if direction.casefold() in _HIGHER:
            higher = True
        elif direction.casefold() in _LOWER:
            higher = False
        else:
            raise InvalidInput(_("Fila {line}: la dirección es «+» (más alto = más prioridad) o "
                                 "«-» (más bajo = más prioridad), no «{text}».").format(
                line=line, text=direction))
        specs.append((line, CriterionSpec(name, question, weight or "1", higher)))
    if not specs:
        raise InvalidInput(_("El archivo no tiene criterios."))
    return specs
