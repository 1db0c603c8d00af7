"""Kill -9 at random moments while an idea fair's visits are being logged.

A real child process logs visits (stand, authority, a note that names it) on a real
process file and prints each one once it is committed (what the screen shows as
saved); the test kills it with SIGKILL at a random moment, reopens the file and
checks that every confirmed visit is there with its stand, authority and time, that
at most the one in flight was added besides, and that the integrity check and the
journal chain pass. Interest marks are set in between, to mix the writes.
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

from cocrea_desktop.store.repo import Repo
from tests.conftest import PYTHON, child_env
from tests.e2e.test_crash_capture import check_common

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]

VISIT_CHILD = r"""
import json, random, sys
from cocrea_desktop.store.repo import Repo
repo = Repo.open(sys.argv[1])
sid, tag = sys.argv[2], sys.argv[3]
rng = random.Random(tag)
levels = [None, "interested", "meeting", "commit"]
print("ready", flush=True)
i = 0
while True:
    i += 1
    stand, authority = rng.randint(1, 4), rng.randint(1, 2)
    if i % 6 == 0:
        level = rng.choice(levels)
        print("begin interest", json.dumps([stand, authority, level]), flush=True)
        repo.fair.set_interest(sid, stand, authority, level)
        print("interest", json.dumps([stand, authority, level]), flush=True)
        continue
    note = "visita {}-{}".format(tag, i)
    print("begin visit", flush=True)
    repo.fair.log_visit(sid, stand, authority, note)
    print("visit", json.dumps([note, stand, authority]), flush=True)
"""


def run_and_kill(script: str, args: list[str], data_dir, rng: random.Random) -> list[str]:
    """Run a child until a random moment after it is ready; its complete output lines.

    stdout is read unbuffered (byte by byte up to "ready"), so that no line the child
    printed after "ready" is left in a reader's buffer when the rest is collected.
    """
    child = subprocess.Popen([PYTHON, "-c", script, *args], env=child_env(data_dir),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)
    try:
        while True:
            line = child.stdout.readline()
            assert line, "the child died before it was ready: " + child.stderr.read().decode()
            if line.strip() == b"ready":
                break
        time.sleep(rng.uniform(0.02, 0.3))
        os.kill(child.pid, signal.SIGKILL)
        out, _err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    lines = out.decode("utf-8").split("\n")
    return lines[:-1]  # the last piece has no newline: empty, or cut short by the kill


def test_kill_9_while_logging_visits_loses_no_confirmed_visit(tmp_path, data_dir):
    db = tmp_path / "feria.cocrea.db"
    with Repo.create(db, name="Choque en la feria") as repo:
        sid, _ = repo.add_session(method="idea_fair", question="¿Qué proyectos?")
        for title in ("Huertos", "Alumbrado", "Radio en zapoteco", "Cisterna"):
            repo.fair.add_stand(sid, title=title, contact_name="Persona de contacto")
        repo.fair.add_authority(sid, name="Ing. Laura Ruiz", agency="Obras")
        repo.fair.add_authority(sid, name="Lic. Tomás Aquino", agency="Cabildo")
        for _ in range(3):
            repo.phases.forward(sid)  # to "Recorrido"
    rng = random.Random(20271313)
    confirmed: dict[str, tuple[int, int]] = {}  # note -> (stand, authority)
    interest: dict[tuple[int, int], str | None] = {}
    for attempt in range(14):
        lines = run_and_kill(VISIT_CHILD, [str(db), sid, str(attempt)],
                                              data_dir, rng)
        in_flight = None
        for line in lines:
            kind, _sep, rest = line.partition(" ")
            if kind == "begin":
                in_flight = rest
            elif kind == "visit":
                note, stand, authority = json.loads(rest)
                confirmed[note] = (stand, authority)
                in_flight = None
            elif kind == "interest":
                stand, authority, level = json.loads(rest)
                interest[(stand, authority)] = level
                in_flight = None
        with Repo.open(db) as repo:
            stored = {v.notes: v for v in repo.fair.visits(sid)}
            for note, (stand, authority) in confirmed.items():
                visit = stored[note]
                assert (visit.stand_number, visit.authority_number) == (stand, authority)
                assert visit.visited_at
            extra = set(stored) - set(confirmed)
            assert not extra or (len(extra) == 1 and in_flight == "visit"), (extra, in_flight)
            matrix = repo.fair.interest_matrix(sid)
            pending = None  # the mark in flight may or may not have been written
            if in_flight and in_flight.startswith("interest "):
                stand, authority, _level = json.loads(in_flight.partition(" ")[2])
                pending = (stand, authority)
            for cell, level in interest.items():
                if cell != pending:
                    assert matrix.get(cell) == (level or None), cell
            check_common(repo)
            # What survived counts as confirmed for the next round.
            confirmed.update({n: (v.stand_number, v.authority_number)
                              for n, v in stored.items()})
            interest = {cell: matrix.get(cell) for cell in interest}
            interest.update(matrix)  # what survived is the state the next child starts from
    assert len(confirmed) > 30  # the kills landed in the middle of work
