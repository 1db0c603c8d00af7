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
    """El lanzamiento del PAL: orden del día, compromisos presentados, firmas, el acta."""


@launch.command("show")
@FILE
@SESSION
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def launch_show(file: str, session_id: str, as_json: bool) -> None:
    """El orden del día, los compromisos presentados y quién firmó."""
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
@click.option("--presenter", default="", help="Quién presenta el punto.")
@click.option("--minutes", default="10", help="Minutos asignados (de 1 a 180).")
@fail_cleanly
def launch_add_item(file: str, session_id: str, title: str, presenter: str,
                    minutes: str) -> None:
    """Agrega un punto al orden del día."""
    with open_repo(file) as repo:
        item, _c = repo.launch.add_item(repo.session(session_id).id, title,
                                        presenter=presenter, minutes=minutes)
    click.echo(item_line(item))


@launch.command("next")
@FILE
@SESSION
@fail_cleanly
def launch_next(file: str, session_id: str) -> None:
    """Cierra el punto en curso y empieza el siguiente (con su reloj andando)."""
    with open_repo(file) as repo:
        item, _c = repo.launch.next(repo.session(session_id).id)
    click.echo(item_line(item) if item else _("Se trataron todos los puntos."))


@launch.command("present")
@FILE
@SESSION
@click.argument("commitment")
@fail_cleanly
def launch_present(file: str, session_id: str, commitment: str) -> None:
    """Pone un compromiso (su número, p. ej. 2) en la pantalla de la sala."""
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
@click.option("--post", default="", help="Cargo.")
@click.option("--organisation", default="", help="Dependencia u organización.")
@click.option("--no-signature", is_flag=True, help="Asistió de manera oficial sin firmar.")
@fail_cleanly
def launch_sign(file: str, session_id: str, name: str, post: str, organisation: str,
                no_signature: bool) -> None:
    """Registra quién firmó el plan."""
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
    """Escribe la nota de cierre del acta."""
    with open_repo(file) as repo:
        repo.launch.set_closing_note(repo.session(session_id).id, text)
    click.echo(_("Nota de cierre guardada."))


@launch.command("acta")
@FILE
@SESSION
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False),
              help="El PDF por escribir.")
@click.option("--paper", type=PAPER, default="letter", help="Tamaño de papel (letter = carta, a4).")
@fail_cleanly
def launch_acta(file: str, session_id: str, out: str, paper: str) -> None:
    """Escribe el acta del lanzamiento (PDF, lista para firmar)."""
    from cocrea_desktop.export import evidence
    from cocrea_desktop.methods.launch.pdf import write_acta

    with open_repo(file, read_only=True) as repo:
        sid = repo.session(session_id).id
        path = write_acta(repo, sid, Path(out), paper=paper)
        written(path, evidence.session_digest(repo, sid))
