"""The demo process: its first (closed) nominal group shows ideas, a merge and results at once."""

from __future__ import annotations

import time

from cocrea_desktop.methods.nominal_group.demo import DEMO_BALLOTS
from cocrea_desktop.store.demo import create_demo
from cocrea_desktop.store.repo import Repo


def test_first_demo_session_has_ideas_a_merge_and_a_preliminary_vote(tmp_path, fake_clock):
    path = create_demo(tmp_path / "demo.cocrea.db", clock=fake_clock)
    with Repo.open(path, read_only=True) as repo:
        first, *others = repo.sessions()
        assert first.method == "nominal_group" and first.status == "closed"
        assert repo.phases.current(first.id).key == "results"
        ideas = repo.ideas.list(first.id)
        assert len(ideas) == 12 and repo.ideas.passes(first.id) == 2
        assert ideas[0].text == "El agua llega turbia en temporada de lluvias."
        agreed = repo.ideas.merges(first.id, status="agreed")
        assert len(agreed) == 1 and repo.ideas.by_number(first.id, 4).absorbed == (7,)
        ballots = repo.votes.ballots(first.id, "preliminary")
        assert len(ballots) == len(DEMO_BALLOTS) == 12
        assert [b.serial for b in ballots][:2] == ["0001", "0002"]
        assert sum(1 for b in ballots if b.has_voids) == 1  # the one that repeats an idea
        tally = repo.votes.tally(first.id, "preliminary")
        assert tally.ballots == 12 and tally.rows[0].option == 4 and tally.rows[0].points == 45
        assert repo.relatoria.get(first.id).convergences
        for session in others:
            assert repo.ideas.list(session.id) == []
            assert repo.votes.count_ballots(session.id, "preliminary") == 0
        assert repo.pf.verify_journal().ok and repo.pf.integrity() == "ok"


def test_a_big_demo_stays_fast(tmp_path):
    start = time.perf_counter()
    path = create_demo(tmp_path / "grande.cocrea.db", sessions=50)
    elapsed = time.perf_counter() - start
    with Repo.open(path, read_only=True) as repo:
        sessions = repo.sessions()
        assert len(sessions) == 50
        assert len(repo.ideas.list(sessions[0].id)) == 12
        assert repo.ideas.list(sessions[6].id) == []  # the repeat of the first: no data
    assert elapsed < 5  # generous: the start-up benchmark builds this one
