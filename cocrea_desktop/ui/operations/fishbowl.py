"""Fishbowl (pecera): groups, the drawn order, timed turns, ideas by group."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui.operations.base import _run


def add_fishbowl_group(*, parent: QWidget | None, repo: Repo, session_id: str, label: str,
                       size: int = 0, members: str = ""):
    """Register a group (its position or label); returns the :class:`FishbowlGroup` or None."""
    result = _run(parent, lambda: repo.fishbowl.add_group(session_id, label, size=size,
                                                          members=members))
    return result[0] if result else None


def edit_fishbowl_group(*, parent: QWidget | None, repo: Repo, group_id: str,
                        **values: Any) -> Changes | None:
    return _run(parent, lambda: repo.fishbowl.edit_group(group_id, **values))


def set_turn_minutes(*, parent: QWidget | None, repo: Repo, session_id: str,
                     minutes: float) -> Changes | None:
    return _run(parent, lambda: repo.fishbowl.set_turn_minutes(session_id, minutes))


def draw_turn_order(*, parent: QWidget | None, repo: Repo, session_id: str,
                    shuffle: Callable[[list], None] | None = None):
    """Draw the turn order on screen; returns the groups in their drawn order or None."""
    result = _run(parent, lambda: repo.fishbowl.draw_order(session_id, shuffle=shuffle))
    return result[0] if result else None


def start_turn(*, parent: QWidget | None, repo: Repo, session_id: str,
               group_id: str) -> Changes | None:
    return _run(parent, lambda: repo.fishbowl.start_turn(session_id, group_id))


def end_turn(*, parent: QWidget | None, repo: Repo, session_id: str,
             group_id: str) -> Changes | None:
    return _run(parent, lambda: repo.fishbowl.end_turn(session_id, group_id))


def toggle_turn_timer(*, parent: QWidget | None, repo: Repo, session_id: str,
                      group_id: str) -> Changes | None:
    """Pause or resume the timer of the group in the centre (pauses are logged)."""
    return _run(parent, lambda: repo.phases.toggle_timer(session_id, "turns", slot=group_id))


def add_turn_minute(*, parent: QWidget | None, repo: Repo, session_id: str,
                    group_id: str) -> Changes | None:
    return _run(parent, lambda: repo.phases.add_minute(session_id, "turns", slot=group_id))


def add_group_idea(*, parent: QWidget | None, repo: Repo, session_id: str, text: str,
                   group_id: str):
    """Capture an idea tagged by the group in the centre; returns the :class:`Idea` or None."""
    result = _run(parent, lambda: repo.ideas.add(session_id, text, group_key=group_id))
    return result[0] if result else None
