"""The STL and the commitments of the Local Action Plan on a merged multi-table process:
members, decisions by consensus and by vote, commitments drafted from proposals with
their origin trace, SMART check, stages and versions; bad input refused, nothing changed."""

from __future__ import annotations

import pytest

from cocrea_desktop.core.errors import InvalidInput, RuleViolation
from cocrea_desktop.store.commitments import findings
from tests.store.pal_helpers import merged_process, plan

R, J, E, M = ("Rosa Martínez López", "Juan Pérez Ruiz", "Elena Cruz Santiago",
              "Mario Hernández")


@pytest.fixture
def office(tmp_path):
    repo = merged_process(tmp_path)
    yield repo
    repo.close()


def test_a_plan_from_a_merged_process_keeps_every_origin(office):
    ids = plan(office)
    water = office.commitments.get(ids["water"])
    assert water.label == "1" and water.stage == "consultation"
    assert water.ready_decision == ids["ready"]
    trace = office.commitments.trace(water.id)
    kinds = [link.kind for link in trace]
    assert kinds.count("proposal") == 2 and kinds.count("session") == 2
    tables = {office.session(link.session_id).table_label for link in trace
              if link.kind == "session"}
    assert tables == {"Mesa 1 · Agua", "Mesa 2 · Salud"}
    for c in office.commitments.list():
        for link in office.commitments.trace(c.id):
            assert office.commitments.resolve(link), link
    assert "Mesa 1 · Agua, idea 1 (1.º, 5 puntos)" in " ".join(link.text for link in trace)


def test_consensus_vote_and_positions(office):
    ids = plan(office)
    strategy = office.stl.decision(ids["strategy"])
    assert strategy.approved and strategy.mode == "consensus" and len(strategy.present) == 4
    assert office.stl.decision(ids["count"]).tally_text().startswith("3 a favor")
    # One block and the proposal is not approved; a block needs its reason.
    with pytest.raises(InvalidInput, match="dice por qué"):
        office.stl.decide(date="2027-09-01", agenda_item="Borrador", kind="draft_approved",
                          present=[R, J, E], positions={R: ("agree", ""),
                                                        J: ("block", ""),
                                                        E: ("agree", "")})
    d, _c = office.stl.decide(date="2027-09-01", agenda_item="Borrador", kind="draft_approved",
                              present=[R, J, E],
                              positions={R: ("agree", ""), J: ("block", "Falta presupuesto"),
                                         E: ("abstain", "Conflicto de interés")})
    assert d.outcome == "rejected" and "1 bloqueo" in d.tally_text()
    # The facilitator has no vote: no position needed, and votes beyond the voters refused.
    with pytest.raises(InvalidInput, match="voz y no voto"):
        office.stl.decide(date="2027-09-01", agenda_item="X", present=[R, M],
                          positions={R: ("agree", ""), M: ("agree", "")})
    with pytest.raises(InvalidInput, match="más votos"):
        office.stl.decide(date="2027-09-01", agenda_item="X", mode="vote",
                          present=[R, M], votes={"for": 2})


def test_members_rotate_and_phone_is_personal(office):
    ids = plan(office)
    juan = ids["Juan Pérez Ruiz"]
    office.stl.edit_member(juan, end_date="2027-06-30")
    assert [m.name for m in office.stl.members(on="2027-08-01")].count("Juan Pérez Ruiz") == 0
    with pytest.raises(InvalidInput, match="no era integrante"):
        office.stl.decide(date="2027-08-01", agenda_item="X", present=[juan],
                          positions={juan: ("agree", "")})
    with pytest.raises(InvalidInput, match="anterior"):
        office.stl.edit_member(juan, end_date="2026-01-01")
    journal = " ".join(str(r) for r in office.pf.query("SELECT * FROM journal"))
    assert "9511234567" not in journal and "Juan Pérez Ruiz" in journal


