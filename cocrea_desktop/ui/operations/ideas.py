"""Ideas: capture, passes, edits, withdrawal, merges, clusters and notes."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui.operations.base import _run


def add_idea(*, parent: QWidget | None, repo: Repo, session_id: str, text: str,
             new_round: bool = False):
    """Capture an idea as said; returns the saved :class:`Idea` or None."""
    result = _run(parent, lambda: repo.ideas.add(session_id, text, new_round=new_round))
    return result[0] if result else None


def pass_turn(*, parent: QWidget | None, repo: Repo, session_id: str) -> Changes | None:
    return _run(parent, lambda: repo.ideas.pass_turn(session_id))


def edit_idea(*, parent: QWidget | None, repo: Repo, idea_id: str, text: str) -> Changes | None:
    return _run(parent, lambda: repo.ideas.edit(idea_id, text))


def withdraw_idea(*, parent: QWidget | None, repo: Repo, idea_id: str,
                  reason: str) -> Changes | None:
    return _run(parent, lambda: repo.ideas.withdraw(idea_id, reason))


def restore_idea(*, parent: QWidget | None, repo: Repo, idea_id: str) -> Changes | None:
    return _run(parent, lambda: repo.ideas.restore(idea_id))


def propose_merge(*, parent: QWidget | None, repo: Repo, session_id: str, numbers: list[int]):
    """Propose merging ideas; returns the :class:`MergeProposal` or None."""
    result = _run(parent, lambda: repo.ideas.propose_merge(session_id, numbers))
    return result[0] if result else None


def agree_merge(*, parent: QWidget | None, repo: Repo, merge_id: str) -> Changes | None:
    return _run(parent, lambda: repo.ideas.agree_merge(merge_id))


def reject_merge(*, parent: QWidget | None, repo: Repo, merge_id: str) -> Changes | None:
    return _run(parent, lambda: repo.ideas.reject_merge(merge_id))


def undo_merge(*, parent: QWidget | None, repo: Repo, merge_id: str) -> Changes | None:
    return _run(parent, lambda: repo.ideas.undo_merge(merge_id))


def add_cluster(*, parent: QWidget | None, repo: Repo, session_id: str, label: str):
    """Create a group label; returns the :class:`Cluster` or None."""
    result = _run(parent, lambda: repo.ideas.add_cluster(session_id, label))
    return result[0] if result else None


def set_cluster(*, parent: QWidget | None, repo: Repo, idea_ids: list[str],
                cluster_id: str | None) -> Changes | None:
    return _run(parent, lambda: repo.ideas.set_cluster(idea_ids, cluster_id))


def add_note(*, parent: QWidget | None, repo: Repo, session_id: str, phase: str,
             text: str) -> Changes | None:
    return _run(parent, lambda: repo.ideas.add_note(session_id, phase, text))
