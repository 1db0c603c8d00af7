"""One keyword-only function per user action -> one core call -> Changes.

Every view reacts to the single ``bus().changed`` signal and re-reads what it
shows; no view runs SQL or computes a tally. A user error (a typed
``CocreaError``) is shown as a Spanish message box and the function returns
``None``; nothing is half-done because each core call is one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.i18n import _
from cocrea_desktop.store.device import Device, set_device_name
from cocrea_desktop.store.repo import Repo

T = TypeVar("T")


class ChangesBus(QObject):
    """The one signal that tells every view what changed."""

    changed = Signal(object)  # Changes


_bus: ChangesBus | None = None


def bus() -> ChangesBus:
    global _bus
    if _bus is None:
        _bus = ChangesBus()
    return _bus


def show_error(parent: QWidget | None, err: CocreaError) -> None:
    """Tell the user what went wrong, in their language; tests may replace this."""
    box = QMessageBox(QMessageBox.Icon.Warning, _("CoCrea"), err.message,
                      QMessageBox.StandardButton.Ok, parent)
    if err.detail:
        box.setDetailedText(err.detail)
    box.exec()


def _run(parent: QWidget | None, call: Callable[[], T]) -> T | None:
    try:
        result = call()
    except CocreaError as err:
        show_error(parent, err)
        return None
    changes = result[1] if isinstance(result, tuple) else result
    if isinstance(changes, Changes):
        bus().changed.emit(changes)
    return result


def update_process(*, parent: QWidget | None, repo: Repo, **values: Any) -> Changes | None:
    return _run(parent, lambda: repo.update_process(**values))


def add_session(*, parent: QWidget | None, repo: Repo, **values: Any) -> str | None:
    result = _run(parent, lambda: repo.add_session(**values))
    return result[0] if result else None


def update_session(*, parent: QWidget | None, repo: Repo, session_id: str,
                   **values: Any) -> Changes | None:
    return _run(parent, lambda: repo.update_session(session_id, **values))


def duplicate_session(*, parent: QWidget | None, repo: Repo, session_id: str) -> str | None:
    result = _run(parent, lambda: repo.duplicate_session(session_id))
    return result[0] if result else None


def archive_session(*, parent: QWidget | None, repo: Repo, session_id: str,
                    archived: bool = True) -> Changes | None:
    return _run(parent, lambda: repo.archive_session(session_id, archived=archived))


def end_session(*, parent: QWidget | None, repo: Repo, session_id: str) -> Changes | None:
    return _run(parent, lambda: repo.end_session(session_id))


def choose_result_round(*, parent: QWidget | None, repo: Repo, session_id: str,
                        round_: str | None) -> Changes | None:
    return _run(parent, lambda: repo.votes.choose_result_round(session_id, round_))


def name_device(*, parent: QWidget | None, repo: Repo | None, name: str) -> Device | None:
    """Name this computer (device.json); the open process's bundles carry the new name."""
    device = _run(parent, lambda: set_device_name(name))
    if device is not None and repo is not None and repo.pf.device.id == device.id:
        repo.pf.device = device
    return device


def undo(*, parent: QWidget | None, repo: Repo) -> Changes | None:
    return _run(parent, repo.undo)


def redo(*, parent: QWidget | None, repo: Repo) -> Changes | None:
    return _run(parent, repo.redo)


# -- running a session (phases, timers, ideas, votes, relatoría) ---------------------


def go_to_phase(*, parent: QWidget | None, repo: Repo, session_id: str,
                phase_key: str) -> Changes | None:
    return _run(parent, lambda: repo.phases.go_to(session_id, phase_key))


def next_phase(*, parent: QWidget | None, repo: Repo, session_id: str) -> Changes | None:
    return _run(parent, lambda: repo.phases.forward(session_id))


def previous_phase(*, parent: QWidget | None, repo: Repo, session_id: str) -> Changes | None:
    return _run(parent, lambda: repo.phases.back(session_id))


