"""`cocrea ideas import|list`, `cocrea ballots import` and `cocrea tally`: a nominal group
from the terminal, with the same store calls (and so the same checks) as the screen.

CSV files are read as UTF-8 with or without a BOM (what spreadsheets write as "CSV
UTF-8"), separated by commas, semicolons or tabs.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import click

from cocrea_desktop.cli import cli, echo_json, fail_cleanly, open_repo
from cocrea_desktop.core.errors import CocreaError, InvalidInput, RuleViolation
from cocrea_desktop.core.model import IDEA_STATUSES, round_label
from cocrea_desktop.core.voting import wording
from cocrea_desktop.core.voting.outcome import ballot_name, describe_ballot
from cocrea_desktop.core.voting.payload import canonical_serial, format_serial
from cocrea_desktop.i18n import _, ngettext

ROUNDS = ("preliminary", "final", "vote")

#: Column names recognised in a header row (lower case, without accents).
IDEA_TEXT_COLUMNS = ("text", "texto", "idea")
SERIAL_COLUMNS = ("serial", "folio", "boleta", "ballot")
OPTION_COLUMNS = ("idea", "option", "opcion", "numero", "number")
POINTS_COLUMNS = ("points", "puntos", "puntaje", "value", "valor")


# -- reading CSV ------------------------------------------------------------------------------

def read_csv(path: str) -> list[list[str]]:
    """The rows of a CSV file, cells stripped; a clear error when it cannot be read."""
    name = Path(path).name
    try:
        raw = Path(path).read_bytes()
    except OSError as err:
        raise InvalidInput(_("No se pudo leer «{name}»: {reason}").format(
            name=name, reason=err.strerror or str(err))) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(_("«{name}» no está en UTF-8: guárdelo como «CSV UTF-8» e inténtelo "
                             "de nuevo.").format(name=name)) from None
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), dialect)]
    except csv.Error as err:
        raise InvalidInput(_("«{name}» no es un CSV válido: {reason}").format(
            name=name, reason=str(err))) from None


def _plain(cell: str) -> str:
    """A header cell compared without case or accents: "Opción" -> "opcion"."""
    table = str.maketrans("áéíóúüñ", "aeiouun")
    return cell.strip().lower().translate(table)


def _is_int(cell: str) -> bool:
    return cell.isascii() and cell.isdigit()


def _cell(row: list[str], index: int) -> str:
    return row[index] if index < len(row) else ""


# -- ideas ------------------------------------------------------------------------------------

@cli.group()
def ideas() -> None:
    """Ideas of a session: import them from a CSV file, list them."""


def _idea_dict(idea) -> dict[str, Any]:
    return {
        "id": idea.id, "number": idea.number, "text": idea.text, "status": idea.status,
        "absorbed": list(idea.absorbed), "merged_into": idea.merged_into_number,
        "withdraw_reason": idea.withdraw_reason, "round": idea.round, "turn": idea.turn,
    }


def idea_texts(rows: list[list[str]]) -> tuple[list[tuple[int, str]], int]:
    """(line, text) of every idea in the rows, and how many empty rows were skipped.

    A first row naming a ``text`` column (also ``texto`` or ``idea``) is a header and
    picks that column; otherwise every row is an idea, taken from its first column.
    """
    column, start = 0, 0
    if rows:
        header = [_plain(c) for c in rows[0]]
        for name in IDEA_TEXT_COLUMNS:
            if name in header:
                column, start = header.index(name), 1
                break
    found, empty = [], 0
    for line, row in enumerate(rows[start:], start=start + 1):
        text = " ".join(_cell(row, column).split())
        if text:
            found.append((line, text))
        else:
            empty += 1
    return found, empty


@ideas.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@fail_cleanly
def ideas_import(file: str, session_id: str, csv_file: str, as_json: bool) -> None:
    """Add the ideas in CSV_FILE (one a row) to a session, in order."""
    from cocrea_desktop.store.ideas import MAX_IDEA_LENGTH

    found, empty = idea_texts(read_csv(csv_file))
    if not found:
        raise InvalidInput(_("«{name}» no tiene ideas.").format(name=Path(csv_file).name))
    for line, text in found:
        if len(text) > MAX_IDEA_LENGTH:
            raise InvalidInput(_("Fila {row}: la idea es demasiado larga ({n} caracteres; "
                                 "máximo {max}). No se importó nada.").format(
                row=line, n=len(text), max=MAX_IDEA_LENGTH))
    with open_repo(file) as repo:
        session = repo.session(session_id)
        added, _changes = repo.ideas.add_many(session.id, [text for _line, text in found])
    if as_json:
        echo_json({"added": [_idea_dict(i) for i in added], "empty_rows": empty})
        return
    click.echo(ngettext("Se agregó {count} idea a la sesión (números {first} a {last}):",
                        "Se agregaron {count} ideas a la sesión (números {first} a {last}):",
                        len(added)).format(count=len(added), first=added[0].number,
                                           last=added[-1].number))
    for idea in added:
        click.echo("{number:>4}. {text}".format(number=idea.number, text=idea.text))
    if empty:
        click.echo(ngettext("Se omitió {count} fila vacía.", "Se omitieron {count} filas vacías.",
                            empty).format(count=empty))


@ideas.command("list")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@fail_cleanly
def ideas_list(file: str, session_id: str, as_json: bool) -> None:
    """List the ideas of a session: number, text, status, merges, round and turn."""
    with open_repo(file, read_only=True) as repo:
        session = repo.session(session_id)
        rows = repo.ideas.list(session.id)
    if as_json:
        echo_json([_idea_dict(i) for i in rows])
        return
    if not rows:
        click.echo(_("La sesión no tiene ideas."))
    for idea in rows:
        where = _("vuelta {round}, turno {turn}").format(round=idea.round, turn=idea.turn) \
            if idea.round else "-"
        extra = ""
        if idea.absorbed:
            extra = "  " + _("[absorbe: {numbers}]").format(
                numbers=wording.join_numbers(idea.absorbed))
        elif idea.status == "merged":
            extra = "  " + _("[fusionada en la {number}]").format(number=idea.merged_into_number)
        elif idea.status == "withdrawn":
            extra = "  " + _("[retirada: {reason}]").format(reason=idea.withdraw_reason)
        click.echo("{number:>4}. {status:10}  {where:20}  {text}{extra}".format(
            number=idea.number, status=_(IDEA_STATUSES.get(idea.status, idea.status)),
            where=where, text=idea.text, extra=extra))


# -- ballots ----------------------------------------------------------------------------------

@cli.group()
def ballots() -> None:
    """Ballots of a vote round: import paper ballots typed in a spreadsheet."""


def _columns(header: list[str]) -> tuple[int, int, int] | None:
    """(serial, idea, points) column indexes named in a header row, or None."""
    names = [_plain(c) for c in header]

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
    if rows and (_columns(rows[0]) or (any(rows[0]) and not any(map(_is_int, rows[0])))):
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
        serial, option, points = _cell(row, s_col), _cell(row, o_col), _cell(row, p_col)
        serial = canonical_serial(serial)  # "482-1571" and "4821571" are one ballot
        if not serial:
            refused.append({"row": line, "reason": _("Falta el folio de la boleta.")})
            continue
        ballot = by_serial.setdefault(serial, {"rows": [], "entries": [], "unreadable": []})
        ballot["rows"].append(line)
        if not option and not points:
            continue  # a serial alone: a blank ballot (it counts as cast, with no marks)
        if _is_int(option) and (not points or _is_int(points)):
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
              help="The vote round the ballots belong to (default: the session's first).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@fail_cleanly
def ballots_import(file: str, session_id: str, csv_file: str, round_: str,
                   as_json: bool) -> None:
    """Import paper ballots typed in a spreadsheet: one row per mark (serial, idea, points)."""
    by_serial, refused, empty = group_ballot_rows(read_csv(csv_file))
    if not by_serial and not refused:
        raise InvalidInput(_("«{name}» no tiene boletas.").format(name=Path(csv_file).name))
    from cocrea_desktop.commands.paper import pick_round

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


# -- tally ------------------------------------------------------------------------------------

def row_figures(row) -> str:
    """A row's figures as the CLI lists them: "45 puntos, 12 boletas, D: 3:10 2:3 1:2"."""
    figures = row.total_words()
    if row.breadth is not None:
        figures = _("{total}, {breadth}").format(total=figures, breadth=row.breadth_words())
    if len(row.distribution) > 1:
        top = len(row.distribution)
        figures = _("{figures}, D: {distribution}").format(
            figures=figures, distribution=" ".join(
                f"{v}:{row.distribution[v - 1]}" for v in range(top, 0, -1)))
    return figures


