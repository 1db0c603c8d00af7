"""Proposals of the process: promote a result, type one at the office, edit, join,
separate, withdraw. Each is one store call, one undo step."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui.operations.base import _run


def promote_result(*, parent: QWidget | None, repo: Repo, session_id: str, source_kind: str,
                   source_id: str, **values: Any) -> Any | None:
    """Promote what a session's result offers; returns the saved Proposal or None."""
    values.pop("table_label", None)  # a promoted proposal's table is its session's
    result = _run(parent, lambda: repo.proposals.promote(session_id, source_kind, source_id,
                                                         **values))
    return result[0] if result else None


def add_proposal(*, parent: QWidget | None, repo: Repo, title: str, **values: Any) -> Any | None:
    """A proposal typed at the office; returns the saved Proposal or None."""
    result = _run(parent, lambda: repo.proposals.add(title, **values))
    return result[0] if result else None


def edit_proposal(*, parent: QWidget | None, repo: Repo, proposal_id: str,
                  **values: Any) -> Changes | None:
    return _run(parent, lambda: repo.proposals.edit(proposal_id, **values))


def join_proposals(*, parent: QWidget | None, repo: Repo, keep_id: str,
                   other_id: str) -> Changes | None:
    return _run(parent, lambda: repo.proposals.join(keep_id, other_id))


def separate_proposal(*, parent: QWidget | None, repo: Repo,
                      proposal_id: str) -> Changes | None:
    return _run(parent, lambda: repo.proposals.separate(proposal_id))


def withdraw_proposal(*, parent: QWidget | None, repo: Repo, proposal_id: str,
                      reason: str) -> Changes | None:
    return _run(parent, lambda: repo.proposals.withdraw(proposal_id, reason))
