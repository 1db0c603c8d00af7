"""`cocrea actors ...`: the actor map of the diagnosis.

Contacts (``--contact``, ``--phone``) are personal data: listed only with
``--contacts``, never in open data nor in a bundle's public part. The chart and the
list as PDF: ``cocrea report actors``.
"""

from __future__ import annotations

from typing import Any

import click

from cocrea_desktop.cli import cli, echo_json, fail_cleanly, open_repo
from cocrea_desktop.i18n import _

FILE = click.argument("file", type=click.Path(exists=True, dir_okay=False))
JSON = click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")


@cli.group()
def actors() -> None:
    """El mapa de actores: organizaciones, su interés y su influencia sobre el tema."""


def _options(func):
    for name, dest, text in (
            ("--sector", "sector", "government (gobierno), civil_society (sociedad civil), "
                                   "community (comunidad), private (privado), academia, media "
                                   "(medios), other (otro), o su nombre en español."),
            ("--territory", "territory", "Territorio (comunidad, localidad)."),
            ("--interest", "interest", "Interés en el tema, de 1 a 5."),
            ("--influence", "influence", "Influencia sobre el tema, de 1 a 5."),
            ("--note", "note", "Una nota."),
            ("--contact", "contact_name", "Persona de contacto (dato personal)."),
            ("--phone", "contact_phone", "Teléfono de contacto (dato personal).")):
        func = click.option(name, dest, default=None, help=text)(func)
    return func


@actors.command("add")
@FILE
@click.argument("organisation")
@_options
@fail_cleanly
def actors_add(file: str, organisation: str, **values: Any) -> None:
    """Agrega un actor al mapa."""
    values = {k: v for k, v in values.items() if v is not None}
    with open_repo(file) as repo:
        actor, _c = repo.actors.add(organisation, **values)
        click.echo(_("Actor {number} agregado: {name} (interés {interest}, influencia "
                     "{influence}).").format(number=actor.number, name=actor.organisation,
                                             interest=actor.interest,
                                             influence=actor.influence))


@actors.command("edit")
@FILE
@click.argument("actor")
@click.option("--organisation", default=None, help="Un nombre nuevo para la organización.")
@_options
@fail_cleanly
def actors_edit(file: str, actor: str, **values: Any) -> None:
    """Cambia un actor (ACTOR: su número, su organización o su id)."""
    values = {k: v for k, v in values.items() if v is not None}
    with open_repo(file) as repo:
        found = repo.actors.find(actor)
        repo.actors.edit(found.id, **values)
        click.echo(_("Actor actualizado: {name}.").format(
            name=repo.actors.get(found.id).organisation))


@actors.command("list")
@FILE
@click.option("--contacts", is_flag=True, help="Muestra también los contactos (datos personales).")
@JSON
@fail_cleanly
def actors_list(file: str, contacts: bool, as_json: bool) -> None:
    """Los actores con su sector, territorio, interés, influencia y cuadrante."""
    from cocrea_desktop.core.actor_map import quadrant_title

    with open_repo(file, read_only=True) as repo:
        found = repo.actors.list()
        if as_json:
            data = []
            for a in found:
                item = {**a.public(), "id": a.id, "quadrant": a.quadrant}
                if contacts:
                    item.update(contact_name=a.contact_name, contact_phone=a.contact_phone)
                data.append(item)
            echo_json(data)
            return
        if not found:
            click.echo(_("El proceso aún no tiene actores en su mapa."))
        for a in found:
            line = (f"{a.number:>3}. {a.organisation} · {a.sector_text} · "
                    f"{a.territory or '—'} · "
                    + _("interés {interest}, influencia {influence}").format(
                        interest=a.interest, influence=a.influence)
                    + f" · {quadrant_title(a.quadrant)}")
            if contacts and (a.contact_name or a.contact_phone):
                line += f" · {a.contact_name} {a.contact_phone}".rstrip()
            click.echo(line)


@actors.command("import")
@FILE
@click.argument("table", type=click.Path(exists=True, dir_okay=False))
@fail_cleanly
def actors_import(file: str, table: str) -> None:
    """Agrega los actores de una tabla CSV o XLSX (columnas: organización, sector, territorio,
    interés, influencia, nota, contacto, teléfono), todos o ninguno."""
    from cocrea_desktop.commands.csv_input import read_table

    rows = read_table(table)
    with open_repo(file) as repo:
        n, _c = repo.actors.import_rows(rows)
        click.echo(_("Actores importados: {n}.").format(n=n))


@actors.command("remove")
@FILE
@click.argument("actor")
@fail_cleanly
def actors_remove(file: str, actor: str) -> None:
    """Quita un actor del mapa, con su contacto."""
    with open_repo(file) as repo:
        found = repo.actors.find(actor)
        repo.actors.remove(found.id)
        click.echo(_("Actor quitado: {name}.").format(name=found.organisation))


@actors.command("erase-contact")
@FILE
@click.argument("actor")
@fail_cleanly
def actors_erase_contact(file: str, actor: str) -> None:
    """Borra el contacto de un actor a petición de la persona (ARCO); no se puede deshacer."""
    with open_repo(file) as repo:
        found = repo.actors.find(actor)
        repo.actors.erase_contact(found.id)
        click.echo(_("Contacto borrado: {name}.").format(name=found.organisation))
