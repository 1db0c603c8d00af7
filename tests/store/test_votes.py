"""Ballots, typed counts, the rule of a round and the tally, through the store on real files.

The expected tallies are worked out by hand in the comments: P = points, V = mentions
(ballots naming the idea), D(r) = ballots giving it r points, then the ranks the cascade
gives (points, then breadth, then strength, then a declared tie).
"""

from __future__ import annotations

import pytest

from cocrea_desktop.core.errors import InvalidInput, RuleViolation
from cocrea_desktop.core.voting.ties import BREADTH, DECLARED, STRENGTH
from cocrea_desktop.store.repo import Repo

PRE = "preliminary"


def make_session(repo, n_ideas: int, *, participants: int = 0) -> str:
    sid, _ = repo.add_session(method="nominal_group", question="¿Qué falta en el agua?",
                              participant_count=participants)
    for i in range(1, n_ideas + 1):
        repo.ideas.add(sid, "Idea número {}".format(i))
    return sid


def row_tuple(row):
    return row.option, row.points, row.mentions, row.distribution, row.rank


# -- the rule of a round: k ----------------------------------------------------------------

def test_default_k_is_5_but_never_above_n_minus_1(repo):
    assert repo.votes.round(make_session(repo, 8), PRE).k == 5
    assert repo.votes.round(make_session(repo, 4), PRE).k == 3
    assert repo.votes.round(make_session(repo, 6), "final").k == 5


def test_k_can_be_set_until_votes_exist(repo):
    sid = make_session(repo, 4)
    with pytest.raises(RuleViolation, match="como máximo 3"):
        repo.votes.configure(sid, PRE, k=4)
    with pytest.raises(InvalidInput):
        repo.votes.configure(sid, PRE, k=0)
    repo.votes.configure(sid, PRE, k=2)
    assert repo.votes.round(sid, PRE).k == 2
    assert "2 puntos al primer lugar y 1 punto al segundo" in repo.votes.rule_text(sid, PRE)
    repo.votes.enter_ballot(sid, PRE, "1 2")
    with pytest.raises(RuleViolation, match="ya no puede cambiar"):
        repo.votes.configure(sid, PRE, k=3)
    repo.votes.configure(sid, PRE, participants=9)  # what is not the rule may still change
    assert repo.votes.round(sid, PRE).participants == 9
    # the final round has its own rule
    repo.votes.configure(sid, "final", k=3)
    assert repo.votes.round(sid, "final").k == 3


def test_a_round_the_method_does_not_have_is_refused(repo):
    sid = make_session(repo, 4)
    with pytest.raises(InvalidInput, match="no es una votación de esta sesión"):
        repo.votes.enter_ballot(sid, "vote", "1 2")


# -- ballots -------------------------------------------------------------------------------

def test_a_valid_ballot_is_saved_with_its_marks(repo):
    sid = make_session(repo, 8)
    ballot, changes = repo.votes.enter_ballot(sid, PRE, "7 3 1 8 2", serial="000123")
    assert ballot.marks == ((7, 5), (3, 4), (1, 3), (8, 2), (2, 1))
    assert ballot.voids == () and ballot.status == "counted" and ballot.number == 1
    assert ballot.entry == "7 3 1 8 2" and ballot.serial == "000123"
    assert changes.touches("ballot") and changes.touches("mark")
    assert repo.undo_label() == "capturar la boleta 000123"
    assert repo.phases.voting_started(sid)  # the first ballot locks the ideas
    # fewer than k ranks: what is there counts
    short, _ = repo.votes.enter_ballot(sid, PRE, "4, 6")
    assert short.marks == ((4, 5), (6, 4)) and short.number == 2
    # explicit points
    explicit, _ = repo.votes.enter_ballot(sid, PRE, "2:3 5=1")
    assert explicit.marks == ((2, 3), (5, 1))


