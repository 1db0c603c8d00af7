"""Ending a session, which round's result stands, and skipped phases (store, no Qt)."""

from __future__ import annotations

import pytest

from cocrea_desktop.core.errors import RuleViolation

IDEAS = ["Hay fugas en la red", "Cobran de más", "No hay informe del comité",
         "Falta agua en las secundarias", "La pipa llega tarde"]


def nominal_at_vote(repo):
    sid, _ = repo.add_session(method="nominal_group", question="¿Qué le falta al agua?")
    repo.phases.go_to(sid, "silent_writing")
    repo.phases.go_to(sid, "round")
    for text in IDEAS:
        repo.ideas.add(sid, text)
    repo.phases.go_to(sid, "clarification")
    repo.phases.go_to(sid, "preliminary_vote")
    repo.votes.configure(sid, "preliminary", k=3)
    return sid


def test_leftovers_name_ballots_not_returned_and_the_empty_relatoria(repo):
    sid = nominal_at_vote(repo)
    serials = [s for s, _payload in repo.register.issue(sid, "preliminary", 4)[0]]
    for serial, text in zip(serials[:3], ["1 2 3", "2 3 4", "3 1 5"]):
        repo.votes.enter_ballot(sid, "preliminary", text, serial=serial)
    repo.phases.skip(sid)
    left = repo.end_session_leftovers(sid)
    assert left == [
        "Votación preliminar: 1 boleta entregada no ha regresado (su folio no tiene boleta "
        "capturada).",
        "La relatoría está vacía.",
    ]
    repo.votes.enter_ballot(sid, "preliminary", "5 4 3", serial=serials[3])
    repo.relatoria.save(sid, convergences="Las fugas reúnen la mayoría.")
    assert repo.end_session_leftovers(sid) == []


def test_ending_sets_concluded_and_undo_brings_it_back(repo):
    sid = nominal_at_vote(repo)
    repo.phases.skip(sid)
    assert repo.session(sid).status == "in_progress"
    changes = repo.end_session(sid)
    assert changes.touches("session")
    assert repo.session(sid).status == "closed"
    assert repo.undo_label() == "terminar la sesión «¿Qué le falta al agua?»"
    assert repo.summary()["sessions_by_status"] == {"closed": 1}
    with pytest.raises(RuleViolation, match="ya está concluida"):
        repo.end_session(sid)
    repo.undo()
    assert repo.session(sid).status == "in_progress"


def test_a_half_entered_final_round_is_left_over_and_can_yield_to_the_preliminary(repo):
    sid = nominal_at_vote(repo)
    for text in ["1 2 3", "2 3 4", "3 1 5", "1 3 2"]:
        repo.votes.enter_ballot(sid, "preliminary", text)
    repo.phases.go_to(sid, "discussion")
    repo.phases.go_to(sid, "final_vote")
    repo.votes.configure(sid, "final", k=3)
    repo.votes.enter_ballot(sid, "final", "5 4 3")
    assert repo.votes.result_round(sid) == "final"
    warning = repo.votes.optional_round_warning(sid)
    assert warning == ("La votación final tiene 1 de 4 boletas esperadas (votación preliminar: "
                       "4; folios entregados: 0).")
    assert warning in repo.end_session_leftovers(sid)
    repo.votes.choose_result_round(sid, "preliminary")
    assert repo.votes.result_round(sid) == "preliminary"
    assert repo.undo_label() == "tomar como resultado la votación preliminar"
    repo.undo()
    assert repo.votes.result_round(sid) == "final"
    other = nominal_at_vote(repo)
    with pytest.raises(RuleViolation, match="no tiene votos"):
        repo.votes.choose_result_round(other, "final")


def test_unclustered_fishbowl_ideas_are_left_over(repo):
    sid, _ = repo.add_session(method="fishbowl", question="¿Cómo cuidar el río?")
    for label in ("Ejidatarios", "Mujeres"):
        repo.fishbowl.add_group(sid, label)
    repo.phases.go_to(sid, "turns")
    repo.ideas.add(sid, "Reforestar la ribera")
    repo.ideas.add(sid, "Multar a quien tire basura")
    cluster, _ = repo.ideas.add_cluster(sid, "Cuidar la ribera")
    first = repo.ideas.by_number(sid, 1)
    repo.ideas.set_cluster([first.id], cluster.id)
    left = repo.end_session_leftovers(sid)
    assert "La idea 2 no está en ningún grupo de ideas." in left


def test_back_skips_the_optional_phases_that_were_skipped(repo):
    sid = nominal_at_vote(repo)
    repo.votes.enter_ballot(sid, "preliminary", "1 2 3")
    repo.phases.skip(sid)                    # discussion and final vote skipped
    assert repo.phases.current(sid).key == "results"
    assert repo.phases.skipped(sid) == {"discussion", "final_vote"}
    assert repo.phases.previous_phase(sid).key == "preliminary_vote"
    repo.phases.back(sid)
    assert repo.phases.current(sid).key == "preliminary_vote"


def test_a_visited_optional_phase_is_not_skipped(repo):
    sid = nominal_at_vote(repo)
    repo.phases.go_to(sid, "discussion")
    repo.phases.go_to(sid, "results")        # the final vote is skipped
    assert repo.phases.skipped(sid) == {"final_vote"}
    assert repo.phases.previous_phase(sid).key == "discussion"
