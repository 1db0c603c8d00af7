"""The public consultation through `cocrea consultation|comments|report accountability` and
the store: 200 comments (typed and imported), every one answered, the report read back
(PDF and open data); bad input refused with a Spanish message, nothing changed."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from cocrea_desktop.cli import cli
from cocrea_desktop.core.errors import InvalidInput, NotFound, RuleViolation
from cocrea_desktop.store.repo import Repo
from tests.store.pal_helpers import merged_process, plan

THEMES = ("agua", "transparencia", "salud", "caminos")


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


def count_rows(path, table):
    repo = Repo.open(path)
    try:
        return repo.pf.scalar(f"SELECT COUNT(*) FROM {table}")
    finally:
        repo.close()


def test_two_hundred_comments_answered_and_reported(db, tmp_path):
    run("consultation", "open", db, "--start", "10/08/2027", "--channel", "meeting",
        "--channel", "box", "--channel", "formato impreso")
    shown = json.loads(run("consultation", "show", db, "--json").output)
    assert shown["start_date"] == "2027-08-10" and shown["end_date"] == "2027-08-19"
    assert shown["channels"] == ["meeting", "box", "form"] and shown["versions"]
    # 20 typed one by one, with the commenter's name (personal data, kept apart)
    for i in range(20):
        run("comments", "add", db, f"Comentario tecleado {i + 1} sobre el agua",
            "--date", f"{10 + i % 10}/08/2027", "--channel", "box", "--commitment", "1",
            "--theme", "agua", "--name", f"Vecina Número{i} Reservada", "--contact",
            f"95100000{i:02d}")
    # 180 imported from a spreadsheet
    table = tmp_path / "comentarios.csv"
    with open(table, "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["Fecha", "Canal", "Compromiso", "Sección", "Comentario", "Tema"])
        for i in range(180):
            on_health = i % 3 == 0
            w.writerow([f"{11 + i % 9}/08/2027", "reunión" if i % 2 else "formato impreso",
                        "2" if on_health else ("" if i % 7 == 0 else "1"),
                        "Presentación" if i % 7 == 0 and not on_health else "",
                        f"=Opinión importada {i + 1}: que se publique el avance",
                        THEMES[i % 4]])
    run("comments", "import", db, table)
    listed = json.loads(run("comments", "list", db, "--json").output)
    assert len(listed) == 200
    assert all(not x["answered"] for x in listed)
    # a duplicate joined through the store, both kept
    repo = Repo.open(db)
    try:
        repo.consultation.join("3", "2")
    finally:
        repo.close()
    # closing with unanswered comments is refused
    out = run("consultation", "close", db, ok=False).output
    assert "sin respuesta" in out
    kinds = ("incorporated", "partly", "not", "na")
    for x in listed:
        if x["label"] == "3":
            continue
        kind = kinds[x["number"] % 4]
        extra = [] if kind == "incorporated" else ["--reason", "Fuera del presupuesto municipal"]
        if kind in ("incorporated", "partly"):
            extra += ["--change", "Se agregó un hito de publicación mensual"]
        run("comments", "answer", db, x["label"], kind, *extra)
    assert json.loads(run("comments", "list", db, "--unanswered", "--json").output) == []
    dup = json.loads(run("comments", "list", db, "--json").output)[2]
    assert dup["duplicate_of"] and dup["answered"]
    # the report, before closing and after
    pdf = tmp_path / "informe.pdf"
    run("consultation", "close", db)
    run("report", "accountability", db, "-o", pdf)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "Informe de respuesta a la consulta pública" in text
    assert "Criterios para responder" in text
    assert "sin respuesta" not in text
    assert "Compromiso 1. Agua potable para todos los barrios" in text
    assert "Otras secciones del plan" in text
    assert "Reservada" not in text and "9510000" not in text
    assert "(se unió al 2)" in text
    for n in (1, 57, 180):
        assert f"importada {n}: que se publique" in text
    assert "tecleado 20 sobre" in text
    # the open data: every comment, every one answered, no names, no formulas
    data = tmp_path / "comentarios.json"
    run("report", "accountability", db, "-o", data)
    rows = json.loads(data.read_text(encoding="utf-8"))["consultation_comments"]
    assert len(rows) == 200 and all(r["response"] for r in rows)
    assert "Reservada" not in data.read_text(encoding="utf-8")
    out_csv = tmp_path / "comentarios-abiertos.csv"
    run("report", "accountability", db, "-o", out_csv)
    cells = list(csv.reader(out_csv.read_text(encoding="utf-8-sig").splitlines()))
    assert len(cells) == 201
    assert not any(c.startswith("=") for row in cells for c in row)
    assert count_rows(db, "consultation_commenter") == 20


def test_bad_input_is_refused_and_changes_nothing(db, tmp_path):
    run("comments", "add", db, "Sin consulta", "--date", "10/08/2027", ok=False)
    run("consultation", "open", db, "--start", "10/08/2027", "--end", "20/08/2027")
    run("comments", "add", db, "Bueno", "--date", "12/08/2027", "--commitment", "1")
    before = count_rows(db, "consultation_comment")
    out = run("comments", "add", db, "Fuera", "--date", "25/08/2027", ok=False).output
    assert "fuera del periodo de la consulta" in out
    out = run("comments", "add", db, "Otro", "--date", "12/08/2027", "--commitment", "9",
              ok=False).output
    assert "No existe el compromiso «9»" in out
    out = run("comments", "add", db, "Otro", "--date", "32/08/2027", ok=False).output
    assert "no es válida" in out
    out = run("comments", "answer", db, "1", "not", ok=False).output
    assert "razón" in out
    bad = tmp_path / "malo.csv"
    bad.write_text("fecha,compromiso,comentario\n12/08/2027,1,Bien\n01/01/2026,1,Antes\n"
                   "12/08/2027,7,Sin compromiso\n12/08/2027,1,\n", encoding="utf-8")
    out = run("comments", "import", db, bad, ok=False).output
    assert "Renglón 3" in out and "Renglón 4" in out and "Renglón 5" in out
    assert "Renglón 2" not in out
    assert count_rows(db, "consultation_comment") == before
    repo = Repo.open(db)
    try:
        assert repo.consultation.comment("1").response == ""
    finally:
        repo.close()


def test_the_store_rules(tmp_path):
    repo = merged_process(tmp_path)
    try:
        with pytest.raises(RuleViolation):
            repo.consultation.open(start="01/08/2027")  # nothing ready for consultation yet
        plan(repo)
        c, _c = repo.consultation.open(start="2027-08-10", channels=["web", "email"])
        assert c.end_date == "2027-08-19"
        with pytest.raises(RuleViolation):
            repo.consultation.open(start="2027-08-10")
        x, _c = repo.consultation.add(date="11/08/2027", text="Que haya tandeo parejo",
                                      commitment="1", theme="agua")
        y, _c = repo.consultation.add(date="11/08/2027", text="Tandeo parejo", channel="web",
                                      commitment="1", duplicate_of=x.label)
        assert y.duplicate_label == x.label and x.channel == "web"
        with pytest.raises(InvalidInput):
            repo.consultation.answer(x.id, "partly")
        with pytest.raises(NotFound):
            repo.consultation.answer(x.id, "incorporated", version="final")
        repo.consultation.answer(y.id, "incorporated", change="Hito de tandeo",
                                 version="consultation")
        assert repo.consultation.comment(x.id).response == "incorporated"
        assert repo.consultation.version_stage(repo.consultation.comment(x.id).version_id)
        repo.consultation.close()
        with pytest.raises(RuleViolation):
            repo.consultation.add(date="11/08/2027", text="Tarde")
    finally:
        repo.close()


def test_the_accountability_report_as_an_editable_word_document(tmp_path):
    """The report the CEPAL method asks for, editable: every comment with its response."""
    from docx import Document

    from cocrea_desktop.store.demo import create_demo

    demo = create_demo(tmp_path / "demo.cocrea.db")
    out = tmp_path / "respuesta.docx"
    run("report", "accountability", demo, "-o", out)
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    cells = "\n".join(c.text for t in Document(str(out)).tables for r in t.rows for c in r.cells)
    assert "Informe de respuesta a la consulta pública" in text
    assert "Pedimos pipas de agua gratuitas" in cells and "no incorporado" in cells
    bad = run("report", "accountability", demo, "-o", tmp_path / "x.odt", ok=False).output
    assert ".docx" in bad and not (tmp_path / "x.odt").exists()
