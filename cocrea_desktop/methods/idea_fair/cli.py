"""`cocrea fair ...`: what the office needs of an idea fair (found by ``commands.load_all``
as this package's ``cli`` module)."""

from __future__ import annotations

from typing import Any

import click

from cocrea_desktop.cli import cli, echo_json, fail_cleanly, open_repo
from cocrea_desktop.i18n import _


@cli.group()
def fair() -> None:
    """Idea-fair sessions: stands and commitment letters."""


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
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--with-contacts", is_flag=True,
              help="Include the contact person (personal data; left out by default).")
@fail_cleanly
def fair_stands(file: str, session_id: str, as_json: bool, with_contacts: bool) -> None:
    """The registered stands (the contact person only with --with-contacts)."""
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
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@fail_cleanly
def fair_letters(file: str, session_id: str, as_json: bool) -> None:
    """The commitment letters with their follow-up status."""
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
              help="PDF file to write.")
@click.option("--paper", type=click.Choice(["letter", "a4"]), default="letter",
              help="Paper size (letter, a4).")
@fail_cleanly
def fair_letter(file: str, session_id: str, folio: str, output: str, paper: str) -> None:
    """Print one commitment letter (carta compromiso) to sign, with its folio as a QR code."""
    from cocrea_desktop.methods.idea_fair.pdf import write_letter

    with open_repo(file, read_only=True) as repo:
        session = repo.session(session_id)
        target = write_letter(repo, session.id, folio, output, paper=paper)
    click.echo(_("Carta escrita en {path}").format(path=target))


@fair.command("stand-list")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="PDF file to write.")
@click.option("--paper", type=click.Choice(["letter", "a4"]), default="letter",
              help="Paper size (letter, a4).")
@fail_cleanly
def fair_stand_list(file: str, session_id: str, output: str, paper: str) -> None:
    """Print the stand list (the map to set up by), without contact people."""
    from cocrea_desktop.methods.idea_fair.pdf import write_stand_list

    with open_repo(file, read_only=True) as repo:
        session = repo.session(session_id)
        target = write_stand_list(repo, session.id, output, paper=paper)
    click.echo(_("Lista de stands escrita en {path}").format(path=target))
