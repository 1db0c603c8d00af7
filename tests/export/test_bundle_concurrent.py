"""Concurrent work on one session from several laptops: every import order, one result.

Real laptops (their own keys and process files), real signed zip bundles, real SQLite.
"""

from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from cocrea_desktop.core.clock import FakeClock
from cocrea_desktop.core.errors import RuleViolation
from cocrea_desktop.export import bundle as B
from cocrea_desktop.store import merge
from cocrea_desktop.store.repo import Repo
from tests.export.bundle_helpers import CREATED, device, laptop_copy, office_process

OFFICE = device("oficina")
LAPTOPS = [device("laptop-" + n) for n in ("a", "b", "c")]
START = 1_806_000_000.0
#: Bookkeeping that records when and in which order things happened, not what the data is.
ORDERED = {"journal", "bundle_import", "_sqlite_migrations", "key_trust", "merge_conflict"}


def _data(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        found = {n: sorted(conn.execute(f"SELECT * FROM {n}").fetchall(), key=repr)
                 for n in names if n not in ORDERED}
        # The open conflicts (what a person is asked) of ballots entered twice are the same
        # in any order. Edits of one row on
        # three laptops pair up with the version standing when each arrives: the same rows
        # are asked about in any order, not always as the same pairs.
        found["merge_conflict"] = sorted(conn.execute(
            "SELECT id, table_name, row_id, resolution FROM merge_conflict "
            "WHERE resolution != 'edit' AND status = 'open'").fetchall())
        found["merge_conflict_edit"] = sorted(set(conn.execute(
            "SELECT table_name, row_id FROM merge_conflict "
            "WHERE resolution = 'edit' AND status = 'open'").fetchall()))
        return found
    finally:
        conn.close()


def _copy(src: Path, dest: Path) -> Path:
    a, b = sqlite3.connect(str(src)), sqlite3.connect(str(dest))
    a.backup(b)
    a.close()
    b.close()
    return dest


class World:
    """An office process with one session for ideas and one for paper ballots."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        clock = FakeClock(START)
        office = office_process(tmp / "base.cocrea.db", OFFICE, clock)
        self.ideas, _c = office.add_session(method="nominal_group", question="¿Qué falta?",
                                            table_label="Mesa 1", date="2027-04-02")
        self.votes, _c = office.add_session(method="nominal_group", question="¿Qué primero?",
                                            table_label="Mesa 2", date="2027-04-02")
        for text in ("Agua", "Luz", "Caminos"):
            office.ideas.add(self.votes, text)
        office.votes.configure(self.votes, "final", k=2)
        office.pf.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.office = office
        self.n = 0

    def laptop(self, index: int) -> tuple[Repo, FakeClock]:
        # Each laptop's clock starts at its own moment: concurrent work interleaves.
        clock = FakeClock(START + 100 + index * 7)
        self.n += 1
        dev = LAPTOPS[index]
        return laptop_copy(self.office, self.tmp / f"{dev.name}-{self.n}.cocrea.db", dev,
                           clock), clock

    def merged(self, bundles: list[bytes], name: str) -> Path:
        path = _copy(self.tmp / "base.cocrea.db", self.tmp / name)
        with Repo.open(path, device=OFFICE, clock=FakeClock(START + 10_000)) as repo:
            for data in bundles:
                B.import_bundle(repo.pf, B.open_bundle(data), accept_key=True)
        return path


def export(repo: Repo, dev) -> bytes:
    return B.export_bundle(repo.path, device=dev, created_at=CREATED).data


def test_three_laptops_adding_ideas_to_one_session_end_the_same_in_all_six_orders(tmp_path):
    world = World(tmp_path)
    bundles = []
    for index, count in enumerate((5, 4, 4)):
        laptop, clock = world.laptop(index)
        for i in range(count):
            clock.advance(30)
            laptop.ideas.add(world.ideas, f"Idea {i + 1} de la laptop {'ABC'[index]}")
        bundles.append(export(laptop, LAPTOPS[index]))
        laptop.close()
    results = []
    for n, order in enumerate(itertools.permutations(range(3))):
        path = world.merged([bundles[i] for i in order], f"orden-{n}.cocrea.db")
        results.append(_data(path))
        with Repo.open(path, device=OFFICE) as repo:
            ideas = repo.ideas.list(world.ideas)
            assert merge.list_conflicts(repo.pf) == []  # no idea is set against another
            with pytest.raises(RuleViolation, match="A-2, B-2, C-2"):
                repo.ideas.by_number(world.ideas, 2)  # never one of them picked silently
    assert all(r == results[0] for r in results[1:])
    assert len(results[0]["idea"]) == 3 + 13
    # Every idea keeps the number the room saw; the laptop's letter tells them apart.
    assert [i.label for i in ideas] == ([f"A-{n}" for n in range(1, 6)]
                                        + [f"B-{n}" for n in range(1, 5)]
                                        + [f"C-{n}" for n in range(1, 5)])
    assert {i.label: i.text for i in ideas}["B-2"] == "Idea 2 de la laptop B"
    assert sorted(i.number for i in ideas) == sorted([*range(1, 6), *range(1, 5), *range(1, 5)])
    world.office.close()


def test_one_laptop_alone_shows_plain_numbers_and_a_handoff_continues_them(tmp_path):
    world = World(tmp_path)
    a, clock = world.laptop(0)
    a.ideas.add(world.ideas, "Agua")
    a.ideas.add(world.ideas, "Luz")
    b, _ = world.laptop(1)
    B.import_bundle(b.pf, B.open_bundle(export(a, LAPTOPS[0])), accept_key=True)
    b.ideas.add(world.ideas, "Caminos")  # B continues the session after A: number 3
    assert [i.label for i in b.ideas.list(world.ideas)] == ["1", "2", "3"]
    for repo in (a, b):
        repo.close()
    world.office.close()


@settings(max_examples=12, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(counts=st.lists(st.integers(0, 3), min_size=3, max_size=3),
       serials=st.lists(st.sampled_from(["", "S-1", "S-2"]), min_size=3, max_size=3),
       undo=st.lists(st.booleans(), min_size=3, max_size=3),
       order=st.permutations(range(6)))
def test_any_import_order_gives_identical_tables(tmp_path_factory, counts, serials, undo,
                                                 order):
    """Ideas, ballots with shared serials, and captures undone after an export."""
    world = World(tmp_path_factory.mktemp("orden"))
    bundles = []
    for index in range(3):
        laptop, clock = world.laptop(index)
        for i in range(counts[index]):
            clock.advance(30)
            laptop.ideas.add(world.ideas, f"Idea {i + 1} de {index}")
        if serials[index]:
            laptop.votes.enter_ballot(world.votes, "final", "1 2", serial=serials[index])
        bundles.append(export(laptop, LAPTOPS[index]))
        if undo[index] and counts[index]:
            if serials[index]:
                laptop.pf.undo()  # the ballot
            laptop.pf.undo()  # the last idea
            clock.advance(30)
            laptop.ideas.add(world.ideas, "Otra idea")  # takes the freed number
        bundles.append(export(laptop, LAPTOPS[index]))
        laptop.close()
    straight = _data(world.merged(bundles, "recto.cocrea.db"))
    shuffled = _data(world.merged([bundles[i] for i in order], "revuelto.cocrea.db"))
    assert shuffled == straight
    texts = [r for r in straight["idea"]]
    expected = 3 + sum(counts)
    assert len(texts) == expected
    # Never counted twice: at most one counted ballot per serial.
    statuses: dict[str, list[str]] = {}
    for row in straight["ballot"]:
        statuses.setdefault(row[3], []).append(row[5])
    for serial, found in statuses.items():
        assert found.count("counted") <= 1 or not serial
        if len(found) > 1:
            assert set(found) == {"disputed"}
    world.office.close()


def test_an_undone_capture_travels_as_a_tombstone_in_either_order(tmp_path):
    world = World(tmp_path)
    a, clock = world.laptop(0)
    a.ideas.add(world.ideas, "Agua")
    clock.advance(30)
    a.ideas.add(world.ideas, "Idea capturada por error")
    before = export(a, LAPTOPS[0])
    a.pf.undo()
    after = export(a, LAPTOPS[0])
    a.close()
    for name, order in (("uno.cocrea.db", [before, after]), ("dos.cocrea.db", [after, before])):
        path = world.merged(order, name)
        with Repo.open(path, device=OFFICE) as repo:
            assert [i.text for i in repo.ideas.list(world.ideas)] == ["Agua"]
    assert _data(tmp_path / "uno.cocrea.db") == _data(tmp_path / "dos.cocrea.db")
    # A third file that got the idea from the office's earlier bundle does not bring it back.
    early = world.merged([before], "temprano.cocrea.db")
    with Repo.open(early, device=OFFICE, clock=FakeClock(START + 20_000)) as repo:
        relay = B.export_bundle(repo.path, device=OFFICE, created_at=CREATED).data
    path = world.merged([after, relay], "tres.cocrea.db")
    with Repo.open(path, device=OFFICE) as repo:
        assert [i.text for i in repo.ideas.list(world.ideas)] == ["Agua"]
    world.office.close()


def test_a_withdrawal_after_an_export_reaches_the_office(tmp_path):
    world = World(tmp_path)
    a, clock = world.laptop(0)
    idea, _c = a.ideas.add(world.ideas, "Agua")
    first = export(a, LAPTOPS[0])
    clock.advance(30)
    a.ideas.withdraw(idea.id, "La persona la retiró")
    second = export(a, LAPTOPS[0])
    a.close()
    for name, order in (("uno.cocrea.db", [first, second]), ("dos.cocrea.db", [second, first])):
        path = world.merged(order, name)
        with Repo.open(path, device=OFFICE) as repo:
            assert repo.ideas.get(idea.id).status == "withdrawn"
    world.office.close()


@pytest.mark.parametrize("first", [0, 1])
def test_the_import_dialog_summary_names_the_new_conflict_kind(tmp_path, first):
    world = World(tmp_path)
    bundles = []
    for index in range(2):
        laptop, _clock = world.laptop(index)
        laptop.votes.enter_ballot(world.votes, "final", "1 2", serial="S-9")
        bundles.append(export(laptop, LAPTOPS[index]))
        laptop.close()
    path = world.merged([bundles[first], bundles[1 - first]], "x.cocrea.db")
    with Repo.open(path, device=OFFICE) as repo:
        [conflict] = [c for c in merge.list_conflicts(repo.pf) if c.table == "ballot"]
        assert conflict.kind == "serial"
        assert merge.conflict_kind_label(conflict.kind) == "misma boleta en dos equipos"
    world.office.close()


@settings(max_examples=10, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(counts=st.lists(st.integers(1, 3), min_size=3, max_size=3),
       edits=st.lists(st.booleans(), min_size=3, max_size=3),
       relay=st.lists(st.booleans(), min_size=3, max_size=3),
       order=st.permutations(range(6)))
def test_edits_journaled_as_diffs_merge_the_same_in_any_order(tmp_path_factory, counts, edits,
                                                              relay, order):
    """Edits (journaled as the fields that changed), edits of another laptop's idea after
    importing it, and bundles exported before and after: one merged file in any order."""
    world = World(tmp_path_factory.mktemp("diffs"))
    bundles: list[bytes] = []
    for index in range(3):
        laptop, clock = world.laptop(index)
        if relay[index] and bundles:
            B.import_bundle(laptop.pf, B.open_bundle(bundles[-1]), accept_key=True)
        added = []
        for i in range(counts[index]):
            clock.advance(30)
            added.append(laptop.ideas.add(world.ideas, f"Idea {i + 1} de {index}")[0].id)
        bundles.append(export(laptop, LAPTOPS[index]))
        clock.advance(30)
        if edits[index]:
            laptop.ideas.edit(added[0], f"Idea corregida en {index}")
        others = [i for i in laptop.ideas.list(world.ideas) if i.id not in added]
        if relay[index] and others:
            laptop.ideas.edit(others[0].id, f"{others[0].text}, revisada en {index}")
        bundles.append(export(laptop, LAPTOPS[index]))
        laptop.close()
    straight = _data(world.merged(bundles, "recto.cocrea.db"))
    shuffled = _data(world.merged([bundles[i] for i in order], "revuelto.cocrea.db"))
    assert shuffled == straight
    assert len(straight["idea"]) == 3 + sum(counts)
    texts = {row[3] for row in straight["idea"]}
    for index in range(3):
        # An edit nobody else touched reaches the office whole (a fast-forward rebuilt
        # from the diff); one edited on two laptops is a kept conflict.
        if edits[index] and not any(relay[index + 1:]):
            assert f"Idea corregida en {index}" in texts
    world.office.close()