def test_a_partly_void_ballot_counts_what_is_valid_and_says_why(repo):
    sid = make_session(repo, 8)
    # 3 is repeated (both entries void), 9 does not exist, "x" is unreadable, 6 is 6th place.
    ballot, _ = repo.votes.enter_ballot(sid, PRE, "3 1 3 9 x 6")
    assert ballot.marks == ((1, 4),)
    reasons = {v.entry: v.reason for v in ballot.voids}
    assert set(reasons) == {"3", "9", "x", "6"}
    assert "aparece dos veces" in reasons["3"]
    assert "no existe" in reasons["9"]
    assert "no se entiende" in reasons["x"]
    assert "solo tiene 5 lugares" in reasons["6"]
    assert ballot.has_voids and ballot.status == "counted"
    # a repeated rank voids both entries that share it
    again, _ = repo.votes.enter_ballot(sid, PRE, "1:5 2:5 4:3")
    assert again.marks == ((4, 3),)
    assert all("se dieron a la vez" in v.reason for v in again.voids)
    stored = repo.votes.ballots(sid, PRE)
    assert [b.marks for b in stored] == [((1, 4),), ((4, 3),)]
    assert [len(b.voids) for b in stored] == [5, 2]


def test_why_an_entry_does_not_count_follows_the_language(repo):
    """A ballot typed in Spanish, read back after switching to English, says in English why
    its entries do not count (the reason is stored as its message, not as Spanish text)."""
    from cocrea_desktop import i18n

    sid = make_session(repo, 8)
    repo.votes.configure(sid, PRE, k=3)
    saved, _ = repo.votes.enter_ballot(sid, PRE, "4 4 9 2:7")
    said = {v.entry: v.reason for v in saved.voids}
    assert said["4"] == "La idea 4 aparece dos veces en la boleta."
    i18n.set_language("en")
    try:
        [ballot] = repo.votes.ballots(sid, PRE)
        reasons = {v.entry: v.reason for v in ballot.voids}
        assert reasons["4"] == "Idea 4 appears twice on the ballot.", reasons
        assert reasons["9"] == "Idea 9 does not exist in this vote.", reasons
        assert reasons["2:7"] == "Points go from 1 to 3; idea 2 has 7.", reasons
        assert "La idea" not in " ".join(reasons.values())
    finally:
        i18n.set_language("es")
    [ballot] = repo.votes.ballots(sid, PRE)
    assert {v.entry: v.reason for v in ballot.voids} == said


def test_a_reason_stored_as_plain_text_by_an_older_version_still_shows(repo):
    import json

    sid = make_session(repo, 8)
    saved, _ = repo.votes.enter_ballot(sid, PRE, "3 3 1")
    old = [{"entry": "3", "reason": "La idea 3 aparece dos veces en la boleta.", "amount": 1}]
    repo.pf.conn.execute("UPDATE ballot SET voids = ? WHERE id = ?",
                         [json.dumps(old, ensure_ascii=False), saved.id])
    [ballot] = repo.votes.ballots(sid, PRE)
    assert [(v.entry, v.reason) for v in ballot.voids] == \
        [("3", "La idea 3 aparece dos veces en la boleta.")]


def test_ballot_given_as_marks_is_checked_the_same_way(repo):
    sid = make_session(repo, 6)
    ballot, _ = repo.votes.enter_ballot_marks(sid, PRE, [(2, 5), (4, 5), (1, 3), (7, 2)],
                                              serial="A1")
    assert ballot.marks == ((1, 3),)
    assert len(ballot.voids) == 3 and ballot.entry == "2:5 4:5 1:3 7:2"


def test_an_empty_typed_ballot_is_refused(repo):
    sid = make_session(repo, 4)
    with pytest.raises(InvalidInput, match="vacía"):
        repo.votes.enter_ballot(sid, PRE, "   ")
    assert repo.votes.count_ballots(sid, PRE) == 0


