"""`cocrea stl ...`, `cocrea commitments ...` and `cocrea report pal` on a merged
multi-table process: the PAL built through the CLI, the PDF and the DOCX read back
(text and structure), every origin link resolved; bad input refused, nothing changed."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cocrea_desktop.cli import cli
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


def build_plan(db):
    run("stl", "agency", db, "Dirección de Obras Públicas")
    for name, sector, extra in (("Rosa Martínez", "government", []),
                                ("Juan Pérez", "civil_society", []),
                                ("Elena Cruz", "guarantor", []),
                                ("Mario Hernández", "civil_society", ["--facilitator"])):
        run("stl", "add", db, name, "--sector", sector, "--organisation", "Org", "--start",
            "2027-01-10", *extra)
    run("stl", "decide", db, "--date", "2027-02-01", "--item", "Estrategia de participación",
        "--kind", "participation_strategy", "--present", "1,2,3,4",
        "--position", "1=agree", "--position", "2=agree",
        "--position", "3=abstain:Lo revisa el pleno")
    run("stl", "decide", db, "--date", "2027-05-01", "--item", "Selección", "--kind",
        "selection", "--proposal", "Pasan 1 y mesa-2 · 1", "--present", "1,2,3", "--vote",
        "--for", "3")
    made = json.loads(run(
        "commitments", "add", db, "Agua potable para todos", "--proposal", "1",
        "--proposal", "mesa-2 · 1", "--start", "2027-07-01", "--end", "2029-06-30",
        "--agency", "Dirección de Obras Públicas", "--responsible", "Ing. Luis Gómez",
        "--problem", "Sin agua diario", "--baseline", "3 de 7 barrios", "--pillar",
        "transparency", "--pillar", "participación", "--axis", "Servicios públicos",
        "--milestone", "Diagnóstico|Informe publicado|Obras|2027-10-31",
        "--milestone", "Reparación|Acta de entrega|Obras|2028-12-15", "--json").output)
    return made


def test_a_pal_through_the_cli_read_back_as_pdf_and_docx(db, tmp_path):
    made = build_plan(db)
    assert made["label"] == "1" and made["pillars"] == ["transparency", "participation"]
    assert [link["kind"] for link in made["trace"]].count("session") == 2
    for criterion in ("specific", "measurable", "achievable", "relevant", "time_bound"):
        run("commitments", "smart", db, "1", criterion, "--note", "Revisado")
    checked = json.loads(run("commitments", "smart", db, "1", "specific", "--note", "Claro",
                             "--json").output)
    assert checked["smart"]["specific"] == {"ok": True, "note": "Claro"}
    edited = json.loads(run("commitments", "edit", db, "1", "--objective", "Agua diario",
                            "--json").output)
    assert edited["objective"] == "Agua diario"
    run("stl", "decide", db, "--date", "2027-08-01", "--item", "A consulta", "--kind",
        "consultation_ready", "--commitment", "1", "--present", "1,2,3",
        "--position", "1=agree", "--position", "2=agree", "--position", "3=agree")
    shown = json.loads(run("commitments", "show", db, "1", "--json").output)
    assert shown["stage"] == "consultation" and shown["findings"] == []
    listed = run("commitments", "list", db).output
    assert "Agua potable para todos [listo para consulta]" in listed
    assert "Mario Hernández" in run("stl", "list", db).output
    decisions = json.loads(run("stl", "decisions", db, "--json").output)
    assert [d["outcome"] for d in decisions] == ["approved", "approved", "approved"]
    with Repo.open(db, read_only=True) as repo:
        for c in repo.commitments.list():
            assert all(repo.commitments.resolve(link) for link in repo.commitments.trace(c.id))

    pdf, docx_file = tmp_path / "PAL.pdf", tmp_path / "PAL.docx"
    run("report", "pal", db, "-o", pdf)
    run("report", "pal", db, "-o", docx_file)
    from pypdf import PdfReader

    text = " ".join(" ".join((page.extract_text() or "").split())
                    for page in PdfReader(str(pdf)).pages)
    for expected in ("Plan de Acción Local de Gobierno Abierto", "Compromiso 1. Agua potable",
                     "Informe publicado", "Mesa 1 · Agua", "Secretariado Técnico Local",
                     "Rosa Martínez", "Estrategia de participación"):
        assert expected in text, expected
    import docx

    document = docx.Document(str(docx_file))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Compromisos" in headings and "El Secretariado Técnico Local" in headings
    assert "Compromiso 1. Agua potable para todos" in headings
    cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    assert {"Informe publicado", "Acta de entrega", "Dirección de Obras Públicas"} <= cells

    minutes = tmp_path / "acta.pdf"
    run("stl", "minutes", db, "1", "-o", minutes)
    text = " ".join(PdfReader(str(minutes)).pages[0].extract_text().split())
    assert "Acta de acuerdo del STL" in text and "se hace a un lado" in text
    assert "Lo revisa el pleno" in text


def test_bad_input_says_why_in_spanish_and_changes_nothing(db):
    build_plan(db)
    with Repo.open(db, read_only=True) as repo:
        head = repo.pf.journal_head()
    cases = [
        (["commitments", "add", db, "Sin origen"], "diga por qué"),
        (["commitments", "add", db, "Fechas", "--reason", "Cabildo", "--start", "2029-01-01",
          "--end", "2027-01-01"], "anterior"),
        (["commitments", "edit", db, "1", "--milestone", "Tarde|x|y|2030-01-01"],
         "fuera del periodo"),
        (["commitments", "edit", db, "1", "--agency", "Secretaría Inventada"],
         "no está en la lista"),
        (["stl", "decide", db, "--date", "2027-02-01", "--item", "X", "--present", "1",
          "--position", "1=block"], "dice por qué"),
        (["report", "pal", db, "-o", "PAL.txt"], ".pdf o .docx"),
    ]
    for args, message in cases:
        result = run(*args, ok=False)
        assert message in result.output, result.output
        assert "Traceback" not in result.output
    with Repo.open(db, read_only=True) as repo:
        assert repo.pf.journal_head() == head
        assert len(repo.commitments.list()) == 1
