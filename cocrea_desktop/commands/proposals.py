"""`cocrea proposals ...`: the process's proposals, pooled across its tables.

Promote a session's result, type or import proposals at the office, list them by
theme and table, join duplicates, separate, withdraw, edit, export. The same store
calls (and so the same checks) as the Propuestas window.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from cocrea_desktop.cli import cli, echo_json, fail_cleanly, open_repo
from cocrea_desktop.commands.csv_input import cell, plain, read_table
from cocrea_desktop.core.errors import InvalidInput, NotFound
from cocrea_desktop.i18n import _, ngettext
from cocrea_desktop.store.proposals import origin_parts

#: Header names recognised per field (lower case, without accents).
IMPORT_COLUMNS = {
    "title": ("titulo", "title", "propuesta"),
    "description": ("descripcion", "description"),
    "problem": ("problema", "problem", "problema que atiende"),
    "theme": ("tema", "theme"),
    "table_label": ("mesa", "table", "origen"),
}


@cli.group()
def proposals() -> None:
    """Propuestas del proceso: promover, agregar, importar, enlistar, unir, exportar."""


def _records(repo, proposals_: list) -> list[dict[str, Any]]:
    from cocrea_desktop.export.proposals import proposal_record

    labels = {p.id: p.label for p in repo.proposals.list(include_inactive=True)}
    return [proposal_record(p, labels) for p in proposals_]


def _echo(record: dict[str, Any]) -> None:
    status = "" if record["status"] == "active" else f"  [{record['status_text']}]"
    theme = f"  ({record['theme']})" if record["theme"] else ""
    click.echo(f"{record['label']:>5}. {record['title']}{theme}{status}")
    for origin in record["origins"]:
        click.echo("        " + _("origen: {origin}").format(origin=origin["text"]))


def _text_options(func):
    for name, text in (("--problem", "El problema que atiende."),
                       ("--description", "Qué se propone."),
                       ("--theme", "Su tema."), ("--title", "Su título.")):
        func = click.option(name, default=None, help=text)(func)
    return func


@proposals.command("promote")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.argument("source", required=False)
@_text_options
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def proposals_promote(file: str, session_id: str, source: str | None, title: str | None,
                      description: str | None, problem: str | None, theme: str | None,
                      as_json: bool) -> None:
    """Sin SOURCE, enlista lo que ofrece el resultado de la sesión; con SOURCE (su número,
    el folio de una carta o su id), lo promueve a propuesta."""
    from dataclasses import asdict

    read_only = source is None
    with open_repo(file, read_only=read_only) as repo:
        session = repo.session(session_id)
        offered = repo.proposals.result(session.id)
        if source is None:
            if as_json:
                echo_json([dict(asdict(i), source=dict(i.source)) for i in offered])
                return
            if not offered:
                click.echo(_("El resultado de la sesión no ofrece nada que promover."))
            for item in offered:
                done = "  → " + _("propuesta {label}").format(label=item.proposal_label) \
                    if item.proposal_label else ""
                number, facts = origin_parts(item.source_kind, item.source)
                line = ", ".join(facts)
                click.echo(f"{number:>6}  {item.title}" + (f"  ({line})" if line else "")
                           + done)
            return
        wanted = source.strip().casefold()
        match = [i for i in offered if i.source_id.casefold() == wanted] or \
            [i for i in offered if str(i.source.get("number", "")).casefold() == wanted] or \
            [i for i in offered
             if origin_parts(i.source_kind, i.source)[0].casefold() == wanted]
        if not match:
            raise NotFound(_("«{source}» no está en el resultado de la sesión.").format(
                source=source))
        item = match[0]
        values = {k: v for k, v in (("description", description), ("problem", problem),
                                    ("theme", theme)) if v is not None}
        proposal, _changes = repo.proposals.promote(session.id, item.source_kind,
                                                    item.source_id, title=title, **values)
        record = _records(repo, [proposal])[0]
    if as_json:
        echo_json(record)
        return
    click.echo(_("Se promovió a la propuesta {label}.").format(label=record["label"]))
    _echo(record)


@proposals.command("add")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@_text_options
@click.option("--table", "table", default="", help="La mesa u origen de donde viene.")
@click.option("--administration", "administration", is_flag=True,
              help="La propone la administración municipal (el primer informe la lista "
                   "aparte).")
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def proposals_add(file: str, title: str | None, description: str | None, problem: str | None,
                  theme: str | None, table: str, administration: bool, as_json: bool) -> None:
    """Agrega una propuesta capturada en la oficina."""
    from cocrea_desktop.store.proposals import ADMINISTRATION, OFFICE

    with open_repo(file) as repo:
        proposal, _changes = repo.proposals.add(
            title or "", description=description or "", problem=problem or "",
            theme=theme or "", table_label=table,
            source_kind=ADMINISTRATION if administration else OFFICE)
        record = _records(repo, [proposal])[0]
    if as_json:
        echo_json(record)
        return
    click.echo(_("Se agregó la propuesta {label}.").format(label=record["label"]))


def import_items(rows: list[list[str]], name: str) -> tuple[list[dict[str, str]], list[int]]:
    """The proposals in a sheet's rows (a header row names the columns) and their rows."""
    if not rows:
        raise InvalidInput(_("«{name}» está vacío.").format(name=name))
    header = [plain(c) for c in rows[0]]
    columns = {}
    for key, names in IMPORT_COLUMNS.items():
        for found in names:
            if found in header:
                columns[key] = header.index(found)
                break
    if "title" not in columns:
        raise InvalidInput(_("«{name}» necesita una primera fila con los nombres de las "
                             "columnas, entre ellas «título» (y, si las hay, «descripción», "
                             "«problema», «tema», «mesa»).").format(name=name))
    items, lines = [], []
    for line, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        items.append({key: cell(row, index) for key, index in columns.items()})
        lines.append(line)
    if not items:
        raise InvalidInput(_("«{name}» no tiene propuestas.").format(name=name))
    return items, lines


