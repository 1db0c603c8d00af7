"""`cocrea ideas import|list`: a session's ideas from a spreadsheet, and listed back.

The same store calls (and so the same checks) as the screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from cocrea_desktop.cli import cli, echo_json, fail_cleanly, open_repo
from cocrea_desktop.commands.csv_input import cell, plain, read_csv
from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.core.model import IDEA_STATUSES
from cocrea_desktop.core.voting import wording
from cocrea_desktop.i18n import _, ngettext

#: Column names recognised in a header row (lower case, without accents).
IDEA_TEXT_COLUMNS = ("text", "texto", "idea")


@cli.group()
def ideas() -> None:
    """Ideas de una sesión: importarlas de un archivo CSV, enlistarlas."""


def _idea_dict(idea) -> dict[str, Any]:
    return {
        "id": idea.id, "number": idea.number, "text": idea.text, "status": idea.status,
        "absorbed": list(idea.absorbed), "merged_into": idea.merged_into_number,
        "withdraw_reason": idea.withdraw_reason, "round": idea.round, "turn": idea.turn,
    }


def idea_texts(rows: list[list[str]]) -> tuple[list[tuple[int, str]], int]:
    """(line, text) of every idea in the rows, and how many empty rows were skipped.

    A first row naming a ``text`` column (also ``texto`` or ``idea``) is a header and
    picks that column; otherwise every row is an idea, taken from its first column.
    """
    column, start = 0, 0
    if rows:
        header = [plain(c) for c in rows[0]]
        for name in IDEA_TEXT_COLUMNS:
            if name in header:
                column, start = header.index(name), 1
                break
    found, empty = [], 0
    for line, row in enumerate(rows[start:], start=start + 1):
        text = " ".join(cell(row, column).split())
        if text:
            found.append((line, text))
        else:
            empty += 1
    return found, empty


@ideas.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def ideas_import(file: str, session_id: str, csv_file: str, as_json: bool) -> None:
    """Agrega a una sesión las ideas de CSV_FILE (una por renglón), en orden."""
    from cocrea_desktop.store.ideas import MAX_IDEA_LENGTH

    found, empty = idea_texts(read_csv(csv_file))
    if not found:
        raise InvalidInput(_("«{name}» no tiene ideas.").format(name=Path(csv_file).name))
    for line, text in found:
        if len(text) > MAX_IDEA_LENGTH:
            raise InvalidInput(_("Fila {row}: la idea es demasiado larga ({n} caracteres; "
                                 "máximo {max}). No se importó nada.").format(
                row=line, n=len(text), max=MAX_IDEA_LENGTH))
    with open_repo(file) as repo:
        session = repo.session(session_id)
        added, _changes = repo.ideas.add_many(session.id, [text for _line, text in found])
    if as_json:
        echo_json({"added": [_idea_dict(i) for i in added], "empty_rows": empty})
        return
    click.echo(ngettext("Se agregó {count} idea a la sesión (números {first} a {last}):",
                        "Se agregaron {count} ideas a la sesión (números {first} a {last}):",
                        len(added)).format(count=len(added), first=added[0].number,
                                           last=added[-1].number))
    for idea in added:
        click.echo(f"{idea.number:>4}. {idea.text}")
    if empty:
        click.echo(ngettext("Se omitió {count} fila vacía.", "Se omitieron {count} filas vacías.",
                            empty).format(count=empty))


@ideas.command("list")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def ideas_list(file: str, session_id: str, as_json: bool) -> None:
    """Enlista las ideas de una sesión: número, texto, estado, uniones, ronda y turno."""
    with open_repo(file, read_only=True) as repo:
        session = repo.session(session_id)
        rows = repo.ideas.list(session.id)
    if as_json:
        echo_json([_idea_dict(i) for i in rows])
        return
    if not rows:
        click.echo(_("La sesión no tiene ideas."))
    for idea in rows:
        where = _("vuelta {round}, turno {turn}").format(round=idea.round, turn=idea.turn) \
            if idea.round else "-"
        extra = ""
        if idea.absorbed:
            extra = "  " + _("[absorbe: {numbers}]").format(
                numbers=wording.join_numbers(idea.absorbed))
        elif idea.status == "merged":
            extra = "  " + _("[fusionada en la {number}]").format(number=idea.merged_into_number)
        elif idea.status == "withdrawn":
            extra = "  " + _("[retirada: {reason}]").format(reason=idea.withdraw_reason)
        status = _(IDEA_STATUSES.get(idea.status, idea.status))
        click.echo(f"{idea.number:>4}. {status:10}  {where:20}  {idea.text}{extra}")

