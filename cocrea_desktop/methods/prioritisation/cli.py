"""`cocrea scores ...`: prioritisation by criteria from the command line (found by
``commands.load_all`` as this package's ``cli`` module), and `cocrea report third`, the
third CEPAL report (also `cocrea report informe3`), added to the reports group when it
exists."""

from __future__ import annotations

import click

from cocrea_desktop.cli import PAPER, cli, echo_json, fail_cleanly, open_repo, written
from cocrea_desktop.clihelp import Command
from cocrea_desktop.i18n import _

FILE = click.Path(exists=True, dir_okay=False)


@cli.group()
def scores() -> None:
    """Priorización por criterios: propuestas en la mesa, criterios, hojas, resultados."""


@scores.command("table")
@click.argument("file", type=FILE)
@click.argument("session_id")
@click.argument("labels", nargs=-1, required=True)
@fail_cleanly
def scores_table(file: str, session_id: str, labels: tuple[str, ...]) -> None:
    """Pone propuestas en la mesa por su número en la lista de la oficina ("1 4 B-2")."""
    with open_repo(file) as repo:
        repo.prioritisation.put_on_table(repo.session(session_id).id, list(labels))
        items = repo.prioritisation.items(session_id)
    for item in items:
        click.echo(f"{item.number}. {item.title}")


@scores.command("criteria")
@click.argument("file", type=FILE)
@click.argument("session_id")
@click.option("--preset", type=click.Choice(["durango", "cepal"]), default=None,
              help="Un juego predeterminado de criterios.")
@click.option("--criterion", "criteria", multiple=True,
              help="Criterio propio: \"nombre|pregunta|peso|+\" (- si más bajo = más prioridad).")
@click.option("--checked", is_flag=True,
              help="Cada sentido se leyó en voz alta y se revisó con la persona facilitadora.")
@fail_cleanly
def scores_criteria(file: str, session_id: str, preset: str | None, criteria: tuple[str, ...],
                    checked: bool) -> None:
    """Fija los criterios: un juego predeterminado o propios (nombre, pregunta, peso, sentido)."""
    from cocrea_desktop.methods.prioritisation.store import CriterionSpec

    with open_repo(file) as repo:
        store = repo.prioritisation
        sid = repo.session(session_id).id
        if preset:
            store.use_preset(sid, preset)
        if criteria:
            specs = []
            for text in criteria:
                parts = [p.strip() for p in text.split("|")] + ["", "", ""]
                specs.append(CriterionSpec(parts[0], parts[1], parts[2] or "1",
                                           parts[3] != "-", False))
            store.set_criteria(sid, specs, preset="own")
        if checked:
            for index in range(len(store.setup(sid).criteria)):
                store.check_direction(sid, index)
        setup = store.setup(sid)
    _echo_criteria(setup)


@cli.group()
def criteria() -> None:
    """Los criterios de una priorización por criterios."""


@criteria.command("set")
@click.argument("file", type=FILE)
@click.argument("session_id")
@click.option("--set", "chosen", required=True, metavar="durango|cepal|FILE.csv",
              help="Un juego predeterminado (durango, cepal) o un CSV/.xlsx con nombre, peso, "
                   "sentido (+ o -) y, si se quiere, la pregunta.")
@fail_cleanly
def criteria_set(file: str, session_id: str, chosen: str) -> None:
    """Fija los criterios con un juego predeterminado o un archivo (todos o ninguno)."""
    import os

    from cocrea_desktop.core.errors import InvalidInput
    from cocrea_desktop.methods.prioritisation.spreadsheet import read_criteria

    with open_repo(file) as repo:
        store = repo.prioritisation
        sid = repo.session(session_id).id
        if chosen.casefold() in ("durango", "cepal"):
            store.use_preset(sid, chosen.casefold())
        elif os.path.isfile(chosen):
            lines = read_criteria(chosen)
            for line, spec in lines:
                try:
                    store.check_spec(spec)
                except InvalidInput as err:
                    raise InvalidInput(_("Fila {line}: {reason}").format(
                        line=line, reason=str(err))) from None
            store.set_criteria(sid, [spec for _line, spec in lines], preset="own")
        else:
            raise InvalidInput(_("«{text}» no es un juego de criterios (durango, cepal) ni un "
                                 "archivo que exista.").format(text=chosen))
        setup = store.setup(sid)
    _echo_criteria(setup)


