"""Ideas of a nominal group through the store: numbering, turns, passes, edits, withdrawal,
merges, clusters, and the lock once voting has started (methods.md, "Shared by every method")."""

from __future__ import annotations

import json

import pytest

from cocrea_desktop.core.errors import InvalidInput, NotFound, RuleViolation
from cocrea_desktop.store.ideas import MAX_IDEA_LENGTH, next_turn
from cocrea_desktop.store.repo import Repo


@pytest.fixture
def sid(repo):
    session_id, _ = repo.add_session(method="nominal_group",
                                     question="¿Qué problemas de agua tiene la comunidad?",
                                     participant_count=3)
    return session_id


def add(repo, sid, *texts):
    return [repo.ideas.add(sid, t)[0] for t in texts]


def journal(repo, action):
    return repo.pf.query("SELECT * FROM journal WHERE action = ? ORDER BY seq", [action])


# -- numbering, rounds and turns ------------------------------------------------------------

def test_ideas_are_numbered_1_to_n_verbatim_without_author(repo, sid):
    ideas = add(repo, sid, "  El agua llega   turbia ", "Hay fugas en la red", "No hay pipas")
    assert [i.number for i in ideas] == [1, 2, 3]
    assert ideas[0].text == "El agua llega turbia"  # spaces tidied, words kept
    columns = {r["name"] for r in repo.pf.query("PRAGMA table_info(idea)")}
    assert not columns & {"author", "person_id", "name"}
    assert [i.number for i in repo.ideas.list(sid)] == [1, 2, 3]
    assert repo.ideas.by_number(sid, 2).text == "Hay fugas en la red"
    with pytest.raises(NotFound):
        repo.ideas.by_number(sid, 9)


def test_numbers_are_per_session(repo, sid):
    other, _ = repo.add_session(method="nominal_group", question="¿Otra mesa?")
    add(repo, sid, "Uno", "Dos")
    assert [i.number for i in add(repo, other, "Primera de la otra mesa")] == [1]


@pytest.mark.parametrize("text, words", [
    ("   ", "vacía"),
    ("x" * (MAX_IDEA_LENGTH + 1), "demasiado larga"),
])
def test_empty_or_overlong_ideas_are_refused_and_nothing_written(repo, sid, text, words):
    before = repo.pf.scalar("SELECT COUNT(*) FROM journal")
    with pytest.raises(InvalidInput, match=words):
        repo.ideas.add(sid, text)
    assert repo.pf.scalar("SELECT COUNT(*) FROM journal") == before


def test_round_and_turn_follow_the_participant_count(repo, sid):
    # 3 participants: turns 1, 2, 3, then round 2 starts at turn 1.
    ideas = add(repo, sid, "a", "b", "c", "d")
    assert [(i.round, i.turn) for i in ideas] == [(1, 1), (1, 2), (1, 3), (2, 1)]
    assert repo.ideas.upcoming_turn(sid) == (2, 2)


def test_without_participant_count_the_round_only_moves_when_asked(repo):
    sid, _ = repo.add_session(method="nominal_group", question="¿Sin conteo?")
    ideas = add(repo, sid, "a", "b", "c", "d")
    assert [(i.round, i.turn) for i in ideas] == [(1, 1), (1, 2), (1, 3), (1, 4)]
    idea, _ = repo.ideas.add(sid, "e", new_round=True)
    assert (idea.round, idea.turn) == (2, 1)


@pytest.mark.parametrize("last, people, expected", [
    ((0, 0), 5, (1, 1)), ((1, 4), 5, (1, 5)), ((1, 5), 5, (2, 1)), ((3, 9), 0, (3, 10)),
])
def test_next_turn(last, people, expected):
    assert next_turn(*last, people) == expected


def test_passes_take_a_turn_and_are_counted(repo, sid):
    add(repo, sid, "a")
    repo.ideas.pass_turn(sid)           # round 1, turn 2: "paso"
    idea = add(repo, sid, "b")[0]       # round 1, turn 3
    assert (idea.round, idea.turn) == (1, 3)
    repo.ideas.pass_turn(sid)           # round 2, turn 1
    assert repo.ideas.passes(sid) == 2
    assert repo.ideas.last_turn(sid) == (2, 1)
    assert repo.undo_label() == "registrar «paso» (vuelta 2, turno 1)"
    assert len(repo.ideas.list(sid)) == 2  # a pass is not an idea


# -- edit, withdraw ---------------------------------------------------------------------------

def test_edit_keeps_the_earlier_wording_in_the_journal(repo, sid):
    idea = add(repo, sid, "El agua llega sucia")[0]
    repo.ideas.edit(idea.id, "El agua llega turbia cuando llueve")
    assert repo.ideas.get(idea.id).text == "El agua llega turbia cuando llueve"
    assert repo.ideas.get(idea.id).number == 1
    entry = journal(repo, "idea.edit")[-1]
    assert json.loads(entry["before"])["text"] == "El agua llega sucia"
    assert json.loads(entry["after"])["text"] == "El agua llega turbia cuando llueve"
    assert repo.undo_label() == "editar la idea 1"
    with pytest.raises(InvalidInput):
        repo.ideas.edit(idea.id, "  ")


