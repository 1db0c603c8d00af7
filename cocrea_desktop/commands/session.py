"""`cocrea session add|list|edit|archive|end`: a process's sessions from a terminal."""

from __future__ import annotations

from typing import Any

import click

from cocrea_desktop.cli import cli, echo_json, fail_cleanly, open_repo
from cocrea_desktop.core import dates
from cocrea_desktop.i18n import _


@cli.group()
def session() -> None:
    """Sesiones de un proceso: agregar, enlistar, editar, archivar."""


def _session_dict(repo, s) -> dict[str, Any]:
    from cocrea_desktop.core.methods import method_title
    from cocrea_desktop.core.model import status_label

    return {
        "id": s.id, "method": s.method, "method_name": method_title(s.method),
        "question": s.question, "table": s.table_label, "date": s.date, "place": s.place,
        "facilitator": s.facilitator, "status": s.status, "status_name": status_label(s.status),
        "archived": s.archived, "participant_count": s.participant_count,
    }


@session.command("add")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--method", required=True, help="Clave del método, p. ej. nominal_group.")
@click.option("--question", required=True, help="Pregunta detonadora.")
@click.option("--table", "table_label", default="", help="Mesa.")
@click.option("--date", default="", help="Fecha, AAAA-MM-DD.")
@click.option("--place", default="", help="Lugar.")
@click.option("--facilitator", default="", help="Persona facilitadora.")
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def session_add(file: str, method: str, question: str, table_label: str, date: str, place: str,
                facilitator: str, as_json: bool) -> None:
    """Agrega una sesión al proceso de FILE."""
    with open_repo(file) as repo:
        session_id, _changes = repo.add_session(
            method=method, question=question, table_label=table_label, date=date, place=place,
            facilitator=facilitator)
        data = _session_dict(repo, repo.session(session_id))
    if as_json:
        echo_json(data)
    else:
        click.echo(_("Sesión creada: {id}").format(id=session_id))


@session.command("list")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--all", "include_archived", is_flag=True, help="Incluye las sesiones archivadas.")
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def session_list(file: str, include_archived: bool, as_json: bool) -> None:
    """Enlista las sesiones del proceso de FILE."""
    with open_repo(file, read_only=True) as repo:
        rows = [_session_dict(repo, s) for s in repo.sessions(include_archived=include_archived)]
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo(_("El proceso no tiene sesiones."))
    for row in rows:
        archived = " " + _("[archivada]") if row["archived"] else ""
        click.echo("{id}  {date:10}  {method:15}  {status:10}  {table}  {question}{archived}"
                   .format(
            id=row["id"][:8], date=dates.format_date(row["date"], "numeric") or "-",
            method=row["method_name"],
            status=row["status_name"], table=row["table"], question=row["question"],
            archived=archived))


@session.command("edit")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.option("--question", default=None, help="Pregunta detonadora.")
@click.option("--table", "table_label", default=None, help="Mesa.")
@click.option("--date", default=None, help="Fecha, AAAA-MM-DD.")
@click.option("--place", default=None, help="Lugar.")
@click.option("--facilitator", default=None, help="Persona facilitadora.")
@click.option("--status", default=None, type=click.Choice(["planned", "in_progress", "closed"]),
              help="Estado.")
@fail_cleanly
def session_edit(file: str, session_id: str, **values: Any) -> None:
    """Cambia campos de una sesión (SESSION_ID puede ser sus primeros 8 caracteres)."""
    changes = {k: v for k, v in values.items() if v is not None}
    with open_repo(file) as repo:
        repo.update_session(session_id, **changes)
    click.echo(_("Sesión actualizada."))


@session.command("archive")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.option("--undo", "restore", is_flag=True, help="Recupera una sesión archivada.")
@fail_cleanly
def session_archive(file: str, session_id: str, restore: bool) -> None:
    """Archiva una sesión (se queda en el archivo y se puede recuperar)."""
    with open_repo(file) as repo:
        repo.archive_session(session_id, archived=not restore)
    click.echo(_("Sesión recuperada.") if restore else _("Sesión archivada."))


@session.command("end")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.option("--check", is_flag=True, help="Solo enlista lo que falta; no cambia nada.")
@fail_cleanly
def session_end(file: str, session_id: str, check: bool) -> None:
    """Termina una sesión (estado concluida), después de enlistar lo que falta."""
    with open_repo(file, read_only=check) as repo:
        left = repo.end_session_leftovers(session_id)
        if left:
            click.echo(_("Queda pendiente:"))
            for line in left:
                click.echo("  • " + line)
        else:
            click.echo(_("No queda nada pendiente."))
        if check:
            return
        repo.end_session(session_id)
    click.echo(_("Sesión concluida."))

