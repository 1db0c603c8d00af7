"""The `cocrea` command line in the user's language: help texts and click's own words.

How a command declares its help: write it in Spanish, as usual for click - the
command's docstring and ``help="..."`` of its options and arguments (and ``epilog``
or ``short_help`` if any). Nothing else: the commands of ``cli`` and of its groups
are :class:`Command` / :class:`Group` (click's ``command_class`` / ``group_class``),
which translate those texts with ``_()`` when the help is shown, and
``scripts/i18n.py extract`` walks the command tree to put them in the catalogue
(Babel does not read docstrings). A command made apart with ``click.command()``
must say ``cls=Command`` (``cls=Group`` for ``click.group()``); a test walks the
whole tree and fails on any command whose help is not translated into English.

Click's own words ("Usage:", "Options:", "Missing argument"...) are English in
click; :func:`install` makes click look them up here, where each has its Spanish
text (a msgid of our catalogue like any other, so English gets click's words back).
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from cocrea_desktop.i18n import N_, _, ngettext

#: Click's messages (its English msgids) and their Spanish source text.
CLICK_ES: dict[str, str] = {
    "Usage:": N_("Uso:"),
    "[OPTIONS]": N_("[OPCIONES]"),
    "COMMAND [ARGS]...": N_("COMANDO [ARGUMENTOS]..."),
    "[COMMAND] [ARGS]...": N_("[COMANDO] [ARGUMENTOS]..."),
    "Options": N_("Opciones"),
    "Commands": N_("Comandos"),
    "Positional arguments": N_("Argumentos"),
    "Show this message and exit.": N_("Muestra este mensaje y sale."),
    "Show the version and exit.": N_("Muestra la versión y sale."),
    "required": N_("obligatorio"),
    "default: {default}": N_("predeterminado: {default}"),
    "env var: {var}": N_("variable de entorno: {var}"),
    "(dynamic)": N_("(dinámico)"),
    "Aborted!": N_("¡Cancelado!"),
    "deprecated": N_("obsoleto"),
    "Missing command.": N_("Falta el comando."),
    "Error: {message}": N_("Error: {message}"),
    "Try '{command} {option}' for help.": N_("Escriba «{command} {option}» para ver la ayuda."),
    "Invalid value: {message}": N_("Valor no válido: {message}"),
    "Invalid value for {param_hint}: {message}": N_("Valor no válido para {param_hint}: "
                                                    "{message}"),
    "Missing argument": N_("Falta el argumento"),
    "Missing option": N_("Falta la opción"),
    "Missing parameter": N_("Falta el parámetro"),
    "Missing {param_type}": N_("Falta {param_type}"),
    "Missing parameter: {param_name}": N_("Falta el parámetro: {param_name}"),
    "No such option {name!r}.": N_("No existe la opción {name!r}."),
    "No such command {name!r}.": N_("No existe el comando {name!r}."),
    "unknown error": N_("error desconocido"),
    "Could not open file {filename!r}: {message}": N_("No se pudo abrir el archivo "
                                                      "{filename!r}: {message}"),
    "Argument {name!r} takes {nargs} values.": N_("El argumento {name!r} lleva {nargs} "
                                                  "valores."),
    "Option {name!r} does not take a value.": N_("La opción {name!r} no lleva valor."),
    "Choose from:\n\t{choices}": N_("Elija entre:\n\t{choices}"),
    "{value!r} is not a valid {number_type}.": N_("{value!r} no es un {number_type} "
                                                  "válido."),
    "{value} is not in the range {range}.": N_("{value} no está en el rango {range}."),
    "{value!r} is not a valid boolean. Recognized values: {states}": N_(
        "{value!r} no es un valor de sí o no. Valores reconocidos: {states}"),
    "{value!r} is not a valid UUID.": N_("{value!r} no es un UUID válido."),
    "text": N_("texto"),
    "integer": N_("entero"),
    "float": N_("decimal"),
    "file": N_("archivo"),
    "directory": N_("carpeta"),
    "path": N_("ruta"),
    "{name} {filename!r} does not exist.": N_("{name} {filename!r} no existe."),
    "{name} {filename!r} is a file.": N_("{name} {filename!r} es un archivo."),
    "{name} {filename!r} is a directory.": N_("{name} {filename!r} es una carpeta."),
    "{name} {filename!r} is not readable.": N_("{name} {filename!r} no se puede leer."),
    "{name} {filename!r} is not writable.": N_("{name} {filename!r} no se puede escribir."),
    "{name} {filename!r} is not executable.": N_("{name} {filename!r} no se puede ejecutar."),
    "Do you want to continue?": N_("¿Desea continuar?"),
    "Confirm the action without prompting.": N_("Confirma la acción sin preguntar."),
    "Repeat for confirmation": N_("Repita para confirmar"),
    "Error: The two entered values do not match.": N_("Error: los dos valores no coinciden."),
    "Error: invalid input": N_("Error: dato no válido"),
    "Press any key to continue...": N_("Pulse cualquier tecla para continuar..."),
}

#: Click's messages with a plural: (singular, plural) and their Spanish source texts.
CLICK_ES_PLURAL: dict[tuple[str, str], tuple[str, str]] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        N_("Sobra un argumento ({args})"), N_("Sobran argumentos ({args})")),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        N_("¿Quiso decir {possibility}?"), N_("(¿Quiso decir alguno de: {possibilities}?)")),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        N_("La opción {name!r} necesita un valor."),
        N_("La opción {name!r} necesita {nargs} valores.")),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        N_("{value!r} no es {choice}."), N_("{value!r} no es uno de {choices}.")),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."): (
        N_("Lleva {nargs} valores pero se dio 1."),
        N_("Lleva {nargs} valores pero se dieron {len}.")),
}

def tr(message: str) -> str:
    """A help text or a click message in the current language (Spanish msgid or click's)."""
    if not message:
        return message  # _("") would be the catalogue's header
    return _(CLICK_ES.get(message, message))


def version_option(version: str, prog_name: str):
    """``--version``, its text in the language in force (click's is fixed when declared)."""

    def show(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
        if value and not ctx.resilient_parsing:
            click.echo(_("{prog}, versión {version}").format(prog=prog_name, version=version))
            ctx.exit()

    return click.option("--version", is_flag=True, expose_value=False, is_eager=True,
                        callback=show, help="Show the version and exit.")


def tr_plural(singular: str, plural: str, n: int) -> str:
    spanish = CLICK_ES_PLURAL.get((singular, plural))
    if spanish is None:
        return singular if n == 1 else plural
    return ngettext(spanish[0], spanish[1], n)


_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types",
                  "termui", "utils")


def install() -> None:
    """Make click translate its own words through :func:`tr` (at the moment it shows them)."""
    import importlib

    for name in _CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = tr
        if hasattr(module, "ngettext"):
            module.ngettext = tr_plural
    click.types.Path.name = property(_path_name, _set_path_name)
    for kind in (click.types.StringParamType, click.types.IntParamType,
                 click.types.FloatParamType):  # TEXT, INTEGER: the options' metavars
        kind.name = property(lambda _self, word=kind.name: tr(word))


def _path_name(self: click.Path) -> str:
    return tr(self.__dict__.get("_cocrea_name", "path"))


def _set_path_name(self: click.Path, value: str) -> None:
    # click names a Path type ("file", the FILE metavar, "Archivo 'x' no existe") once,
    # when the option is declared; keep click's word and translate it when it is shown.
    english = {_(spanish): word for word, spanish in CLICK_ES.items()
               if word in ("file", "directory", "path")}
    self.__dict__["_cocrea_name"] = english.get(value, value)


def help_msgid(text: str | None) -> str:
    """The msgid of a help text as click shows it (a docstring cleaned, up to a form feed)."""
    return inspect.cleandoc(text or "").partition("\f")[0].strip()


def _translated(text: str | None) -> str | None:
    return tr(help_msgid(text)) if text else text


@contextmanager
def _swapped(obj: Any, **values: Any) -> Iterator[None]:
    """Set attributes for the length of a ``with`` (help is formatted, then put back)."""
    old = {name: getattr(obj, name) for name in values}
    for name, value in values.items():
        setattr(obj, name, value)
    try:
        yield
    finally:
        for name, value in old.items():
            setattr(obj, name, value)


class Command(click.Command):
    """A click command whose help, short help, epilog and parameters' help are msgids."""

    def get_short_help_str(self, limit: int = 45) -> str:
        with _swapped(self, help=_translated(self.help), short_help=_translated(self.short_help)):
            return super().get_short_help_str(limit)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        metavars = {"options_metavar": tr(self.options_metavar)}
        if isinstance(self, click.Group):
            metavars["subcommand_metavar"] = tr(self.subcommand_metavar)
        with _swapped(self, **metavars):
            super().format_usage(ctx, formatter)

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _swapped(self, help=_translated(self.help)):
            super().format_help_text(ctx, formatter)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _swapped(self, epilog=_translated(self.epilog)):
            super().format_epilog(ctx, formatter)

    def format_arguments(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _params_translated(self.get_params(ctx)):
            super().format_arguments(ctx, formatter)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _params_translated(self.get_params(ctx)):
            super().format_options(ctx, formatter)


@contextmanager
def _params_translated(params: list[click.Parameter]) -> Iterator[None]:
    old = [getattr(p, "help", None) for p in params]
    for param in params:
        if getattr(param, "help", None):
            param.help = _translated(param.help)
    try:
        yield
    finally:
        for param, text in zip(params, old):
            if hasattr(param, "help"):
                param.help = text


class Group(Command, click.Group):
    """A click group like :class:`Command`; its commands and sub-groups are made the same."""

    command_class = Command
    group_class = type  # a sub-group is of the class of its parent


def walk(group: click.Group, ctx: click.Context | None = None,
         path: str = "cocrea") -> Iterator[tuple[str, click.Command]]:
    """Every command of the tree (groups too) with its path, loading lazy groups."""
    ctx = ctx or click.Context(group, info_name=path)
    yield path, group
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is None:
            continue
        sub = f"{path} {name}"
        if isinstance(command, click.Group):
            yield from walk(command, click.Context(command, info_name=name, parent=ctx), sub)
        else:
            yield sub, command


def help_messages(group: click.Group) -> dict[str, list[str]]:
    """The msgids of every help text in the tree, each with the commands that show it."""
    found: dict[str, list[str]] = {}

    def add(text: str | None, where: str) -> None:
        msgid = help_msgid(text)
        if msgid:
            found.setdefault(msgid, []).append(where)

    for path, command in walk(group):
        for text in (command.help, command.short_help, command.epilog):
            add(text, path)
        for param in command.params:
            if getattr(param, "help", None) in CLICK_ES:
                continue  # click's own words (--version)
            add(getattr(param, "help", None), f"{path} {param.name}")
    return found
