"""Prioritisation's working panels, one per phase kind, one per file.

Keyboard first: numbers put proposals on the table, a row of digits per proposal scores
it (Enter moves on), Space checks a criterion's direction or marks a proposal that goes
on. The session screen imports this module (``Method.module("qt")``) when it opens a
prioritisation session; importing it registers the kinds in ``ui.panel_registry``.
"""

from __future__ import annotations

from cocrea_desktop.methods.prioritisation.qt.agreement import AgreementPanel
from cocrea_desktop.methods.prioritisation.qt.criteria import CriteriaPanel
from cocrea_desktop.methods.prioritisation.qt.evaluators import EvaluatorsPanel
from cocrea_desktop.methods.prioritisation.qt.proposals import ProposalsPanel
from cocrea_desktop.methods.prioritisation.qt.results import ResultsPanel
from cocrea_desktop.methods.prioritisation.qt.scoring import ScoringPanel
from cocrea_desktop.ui.panel_registry import register_panel

register_panel("prio_proposals", ProposalsPanel)
register_panel("prio_criteria", CriteriaPanel)
register_panel("prio_evaluators", EvaluatorsPanel)
register_panel("prio_scoring", ScoringPanel)
register_panel("prio_results", ResultsPanel)
register_panel("prio_agreement", AgreementPanel)

__all__ = ["AgreementPanel", "CriteriaPanel", "EvaluatorsPanel", "ProposalsPanel",
           "ResultsPanel", "ScoringPanel"]
