"""`cocrea export opendata`: a process's open data, without personal data."""

from __future__ import annotations

import click

from cocrea_desktop.cli import cli, echo_json, fail_cleanly, open_repo
from cocrea_desktop.i18n import _


@cli.group()
def export() -> None:
    """Archivos para otros: datos abiertos."""


# -- open data -------------------------------------------------------------------------------


@export.command("opendata")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False),
              help="Carpeta donde se escriben los datos abiertos.")
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def export_opendata(file: str, output: str, as_json: bool) -> None:
    """Escribe los datos abiertos (CSV, JSON, XLSX, README, diccionario de datos) sin datos
    personales."""
    from cocrea_desktop.export.opendata import export_open_data

    with open_repo(file, read_only=True) as repo:
        result = export_open_data(repo, output)
    if as_json:
        echo_json({"folder": str(result.folder), "files": [p.name for p in result.files],
                   "leaks": result.leaks, "warnings": result.warnings})
    else:
        click.echo(_("Datos abiertos escritos en {path} ({n} archivos).").format(
            path=result.folder, n=len(result.files)))
        for warning in result.warnings:
            click.echo(_("Aviso: {message}").format(message=warning), err=True)
    if result.leaks:
        raise SystemExit(2)
