"""The jury's records: pool with consent, quotas, the recorded draw, replacements that keep
the quotas, witnesses with their documents' hashes, recommendations with their agreement."""

from __future__ import annotations

import hashlib
import json

import pytest

from cocrea_desktop.core.errors import InvalidInput, RuleViolation
from tests.methods.jury.helpers import DICE, new_jury


def test_volunteer_needs_consent_and_features_and_changes_nothing(repo):
    sid, _c = repo.add_session(method="jury", question="¿Agua?")
    head = repo.pf.journal_head()
    with pytest.raises(InvalidInput, match="aviso de privacidad"):
        repo.jury.add_volunteer(sid, name="Ana", features={"comunidad": "A", "sexo": "Mujer",
                                                           "edad": "18-29"}, consent=False)
    with pytest.raises(InvalidInput, match="Grupo de edad"):
        repo.jury.add_volunteer(sid, name="Ana", features={"comunidad": "A", "sexo": "Mujer"},
                                consent=True)
    assert repo.pf.journal_head() == head
    assert repo.jury.volunteers(sid) == []


def test_names_and_contacts_never_enter_the_journal(repo):
    sid, _c = repo.add_session(method="jury", question="¿Agua?")
    repo.jury.add_volunteer(sid, name="Rosario Hernández Cruz", contact="951 555 0101",
                            features={"comunidad": "A", "sexo": "Mujer", "edad": "18-29"},
                            consent=True)
    journal = json.dumps(repo.pf.query("SELECT before, after FROM journal"))
    assert "Rosario" not in journal and "951 555" not in journal
    assert repo.jury.volunteers(sid)[0].name == "Rosario Hernández Cruz"


def test_draw_is_recorded_and_keeps_quotas(repo):
    sid = new_jury(repo)
    record, _c = repo.jury.draw(sid, size=12, dice=DICE, witnesses="Juana Pérez, Luis Ruiz")
    assert record.algorithm == "maximin"
    assert record.seed == int(hashlib.sha256(b"3,6,1,2,5,4,4,2,6,1,3,3").hexdigest()[:12], 16)
    assert len(record.panel) == 12 and len(record.replacements) == 18
    assert set(record.panel).isdisjoint(record.replacements)
    assert abs(sum(record.probabilities.values()) - 12) < 1e-3
    panel = repo.jury.panel(sid)
    for q in repo.jury.quotas(sid):
        n = sum(1 for v in panel if v.features[q.feature] == q.value)
        assert q.min <= n <= q.max
    # The pool and the quotas are closed once drawn; a second draw is refused.
    with pytest.raises(RuleViolation, match="ya se hizo"):
        repo.jury.set_quota(sid, "sexo", "Mujer", 1, 9)
    with pytest.raises(RuleViolation, match="ya se hizo"):
        repo.jury.draw(sid, size=12, dice=DICE, witnesses="Otra vez")


def test_replacements_keep_quotas_in_drawn_order(repo):
    sid = new_jury(repo)
    record, _c = repo.jury.draw(sid, size=12, dice=DICE, witnesses="Juana Pérez")
    quotas = repo.jury.quotas(sid)
    for leaving in list(record.panel[:4]):
        before = {v.number for v in repo.jury.panel(sid)}
        new, _c = repo.jury.replace(sid, leaving, reason="se mudó")
        after = repo.jury.panel(sid)
        assert len(after) == 12 and leaving not in {v.number for v in after}
        assert new.number in record.replacements and new.number not in before
        for q in quotas:
            n = sum(1 for v in after if v.features[q.feature] == q.value)
            assert q.min <= n <= q.max
        # The first eligible in the drawn order was taken.
        leaving_v = repo.jury.volunteer_by_number(sid, leaving)
        skipped = record.replacements[:record.replacements.index(new.number)]
        used = {s.replacement for s in repo.jury.swaps(sid)}
        for n in skipped:
            if n in used:
                continue
            other = repo.jury.volunteer_by_number(sid, n)
            assert other.features != leaving_v.features or n in used
    assert [s.withdrawn for s in repo.jury.swaps(sid)] == list(record.panel[:4])


def test_bad_dice_and_missing_witnesses_change_nothing(repo):
    sid = new_jury(repo)
    head = repo.pf.journal_head()
    with pytest.raises(InvalidInput, match="del 1 al 6"):
        repo.jury.draw(sid, size=12, dice="3 6 7 1 2 3 4 5 6 1", witnesses="Juana")
    with pytest.raises(InvalidInput, match="al menos 10"):
        repo.jury.draw(sid, size=12, dice="3 6 1", witnesses="Juana")
    with pytest.raises(InvalidInput, match="testigos"):
        repo.jury.draw(sid, size=12, dice=DICE, witnesses="")
    assert repo.pf.journal_head() == head and repo.jury.record(sid) is None


def test_witness_documents_are_hashed(repo, tmp_path):
    sid = new_jury(repo)
    doc = tmp_path / "estudio_agua.pdf"
    doc.write_bytes(b"%PDF-1.4 estudio")
    w, _c = repo.jury.add_witness(sid, name="Ing. Marta Díaz", role="CONAGUA",
                                  summary="El acuífero baja un metro por año.", documents=[doc])
    assert w.documents[0]["sha256"] == hashlib.sha256(b"%PDF-1.4 estudio").hexdigest()
    with pytest.raises(InvalidInput, match="cargo"):
        repo.jury.add_witness(sid, name="Alguien", role="", summary="")
    with pytest.raises(InvalidInput, match="No se pudo leer"):
        repo.jury.add_witness(sid, name="Alguien", role="Vecino", summary="",
                              documents=[tmp_path / "no_existe.pdf"])
    assert len(repo.jury.witnesses(sid)) == 1


