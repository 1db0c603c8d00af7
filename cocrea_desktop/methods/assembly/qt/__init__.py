"""The assembly's panels, one per phase kind, one per file (its ballot phase uses the
generic vote panel). Importing this module registers them in ``ui.panel_registry``."""

from __future__ import annotations

from cocrea_desktop.methods.assembly.qt.acta import ActaPanel
from cocrea_desktop.methods.assembly.qt.agenda import AgendaPanel
from cocrea_desktop.methods.assembly.qt.items import ItemsPanel
from cocrea_desktop.ui.panel_registry import register_panel

register_panel("agenda", AgendaPanel)
register_panel("assembly_items", ItemsPanel)
register_panel("assembly_acta", ActaPanel)

__all__ = ["ActaPanel", "AgendaPanel", "ItemsPanel"]