def test_withdraw_needs_a_reason_and_the_idea_stays_visible(repo, sid):
    ideas = add(repo, sid, "a", "b", "c")
    with pytest.raises(InvalidInput, match="motivo"):
        repo.ideas.withdraw(ideas[1].id, "  ")
    repo.ideas.withdraw(ideas[1].id, "Quien la dijo la retiró")
    listed = repo.ideas.list(sid)
    assert [(i.number, i.status) for i in listed] == [(1, "active"), (2, "withdrawn"),
                                                      (3, "active")]
    assert listed[1].withdraw_reason == "Quien la dijo la retiró"
    assert repo.ideas.active_numbers(sid) == [1, 3]
    assert [i.number for i in repo.ideas.list(sid, include_inactive=False)] == [1, 3]
    assert json.loads(journal(repo, "idea.withdraw")[-1]["after"])["withdraw_reason"] == \
        "Quien la dijo la retiró"
    repo.ideas.restore(ideas[1].id)
    assert repo.ideas.get(ideas[1].id).status == "active"
    with pytest.raises(RuleViolation):
        repo.ideas.restore(ideas[1].id)  # not withdrawn any more
    # numbers are never reused
    assert add(repo, sid, "d")[0].number == 4


# -- merges ---------------------------------------------------------------------------------

def test_merge_keeps_the_lowest_number_and_lists_the_absorbed(repo, sid):
    add(repo, sid, "Fugas", "Agua turbia", "Hay muchas fugas", "Tubería rota, se fuga")
    merge, _ = repo.ideas.propose_merge(sid, [4, 3, 1])
    assert (merge.status, merge.into_number, merge.from_numbers) == ("proposed", 1, (3, 4))
    assert repo.ideas.active_numbers(sid) == [1, 2, 3, 4]  # a proposal changes nothing yet
    repo.ideas.agree_merge(merge.id)
    assert repo.undo_label() == "fusionar las ideas 1, 3, 4"
    by_number = {i.number: i for i in repo.ideas.list(sid)}
    assert by_number[1].absorbed == (3, 4) and by_number[1].active
    assert by_number[3].status == "merged" and by_number[3].merged_into_number == 1
    assert by_number[4].merged_into_number == 1
    assert by_number[3].text == "Hay muchas fugas"  # nothing deleted
    assert repo.ideas.active_numbers(sid) == [1, 2]
    assert repo.ideas.merge(merge.id).status == "agreed"
    with pytest.raises(RuleViolation):
        repo.ideas.agree_merge(merge.id)


def test_merge_proposal_can_be_rejected(repo, sid):
    add(repo, sid, "a", "b")
    merge, _ = repo.ideas.propose_merge(sid, [1, 2])
    repo.ideas.reject_merge(merge.id)
    assert repo.ideas.merge(merge.id).status == "rejected"
    assert repo.ideas.active_numbers(sid) == [1, 2]
    assert [m.id for m in repo.ideas.merges(sid, status="rejected")] == [merge.id]
    with pytest.raises(RuleViolation):
        repo.ideas.agree_merge(merge.id)


def test_agreed_merge_can_be_undone_by_the_room_or_with_undo(repo, sid):
    add(repo, sid, "a", "b", "c")
    merge, _ = repo.ideas.propose_merge(sid, [2, 3])
    repo.ideas.agree_merge(merge.id)
    repo.undo()  # Ctrl+Z: the agreement goes, the proposal stays
    assert repo.ideas.merge(merge.id).status == "proposed"
    assert repo.ideas.active_numbers(sid) == [1, 2, 3]
    repo.redo()
    assert repo.ideas.active_numbers(sid) == [1, 2]
    repo.ideas.undo_merge(merge.id)  # the room changes its mind: a journaled action
    assert repo.ideas.merge(merge.id).status == "undone"
    assert repo.ideas.active_numbers(sid) == [1, 2, 3]
    assert repo.ideas.by_number(sid, 2).absorbed == ()
    assert repo.ideas.by_number(sid, 3).merged_into is None
    assert journal(repo, "merge.undo")
    with pytest.raises(RuleViolation):
        repo.ideas.undo_merge(merge.id)


def test_merge_needs_two_active_ideas(repo, sid):
    add(repo, sid, "a", "b", "c")
    with pytest.raises(InvalidInput):
        repo.ideas.propose_merge(sid, [2, 2])
    repo.ideas.withdraw(repo.ideas.by_number(sid, 3).id, "repetida")
    with pytest.raises(RuleViolation, match="no está vigente"):
        repo.ideas.propose_merge(sid, [1, 3])
    with pytest.raises(NotFound):
        repo.ideas.propose_merge(sid, [1, 7])
    # a proposal goes stale when one of its ideas is withdrawn before the room agrees
    merge, _ = repo.ideas.propose_merge(sid, [1, 2])
    repo.ideas.withdraw(repo.ideas.by_number(sid, 2).id, "la retiró quien la dijo")
    with pytest.raises(RuleViolation, match="ya no está vigente"):
        repo.ideas.agree_merge(merge.id)


