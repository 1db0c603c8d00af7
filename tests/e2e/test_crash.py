"""Kill -9 at random moments: everything the screen had confirmed is there afterwards.

A real child process edits a real process file and prints each change once it is
committed (what the screen would show as saved); the test kills it with SIGKILL
at a random moment, reopens the file and checks every confirmed change, the
integrity check and the journal chain.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from cocrea_desktop.store.repo import Repo
from tests.conftest import PYTHON, child_env

CORE_CHILD = r"""
import sys
from cocrea_desktop.store.repo import Repo
repo = Repo.open(sys.argv[1])
print("ready", flush=True)
i = 0
ids = [s.id for s in repo.sessions(include_archived=True)]
while True:
    i += 1
    if i % 3 == 0 and ids:
        target, value = ids[i % len(ids)], "lugar {}".format(i)
        print("begin edit", target, value, flush=True)
        repo.update_session(target, place=value)
        print("edit", target, value, flush=True)
    elif i % 7 == 0 and ids:
        value = str(int(i % 2 == 0))
        print("begin archive", ids[0], value, flush=True)
        repo.archive_session(ids[0], archived=value == "1")
        print("archive", ids[0], value, flush=True)
    else:
        sid, _ = repo.add_session(method="nominal_group", question="Pregunta {}".format(i),
                                  table_label="Mesa {}".format(i))
        ids.append(sid)
        print("add", sid, "Pregunta {}".format(i), flush=True)
"""

GUI_CHILD = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from cocrea_desktop.ui import operations as ops, qt_i18n
from cocrea_desktop.ui.main_window import MainWindow
app = QApplication([])
qt_i18n.install("es")
window = MainWindow()
window.open_path(sys.argv[1])
window.show()
state = {"i": 0}
def step():
    state["i"] += 1
    i = state["i"]
    sid = ops.add_session(parent=window, repo=window.repo, method="fishbowl",
                          question="Pregunta de la ventana {}".format(i))
    if sid and window.model.row_of(sid) >= 0:  # shown on screen as saved
        print("add", sid, "Pregunta de la ventana {}".format(i), flush=True)
    QTimer.singleShot(0, step)
print("ready", flush=True)
QTimer.singleShot(0, step)
app.exec()
"""


def run_and_kill(script: str, db_path, data_dir, rng: random.Random) -> list[list[str]]:
    child = subprocess.Popen([PYTHON, "-c", script, str(db_path)], env=child_env(data_dir),
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
        # Wait for the first piece of work before the random delay, so that on a loaded
        # machine (a window takes a while to show) the kill still lands in the middle of work.
        first = child.stdout.readline()
        time.sleep(rng.uniform(0.01, 0.4))
        os.kill(child.pid, signal.SIGKILL)
        out = first + child.stdout.read()  # through the same reader: nothing buffered is lost
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    lines = out.splitlines()
    if out and not out.endswith("\n"):
        lines = lines[:-1]  # cut short by the kill: it was never fully shown
    return [line.split(" ") for line in lines]


def check_confirmed(db_path, lines: list[list[str]]) -> int:
    """Check what was confirmed; an edit in flight at the kill may or may not have landed."""
    confirmed = {"edit": {}, "archive": {}}
    in_flight: dict[str, tuple[str, str]] = {}
    added = []
    for parts in lines:
        if parts[0] == "begin" and len(parts) >= 4:
            in_flight = {parts[1]: (parts[2], " ".join(parts[3:]))}
        elif parts[0] in ("edit", "archive") and len(parts) >= 3:
            confirmed[parts[0]][parts[1]] = " ".join(parts[2:])
            in_flight = {}
        elif parts[0] == "add" and len(parts) >= 3:
            added.append((parts[1], " ".join(parts[2:])))
    with Repo.open(db_path) as repo:
        for sid, question in added:
            assert repo.session(sid).question == question
        for kind, values in confirmed.items():
            for sid, value in values.items():
                session = repo.session(sid)
                actual = session.place if kind == "edit" else str(int(session.archived))
                allowed = {value}
                if kind in in_flight and in_flight[kind][0] == sid:
                    allowed.add(in_flight[kind][1])
                assert actual in allowed, (kind, sid, actual, allowed)
        assert repo.pf.integrity() == "ok"
        assert repo.pf.verify_journal().ok
    return len(added) + sum(len(v) for v in confirmed.values())


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill_9_during_session_editing_loses_nothing_confirmed(tmp_path, data_dir):
    db_path = tmp_path / "crash.cocrea.db"
    Repo.create(db_path, name="Choque").close()
    rng = random.Random(20271121)
    total = 0
    for _round in range(40):
        total += check_confirmed(db_path, run_and_kill(CORE_CHILD, db_path, data_dir, rng))
    assert total > 40  # the kills really landed in the middle of work


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill_9_of_the_window_loses_nothing_shown(tmp_path, data_dir):
    db_path = tmp_path / "ventana.cocrea.db"
    Repo.create(db_path, name="Ventana").close()
    rng = random.Random(7)
    total = 0
    for _round in range(6):
        total += check_confirmed(db_path, run_and_kill(GUI_CHILD, db_path, data_dir, rng))
    assert total >= 6  # each kill landed after the window had saved something
