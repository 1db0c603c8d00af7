"""`cocrea consultation ...` and `cocrea comments ...`: the public consultation of the
draft Local Action Plan and its reasoned responses (the same store calls, and so the
same checks, as the «Consulta pública» tab of the Plan de Acción window)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import click

from cocrea_desktop.cli import cli as root
from cocrea_desktop.cli import echo_json, fail_cleanly, open_repo
from cocrea_desktop.commands.csv_input import plain, read_table
from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.i18n import _

FILE = click.argument("file", type=click.Path(exists=True, dir_okay=False))
JSON = click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")


@root.group()
def consultation() -> None:
    """La consulta pública del borrador del PAL: abrir, cerrar, ver."""


@consultation.command("open")
@FILE
@click.option("--start", required=True, help="Primer día, dd/mm/aaaa.")
@click.option("--end", default="", help="Último día, dd/mm/aaaa (predeterminado: diez días).")
@click.option("--channel", "channels", multiple=True,
              help="meeting (reunión), form (formulario), box (buzón), email, web (se puede "
                   "repetir).")
@click.option("--draft", default="", help="Qué se consulta (predeterminado: el borrador del "
                                          "PAL).")
@click.option("--criteria", default="", help="Los criterios con que se responde.")
@fail_cleanly
def consultation_open(file: str, start: str, end: str, channels: tuple[str, ...], draft: str,
                      criteria: str) -> None:
    """Abre la consulta de los compromisos listos para ella."""
    from cocrea_desktop.store.consultation import show_date

    with open_repo(file) as repo:
        c, _c = repo.consultation.open(start=start, end=end, channels=channels or ("meeting",),
                                       draft=draft, criteria=criteria)
        click.echo(_("Consulta pública abierta del {start} al {end} ({channels}).").format(
            start=show_date(c.start_date), end=show_date(c.end_date),
            channels=c.channels_text))


@consultation.command("close")
@FILE
@fail_cleanly
def consultation_close(file: str) -> None:
    """Cierra la consulta (se rechaza mientras un comentario no tenga respuesta)."""
    with open_repo(file) as repo:
        repo.consultation.close()
        click.echo(_("Consulta pública cerrada."))


@consultation.command("show")
@FILE
@JSON
@fail_cleanly
def consultation_show(file: str, as_json: bool) -> None:
    """La consulta: periodo, canales, conteos por respuesta."""
    from cocrea_desktop.store.consultation import RESPONSES, show_date
    from cocrea_desktop.store.stl import word

    with open_repo(file, read_only=True) as repo:
        c = repo.consultation.require()
        counts = repo.consultation.counts()
        if as_json:
            echo_json({**asdict(c), "counts": {k or "unanswered": v for k, v in counts.items()},
                       "comments": sum(counts.values())})
            return
        click.echo(_("{draft}: del {start} al {end}, {status}.").format(
            draft=c.draft, start=show_date(c.start_date), end=show_date(c.end_date),
            status=c.status_text))
        click.echo(_("Canales: {channels}").format(channels=c.channels_text))
        click.echo(_("Comentarios: {n}").format(n=sum(counts.values())))
        for key in RESPONSES:
            click.echo(f"  {word(RESPONSES, key)}: {counts[key]}")
        click.echo("  " + _("sin respuesta: {n}").format(n=counts[""]))


@root.group()
def comments() -> None:
    """Comentarios de la consulta pública: agregar, importar, responder, enlistar."""


def _comment_json(x) -> dict[str, Any]:
    data = asdict(x)
    data["answered"] = x.answered
    return data


@comments.command("add")
@FILE
@click.argument("text")
@click.option("--date", required=True, help="dd/mm/aaaa.")
@click.option("--channel", default="", help="meeting (reunión), form (formulario), box (buzón), "
                                            "email, web.")
@click.option("--commitment", default="", help="El número del compromiso.")
@click.option("--section", default="", help="La sección del plan, cuando no es un compromiso.")
@click.option("--theme", default="", help="El tema del comentario.")
@click.option("--name", default="", help="Quién comentó (dato personal, nunca se publica).")
@click.option("--contact", default="", help="Teléfono o correo (dato personal).")
@click.option("--duplicate-of", default="", help="El comentario que este repite.")
@JSON
@fail_cleanly
def comments_add(file: str, text: str, as_json: bool, **opts: Any) -> None:
    """Registra un comentario."""
    with open_repo(file) as repo:
        x, _c = repo.consultation.add(text=text, **opts)
        if as_json:
            echo_json(_comment_json(x))
        else:
            click.echo(_("Comentario {label} registrado.").format(label=x.label))


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


@comments.command("import")
@FILE
@click.argument("table", type=click.Path(exists=True, dir_okay=False))
@fail_cleanly
def comments_import(file: str, table: str) -> None:
    """Importa comentarios de un CSV o XLSX (fecha, canal, compromiso, sección, comentario,
    tema; nombre y contacto opcionales). Todos o ninguno."""
    items = read_comments(table)
    with open_repo(file) as repo:
        n, _c = repo.consultation.add_many(items)
        click.echo(_("{n} comentarios importados.").format(n=n))


@comments.command("answer")
@FILE
@click.argument("comment")
@click.argument("response", type=click.Choice(["incorporated", "partly", "not", "na"]))
@click.option("--reason", default="", help="Obligatorio salvo si se incorporó.")
@click.option("--change", default="", help="El cambio que hizo al compromiso.")
@click.option("--version", default="", help="La versión del compromiso con el cambio (approved = "
                                            "aprobada, final).")
@fail_cleanly
def comments_answer(file: str, comment: str, response: str, reason: str, change: str,
                    version: str) -> None:
    """Responde un comentario (COMMENT: su número)."""
    with open_repo(file) as repo:
        repo.consultation.answer(comment, response, reason, change, version)
        x = repo.consultation.comment(comment)
        click.echo(_("Comentario {label}: {response}.").format(label=x.label,
                                                               response=x.response_text))


@comments.command("list")
@FILE
@click.option("--unanswered", is_flag=True, help="Solo los comentarios sin respuesta.")
@JSON
@fail_cleanly
def comments_list(file: str, unanswered: bool, as_json: bool) -> None:
    """Los comentarios, con sus respuestas."""
    from cocrea_desktop.store.consultation import show_date

    with open_repo(file, read_only=True) as repo:
        found = repo.consultation.comments(unanswered=unanswered)
        if as_json:
            echo_json([_comment_json(x) for x in found])
            return
        for x in found:
            click.echo(f"{x.label}\t{show_date(x.date)}\t{x.about}\t{x.response_text}\t"
                       f"{x.text[:60]}")
