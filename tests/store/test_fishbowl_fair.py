"""Fishbowl and idea fair in the store: groups, drawn order, timed turns; stands to letters."""

from __future__ import annotations

import json

import pytest

from cocrea_desktop.core.errors import InvalidInput, RuleViolation
from cocrea_desktop.store.repo import Repo


@pytest.fixture
def fishbowl(repo):
    sid, _ = repo.add_session(method="fishbowl", question="¿Cómo repartir las obras?",
                              participant_count=12)
    for label in ("Agencias del norte", "Cabecera", "Comités de obra"):
        repo.fishbowl.add_group(sid, label, size=4)
    return sid


def test_order_is_drawn_and_journaled(repo, fishbowl):
    groups, _ = repo.fishbowl.draw_order(fishbowl, shuffle=lambda items: items.reverse())
    assert [g.label for g in groups] == ["Comités de obra", "Cabecera", "Agencias del norte"]
    assert [g.turn_order for g in groups] == [1, 2, 3]
    note = repo.pf.query("SELECT after FROM journal WHERE action = 'fishbowl.draw' "
                         "AND object_type = 'session'")[0]
    assert json.loads(note["after"])["result"] == [g.label for g in groups]


def test_turns_are_equal_timed_and_record_overrun_and_pauses(repo, fishbowl, fake_clock):
    repo.fishbowl.set_turn_minutes(fishbowl, 5)
    repo.fishbowl.draw_order(fishbowl, shuffle=lambda items: None)
    first = repo.fishbowl.current_turn(fishbowl)
    repo.fishbowl.start_turn(fishbowl, first.group.id)
    fake_clock.advance(120)
    repo.phases.pause_timer(fishbowl, "turns", slot=first.group.id)
    fake_clock.advance(30)  # paused: does not count
    repo.phases.resume_timer(fishbowl, "turns", slot=first.group.id)
    fake_clock.advance(200)  # 320 s run: 20 s over the 5 minutes
    assert repo.phases.remaining(fishbowl, "turns", slot=first.group.id) == -20
    repo.ideas.add(fishbowl, "Repartir por número de habitantes", group_key=first.group.id)
    with pytest.raises(RuleViolation):
        second = repo.fishbowl.turns(fishbowl)[1]
        repo.fishbowl.start_turn(fishbowl, second.group.id)  # the first is still inside
    repo.fishbowl.end_turn(fishbowl, first.group.id)
    turn = repo.fishbowl.turns(fishbowl)[0]
    assert turn.done and turn.overrun_seconds == 20 and turn.pauses == 1
    assert repo.fishbowl.current_turn(fishbowl).group.label == "Cabecera"
    with pytest.raises(RuleViolation):
        repo.fishbowl.start_turn(fishbowl, first.group.id)  # once only
    with pytest.raises(RuleViolation):
        repo.fishbowl.add_group(fishbowl, "Tarde")  # groups are fixed once turns start


def test_clusters_show_which_groups_converge(repo, fishbowl):
    groups = repo.fishbowl.groups(fishbowl)
    a, _ = repo.ideas.add(fishbowl, "Obras por población", group_key=groups[0].id)
    b, _ = repo.ideas.add(fishbowl, "Obras según habitantes", group_key=groups[1].id)
    c, _ = repo.ideas.add(fishbowl, "Caminos primero", group_key=groups[2].id)
    cluster, _ = repo.ideas.add_cluster(fishbowl, "Repartir por población")
    other, _ = repo.ideas.add_cluster(fishbowl, "Caminos")
    repo.ideas.set_cluster([a.id, b.id], cluster.id)
    repo.ideas.set_cluster([c.id], other.id)
    shared = repo.fishbowl.cluster_groups(fishbowl)
    assert sorted(shared[cluster.id]) == ["Agencias del norte", "Cabecera"]
    assert shared[other.id] == ["Comités de obra"]
    # The vote is on the clusters, with dots.
    assert repo.votes.options(fishbowl) == [1, 2]
    vote_round = repo.votes.round(fishbowl, "vote")
    assert vote_round.kind == "dots"
    repo.votes.configure(fishbowl, "vote", dots_per_person=3, max_per_option=2)
    repo.votes.enter_ballot(fishbowl, "vote", "1 1 2")
    ballot, _ = repo.votes.enter_ballot(fishbowl, "vote", "1 1 1")
    assert ballot.has_voids  # a third dot on one cluster is over the limit of 2
    tally = repo.votes.tally(fishbowl, "vote")
    assert [(r.option, r.dots) for r in tally.rows] == [(1, 4), (2, 1)]


