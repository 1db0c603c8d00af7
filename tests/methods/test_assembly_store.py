"""The community assembly in the store: agenda, speakers' list with equal time and the
second round after the first, hand counts checked against those present and the
quorum, agreements with their vote, the paper ballot on proposals, names kept out of
the journal and forgotten on request."""

from __future__ import annotations

import pytest

from cocrea_desktop.core.errors import InvalidInput, RuleViolation


@pytest.fixture
def assembly(repo):
    sid, _ = repo.add_session(method="assembly", question="Asamblea de San Miguel",
                              participant_count=60)
    repo.assembly.set_rules(sid, speaker_minutes=2, quorum=40)
    repo.assembly.add_item(sid, "Agua potable para el barrio de arriba")
    repo.assembly.add_item(sid, "Faena del camino", vote_mode="ballot")
    repo.phases.go_to(sid, "items")
    return sid


def _snapshot(repo):
    return [tuple(r) for r in repo.pf.conn.execute(
        "SELECT seq, hash FROM journal ORDER BY seq").fetchall()]


def test_speakers_equal_time_and_second_round_waits(repo, assembly, fake_clock):
    a = repo.assembly
    a.open_item(assembly)
    doña, _ = a.add_speaker(assembly, name="Doña Rosa Martínez", sector="Ejidatarios",
                            sex="mujer")
    a.add_speaker(assembly, name="Juan Pérez", sector="Avecindados", sex="hombre")
    again, _ = a.add_speaker(assembly, name="doña rosa martínez", sector="Ejidatarios",
                             sex="mujer")
    assert again.speaking_round == 2
    a.add_speaker(assembly, sector="Jóvenes", sex="mujer")  # a number, no name
    order = [s.label() for s in a.queue(assembly)]
    assert order == ["Doña Rosa Martínez", "Juan Pérez", "Orador 4", "doña rosa martínez"]
    first, _ = a.next_speaker(assembly)
    assert first.id == doña.id
    timer = repo.phases.timer(assembly, "items", slot=first.id)
    assert timer.running and timer.total == 120
    fake_clock.advance(150)  # 30 s over
    second, _ = a.next_speaker(assembly)
    done = a.speaker(doña.id)
    assert done.seconds == pytest.approx(150) and done.overrun_seconds == pytest.approx(30)
    assert second.label() == "Juan Pérez"
    fake_clock.advance(60)
    third, _ = a.next_speaker(assembly)
    assert third.label() == "Orador 4"
    fake_clock.advance(90)
    last, _ = a.next_speaker(assembly)
    assert last.speaking_round == 2
    fake_clock.advance(30)
    nobody, _ = a.next_speaker(assembly)
    assert nobody is None
    with pytest.raises(RuleViolation):
        a.add_speaker(assembly, name="Doña Rosa Martínez")  # two rounds already
    share = a.speaking_share(assembly)
    assert share["sex"]["Mujer"] == (3, pytest.approx(270))
    assert share["sector"]["Avecindados"] == (1, pytest.approx(60))
    with pytest.raises(RuleViolation):
        a.set_rules(assembly, speaker_minutes=5)  # equal time for all


def test_speaker_names_are_hashed_in_journal_and_forgotten(repo, assembly):
    a = repo.assembly
    a.open_item(assembly)
    a.add_speaker(assembly, name="Eulalia Hernández Cruz", sector="Mujeres", sex="mujer")
    text = " ".join(str(r[0]) for r in repo.pf.conn.execute("SELECT after FROM journal"))
    assert "Eulalia" not in text
    a.forget_names(assembly)
    assert [s.label() for s in a.all_speakers(assembly)] == ["Orador 1"]
    with pytest.raises(RuleViolation):
        a.forget_names(assembly)


