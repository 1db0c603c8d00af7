"""The jury's panels, one per phase kind, one per file; importing this module registers
them in ``ui.panel_registry``."""

from __future__ import annotations

from cocrea_desktop.methods.jury.qt.deliberation import DeliberationPanel
from cocrea_desktop.methods.jury.qt.draw import DrawPanel
from cocrea_desktop.methods.jury.qt.pool import PoolPanel
from cocrea_desktop.methods.jury.qt.witnesses import WitnessesPanel
from cocrea_desktop.ui.panel_registry import register_panel

register_panel("jury_pool", PoolPanel)
register_panel("jury_draw", DrawPanel)
register_panel("jury_witnesses", WitnessesPanel)
register_panel("jury_deliberation", DeliberationPanel)

__all__ = ["DeliberationPanel", "DrawPanel", "PoolPanel", "WitnessesPanel"]
