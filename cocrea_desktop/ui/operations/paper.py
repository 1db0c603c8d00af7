"""Paper ballots and their register: issuing a print, voiding serials, spoiled returns."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui.operations.base import _run, bus


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


def take_read_ballot(*, parent: QWidget | None, repo: Repo, session_id: str, round_: str,
                     ballot: Any) -> tuple[str, str]:
    """A ballot the mark reader read: entered as read when sure, queued for review when not.

    Returns ("entered" | "queued", "") or ("refused", the reason). The error is returned,
    not shown: a stack of scans or the camera says it in its own summary.
    """
    try:
        kind, changes = repo.review.take(session_id, round_, ballot)
    except CocreaError as err:
        return "refused", err.message
    bus().changed.emit(changes)
    return kind, ""


def confirm_reviewed_ballot(*, parent: QWidget | None, repo: Repo, item_id: str,
                            text: str) -> Changes | None:
    """A person confirmed or corrected a ballot in review: entered, confirmed by a person."""
    return _run(parent, lambda: repo.review.confirm(item_id, text))


def spoil_reviewed_ballot(*, parent: QWidget | None, repo: Repo, item_id: str,
                          reason: str) -> Changes | None:
    """A person said a ballot in review does not count: spoiled in the register, with why."""
    return _run(parent, lambda: repo.review.spoil(item_id, reason))
