"""`cocrea initiatives ...`: the existing initiatives of the diagnosis.

Public information (offices and organisations, never a person's data); they go into
the first report (``cocrea report informe1``) and the open data.
"""

from __future__ import annotations

from typing import Any

import click

from cocrea_desktop.cli import cli, echo_json, fail_cleanly, open_repo
from cocrea_desktop.i18n import _

FILE = click.argument("file", type=click.Path(exists=True, dir_okay=False))


@cli.group()
def initiatives() -> None:
    """Las iniciativas existentes sobre el tema: programas, proyectos, políticas."""


def _options(func):
    # Applied last first, so that --help lists them in this order.
    for name, dest, text in reversed((
            ("--kind", "kind", "programme (programa de gobierno), project (proyecto), policy "
                               "(política o reglamento), citizen (iniciativa ciudadana), other "
                               "(otra), o su nombre en español."),
            ("--responsible", "responsible", "Quién la realiza (dependencia u organización)."),
            ("--theme", "theme", "Tema."),
            ("--territory", "territory", "Territorio (comunidad, localidad)."),
            ("--status", "status", "running (en marcha), planned (en planeación), finished "
                                   "(concluida), stopped (suspendida), o su nombre en "
                                   "español."),
            ("--years", "years", "Periodo (años)."),
            ("--note", "note", "Una nota."))):
        func = click.option(name, dest, default=None, help=text)(func)
    return func


@initiatives.command("add")
@FILE
@click.argument("name")
@_options
@fail_cleanly
def initiatives_add(file: str, name: str, **values: Any) -> None:
    """Agrega una iniciativa existente."""
    values = {k: v for k, v in values.items() if v is not None}
    with open_repo(file) as repo:
        found, _c = repo.initiatives.add(name, **values)
        click.echo(_("Iniciativa {number} agregada: {name} ({kind}, {status}).").format(
            number=found.number, name=found.name, kind=found.kind_text,
            status=found.status_text))


@initiatives.command("edit")
@FILE
@click.argument("initiative")
@click.option("--name", default=None, help="Un nombre nuevo para la iniciativa.")
@_options
@fail_cleanly
def initiatives_edit(file: str, initiative: str, **values: Any) -> None:
    """Cambia una iniciativa (INITIATIVE: su número, su nombre o su id)."""
    values = {k: v for k, v in values.items() if v is not None}
    with open_repo(file) as repo:
        found = repo.initiatives.find(initiative)
        repo.initiatives.edit(found.id, **values)
        click.echo(_("Iniciativa actualizada: {name}.").format(
            name=repo.initiatives.find(found.id).name))


@initiatives.command("list")
@FILE
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def initiatives_list(file: str, as_json: bool) -> None:
    """Las iniciativas con su tipo, quién la realiza, tema, territorio, estado y periodo."""
    with open_repo(file, read_only=True) as repo:
        found = repo.initiatives.list()
    if as_json:
        echo_json([{**i.public(), "id": i.id} for i in found])
        return
    if not found:
        click.echo(_("No se registraron iniciativas existentes sobre el tema."))
    for i in found:
        parts = [i.name, i.kind_text, i.responsible or "—", i.theme or "—",
                 i.territory or "—", i.status_text, i.years or "—"]
        click.echo(f"{i.number:>3}. " + " · ".join(parts))


@initiatives.command("import")
@FILE
@click.argument("table", type=click.Path(exists=True, dir_okay=False))
@fail_cleanly
def initiatives_import(file: str, table: str) -> None:
    """Agrega las iniciativas de una tabla CSV o XLSX (columnas: iniciativa, tipo,
    responsable, tema, territorio, estado, periodo, nota), todas o ninguna."""
    from cocrea_desktop.commands.csv_input import read_table

    rows = read_table(table)
    with open_repo(file) as repo:
        n, _c = repo.initiatives.import_rows(rows)
        click.echo(_("Iniciativas importadas: {n}.").format(n=n))


@initiatives.command("remove")
@FILE
@click.argument("initiative")
@fail_cleanly
def initiatives_remove(file: str, initiative: str) -> None:
    """Quita una iniciativa de la lista."""
    with open_repo(file) as repo:
        found = repo.initiatives.find(initiative)
        repo.initiatives.remove(found.id)
        click.echo(_("Iniciativa quitada: {name}.").format(name=found.name))
