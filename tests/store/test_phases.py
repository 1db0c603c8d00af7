"""Phases of a nominal group and their timers through the store (FakeClock, real files)."""

from __future__ import annotations

import json

import pytest

from cocrea_desktop.core.errors import RuleViolation
from cocrea_desktop.core.timers import TimerState
from cocrea_desktop.store.repo import Repo

NG_PHASES = ["question", "silent_writing", "round", "clarification", "preliminary_vote",
             "discussion", "final_vote", "results"]


@pytest.fixture
def sid(repo):
    session_id, _ = repo.add_session(method="nominal_group", question="¿Qué le falta al agua?")
    return session_id


def key(repo, sid):
    return repo.phases.current(sid).key


def test_a_new_session_starts_at_the_question(repo, sid):
    assert repo.phases.method(sid).keys == NG_PHASES
    assert key(repo, sid) == "question" and repo.phases.index(sid) == 0
    assert repo.phases.previous_phase(sid) is None
    assert repo.phases.next_phase(sid).key == "silent_writing"


def test_forward_through_every_phase_then_stop(repo, sid):
    seen = [key(repo, sid)]
    while repo.phases.next_phase(sid) is not None:
        repo.phases.forward(sid)
        seen.append(key(repo, sid))
    assert seen == NG_PHASES
    with pytest.raises(RuleViolation, match="última fase"):
        repo.phases.forward(sid)
    assert repo.session(sid).status == "in_progress"  # a planned session starts moving


def test_back_is_allowed_journaled_and_keeps_what_was_captured(repo, sid):
    for _ in range(3):
        repo.phases.forward(sid)                  # -> clarification
    assert key(repo, sid) == "clarification"
    repo.ideas.add(sid, "Hay fugas")               # captured in any phase before voting
    repo.phases.back(sid)
    assert key(repo, sid) == "round"
    assert [i.text for i in repo.ideas.list(sid)] == ["Hay fugas"]
    entries = repo.pf.query("SELECT * FROM journal WHERE action = 'phase.back' ORDER BY seq")
    notes = [json.loads(e["after"]) for e in entries if e["object_type"] == "session"
             and e["before"] is None]
    assert notes == [{"back_from": "clarification", "back_to": "round"}]
    assert repo.undo_label() == "ir a la fase «Ronda»"
    repo.undo()
    assert key(repo, sid) == "clarification"
    repo.phases.go_to(sid, "question")             # back several phases at once
    assert key(repo, sid) == "question"
    with pytest.raises(RuleViolation, match="primera fase"):
        repo.phases.back(sid)


def test_only_optional_phases_can_be_skipped(repo, sid):
    with pytest.raises(RuleViolation, match="no es opcional"):
        repo.phases.skip(sid)                      # silent writing is not optional
    with pytest.raises(RuleViolation, match="no es opcional"):
        repo.phases.go_to(sid, "round")            # jumping over silent writing
    for _ in range(4):
        repo.phases.forward(sid)                   # -> preliminary_vote
    repo.phases.go_to(sid, "final_vote")           # discussion (optional) skipped
    assert key(repo, sid) == "final_vote"
    repo.phases.go_to(sid, "preliminary_vote")
    repo.phases.skip(sid)                          # discussion and final vote are optional
    assert key(repo, sid) == "results"
    with pytest.raises(RuleViolation):
        repo.phases.go_to(sid, "no_such_phase")


def test_entering_the_first_vote_records_when_voting_started(repo, sid, fake_clock):
    for _ in range(3):
        repo.phases.forward(sid)
    assert not repo.phases.voting_started(sid)
    fake_clock.advance(90)
    repo.phases.forward(sid)
    started = repo.session(sid).voting_started_at
    assert started and repo.phases.voting_started(sid)
    fake_clock.advance(60)
    repo.phases.skip(sid)
    repo.phases.go_to(sid, "final_vote")           # back to the final vote: the first stays
    assert repo.session(sid).voting_started_at == started


# -- timers -------------------------------------------------------------------------------------