def skip_phase(*, parent: QWidget | None, repo: Repo, session_id: str) -> Changes | None:
    return _run(parent, lambda: repo.phases.skip(session_id))


def toggle_timer(*, parent: QWidget | None, repo: Repo, session_id: str,
                 phase_key: str | None = None) -> Changes | None:
    return _run(parent, lambda: repo.phases.toggle_timer(session_id, phase_key))


def start_timer(*, parent: QWidget | None, repo: Repo, session_id: str,
                phase_key: str | None = None, minutes: float | None = None) -> Changes | None:
    return _run(parent, lambda: repo.phases.start_timer(session_id, phase_key, minutes))


def pause_timer(*, parent: QWidget | None, repo: Repo, session_id: str,
                phase_key: str | None = None) -> Changes | None:
    return _run(parent, lambda: repo.phases.pause_timer(session_id, phase_key))


def resume_timer(*, parent: QWidget | None, repo: Repo, session_id: str,
                 phase_key: str | None = None) -> Changes | None:
    return _run(parent, lambda: repo.phases.resume_timer(session_id, phase_key))


def add_minute(*, parent: QWidget | None, repo: Repo, session_id: str,
               phase_key: str | None = None) -> Changes | None:
    return _run(parent, lambda: repo.phases.add_minute(session_id, phase_key))


def reset_timer(*, parent: QWidget | None, repo: Repo, session_id: str,
                phase_key: str | None = None) -> Changes | None:
    return _run(parent, lambda: repo.phases.reset_timer(session_id, phase_key))


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


def set_counts(*, parent: QWidget | None, repo: Repo, session_id: str, round_: str,
               counts: dict[int, int], counter: str, source: str,
               participants: int | None = None) -> Changes | None:
    return _run(parent, lambda: repo.votes.set_counts(session_id, round_, counts,
                                                      counter=counter, source=source,
                                                      participants=participants))


def save_relatoria(*, parent: QWidget | None, repo: Repo, session_id: str,
                   **values: str) -> Changes | None:
    return _run(parent, lambda: repo.relatoria.save(session_id, **values))


# -- attendance and the privacy notice (evidence trail) --------------------------------------


def set_privacy(*, parent: QWidget | None, repo: Repo, body: str, notice: str,
                full_notice_at: str) -> Changes | None:
    return _run(parent, lambda: repo.attendance.set_privacy(
        body=body, notice=notice, full_notice_at=full_notice_at))


def set_attendance_counts(*, parent: QWidget | None, repo: Repo, session_id: str,
                          dimension: str, counts: dict[str, int]) -> Changes | None:
    return _run(parent, lambda: repo.attendance.set_counts(session_id, dimension, counts))


def set_notice_read_aloud(*, parent: QWidget | None, repo: Repo, session_id: str,
                          read: bool) -> Changes | None:
    return _run(parent, lambda: repo.attendance.set_notice_read_aloud(session_id, read))


def add_person(*, parent: QWidget | None, repo: Repo, session_id: str,
               **values: Any) -> Any | None:
    result = _run(parent, lambda: repo.attendance.add_person(session_id, **values))
    return result[0] if result else None


def correct_person(*, parent: QWidget | None, repo: Repo, person_id: str,
                   **values: Any) -> Changes | None:
    return _run(parent, lambda: repo.attendance.correct_person(person_id, **values))


def erase_person(*, parent: QWidget | None, repo: Repo, person_id: str) -> Changes | None:
    return _run(parent, lambda: repo.attendance.erase_person(person_id))


# -- bundles (export/import on a USB stick) ------------------------------------------
def import_bundle(*, parent: QWidget | None, repo: Repo, bundle: Any, accept_key: bool = False,
                  office_key: Any = None) -> Any | None:
    """Merge one verified bundle (export.bundle.Bundle); returns its ImportResult."""
    from cocrea_desktop.export.bundle import import_bundle as merge_bundle

    result = _run(parent, lambda: merge_bundle(repo.pf, bundle, accept_key=accept_key,
                                               office_key=office_key))
    if result is not None and result.changes is not None:
        bus().changed.emit(result.changes)
    return result