def _echo_criteria(setup) -> None:
    for i, c in enumerate(setup.criteria, start=1):
        click.echo(_("{number}. {name} (peso {weight}; {direction})").format(
            number=i, name=c.label(), weight=c.weight,
            direction=_("más alto = más prioridad") if c.higher_is_priority
            else _("al revés: más bajo = más prioridad")))


def session_tally(repo, session_id: str) -> tuple[dict, list[str]]:
    """``cocrea tally`` of a prioritisation: the rows (option, score, rank, means per
    criterion, how many scores, how many missing), the tie-break steps, the sensitivity."""
    from cocrea_desktop.commands.votes import row_figures, tally_dict

    store = repo.prioritisation
    result = store.tally(session_id)
    setup = store.setup(session_id)
    texts = {i.number: i.title for i in store.items(session_id)}
    data = tally_dict(result, texts)
    for row in data["rows"]:
        row["scores"] = row["scored"]
    data["session_id"] = session_id
    data["criteria"] = [{"number": i, "name": c.name, "weight": c.weight,
                         "higher_is_priority": c.higher_is_priority}
                        for i, c in enumerate(setup.criteria, start=1)]
    shifts = store.sensitivity(session_id)
    data["sensitivity"] = [{"criterion": s.criterion + 1, "name": s.name, "weight": s.weight,
                            "new_weight": s.new_weight,
                            "moves": [{"option": m.option, "before": m.before, "after": m.after}
                                      for m in s.moves], "text": s.text()} for s in shifts]
    lines = [_("Regla: {rule}").format(rule=result.rule_text), *result.notes, ""]
    for row, item in zip(result.rows, data["rows"]):
        lines.append("{rank:>3}.  {option:>3}  {figures:42}  {text}".format(
            rank=row.rank if row.rank is not None else "-", option=row.option,
            figures=row_figures(row), text=item["text"]))
    if data["tie_breaks"]:
        lines += ["", _("Desempates:"), *("  - " + s["text"] for s in data["tie_breaks"])]
    lines += ["", _("Si un peso cambia:"), *("  - " + s["text"] for s in data["sensitivity"])]
    return data, lines


@scores.command("evaluators")
@click.argument("file", type=FILE)
@click.argument("session_id")
@click.option("--group", type=click.Choice(["stl", "panel", "room"]), required=True,
              help="Quién califica: integrantes del STL, un panel ciudadano, toda la sala.")
@click.option("--count", type=int, required=True, help="Cuántas hojas de puntaje.")
@fail_cleanly
def scores_evaluators(file: str, session_id: str, group: str, count: int) -> None:
    """Dice quién califica y cuántas hojas hay (una hoja es un número, nunca un nombre)."""
    with open_repo(file) as repo:
        repo.prioritisation.set_evaluators(repo.session(session_id).id, group, count)