def test_a_serial_is_never_counted_twice(repo):
    sid = make_session(repo, 6)
    repo.votes.enter_ballot(sid, PRE, "1 2 3", serial="0042")
    before = repo.pf.scalar("SELECT COUNT(*) FROM journal")
    with pytest.raises(RuleViolation, match="0042 ya fue contada"):
        repo.votes.enter_ballot(sid, PRE, "4 5 6", serial="0042")
    assert repo.pf.scalar("SELECT COUNT(*) FROM journal") == before
    assert repo.votes.count_ballots(sid, PRE) == 1
    repo.votes.enter_ballot(sid, "final", "4 5 6", serial="0042")  # another round: fine
    assert repo.votes.count_ballots(sid, "final") == 1


def test_a_spoiled_ballot_stays_listed_but_does_not_count(repo):
    sid = make_session(repo, 4)
    repo.votes.configure(sid, PRE, k=2)
    repo.votes.enter_ballot(sid, PRE, "1 2")
    spoiled, _ = repo.votes.enter_ballot(sid, PRE, "3 4")
    repo.votes.spoil_ballot(spoiled.id)
    assert [b.status for b in repo.votes.ballots(sid, PRE)] == ["counted", "spoiled"]
    tally = repo.votes.tally(sid, PRE)
    assert tally.ballots == 1 and tally.total_points == 3
    assert tally.row(3).points == 0 and tally.row(4).points == 0
    repo.votes.spoil_ballot(spoiled.id, spoiled=False)
    assert repo.votes.tally(sid, PRE).row(3).points == 2


# -- tallies against hand-computed results ---------------------------------------------------

def test_tally_breadth_breaks_a_tie_and_near_ties_are_flagged(repo):
    sid = make_session(repo, 6)
    repo.votes.configure(sid, PRE, k=3)
    for text in ("1 2 3", "2 1 4", "1 3 4", "4 5 2", "3 2"):
        repo.votes.enter_ballot(sid, PRE, text)
    spoiled, _ = repo.votes.enter_ballot(sid, PRE, "6 5 4")
    repo.votes.spoil_ballot(spoiled.id)
    # By hand (k = 3; D as (D1, D2, D3)):
    #   idea 1: 3 (b1) + 2 (b2) + 3 (b3)         P 8  V 3  D (0, 1, 2)
    #   idea 2: 2 (b1) + 3 (b2) + 1 (b4) + 2 (b5) P 8  V 4  D (1, 2, 1)
    #   idea 3: 1 (b1) + 2 (b3) + 3 (b5)         P 6  V 3  D (1, 1, 1)
    #   idea 4: 1 (b2) + 1 (b3) + 3 (b4)         P 5  V 3  D (2, 0, 1)
    #   idea 5: 2 (b4)                            P 2  V 1  D (0, 1, 0)
    #   idea 6: nothing (its only ballot is spoiled)  P 0
    # 1 and 2 tie on 8 points; 2 is on more ballots (4 against 3): 2 first.
    tally = repo.votes.tally(sid, PRE)
    assert [row_tuple(r) for r in tally.rows] == [
        (2, 8, 4, (1, 2, 1), 1),
        (1, 8, 3, (0, 1, 2), 2),
        (3, 6, 3, (1, 1, 1), 3),
        (4, 5, 3, (2, 0, 1), 4),
        (5, 2, 1, (0, 1, 0), 5),
        (6, 0, 0, (0, 0, 0), 6),
    ]
    assert tally.ballots == 5 and tally.total_points == 29  # 4 x (3+2+1) + (3+2)
    assert [(s.rule, s.options) for s in tally.tie_breaks] == [(BREADTH, (1, 2))]
    assert "la idea 2 aparece en más boletas (4 contra 3)" in tally.tie_breaks[0].text
    # Near ties: 2 over 1 only by the tie-break; 3 (6) and 4 (5) differ by 1.
    assert [(n.higher, n.lower, n.difference) for n in tally.near_ties] == [
        ((2,), (1,), 0), ((3,), (4,), 1)]
    assert "3 puntos" in tally.rule_text


