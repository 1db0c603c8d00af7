"""`cocrea ballots import|print|void|scan|register|annex`: a vote round's ballots from a terminal.

Import ballots typed in a spreadsheet; print a session's paper ballots (each with its
serial and QR code), read a stack of scans back (it never enters marks: it says what
each code is), and show the register that reconciles what was handed out with what
came back and was counted.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import click

from cocrea_desktop.cli import cli, echo_json, fail_cleanly, open_repo, pick_round
from cocrea_desktop.commands.csv_input import cell, is_int, plain, read_csv
from cocrea_desktop.core.errors import CocreaError, InvalidInput, RuleViolation, StorageError
from cocrea_desktop.core.model import round_label
from cocrea_desktop.core.voting.outcome import ballot_name, describe_ballot
from cocrea_desktop.core.voting.payload import canonical_serial, format_serial
from cocrea_desktop.i18n import N_, _, ngettext
from cocrea_desktop.store import register
from cocrea_desktop.store.register import ROUND_CODES

ROUNDS = ("preliminary", "final", "vote")

#: Column names recognised in a ballots CSV's header row (lower case, without accents).
SERIAL_COLUMNS = ("serial", "folio", "boleta", "ballot")
OPTION_COLUMNS = ("idea", "option", "opcion", "numero", "number")
POINTS_COLUMNS = ("points", "puntos", "puntaje", "value", "valor")

#: What reading a ballot's code found, in words (the JSON keeps the code in ``kind``).
SCAN_STATUS = {
    register.READY: N_("lista para capturar"),
    register.DUPLICATE: N_("ya capturada"),
    register.OTHER_SESSION: N_("de otra sesión"),
    register.OTHER_ROUND: N_("de otra ronda"),
    register.NOT_ISSUED: N_("no emitida"),
    register.REJECTED: N_("no es de este proceso"),
}


def scan_status(kind: str) -> str:
    return _(SCAN_STATUS[kind]) if kind in SCAN_STATUS else kind

ROUND_CHOICES = tuple(ROUND_CODES)

#: What happened to each issued serial (``register --json``).
NOT_RETURNED, COUNTED, VOID, SPOILED = "not_returned", "counted", "void", "spoiled"
WITHDRAWN = "withdrawn"  # issued, never handed out, voided with a reason


def serial_states(repo, session_id: str, round_: str) -> list[dict[str, str]]:
    """Every serial issued for the round and what became of it (same rules as the summary)."""
    entered = {b.serial: b for b in repo.votes.ballots(session_id, round_) if b.serial}
    states = []
    for row in repo.register.issued(session_id, round_):
        ballot = entered.get(row["serial"])
        if row["status"] == "void":
            state = WITHDRAWN
        elif row["status"] == "spoiled":
            state = SPOILED
        elif ballot is None:
            state = NOT_RETURNED
        elif ballot.status == "counted" and ballot.marks:
            state = COUNTED
        else:
            state = VOID
        states.append({"serial": row["serial"], "shown": format_serial(row["serial"]),
                       "batch": row["batch"], "state": state,
                       "reason": row["void_reason"]})
    return states


def summary_lines(summary) -> list[str]:
    """The reconciliation in words, one figure a line, then whether it balances."""
    lines = [
        _("Emitidas: {n}").format(n=summary.issued),
        _("Devueltas: {n}").format(n=summary.returned),
        _("Sin devolver: {n}").format(n=summary.not_returned),
        _("Contadas: {n}").format(n=summary.counted),
        _("Nulas: {n}").format(n=summary.void),
        _("Estropeadas: {n}").format(n=summary.spoiled),
        _("Sin folio: {n}").format(n=summary.without_serial),
        _("Anuladas sin usar: {n}").format(n=summary.withdrawn),
        _("Leídas por la máquina: {n}").format(n=summary.read_by_machine),
        _("Leídas y confirmadas por una persona: {n}").format(n=summary.confirmed),
    ]
    lines.append(_("Cuadra: emitidas = devueltas + sin devolver + anuladas sin usar; devueltas "
                   "= contadas + nulas + estropeadas.") if summary.balanced else
                 _("No cuadra: revise las boletas devueltas y las capturadas."))
    return lines


# -- typed ballots from a spreadsheet ------------------------------------------------------

@cli.group()
def ballots() -> None:
    """Boletas de una votación: importa boletas de papel capturadas en una hoja de cálculo."""


def _columns(header: list[str]) -> tuple[int, int, int] | None:
    """(serial, idea, points) column indexes named in a header row, or None."""
    names = [plain(c) for c in header]

    def find(choices: tuple[str, ...], taken: set[int]) -> int | None:
        for choice in choices:
            for i, name in enumerate(names):
                if name == choice and i not in taken:
                    return i
        return None

    serial = find(SERIAL_COLUMNS, set())
    option = find(OPTION_COLUMNS, {serial} if serial is not None else set())
    points = find(POINTS_COLUMNS, {i for i in (serial, option) if i is not None})
    if serial is None or option is None or points is None:
        return None
    return serial, option, points


def group_ballot_rows(rows: list[list[str]]) -> tuple[dict[str, dict[str, Any]], list[dict],
                                                       int]:
    """Ballots by serial (in the order they first appear), rows refused, empty rows.

    One row per mark: serial, idea number, points (empty points: by place, as typed on
    screen). A first row whose idea column is not a number is a header; it may name the
    columns (serial/folio, idea/opción, points/puntos) in any order.
    """
    columns = (0, 1, 2)
    start = 0
    if rows and (_columns(rows[0]) or (any(rows[0]) and not any(map(is_int, rows[0])))):
        start = 1
        columns = _columns(rows[0]) or columns
    s_col, o_col, p_col = columns
    by_serial: dict[str, dict[str, Any]] = {}
    refused: list[dict] = []
    empty = 0
    for line, row in enumerate(rows[start:], start=start + 1):
        if not any(row):
            empty += 1
            continue
        serial, option, points = cell(row, s_col), cell(row, o_col), cell(row, p_col)
        serial = canonical_serial(serial)  # "482-1571" and "4821571" are one ballot
        if not serial:
            refused.append({"row": line, "reason": _("Falta el folio de la boleta.")})
            continue
        ballot = by_serial.setdefault(serial, {"rows": [], "entries": [], "unreadable": []})
        ballot["rows"].append(line)
        if not option and not points:
            continue  # a serial alone: a blank ballot (it counts as cast, with no marks)
        if is_int(option) and (not points or is_int(points)):
            ballot["entries"].append((int(option), int(points) if points else None))
        else:
            ballot["unreadable"].append("{}:{}".format(option or "?", points) if points
                                        else option)
    return by_serial, refused, empty


@ballots.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--round", "round_", type=click.Choice(ROUNDS), default=None,
              help="La votación a la que pertenecen las boletas (predeterminada: la primera de "
                   "la sesión).")
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def ballots_import(file: str, session_id: str, csv_file: str, round_: str,
                   as_json: bool) -> None:
    """Importa boletas de papel capturadas en una hoja de cálculo: un renglón por marca (folio,
    idea, puntos)."""
    by_serial, refused, empty = group_ballot_rows(read_csv(csv_file))
    if not by_serial and not refused:
        raise InvalidInput(_("«{name}» no tiene boletas.").format(name=Path(csv_file).name))

    added: list[dict[str, Any]] = []
    duplicates: list[str] = []
    rejected: list[dict[str, str]] = []
    with open_repo(file) as repo:
        session = repo.session(session_id)
        round_ = pick_round(repo, session.id, round_)
        if repo.votes.round(session.id, round_).mode == "counts":
            raise RuleViolation(_("Esta ronda se vota con conteos, no con boletas."))
        counted = {b.serial for b in repo.votes.ballots(session.id, round_)}
        dots = repo.votes.round(session.id, round_).kind == "dots"
        noun = repo.votes.noun(session.id)
        for serial, data in by_serial.items():
            if serial in counted:
                duplicates.append(serial)
                continue
            try:
                ballot, _changes = repo.votes.enter_ballot_marks(
                    session.id, round_, data["entries"], serial=serial,
                    unreadable=data["unreadable"])
            except CocreaError as err:  # another session's, spoiled, not issued, counted...
                rejected.append({"serial": serial, "reason": err.message})
                continue
            counted.add(serial)
            outcome = describe_ballot(ballot, dots=dots, noun=noun,
                                      name=ballot_name(ballot.serial, ballot.number))
            added.append({"serial": serial, "number": ballot.number, "rows": data["rows"],
                          "marks": [list(m) for m in ballot.marks],
                          "voids": [{"entry": v.entry, "reason": v.reason}
                                    for v in ballot.voids],
                          "void_lines": list(outcome.voids), "notes": list(outcome.notes),
                          "outcome": outcome.saved()})
        total = repo.votes.count_ballots(session.id, round_)
    report = {"round": round_, "added": added, "duplicates": duplicates, "rejected": rejected,
              "refused_rows": refused, "empty_rows": empty, "ballots_in_round": total}
    if as_json:
        echo_json(report)
        return
    _print_ballot_report(report)


def _print_ballot_report(report: dict[str, Any]) -> None:
    added, duplicates = report["added"], report["duplicates"]
    click.echo(ngettext("{round}: se agregó {count} boleta.",
                        "{round}: se agregaron {count} boletas.", len(added)).format(
        round=round_label(report["round"]), count=len(added)))
    for ballot in added:  # a merged idea's number counted for the idea that absorbed it
        for note in ballot.get("notes", ()):
            click.echo(_("Boleta {serial}: {message}").format(
                serial=format_serial(ballot["serial"]), message=note))
    with_voids = [b for b in added if b["voids"]]
    if with_voids:
        click.echo(ngettext("{count} boleta tiene entradas anuladas (lo demás sí cuenta):",
                            "{count} boletas tienen entradas anuladas (lo demás sí cuenta):",
                            len(with_voids)).format(count=len(with_voids)))
        for ballot in with_voids:
            for line in ballot["void_lines"]:
                click.echo("  " + _("Boleta {serial}, {entry}").format(
                    serial=format_serial(ballot["serial"]), entry=line))
    if duplicates:
        click.echo(ngettext(
            "{count} boleta ya estaba contada y no se contó dos veces: {serials}",
            "{count} boletas ya estaban contadas y no se contaron dos veces: {serials}",
            len(duplicates)).format(count=len(duplicates),
                                    serials=", ".join(format_serial(s) for s in duplicates)))
    for item in report.get("rejected", ()):
        click.echo(_("Boleta {serial}: {reason} No se contó.").format(
            serial=format_serial(item["serial"]), reason=item["reason"]))
    for row in report["refused_rows"]:
        click.echo(_("Fila {row}: {reason} No se importó.").format(row=row["row"],
                                                                    reason=row["reason"]))
    if report["empty_rows"]:
        click.echo(ngettext("Se omitió {count} fila vacía.", "Se omitieron {count} filas vacías.",
                            report["empty_rows"]).format(count=report["empty_rows"]))
    click.echo(_("Boletas en la ronda: {count}.").format(count=report["ballots_in_round"]))



# -- paper ballots: print, void, scan, register, annex ---------------------------------------

@ballots.command("print")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.option("--count", "count", type=int, required=True, help="Cuántas boletas se emiten.")
@click.option("--round", "round_", type=click.Choice(ROUND_CHOICES), default=None,
              help="La votación (predeterminada: la primera votación de la sesión).")
@click.option("--per-page", type=click.Choice(["auto", "1", "2", "4"]), default="auto",
              show_default=True,
              help="Boletas por hoja (auto: las que quepan según las opciones).")
@click.option("--paper", type=click.Choice(["letter", "a4"]), default="letter",
              show_default=True, help="Tamaño de papel.")
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="El PDF que se escribe.")
@fail_cleanly
def ballots_print(file: str, session_id: str, count: int, round_: str | None, per_page: str,
                  paper: str, output: str) -> None:
    """Emite COUNT folios nuevos e imprime sus boletas (código QR y folio) en un PDF."""
    from cocrea_desktop.export.paper import print_ballots

    with open_repo(file) as repo:
        session = repo.session(session_id)
        round_ = pick_round(repo, session.id, round_)
        layout = None if per_page == "auto" else int(per_page)
        if layout is None:
            from cocrea_desktop.export.paper import layouts_that_fit

            fits = layouts_that_fit(repo, session.id, round_, paper=paper)
            layout = fits[0] if fits else 1  # none fits: print_ballots says why
        serials = print_ballots(repo, session.id, round_, count, output,
                                per_page=layout, paper=paper) or []
    click.echo(ngettext("{round}: se emitió {count} boleta en {path} ({per_page} por hoja)",
                        "{round}: se emitieron {count} boletas en {path} ({per_page} por hoja)",
                        len(serials)).format(round=round_label(round_), count=len(serials),
                                             path=output, per_page=layout))
    click.echo(_("Folios: {serials}").format(
        serials=", ".join(format_serial(s) for s in serials)))


@ballots.command("void")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.argument("serials", nargs=-1, required=True)
@click.option("--round", "round_", type=click.Choice(ROUND_CHOICES), default=None,
              help="La votación (predeterminada: la primera votación de la sesión).")
@click.option("--reason", required=True, help="Por qué se anulan los folios (se guarda con "
                                              "ellos).")
@fail_cleanly
def ballots_void(file: str, session_id: str, serials: tuple[str, ...], round_: str | None,
                 reason: str) -> None:
    """Anula los SERIALS (folios) emitidos que nunca se entregaron (impresión perdida,
    atasco), con el motivo."""
    with open_repo(file) as repo:
        session = repo.session(session_id)
        round_ = pick_round(repo, session.id, round_)
        repo.register.void_serials(session.id, round_, list(serials), reason)
    from cocrea_desktop.core.voting.payload import parse_serial

    shown = ", ".join(format_serial(parse_serial(s)) for s in serials)
    click.echo(ngettext("Se anuló {count} folio sin usar: {serials}",
                        "Se anularon {count} folios sin usar: {serials}",
                        len(serials)).format(count=len(serials), serials=shown))


@ballots.command("scan")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.argument("scans", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--round", "round_", type=click.Choice(ROUND_CHOICES), default=None,
              help="La votación (predeterminada: la primera votación de la sesión).")
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@click.option("--read-marks", is_flag=True,
              help="También lee las marcas de cada boleta (casillas llenas, vacías o dudosas).")
@click.option("--enter", "enter", is_flag=True,
              help="Con --read-marks: captura las boletas leídas sin ninguna duda, registradas "
                   "como leídas por la máquina; enlista las que debe revisar una persona.")
@fail_cleanly
def ballots_scan(file: str, session_id: str, scans: tuple[str, ...], round_: str | None,
                 as_json: bool, read_marks: bool, enter: bool) -> None:
    """Lee los códigos QR de imágenes escaneadas, PDF o carpetas; dice qué es cada boleta.

    Sin --read-marks nunca captura marcas: se escriben en pantalla o se importan con
    `ballots import`. Con --read-marks también las lee, y --enter captura las seguras."""
    from cocrea_desktop.export.paper import read_scans

    if enter and not read_marks:
        raise InvalidInput(_("--enter necesita --read-marks."))
    if read_marks:
        _scan_marks(file, session_id, list(scans), round_, as_json=as_json, enter=enter)
        return

    with open_repo(file, read_only=True) as repo:
        session = repo.session(session_id)
        round_ = pick_round(repo, session.id, round_)
        result = read_scans(repo, session.id, round_, list(scans))
    codes = [{"source": source, "serial": o.serial, "shown": format_serial(o.serial)
              if o.serial else "", "kind": o.kind, "status": scan_status(o.kind),
              "message": o.message,
              "session_id": o.session_id, "round": o.round}
             for source, o in result.outcomes]
    problems = [{"source": source, "reason": reason} for source, reason in result.problems]
    if as_json:
        echo_json({"round": round_, "codes": codes, "problems": problems,
                   "ready": [c["serial"] for c in codes if c["kind"] == "ready"]})
        return
    click.echo(ngettext("{round}: se leyó {count} código.", "{round}: se leyeron {count} códigos.",
                        len(codes)).format(round=round_label(round_), count=len(codes)))
    for code in codes:
        click.echo("  {shown:9} {status:20} {message}  [{source}]".format(
            shown=code["shown"] or "-", status=code["status"], message=code["message"],
            source=code["source"]))
    if problems:
        click.echo(ngettext("{count} archivo o página sin código legible:",
                            "{count} archivos o páginas sin código legible:",
                            len(problems)).format(count=len(problems)))
        for problem in problems:
            click.echo("  {source}: {reason}".format(**problem))
    ready = sum(1 for c in codes if c["kind"] == "ready")
    click.echo(ngettext("{count} boleta lista para capturar sus marcas.",
                        "{count} boletas listas para capturar sus marcas.", ready).format(
        count=ready))


def _scan_marks(file: str, session_id: str, scans: list[str], round_: str | None, *,
                as_json: bool, enter: bool) -> None:
    """`ballots scan --read-marks [--enter]`: read the marks; enter the sure ballots."""
    from cocrea_desktop.export.omr import enter_sure, read_marks

    with open_repo(file, read_only=not enter) as repo:
        session = repo.session(session_id)
        round_ = pick_round(repo, session.id, round_)
        result = read_marks(repo, session.id, round_, scans)
        assert result is not None  # never cancelled here
        entered, refused = enter_sure(repo, session.id, round_, result) if enter else ([], [])
    refused_reasons = {id(r): reason for r, reason in refused}
    entered_ids = {id(r) for r in entered}
    rows = []
    for reading in result.readings:
        row = reading.as_dict()
        row["shown"] = format_serial(reading.serial) if reading.serial else ""
        row["entered"] = id(reading) in entered_ids
        if id(reading) in refused_reasons:
            row["review"] = True
            row["reasons"] = row["reasons"] + [refused_reasons[id(reading)]]
        rows.append(row)
    problems = [{"source": source, "reason": reason} for source, reason in result.problems]
    review = [r for r in rows if r["status"] == "ready" and r["review"]]
    if as_json:
        echo_json({"round": round_, "ballots": rows, "problems": problems,
                   "sure": [r["serial"] for r in rows if r["status"] == "ready"
                            and not r["review"]],
                   "entered": [r["serial"] for r in rows if r["entered"]],
                   "review": [r["serial"] for r in review]})
        return
    click.echo(ngettext("{round}: se leyó {count} boleta.", "{round}: se leyeron {count} boletas.",
                        len(rows)).format(round=round_label(round_), count=len(rows)))
    for row in rows:
        if row["status"] != "ready":
            state = _("no se lee")
        elif row["entered"]:
            state = _("capturada")
        elif row["review"]:
            state = _("revisar")
        else:
            state = _("segura")
        click.echo("  {shown:9} {state:10} {entry:16} {confidence:.2f}  [{source}#{page}]".format(
            shown=row["shown"] or "-", state=state, entry=row["entry"] or "-",
            confidence=row["confidence"], source=row["source"], page=row["page"]))
        if row["review"] or row["status"] != "ready":
            for reason in row["reasons"]:
                click.echo("      " + reason)
    for problem in problems:
        click.echo("  {source}: {reason}".format(**problem))
    sure = sum(1 for r in rows if r["status"] == "ready" and not r["review"])
    if enter:
        click.echo(ngettext("Se capturó {count} boleta leída sin dudas.",
                            "Se capturaron {count} boletas leídas sin dudas.",
                            len(entered)).format(count=len(entered)))
    else:
        click.echo(ngettext("{count} boleta leída sin dudas (use --enter para capturarla).",
                            "{count} boletas leídas sin dudas (use --enter para capturarlas).",
                            sure).format(count=sure))
    click.echo(ngettext("{count} boleta necesita que una persona la revise.",
                        "{count} boletas necesitan que una persona las revise.",
                        len(review)).format(count=len(review)))


@ballots.command("register")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.option("--round", "round_", type=click.Choice(ROUND_CHOICES), default=None,
              help="La votación (predeterminada: la primera votación de la sesión).")
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON (con cada folio).")
@fail_cleanly
def ballots_register(file: str, session_id: str, round_: str | None, as_json: bool) -> None:
    """Registro de boletas: emitidas, devueltas, contadas, anuladas, inutilizadas; si cuadra."""
    with open_repo(file, read_only=True) as repo:
        session = repo.session(session_id)
        round_ = pick_round(repo, session.id, round_)
        summary = repo.register.summary(session.id, round_)
        states = serial_states(repo, session.id, round_) if as_json else []
    if as_json:
        data: dict[str, Any] = dict(summary.as_dict(), round=round_, session_id=session.id,
                                    serials=states)
        echo_json(data)
        return
    click.echo(round_label(round_))
    for line in summary_lines(summary):
        click.echo(line)


@ballots.command("annex")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.option("--round", "round_", type=click.Choice(ROUND_CHOICES), default=None,
              help="La votación (predeterminada: la primera votación de la sesión).")
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="El archivo CSV que se escribe.")
@fail_cleanly
def ballots_annex(file: str, session_id: str, round_: str | None, output: str) -> None:
    """El anexo público en CSV: los folios contados y las marcas sumadas de cada opción.

    El voto es secreto: un folio nunca se escribe junto a sus marcas (el talón del votante
    probaría cómo votó), así que el anexo tiene dos partes: la lista ordenada de folios
    contados y luego la distribución de marcas de cada opción."""
    from cocrea_desktop.core.text import spreadsheet_cell
    from cocrea_desktop.export.evidence import session_snapshot

    with open_repo(file, read_only=True) as repo:
        session = repo.session(session_id)
        round_ = pick_round(repo, session.id, round_)
        snap = session_snapshot(repo, session.id, public=True)
    result = next((r for r in snap.rounds if r.round == round_), None)
    counted = result.counted if result is not None else []
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["folio_contado"])
    rows = 0
    for item in counted:
        if not item["serial"]:
            continue
        writer.writerow([spreadsheet_cell(format_serial(item["serial"]))])
        rows += 1
    writer.writerow([])
    writer.writerow(["opcion", "texto", "total", "boletas_por_valor"])
    for row in result.rows if result is not None else []:
        writer.writerow([row["option"], spreadsheet_cell(snap.option_text(row["option"])),
                         row["total"],
                         " ".join(str(n) for n in reversed(row["distribution"]))])
    from cocrea_desktop.export.pdf.kit import write_atomically

    try:
        write_atomically(buffer.getvalue().encode("utf-8-sig"), output)
    except OSError as err:
        raise StorageError(_("No se pudo escribir «{path}»: {reason}").format(
            path=output, reason=err.strerror or str(err))) from err
    click.echo(ngettext("Anexo público: {count} boleta contada en {path}",
                        "Anexo público: {count} boletas contadas en {path}", rows).format(
        count=rows, path=output))
