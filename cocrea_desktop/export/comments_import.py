"""Reading the comments of the public consultation from a spreadsheet (CSV or XLSX).

The first row names the columns (in Spanish or English, without case or accents);
«fecha» and «comentario» are required. Shared by `cocrea comments import` and the
«Consulta pública» tab, which reads and checks the file in the background and writes
every comment in one transaction, or none.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from cocrea_desktop.commands.csv_input import plain, read_table
from cocrea_desktop.core.errors import InvalidInput, NotFound, RuleViolation
from cocrea_desktop.i18n import _

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

#: Header words the import accepts (compared without case or accents) -> field.
HEADERS = {"fecha": "date", "date": "date", "canal": "channel", "channel": "channel",
           "compromiso": "commitment", "commitment": "commitment", "seccion": "section",
           "section": "section", "comentario": "text", "texto": "text", "text": "text",
           "tema": "theme", "theme": "theme", "nombre": "name", "name": "name",
           "contacto": "contact", "contact": "contact"}


def read_comments(path: str) -> list[dict[str, str]]:
    rows = [r for r in read_table(path) if any(c.strip() for c in r)]
    if not rows:
        raise InvalidInput(_("El archivo no tiene comentarios."))
    fields = [HEADERS.get(plain(h)) for h in rows[0]]
    if "text" not in fields or "date" not in fields:
        raise InvalidInput(_("La primera fila debe nombrar las columnas; se necesitan al menos "
                             "«fecha» y «comentario»."))
    return [{f: (r[i] if i < len(r) else "") for i, f in enumerate(fields) if f}
            for r in rows[1:]]


def check_comments(repo: Repo, path: str, *,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> list[dict[str, str]] | None:
    """The file's comments, every row checked against the open consultation (nothing
    written): InvalidInput naming every bad row (from the spreadsheet's second line), or
    the rows to import; None if cancelled."""
    items = read_comments(path)
    consultation = repo.consultation._open()
    errors = []
    for i, item in enumerate(items, 2):
        if cancelled is not None and cancelled():
            return None
        try:
            repo.consultation.check_comment(item, consultation)
        except (InvalidInput, NotFound, RuleViolation) as err:
            errors.append(_("Renglón {n}: {message}").format(n=i, message=str(err)))
        if progress is not None and (i % 20 == 0 or i == len(items) + 1):
            progress(i - 1, len(items))
    if errors:
        raise InvalidInput("\n".join(errors))
    if not items:
        raise InvalidInput(_("El archivo no tiene comentarios."))
    return items


__all__ = ["HEADERS", "check_comments", "read_comments"]
