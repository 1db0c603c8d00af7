"""The assembly's outputs from the demo process: the room view of each of its phases
(the item, the speaker's clock, the results; numbers, never names), the open data
(counts only: no speaker or counter name anywhere), the relatoría PDF with its summary,
and the acta PDF read back."""

from __future__ import annotations

import json

import pytest
from pypdf import PdfReader

from cocrea_desktop.export.opendata import export_open_data
from cocrea_desktop.export.pdf.session_reports import render_session_report
from cocrea_desktop.export.room_state import room_state
from cocrea_desktop.methods.assembly.pdf import render_acta
from cocrea_desktop.store.demo import create_demo
from cocrea_desktop.store.repo import Repo


@pytest.fixture
def demo(tmp_path):
    repo = Repo.open(create_demo(tmp_path / "demo.cocrea.db"))
    sid = next(s.id for s in repo.sessions() if s.method == "assembly")
    yield repo, sid
    repo.close()


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    return "\n".join(p.extract_text() for p in PdfReader(path).pages)


def test_demo_room_views(demo):
    repo, sid = demo
    state = room_state(repo, sid)
    assert state.question.startswith("Punto 3: Desayunador")
    assert state.timer_seconds is not None and 0 < state.timer_seconds <= 180
    assert state.timer_state == "paused"
    assert "Tiene la palabra: turno 2" in state.footer
    repo.phases.go_to(sid, "agenda")
    state = room_state(repo, sid)
    assert [i.note for i in state.items] == ["tratado", "tratado", "en discusión"]
    assert "quórum: 33" in state.footer and state.timer_seconds is None
    repo.phases.go_to(sid, "acta")
    state = room_state(repo, sid)
    assert [i.number for i in state.items] == ["1", "2"]
    assert "38 a favor" in state.items[0].note


def test_open_data_publishes_counts_and_no_names(demo, tmp_path):
    repo, sid = demo
    repo.assembly.add_speaker(sid, name="Eulalia Santiago Cruz", sector="Mujeres",
                              sex="mujer")
    repo.assembly.next_speaker(sid)
    repo.assembly.next_speaker(sid)
    result = export_open_data(repo, tmp_path / "abiertos")
    assert result.leaks == []
    doc = json.loads((tmp_path / "abiertos" / "datos.json").read_text("utf-8"))
    tables = doc["tables"]
    votes = [v for v in tables["assembly_votes"] if v["session_id"] == sid]
    assert [(v["proposal"], v["votes_for"], v["outcome"]) for v in votes] == [
        (1, 38, "approved"), (2, 19, "rejected"), (3, 31, "approved"), (4, 22, "rejected")]
    assert len(tables["assembly_agreements"]) == 2
    agenda = tables["assembly_agenda"]
    assert [a["status"] for a in agenda] == ["closed", "closed", "open"]
    speaking = {(r["item"], r["dimension"], r["category"]): r["turns"]
                for r in tables["assembly_speaking"]}
    assert speaking[(1, "sex", "mujer")] == 2 and speaking[(1, "sector", "Comité del agua")] == 2
    everything = "".join(p.read_text("utf-8", errors="ignore")
                         for p in (tmp_path / "abiertos").glob("*.*") if p.suffix != ".xlsx")
    assert "Eulalia" not in everything and "Tomás Cruz" not in everything
    assert (tmp_path / "abiertos" / "assembly_votes.csv").exists()


def test_relatoria_and_acta_pdfs(demo, tmp_path):
    repo, sid = demo
    text = pdf_text(render_session_report(repo, sid, "relatoria"), tmp_path)
    assert "Acuerdo 1: Cooperación de 150 pesos" in text.replace("\n", " ")
    acta = pdf_text(render_acta(repo, sid), tmp_path).replace("\n", " ")
    for needle in ("Acta de asamblea", "Orden del día", "Quórum: 33 personas",
                   "Punto 2: Faenas", "31 votos de 53 boletas", "Presidencia de la asamblea",
                   "Secretaría", "Tiempo de palabra en toda la asamblea"):
        assert needle in acta, needle


def test_agreements_are_offered_as_proposals(demo):
    repo, sid = demo
    offered = repo.proposals.result(sid)
    assert [(p.source_kind, p.title[:30]) for p in offered[:2]] == [
        ("assembly_agreement", "Cooperación de 150 pesos por f"),
        ("assembly_agreement", "Faena el primer sábado de cada")]
    assert [p.number for p in offered[2:]] == [4]  # the ballot option that made no agreement
    proposal, _c = repo.proposals.promote(sid, "assembly_agreement", offered[0].source_id)
    assert proposal.description.startswith("Punto 1: Agua potable")
    assert "38 a favor" in proposal.source["line"]
    assert repo.proposals.result(sid)[0].proposal_label == proposal.label
