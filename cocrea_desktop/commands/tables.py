"""`cocrea tables prepare|status|open`: table laptops of one process for a day of many tables."""

from __future__ import annotations

from pathlib import Path

import click

from cocrea_desktop.cli import cli, echo_json, fail_cleanly, open_repo
from cocrea_desktop.i18n import _


@cli.group()
def tables() -> None:
    """Table laptops: prepare their starting files, see which came back, open one."""


@tables.command("prepare")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--table", "table_specs", multiple=True, required=True,
              help="A table and its sessions: \"Mesa 1:ID,ID\" (ids or 8-character "
                   "prefixes). Repeat for each table.")
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False),
              help="The folder (a USB stick) where each table's starting file is written.")
@click.option("--sheet", type=click.Path(dir_okay=False), default=None,
              help="Where to write the printed sheet with the codes (PDF). Default: beside "
                   "FILE. Never on the stick.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@fail_cleanly
def tables_prepare(file: str, table_specs: tuple[str, ...], output: str, sheet: str | None,
                   as_json: bool) -> None:
    """Write a starting file for each table laptop, with the sessions assigned to it."""
    from cocrea_desktop.core.errors import InvalidInput
    from cocrea_desktop.export.tables import (
        prepare_tables,
        render_and_write_sheet,
        sheet_path,
        write_table_files,
    )
    from cocrea_desktop.store.tables import TablePlan

    plan = []
    for spec in table_specs:
        name, sep, ids = spec.partition(":")
        if not sep:
            raise InvalidInput(_("Escriba cada mesa como «Mesa 1:SESIÓN,SESIÓN» (falta «:» en "
                                 "«{spec}»).").format(spec=spec))
        plan.append(TablePlan(name, tuple(p.strip() for p in ids.split(",") if p.strip())))
    with open_repo(file) as repo:
        prepared, folder, _changes = prepare_tables(repo, plan, output)
        written = write_table_files(repo.path, prepared, folder, device=repo.pf.device)
        sheet_file = Path(sheet) if sheet else sheet_path(
            repo.path, repo.tables.get(prepared[0].id).prepared_at)
        render_and_write_sheet(repo, prepared, sheet_file)
    if as_json:
        echo_json({"tables": [{"id": t.id, "name": t.name, "sessions": list(t.sessions),
                               "code": t.code, "file": str(p)}
                              for t, p in zip(prepared, written)],
                   "sheet": str(sheet_file)})
        return
    for table, path in zip(prepared, written):
        click.echo(_("{name}: {file} — código {code}").format(name=table.name, file=path,
                                                             code=table.code))
    click.echo(_("Hoja para imprimir con los códigos: {path}").format(path=sheet_file))
    click.echo(_("Entregue los códigos en persona: no viajan en la memoria."))


@tables.command("status")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@fail_cleanly
def tables_status(file: str, as_json: bool) -> None:
    """Which table laptops were prepared, opened, and came back (their bundle imported)."""
    with open_repo(file, read_only=True) as repo:
        laptops = repo.tables.list()
        lines = repo.tables.status_lines()
    if as_json:
        echo_json([{"id": t.id, "name": t.name, "sessions": list(t.sessions),
                    "file": t.file_name, "prepared_at": t.prepared_at,
                    "opened_at": t.opened_at, "came_back_at": t.came_back_at,
                    "came_back": t.came_back} for t in laptops])
        return
    if not laptops:
        click.echo(_("Este proceso no tiene computadoras de mesa preparadas."))
    for line in lines:
        click.echo(line)


@tables.command("open")
@click.argument("table_file", type=click.Path(exists=True, dir_okay=False))
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--code", required=True, help="The table's code, from the office's sheet.")
@fail_cleanly
def tables_open(table_file: str, file: str, code: str) -> None:
    """On a table laptop: make the process FILE from TABLE_FILE, opened with the code."""
    from cocrea_desktop.export.tables import open_table_file
    from cocrea_desktop.store.device import load_or_create_device

    repo, laptop = open_table_file(table_file, file, code, device=load_or_create_device())
    with repo:
        n = len(repo.sessions())
    click.echo(_("Computadora de la mesa «{name}»: sesiones {n}, en {file}.").format(
        name=laptop.name, n=n, file=file))
