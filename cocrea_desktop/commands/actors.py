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
JSON = click.option("--json", "as_json", is_flag=True, help="Print JSON.")


@cli.group()
def actors() -> None:
    """The actor map: organisations, their interest and influence on the topic."""


def _options(func):
    for name, dest, text in (
            ("--sector", "sector", "government, civil_society, community, private, academia, "
                                   "media, other (or its Spanish name)."),
            ("--territory", "territory", "Territory (community, locality)."),
            ("--interest", "interest", "Interest in the topic, 1 to 5."),
            ("--influence", "influence", "Influence on the topic, 1 to 5."),
            ("--note", "note", "A note."),
            ("--contact", "contact_name", "Contact person (personal data)."),
            ("--phone", "contact_phone", "Contact phone (personal data).")):
        func = click.option(name, dest, default=None, help=text)(func)
    return func


@actors.command("add")
@FILE
@click.argument("organisation")
@_options
@fail_cleanly
def actors_add(file: str, organisation: str, **values: Any) -> None:
    """Add an actor to the map."""
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
@click.option("--organisation", default=None, help="A new name for the organisation.")
@_options
@fail_cleanly
def actors_edit(file: str, actor: str, **values: Any) -> None:
    """Change an actor (ACTOR: its number, its organisation or id)."""
    values = {k: v for k, v in values.items() if v is not None}
    with open_repo(file) as repo:
        found = repo.actors.find(actor)
        repo.actors.edit(found.id, **values)
        click.echo(_("Actor actualizado: {name}.").format(
            name=repo.actors.get(found.id).organisation))


@actors.command("list")
@FILE
@click.option("--contacts", is_flag=True, help="Also show the contacts (personal data).")
@JSON
@fail_cleanly
def actors_list(file: str, contacts: bool, as_json: bool) -> None:
    """The actors with their sector, territory, interest, influence and quadrant."""
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
    """Add the actors of a CSV or XLSX table (columns: organización, sector, territorio,
    interés, influencia, nota, contacto, teléfono), all or none."""
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
    """Take an actor off the map, with its contact."""
    with open_repo(file) as repo:
        found = repo.actors.find(actor)
        repo.actors.remove(found.id)
        click.echo(_("Actor quitado: {name}.").format(name=found.organisation))


@actors.command("erase-contact")
@FILE
@click.argument("actor")
@fail_cleanly
def actors_erase_contact(file: str, actor: str) -> None:
    """Erase an actor's contact at the person's request (ARCO); cannot be undone."""
    with open_repo(file) as repo:
        found = repo.actors.find(actor)
        repo.actors.erase_contact(found.id)
        click.echo(_("Contacto borrado: {name}.").format(name=found.organisation))
