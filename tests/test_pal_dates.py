"""Dates in the Local Action Plan as people write them: typed dd/mm/aaaa (or ISO) at the
command line, stored as ISO, shown as dd/mm/aaaa or in words in the PAL PDF, DOCX and
the minutes; English shows the English form; open data (JSON) keeps ISO."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from cocrea_desktop import i18n
from cocrea_desktop.cli import cli
from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.store.repo import Repo
from tests.store.pal_helpers import merged_process


def run(*args, ok: bool = True):
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == (0 if ok else 1), result.output
    return result


@pytest.fixture
def db(tmp_path):
    repo = merged_process(tmp_path)
    path = repo.path
    repo.close()
    return path


def pdf_text(path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split())
                    for page in PdfReader(str(path)).pages)


def build(db):
    run("stl", "agency", db, "Dirección de Obras Públicas")
    for name, sector in (("Rosa Martínez", "government"), ("Juan Pérez", "civil_society"),
                         ("Elena Cruz", "guarantor")):
        run("stl", "add", db, name, "--sector", sector, "--start", "15/01/2027")
    run("stl", "decide", db, "--date", "20/01/2027", "--item", "Selección", "--kind",
        "selection", "--proposal", "Pasan 1", "--present", "1,2,3", "--vote", "--for", "3")
    return json.loads(run(
        "commitments", "add", db, "Agua potable", "--proposal", "1", "--start",
        "01/07/2027", "--end", "2029-06-30", "--agency", "Dirección de Obras Públicas",
        "--milestone", "Diagnóstico|Informe publicado|Obras|30/09/2027", "--json").output)


def test_typed_dates_are_stored_iso_and_shown_as_people_write_them(db, tmp_path):
    made = build(db)
    assert made["start_date"] == "2027-07-01" and made["end_date"] == "2029-06-30"
    assert made["milestones"][0]["due_date"] == "2027-09-30"
    decisions = json.loads(run("stl", "decisions", db, "--json").output)
    assert decisions[0]["date"] == "2027-01-20"
    assert "15/01/2027" in run("stl", "list", db).output
    assert "20/01/2027" in run("stl", "decisions", db).output
    shown = run("commitments", "show", db, "1").output
    assert "01/07/2027" in shown and "30/09/2027" in shown and "2027-" not in shown
    assert "Rosa Martínez" in run("stl", "list", db, "--on", "16/01/2027").output

    pdf = tmp_path / "PAL.pdf"
    run("report", "pal", db, "-o", pdf)
    text = pdf_text(pdf)
    assert "1 de julio de 2027 — 30 de junio de 2029" in text
    assert "Acuerdo 1 del STL, 20 de enero de 2027" in text
    assert "30/09/2027" in text and "15/01/2027" in text and "20/01/2027" in text
    assert "2027-" not in text
    import docx

    cells = {c.text for t in docx.Document(str(_docx(db, tmp_path))).tables
             for row in t.rows for c in row.cells}
    assert "30/09/2027" in cells and "1 de julio de 2027 — 30 de junio de 2029" in cells
    document = docx.Document(str(_docx(db, tmp_path)))
    stones = next(t for t in document.tables if t.rows[0].cells[1].text == "Hito")
    number, milestone = stones.rows[1].cells[0].width, stones.rows[1].cells[1].width
    assert number and milestone and milestone > 4 * number  # the PDF's proportions
    minutes = tmp_path / "acta.pdf"
    run("stl", "minutes", db, "1", "-o", minutes)
    assert "20 de enero de 2027" in pdf_text(minutes)


def _docx(db, tmp_path):
    out = tmp_path / "PAL.docx"
    run("report", "pal", db, "-o", out)
    return out


def test_english_shows_the_english_form(db, tmp_path):
    build(db)
    from cocrea_desktop.export import pal

    i18n.set_language("en")
    try:
        with Repo.open(db, read_only=True) as repo:
            texts = [" ".join(c for row in b.rows for c in row) + b.text
                     for b in pal.pal_blocks(repo)]
            joined = " ".join(texts)
            assert "July 1, 2027 — June 30, 2029" in joined
            assert "09/30/2027" in joined and "01/15/2027" in joined
            assert "2027-" not in joined
            assert repo.stl.members(on="01/16/2027")
    finally:
        i18n.set_language("es")


def test_a_bad_typed_date_says_how_to_write_it_and_changes_nothing(db):
    build(db)
    result = run("commitments", "edit", db, "1", "--end", "31/02/2029", ok=False)
    assert "«31/02/2029»" in result.output and "dd/mm/aaaa" in result.output
    result = run("commitments", "edit", db, "1", "--end", "30/06/2027", ok=False)
    assert "30/06/2027" in result.output and "01/07/2027" in result.output
    with Repo.open(db, read_only=True) as repo:
        assert repo.commitments.list()[0].end_date == "2029-06-30"
        with pytest.raises(InvalidInput):
            repo.stl.members(on="mañana")


def test_the_pal_reads_well_where_nothing_was_counted_or_changed(tmp_path):
    from tests.store.pal_helpers import plan

    repo = merged_process(tmp_path)
    plan(repo)
    pdf = tmp_path / "PAL.pdf"
    from cocrea_desktop.export import pal

    pal.write_pal_pdf(repo, pdf)
    text = pdf_text(pdf)
    assert "0 campos cambiaron" not in text
    assert "Compromiso 1: sin cambios desde que pasó a consulta." in text
    sessions = next(b for b in pal.pal_blocks(repo) if b.kind == "table"
                    and b.rows[0][-1] == "Asistentes")
    assert [row[-1] for row in sessions.rows[1:]] == ["—", "—"]
    repo.close()


def test_tallies_say_one_abstention_and_one_block(tmp_path):
    from tests.store.pal_helpers import plan

    repo = merged_process(tmp_path)
    ids = plan(repo)
    voters = [m.name for m in repo.stl.members() if not m.facilitator]
    d, _c = repo.stl.decide(date="10/06/2027", agenda_item="Calendario", kind="other",
                            mode="vote", present=voters, votes={"for": 2, "abstain": 1})
    assert d.tally_text() == "2 a favor, 0 en contra, 1 abstención"
    d, _c = repo.stl.decide(date="11/06/2027", agenda_item="Otro punto", kind="other",
                            present=voters, positions={
                                voters[0]: ("agree", ""), voters[1]: ("agree", ""),
                                voters[2]: ("block", "No se consultó")})
    assert d.tally_text() == "2 de acuerdo, 0 a un lado, 1 bloqueo"
    i18n.set_language("en")
    try:
        assert d.tally_text() == "2 agree, 0 stand aside, 1 block"
    finally:
        i18n.set_language("es")
    assert ids and repo.stl.decision(d.id).date == "2027-06-11"
    repo.close()