def test_hand_vote_checked_against_present_and_quorum(repo, assembly):
    a = repo.assembly
    repo.attendance.set_counts(assembly, "sex", {"mujer": 30, "hombre": 28})
    assert a.present(assembly) == 58
    a.open_item(assembly)
    proposal, _ = a.add_proposal(assembly, "Comprar la manguera con la cooperación de "
                                           "cada familia")
    before = _snapshot(repo)
    with pytest.raises(InvalidInput, match="suman 60"):
        a.record_hand_vote(proposal.id, votes_for=40, votes_against=15, abstentions=5,
                           counter="Comité de vigilancia")
    with pytest.raises(InvalidInput, match="contó"):
        a.record_hand_vote(proposal.id, votes_for=40, votes_against=1, abstentions=0,
                           counter=" ")
    with pytest.raises(InvalidInput, match="número"):
        a.record_hand_vote(proposal.id, votes_for="cuarenta", votes_against=1, abstentions=0,
                           counter="Don Pedro")
    with pytest.raises(RuleViolation, match="quórum"):
        a.record_hand_vote(proposal.id, votes_for=20, votes_against=5, abstentions=0,
                           counter="Don Pedro", present=30)
    assert _snapshot(repo) == before  # bad input changes nothing
    rejected, _ = a.record_hand_vote(proposal.id, votes_for=20, votes_against=30,
                                     abstentions=8, counter="Don Pedro")
    assert rejected.outcome == "rejected"
    with pytest.raises(RuleViolation):
        a.add_agreement(rejected.id)
    vote, _ = a.record_hand_vote(proposal.id, votes_for=41, votes_against=12, abstentions=5,
                                 counter="Don Pedro", mode="standing")
    assert vote.outcome == "approved" and vote.present == 58 and vote.quorum == 40
    with pytest.raises(RuleViolation):
        a.add_agreement(rejected.id)  # a newer vote stands
    agreement, _ = a.add_agreement(vote.id)
    assert agreement.text.startswith("Comprar la manguera")
    assert a.agreements(assembly)[0].vote_id == vote.id
    with pytest.raises(RuleViolation):
        a.record_hand_vote(proposal.id, votes_for=41, votes_against=12, abstentions=5,
                           counter="Don Pedro")


def test_items_open_one_at_a_time(repo, assembly):
    a = repo.assembly
    with pytest.raises(RuleViolation):
        a.add_speaker(assembly, name="X")
    a.open_item(assembly)
    with pytest.raises(RuleViolation):
        a.open_item(assembly)
    a.add_speaker(assembly, name="Ana")
    a.next_speaker(assembly)
    with pytest.raises(RuleViolation):
        a.close_item(assembly)
    a.end_speaker(assembly)
    a.close_item(assembly)
    assert a.current_item(assembly) is None
    assert a.next_item(assembly).number == 2
    with pytest.raises(InvalidInput):
        a.add_item(assembly, "   ")


def test_paper_ballot_on_proposals_of_ballot_items(repo, assembly):
    a = repo.assembly
    repo.attendance.set_counts(assembly, "sex", {"mujer": 30, "hombre": 28})
    a.set_rules(assembly, quorum=5)
    a.open_item(assembly)
    a.add_proposal(assembly, "Hand item proposal")
    a.close_item(assembly)
    a.open_item(assembly)
    p2, _ = a.add_proposal(assembly, "Faena el primer sábado de cada mes")
    p3, _ = a.add_proposal(assembly, "Faena cada quince días")
    options = repo.votes.options_for(assembly, "vote")
    assert options.numbers() == [2, 3]
    # a paper ballot in an assembly is a single choice unless the facilitator says otherwise
    assert repo.votes.round(assembly, "vote").params == {"dots_per_person": 1,
                                                         "max_per_option": 1}
    for text in ["2", "2", "3", "2", "2", "3"]:
        repo.votes.enter_ballot(assembly, "vote", text)
    vote, _ = a.record_ballot_vote(p2.id)
    assert (vote.outcome, vote.votes_for, vote.present) == ("approved", 4, 6)
    loser, _ = a.record_ballot_vote(p3.id)
    assert loser.outcome == "rejected"
    with pytest.raises(RuleViolation):
        a.add_proposal(assembly, "Una más")
    a.add_agreement(vote.id, "Faena el primer sábado de cada mes, de 7 a 13 h")
    assert a.agreements(assembly)[0].text.endswith("13 h")


def test_passing_the_floor_is_one_undoable_step(repo, assembly, fake_clock):
    a = repo.assembly
    a.open_item(assembly)
    first, _ = a.add_speaker(assembly, name="Ana", sector="Mujeres", sex="mujer")
    second, _ = a.add_speaker(assembly, sector="Jóvenes")
    a.next_speaker(assembly)
    fake_clock.advance(100)
    a.next_speaker(assembly)
    assert repo.undo_label() == "dar la palabra al turno 2"
    repo.undo()  # Ana has the floor again, her clock still running, nobody else's started
    assert a.current_speaker(assembly).id == first.id
    assert repo.phases.timer(assembly, "items", slot=first.id).running
    assert not repo.phases.timer(assembly, "items", slot=second.id).running
    assert a.speaker(second.id).waiting
    repo.redo()
    assert a.current_speaker(assembly).id == second.id
    assert a.speaker(first.id).seconds == pytest.approx(100)
