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
    """Follow-up meetings: milestones due, the review, agreements, the acta."""


@meeting.command("due")
@FILE
@SESSION
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@fail_cleanly
def meeting_due(file: str, session_id: str, as_json: bool) -> None:
    """The milestones the meeting reviews (due by its cut-off, not done)."""
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
    """Set the cut-off date (dd/mm/aaaa or AAAA-MM-DD)."""
    with open_repo(file) as repo:
        sid = repo.session(session_id).id
        repo.followup_meeting.set_cutoff(sid, date)
        click.echo(_("Fecha de corte: {date}").format(date=repo.followup_meeting.cutoff(sid)))


@meeting.command("review")
@FILE
@SESSION
@fail_cleanly
def meeting_review(file: str, session_id: str) -> None:
    """Record the review: the list due with each status and percentage now."""
    with open_repo(file) as repo:
        sid = repo.session(session_id).id
        repo.followup_meeting.record_review(sid)
        for r in repo.followup_meeting.recorded(sid):
            click.echo(review_line(r))


@meeting.command("agree")
@FILE
@SESSION
@click.argument("text")
@click.option("--milestone", default="", help="The milestone (e.g. 2.1); none: general.")
@click.option("--responsible", default="", help="Who does it.")
@click.option("--due", default="", help="By when (dd/mm/aaaa).")
@click.option("--status", type=click.Choice(list(STATUSES)), default=None,
              help="The milestone's new status, recorded in the follow-up.")
@click.option("--percent", default=None, help="The milestone's new percentage.")
@fail_cleanly
def meeting_agree(file: str, session_id: str, text: str, milestone: str, responsible: str,
                  due: str, status: str | None, percent: str | None) -> None:
    """Record an agreement (on a milestone or general)."""
    with open_repo(file) as repo:
        agreement, _c = repo.followup_meeting.add_agreement(
            repo.session(session_id).id, text=text, milestone=milestone,
            responsible=responsible, due=due, status=status or "", percent=percent)
    click.echo(agreement_line(agreement))


@meeting.command("agreements")
@FILE
@SESSION
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@fail_cleanly
def meeting_agreements(file: str, session_id: str, as_json: bool) -> None:
    """The agreements of the meeting."""
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
    """Set the closing note of the acta."""
    with open_repo(file) as repo:
        repo.followup_meeting.set_closing_note(repo.session(session_id).id, text)
    click.echo(_("Nota de cierre guardada."))


@meeting.command("acta")
@FILE
@SESSION
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False),
              help="The PDF to write.")
@click.option("--paper", type=PAPER, default="letter")
@fail_cleanly
def meeting_acta(file: str, session_id: str, out: str, paper: str) -> None:
    """Write the acta of the follow-up meeting (PDF, ready to sign)."""
    from cocrea_desktop.export import evidence
    from cocrea_desktop.methods.followup_meeting.pdf import write_acta

    with open_repo(file, read_only=True) as repo:
        sid = repo.session(session_id).id
        path = write_acta(repo, sid, Path(out), paper=paper)
        written(path, evidence.session_digest(repo, sid))
