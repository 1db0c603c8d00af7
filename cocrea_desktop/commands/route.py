"""`cocrea route ...`: the process route (the CEPAL phases), and where the exercise stands.

PHASE is a phase's number (1-9), its key (``diagnosis``) or its title
(«Diagnóstico»). Dates are typed dd/mm/aaaa (or YYYY-MM-DD); an empty value clears.
The same store calls, and so the same checks, as the Ruta del proceso window.
"""

from __future__ import annotations

from typing import Any

import click

from cocrea_desktop.cli import cli, echo_json, fail_cleanly, open_repo
from cocrea_desktop.i18n import _, ngettext

FILE = click.argument("file", type=click.Path(exists=True, dir_okay=False))
PHASE = click.argument("phase")
JSON = click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")


@cli.group()
def route() -> None:
    """La ruta del proceso: fases, fechas, responsables, productos; qué está atrasado."""


def _phase_json(p, today: str, sessions: int) -> dict[str, Any]:
    return {"position": p.number, "key": p.key, "title": p.title,
            "planned_start": p.planned_start, "planned_end": p.planned_end,
            "actual_start": p.actual_start, "actual_end": p.actual_end,
            "responsible": p.responsible, "products": p.products_text, "note": p.note,
            "status": p.status(today), "late": p.late(today), "sessions": sessions}


@route.command("list")
@FILE
@click.option("--on", "today", default=None,
              help="Dice qué está atrasado en esta fecha (dd/mm/aaaa); sin ella, hoy.")
@JSON
@fail_cleanly
def route_list(file: str, today: str | None, as_json: bool) -> None:
    """Las nueve fases con sus fechas y su estado, y dónde va el ejercicio."""
    from cocrea_desktop.core import dates
    from cocrea_desktop.core.route import status_text

    with open_repo(file, read_only=True) as repo:
        day = dates.parse_typed(today) if today else repo.route.today()
        phases = repo.route.phases()
        by_phase = repo.route.sessions_by_phase()
        standing = repo.route.standing(day)
        if as_json:
            echo_json({"today": day, "current": standing.current.key,
                       "state": standing.state, "late": [p.key for p in standing.late],
                       "phases": [_phase_json(p, day, len(by_phase[p.key]))
                                  for p in phases]})
            return

        def show(value: str) -> str:
            return dates.format_date(value, "numeric") if value else "…"

        for p in phases:
            mark = "!" if p.late(day) else ("→" if p.key == standing.current.key else " ")
            click.echo(f"{mark}{p.number}. {p.title} · {status_text(p.status(day))} · "
                       + _("previsto {start} – {end}").format(start=show(p.planned_start),
                                                             end=show(p.planned_end))
                       + " · " + _("real {start} – {end}").format(start=show(p.actual_start),
                                                                 end=show(p.actual_end))
                       + (f" · {p.responsible}" if p.responsible else "")
                       + " · " + ngettext("{n} sesión", "{n} sesiones",
                                          len(by_phase[p.key])).format(n=len(by_phase[p.key])))
        click.echo(standing.summary())
        if standing.late:
            click.echo(standing.late_text())


@route.command("set")
@FILE
@PHASE
@click.option("--planned-start", default=None, help="Inicio previsto, dd/mm/aaaa.")
@click.option("--planned-end", default=None, help="Fin previsto, dd/mm/aaaa.")
@click.option("--start", "actual_start", default=None, help="Inicio real, dd/mm/aaaa.")
@click.option("--end", "actual_end", default=None, help="Fin real, dd/mm/aaaa.")
@click.option("--responsible", default=None, help="Quién es responsable de la fase.")
@click.option("--products", default=None, help="Los productos esperados.")
@click.option("--note", default=None, help="Una nota.")
@fail_cleanly
def route_set(file: str, phase: str, **values: Any) -> None:
    """Escribe las fechas, el responsable, los productos o la nota de una fase."""
    from cocrea_desktop.core.errors import InvalidInput

    values = {k: v for k, v in values.items() if v is not None}
    if not values:
        raise InvalidInput(_("Indique qué cambiar: --planned-start, --planned-end, --start, "
                             "--end, --responsible, --products o --note."))
    with open_repo(file) as repo:
        key = repo.route.find_key(phase)
        repo.route.set(key, **values)
        click.echo(_("Fase actualizada: {phase}.").format(phase=repo.route.phase(key).title))


def _mark(kind: str):
    @FILE
    @PHASE
    @click.option("--date", "day", default="", help="La fecha, dd/mm/aaaa (sin ella, hoy).")
    @fail_cleanly
    def command(file: str, phase: str, day: str) -> None:
        from cocrea_desktop.core import dates

        with open_repo(file) as repo:
            key = repo.route.find_key(phase)
            if kind == "start":
                repo.route.start(key, day)
                p = repo.route.phase(key)
                click.echo(_("«{phase}» inició el {date}.").format(
                    phase=p.title, date=dates.format_date(p.actual_start, "numeric")))
            else:
                repo.route.end(key, day)
                p = repo.route.phase(key)
                click.echo(_("«{phase}» terminó el {date}.").format(
                    phase=p.title, date=dates.format_date(p.actual_end, "numeric")))

    return command


route.command("start", help="La fase empezó (hoy, o en --date).")(_mark("start"))
route.command("end", help="La fase terminó (hoy, o en --date); antes debe haber empezado.")(
    _mark("end"))


@route.command("session")
@FILE
@click.argument("session_id")
@click.argument("phase", required=False, default="")
@fail_cleanly
def route_session(file: str, session_id: str, phase: str) -> None:
    """Dice a qué fase pertenece una sesión (sin PHASE: vuelve a la de su método)."""
    with open_repo(file) as repo:
        session = repo.session(session_id)
        repo.route.set_session_phase(session.id, phase)
        key = repo.route.session_phase(session.id)
        click.echo(_("La sesión pertenece a la fase «{phase}».").format(
            phase=repo.route.phase(key).title))
