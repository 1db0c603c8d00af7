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
        issued = {r["serial"] for r in repo.register.issued(first.id, "preliminary")}
        assert len(issued) == 14 and {b.serial for b in ballots} <= issued
        assert repo.register.summary(first.id, "preliminary").balanced
        assert sum(1 for b in ballots if b.has_voids) == 1  # the one that repeats an idea
        tally = repo.votes.tally(first.id, "preliminary")
        assert tally.ballots == 12 and tally.rows[0].option == 4 and tally.rows[0].points == 45
        assert repo.relatoria.get(first.id).convergences
        # Anonymous attendance counts, so that the acta and the relatoría are not empty.
        totals = repo.attendance.totals(first.id)
        assert totals["sector"] == totals["sex"] == totals["age_band"] == 12
        assert repo.attendance.notice_read_aloud(first.id)
        for session in others:
            if session.method == "nominal_group" and session.status == "planned":
                assert repo.ideas.list(session.id) == []  # left empty, to try
                assert repo.votes.count_ballots(session.id, "preliminary") == 0
        # The later closed table (the youth table) has its shorter record: a report of the
        # process shows more than one table's work.
        youth = next(s for s in others if s.method == "nominal_group" and s.status == "closed")
        assert len(repo.ideas.list(youth.id)) == 8
        assert repo.votes.tally(youth.id, "preliminary").rows[0].option == 1
        assert repo.relatoria.get(youth.id).convergences
        assert max(repo.attendance.totals(youth.id).values()) == 10
        promoted = [p for p in repo.proposals.list() if p.session_id == youth.id]
        assert [p.theme for p in promoted] == ["Juventudes", "Juventudes"]
        assert repo.pf.verify_journal().ok and repo.pf.integrity() == "ok"


def test_the_demo_made_without_a_clock_records_its_visits_in_the_past(tmp_path):
    """The program makes the demo with no clock given: the tour still takes its minutes,
    and they end before now (a later real action never looks older than the demo's)."""
    import datetime as dt

    path = create_demo(tmp_path / "demo.cocrea.db")
    with Repo.open(path, read_only=True) as repo:
        fair = next(s for s in repo.sessions() if s.method == "idea_fair")
        times = [dt.datetime.fromisoformat(v.visited_at.replace("Z", "+00:00"))
                 for v in repo.fair.visits(fair.id)]
        assert len({t.replace(second=0, microsecond=0) for t in times}) == 7
        assert max(times) < dt.datetime.now(dt.timezone.utc)


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


def test_the_demo_fishbowl_and_fair_show_every_phase_filled(tmp_path, fake_clock):
    """A newcomer opening the demo's fishbowl or fair finds each phase with data in it."""
    path = create_demo(tmp_path / "demo.cocrea.db", clock=fake_clock)
    with Repo.open(path, read_only=True) as repo:
        fishbowl = next(s for s in repo.sessions() if s.method == "fishbowl")
        assert repo.phases.current(fishbowl.id).key == "vote"
        groups = repo.fishbowl.groups(fishbowl.id)
        assert len(groups) == 3 and sorted(g.turn_order for g in groups) == [1, 2, 3]
        assert all(t.done for t in repo.fishbowl.turns(fishbowl.id))
        ideas = repo.ideas.list(fishbowl.id)
        assert len(ideas) == 9 and {i.group_key for i in ideas} == {g.id for g in groups}
        assert len(repo.ideas.clusters(fishbowl.id)) == 4
        assert all(i.cluster_id for i in ideas)
        # The same demand was raised by two positions: the cluster shows they converge.
        assert any(len(raised) >= 2
                   for raised in repo.fishbowl.cluster_groups(fishbowl.id).values())
        tally = repo.votes.tally(fishbowl.id, "vote")
        assert tally.ballots == 14 and sum(r.total for r in tally.rows) == 42
        assert repo.votes.options_for(fishbowl.id, "vote").label(tally.rows[0].option) == \
            "Cuentas claras del presupuesto de obras"
        totals = repo.attendance.totals(fishbowl.id)
        assert totals["sex"] == totals["age_band"] == totals["community"] == 18
        synthesis = repo.relatoria.get(fishbowl.id)
        assert synthesis.convergences and synthesis.dissent and synthesis.next_steps

        fair = next(s for s in repo.sessions() if s.method == "idea_fair")
        assert repo.phases.current(fair.id).key == "follow_up"
        assert len(repo.fair.stands(fair.id)) == 5
        assert len(repo.fair.authorities(fair.id)) == 3
        assert fair.table_label == "Explanada · Equipos promotores"  # not the method's name
        visits = repo.fair.visits(fair.id)
        assert len(visits) == 7
        # Each visit at its own minute, in the order of the tour, over most of an hour.
        minutes = [v.visited_at[:16] for v in visits]
        assert len(set(minutes)) == 7 and minutes == sorted(minutes)
        assert len(repo.fair.interest_matrix(fair.id)) == 6
        letters = repo.fair.letters(fair.id)
        assert [letter.status for letter in letters] == ["in_progress", "in_pal"]
        assert all(letter.responsible and letter.next_meeting for letter in letters)
        assert repo.fair.attachments(letters[0].id) == []
        (scan,) = repo.fair.attachments(letters[1].id)  # the letter in the PAL is signed
        assert scan["media_type"] == "application/pdf"
        content = repo.fair.attachment_content(scan["id"])
        assert content.startswith(b"%PDF") and len(content) == scan["size"]
        tally = repo.votes.tally(fair.id, "vote")
        assert tally.ballots == 10 and tally.rows[0].option == 3
        assert repo.pf.verify_journal().ok and repo.pf.integrity() == "ok"


def test_the_demo_clock_starts_at_ten_in_the_morning_before_now():
    """The fair's visits read as a morning's whatever the hour the demo is made (they read
    3:05 a. m. when it was made at night), and the demo's clock never runs ahead."""
    import datetime as dt

    from cocrea_desktop.store.demo import DEMO_CLOCK_LEAD_SECONDS, demo_start

    for hour in (0, 3, 9, 13, 14, 23):
        now = dt.datetime(2027, 3, 6, hour, 30).astimezone().timestamp()
        start = demo_start(now)
        local = dt.datetime.fromtimestamp(start).astimezone()
        assert (local.hour, local.minute) == (10, 0)
        assert now - 86400 - DEMO_CLOCK_LEAD_SECONDS <= start <= now - DEMO_CLOCK_LEAD_SECONDS


def test_demo_route_has_two_phases_done_the_meetings_late_and_ten_actors(tmp_path, fake_clock):
    from cocrea_desktop.export.opendata import export_open_data

    path = create_demo(tmp_path / "demo.cocrea.db", clock=fake_clock)
    with Repo.open(path, clock=fake_clock) as repo:  # the day the demo was made
        standing = repo.route.standing()
        assert standing.done == 2 and standing.current.key == "meetings"
        assert [p.key for p in standing.late] == ["meetings"]
        assert repo.route.sessions_by_phase()["selection"] != []
        actors = repo.actors.list()
        assert len(actors) == 10
        assert {a.quadrant for a in actors} == {"manage", "satisfy", "inform", "monitor"}
        contacts = [a.contact_name for a in actors if a.contact_name]
        assert len(contacts) == 5
        result = export_open_data(repo, tmp_path / "abiertos")
        assert not result.leaks
        published = " ".join(p.read_text("utf-8", errors="replace") for p in result.files
                             if p.suffix in (".csv", ".json"))
        assert "Comisariado del ejido San Juan" in published
        assert all(name not in published for name in contacts)
