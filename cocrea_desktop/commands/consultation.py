"""`cocrea consultation ...` and `cocrea comments ...`: the public consultation of the
draft Local Action Plan and its reasoned responses (the same store calls, and so the
same checks, as the «Consulta pública» tab of the Plan de Acción window)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import click

from cocrea_desktop.cli import cli as root
from cocrea_desktop.cli import echo_json, fail_cleanly, open_repo
from cocrea_desktop.i18n import _, ngettext

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


@consultation.command("forms")
@FILE
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="El PDF por escribir.")
@click.option("--commitment", "commitments", multiple=True,
              help="El número de un compromiso (se repite; sin él: todos los compromisos "
                   "consultados).")
@click.option("--section", "sections", multiple=True,
              help="Una sección del plan, cuando los formatos no son sobre un compromiso.")
@click.option("--count", default=1, show_default=True, type=int,
              help="Formatos de cada compromiso o sección.")
@click.option("--per-page", default=1, show_default=True, type=click.Choice(["1", "2"]),
              help="Formatos por hoja carta.")
@fail_cleanly
def consultation_forms(file: str, output: str, commitments: tuple[str, ...],
                       sections: tuple[str, ...], count: int, per_page: str) -> None:
    """Imprime formatos de comentarios en papel, cada uno con su folio y código QR (un folio
    se emite solo cuando el PDF ya se escribió y se leyó de vuelta)."""
    from cocrea_desktop.export.consultation_forms import print_forms

    with open_repo(file) as repo:
        forms = print_forms(repo, output, commitments=commitments, sections=sections,
                            count=count, per_page=int(per_page)) or []
        click.echo(ngettext("{n} formato impreso en {path} (folios {first} a {last}).",
                            "{n} formatos impresos en {path} (folios {first} a {last}).",
                            len(forms)).format(n=len(forms), path=output,
                                               first=forms[0].shown_serial,
                                               last=forms[-1].shown_serial))


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
@click.option("--form", default="", help="El folio (o el código escaneado) del formato impreso "
                                         "en que se escribió: el compromiso y el canal salen "
                                         "del formato.")
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


@comments.command("import")
@FILE
@click.argument("table", type=click.Path(exists=True, dir_okay=False))
@fail_cleanly
def comments_import(file: str, table: str) -> None:
    """Importa comentarios de un CSV o XLSX (fecha, canal, compromiso, sección, comentario,
    tema; nombre y contacto opcionales). Todos o ninguno."""
    from cocrea_desktop.export.comments_import import read_comments

    items = read_comments(table)
    with open_repo(file) as repo:
        n, _c = repo.consultation.add_many(items)
        click.echo(_("{n} comentarios importados.").format(n=n))


@comments.command("scan")
@FILE
@click.argument("scans", nargs=-1, required=True, type=click.Path(exists=True))
@JSON
@fail_cleanly
def comments_scan(file: str, scans: tuple[str, ...], as_json: bool) -> None:
    """Lo que dicen los códigos de formatos de comentarios escaneados (PDF, imágenes o carpetas):
    el folio, el compromiso o la sección, si ya se registró. No registra nada."""
    from cocrea_desktop.export.consultation_forms import scan_forms

    with open_repo(file, read_only=True) as repo:
        result = scan_forms(repo, scans)
        if as_json:
            echo_json({"codes": [{"source": src, "serial": r.form.serial if r.form else "",
                                  "commitment": r.form.commitment_label if r.form else "",
                                  "section": r.form.section if r.form else "",
                                  "registered_as": r.form.comment_label if r.form else "",
                                  "ready": r.ready, "message": r.message}
                                 for src, r in result.readings],
                       "problems": [{"source": s, "reason": m} for s, m in result.problems]})
            return
        for src, reading in result.readings:
            click.echo(f"{src}\t{reading.message}")
        for src, reason in result.problems:
            click.echo(f"{src}\t{reason}")
        click.echo(_("Formatos listos para registrar: {n}.").format(
            n=sum(1 for _s, r in result.readings if r.ready)))


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