def test_tally_strength_breaks_what_breadth_cannot(repo):
    sid = make_session(repo, 5)
    repo.votes.configure(sid, PRE, k=3)
    for text in ("1:3 2:2 5:1", "4:3 2:2 1:1", "3:3 5:2 2:1", "4:3 3:2 1:1"):
        repo.votes.enter_ballot(sid, PRE, text)
    # By hand:
    #   idea 1: 3 + 1 + 1  P 5  V 3  D (2, 0, 1)
    #   idea 2: 2 + 2 + 1  P 5  V 3  D (1, 2, 0)
    #   idea 3: 3 + 2      P 5  V 2  D (0, 1, 1)
    #   idea 4: 3 + 3      P 6  V 2  D (0, 0, 2)
    #   idea 5: 1 + 2      P 3  V 2  D (1, 1, 0)
    # 4 first. 1, 2, 3 tie on 5: breadth puts 3 after 1 and 2 (3, 3, 2); 1 and 2 still tie:
    # strength, ballots giving 3 points: 1 has one, 2 none -> 1 before 2.
    tally = repo.votes.tally(sid, PRE)
    assert [row_tuple(r) for r in tally.rows] == [
        (4, 6, 2, (0, 0, 2), 1),
        (1, 5, 3, (2, 0, 1), 2),
        (2, 5, 3, (1, 2, 0), 3),
        (3, 5, 2, (0, 1, 1), 4),
        (5, 3, 2, (1, 1, 0), 5),
    ]
    assert tally.total_points == 24
    assert [(s.rule, s.options) for s in tally.tie_breaks] == [
        (BREADTH, (1, 2, 3)), (STRENGTH, (1, 2))]
    assert "la idea 1 recibió 3 puntos en más boletas (1 contra 0)" in tally.tie_breaks[1].text
    assert [(n.higher, n.lower) for n in tally.near_ties] == [((4,), (1,)), ((1,), (2,)),
                                                              ((2,), (3,))]


def test_tally_declares_a_tie_it_cannot_break_and_asks_for_a_runoff(repo):
    sid = make_session(repo, 3)
    repo.votes.configure(sid, PRE, k=2)
    repo.votes.enter_ballot(sid, PRE, "1 2")
    repo.votes.enter_ballot(sid, PRE, "2 1")
    # idea 1: 2 + 1 = 3, V 2, D (1, 1); idea 2 the same; idea 3: 0.
    tally = repo.votes.tally(sid, PRE)
    assert [row_tuple(r) for r in tally.rows] == [
        (1, 3, 2, (1, 1), 1), (2, 3, 2, (1, 1), 1), (3, 0, 0, (0, 0), 3)]
    assert tally.tie_breaks[-1].rule == DECLARED
    assert "comparten el lugar 1" in tally.tie_breaks[-1].text
    runoff = tally.runoff(1)
    assert runoff is not None and runoff.options == (1, 2)
    assert tally.runoff(2) is None


def test_merged_and_withdrawn_ideas_are_not_options(repo):
    sid = make_session(repo, 6)
    merge, _ = repo.ideas.propose_merge(sid, [2, 5])
    repo.ideas.agree_merge(merge.id)
    repo.ideas.withdraw(repo.ideas.by_number(sid, 6).id, "fuera de tema")
    assert repo.votes.options(sid) == [1, 2, 3, 4]
    assert repo.votes.round(sid, PRE).k == 3
    ballot, _ = repo.votes.enter_ballot(sid, PRE, "5 3 6")
    # 5 is merged into 2: it counts for 2 (and says so); 6 is withdrawn: not an option.
    assert ballot.marks == ((2, 3), (3, 2)) and ballot.redirects == ((5, 2),)
    assert [v.entry for v in ballot.voids] == ["6"]
    assert [r.option for r in repo.votes.tally(sid, PRE).rows] == [2, 3, 1, 4]


def test_rounds_are_counted_apart(repo):
    sid = make_session(repo, 4)
    repo.votes.enter_ballot(sid, PRE, "1 2 3")
    repo.votes.enter_ballot(sid, "final", "4 3 2")
    assert repo.votes.tally(sid, PRE).rows[0].option == 1
    assert repo.votes.tally(sid, "final").rows[0].option == 4