@scores.command("enter")
@click.argument("file", type=FILE)
@click.argument("session_id")
@click.option("--sheet", type=int, default=None, help="El número de la hoja.")
@click.option("--serial", default="", help="El folio de una hoja de puntaje impresa.")
@click.argument("rows", nargs=-1, required=True)
@fail_cleanly
def scores_enter(file: str, session_id: str, sheet: int | None, serial: str,
                 rows: tuple[str, ...]) -> None:
    """Una hoja: un renglón de dígitos por propuesta, en el orden de la mesa ("45345"), o
    "3=45345"."""
    from cocrea_desktop.core.errors import InvalidInput
    from cocrea_desktop.methods.prioritisation.paper import next_free_sheet, read_sheet_code

    with open_repo(file) as repo:
        sid = repo.session(session_id).id
        if serial:
            serial = read_sheet_code(repo, sid, serial)
            sheet = sheet or next_free_sheet(repo, sid)
        if sheet is None:
            raise InvalidInput(_("Diga el número de hoja (--sheet) o su folio (--serial)."))
        numbers = [i.number for i in repo.prioritisation.items(sid)]
        found: dict[int, str] = {}
        for position, text in enumerate(rows):
            number, sep, digits = text.partition("=")
            if sep:
                found[int(number)] = digits
            elif position < len(numbers):
                found[numbers[position]] = text
        repo.prioritisation.enter_sheet(sid, sheet, found, serial=serial)
    click.echo(_("Hoja {sheet}: {count} filas guardadas.").format(sheet=sheet,
                                                                   count=len(found)))


@scores.command("sheets")
@click.argument("file", type=FILE)
@click.argument("session_id")
@click.option("--count", type=int, default=None, help="Cuántas hojas (predeterminado: una por "
                                                      "evaluador).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="Archivo PDF que se escribe.")
@click.option("--paper", type=PAPER, default="letter", help="Tamaño de papel (letter = carta, "
                                                            "a4).")
@fail_cleanly
def scores_sheets(file: str, session_id: str, count: int | None, output: str,
                  paper: str) -> None:
    """Imprime hojas de puntaje con QR y folio, emitidas con el registro de boletas."""
    from cocrea_desktop.methods.prioritisation.paper import print_score_sheets

    with open_repo(file) as repo:
        sid = repo.session(session_id).id
        count = count or repo.prioritisation.setup(sid).evaluators or 1
        printed = print_score_sheets(repo, sid, count, output, paper=paper)
    serials = printed[0] if printed else []
    click.echo(_("{count} hojas con folio guardadas en {path}.").format(count=len(serials),
                                                                       path=output))


@scores.command("count")
@click.argument("file", type=FILE)
@click.argument("session_id")
@click.option("--proposal", type=int, required=True, help="El número de la propuesta en la mesa.")
@click.option("--criterion", type=int, required=True, help="El número del criterio (1 = el "
                                                           "primero).")
@click.option("--counts", required=True, help="Cuántos dieron 1, 2, 3, 4, 5: \"0 1 3 5 3\".")
@click.option("--counter", required=True, help="Quién contó.")
@fail_cleanly
def scores_count(file: str, session_id: str, proposal: int, criterion: int, counts: str,
                 counter: str) -> None:
    """Puntajes contados a mano para una propuesta y un criterio (nunca se mezclan con hojas)."""
    with open_repo(file) as repo:
        repo.prioritisation.set_count(repo.session(session_id).id, proposal, criterion - 1,
                                      counts, counter=counter)


@scores.command("import")
@click.argument("file", type=FILE)
@click.argument("session_id")
@click.argument("spreadsheet", type=FILE)
@fail_cleanly
def scores_import(file: str, session_id: str, spreadsheet: str) -> None:
    """Importa hojas de un CSV o .xlsx: hoja, propuesta, un puntaje por criterio; o, si lo
    dice su encabezado, un puntaje por renglón: evaluador (número de hoja o folio),
    propuesta, criterio (número o nombre), puntaje."""
    from cocrea_desktop.methods.prioritisation.spreadsheet import read_scores

    long, rows = read_scores(spreadsheet)
    with open_repo(file) as repo:
        sid = repo.session(session_id).id
        if long:
            repo.prioritisation.import_long(sid, rows)
        else:
            repo.prioritisation.import_rows(sid, rows)
    click.echo(_("Filas importadas: {count}.").format(count=len(rows)))


@scores.command("show")
@click.argument("file", type=FILE)
@click.argument("session_id")
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def scores_show(file: str, session_id: str, as_json: bool) -> None:
    """La matriz (promedios y los puntajes detrás), el orden de prioridad y la sensibilidad."""
    from cocrea_desktop.core.errors import RuleViolation
    from cocrea_desktop.methods.prioritisation.summary import summary

    with open_repo(file, read_only=True) as repo:
        found = summary(repo, repo.session(session_id).id)
    if found is None:
        raise RuleViolation(_("Faltan propuestas en la mesa o criterios."))
    if as_json:
        echo_json({"rule": found.rule_text, "headers": list(found.headers),
                   "rows": [list(cells) for _n, cells in found.rows],
                   "notes": list(found.notes),
                   "sensitivity": [list(r) for r in found.sensitivity],
                   "agreement": list(found.agreement)})
        return
    click.echo(found.rule_text)
    click.echo(" | ".join(h.replace("\n", " ") for h in found.headers))
    for _n, cells in found.rows:
        click.echo(" | ".join(cells))
    for line in (*found.notes, *(f"{a}: {b}" for a, b in found.sensitivity), *found.agreement):
        click.echo(line)


@scores.command("agree")
@click.argument("file", type=FILE)
@click.argument("session_id")
@click.option("--cutoff", type=int, required=True, help="Cuántas pasan al PAL.")
@click.option("--by", "decided_by", required=True, help="Quién decidió.")
@click.option("--select", "selected", default=None,
              help="Cuáles pasan (\"1,4,6\"); obligatorio si hay empate en el corte.")
@click.option("--note", default="", help="Cómo se resolvió un empate en el corte.")
@fail_cleanly
def scores_agree(file: str, session_id: str, cutoff: int, decided_by: str,
                 selected: str | None, note: str) -> None:
    """Registra el acuerdo del STL: el corte y quién decidió; un empate nunca se rompe callado."""
    from cocrea_desktop.methods.prioritisation.summary import agreement_lines

    chosen = [int(x) for x in selected.replace(",", " ").split()] if selected else None
    with open_repo(file) as repo:
        sid = repo.session(session_id).id
        repo.prioritisation.agree(sid, cutoff=cutoff, decided_by=decided_by, selected=chosen,
                                  tie_note=note)
        lines = agreement_lines(repo, sid)
    for line in lines:
        click.echo(line)


@scores.command("results")
@click.argument("file", type=FILE)
@click.argument("session_id")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="Archivo PDF que se escribe.")
@click.option("--paper", type=PAPER, default="letter", help="Tamaño de papel (letter = carta, "
                                                            "a4).")
