"""`cocrea meeting ...`: a follow-up meeting from the command line (found by
``commands.load_all`` as this package's ``cli`` module): the milestones due, the review,
the agreements, the acta."""

from __future__ import annotations

from pathlib import Path

import click

from cocrea_desktop.cli import PAPER, cli, echo_json, fail_cleanly, open_repo, written
from cocrea_desktop.i18n import _
from cocrea_desktop.methods.followup_meeting.report import agreement_line, review_line
from cocrea_desktop.store.followup import STATUSES

FILE = click.argument("file", type=click.Path(exists=True, dir_okay=False))
SESSION = click.argument("session_id")


@cli.group("meeting")
def meeting() -> None:
    """Reuniones de seguimiento: hitos por vencer, la revisión, acuerdos, el acta."""


@meeting.command("due")
@FILE
@SESSION
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def meeting_due(file: str, session_id: str, as_json: bool) -> None:
    """Los hitos que revisa la reunión (vencen a su fecha de corte y no están cumplidos)."""
    with open_repo(file, read_only=True) as repo:
        sid = repo.session(session_id).id
        rows = repo.followup_meeting.review_list(sid)
        cutoff = repo.followup_meeting.cutoff(sid)
    if as_json:
        echo_json({"cutoff": cutoff, "milestones": [{
            "milestone": r.label, "description": r.description, "due_date": r.due_date,
            "responsible": r.responsible, "status": r.status, "percent": r.percent,
            "recorded": r.recorded} for r in rows]})
        return
    for r in rows:
        click.echo(review_line(r))


@meeting.command("cutoff")
@FILE
@SESSION
@click.argument("date")
@fail_cleanly
def meeting_cutoff(file: str, session_id: str, date: str) -> None:
    """Fija la fecha de corte (dd/mm/aaaa o AAAA-MM-DD)."""
    with open_repo(file) as repo:
        sid = repo.session(session_id).id
        repo.followup_meeting.set_cutoff(sid, date)
        click.echo(_("Fecha de corte: {date}").format(date=repo.followup_meeting.cutoff(sid)))


@meeting.command("review")
@FILE
@SESSION
@fail_cleanly
def meeting_review(file: str, session_id: str) -> None:
    """Registra la revisión: la lista por vencer con el estado y el porcentaje de cada hito."""
    with open_repo(file) as repo:
        sid = repo.session(session_id).id
        repo.followup_meeting.record_review(sid)
        for r in repo.followup_meeting.recorded(sid):
            click.echo(review_line(r))


@meeting.command("agree")
@FILE
@SESSION
@click.argument("text")
@click.option("--milestone", default="", help="El hito (p. ej. 2.1); sin él: general.")
@click.option("--responsible", default="", help="Quién lo hace.")
@click.option("--due", default="", help="Para cuándo (dd/mm/aaaa).")
@click.option("--status", type=click.Choice(list(STATUSES)), default=None,
              help="El estado nuevo del hito, que se registra en el seguimiento.")
@click.option("--percent", default=None, help="El porcentaje nuevo del hito.")
@fail_cleanly
def meeting_agree(file: str, session_id: str, text: str, milestone: str, responsible: str,
                  due: str, status: str | None, percent: str | None) -> None:
    """Registra un acuerdo (sobre un hito o general)."""
    with open_repo(file) as repo:
        agreement, _c = repo.followup_meeting.add_agreement(
            repo.session(session_id).id, text=text, milestone=milestone,
            responsible=responsible, due=due, status=status or "", percent=percent)
    click.echo(agreement_line(agreement))


@meeting.command("agreements")
@FILE
@SESSION
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def meeting_agreements(file: str, session_id: str, as_json: bool) -> None:
    """Los acuerdos de la reunión."""
    with open_repo(file, read_only=True) as repo:
        found = repo.followup_meeting.agreements(repo.session(session_id).id)
    if as_json:
        echo_json([{"number": a.number, "milestone": a.label, "text": a.text,
                    "responsible": a.responsible, "due_date": a.due_date,
                    "new_status": a.new_status, "new_percent": a.new_percent}
                   for a in found])
        return
    for a in found:
        click.echo(agreement_line(a))


@meeting.command("note")
@FILE
@SESSION
@click.argument("text")
@fail_cleanly
def meeting_note(file: str, session_id: str, text: str) -> None:
    """Escribe la nota de cierre del acta."""
    with open_repo(file) as repo:
        repo.followup_meeting.set_closing_note(repo.session(session_id).id, text)
    click.echo(_("Nota de cierre guardada."))


@meeting.command("acta")
@FILE
@SESSION
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False),
              help="El PDF por escribir.")
@click.option("--paper", type=PAPER, default="letter", help="Tamaño de papel (letter = carta, a4).")
@fail_cleanly
def meeting_acta(file: str, session_id: str, out: str, paper: str) -> None:
    """Escribe el acta de la reunión de seguimiento (PDF, lista para firmar)."""
    from cocrea_desktop.export import evidence
    from cocrea_desktop.methods.followup_meeting.pdf import write_acta

    with open_repo(file, read_only=True) as repo:
        sid = repo.session(session_id).id
        path = write_acta(repo, sid, Path(out), paper=paper)
        written(path, evidence.session_digest(repo, sid))