def test_recommendations_consensus_or_support(repo):
    sid = new_jury(repo)
    repo.jury.draw(sid, size=12, dice=DICE, witnesses="Juana")
    rec, _c = repo.jury.add_recommendation(sid, text="Medidores en cada toma.")
    assert rec.agreement_text() == "Consenso" and rec.support == 12
    rec2, _c = repo.jury.add_recommendation(sid, text="Tarifa por tramos.", agreement="support",
                                            support=8, against=3, abstain=1)
    assert "8 de 12" in rec2.agreement_text()
    with pytest.raises(InvalidInput, match="más que las 12"):
        repo.jury.add_recommendation(sid, text="X", agreement="support", support=10, against=5)
    with pytest.raises(InvalidInput, match="cuántas"):
        repo.jury.add_recommendation(sid, text="X", agreement="support")
    repo.jury.add_note(sid, "Se discutió el costo de los medidores.")
    assert len(repo.jury.recommendations(sid)) == 2 and len(repo.jury.notes(sid)) == 1


def test_the_draw_is_final_no_undo_reaches_it_or_its_pool(repo):
    sid = new_jury(repo)
    other, _c = repo.add_session(method="jury", question="¿Otra?")
    repo.jury.set_quota(other, "sexo", "Mujer", 1, 2)  # another session's step stays
    record, changes = repo.jury.draw(sid, size=12, dice=DICE, witnesses="Juana")
    assert not changes.undoable
    assert all(op.table not in ("jury_volunteer", "jury_quota", "jury_draw")
               or op.id not in {q.id for q in repo.jury.quotas(sid)}
               for step in repo.pf.undo_stack for op in step.ops)
    while repo.pf.undo_stack:
        repo.pf.undo()
    assert repo.jury.record(sid) == record
    assert len(repo.jury.quotas(sid)) == 8 and len(repo.jury.volunteers(sid)) == 30


def test_demo_jury_and_its_stored_draw_is_the_real_one(tmp_path):
    """The demo stores its draw precomputed; drawing again gives the same jury."""
    from cocrea_desktop.methods.jury import demo
    from cocrea_desktop.methods.jury import draw as lottery
    from cocrea_desktop.store.demo import create_demo
    from cocrea_desktop.store.repo import Repo

    result = lottery.run_draw(demo.demo_input())
    assert result.panel == demo.DEMO_PANEL
    assert result.replacements == demo.DEMO_REPLACEMENTS
    assert all(abs(result.probabilities[k] - p) < 1e-5
               for k, p in demo.DEMO_PROBABILITIES.items())
    path = create_demo(tmp_path / "demo.cocrea.db")
    with Repo.open(path, read_only=True) as repo:
        sid = next(s.id for s in repo.sessions() if s.method == "jury")
        assert len(repo.jury.panel(sid)) == 12 and len(repo.jury.swaps(sid)) == 1
        assert len(repo.jury.witnesses(sid)) == 3
        assert len(repo.jury.recommendations(sid)) == 4
        assert repo.phases.current(sid).key == "deliberation"


def test_open_data_has_counts_only(repo, tmp_path):
    from cocrea_desktop.export.opendata import export_open_data

    sid = new_jury(repo)
    record, _c = repo.jury.draw(sid, size=12, dice=DICE, witnesses="Juana Pérez")
    repo.jury.add_witness(sid, name="Ing. Marta Díaz", role="CONAGUA", summary="")
    repo.jury.add_recommendation(sid, text="Medidores.")
    result = export_open_data(repo, tmp_path / "abiertos")
    assert result.leaks == []
    doc = json.loads((tmp_path / "abiertos" / "datos.json").read_text("utf-8"))
    rows = doc["tables"]["jury_counts"]
    assert {"session_id": sid, "group": "panel", "feature": "total", "value": "total",
            "count": 12} in rows
    assert {"session_id": sid, "group": "pool", "feature": "total", "value": "total",
            "count": 30} in rows
    assert {"session_id": sid, "group": "recommendations", "feature": "agreement",
            "value": "consensus", "count": 1} in rows
    text = "".join(p.read_text("utf-8-sig") for p in (tmp_path / "abiertos").glob("*.csv"))
    assert "Persona Voluntaria" not in text and "Marta Díaz" not in text
    assert (tmp_path / "abiertos" / "jury_counts.csv").exists()


def test_erasing_a_volunteer_keeps_the_draw_checkable(repo):
    sid = new_jury(repo)
    first = repo.jury.volunteers(sid)[0]
    repo.jury.remove_volunteer(first.id)  # before the draw: out of the pool
    assert repo.jury.volunteer(first.id).status == "withdrawn"
    record, _c = repo.jury.draw(sid, size=12, dice=DICE, witnesses="Juana")
    assert first.number not in record.panel + record.replacements
    member = repo.jury.volunteer_by_number(sid, record.panel[0])
    repo.jury.remove_volunteer(member.id)  # after: name and contact gone, place kept
    erased = repo.jury.volunteer(member.id)
    assert erased.name == "" and erased.contact == "" and erased.status == "panel"
    assert member.number in [v.number for v in repo.jury.panel(sid)]
    assert not repo.pf.undo_stack or all(
        op.id != member.id for step in repo.pf.undo_stack for op in step.ops)
    with pytest.raises(RuleViolation, match="ya se borraron"):
        repo.jury.remove_volunteer(member.id)
