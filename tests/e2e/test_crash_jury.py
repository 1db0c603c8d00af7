"""Kill -9 at random moments while a citizens' jury's pool is registered, and while its
draw is computed and recorded.

A real child process registers volunteers (name, contact, features) and notes on a real
process file, printing each one once it is committed; the test kills it with SIGKILL at
a random moment, reopens the file and checks that every confirmed volunteer is there
with their data, that at most the one in flight was added besides, and that the
integrity check and the journal chain pass. Then children run the draw and are killed
in the middle: the file holds either no draw and every volunteer still in the pool, or
the whole draw (record, panel, replacements); and the draw that finally stands is the
one anybody gets again from the same dice, pool and quotas.
"""

from __future__ import annotations

import json
import random
import sys

import pytest

from cocrea_desktop.methods.jury import draw as lottery
from cocrea_desktop.store.repo import Repo
from tests.e2e.test_crash_capture import check_common
from tests.e2e.test_crash_fair import run_and_kill
from tests.methods.jury.helpers import AGES, COMMUNITIES, DICE

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]

POOL_CHILD = r"""
import json, sys
from cocrea_desktop.store.repo import Repo
from tests.methods.jury.helpers import pool_features
repo = Repo.open(sys.argv[1])
sid, tag = sys.argv[2], sys.argv[3]
features = pool_features(400, seed=int(tag))
print("ready", flush=True)
i = 0
while True:
    i += 1
    if i % 5 == 0 or i > 15:  # a pool of some dozens: the draw stays quick
        print("begin note", flush=True)
        repo.jury.add_note(sid, "nota {}-{}".format(tag, i))
        print("note", json.dumps("nota {}-{}".format(tag, i)), flush=True)
        continue
    name = "Voluntaria {}-{}".format(tag, i)
    print("begin volunteer", flush=True)
    v, _c = repo.jury.add_volunteer(sid, name=name, contact="951 {:03d} {:04d}".format(
        int(tag), i), features=features[i % 400], consent=True)
    print("volunteer", json.dumps([name, v.number, features[i % 400]]), flush=True)
"""

DRAW_CHILD = r"""
import json, sys
from cocrea_desktop.store.repo import Repo
from tests.methods.jury.helpers import DICE
repo = Repo.open(sys.argv[1])
sid = sys.argv[2]
print("ready", flush=True)
record, _c = repo.jury.draw(sid, size=12, dice=DICE, witnesses="Juana Pérez")
print("drawn", json.dumps(record.panel), flush=True)
"""


def _check_draw_whole(repo: Repo, sid: str) -> bool:
    """Either no draw and everyone in the pool, or the whole draw; True if drawn."""
    record = repo.jury.record(sid)
    statuses = {v.number: v.status for v in repo.jury.volunteers(sid)}
    if record is None:
        assert set(statuses.values()) == {"pool"}
        return False
    assert all(statuses[n] == "panel" for n in record.panel)
    assert all(statuses[n] == "replacement" for n in record.replacements)
    assert len(record.panel) == 12
    assert sorted(record.panel + record.replacements) == sorted(statuses)
    return True


def test_kill_9_while_registering_and_drawing(tmp_path, data_dir):
    db = tmp_path / "jurado.cocrea.db"
    with Repo.create(db, name="Choque en el jurado") as repo:
        sid, _ = repo.add_session(method="jury", question="¿Cómo cuidamos el agua?")
        for c in COMMUNITIES:
            repo.jury.set_quota(sid, "comunidad", c, 2, 6)
        for s in ("Mujer", "Hombre"):
            repo.jury.set_quota(sid, "sexo", s, 6, 6)
        for a in AGES:
            repo.jury.set_quota(sid, "edad", a, 2, 6)
    rng = random.Random(20270306)
    confirmed: dict[str, tuple[int, dict]] = {}
    notes: set[str] = set()
    for attempt in range(8):
        lines = run_and_kill(POOL_CHILD, [str(db), sid, str(attempt)], data_dir, rng)
        in_flight = None
        for line in lines:
            kind, _sep, rest = line.partition(" ")
            if kind == "begin":
                in_flight = rest
            elif kind == "volunteer":
                name, number, features = json.loads(rest)
                confirmed[name] = (number, features)
                in_flight = None
            elif kind == "note":
                notes.add(json.loads(rest))
                in_flight = None
        with Repo.open(db) as repo:
            stored = {v.name: v for v in repo.jury.volunteers(sid)}
            for name, (number, features) in confirmed.items():
                assert stored[name].number == number and stored[name].features == features
                assert stored[name].contact.startswith("951 ")
            extra = set(stored) - set(confirmed)
            assert not extra or (len(extra) == 1 and in_flight == "volunteer"), extra
            stored_notes = {n.text for n in repo.jury.notes(sid)}
            assert notes <= stored_notes and len(stored_notes - notes) <= 1
            check_common(repo)
            confirmed.update({n: (v.number, v.features) for n, v in stored.items()})
            notes = stored_notes
    assert len(confirmed) > 12

    drawn = False
    for _attempt in range(5):
        lines = run_and_kill(DRAW_CHILD, [str(db), sid], data_dir,
                             random.Random(rng.random()))
        with Repo.open(db) as repo:
            drawn = _check_draw_whole(repo, sid)
            check_common(repo)
            if any(line.startswith("drawn ") for line in lines):
                assert drawn
        if drawn:
            break
    if not drawn:  # every kill landed before the end: draw once more, to the end
        with Repo.open(db) as repo:
            repo.jury.draw(sid, size=12, dice=DICE, witnesses="Juana Pérez")
    with Repo.open(db) as repo:
        assert _check_draw_whole(repo, sid)
        record = repo.jury.record(sid)
        pool = {v.key: v.features for v in repo.jury.volunteers(sid)}
        quotas = tuple(lottery.Quota(**q) for q in record.quotas)
    again = lottery.run_draw(lottery.DrawInput(pool, quotas, 12, record.seed))
    assert [int(k) for k in again.panel] == record.panel
    assert [int(k) for k in again.replacements] == record.replacements
