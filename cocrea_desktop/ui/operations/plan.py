"""The Local Action Plan at the office: STL members and decisions, agencies,
commitments and their SMART check. Each is one store call, one undo step."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui.operations.base import _run


def add_stl_member(*, parent: QWidget | None, repo: Repo, name: str, sector: str,
                   **values: Any) -> Any | None:
    result = _run(parent, lambda: repo.stl.add_member(name, sector, **values))
    return result[0] if result else None


def edit_stl_member(*, parent: QWidget | None, repo: Repo, member_id: str,
                    **values: Any) -> Changes | None:
    return _run(parent, lambda: repo.stl.edit_member(member_id, **values))


def record_decision(*, parent: QWidget | None, repo: Repo, **values: Any) -> Any | None:
    result = _run(parent, lambda: repo.stl.decide(**values))
    return result[0] if result else None


def add_agency(*, parent: QWidget | None, repo: Repo, name: str) -> Changes | None:
    return _run(parent, lambda: repo.commitments.add_agency(name))


def add_commitment(*, parent: QWidget | None, repo: Repo, name: str,
                   **values: Any) -> Any | None:
    result = _run(parent, lambda: repo.commitments.add(name, **values))
    return result[0] if result else None


def edit_commitment(*, parent: QWidget | None, repo: Repo, commitment_id: str,
                    **values: Any) -> Changes | None:
    return _run(parent, lambda: repo.commitments.edit(commitment_id, **values))


def set_smart(*, parent: QWidget | None, repo: Repo, commitment_id: str, criterion: str,
              ok: bool, note: str) -> Changes | None:
    return _run(parent, lambda: repo.commitments.set_smart(commitment_id, criterion, ok, note))


def advance_commitment(*, parent: QWidget | None, repo: Repo, commitment_id: str, stage: str,
                       decision_id: str) -> Changes | None:
    return _run(parent, lambda: repo.commitments.advance(commitment_id, stage, decision_id))


def record_progress(*, parent: QWidget | None, repo: Repo, milestone_id: str,
                    **values: Any) -> Any | None:
    """One milestone's progress (with its evidence, already read and hashed)."""
    result = _run(parent, lambda: repo.followup.record(milestone_id, **values))
    return result[0] if result else None
