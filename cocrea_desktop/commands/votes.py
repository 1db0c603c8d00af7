"""`cocrea tally`: the result of a vote round, as the screen and the PDFs show it."""

from __future__ import annotations

from typing import Any

import click

from cocrea_desktop.cli import cli, echo_json, fail_cleanly, open_repo, pick_round
from cocrea_desktop.core.model import round_label
from cocrea_desktop.i18n import _

ROUNDS = ("preliminary", "final", "vote")


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
              help="La votación que se cuenta (predeterminada: la votación cuyo resultado vale).")
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def tally(file: str, session_id: str, round_: str, as_json: bool) -> None:
    """El resultado de una votación: renglones por lugar, la regla, pasos de desempate y casi
    empates."""
    from cocrea_desktop.core.methods import get_method

    with open_repo(file, read_only=True) as repo:
        session = repo.session(session_id)
        # A method that counts its own way (scores by criteria...) gives its cli module a
        # ``session_tally(repo, session_id) -> (data, lines)``: its result, as JSON and text.
        own = getattr(get_method(session.method).module("cli"), "session_tally", None)
        if own is not None and round_ is None:
            data, lines = own(repo, session.id)
            own_result = True
        else:
            own_result = False
    if own_result:
        if as_json:
            echo_json(data)
        else:
            for line in lines:
                click.echo(line)
        return
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