def test_a_merged_idea_cannot_be_withdrawn(repo, sid):
    add(repo, sid, "a", "b")
    merge, _ = repo.ideas.propose_merge(sid, [1, 2])
    repo.ideas.agree_merge(merge.id)
    with pytest.raises(RuleViolation, match="fusionada en la 1"):
        repo.ideas.withdraw(repo.ideas.by_number(sid, 2).id, "x")


def test_merging_into_a_merge_lists_every_absorbed_number(repo, sid):
    # 2 absorbs 5; then 1 absorbs 2: idea 1 stands for 1, 2 and 5.
    add(repo, sid, "a", "b", "c", "d", "e")
    inner, _ = repo.ideas.propose_merge(sid, [2, 5])
    repo.ideas.agree_merge(inner.id)
    outer, _ = repo.ideas.propose_merge(sid, [1, 2])
    repo.ideas.agree_merge(outer.id)
    one = repo.ideas.by_number(sid, 1)
    assert one.absorbed == (2, 5)
    assert repo.ideas.active_numbers(sid) == [1, 3, 4]


# -- clusters ---------------------------------------------------------------------------------

def test_clusters_label_ideas_and_can_be_renamed_and_emptied(repo, sid):
    ideas = add(repo, sid, "Fugas", "Tandeo", "Cobro")
    cluster, _ = repo.ideas.add_cluster(sid, "  Red de   agua ")
    assert (cluster.number, cluster.label) == (1, "Red de agua")
    second, _ = repo.ideas.add_cluster(sid, "Cuentas claras")
    assert second.number == 2
    repo.ideas.set_cluster([ideas[0].id, ideas[1].id], cluster.id)
    repo.ideas.set_cluster([ideas[2].id], second.id)
    assert [i.cluster_id for i in repo.ideas.list(sid)] == [cluster.id, cluster.id, second.id]
    repo.ideas.rename_cluster(cluster.id, "Red y tandeo")
    assert [c.label for c in repo.ideas.clusters(sid)] == ["Red y tandeo", "Cuentas claras"]
    repo.ideas.set_cluster([ideas[1].id], None)
    assert repo.ideas.get(ideas[1].id).cluster_id is None
    with pytest.raises(InvalidInput):
        repo.ideas.add_cluster(sid, " ")
    with pytest.raises(NotFound):
        repo.ideas.set_cluster([ideas[0].id], "no-existe")


# -- locked once voting has started ----------------------------------------------------------

def start_voting(repo, sid):
    for key in ("silent_writing", "round", "clarification", "preliminary_vote"):
        repo.phases.go_to(sid, key)
    assert repo.phases.voting_started(sid)


def test_ideas_are_locked_once_voting_started(repo, sid):
    add(repo, sid, "a", "b", "c", "d")
    proposed, _ = repo.ideas.propose_merge(sid, [1, 2])
    agreed, _ = repo.ideas.propose_merge(sid, [3, 4])
    repo.ideas.agree_merge(agreed.id)
    start_voting(repo, sid)
    a = repo.ideas.by_number(sid, 1)
    before = repo.pf.scalar("SELECT COUNT(*) FROM journal")
    attempts = [
        lambda: repo.ideas.add(sid, "nueva"),
        lambda: repo.ideas.pass_turn(sid),
        lambda: repo.ideas.edit(a.id, "otra redacción"),
        lambda: repo.ideas.withdraw(a.id, "motivo"),
        lambda: repo.ideas.propose_merge(sid, [1, 2]),
        lambda: repo.ideas.agree_merge(proposed.id),
        lambda: repo.ideas.undo_merge(agreed.id),
    ]
    for attempt in attempts:
        with pytest.raises(RuleViolation, match="votación"):
            attempt()
    assert repo.pf.scalar("SELECT COUNT(*) FROM journal") == before
    # going back does not unlock: numbers never change once voting starts
    repo.phases.back(sid)
    with pytest.raises(RuleViolation):
        repo.ideas.add(sid, "nueva")
    assert repo.ideas.active_numbers(sid) == [1, 2, 3]


def test_a_first_ballot_also_locks_the_ideas(repo, sid):
    add(repo, sid, "a", "b", "c")
    repo.votes.enter_ballot(sid, "preliminary", "1 2")
    with pytest.raises(RuleViolation):
        repo.ideas.add(sid, "tarde")


def test_ideas_survive_closing_and_reopening(repo, sid, db_path, fake_clock):
    add(repo, sid, "a", "b", "c")
    merge, _ = repo.ideas.propose_merge(sid, [1, 3])
    repo.ideas.agree_merge(merge.id)
    repo.close()
    with Repo.open(db_path, clock=fake_clock) as again:
        assert [(i.number, i.status, i.absorbed) for i in again.ideas.list(sid)] == [
            (1, "active", (3,)), (2, "active", ()), (3, "merged", ())]
        assert again.pf.verify_journal().ok
