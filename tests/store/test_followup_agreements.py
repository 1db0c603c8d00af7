"""The fair's cartas compromiso feed the follow-up of the plan (issue 16): a letter
promoted to a proposal that became a commitment shows in that commitment's follow-up and
its progress report; its signed scan becomes a milestone's evidence with the same SHA-256
and a journal entry; letters no commitment carries are listed; bad input changes nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from pypdf import PdfReader

from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.export.opendata import collect
from cocrea_desktop.export.progress import write_progress_pdf
from cocrea_desktop.store.followup import agreement_lines, loose_lines
from tests.store.pal_helpers import fair_letters, merged_process, plan


def _seconds_to(day: str) -> float:
    import datetime as dt

    return dt.datetime.fromisoformat(day + "T12:00:00+00:00").timestamp()


@pytest.fixture()
def office(tmp_path):
    repo = merged_process(tmp_path)
    plan(repo)
    ids = fair_letters(repo, tmp_path)
    repo.pf.clock.advance(_seconds_to("2028-01-15") - repo.pf.clock.now())
    yield repo, ids
    repo.close()


def _pdf_text(path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(path)).pages)


def test_a_letter_made_commitment_shows_in_its_follow_up_and_report(office, tmp_path):
    repo, ids = office
    digest = hashlib.sha256(Path(ids["scan"]).read_bytes()).hexdigest()
    f = repo.followup
    by_folio = {x.agreement.folio: x for x in f.carried()}
    assert by_folio["CC-001"].commitments == ("3",)
    assert by_folio["CC-002"].commitments == () and by_folio["CC-002"].proposals
    assert by_folio["CC-003"].proposals == () and by_folio["CC-003"].commitments == ()
    (letter,) = f.commitment_agreements("3")
    assert letter.folio == "CC-001" and letter.who == "Ing. Pedro Ruiz, Director, Obras Públicas"
    assert letter.committed == "Instalar seis luminarias en el camino"
    assert letter.status_text == "En el PAL" and letter.next_meeting == "2027-03-13"
    assert [x.sha256 for x in letter.files] == [digest]
    assert f.commitment_agreements("1") == []
    lines = agreement_lines(letter)
    assert lines[0].startswith("CC-001 · 20/02/2027 · Ing. Pedro Ruiz")
    assert "Próxima reunión: 13/03/2027" in lines[2] and digest in lines[3]
    # The progress report: the letter on the commitment's page, its scan's SHA-256 beside
    # the milestones' evidence; the letters of no commitment on the first page.
    pdf = write_progress_pdf(repo, tmp_path / "avance.pdf")
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(str(pdf)).pages]
    road = next(p for p in pages if "Camino seguro a la secundaria" in p)
    assert "Cartas compromiso de la feria" in road and "CC-001" in road
    assert "Instalar seis luminarias en el camino" in road and "En el PAL" in road
    assert "13/03/2027" in road and "carta-CC-001-firmada.png" in road
    assert digest in road.replace(" ", "")
    assert "CC-002" not in road
    first = pages[0]
    assert "2 cartas compromiso de la feria no están en ningún compromiso del plan" in first
    assert "CC-002 (propuesta" in first and "CC-003 (sin propuesta)" in first
    assert "CC-001" not in first
    # The open data: each letter with the commitment carrying it, no authority's name.
    rows = {r["folio"]: r for r in collect(repo)["plan_agreements"]}
    assert rows["CC-001"]["commitment"] == "3" and rows["CC-001"]["evidence_sha256"] == digest
    assert rows["CC-003"]["commitment"] == "" and rows["CC-003"]["proposals"] == ""
    assert "Pedro Ruiz" not in str(rows)


def test_the_signed_scan_as_a_milestone_evidence(office):
    repo, ids = office
    digest = hashlib.sha256(Path(ids["scan"]).read_bytes()).hexdigest()
    f = repo.followup
    evidence = f.agreement_evidence("3.1", "cc-001")
    assert evidence.sha256 == digest and evidence.content == Path(ids["scan"]).read_bytes()
    rec, changes = f.record("3.1", status="done", date="2027-08-20", evidence=evidence,
                            note="La carta firmada")
    assert rec.evidence_sha256 == digest and rec.evidence_name == "carta-CC-001-firmada.png"
    (kept,) = f.evidence("3.1")
    assert kept["sha256"] == digest and f.evidence_content(kept["id"]) == evidence.content
    # Journaled as the follow-up's evidence is: the attachment of the milestone, its hash.
    rows = repo.pf.query("SELECT after FROM journal WHERE object_type = 'attachment' "
                         "AND action = 'followup.progress'")
    assert rows and digest in rows[-1]["after"]
    assert repo.pf.verify_journal().ok
    # The letter's own scan stays the letter's.
    assert repo.fair.attachments(ids["CC-001"])[0]["sha256"] == digest
    # Attached without a record, the same file is not kept twice.
    f.attach("3.1", f.agreement_evidence("3.1", ids["CC-001"]))
    assert len(f.evidence("3.1")) == 1
    pdf_rows = [e["sha256"] for e in f.evidence("3.1")]
    assert pdf_rows == [digest]


def test_letters_no_commitment_carries_are_listed(office):
    repo, ids = office
    f = repo.followup
    loose = f.loose_agreements()
    assert [x.agreement.folio for x in loose] == ["CC-002", "CC-003"]
    (line,) = loose_lines(loose)
    assert line.startswith("2 cartas compromiso de la feria no están en ningún compromiso")
    # A dropped letter is not lost but closed: no longer listed.
    repo.fair.set_letter_status(ids["CC-003"], "dropped", "La escuela cerró el huerto")
    (line,) = loose_lines(f.loose_agreements())
    assert line.startswith("1 carta compromiso de la feria no está en ningún compromiso")
    # Made a commitment, the letter leaves the list.
    pid = next(x.proposal_ids[0] for x in f.carried() if x.agreement.folio == "CC-002")
    repo.commitments.add("Agua para los huertos", proposals=[pid], start_date="2027-07-01",
                         end_date="2029-06-30", pillars=["participation"],
                         milestones=[{"description": "Toma de agua", "due_date": "2028-03-01"}])
    assert f.loose_agreements() == []
    assert [a.folio for a in f.commitment_agreements("4")] == ["CC-002"]


@pytest.mark.parametrize(("milestone", "folio", "words"), [
    ("3.1", "CC-002", "«CC-002» no es un acuerdo firmado del compromiso 3 (son: CC-001)."),
    ("1.1", "CC-001", "El compromiso 1 no viene de ningún acuerdo firmado (como una carta "
                      "compromiso)."),
])
def test_bad_input_changes_nothing(office, milestone, folio, words):
    repo, _ids = office
    head = repo.journal_head()
    with pytest.raises(InvalidInput) as err:
        repo.followup.agreement_evidence(milestone, folio)
    assert err.value.message == words
    assert repo.journal_head() == head


def test_a_letter_without_scan_cannot_be_evidence(office):
    repo, ids = office
    pid = next(x.proposal_ids[0] for x in repo.followup.carried()
               if x.agreement.folio == "CC-002")
    repo.commitments.add("Agua para los huertos", proposals=[pid], start_date="2027-07-01",
                         end_date="2029-06-30", pillars=["participation"],
                         milestones=[{"description": "Toma de agua", "due_date": "2028-03-01"}])
    head = repo.journal_head()
    with pytest.raises(InvalidInput) as err:
        repo.followup.agreement_evidence("4.1", "CC-002")
    assert err.value.message == ("CC-002 no tiene adjunta su copia firmada; adjunte primero "
                                 "la foto o el escaneo del papel firmado.")
    assert repo.journal_head() == head
    assert repo.pf.query("SELECT * FROM milestone_progress") == []
