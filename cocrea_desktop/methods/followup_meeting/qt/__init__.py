"""The follow-up meeting's panels, one per phase kind, one per file. Importing this
module registers them in ``ui.panel_registry``."""

from __future__ import annotations

from cocrea_desktop.methods.followup_meeting.qt.agreements import AgreementsPanel
from cocrea_desktop.methods.followup_meeting.qt.attendance import AttendancePanel
from cocrea_desktop.methods.followup_meeting.qt.closing import ClosingPanel
from cocrea_desktop.methods.followup_meeting.qt.review import ReviewPanel
from cocrea_desktop.ui.panel_registry import register_panel

register_panel("followup_attendance", AttendancePanel)
register_panel("followup_review", ReviewPanel)
register_panel("followup_agreements", AgreementsPanel)
register_panel("followup_closing", ClosingPanel)

__all__ = ["AgreementsPanel", "AttendancePanel", "ClosingPanel", "ReviewPanel"]