def test_bad_group_input(repo, fishbowl):
    with pytest.raises(InvalidInput):
        repo.fishbowl.add_group(fishbowl, "  ")
    with pytest.raises(InvalidInput):
        repo.fishbowl.set_turn_minutes(fishbowl, 0)


@pytest.fixture
def fair(repo):
    sid, _ = repo.add_session(method="idea_fair", question="¿Qué proyectos sumamos al PAL?")
    repo.fair.add_stand(sid, title="Huertos escolares", organisation="Colectivo Milpa",
                        contact_name="María López Cruz", contact_phone="951 123 4567",
                        problem="Malnutrición infantil", asks="Terreno y riego")
    repo.fair.add_stand(sid, title="Radio comunitaria", number=7)
    repo.fair.add_authority(sid, name="Ing. Pedro Ruiz", post="Director", agency="Obras Públicas")
    repo.fair.add_authority(sid, name="Lic. Ana Soto", post="Regidora", agency="Cabildo")
    return sid


def test_stands_visits_interest_and_letters(repo, fair, tmp_path):
    assert [s.number for s in repo.fair.stands(fair)] == [1, 7]
    with pytest.raises(InvalidInput):
        repo.fair.add_stand(fair, title="Otro", number=7)
    repo.fair.log_visit(fair, 1, 2, "Pidió ver el terreno")
    repo.fair.log_visit(fair, 7, 1)
    assert [(v.stand_number, v.authority_number) for v in repo.fair.visits(fair)] == [(1, 2), (7, 1)]
    repo.fair.set_interest(fair, 1, 2, "commit")
    repo.fair.set_interest(fair, 7, 1, "meeting")
    repo.fair.set_interest(fair, 7, 1, "interested")
    assert repo.fair.interest_matrix(fair) == {(1, 2): "commit", (7, 1): "interested"}
    letter, _ = repo.fair.draft_letter(fair, 1, 2, authority_commits="Gestionar el riego",
                                       team_commits="Cuidar el huerto", next_step="Visita",
                                       next_step_date="2027-03-01")
    assert letter.folio == "CC-001" and letter.status == "pending"
    with pytest.raises(InvalidInput):
        repo.fair.set_letter_status(letter.id, "dropped")  # a reason is required
    repo.fair.set_letter_status(letter.id, "in_pal")
    scan = tmp_path / "carta-firmada.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    digest, _ = repo.fair.attach(letter.id, scan)
    attached = repo.fair.attachments(letter.id)
    assert attached[0]["sha256"] == digest and attached[0]["size"] == scan.stat().st_size
    assert repo.fair.attachment_content(attached[0]["id"]) == scan.read_bytes()
    journal = repo.pf.query("SELECT after FROM journal WHERE object_type = 'attachment'")
    assert digest in journal[0]["after"]  # the hash is in the evidence trail
    with pytest.raises(InvalidInput):
        repo.fair.attach(letter.id, tmp_path / "nota.txt")
    assert repo.pf.verify_journal().ok


def test_contact_person_never_in_the_journal_in_clear(repo, fair, db_path):
    repo.close()
    raw = " ".join(str(r) for r in Repo.open(db_path, read_only=True).pf.query(
        "SELECT before, after FROM journal"))
    assert "María López" not in raw and "951 123 4567" not in raw
    assert "Huertos escolares" in raw


def test_public_dot_vote_per_stand(repo, fair):
    repo.votes.configure(fair, "vote", dots_per_person=2, max_per_option=1)
    repo.votes.set_counts(fair, "vote", {1: 14, 7: 9}, counter="Equipo STL",
                          participants=12)
    tally = repo.votes.tally(fair, "vote")
    assert [(r.option, r.count) for r in tally.rows] == [(1, 14), (7, 9)]
    assert tally.expected == 24 and tally.mismatch == -1


