"""`cocrea fishbowl ...`: what the office needs of a fishbowl (found by ``commands.load_all``
as this package's ``cli`` module)."""

from __future__ import annotations

import click

from cocrea_desktop.cli import cli, echo_json, fail_cleanly, open_repo
from cocrea_desktop.i18n import _


@cli.group()
def fishbowl() -> None:
    """Sesiones de pecera: grupos y turnos."""


@fishbowl.command("groups")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def fishbowl_groups(file: str, session_id: str, as_json: bool) -> None:
    """Los grupos en orden de turno, con los tiempos reales de cada turno, pausas y excesos."""
    with open_repo(file, read_only=True) as repo:
        session = repo.session(session_id)
        rows = [{
            "number": t.group.number, "label": t.group.label, "size": t.group.size,
            "turn_order": t.group.turn_order, "started_at": t.started_at,
            "ended_at": t.ended_at, "overrun_seconds": t.overrun_seconds, "pauses": t.pauses,
            "ideas": len([i for i in repo.ideas.list(session.id) if i.group_key == t.group.id]),
        } for t in repo.fishbowl.turns(session.id)]
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        click.echo(_("{order}. {label} ({size} personas): {ideas} ideas, excedente {over} s, "
                     "pausas {pauses}").format(order=row["turn_order"] or "-", label=row["label"],
                                               size=row["size"], ideas=row["ideas"],
                                               over=row["overrun_seconds"],
                                               pauses=row["pauses"]))
