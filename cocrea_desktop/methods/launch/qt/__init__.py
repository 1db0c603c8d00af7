"""The launch's panels, one per phase kind, one per file. Importing this module
registers them in ``ui.panel_registry``."""

from __future__ import annotations

from cocrea_desktop.methods.launch.qt.agenda import AgendaPanel
from cocrea_desktop.methods.launch.qt.attendance import AttendancePanel
from cocrea_desktop.methods.launch.qt.closing import ClosingPanel
from cocrea_desktop.methods.launch.qt.plan import PlanPanel
from cocrea_desktop.ui.panel_registry import register_panel

register_panel("launch_attendance", AttendancePanel)
register_panel("launch_agenda", AgendaPanel)
register_panel("launch_plan", PlanPanel)
register_panel("launch_closing", ClosingPanel)

__all__ = ["AgendaPanel", "AttendancePanel", "ClosingPanel", "PlanPanel"]
