"""The working panels of an idea fair (*feria de ideas*), one per phase kind, one per file.

Keyboard first, as fast as a facilitator walking the room: numbers pick stands
and authorities, Enter saves. Every change goes through ``ui.operations``; each
panel re-reads when the one ``changed`` signal names a fair table. The promoter
team's contact person is personal data: it is shown (and typed) only in the
team registration panel, marked as such.

The session screen imports this module (``Method.module("qt")``) when it opens a
fair session; importing it registers the fair's phase kinds in ``ui.panel_registry``.
Their base and helpers are in ``common.py``, their table models in ``models.py``.
"""

from __future__ import annotations

from cocrea_desktop.methods.idea_fair.qt.authorities import FairAuthoritiesPanel
from cocrea_desktop.methods.idea_fair.qt.closing import FairClosingPanel
from cocrea_desktop.methods.idea_fair.qt.common import FairFiles, FairPanel
from cocrea_desktop.methods.idea_fair.qt.follow_up import FairFollowUpPanel
from cocrea_desktop.methods.idea_fair.qt.interest import FairInterestPanel
from cocrea_desktop.methods.idea_fair.qt.letters import FairLettersPanel
from cocrea_desktop.methods.idea_fair.qt.map import FairMapPanel
from cocrea_desktop.methods.idea_fair.qt.teams import FairTeamsPanel
from cocrea_desktop.methods.idea_fair.qt.visits import FairVisitsPanel
from cocrea_desktop.ui.panel_registry import register_panel

register_panel("fair_teams", FairTeamsPanel)
register_panel("fair_map", FairMapPanel)
register_panel("fair_authorities", FairAuthoritiesPanel)
register_panel("fair_visits", FairVisitsPanel)
register_panel("fair_interest", FairInterestPanel)
register_panel("fair_letters", FairLettersPanel)
register_panel("fair_closing", FairClosingPanel)
register_panel("fair_follow_up", FairFollowUpPanel)

__all__ = ["FairAuthoritiesPanel", "FairClosingPanel", "FairFiles", "FairFollowUpPanel",
           "FairInterestPanel", "FairLettersPanel", "FairMapPanel", "FairPanel",
           "FairTeamsPanel", "FairVisitsPanel"]
