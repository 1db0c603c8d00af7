"""Sub-commands of `cocrea`, one module per area, each adding itself to the group in cli.py.

To add an area: create ``cocrea_desktop/commands/<area>.py`` that imports ``cli``
(and the helpers) from :mod:`cocrea_desktop.cli` and decorates its commands with
``@cli.command()`` or ``@cli.group()``; then list the module below.
"""

from __future__ import annotations

import importlib

AREAS: list[str] = ["methods", "reports", "bundle", "votes", "paper"]


def load_all() -> None:
    for area in AREAS:
        importlib.import_module(f"cocrea_desktop.commands.{area}")