def import_bundles(*, parent: QWidget | None, repo: Repo, bundles: list[Any],
                   accepted: list[str] = (), office_key: Any = None) -> list[Any] | None:
    """Merge verified bundles all or nothing (one transaction); returns their ImportResults."""
    from cocrea_desktop.export.bundle import import_bundles as merge_bundles

    results = _run(parent, lambda: merge_bundles(repo.pf, bundles, accepted=accepted,
                                                 office_key=office_key))
    if results:
        changes = next((r.changes for r in results if r.changes is not None), None)
        if changes is not None:
            bus().changed.emit(changes)
    return results


def resolve_conflict(*, parent: QWidget | None, repo: Repo, conflict_id: str,
                     choice: str) -> Changes | None:
    from cocrea_desktop.store.merge import resolve_conflict as decide

    return _run(parent, lambda: decide(repo.pf, conflict_id, choice))


# -- fishbowl (pecera): groups, the drawn order, timed turns ---------------------------------


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


# -- idea fair (stands, authorities, visits, interest, letters) ------------------------------


def add_stand(*, parent: QWidget | None, repo: Repo, session_id: str, title: str,
              number: int | None = None, **values: str) -> Any | None:
    """Register a promoter team's stand; returns the saved Stand or None."""
    result = _run(parent, lambda: repo.fair.add_stand(session_id, title=title, number=number,
                                                      **values))
    return result[0] if result else None


def edit_stand(*, parent: QWidget | None, repo: Repo, stand_id: str,
               **values: str) -> Changes | None:
    return _run(parent, lambda: repo.fair.edit_stand(stand_id, **values))


def add_authority(*, parent: QWidget | None, repo: Repo, session_id: str, name: str,
                  post: str = "", agency: str = "") -> Any | None:
    result = _run(parent, lambda: repo.fair.add_authority(session_id, name=name, post=post,
                                                          agency=agency))
    return result[0] if result else None


def log_visit(*, parent: QWidget | None, repo: Repo, session_id: str, stand_number: int,
              authority_number: int, notes: str = "") -> Changes | None:
    return _run(parent, lambda: repo.fair.log_visit(session_id, stand_number,
                                                    authority_number, notes))


def set_interest(*, parent: QWidget | None, repo: Repo, session_id: str, stand_number: int,
                 authority_number: int, level: str | None) -> Changes | None:
    return _run(parent, lambda: repo.fair.set_interest(session_id, stand_number,
                                                       authority_number, level))


def draft_letter(*, parent: QWidget | None, repo: Repo, session_id: str, stand_number: int,
                 authority_number: int, **values: str) -> Any | None:
    """Draft a carta compromiso; returns the saved Letter or None."""
    result = _run(parent, lambda: repo.fair.draft_letter(session_id, stand_number,
                                                         authority_number, **values))
    return result[0] if result else None


def edit_letter(*, parent: QWidget | None, repo: Repo, letter_id: str,
                **values: str) -> Changes | None:
    return _run(parent, lambda: repo.fair.edit_letter(letter_id, **values))


def set_letter_status(*, parent: QWidget | None, repo: Repo, letter_id: str, status: str,
                      reason: str = "") -> Changes | None:
    return _run(parent, lambda: repo.fair.set_letter_status(letter_id, status, reason))


def attach_letter_scan(*, parent: QWidget | None, repo: Repo, letter_id: str,
                       path: str) -> str | None:
    """Attach the photo or scan of the signed letter; returns its SHA-256 or None."""
    result = _run(parent, lambda: repo.fair.attach(letter_id, path))
    return result[0] if result else None
