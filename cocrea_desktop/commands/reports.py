"""`cocrea report results|relatoria|acta|process|pal|informe2|...`: the evidence trail and the
CEPAL documents as PDF (and DOCX to edit)."""

from __future__ import annotations

import click

from cocrea_desktop.cli import PAPER, cli, fail_cleanly, open_repo, written
from cocrea_desktop.i18n import _


@cli.group()
def report() -> None:
    """Reports as PDF (some also DOCX): results, relatoría, minutes (acta), process, the PAL,
    the CEPAL reports, accountability, progress."""


# -- reports -------------------------------------------------------------------------------


def _session_report(kind: str):
    @click.argument("file", type=click.Path(exists=True, dir_okay=False))
    @click.argument("session_id")
    @click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
                  help="PDF file to write.")
    @click.option("--paper", type=PAPER, default="letter", help="Paper size (letter, a4).")
    @fail_cleanly
    def command(file: str, session_id: str, output: str, paper: str) -> None:
        from cocrea_desktop.export.evidence import session_digest
        from cocrea_desktop.export.pdf.session_reports import write_session_report

        with open_repo(file, read_only=True) as repo:
            session = repo.session(session_id)
            path = write_session_report(repo, session.id, kind, output, paper=paper)
            digest = session_digest(repo, session.id)
        written(path, digest)

    return command


report.command("results", help="The results of a session (public; ballot annex by serial).")(
    _session_report("results"))
report.command("relatoria", help="The relatoría of a session: ideas, merges, results, "
                                 "convergences.")(_session_report("relatoria"))
report.command("acta", help="The minutes of a session: timeline of phases and timers, "
                            "attendance.")(_session_report("acta"))


@report.command("process")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="PDF file to write.")
@click.option("--paper", type=PAPER, default="letter", help="Paper size (letter, a4).")
@fail_cleanly
def report_process(file: str, output: str, paper: str) -> None:
    """The process report: all sessions, inclusion summary, journal verification."""
    from cocrea_desktop.export.evidence import process_digest
    from cocrea_desktop.export.pdf.process_report import write_process_report

    with open_repo(file, read_only=True) as repo:
        path = write_process_report(repo, output, paper=paper)
        digest = process_digest(repo)
    written(path, digest)


@report.command("pal")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="PAL.pdf or PAL.docx (editable).")
@click.option("--paper", type=PAPER, default="letter", help="Paper size (letter, a4).")
@fail_cleanly
def report_pal(file: str, output: str, paper: str) -> None:
    """The Local Action Plan assembled from the records: PDF, or DOCX to edit."""
    from pathlib import Path

    from cocrea_desktop.core.errors import InvalidInput
    from cocrea_desktop.export.evidence import process_digest
    from cocrea_desktop.export.pal import write_pal_docx, write_pal_pdf

    suffix = Path(output).suffix.lower()
    if suffix not in (".pdf", ".docx"):
        raise InvalidInput(_("El PAL se escribe como .pdf o .docx."))
    with open_repo(file, read_only=True) as repo:
        path = (write_pal_pdf(repo, output, paper=paper) if suffix == ".pdf"
                else write_pal_docx(repo, output))
        digest = process_digest(repo)
    written(path, digest)


@report.command("accountability")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="X.pdf (the report), or X.csv / X.json (the comments as open data).")
@click.option("--paper", type=PAPER, default="letter", help="Paper size (letter, a4).")
@fail_cleanly
def report_accountability(file: str, output: str, paper: str) -> None:
    """The public consultation's accountability report: criteria, every comment with its
    response, by commitment; no names."""
    from pathlib import Path

    from cocrea_desktop.core.errors import InvalidInput
    from cocrea_desktop.export.accountability import write_accountability
    from cocrea_desktop.export.evidence import process_digest

    if Path(output).suffix.lower() not in (".pdf", ".csv", ".json"):
        raise InvalidInput(_("El informe se escribe como .pdf, .csv o .json."))
    with open_repo(file, read_only=True) as repo:
        path = write_accountability(repo, output, paper=paper)
        digest = process_digest(repo)
    written(path, digest)


@report.command("progress")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The progress report, .pdf.")
@click.option("--paper", type=PAPER, default="letter", help="Paper size (letter, a4).")
@fail_cleanly
def report_progress(file: str, output: str, paper: str) -> None:
    """The progress report of the Local Action Plan: a summary, one page per commitment."""
    from pathlib import Path

    from cocrea_desktop.core.errors import InvalidInput
    from cocrea_desktop.export.evidence import process_digest
    from cocrea_desktop.export.progress import write_progress_pdf

    if Path(output).suffix.lower() != ".pdf":
        raise InvalidInput(_("El informe de avance se escribe como .pdf."))
    with open_repo(file, read_only=True) as repo:
        path = write_progress_pdf(repo, output, paper=paper)
        digest = process_digest(repo)
    written(path, digest)


@report.command("actors")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="PDF file to write.")
@click.option("--paper", type=PAPER, default="letter", help="Paper size (letter, a4).")
@fail_cleanly
def report_actors(file: str, output: str, paper: str) -> None:
    """The actor map: the influence/interest chart and the list (no contacts)."""
    from cocrea_desktop.export.actors_report import write_actors_pdf
    from cocrea_desktop.export.evidence import process_digest

    with open_repo(file, read_only=True) as repo:
        path = write_actors_pdf(repo, output, paper=paper)
        digest = process_digest(repo)
    written(path, digest)


@report.command("informe2")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="X.pdf, or X.docx (editable).")
@click.option("--paper", type=PAPER, default="letter", help="Paper size (letter, a4).")
@fail_cleanly
def report_informe2(file: str, output: str, paper: str) -> None:
    """CEPAL's second report (citizen meetings): every session with its relatoría and
    attendance, all proposals by theme; no names of who took part."""
    from pathlib import Path

    from cocrea_desktop.core.errors import InvalidInput
    from cocrea_desktop.export.evidence import process_digest
    from cocrea_desktop.export.informe2 import SUFFIXES, write_informe2

    if Path(output).suffix.lower() not in SUFFIXES:
        raise InvalidInput(_("El segundo informe se escribe como .pdf o .docx."))
    with open_repo(file, read_only=True) as repo:
        path = write_informe2(repo, output, paper=paper)
        digest = process_digest(repo)
    written(path, digest)
