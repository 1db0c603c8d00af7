"""Paper ballots and their register: issuing a print, voiding serials, spoiled returns."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui.operations.base import _run


def issue_printed_ballots(*, parent: QWidget | None, repo: Repo, plan: Any,
                          prepared: Any) -> Changes | None:
    """Issue a print's serials with the PDF written and read back, then name the PDF.

    On any error nothing is issued and the temporary PDF is removed.
    """
    from cocrea_desktop.export.paper import finish_print

    return _run(parent, lambda: finish_print(repo, plan, prepared))


def void_ballot_serials(*, parent: QWidget | None, repo: Repo, session_id: str, round_: str,
                        serials: list[str], reason: str) -> Changes | None:
    """Void serials issued but never handed out, keeping the reason."""
    return _run(parent, lambda: repo.register.void_serials(session_id, round_, serials, reason))


def mark_ballot_spoiled(*, parent: QWidget | None, repo: Repo, session_id: str, round_: str,
                        serial: str) -> Changes | None:
    """A paper ballot came back spoiled: returned, never counted."""
    return _run(parent, lambda: repo.register.mark_spoiled(session_id, round_, serial))