def test_group_member_names_never_in_the_journal_in_clear(repo):
    sid, _ = repo.add_session(method="fishbowl", question="¿Obras?")
    group, _ = repo.fishbowl.add_group(sid, "Norte", size=2, members="Juana Pérez, Pablo Ruiz")
    assert repo.fishbowl.group(group.id).members == "Juana Pérez, Pablo Ruiz"
    journal = " ".join((r["before"] or "") + (r["after"] or "")
                       for r in repo.pf.query("SELECT before, after FROM journal"))
    assert "Juana" not in journal and "Norte" in journal and "hmac:" in journal


def test_the_next_step_date_fills_the_follow_up_meeting_without_overwriting_it(repo, fair):
    letter, changes = repo.fair.draft_letter(fair, 1, 2, next_step="Visita al terreno",
                                             next_step_date="2027-03-01")
    assert letter.next_meeting == "2027-03-01"       # one step: the letter and its follow-up
    assert repo.undo_label() == "redactar la carta CC-001"
    # A corrected next-step date moves the meeting the follow-up has not changed.
    repo.fair.edit_letter(letter.id, next_step_date="2027-03-08")
    assert repo.fair.letter(letter.id).next_meeting == "2027-03-08"
    repo.undo()
    assert repo.fair.letter(letter.id).next_meeting == "2027-03-01"
    # The follow-up sets its own meeting: a later edit of the letter leaves it alone.
    repo.fair.edit_letter(letter.id, next_meeting="2027-03-02 10:00", responsible="Ing. Ruiz")
    repo.fair.edit_letter(letter.id, next_step_date="2027-03-15")
    after = repo.fair.letter(letter.id)
    assert (after.next_step_date, after.next_meeting) == ("2027-03-15", "2027-03-02 10:00")
    # A letter without a date leaves the follow-up empty; a date given later fills it.
    second, _ = repo.fair.draft_letter(fair, 7, 1)
    assert second.next_meeting == ""
    repo.fair.edit_letter(second.id, next_step_date="2027-04-05")
    assert repo.fair.letter(second.id).next_meeting == "2027-04-05"
    with pytest.raises(InvalidInput, match="no es válida"):
        repo.fair.edit_letter(second.id, next_step_date="5 de abril")
    assert repo.fair.letter(second.id).next_step_date == "2027-04-05"
    repo.undo()
    assert (repo.fair.letter(second.id).next_step_date,
            repo.fair.letter(second.id).next_meeting) == ("", "")


def test_the_room_shows_no_idle_clock_once_every_group_has_spoken(repo, fishbowl):
    """Walk-through defect: after the last turn the room read "10:00 Tiempo sin iniciar"."""
    from cocrea_desktop.export.room_state import room_state

    while repo.phases.current(fishbowl).kind != "turns":
        repo.phases.forward(fishbowl)
    repo.fishbowl.draw_order(fishbowl, shuffle=lambda items: None)
    assert room_state(repo, fishbowl).timer_seconds is not None  # a turn to come: its clock
    for turn in repo.fishbowl.turns(fishbowl):
        repo.fishbowl.start_turn(fishbowl, turn.group.id)
        repo.fishbowl.end_turn(fishbowl, turn.group.id)
    state = room_state(repo, fishbowl)
    assert state.timer_seconds is None and state.timer_caption == ""


def test_a_typed_next_meeting_is_kept_as_a_date_on_drafting_as_on_editing(repo, fair):
    # Drafting used to keep "06/03/2027" as typed while editing turned it into ISO, so the
    # follow-up showed one meeting as a date and another as text.
    letter, _ = repo.fair.draft_letter(fair, 1, 2, next_meeting="06/03/2027")
    assert letter.next_meeting == "2027-03-06"
    repo.fair.edit_letter(letter.id, next_meeting=" el primer lunes del mes ")
    assert repo.fair.letter(letter.id).next_meeting == "el primer lunes del mes"