def test_smart_findings_and_the_stl_marks_ready(office):
    ids = plan(office)
    health = office.commitments.get(ids["health"])
    seen = " ".join(findings(health))
    assert "no tiene producto verificable" in seen and "no tiene responsable" in seen
    assert "Sin marcar en SMART" in seen
    # Not SMART yet: the STL cannot send it to consultation.
    with pytest.raises(RuleViolation, match="SMART"):
        office.stl.decide(date="2027-08-05", agenda_item="Salud a consulta",
                          kind="consultation_ready", subject_id=health.id, present=["1"],
                          positions={"1": ("agree", "")})
    assert office.commitments.get(health.id).stage == "draft"
    with pytest.raises(InvalidInput, match="nota"):
        office.commitments.set_smart(health.id, "measurable", False, "")
    with pytest.raises(InvalidInput, match="criterio SMART"):
        office.commitments.set_smart(health.id, "bonito", True, "")


def test_versions_compare_side_by_side(office):
    ids = plan(office)
    water = ids["water"]
    with pytest.raises(InvalidInput):
        office.commitments.advance(water, "consultation", ids["ready"])
    office.commitments.advance(water, "approved", ids["strategy"])
    with pytest.raises(RuleViolation, match="no se edita"):
        office.commitments.edit(water, name="Otro")
    versions = office.commitments.versions(water)
    assert set(versions) == {"consultation", "approved", "current"}
    health = ids["health"]
    office.commitments.edit(health, objective="Vigilancia ciudadana del abasto")
    assert office.commitments.compare(water) == []


BAD = [
    ({"proposals": [], "office_reason": ""}, "diga por qué"),
    ({"start_date": "2029-01-01", "end_date": "2027-01-01"}, "anterior"),
    ({"milestones": [{"description": "Tarde", "due_date": "2031-01-01"}]}, "fuera del periodo"),
    ({"lead_agency": "Secretaría Inventada"}, "no está en la lista"),
    ({"start_date": "31/02/2027"}, "dd/mm/aaaa"),
    ({"pillars": ["felicidad"]}, "no es un principio"),
]


@pytest.mark.parametrize(("values", "message"), BAD)
def test_bad_input_is_refused_in_spanish_and_changes_nothing(office, values, message):
    ids = plan(office)
    before = office.pf.journal_head()
    health = ids["health"]
    snapshot = office.commitments.get(health)
    with pytest.raises((InvalidInput, RuleViolation), match=message):
        office.commitments.edit(health, **values)
    assert office.commitments.get(health) == snapshot
    base = {"proposals": [], "office_reason": "Lo pidió el cabildo", "start_date": "2027-07-01",
            "end_date": "2029-06-30"}
    with pytest.raises((InvalidInput, RuleViolation), match=message):
        office.commitments.add("Nuevo", **{**base, **values})
    assert office.pf.journal_head() == before
    assert len(office.commitments.list()) == 2


def test_written_at_the_office_with_a_reason_and_undone(office):
    plan(office)
    c, _c = office.commitments.add("Cabildo abierto", office_reason="Acuerdo de cabildo 12/2027")
    assert office.commitments.trace(c.id)[0].kind == "office"
    office.pf.undo()
    assert len(office.commitments.list()) == 2


def test_the_demo_has_its_plan(tmp_path):
    from cocrea_desktop.store.demo import create_demo
    from cocrea_desktop.store.repo import Repo

    with Repo.open(create_demo(tmp_path / "demo.db"), read_only=True) as demo:
        assert len(demo.stl.members()) == 6 and len(demo.stl.decisions()) == 3
        made = demo.commitments.list()
        assert len(made) == 4 and [c.stage for c in made].count("consultation") == 1
        for c in made:
            assert c.milestones and c.proposals
            trace = demo.commitments.trace(c.id)
            assert all(demo.commitments.resolve(link) for link in trace)
            # Three from the proposals the prioritisation passed on; the fourth from the
            # fair's signed carta compromiso, which its follow-up shows.
            if c.label == "4":
                assert [a.folio for a in demo.followup.commitment_agreements(c)] == ["CC-002"]
            else:
                assert any(link.kind == "selected" for link in trace)
