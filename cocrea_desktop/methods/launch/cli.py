"""`cocrea launch ...`: prepare and read the launch of the Local Action Plan from the
command line (found by ``commands.load_all`` as this package's ``cli`` module)."""

from __future__ import annotations

from pathlib import Path

import click

from cocrea_desktop.cli import PAPER, cli, echo_json, fail_cleanly, open_repo, written
from cocrea_desktop.i18n import _
from cocrea_desktop.methods.launch.report import item_line, signature_line
from cocrea_desktop.store.commitments import STAGES
from cocrea_desktop.store.stl import word

FILE = click.argument("file", type=click.Path(exists=True, dir_okay=False))
SESSION = click.argument("session_id")


@cli.group()
def launch() -> None:
    """The launch of the PAL: agenda, the commitments presented, signatures, the acta."""


@launch.command("show")
@FILE
@SESSION
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@fail_cleanly
def launch_show(file: str, session_id: str, as_json: bool) -> None:
    """The agenda, the commitments presented and who signed."""
    with open_repo(file, read_only=True) as repo:
        sid = repo.session(session_id).id
        la = repo.launch
        items, presented, signatures = la.items(sid), la.presented(sid), la.signatures(sid)
        present = la.present(sid)
        note = la.closing_note(sid)
    if as_json:
        echo_json({
            "present": present,
            "agenda": [{"number": i.number, "title": i.title, "presenter": i.presenter,
                        "minutes": i.minutes, "seconds": i.seconds,
                        "status": "closed" if i.closed else ("open" if i.open else
                                                             "pending")} for i in items],
            "presented": [{"commitment": p.label, "name": p.name, "stage": p.stage,
                           "milestones": p.milestones} for p in presented],
            "signatures": [{"number": s.number, "name": s.name, "post": s.post,
                            "organisation": s.organisation, "signed": s.signed}
                           for s in signatures],
            "closing_note": note})
        return
    click.echo(_("Asistentes: {count}").format(count=present))
    for i in items:
        click.echo(item_line(i))
    for p in presented:
        click.echo(_("Compromiso {label}: {name} ({stage})").format(
            label=p.label, name=p.name, stage=word(STAGES, p.stage)))
    for s in signatures:
        click.echo(signature_line(s))


@launch.command("add-item")
@FILE
@SESSION
@click.argument("title")
@click.option("--presenter", default="", help="Who presents the item.")
@click.option("--minutes", default="10", help="Minutes allotted (1 to 180).")
@fail_cleanly
def launch_add_item(file: str, session_id: str, title: str, presenter: str,
                    minutes: str) -> None:
    """Add an item to the agenda."""
    with open_repo(file) as repo:
        item, _c = repo.launch.add_item(repo.session(session_id).id, title,
                                        presenter=presenter, minutes=minutes)
    click.echo(item_line(item))


@launch.command("next")
@FILE
@SESSION
@fail_cleanly
def launch_next(file: str, session_id: str) -> None:
    """Close the item under way and start the next one (its clock running)."""
    with open_repo(file) as repo:
        item, _c = repo.launch.next(repo.session(session_id).id)
    click.echo(item_line(item) if item else _("Se trataron todos los puntos."))


@launch.command("present")
@FILE
@SESSION
@click.argument("commitment")
@fail_cleanly
def launch_present(file: str, session_id: str, commitment: str) -> None:
    """Put a commitment (its number, e.g. 2) on the room's screen."""
    with open_repo(file) as repo:
        sid = repo.session(session_id).id
        repo.launch.show(sid, commitment)
        shown = repo.launch.shown(sid)
    click.echo(_("En pantalla: compromiso {label}: {name}").format(label=shown.label,
                                                                   name=shown.name))


@launch.command("sign")
@FILE
@SESSION
@click.argument("name")
@click.option("--post", default="", help="Post (cargo).")
@click.option("--organisation", default="", help="Agency or organisation.")
@click.option("--no-signature", is_flag=True, help="Attended officially without signing.")
@fail_cleanly
def launch_sign(file: str, session_id: str, name: str, post: str, organisation: str,
                no_signature: bool) -> None:
    """Record who signed the plan."""
    with open_repo(file) as repo:
        s, _c = repo.launch.add_signature(repo.session(session_id).id, name=name, post=post,
                                          organisation=organisation,
                                          signed=not no_signature)
    click.echo(signature_line(s))


@launch.command("note")
@FILE
@SESSION
@click.argument("text")
@fail_cleanly
def launch_note(file: str, session_id: str, text: str) -> None:
    """Set the closing note of the acta."""
    with open_repo(file) as repo:
        repo.launch.set_closing_note(repo.session(session_id).id, text)
    click.echo(_("Nota de cierre guardada."))


@launch.command("acta")
@FILE
@SESSION
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False),
              help="The PDF to write.")
@click.option("--paper", type=PAPER, default="letter")
@fail_cleanly
def launch_acta(file: str, session_id: str, out: str, paper: str) -> None:
    """Write the acta of the launch (PDF, ready to sign)."""
    from cocrea_desktop.export import evidence
    from cocrea_desktop.methods.launch.pdf import write_acta

    with open_repo(file, read_only=True) as repo:
        sid = repo.session(session_id).id
        path = write_acta(repo, sid, Path(out), paper=paper)
        written(path, evidence.session_digest(repo, sid))
