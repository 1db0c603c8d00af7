"""`cocrea init|demo|info|verify`: a process file made, described and checked."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cocrea_desktop.cli import cli, echo_json, fail_cleanly, open_repo
from cocrea_desktop.i18n import _


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--name", required=True, help="Nombre del proceso (ejercicio).")
@click.option("--municipality", default="", help="Municipio.")
@click.option("--state", default="", help="Estado (entidad federativa).")
@click.option("--period", default="", help="Periodo, p. ej. 2027.")
@click.option("--body", "responsible_body", default="", help="Sujeto obligado (responsable).")
@fail_cleanly
def init(file: str, name: str, municipality: str, state: str, period: str,
         responsible_body: str) -> None:
    """Crea un archivo de proceso nuevo FILE."""
    from cocrea_desktop.store.paths import with_process_suffix
    from cocrea_desktop.store.repo import Repo

    path = with_process_suffix(file)
    with Repo.create(path, name=name, municipality=municipality, state=state, period=period,
                     responsible_body=responsible_body):
        pass
    click.echo(_("Proceso creado: {path}").format(path=path))


@cli.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False))
@click.option("--sessions", type=int, default=None, help="Número de sesiones (predeterminado: "
                                                         "6).")
@fail_cleanly
def demo(file: str | None, sessions: int | None) -> None:
    """Crea un proceso de demostración con datos de ejemplo en español (en FILE o en la carpeta de
    datos)."""
    from cocrea_desktop.store.demo import create_demo

    path = create_demo(file, sessions=sessions)
    click.echo(_("Proceso de demostración creado: {path}").format(path=path))


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def info(file: str, as_json: bool) -> None:
    """Muestra un proceso: sus datos y cuántas sesiones tiene."""
    with open_repo(file, read_only=True) as repo:
        data = repo.summary()
    if as_json:
        echo_json(data)
        return
    click.echo(data["name"])
    click.echo(_("Municipio: {value}").format(value=data["municipality"]))
    click.echo(_("Estado: {value}").format(value=data["state"]))
    click.echo(_("Periodo: {value}").format(value=data["period"]))
    click.echo(_("Responsable: {value}").format(value=data["responsible_body"]))
    click.echo(_("Sesiones: {n} (archivadas: {archived})").format(
        n=data["sessions"], archived=data["archived_sessions"]))
    click.echo(_("Entradas en la bitácora: {n}").format(n=data["journal_entries"]))


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def verify(file: str, as_json: bool) -> None:
    """Revisa un archivo de proceso: integridad de SQLite y la cadena de hashes de la bitácora."""
    from cocrea_desktop.store.verify import verify_file

    report = verify_file(Path(file))
    if as_json:
        echo_json(report)
    else:
        click.echo(_("Integridad: {result}").format(result=report["integrity"]))
        if report["journal_ok"]:
            click.echo(_("Bitácora: correcta ({n} entradas).").format(n=report["journal_entries"]))
        else:
            click.echo(_("Bitácora: ALTERADA a partir de la entrada {seq}.").format(
                seq=report["journal_bad_seq"]))
    sys.exit(0 if report["ok"] else 2)