def test_ballots_and_tally_survive_closing_and_reopening(repo, db_path, fake_clock):
    sid = make_session(repo, 5)
    repo.votes.enter_ballot(sid, PRE, "1 2 3 4", serial="1")
    repo.votes.enter_ballot(sid, PRE, "2 2 5", serial="2")
    before = repo.votes.tally(sid, PRE)
    repo.close()
    with Repo.open(db_path, read_only=True, clock=fake_clock) as again:
        assert again.votes.tally(sid, PRE) == before
        assert [b.serial for b in again.votes.ballots(sid, PRE)] == ["1", "2"]
        assert again.pf.verify_journal().ok and again.pf.integrity() == "ok"


# -- typed counts ----------------------------------------------------------------------------

def test_typed_counts_with_the_total_check(repo):
    sid = make_session(repo, 4)
    with pytest.raises(InvalidInput, match="quién hizo el conteo"):
        repo.votes.set_counts(sid, PRE, {1: 3}, counter=" ")
    with pytest.raises(InvalidInput, match="no está en la votación"):
        repo.votes.set_counts(sid, PRE, {9: 3}, counter="Rosa")
    with pytest.raises(InvalidInput, match="negativo"):
        repo.votes.set_counts(sid, PRE, {1: -1}, counter="Rosa")
    repo.votes.set_counts(sid, PRE, {1: 4, 2: 3, 3: 2}, counter="Rosa", participants=10)
    tally = repo.votes.tally(sid, PRE)
    assert [(r.option, r.count, r.rank) for r in tally.rows] == [(1, 4, 1), (2, 3, 2), (3, 2, 3),
                                                                 (4, 0, 4)]
    assert tally.total == 9 and tally.expected == 10 and tally.mismatch == -1
    assert "se esperaban 10" in tally.check_text
    assert "Rosa" in tally.rule_text
    # corrected: the total now matches
    repo.votes.set_counts(sid, PRE, {4: 1}, counter="Rosa")
    tally = repo.votes.tally(sid, PRE)
    assert tally.mismatch == 0 and "coincide" in tally.check_text
    assert repo.phases.voting_started(sid)
    # a round counted by hand takes no ballots
    with pytest.raises(RuleViolation, match="conteos"):
        repo.votes.enter_ballot(sid, PRE, "1 2")


def test_counts_are_refused_once_ballots_were_typed(repo):
    sid = make_session(repo, 4)
    repo.votes.enter_ballot(sid, PRE, "1 2")
    with pytest.raises(RuleViolation, match="no se mezclan"):
        repo.votes.set_counts(sid, PRE, {1: 1}, counter="Rosa")


# -- the store's fast read gives the same result as ballot by ballot -----------------------

@pytest.mark.parametrize("seed", range(6))
def test_store_tally_equals_the_ballot_by_ballot_tally(repo, seed):
    import random

    from cocrea_desktop.core.voting.tally import tally_ranked

    rng = random.Random(seed)
    sid = make_session(repo, rng.randint(3, 9))
    other = make_session(repo, 4)  # marks of another session never leak in
    repo.votes.enter_ballot(other, PRE, "1 2 3")
    n = len(repo.votes.options(sid))
    for _ in range(rng.randint(0, 25)):
        picks = [str(rng.randint(1, n + 1)) for _ in range(rng.randint(0, 6))]  # voids too
        if not picks:
            picks = ["x"]
        ballot, _ = repo.votes.enter_ballot(sid, PRE, " ".join(picks))
        if rng.random() < 0.2:
            repo.votes.spoil_ballot(ballot.id)
    expected = tally_ranked(repo.votes.counted_marks(sid, PRE), options=repo.votes.options(sid),
                            rule=repo.votes.ranked_rule(sid, PRE))
    assert repo.votes.tally(sid, PRE) == expected
    by_ballot = [b.marks for b in repo.votes.ballots(sid, PRE) if b.status == "counted"]
    assert sorted(map(sorted, repo.votes.counted_marks(sid, PRE))) == sorted(map(sorted, by_ballot))
