"""`cocrea report results|relatoria|acta|process|pal|informe1|informe2|...`: the evidence
trail and the CEPAL documents as PDF (and DOCX to edit)."""

from __future__ import annotations

import click

from cocrea_desktop.cli import PAPER, cli, fail_cleanly, open_repo, written
from cocrea_desktop.i18n import _


@cli.group()
def report() -> None:
    """Informes en PDF (algunos también en DOCX): resultados, relatoría, acta, proceso, el
    PAL, los informes del método CEPAL, respuesta a la consulta, avance."""


# -- reports -------------------------------------------------------------------------------


def _session_report(kind: str):
    @click.argument("file", type=click.Path(exists=True, dir_okay=False))
    @click.argument("session_id")
    @click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
                  help="Archivo PDF que se escribe.")
    @click.option("--paper", type=PAPER, default="letter", help="Tamaño de papel (letter = "
                                                                "carta, a4).")
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


report.command("results", help="Los resultados de una sesión (públicos; anexo de boletas por "
                               "folio).")(
    _session_report("results"))
report.command("relatoria", help="La relatoría de una sesión: "
                                 "ideas, uniones, resultados, "
                                 "convergencias.")(_session_report("relatoria"))
report.command("acta", help="El acta de una sesión: cronología de fases "
                            "y temporizadores, asistencia.")(_session_report("acta"))


@report.command("process")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="Archivo PDF que se escribe.")
@click.option("--paper", type=PAPER, default="letter", help="Tamaño de papel (letter = carta, "
                                                            "a4).")
@fail_cleanly
def report_process(file: str, output: str, paper: str) -> None:
    """El informe del proceso: todas las sesiones, resumen de inclusión, verificación de la
    bitácora."""
    from cocrea_desktop.export.evidence import process_digest
    from cocrea_desktop.export.pdf.process_report import write_process_report

    with open_repo(file, read_only=True) as repo:
        path = write_process_report(repo, output, paper=paper)
        digest = process_digest(repo)
    written(path, digest)


@report.command("pal")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="PAL.pdf o PAL.docx (editable).")
@click.option("--paper", type=PAPER, default="letter", help="Tamaño de papel (letter = carta, "
                                                            "a4).")
@fail_cleanly
def report_pal(file: str, output: str, paper: str) -> None:
    """El Plan de Acción Local armado con los registros: PDF, o DOCX para editar."""
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
              help="X.pdf o X.docx (el informe), o X.csv / X.json (los comentarios como "
                   "datos abiertos).")
@click.option("--paper", type=PAPER, default="letter", help="Tamaño de papel (letter = carta, "
                                                            "a4).")
@fail_cleanly
def report_accountability(file: str, output: str, paper: str) -> None:
    """El informe de rendición de cuentas de la consulta pública: criterios, cada comentario
    con su respuesta, por compromiso; sin nombres."""
    from pathlib import Path

    from cocrea_desktop.core.errors import InvalidInput
    from cocrea_desktop.export.accountability import write_accountability
    from cocrea_desktop.export.evidence import process_digest

    if Path(output).suffix.lower() not in (".pdf", ".docx", ".csv", ".json"):
        raise InvalidInput(_("El informe se escribe como .pdf, .docx, .csv o .json."))
    with open_repo(file, read_only=True) as repo:
        path = write_accountability(repo, output, paper=paper)
        digest = process_digest(repo)
    written(path, digest)


@report.command("progress")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="El informe de avance, .pdf.")
@click.option("--paper", type=PAPER, default="letter", help="Tamaño de papel (letter = carta, "
                                                            "a4).")
@fail_cleanly
def report_progress(file: str, output: str, paper: str) -> None:
    """El informe de avance del Plan de Acción Local: un resumen y una página por compromiso."""
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
              help="Archivo PDF por escribir.")
@click.option("--paper", type=PAPER, default="letter", help="Tamaño de papel (letter = carta, "
                                                            "a4).")
@fail_cleanly
def report_actors(file: str, output: str, paper: str) -> None:
    """El mapa de actores: la gráfica de influencia e interés y la lista (sin contactos)."""
    from cocrea_desktop.export.actors_report import write_actors_pdf
    from cocrea_desktop.export.evidence import process_digest

    with open_repo(file, read_only=True) as repo:
        path = write_actors_pdf(repo, output, paper=paper)
        digest = process_digest(repo)
    written(path, digest)


@report.command("informe1")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="X.pdf, o X.docx (editable).")
@click.option("--paper", type=PAPER, default="letter", help="Tamaño de papel (letter = carta, "
                                                            "a4).")
@fail_cleanly
def report_informe1(file: str, output: str, paper: str) -> None:
    """El primer informe del método CEPAL (diagnóstico): la ruta, las iniciativas
    existentes, el mapa de actores sin contactos y las propuestas de la administración."""
    from pathlib import Path

    from cocrea_desktop.core.errors import InvalidInput
    from cocrea_desktop.export.evidence import process_digest
    from cocrea_desktop.export.informe1 import SUFFIXES, write_informe1

    if Path(output).suffix.lower() not in SUFFIXES:
        raise InvalidInput(_("El primer informe se escribe como .pdf o .docx."))
    with open_repo(file, read_only=True) as repo:
        path = write_informe1(repo, output, paper=paper)
        digest = process_digest(repo)
    written(path, digest)


@report.command("informe2")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="X.pdf, o X.docx (editable).")
@click.option("--paper", type=PAPER, default="letter", help="Tamaño de papel (letter = carta, "
                                                            "a4).")
@fail_cleanly
def report_informe2(file: str, output: str, paper: str) -> None:
    """El segundo informe del método CEPAL (encuentros ciudadanos): cada sesión con su
    relatoría y asistencia, todas las propuestas por tema; sin nombres de quienes participaron."""
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