@fail_cleanly
def scores_results(file: str, session_id: str, output: str, paper: str) -> None:
    """El PDF de resultados: la matriz, la tabla de sensibilidad, el acuerdo."""
    from cocrea_desktop.methods.prioritisation.pdf import digest, write_results

    with open_repo(file, read_only=True) as repo:
        sid = repo.session(session_id).id
        path = write_results(repo, sid, output, paper=paper)
        found = digest(repo, [sid])
    written(path, found)


@click.command("third", cls=Command)
@click.argument("file", type=FILE)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="Archivo PDF que se escribe.")
@click.option("--paper", type=PAPER, default="letter", help="Tamaño de papel (letter = carta, "
                                                            "a4).")
@fail_cleanly
def report_third(file: str, output: str, paper: str) -> None:
    """El tercer informe CEPAL (selección de propuestas): introducción, proceso, resultados,
    análisis."""
    from cocrea_desktop.methods.prioritisation.pdf import (
        digest,
        prioritisation_sessions,
        write_third_report,
    )

    with open_repo(file, read_only=True) as repo:
        path = write_third_report(repo, output, paper=paper)
        found = digest(repo, prioritisation_sessions(repo))
    written(path, found)


_reports = cli.commands.get("report")
if isinstance(_reports, click.Group) and "third" not in _reports.commands:
    _reports.add_command(report_third)
    # CEPAL's name for it, beside `report informe2`: the same command.
    _reports.add_command(report_third, "informe3")
