"""One keyword-only function per user action -> one store call -> Changes.

Every view reacts to the single ``bus().changed`` signal and re-reads what it
shows; no view runs SQL or computes a tally. A user error (a typed
``CocreaError``) is shown as a Spanish message box and the function returns
``None``; nothing is half-done because each store call is one transaction.

One module per domain; every action is re-exported here, so that
``from cocrea_desktop.ui import operations as ops`` and ``ops.<name>`` keep working.
A new action goes into the module of its domain (a method's own actions into its
module here until the method package carries them) and into the imports below.
"""

from __future__ import annotations

from cocrea_desktop.ui.operations.base import ChangesBus, bus, show_error
from cocrea_desktop.ui.operations.process import (
    update_process, undo, redo,
)
from cocrea_desktop.ui.operations.settings import (
    name_device,
)
from cocrea_desktop.ui.operations.sessions import (
    add_session, update_session, duplicate_session, archive_session, end_session, save_relatoria,
)
from cocrea_desktop.ui.operations.phases import (
    go_to_phase, next_phase, previous_phase, skip_phase, toggle_timer, start_timer, pause_timer,
    resume_timer, add_minute, reset_timer,
)
from cocrea_desktop.ui.operations.ideas import (
    add_idea, pass_turn, edit_idea, withdraw_idea, restore_idea, propose_merge, agree_merge,
    reject_merge, undo_merge, add_cluster, set_cluster, add_note,
)
from cocrea_desktop.ui.operations.votes import (
    configure_vote, enter_ballot, spoil_ballot, set_counts, choose_result_round,
)
from cocrea_desktop.ui.operations.paper import (
    issue_printed_ballots, void_ballot_serials, mark_ballot_spoiled,
)
from cocrea_desktop.ui.operations.attendance import (
    set_privacy, set_attendance_counts, set_notice_read_aloud, add_person, correct_person,
    erase_person,
)
from cocrea_desktop.ui.operations.bundles import (
    import_bundle, import_bundles, resolve_conflict,
)
from cocrea_desktop.ui.operations.fishbowl import (
    add_fishbowl_group, edit_fishbowl_group, set_turn_minutes, draw_turn_order, start_turn,
    end_turn, toggle_turn_timer, add_turn_minute, add_group_idea,
)
from cocrea_desktop.ui.operations.fair import (
    add_stand, edit_stand, add_authority, log_visit, set_interest, draft_letter, edit_letter,
    set_letter_status, attach_letter_scan,
)

__all__ = [
    "ChangesBus", "add_authority", "add_cluster", "add_fishbowl_group", "add_group_idea",
    "add_idea", "add_minute", "add_note", "add_person", "add_session", "add_stand",
    "add_turn_minute", "agree_merge", "archive_session", "attach_letter_scan", "bus",
    "choose_result_round", "configure_vote", "correct_person", "draft_letter", "draw_turn_order",
    "duplicate_session", "edit_fishbowl_group", "edit_idea", "edit_letter", "edit_stand",
    "end_session", "end_turn", "enter_ballot", "erase_person", "go_to_phase", "import_bundle",
    "import_bundles", "issue_printed_ballots", "log_visit", "mark_ballot_spoiled", "name_device",
    "next_phase", "pass_turn", "pause_timer", "previous_phase", "propose_merge", "redo",
    "reject_merge", "reset_timer", "resolve_conflict", "restore_idea", "resume_timer",
    "save_relatoria", "set_attendance_counts", "set_cluster", "set_counts", "set_interest",
    "set_letter_status", "set_notice_read_aloud", "set_privacy", "set_turn_minutes", "show_error",
    "skip_phase", "spoil_ballot", "start_timer", "start_turn", "toggle_timer", "toggle_turn_timer",
    "undo", "undo_merge", "update_process", "update_session", "void_ballot_serials",
    "withdraw_idea",
]
