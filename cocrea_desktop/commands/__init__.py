"""Sub-commands of `cocrea`, one module per area, each adding itself to the group in cli.py.

To add an area: create ``cocrea_desktop/commands/<area>.py`` that imports ``cli``
(and the helpers) from :mod:`cocrea_desktop.cli` and decorates its commands with
``@cli.command()`` or ``@cli.group()``; then list the module below. Help is Spanish: the
docstring and every option's ``help=``, with the English in ``i18n-pending/<branch>.tsv``
(see :mod:`cocrea_desktop.clihelp`; ``tests/test_cli_help.py`` checks every command). One group, one
module: a module never imports another command module (shared helpers live in
:mod:`cocrea_desktop.cli`, or in a helper module here such as ``csv_input``), and no
module here imports Qt or the ui (an import-linter contract checks it).

A method's own commands (``cocrea fishbowl ...``, ``cocrea fair ...``) live in the
``cli`` module of its package, found by name and loaded here with the areas.
"""

from __future__ import annotations

import importlib

from cocrea_desktop.core.methods import method_modules

AREAS: list[str] = [
    "process", "session", "reports", "attendance", "opendata", "bundle", "keys",
    "ideas", "ballots", "votes", "tables", "proposals", "plan", "consultation", "route",
    "actors", "initiatives",
]


def load_all() -> None:
    for area in AREAS:
        importlib.import_module(f"cocrea_desktop.commands.{area}")
    method_modules("cli")  # importing a method's cli module adds its commands
