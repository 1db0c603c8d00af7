"""`cocrea`: the same core functions from a terminal (the office, scripts, tests).

``cocrea`` alone starts the program's window. Every sub-command prints Spanish
by default (``--lang en`` for English) and, with ``--json``, data for scripts.
Errors a user can cause print one clear line and exit with status 1.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from cocrea_desktop import __version__
from cocrea_desktop.core import dates
from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.i18n import _, initial_language, set_language


def fail_cleanly(func: Callable[..., Any]) -> Callable[..., Any]:
    """Print a user error as one line on stderr and exit 1, never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CocreaError as err:
            click.echo(_("Error: {message}").format(message=err.message), err=True)
            sys.exit(1)
        except OSError as err:  # a folder that does not exist, a full or read-only disk...
            click.echo(_("Error: no se pudo usar «{path}»: {reason}").format(
                path=err.filename or "", reason=err.strerror or str(err)), err=True)
            sys.exit(1)

    return wrapper


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))


#: Set by ``cocrea --force``: open a process file for writing even if it is locked.
FORCE = {"on": False}


def open_repo(path: str, *, read_only: bool = False):
    """Open a process; a lock held by another window is refused unless ``--force`` was given."""
    from cocrea_desktop.core.errors import FileLocked
    from cocrea_desktop.store.lock import holder
    from cocrea_desktop.store.repo import Repo

    force = FORCE["on"] and not read_only
    if force and holder(Path(path)) is not None:
        click.echo(_("Aviso: «{name}» está abierto en otra ventana de CoCrea; se abre de todos "
                     "modos porque se pidió --force. Si esa ventana sigue guardando cambios, "
                     "los dos programas pueden confundirse: ciérrela en cuanto pueda.").format(
            name=Path(path).name), err=True)
    try:
        return Repo.open(path, read_only=read_only, break_lock=force)
    except FileLocked as err:
        raise FileLocked(err.message + " " + _("Si está seguro de que ninguna otra ventana lo "
                                               "usa, repita la orden con «cocrea --force …».")
                         ) from err


class AreasGroup(click.Group):
    """The `cocrea` group: the areas' sub-commands load on first use, so that starting
    the window (``cocrea`` alone) does not import every area's modules."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        load_areas()
        return super().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            load_areas()
        return super().get_command(ctx, cmd_name)


@click.group(cls=AreasGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--lang", type=click.Choice(["es", "en"]), default=None,
              help="Language of messages (es, en). Default: es.")
@click.option("--force", is_flag=True,
              help="Open a process file for writing even if another window holds its lock "
                   "(prints a warning).")
@click.version_option(__version__, prog_name="cocrea")
@click.pass_context
def cli(ctx: click.Context, lang: str | None, force: bool) -> None:
    """CoCrea Desktop. Without a sub-command, starts the program's window."""
    set_language(initial_language(lang))
    FORCE["on"] = force
    if ctx.invoked_subcommand is None:
        from cocrea_desktop.app import run

        sys.exit(run(None))


@cli.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False))
def gui(file: str | None) -> None:
    """Start the window, opening FILE (or the last process, or the demo)."""
    from cocrea_desktop.app import run

    sys.exit(run(file))


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--name", required=True, help="Name of the process (ejercicio).")
@click.option("--municipality", default="", help="Municipality.")
@click.option("--state", default="", help="State.")
@click.option("--period", default="", help="Period, e.g. 2027.")
@click.option("--body", "responsible_body", default="", help="Responsible body.")
@fail_cleanly
def init(file: str, name: str, municipality: str, state: str, period: str,
         responsible_body: str) -> None:
    """Create a new process file FILE."""
    from cocrea_desktop.store.paths import with_process_suffix
    from cocrea_desktop.store.repo import Repo

    path = with_process_suffix(file)
    with Repo.create(path, name=name, municipality=municipality, state=state, period=period,
                     responsible_body=responsible_body):
        pass
    click.echo(_("Proceso creado: {path}").format(path=path))


