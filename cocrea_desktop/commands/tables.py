"""`cocrea tables prepare|status|open`: table laptops of one process for a day of many tables."""

from __future__ import annotations

from pathlib import Path

import click

from cocrea_desktop.cli import cli, echo_json, fail_cleanly, open_repo
from cocrea_desktop.i18n import _


@cli.group()
def tables() -> None:
    """Laptops de mesa: prepara sus archivos de inicio, ve cuáles regresaron, abre uno."""


@tables.command("prepare")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--table", "table_specs", multiple=True, required=True,
              help="Una mesa y sus sesiones: \"Mesa 1:ID,ID\" (ids o prefijos de 8 caracteres). "
                   "Repita para cada mesa.")
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False),
              help="La carpeta (una memoria USB) donde se escribe el archivo de inicio de cada "
                   "mesa.")
@click.option("--sheet", type=click.Path(dir_okay=False), default=None,
              help="Dónde se escribe la hoja impresa con los códigos (PDF). Predeterminado: "
                   "junto a FILE. Nunca en la memoria.")
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def tables_prepare(file: str, table_specs: tuple[str, ...], output: str, sheet: str | None,
                   as_json: bool) -> None:
    """Escribe un archivo de inicio para cada laptop de mesa, con las sesiones que le tocan."""
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
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def tables_status(file: str, as_json: bool) -> None:
    """Qué laptops de mesa se prepararon, se abrieron y regresaron (su paquete importado)."""
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
@click.option("--code", required=True, help="El código de la mesa, de la hoja de la oficina.")
@fail_cleanly
def tables_open(table_file: str, file: str, code: str) -> None:
    """En una laptop de mesa: crea el proceso FILE a partir de TABLE_FILE, abierto con el código."""
    from cocrea_desktop.export.tables import open_table_file
    from cocrea_desktop.store.device import load_or_create_device

    repo, laptop = open_table_file(table_file, file, code, device=load_or_create_device())
    with repo:
        n = len(repo.sessions())
    click.echo(_("Computadora de la mesa «{name}»: sesiones {n}, en {file}.").format(
        name=laptop.name, n=n, file=file))