def tally_dict(result, texts: dict[int, str]) -> dict[str, Any]:
    """A tally result as plain data: the rows as the screen shows them, the rule, the steps.

    Every row has ``total``, ``breadth`` and ``unit`` (the shared reading of a tally row)
    and, beside them, its kind's own figures under their names (``points``/``mentions``,
    ``dots``/``voters``, ``count``...)."""
    rows = []
    for row in result.rows:
        item: dict[str, Any] = {"rank": row.rank, "option": row.option,
                                "text": texts.get(row.option, ""), "total": row.total,
                                "breadth": row.breadth, "unit": row.unit.key,
                                "line": row.describe(result.noun)}
        item.update(row.figures())
        rows.append(item)
    data: dict[str, Any] = {
        "rule_text": result.rule_text, "unit": result.unit.key, "rows": rows,
        "ballots_counted": result.ballots_counted, "notes": list(result.notes),
        "tie_breaks": [{"rule": s.rule, "options": list(s.options), "text": s.text}
                       for s in result.tie_breaks],
        "near_ties": [{"higher": list(n.higher), "lower": list(n.lower),
                       "difference": n.difference, "text": n.text} for n in result.near_ties],
    }
    data.update(result.figures())
    return data


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.option("--round", "round_", type=click.Choice(ROUNDS), default=None,
              help="The vote round to count (default: the round whose result stands).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@fail_cleanly
def tally(file: str, session_id: str, round_: str, as_json: bool) -> None:
    """The result of a vote round: ranked rows, the rule, tie-break steps and near-ties."""
    from cocrea_desktop.commands.paper import pick_round

    with open_repo(file, read_only=True) as repo:
        session = repo.session(session_id)
        # Without --round: the round the screen, the projector and the PDFs take.
        round_ = pick_round(repo, session.id, round_ or repo.votes.result_round(session.id))
        result = repo.votes.tally(session.id, round_)
        options = repo.votes.options_for(session.id, round_)
        spoiled = sum(1 for b in repo.votes.ballots(session.id, round_) if b.status != "counted")
        standing = repo.votes.result_round(session.id)
        warning = repo.votes.optional_round_warning(session.id)
    data = tally_dict(result, options.labels())
    data.update(round=round_, session_id=session.id, option_noun=options.noun.key,
                spoiled_ballots=spoiled,
                result_round=standing, warning=warning)
    if as_json:
        echo_json(data)
        return
    click.echo(round_label(round_))
    if standing and standing != round_:
        click.echo(_("No es el resultado de la sesión: se toma la {round}.").format(
            round=round_label(standing).lower()))
    if warning:
        click.echo(_("Aviso: {message}").format(message=warning))
    click.echo(_("Regla: {rule}").format(rule=data["rule_text"]))
    if result.ballots_counted is not None:
        click.echo(_("Boletas en el conteo: {count}; anuladas a mano, que no cuentan: "
                     "{spoiled}.").format(
            count=result.ballots_counted, spoiled=spoiled))
    for line in result.notes:
        click.echo(line)
    click.echo("")
    for row, item in zip(result.rows, data["rows"]):
        click.echo("{rank:>3}.  {option:>3}  {figures:42}  {text}".format(
            rank=row.rank if row.rank is not None else "-", option=row.option,
            figures=row_figures(row), text=item["text"]))
    if data["tie_breaks"]:
        click.echo("")
        click.echo(_("Desempates:"))
        for step in data["tie_breaks"]:
            click.echo("  - " + step["text"])
    if data["near_ties"]:
        click.echo("")
        click.echo(_("Casi empates:"))
        for flag in data["near_ties"]:
            click.echo("  - " + flag["text"])