def test_timer_start_pause_resume_add_reset(repo, sid, fake_clock):
    repo.phases.forward(sid)                       # silent writing: 10 minutes
    assert repo.phases.timer(sid).state(fake_clock.now()) is TimerState.IDLE
    assert repo.phases.remaining(sid) == 600
    repo.phases.start_timer(sid)
    fake_clock.advance(120)
    assert repo.phases.remaining(sid) == 480
    repo.phases.pause_timer(sid)
    fake_clock.advance(300)                        # paused: time does not run
    assert repo.phases.remaining(sid) == 480
    assert repo.phases.timer(sid).state(fake_clock.now()) is TimerState.PAUSED
    repo.phases.resume_timer(sid)
    fake_clock.advance(30)
    assert repo.phases.remaining(sid) == 450
    repo.phases.add_minute(sid)
    assert repo.phases.remaining(sid) == 510
    fake_clock.advance(460)
    assert repo.phases.timer(sid).state(fake_clock.now()) is TimerState.WARNING
    fake_clock.advance(70)
    assert repo.phases.remaining(sid) == -20       # overrun shows as negative
    assert repo.phases.timer(sid).state(fake_clock.now()) is TimerState.EXPIRED
    assert repo.phases.timer(sid).pauses == 1
    repo.phases.reset_timer(sid)
    assert repo.phases.remaining(sid) == 600
    assert repo.phases.timer(sid).state(fake_clock.now()) is TimerState.IDLE
    actions = [r["action"] for r in repo.pf.query(
        "SELECT action FROM journal WHERE action LIKE 'timer.%' ORDER BY seq")]
    assert actions == ["timer.start", "timer.pause", "timer.resume", "timer.add", "timer.reset"]


def test_toggle_and_wrong_transitions(repo, sid, fake_clock):
    repo.phases.forward(sid)
    with pytest.raises(RuleViolation):
        repo.phases.pause_timer(sid)               # not running
    repo.phases.toggle_timer(sid)                  # start
    assert repo.phases.timer(sid).running
    with pytest.raises(RuleViolation):
        repo.phases.start_timer(sid)
    repo.phases.toggle_timer(sid)                  # pause
    assert repo.phases.timer(sid).paused
    repo.phases.toggle_timer(sid)                  # resume
    assert repo.phases.timer(sid).running


def test_each_phase_has_its_own_timer(repo, sid, fake_clock):
    repo.phases.forward(sid)
    repo.phases.start_timer(sid)
    fake_clock.advance(100)
    repo.phases.forward(sid)                       # the round: 30 minutes, not started
    assert repo.phases.remaining(sid) == 1800
    assert repo.phases.remaining(sid, "silent_writing") == 500
    repo.phases.start_timer(sid, minutes=5)
    assert repo.phases.remaining(sid) == 300


def test_remaining_time_survives_closing_and_reopening(repo, sid, db_path, fake_clock):
    repo.phases.forward(sid)
    repo.phases.start_timer(sid)
    fake_clock.advance(100)
    repo.phases.add_minute(sid)
    repo.close()
    fake_clock.advance(200)                        # the program was closed; the room went on
    with Repo.open(db_path, clock=fake_clock) as again:
        assert again.phases.remaining(sid) == 600 + 60 - 300
        assert again.phases.timer(sid).running
        again.phases.pause_timer(sid)
    fake_clock.advance(1000)                       # closed while paused: nothing runs
    with Repo.open(db_path, clock=fake_clock) as again:
        assert again.phases.remaining(sid) == 360
        assert again.phases.timer(sid).paused
        again.phases.resume_timer(sid)
        fake_clock.advance(10)
        assert again.phases.remaining(sid) == 350


def test_after_looking_back_the_phases_already_held_can_be_passed_again(repo, sid):
    """Found in a walk-through: back to phase 1 to look, then a click on the phase where the
    session was refused "no se puede saltar", though every phase between had been held."""
    for _ in range(4):
        repo.phases.forward(sid)                   # -> preliminary_vote
    repo.phases.go_to(sid, "question")             # back to look at the question
    repo.phases.go_to(sid, "preliminary_vote")     # and straight back to the vote
    assert key(repo, sid) == "preliminary_vote"
    other, _ = repo.add_session(method="nominal_group", question="¿Y la luz?")
    with pytest.raises(RuleViolation, match="no es opcional"):
        repo.phases.go_to(other, "clarification")  # phases never held still cannot be jumped


def test_a_phase_entered_by_mistake_and_undone_is_not_counted_as_held(repo, sid):
    """The walk: «Discusión del voto» entered, undone, then skipped, showed ✓ (held) in
    the steps bar: every move into it counted, its undo too."""
    for _ in range(4):
        repo.phases.forward(sid)                   # -> preliminary_vote
    repo.phases.forward(sid)                       # -> discussion, by mistake
    repo.undo()
    assert key(repo, sid) == "preliminary_vote"
    repo.phases.go_to(sid, "final_vote")           # discussion skipped
    assert "discussion" not in repo.phases.visited(sid)
    assert "discussion" in repo.phases.skipped(sid)
    # Entered again for real (back, then forward): held.
    repo.phases.go_to(sid, "discussion")
    repo.phases.forward(sid)
    assert "discussion" in repo.phases.visited(sid)
    assert {"silent_writing", "round", "clarification",
            "preliminary_vote", "final_vote"} <= repo.phases.visited(sid)
