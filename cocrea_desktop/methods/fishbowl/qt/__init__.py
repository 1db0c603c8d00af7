"""The fishbowl's panels, one per phase kind, one per file.

The session screen imports this module (``Method.module("qt")``) when it opens a
fishbowl session; importing it registers the fishbowl's own phase kinds in
``ui.panel_registry``. Its other phases (vote) use the generic panels.
"""

from __future__ import annotations

from cocrea_desktop.methods.fishbowl.qt.cluster import ClusterPanel
from cocrea_desktop.methods.fishbowl.qt.groups import GroupsPanel
from cocrea_desktop.methods.fishbowl.qt.open_round import OpenRoundPanel
from cocrea_desktop.methods.fishbowl.qt.synthesis import SynthesisPanel
from cocrea_desktop.methods.fishbowl.qt.turns import TurnsPanel
from cocrea_desktop.ui.panel_registry import register_panel

register_panel("groups", GroupsPanel)
register_panel("turns", TurnsPanel)
register_panel("open_round", OpenRoundPanel)
register_panel("cluster", ClusterPanel)
register_panel("synthesis", SynthesisPanel)

__all__ = ["ClusterPanel", "GroupsPanel", "OpenRoundPanel", "SynthesisPanel", "TurnsPanel"]
