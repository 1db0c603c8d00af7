"""Sub-commands of `cocrea`, one module per area, each adding itself to the group in cli.py.

To add an area: create ``cocrea_desktop/commands/<area>.py`` that imports ``cli``
(and the helpers) from :mod:`cocrea_desktop.cli` and decorates its commands with
``@cli.command()`` or ``@cli.group()``; then list the module below.

A method's own commands (``cocrea fishbowl ...``, ``cocrea fair ...``) live in the
``cli`` module of its package, found by name and loaded here with the areas.
"""

from __future__ import annotations

import importlib

from cocrea_desktop.core.methods import method_modules

AREAS: list[str] = ["reports", "bundle", "votes", "paper"]


def load_all() -> None:
    for area in AREAS:
        importlib.import_module(f"cocrea_desktop.commands.{area}")
    method_modules("cli")  # importing a method's cli module adds its commands
