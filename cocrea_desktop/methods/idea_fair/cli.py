"""`cocrea fair ...`: what the office needs of an idea fair (found by ``commands.load_all``
as this package's ``cli`` module)."""

from __future__ import annotations

from typing import Any

import click

from cocrea_desktop.cli import cli, echo_json, fail_cleanly, open_repo
from cocrea_desktop.i18n import _


@cli.group()
def fair() -> None:
    """Sesiones de feria de ideas: puestos y cartas compromiso."""


def _stand_dict(stand, *, personal: bool) -> dict[str, Any]:
    data = {"number": stand.number, "title": stand.title, "summary": stand.summary,
            "problem": stand.problem, "theme": stand.theme,
            "organisation": stand.organisation, "asks": stand.asks}
    if personal:
        data.update(contact_name=stand.contact_name, contact_phone=stand.contact_phone)
    return data


@fair.command("stands")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@click.option("--with-contacts", is_flag=True,
              help="Incluye la persona de contacto (dato personal; se omite por omisión).")
@fail_cleanly
def fair_stands(file: str, session_id: str, as_json: bool, with_contacts: bool) -> None:
    """Los puestos registrados (la persona de contacto solo con --with-contacts)."""
    with open_repo(file, read_only=True) as repo:
        session = repo.session(session_id)
        rows = [_stand_dict(s, personal=with_contacts) for s in repo.fair.stands(session.id)]
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        click.echo(_("Stand {number}: {title} — {organisation}").format(**row))


@fair.command("letters")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def fair_letters(file: str, session_id: str, as_json: bool) -> None:
    """Las cartas compromiso con su estado de seguimiento."""
    from cocrea_desktop.methods.idea_fair.store import LETTER_STATUSES

    with open_repo(file, read_only=True) as repo:
        session = repo.session(session_id)
        stands = {s.id: s for s in repo.fair.stands(session.id)}
        authorities = {a.id: a for a in repo.fair.authorities(session.id)}
        rows = []
        for letter in repo.fair.letters(session.id):
            stand, authority = stands[letter.stand_id], authorities[letter.authority_id]
            rows.append({
                "folio": letter.folio, "date": letter.letter_date, "stand": stand.number,
                "project": stand.title, "authority": authority.name, "post": authority.post,
                "agency": authority.agency, "authority_commits": letter.authority_commits,
                "team_commits": letter.team_commits, "next_step": letter.next_step,
                "next_step_date": letter.next_step_date, "status": letter.status,
                "status_name": _(LETTER_STATUSES[letter.status]),
                "status_reason": letter.status_reason,
                "attachments": [a["sha256"] for a in repo.fair.attachments(letter.id)],
            })
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo(_("No hay cartas compromiso."))
    for row in rows:
        click.echo(_("{folio} · stand {stand} «{project}» · {authority} ({agency}) · "
                     "{status_name}").format(**row))


@fair.command("letter")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.argument("folio")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="Archivo PDF que se escribe.")
@click.option("--paper", type=click.Choice(["letter", "a4"]), default="letter",
              help="Tamaño de papel (letter = carta, a4).")
@fail_cleanly
def fair_letter(file: str, session_id: str, folio: str, output: str, paper: str) -> None:
    """Imprime una carta compromiso para firmar, con su folio como código QR."""
    from cocrea_desktop.methods.idea_fair.pdf import write_letter

    with open_repo(file, read_only=True) as repo:
        session = repo.session(session_id)
        target = write_letter(repo, session.id, folio, output, paper=paper)
    click.echo(_("Carta escrita en {path}").format(path=target))


@fair.command("stand-list")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="Archivo PDF que se escribe.")
@click.option("--paper", type=click.Choice(["letter", "a4"]), default="letter",
              help="Tamaño de papel (letter = carta, a4).")
@fail_cleanly
def fair_stand_list(file: str, session_id: str, output: str, paper: str) -> None:
    """Imprime la lista de puestos (el mapa para montarlos), sin personas de contacto."""
    from cocrea_desktop.methods.idea_fair.pdf import write_stand_list

    with open_repo(file, read_only=True) as repo:
        session = repo.session(session_id)
        target = write_stand_list(repo, session.id, output, paper=paper)
    click.echo(_("Lista de stands escrita en {path}").format(path=target))
