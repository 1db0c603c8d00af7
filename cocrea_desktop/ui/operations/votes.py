"""Votes: each round's rule, typed ballots and counts, which round is the result."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui.operations.base import _run


def configure_vote(*, parent: QWidget | None, repo: Repo, session_id: str, round_: str,
                   **values: Any) -> Changes | None:
    return _run(parent, lambda: repo.votes.configure(session_id, round_, **values))


def enter_ballot(*, parent: QWidget | None, repo: Repo, session_id: str, round_: str,
                 text: str, serial: str = ""):
    """Validate and save a typed ballot; returns the saved :class:`Ballot` or None."""
    result = _run(parent, lambda: repo.votes.enter_ballot(session_id, round_, text,
                                                          serial=serial))
    return result[0] if result else None


def spoil_ballot(*, parent: QWidget | None, repo: Repo, ballot_id: str,
                 spoiled: bool = True) -> Changes | None:
    return _run(parent, lambda: repo.votes.spoil_ballot(ballot_id, spoiled))


def set_counts(*, parent: QWidget | None, repo: Repo, session_id: str, round_: str,
               counts: dict[int, int], counter: str, source: str,
               participants: int | None = None) -> Changes | None:
    return _run(parent, lambda: repo.votes.set_counts(session_id, round_, counts,
                                                      counter=counter, source=source,
                                                      participants=participants))


def choose_result_round(*, parent: QWidget | None, repo: Repo, session_id: str,
                        round_: str | None) -> Changes | None:
    return _run(parent, lambda: repo.votes.choose_result_round(session_id, round_))
