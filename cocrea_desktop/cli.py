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

from cocrea_desktop import __version__, clihelp
from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.i18n import _, initial_language, set_language

clihelp.install()  # click's own words ("Uso:", "Falta el argumento"...) in our language


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


#: Paper sizes the PDF commands take.
PAPER = click.Choice(["letter", "a4"])


def written(path: Path, digest: str) -> None:
    """Say which file a command wrote, with the digest of the data it holds."""
    click.echo(_("Archivo escrito: {path} (datos {digest})").format(path=path, digest=digest))


def pick_round(repo, session_id: str, round_: str | None) -> str:
    """The round asked for, or the session's first vote round; a clear error otherwise."""
    from cocrea_desktop.core.errors import InvalidInput

    rounds = repo.phases.method(session_id).vote_rounds()
    if not rounds:
        raise InvalidInput(_("Esta sesión no tiene votaciones."))
    if round_ is None:
        return rounds[0]
    if round_ not in rounds:
        raise InvalidInput(_("Esta sesión no tiene la votación «{round}»; tiene: {rounds}.")
                           .format(round=round_, rounds=", ".join(rounds)))
    return round_


class AreasGroup(clihelp.Group):
    """The `cocrea` group: the areas' sub-commands load on first use, so that starting
    the window (``cocrea`` alone) does not import every area's modules.

    Help texts are Spanish msgids, translated when shown (see :mod:`cocrea_desktop.clihelp`):
    a new command writes its docstring and its options' ``help=`` in Spanish, adds the
    English to ``i18n-pending/<branch>.tsv`` and runs ``scripts/i18n.py all``."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        # The language before any parsing: ``--help`` may be shown before ``--lang`` is read.
        set_language(initial_language(None))
        return super().main(*args, **kwargs)

    def list_commands(self, ctx: click.Context) -> list[str]:
        load_areas()
        return super().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            load_areas()
        return super().get_command(ctx, cmd_name)


def _set_lang(_ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    """``--lang``, read before ``--help`` when it comes first; it wins over COCREA_LANG."""
    if value:
        set_language(value)


@click.group(cls=AreasGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--lang", type=click.Choice(["es", "en"]), default=None, is_eager=True,
              expose_value=False, callback=_set_lang,
              help="Idioma de los mensajes y la ayuda (es, en). Predeterminado: es.")
@click.option("--force", is_flag=True,
              help="Abre un archivo de proceso para escribir aunque otra ventana lo tenga "
                   "bloqueado (avisa).")
@clihelp.version_option(__version__, prog_name="cocrea")
@click.pass_context
def cli(ctx: click.Context, force: bool) -> None:
    """CoCrea Desktop. Sin subcomando, abre la ventana del programa."""
    FORCE["on"] = force
    if ctx.invoked_subcommand is None:
        from cocrea_desktop.app import run

        sys.exit(run(None))


@cli.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False))
def gui(file: str | None) -> None:
    """Abre la ventana con el archivo FILE (o el último proceso, o el de demostración)."""
    from cocrea_desktop.app import run

    sys.exit(run(file))


def load_areas() -> None:
    from cocrea_desktop.commands import load_all

    load_all()


def main(argv: list[str] | None = None) -> None:
    cli.main(args=argv, prog_name="cocrea")


if __name__ == "__main__":
    main()
