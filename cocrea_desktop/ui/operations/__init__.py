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

from cocrea_desktop.ui.operations.attendance import (
    add_person,
    correct_person,
    erase_person,
    set_attendance_counts,
    set_notice_read_aloud,
    set_privacy,
)
from cocrea_desktop.ui.operations.base import ChangesBus, bus, show_error
from cocrea_desktop.ui.operations.bundles import (
    import_bundle,
    import_bundles,
    resolve_conflict,
)
from cocrea_desktop.ui.operations.consultation import (
    add_comment,
    answer_comment,
    close_consultation,
    import_comments,
    issue_forms,
    join_comment,
    open_consultation,
)
from cocrea_desktop.ui.operations.fair import (
    add_authority,
    add_stand,
    attach_letter_scan,
    draft_letter,
    edit_letter,
    edit_stand,
    log_visit,
    set_interest,
    set_letter_status,
)
from cocrea_desktop.ui.operations.fishbowl import (
    add_fishbowl_group,
    add_group_idea,
    add_turn_minute,
    draw_turn_order,
    edit_fishbowl_group,
    end_turn,
    set_turn_minutes,
    start_turn,
    toggle_turn_timer,
)
from cocrea_desktop.ui.operations.ideas import (
    add_cluster,
    add_idea,
    add_note,
    agree_merge,
    edit_idea,
    pass_turn,
    propose_merge,
    reject_merge,
    restore_idea,
    set_cluster,
    undo_merge,
    withdraw_idea,
)
from cocrea_desktop.ui.operations.paper import (
    confirm_reviewed_ballot,
    issue_printed_ballots,
    mark_ballot_spoiled,
    spoil_reviewed_ballot,
    take_read_ballot,
    void_ballot_serials,
)
from cocrea_desktop.ui.operations.phases import (
    add_minute,
    go_to_phase,
    next_phase,
    pause_timer,
    previous_phase,
    reset_timer,
    resume_timer,
    skip_phase,
    start_timer,
    toggle_timer,
)
from cocrea_desktop.ui.operations.plan import (
    add_agency,
    add_commitment,
    add_stl_member,
    advance_commitment,
    edit_commitment,
    edit_stl_member,
    record_decision,
    record_progress,
    set_smart,
)
from cocrea_desktop.ui.operations.process import (
    redo,
    undo,
    update_process,
)
from cocrea_desktop.ui.operations.proposals import (
    add_proposal,
    edit_proposal,
    join_proposals,
    promote_result,
    separate_proposal,
    withdraw_proposal,
)
from cocrea_desktop.ui.operations.route import (
    add_actor,
    add_initiative,
    edit_actor,
    edit_initiative,
    end_route_phase,
    erase_actor_contact,
    import_actors,
    import_initiatives,
    remove_actor,
    remove_initiative,
    set_route_phase,
    set_session_route_phase,
    start_route_phase,
)
from cocrea_desktop.ui.operations.sessions import (
    add_session,
    archive_session,
    duplicate_session,
    end_session,
    reopen_session,
    save_relatoria,
    update_session,
)
from cocrea_desktop.ui.operations.settings import (
    name_device,
)
from cocrea_desktop.ui.operations.tables import open_table_file, prepare_tables
from cocrea_desktop.ui.operations.votes import (
    choose_result_round,
    configure_vote,
    enter_ballot,
    set_counts,
    spoil_ballot,
)

__all__ = [
    "add_actor", "add_initiative", "edit_initiative", "import_initiatives",
    "remove_initiative", "edit_actor", "end_route_phase", "erase_actor_contact", "import_actors",
    "remove_actor", "set_route_phase", "set_session_route_phase", "start_route_phase",
    "ChangesBus", "open_table_file", "prepare_tables",
    "add_agency", "add_commitment", "add_stl_member", "edit_commitment", "edit_stl_member",
    "record_decision", "set_smart", "advance_commitment", "record_progress",
    "add_comment", "answer_comment", "close_consultation", "open_consultation",
    "import_comments", "issue_forms", "join_comment",
    "add_authority", "add_cluster", "add_fishbowl_group", "add_group_idea",
    "add_idea", "add_minute", "add_note", "add_person", "add_session", "add_stand",
    "add_turn_minute", "agree_merge", "archive_session", "attach_letter_scan", "bus",
    "choose_result_round", "configure_vote", "confirm_reviewed_ballot", "correct_person",
    "draft_letter", "draw_turn_order", "duplicate_session", "edit_fishbowl_group", "edit_idea",
    "edit_letter", "edit_stand", "end_session", "end_turn", "enter_ballot", "erase_person",
    "go_to_phase", "import_bundle", "import_bundles", "issue_printed_ballots", "log_visit",
    "mark_ballot_spoiled", "name_device", "next_phase", "pass_turn", "pause_timer",
    "previous_phase", "propose_merge", "redo", "reject_merge", "reopen_session", "reset_timer",
    "resolve_conflict", "restore_idea", "resume_timer", "save_relatoria", "set_attendance_counts",
    "set_cluster", "set_counts", "set_interest", "set_letter_status", "set_notice_read_aloud",
    "set_privacy", "set_turn_minutes", "show_error", "skip_phase", "spoil_ballot",
    "spoil_reviewed_ballot", "start_timer", "start_turn", "take_read_ballot", "toggle_timer",
    "toggle_turn_timer", "undo", "undo_merge", "update_process", "update_session",
    "void_ballot_serials", "withdraw_idea",
    "add_proposal", "edit_proposal", "join_proposals", "promote_result", "separate_proposal",
    "withdraw_proposal",
]
