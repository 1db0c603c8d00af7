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
JSON = click.option("--json", "as_json", is_flag=True, help="Print JSON.")


@root.group()
def consultation() -> None:
    """The public consultation of the draft PAL: open, close, show."""


@consultation.command("open")
@FILE
@click.option("--start", required=True, help="First day, dd/mm/aaaa.")
@click.option("--end", default="", help="Last day, dd/mm/aaaa (default: ten days).")
@click.option("--channel", "channels", multiple=True,
              help="meeting, form, box, email, web (repeat).")
@click.option("--draft", default="", help="What is consulted (default: the PAL draft).")
@click.option("--criteria", default="", help="The criteria used to answer.")
@fail_cleanly
def consultation_open(file: str, start: str, end: str, channels: tuple[str, ...], draft: str,
                      criteria: str) -> None:
    """Open the consultation of the commitments ready for it."""
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
    """Close the consultation (refused while a comment is unanswered)."""
    with open_repo(file) as repo:
        repo.consultation.close()
        click.echo(_("Consulta pública cerrada."))


@consultation.command("show")
@FILE
@JSON
@fail_cleanly
def consultation_show(file: str, as_json: bool) -> None:
    """The consultation: period, channels, counts by response."""
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
              help="The PDF to write.")
@click.option("--commitment", "commitments", multiple=True,
              help="A commitment's number (repeat; default: every commitment consulted).")
@click.option("--section", "sections", multiple=True,
              help="A section of the plan, when the forms are not about a commitment.")
@click.option("--count", default=1, show_default=True, type=int,
              help="Forms of each commitment or section.")
@click.option("--per-page", default=1, show_default=True, type=click.Choice(["1", "2"]),
              help="Forms per letter sheet.")
@fail_cleanly
def consultation_forms(file: str, output: str, commitments: tuple[str, ...],
                       sections: tuple[str, ...], count: int, per_page: str) -> None:
    """Print paper comment forms, each with its serial and QR code (a serial is issued
    only once the PDF is written and read back)."""
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
    """Comments of the public consultation: add, import, answer, list."""


def _comment_json(x) -> dict[str, Any]:
    data = asdict(x)
    data["answered"] = x.answered
    return data


@comments.command("add")
@FILE
@click.argument("text")
@click.option("--date", required=True, help="dd/mm/aaaa.")
@click.option("--channel", default="", help="meeting, form, box, email, web.")
@click.option("--commitment", default="", help="The commitment's number.")
@click.option("--section", default="", help="The plan's section, when not a commitment.")
@click.option("--theme", default="")
@click.option("--name", default="", help="Who commented (personal data, never published).")
@click.option("--contact", default="", help="Phone or e-mail (personal data).")
@click.option("--duplicate-of", default="", help="The comment this one repeats.")
@click.option("--form", default="", help="The serial (or the scanned code) of the paper form "
                                         "it was written on: its commitment and the channel "
                                         "come from the form.")
@JSON
@fail_cleanly
def comments_add(file: str, text: str, as_json: bool, **opts: Any) -> None:
    """Record one comment."""
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
    """Import comments from a CSV or XLSX (fecha, canal, compromiso, sección, comentario,
    tema; nombre and contacto optional). All or nothing."""
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
    """What the codes of scanned comment forms say (PDF, images or folders): the serial,
    the commitment or section, whether it is already registered. Registers nothing."""
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
@click.option("--reason", default="", help="Required unless incorporated.")
@click.option("--change", default="", help="The change it made to the commitment.")
@click.option("--version", default="", help="The commitment's version with the change "
                                            "(approved, final).")
@fail_cleanly
def comments_answer(file: str, comment: str, response: str, reason: str, change: str,
                    version: str) -> None:
    """Answer a comment (COMMENT: its number)."""
    with open_repo(file) as repo:
        repo.consultation.answer(comment, response, reason, change, version)
        x = repo.consultation.comment(comment)
        click.echo(_("Comentario {label}: {response}.").format(label=x.label,
                                                               response=x.response_text))


@comments.command("list")
@FILE
@click.option("--unanswered", is_flag=True, help="Only the comments without a response.")
@JSON
@fail_cleanly
def comments_list(file: str, unanswered: bool, as_json: bool) -> None:
    """The comments, with their responses."""
    from cocrea_desktop.store.consultation import show_date

    with open_repo(file, read_only=True) as repo:
        found = repo.consultation.comments(unanswered=unanswered)
        if as_json:
            echo_json([_comment_json(x) for x in found])
            return
        for x in found:
            click.echo(f"{x.label}\t{show_date(x.date)}\t{x.about}\t{x.response_text}\t"
                       f"{x.text[:60]}")
