"""Kill -9 at random moments during idea capture and ballot entry (nominal group).

As in test_crash.py: a real child process works on a real process file and prints each
change once it is committed (what the screen shows as saved); the test kills it with
SIGKILL at a random moment, reopens the file and checks that every confirmed idea, pass
and ballot is there, intact (a ballot's marks are exactly what its entry gives), that
nothing half-written is there, and that the integrity check and the journal chain pass.
The capture child also runs the phase timer: after each kill the timer is still running
and its remaining time is right by the wall clock (the room kept talking while the
program was down). The system clock is used, since a FakeClock cannot cross processes.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from cocrea_desktop.core.timers import Timer
from cocrea_desktop.core.voting import ballots as ballot_rules
from cocrea_desktop.core.voting.tally import tally_ranked
from cocrea_desktop.store.repo import Repo
from tests.conftest import PYTHON, child_env

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]

TIMER_MINUTES = 10
PRE = "preliminary"

CAPTURE_CHILD = r"""
import json, sys
from cocrea_desktop.store.repo import Repo
repo = Repo.open(sys.argv[1])
sid, tag = sys.argv[2], sys.argv[3]
if not repo.phases.timer(sid).running:
    repo.phases.start_timer(sid, minutes=float(sys.argv[4]))
print("timer", json.dumps(repo.phases.timer(sid).to_dict()), flush=True)
print("ready", flush=True)
i = 0
while True:
    i += 1
    if i % 11 == 0:
        print("begin timer", flush=True)
        repo.phases.add_minute(sid)
        print("timer", json.dumps(repo.phases.timer(sid).to_dict()), flush=True)
    elif i % 5 == 0:
        print("begin pass", flush=True)
        repo.ideas.pass_turn(sid)
        print("pass", flush=True)
    else:
        text = "Idea {} {}: el agua llega turbia".format(tag, i)
        print("begin idea", flush=True)
        idea, _ = repo.ideas.add(sid, text)
        print("idea", json.dumps([idea.id, idea.number, idea.round, idea.turn, idea.text]),
              flush=True)
"""

BALLOT_CHILD = r"""
import json, random, sys
from cocrea_desktop.store.repo import Repo
repo = Repo.open(sys.argv[1])
sid, tag = sys.argv[2], sys.argv[3]
rng = random.Random(tag)
n = len(repo.votes.options(sid))
print("ready", flush=True)
i = 0
while True:
    i += 1
    # Mostly valid ballots; some name an idea that does not exist or repeat one (voids).
    picks = [rng.randint(1, n + 1) for _ in range(rng.randint(1, 6))]
    text = " ".join(map(str, picks))
    serial = "{}-{}".format(tag, i)
    print("begin ballot", serial, flush=True)
    ballot, _ = repo.votes.enter_ballot(sid, "preliminary", text, serial=serial)
    print("ballot", json.dumps([ballot.id, serial, text, ballot.marks]), flush=True)
    if i % 7 == 0:
        print("begin spoil", ballot.id, flush=True)
        repo.votes.spoil_ballot(ballot.id)
        print("spoil", ballot.id, flush=True)
