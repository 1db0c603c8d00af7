"""The jury's user actions: one function each, calling one store method (one transaction),
errors shown in Spanish, the changes on the one bus."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui.operations.base import _run


def add_volunteer(*, parent: QWidget | None, repo: Repo, session_id: str, name: str,
                  contact: str, features: dict[str, str], consent: bool):
    result = _run(parent, lambda: repo.jury.add_volunteer(
        session_id, name=name, contact=contact, features=features, consent=consent))
    return result[0] if result else None


def remove_volunteer(*, parent: QWidget | None, repo: Repo, volunteer_id: str
                     ) -> Changes | None:
    return _run(parent, lambda: repo.jury.remove_volunteer(volunteer_id))


def set_quota(*, parent: QWidget | None, repo: Repo, session_id: str, feature: str,
              value: str, minimum: int, maximum: int) -> Changes | None:
    return _run(parent, lambda: repo.jury.set_quota(session_id, feature, value, minimum,
                                                    maximum))


def remove_quota(*, parent: QWidget | None, repo: Repo, quota_id: str) -> Changes | None:
    return _run(parent, lambda: repo.jury.remove_quota(quota_id))


def prepare_draw(*, parent: QWidget | None, repo: Repo, session_id: str, size: int,
                 dice: str, witnesses: str):
    """Check everything before the (slow) draw runs; None (error shown) if it cannot."""
    return _run(parent, lambda: repo.jury.prepare_draw(session_id, size=size, dice=dice,
                                                       witnesses=witnesses))


def save_draw(*, parent: QWidget | None, repo: Repo, session_id: str, data: Any, result: Any,
              dice: str, witnesses: str):
    found = _run(parent, lambda: repo.jury.save_draw(session_id, data, result, dice=dice,
                                                     witnesses=witnesses))
    return found[0] if found else None


def replace_member(*, parent: QWidget | None, repo: Repo, session_id: str, number: int,
                   reason: str):
    result = _run(parent, lambda: repo.jury.replace(session_id, number, reason=reason))
    return result[0] if result else None


def add_witness(*, parent: QWidget | None, repo: Repo, session_id: str, name: str, role: str,
                summary: str, documents: list[str]):
    result = _run(parent, lambda: repo.jury.add_witness(session_id, name=name, role=role,
                                                        summary=summary, documents=documents))
    return result[0] if result else None


def add_note(*, parent: QWidget | None, repo: Repo, session_id: str, text: str
             ) -> Changes | None:
    return _run(parent, lambda: repo.jury.add_note(session_id, text))


def add_recommendation(*, parent: QWidget | None, repo: Repo, session_id: str, text: str,
                       agreement: str, support: int, against: int, abstain: int):
    result = _run(parent, lambda: repo.jury.add_recommendation(
        session_id, text=text, agreement=agreement, support=support, against=against,
        abstain=abstain))
    return result[0] if result else None