@proposals.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("sheet", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def proposals_import(file: str, sheet: str, as_json: bool) -> None:
    """Agrega las propuestas de un archivo CSV o XLSX (columnas título, descripción,
    problema, tema, mesa), todas o ninguna."""
    items, lines = import_items(read_table(sheet), Path(sheet).name)
    with open_repo(file) as repo:
        added, _changes = repo.proposals.add_many(items, lines=lines)
        records = _records(repo, added)
    if as_json:
        echo_json({"added": records})
        return
    click.echo(ngettext("Se importó {count} propuesta.", "Se importaron {count} propuestas.",
                        len(records)).format(count=len(records)))
    for record in records:
        _echo(record)


@proposals.command("list")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--theme", default=None, help="Solo este tema.")
@click.option("--table", default=None, help="Solo las que vienen de esta mesa.")
@click.option("--all", "everything", is_flag=True, help="También las unidas y las retiradas.")
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def proposals_list(file: str, theme: str | None, table: str | None, everything: bool,
                   as_json: bool) -> None:
    """Enlista las propuestas de todas las mesas, por tema y mesa si se pide."""
    with open_repo(file, read_only=True) as repo:
        records = _records(repo, repo.proposals.list(theme=theme, table=table,
                                                     include_inactive=everything))
    if as_json:
        echo_json(records)
        return
    if not records:
        click.echo(_("No hay propuestas."))
    for record in records:
        _echo(record)


@proposals.command("join")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("keep")
@click.argument("other")
@fail_cleanly
def proposals_join(file: str, keep: str, other: str) -> None:
    """Une la duplicada OTHER en KEEP (etiquetas como 3 o B-3): los dos orígenes se conservan."""
    with open_repo(file) as repo:
        kept, joined = repo.proposals.by_label(keep), repo.proposals.by_label(other)
        repo.proposals.join(kept.id, joined.id)
    click.echo(_("La propuesta {other} quedó unida a la {keep}.").format(other=joined.label,
                                                                   keep=kept.label))


@proposals.command("separate")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("label")
@fail_cleanly
def proposals_separate(file: str, label: str) -> None:
    """Separa una propuesta unida: vuelve a quedar sola."""
    with open_repo(file) as repo:
        proposal = repo.proposals.by_label(label)
        repo.proposals.separate(proposal.id)
    click.echo(_("La propuesta {label} se separó.").format(label=proposal.label))


@proposals.command("withdraw")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("label")
@click.option("--reason", required=True, help="Por qué se retira.")
@fail_cleanly
def proposals_withdraw(file: str, label: str, reason: str) -> None:
    """Retira una propuesta, con el motivo (se queda en el registro)."""
    with open_repo(file) as repo:
        proposal = repo.proposals.by_label(label)
        repo.proposals.withdraw(proposal.id, reason)
    click.echo(_("Se retiró la propuesta {label}.").format(label=proposal.label))


@proposals.command("edit")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("label")
@_text_options
@click.option("--table", default=None, help="La mesa (solo para una capturada en la oficina).")
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def proposals_edit(file: str, label: str, title: str | None, description: str | None,
                   problem: str | None, theme: str | None, table: str | None,
                   as_json: bool) -> None:
    """Cambia el título, la descripción, el problema, el tema (o la mesa) de una propuesta."""
    values = {k: v for k, v in (("title", title), ("description", description),
                                ("problem", problem), ("theme", theme),
                                ("table_label", table)) if v is not None}
    if not values:
        raise InvalidInput(_("Indique qué cambiar: --title, --description, --problem, "
                             "--theme o --table."))
    with open_repo(file) as repo:
        proposal = repo.proposals.by_label(label)
        repo.proposals.edit(proposal.id, **values)
        record = _records(repo, [repo.proposals.get(proposal.id)])[0]
    if as_json:
        echo_json(record)
        return
    click.echo(_("Se cambió la propuesta {label}.").format(label=record["label"]))


@proposals.command("export")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--theme", default=None, help="Solo este tema.")
@click.option("--table", default=None, help="Solo las que vienen de esta mesa.")
@click.option("--all", "everything", is_flag=True, help="También las unidas y las retiradas.")
@fail_cleanly
def proposals_export(file: str, out: str, theme: str | None, table: str | None,
                     everything: bool) -> None:
    """Escribe las propuestas en OUT: .csv, .xlsx o .json (ninguna celda ejecuta una fórmula)."""
    from cocrea_desktop.export.proposals import export_proposals

    with open_repo(file, read_only=True) as repo:
        path = export_proposals(repo, out, theme=theme, table=table,
                                include_inactive=everything)
    click.echo(_("Archivo escrito: {path}").format(path=path))
