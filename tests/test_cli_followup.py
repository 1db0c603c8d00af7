"""`cocrea followup progress|list|due|evidence` and `cocrea report progress` on a plan
with two commitments: progress recorded through the CLI, the PDF and the open data read
back; bad input refused with a Spanish message, nothing changed."""

from __future__ import annotations

import hashlib
import json

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from cocrea_desktop.cli import cli
from tests.store.pal_helpers import merged_process, plan


def run(*args, ok: bool = True):
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == (0 if ok else 1), result.output
    return result


@pytest.fixture
def db(tmp_path):
    repo = merged_process(tmp_path)
    plan(repo)
    path = repo.path
    repo.close()
    return path


def test_progress_through_the_cli_and_the_report_read_back(db, tmp_path):
    acta = tmp_path / "acta-diagnostico.pdf"
    acta.write_bytes(b"%PDF-1.4 informe del diagnostico de la red")
    digest = hashlib.sha256(acta.read_bytes()).hexdigest()
    out = run("followup", "progress", db, "1.1", "done", "--date", "30/10/2027",
              "--note", "Informe publicado", "--evidence", acta).output
    assert "Hito 1.1: cumplido, 100 %." in out and digest in out
    run("followup", "progress", db, "1.2", "in_progress", "--percent", "40", "--date",
        "15/11/2027")
    run("followup", "progress", db, "2.1", "cancelled", "--date", "01/08/2027", "--reason",
        "La clínica ya tenía comité")
    listing = json.loads(run("followup", "list", db, "--json").output)
    assert [(m["milestone"], m["status"], m["percent"]) for m in listing["milestones"]] == [
        ("1.1", "done", 100), ("1.2", "in_progress", 40), ("2.1", "cancelled", 0)]
    assert listing["milestones"][0]["history"][0]["evidence_sha256"] == digest
    due = run("followup", "due", db, "--by", "31/12/2028").output
    assert "1.2" in due and "1.1" not in due and "2.1" not in due
    ev = run("followup", "evidence", db, "1.1", "--save", tmp_path / "copia").output
    assert digest in ev and (tmp_path / "copia" / acta.name).read_bytes() == acta.read_bytes()
    pdf = tmp_path / "avance.pdf"
    run("report", "progress", db, "-o", pdf)
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(str(pdf)).pages]
    assert "Informe de avance del Plan de Acción Local" in pages[0]
    assert "Cumplidos" in pages[0] and "Atrasados" in pages[0]
    water = next(p for p in pages if "Agua potable para todos" in p)
    assert "Diagnóstico de la red" in water and "cumplido" in water and "40 %" in water
    assert "acta-diagnostico.pdf" in water and digest[:40] in water.replace(" ", "")
    clinic = next(p for p in pages if "Comité ciudadano de la clínica" in p)
    assert "La clínica ya tenía comité" in clinic
    assert len(pages) >= 3  # the summary, then one page per commitment
    from cocrea_desktop.export.opendata import collect
    from cocrea_desktop.store.repo import Repo

    with Repo.open(db, read_only=True) as repo:
        rows = collect(repo)["milestone_progress"]
    assert [(r["commitment"], r["position"], r["status"], r["current"]) for r in rows] == [
        ("1", 1, "done", 1), ("1", 2, "in_progress", 1), ("2", 1, "cancelled", 1)]
    assert rows[0]["evidence_sha256"] == digest


@pytest.mark.parametrize(("args", "words"), [
    (["1.1", "in_progress", "--date", "01/01/2027"], "anterior al inicio"),
    (["1.1", "in_progress", "--percent", "150", "--date", "01/09/2027"], "entre 0 y 100"),
    (["1.1", "cancelled", "--date", "01/09/2027"], "por qué se cancela"),
    (["1.1", "in_progress", "--date", "01/09/2027", "--evidence", "/no/hay/foto.jpg"],
     "no es un archivo"),
    (["9.9", "in_progress"], "No existe el hito"),
])
def test_bad_input_is_refused_and_nothing_changes(db, args, words):
    result = run("followup", "progress", db, *args, ok=False)
    assert words in result.output
    listing = json.loads(run("followup", "list", db, "--json").output)["milestones"]
    assert all(m["history"] == [] for m in listing)
    assert json.loads(run("followup", "evidence", db, "1.1", "--json").output) == []


def test_report_progress_wants_a_pdf(db, tmp_path):
    result = run("report", "progress", db, "-o", tmp_path / "avance.docx", ok=False)
    assert ".pdf" in result.output


@pytest.fixture
def fair_db(tmp_path):
    from tests.store.pal_helpers import fair_letters

    repo = merged_process(tmp_path)
    plan(repo)
    ids = fair_letters(repo, tmp_path)
    path = repo.path
    repo.close()
    return path, ids


def test_letters_of_the_fair_in_the_follow_up_through_the_cli(fair_db, tmp_path):
    from cocrea_desktop.store.repo import Repo

    db, ids = fair_db
    digest = hashlib.sha256(open(ids["scan"], "rb").read()).hexdigest()
    out = run("followup", "agreements", db).output
    assert "CC-001 · 20/02/2027 · Ing. Pedro Ruiz, Director, Obras Públicas" in out
    assert "En el compromiso 3." in out and digest in out
    assert ("2 cartas compromiso de la feria no están en ningún compromiso del plan: CC-002 "
            "(propuesta") in out and "CC-003 (sin propuesta)." in out
    listed = json.loads(run("followup", "agreements", db, "--commitment", "3", "--json").output)
    assert [a["folio"] for a in listed] == ["CC-001"] and listed[0]["commitments"] == ["3"]
    assert "no viene de ningún acuerdo firmado" in run("followup", "agreements", db,
                                                       "--commitment", "1").output
    # The signed scan as the evidence of a milestone: the same SHA-256.
    out = run("followup", "progress", db, "3.1", "done", "--date", "20/08/2027",
              "--agreement", "CC-001").output
    assert "Hito 3.1: cumplido, 100 %." in out and digest in out
    out = run("followup", "evidence", db, "3.2", "--agreement", "cc-001").output
    assert f"Evidencia adjunta: SHA-256 {digest}." in out
    # Bad input: a letter without its scan, a letter of another commitment; nothing changed.
    with Repo.open(db, read_only=True) as repo:
        head = repo.journal_head()
    bad = run("followup", "progress", db, "3.2", "in_progress", "--agreement", "CC-002",
              ok=False).output
    assert "«CC-002» no es un acuerdo firmado del compromiso 3 (son: CC-001)." in bad
    bad = run("followup", "progress", db, "3.2", "in_progress", "--agreement", "CC-001",
              "--evidence", ids["scan"], ok=False).output
    assert "Use --evidence o --agreement, no los dos." in bad
    with Repo.open(db, read_only=True) as repo:
        assert repo.journal_head() == head
        assert len(repo.followup.state("3.2").history) == 0
