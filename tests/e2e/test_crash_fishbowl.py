"""Kill -9 at random moments during a fishbowl turn.

A real child process captures ideas for the group in the centre (tagged by that group)
and, in two of the runs, ends the turn and starts the next group's turn at a random
moment. The test kills it with SIGKILL, reopens the file and checks that every confirmed
idea is there with its group, that nothing half-written is there, that the turn of the
group in the centre is still running with the right remaining time by the wall clock
(the room kept talking while the program was down), and that the integrity check and
the journal chain pass. The system clock is used: a FakeClock cannot cross processes.
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

from cocrea_desktop.methods.fishbowl.store import TURNS_PHASE
from cocrea_desktop.store.repo import Repo
from tests.conftest import PYTHON, child_env

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]

TURN_MINUTES = 10
RUNS = 20
SWITCH_RUNS = (6, 13)

CHILD = r"""
import json, sys
from cocrea_desktop.store.repo import Repo
repo = Repo.open(sys.argv[1])
sid, tag, switch_at = sys.argv[2], sys.argv[3], int(sys.argv[4])

def centre():
    turn = repo.fishbowl.current_turn(sid)
    if turn is not None and not turn.running:
        print("begin start", turn.group.id, flush=True)
        repo.fishbowl.start_turn(sid, turn.group.id)
        print("started", turn.group.id, flush=True)
        turn = repo.fishbowl.current_turn(sid)
    return turn

turn = centre()
print("ready", flush=True)
i = 0
while True:
    i += 1
    if i == switch_at:
        print("begin end", turn.group.id, flush=True)
        repo.fishbowl.end_turn(sid, turn.group.id)
        print("ended", turn.group.id, flush=True)
        turn = centre()
        continue
    text = "Idea {} {}: que el comité informe cuánta agua hay".format(tag, i)
    print("begin idea", flush=True)
    idea, _ = repo.ideas.add(sid, text, group_key=turn.group.id)
    print("idea", json.dumps([idea.id, idea.number, idea.group_key, idea.text]), flush=True)
"""


def run_and_kill(args: list[str], data_dir, rng: random.Random
                 ) -> tuple[list[str], float, float]:
    """Run the child until a random moment after it is ready; its complete output lines,
    the parent's clock just before the start, and just after the kill."""
    before = time.time()
    child = subprocess.Popen([PYTHON, "-c", CHILD, *args], env=child_env(data_dir),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    head: list[str] = []
    try:
        while True:
            line = child.stdout.readline()
            assert line, "the child died before it was ready: " + child.stderr.read()[-2000:]
            if line.strip() == "ready":
                break
            head.append(line.rstrip("\n"))
        time.sleep(rng.uniform(0.02, 0.3))
        os.kill(child.pid, signal.SIGKILL)
        killed = time.time()
        out = child.stdout.read()  # through the same reader: nothing buffered is lost
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    lines = out.split("\n")[:-1]  # the last piece: empty, or cut short by the kill
    return head + lines, before, killed


def test_kill_9_during_a_fishbowl_turn_loses_no_idea_and_the_turn_timer_runs_on(
        tmp_path, data_dir):
    db = tmp_path / "pecera.cocrea.db"
    with Repo.create(db, name="Choque en la pecera") as repo:
        sid, _ = repo.add_session(method="fishbowl", question="¿Cómo repartimos el agua?",
                                  participant_count=12)
        for label in ("Ejidatarios que riegan", "Mujeres del comité de agua",
                      "Jóvenes de la secundaria"):
            repo.fishbowl.add_group(sid, label, size=4)
        repo.fishbowl.set_turn_minutes(sid, TURN_MINUTES)
        repo.fishbowl.draw_order(sid)
        repo.phases.go_to(sid, "turns")
        first = repo.fishbowl.current_turn(sid).group
        lo = time.time()
        repo.fishbowl.start_turn(sid, first.id)
        start_window = {first.id: [lo, time.time()]}  # when each group's timer started
    rng = random.Random(20271124)
    ideas: dict[str, list] = {}  # id -> [id, number, group_key, text], as confirmed
    ended: set[str] = set()
    checked_timers = 0
    for run in range(RUNS):
        switch_at = rng.randint(1, 25) if run in SWITCH_RUNS else 0
        lines, before, killed = run_and_kill([str(db), sid, str(run), str(switch_at)],
                                             data_dir, rng)
        in_flight = None
        for line in lines:
            kind, _sep, rest = line.partition(" ")
            if kind == "begin":
                in_flight = rest
                if rest.startswith("start "):
                    window = start_window.setdefault(rest.split()[1], [before, killed])
                    window[1] = killed  # the timer started in this child at the latest
            elif kind == "idea":
                data = json.loads(rest)
                ideas[data[0]] = data
                in_flight = None
            elif kind == "ended":
                ended.add(rest)
                in_flight = None
            elif kind == "started":
                in_flight = None

        checked_from = time.time()
        with Repo.open(db) as repo:  # the system clock, as the facilitator's laptop
            stored = {i.id: i for i in repo.ideas.list(sid)}
            for idea_id, (_id, number, group_key, text) in ideas.items():
                idea = stored[idea_id]
                assert (idea.number, idea.group_key, idea.text) == (number, group_key, text)
            extra = len(stored) - len(ideas)
            assert extra == 0 or (extra == 1 and in_flight == "idea"), (extra, in_flight)
            assert sorted(i.number for i in stored.values()) == list(range(1, len(stored) + 1))
            groups = {g.id for g in repo.fishbowl.groups(sid)}
            assert all(i.group_key in groups for i in stored.values())
            ideas.update({i.id: [i.id, i.number, i.group_key, i.text] for i in stored.values()})

            turns = repo.fishbowl.turns(sid)
            for turn in turns:
                if turn.group.id in ended:
                    assert turn.done
            running = [t for t in turns if t.running]
            assert len(running) <= 1
            if not running:  # killed between ending a turn and starting the next
                assert in_flight and in_flight.split()[0] in ("end", "start"), in_flight
            else:
                group_id = running[0].group.id
                timer = repo.phases.timer(sid, TURNS_PHASE, slot=group_id)
                assert timer.running and not timer.paused
                remaining = repo.phases.remaining(sid, TURNS_PHASE, slot=group_id)
                checked_to = time.time()
                first_possible, last_possible = start_window[group_id]
                lowest = timer.total - (checked_to - first_possible)
                highest = timer.total - (checked_from - last_possible)
                assert lowest - 0.05 <= remaining <= highest + 0.05, (lowest, remaining,
                                                                      highest)
                assert highest - lowest < 5  # tight enough to mean something
                assert timer.total == TURN_MINUTES * 60
                checked_timers += 1
            assert repo.pf.integrity() == "ok"
            assert repo.pf.verify_journal().ok
    tagged = {key for _i, _n, key, _t in ideas.values()}
    assert len(ideas) > 30 and len(tagged) >= 2  # the kills landed in the middle of work
    assert ended and checked_timers >= RUNS - 2
