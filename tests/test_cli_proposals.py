"""`cocrea proposals ...` on real files: promote, add, import (CSV and XLSX, bad rows
refused with nothing changed), list with filters and --json, join, separate, withdraw,
edit, export read back (no formula in any cell)."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from cocrea_desktop.cli import cli
from tests.export.bundle_helpers import nominal_group


def run(*args: str, ok: bool = True):
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    else:
        assert result.exit_code == 1, result.output
    return result


@pytest.fixture
def process(repo, fake_clock, db_path):
    a = nominal_group(repo, "Mesa 1 · Servicios", ["Alumbrado", "Bacheo", "Drenaje", "Agua"],
                      ["3 1 2", "3 2 1", "1 3 4"], fake_clock)
    b = nominal_group(repo, "Mesa 2 · Salud", ["Médico", "Ambulancia", "Medicinas", "Luz"],
                      ["4 1 2", "4 2 1", "1 4 3"], fake_clock)
    repo.close()
    return db_path, a, b


def test_promote_list_join_separate_round_trip_with_json(process):
    db, a, b = process
    offered = json.loads(run("proposals", "promote", db, a[:8], "--json").output)
    assert offered[0]["title"] == "Drenaje" and offered[0]["source"]["rank"] == 1
    made = json.loads(run("proposals", "promote", db, a[:8], "3", "--theme", "Servicios",
                          "--title", "Drenaje en la colonia", "--json").output)
    assert made["label"] == "1" and made["tables"] == ["Mesa 1 · Servicios"]
    assert "idea 3" in made["origins"][0]["text"]
    assert "propuesta 1" in run("proposals", "promote", db, a[:8]).output
    refused = run("proposals", "promote", db, a[:8], "3", ok=False)
    assert "Ese resultado ya es la propuesta 1." in refused.output
    run("proposals", "promote", db, b[:8], "4", "--theme", "servicios", "--json")
    run("proposals", "add", db, "--title", "Ventanilla única", "--theme", "Trámites",
        "--table", "Solicitud por escrito")
    listed = json.loads(run("proposals", "list", db, "--json").output)
    assert [r["label"] for r in listed] == ["1", "2", "3"]
    by_theme = json.loads(run("proposals", "list", db, "--theme", "Servicios", "--json").output)
    assert [r["label"] for r in by_theme] == ["1", "2"]
    run("proposals", "join", db, "1", "2")
    joined = json.loads(run("proposals", "list", db, "--table", "Mesa 2 · Salud",
                            "--json").output)
    assert [r["label"] for r in joined] == ["1"]
    assert joined[0]["tables"] == ["Mesa 1 · Servicios", "Mesa 2 · Salud"]
    everything = json.loads(run("proposals", "list", db, "--all", "--json").output)
    assert [(r["label"], r["status"], r["joined_into"]) for r in everything][1] == \
        ("2", "joined", "1")
    run("proposals", "separate", db, "2")
    assert len(json.loads(run("proposals", "list", db, "--json").output)) == 3
    run("proposals", "withdraw", db, "3", "--reason", "Ya la atiende el DIF")
    assert "[retirada]" in run("proposals", "list", db, "--all").output
    edited = json.loads(run("proposals", "edit", db, "2", "--problem", "No hay drenaje",
                            "--json").output)
    assert edited["problem"] == "No hay drenaje"
    assert "se cambia" in run("proposals", "edit", db, "2", "--table", "Otra", ok=False).output
    assert "No existe la propuesta 9." in run("proposals", "join", db, "1", "9", ok=False).output


def test_import_refuses_a_bad_row_in_spanish_and_changes_nothing(process, tmp_path):
    db, _a, _b = process
    sheet = tmp_path / "propuestas.csv"
    sheet.write_text("Título,Descripción,Tema,Mesa\nUno,,Salud,Foro\n\n,Sin título,,\n",
                     "utf-8-sig")
    refused = run("proposals", "import", db, sheet, ok=False)
    assert "Fila 4: Cada propuesta necesita un título. No se importó nada." in refused.output
    assert json.loads(run("proposals", "list", db, "--json").output) == []
    no_header = tmp_path / "sin.csv"
    no_header.write_text("Uno\nDos\n", "utf-8")
    assert "«título»" in run("proposals", "import", db, no_header, ok=False).output
    sheet.write_text("titulo,problema,tema,mesa\nUno,Falta luz,Servicios,Foro\nDos,,,\n",
                     "utf-8")
    added = json.loads(run("proposals", "import", db, sheet, "--json").output)["added"]
    assert [(r["title"], r["problem"], r["tables"]) for r in added] == [
        ("Uno", "Falta luz", ["Foro"]), ("Dos", "", [])]


def test_import_from_xlsx(process, tmp_path):
    from openpyxl import Workbook

    db, _a, _b = process
    book = Workbook()
    book.active.append(["Tema", "Título", "Problema"])
    book.active.append(["Agua", "Tanque elevado", "Falta agua en la colonia nueva"])
    book.active.append(["Agua", "x" * 301, ""])
    path = tmp_path / "p.xlsx"
    book.save(path)
    assert "Fila 3:" in run("proposals", "import", db, path, ok=False).output
    book.active.delete_rows(3)
    book.save(path)
    assert "Se importó 1 propuesta." in run("proposals", "import", db, path).output
    broken = tmp_path / "roto.xlsx"
    broken.write_bytes(b"no es un libro")
    assert "No se pudo leer «roto.xlsx»" in run("proposals", "import", db, broken,
                                                 ok=False).output


def test_export_never_writes_a_formula(process, tmp_path):
    from openpyxl import load_workbook

    db, _a, _b = process
    run("proposals", "add", db, "--title", "=HYPERLINK(\"http://x\",\"clic\")",
        "--problem", "+1+1", "--theme", "@Salud", "--description", "-2")
    xlsx, out_csv, out_json = (tmp_path / f"p.{k}" for k in ("xlsx", "csv", "json"))
    for path in (xlsx, out_csv, out_json):
        assert str(path) in run("proposals", "export", db, path).output
    sheet = load_workbook(xlsx).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Propuesta", "Estado", "Título")
    assert rows[1][1:6] == ("activa", "'=HYPERLINK(\"http://x\",\"clic\")", "'-2", "'+1+1",
                            "'@Salud")
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    with out_csv.open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle))[1][2] == "'=HYPERLINK(\"http://x\",\"clic\")"
    data = json.loads(out_json.read_text("utf-8"))
    assert data[0]["title"] == "=HYPERLINK(\"http://x\",\"clic\")"
    assert "Elija un archivo" in run("proposals", "export", db, tmp_path / "p.txt",
                                      ok=False).output