"""


def run_and_kill(script: str, args: list[str], data_dir, rng: random.Random
                 ) -> tuple[list[str], float, float]:
    """Run a child until a random moment after it is ready; its complete output lines and
    the parent's clock just before the start and when "ready" was read."""
    before = time.time()
    child = subprocess.Popen([PYTHON, "-c", script, *args], env=child_env(data_dir),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    head: list[str] = []
    try:
        while True:
            line = child.stdout.readline()
            assert line, "the child died before it was ready: " + child.stderr.read()[-2000:]
            if line.strip() == "ready":
                break
            head.append(line.rstrip("\n"))
        ready = time.time()
        time.sleep(rng.uniform(0.02, 0.3))
        os.kill(child.pid, signal.SIGKILL)
        out = child.stdout.read()  # through the same reader: nothing buffered is lost
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    lines = out.split("\n")
    lines = lines[:-1]  # the last piece has no newline: empty, or cut short by the kill
    return head + lines, before, ready


def check_common(repo: Repo) -> None:
    assert repo.pf.integrity() == "ok"
    assert repo.pf.verify_journal().ok


# -- idea capture, passes and the running timer -------------------------------------------------

def test_kill_9_during_capture_loses_no_idea_and_the_timer_runs_on(tmp_path, data_dir):
    db = tmp_path / "captura.cocrea.db"
    with Repo.create(db, name="Choque en la ronda") as repo:
        sid, _ = repo.add_session(method="nominal_group", question="¿Qué pasa con el agua?",
                                  participant_count=8)
        repo.phases.go_to(sid, "silent_writing")
        repo.phases.go_to(sid, "round")
    rng = random.Random(20271122)
    ideas: dict[str, list] = {}   # id -> [id, number, round, turn, text], as confirmed
    passes = 0
    timer_state: dict | None = None
    started_window: tuple[float, float] | None = None
    for attempt in range(20):
        lines, before, ready = run_and_kill(
            CAPTURE_CHILD, [str(db), sid, str(attempt), str(TIMER_MINUTES)], data_dir, rng)
        if started_window is None:
            started_window = (before, ready)  # the first child started the timer
        in_flight = None
        for line in lines:
            kind, _sep, rest = line.partition(" ")
            if kind == "begin":
                in_flight = rest
            elif kind == "idea":
                data = json.loads(rest)
                ideas[data[0]] = data
                in_flight = None
            elif kind == "pass":
                passes += 1
                in_flight = None
            elif kind == "timer":
                timer_state = json.loads(rest)
                in_flight = None

        checked_from = time.time()
        with Repo.open(db) as repo:  # the system clock, as the facilitator's laptop
            stored = repo.ideas.list(sid)
            by_id = {i.id: i for i in stored}
            for idea_id, (_id, number, round_, turn, text) in ideas.items():
                idea = by_id[idea_id]
                assert (idea.number, idea.round, idea.turn, idea.text) == (number, round_, turn,
                                                                             text)
            extra = len(stored) - len(ideas)
            assert extra == 0 or (extra == 1 and in_flight == "idea"), (extra, in_flight)
            assert sorted(i.number for i in stored) == list(range(1, len(stored) + 1))
            turns = [(i.round, i.turn) for i in stored]
            turns += [(r["round"], r["turn"]) for r in repo.pf.query(
                "SELECT round, turn FROM idea_pass WHERE session_id = ?", [sid])]
            assert len(set(turns)) == len(turns)  # no turn taken twice
            stored_passes = repo.ideas.passes(sid)
            assert stored_passes == passes or (stored_passes == passes + 1 and
                                               in_flight == "pass")
            ideas.update({i.id: [i.id, i.number, i.round, i.turn, i.text] for i in stored})
            passes = stored_passes

            timer = repo.phases.timer(sid)
            allowed = [Timer.from_dict(timer_state)]
            if in_flight == "timer":
                allowed.append(allowed[0].add_minutes(1))
            assert timer in allowed and timer.running
            timer_state = timer.to_dict()
            remaining = repo.phases.remaining(sid)
            checked_to = time.time()
            check_common(repo)
        first, ready = started_window
        # started_at lies between the first child's launch and its "ready" line, so:
        lowest = timer.total - (checked_to - first)
        highest = timer.total - (checked_from - ready)
        assert lowest - 0.05 <= remaining <= highest + 0.05, (lowest, remaining, highest)
        assert highest - lowest < 5  # the bound is tight enough to mean something
    assert len(ideas) > 20 and passes > 3  # the kills landed in the middle of work
    assert timer.added > 0  # an added minute survived too


# -- ballot entry ---------------------------------------------------------------------------------

def test_kill_9_during_ballot_entry_loses_no_ballot_and_keeps_marks_intact(tmp_path, data_dir):
    db = tmp_path / "boletas.cocrea.db"
    with Repo.create(db, name="Choque en la votación") as repo:
        sid, _ = repo.add_session(method="nominal_group", question="¿Qué pasa con el agua?")
        for i in range(1, 13):
            repo.ideas.add(sid, "Idea {}".format(i))
        for key in ("silent_writing", "round", "clarification", "preliminary_vote"):
            repo.phases.go_to(sid, key)
        options = repo.votes.options(sid)
        rule = repo.votes.ranked_rule(sid, PRE)
    rng = random.Random(20271123)
    confirmed: dict[str, tuple[str, str, list]] = {}  # id -> serial, entry, marks
    spoiled: set[str] = set()
    for attempt in range(20):
        lines, _before, _ready = run_and_kill(BALLOT_CHILD, [str(db), sid, str(attempt)],
                                              data_dir, rng)
        in_flight = None
        for line in lines:
            kind, _sep, rest = line.partition(" ")
            if kind == "begin":
                in_flight = rest
            elif kind == "ballot":
                ballot_id, serial, text, marks = json.loads(rest)
                confirmed[ballot_id] = (serial, text, [tuple(m) for m in marks])
                in_flight = None
            elif kind == "spoil":
                spoiled.add(rest)
                in_flight = None

        with Repo.open(db) as repo:
            stored = {b.id: b for b in repo.votes.ballots(sid, PRE)}
            for ballot_id, (serial, text, marks) in confirmed.items():
                ballot = stored[ballot_id]
                assert (ballot.serial, ballot.entry, list(ballot.marks)) == (
                    serial, text, sorted(marks, key=lambda m: (-m[1], m[0])))
            for ballot_id in spoiled:
                assert stored[ballot_id].status == "spoiled"
            for ballot in stored.values():  # every ballot whole: its marks are its entry's
                expected = ballot_rules.parse_ranked_ballot(ballot.entry, options=options,
                                                            rule=rule)
                assert sorted(ballot.marks) == sorted(expected.marks)
                assert len(ballot.voids) == len(expected.voids)
                if ballot.status == "spoiled" and ballot.id not in spoiled:
                    assert in_flight == "spoil " + ballot.id
            extra = set(stored) - set(confirmed)
            assert not extra or (len(extra) == 1 and in_flight and in_flight.startswith(
                "ballot ")), (extra, in_flight)
            serials = [b.serial for b in stored.values()]
            assert len(set(serials)) == len(serials)
            counted = [b.marks for b in stored.values() if b.status == "counted"]
            assert repo.votes.tally(sid, PRE) == tally_ranked(counted, options=options,
                                                              rule=rule)
            check_common(repo)
            confirmed.update({b.id: (b.serial, b.entry, list(b.marks))
                              for b in stored.values()})
            spoiled = {b.id for b in stored.values() if b.status == "spoiled"}
    assert len(confirmed) > 40 and spoiled  # the kills landed in the middle of work