@cli.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False))
@click.option("--sessions", type=int, default=None, help="Number of sessions (default: 6).")
@fail_cleanly
def demo(file: str | None, sessions: int | None) -> None:
    """Create a demo process with Spanish sample data (in FILE or the data folder)."""
    from cocrea_desktop.store.demo import create_demo

    path = create_demo(file, sessions=sessions)
    click.echo(_("Proceso de demostración creado: {path}").format(path=path))


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@fail_cleanly
def info(file: str, as_json: bool) -> None:
    """Show a process: its data and how many sessions it has."""
    with open_repo(file, read_only=True) as repo:
        data = repo.summary()
    if as_json:
        echo_json(data)
        return
    click.echo(data["name"])
    click.echo(_("Municipio: {value}").format(value=data["municipality"]))
    click.echo(_("Estado: {value}").format(value=data["state"]))
    click.echo(_("Periodo: {value}").format(value=data["period"]))
    click.echo(_("Responsable: {value}").format(value=data["responsible_body"]))
    click.echo(_("Sesiones: {n} (archivadas: {archived})").format(
        n=data["sessions"], archived=data["archived_sessions"]))
    click.echo(_("Entradas en la bitácora: {n}").format(n=data["journal_entries"]))


@cli.group()
def session() -> None:
    """Sessions of a process: add, list, edit, archive."""


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
@click.option("--method", required=True, help="Method key, e.g. nominal_group.")
@click.option("--question", required=True, help="Guiding question (pregunta detonadora).")
@click.option("--table", "table_label", default="", help="Table (mesa).")
@click.option("--date", default="", help="Date, YYYY-MM-DD.")
@click.option("--place", default="", help="Place.")
@click.option("--facilitator", default="", help="Facilitator.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@fail_cleanly
def session_add(file: str, method: str, question: str, table_label: str, date: str, place: str,
                facilitator: str, as_json: bool) -> None:
    """Add a session to the process in FILE."""
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
@click.option("--all", "include_archived", is_flag=True, help="Include archived sessions.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@fail_cleanly
def session_list(file: str, include_archived: bool, as_json: bool) -> None:
    """List the sessions of the process in FILE."""
    with open_repo(file, read_only=True) as repo:
        rows = [_session_dict(repo, s) for s in repo.sessions(include_archived=include_archived)]
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo(_("El proceso no tiene sesiones."))
    for row in rows:
        archived = " " + _("[archivada]") if row["archived"] else ""
        click.echo("{id}  {date:10}  {method:15}  {status:10}  {table}  {question}{archived}".format(
            id=row["id"][:8], date=dates.format_date(row["date"], "numeric") or "-",
            method=row["method_name"],
            status=row["status_name"], table=row["table"], question=row["question"],
            archived=archived))


@session.command("edit")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.option("--question", default=None, help="Guiding question.")
@click.option("--table", "table_label", default=None, help="Table (mesa).")
@click.option("--date", default=None, help="Date, YYYY-MM-DD.")
@click.option("--place", default=None, help="Place.")
@click.option("--facilitator", default=None, help="Facilitator.")
@click.option("--status", default=None, type=click.Choice(["planned", "in_progress", "closed"]),
              help="Status.")
@fail_cleanly
def session_edit(file: str, session_id: str, **values: Any) -> None:
    """Change fields of a session (SESSION_ID may be its first 8 characters)."""
    changes = {k: v for k, v in values.items() if v is not None}
    with open_repo(file) as repo:
        repo.update_session(session_id, **changes)
    click.echo(_("Sesión actualizada."))


@session.command("archive")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.option("--undo", "restore", is_flag=True, help="Bring an archived session back.")
@fail_cleanly
def session_archive(file: str, session_id: str, restore: bool) -> None:
    """Archive a session (it stays in the file and can be brought back)."""
    with open_repo(file) as repo:
        repo.archive_session(session_id, archived=not restore)
    click.echo(_("Sesión recuperada.") if restore else _("Sesión archivada."))


@session.command("end")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.option("--check", is_flag=True, help="Only list what is left; change nothing.")
@fail_cleanly
def session_end(file: str, session_id: str, check: bool) -> None:
    """End a session (status concluded), after listing what is left to do."""
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


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@fail_cleanly
def verify(file: str, as_json: bool) -> None:
    """Check a process file: SQLite integrity and the journal's hash chain."""
    from cocrea_desktop.store.verify import verify_file

    report = verify_file(Path(file))
    if as_json:
        echo_json(report)
    else:
        click.echo(_("Integridad: {result}").format(result=report["integrity"]))
        if report["journal_ok"]:
            click.echo(_("Bitácora: correcta ({n} entradas).").format(n=report["journal_entries"]))
        else:
            click.echo(_("Bitácora: ALTERADA a partir de la entrada {seq}.").format(
                seq=report["journal_bad_seq"]))
    sys.exit(0 if report["ok"] else 2)


def load_areas() -> None:
    from cocrea_desktop.commands import load_all

    load_all()


def main(argv: list[str] | None = None) -> None:
    cli.main(args=argv, prog_name="cocrea")


if __name__ == "__main__":
    main()
