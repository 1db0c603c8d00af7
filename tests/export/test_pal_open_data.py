"""The Local Action Plan's open data: commitments and milestones as CSV, JSON and XLSX with
their data dictionary; no STL member's phone in any file; no formula in any cell."""

from __future__ import annotations

import csv
import json

from cocrea_desktop.export.opendata import export_open_data
from tests.store.pal_helpers import merged_process, plan


def test_commitments_and_milestones_are_published(tmp_path):
    office = merged_process(tmp_path)
    plan(office)
    office.commitments.edit(office.commitments.list()[1].id, other_actors="=HYPERLINK(\"x\")")
    result = export_open_data(office, tmp_path / "abiertos")
    folder = tmp_path / "abiertos"
    with open(folder / "commitments.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["commitment"] for r in rows] == ["1", "2"]
    assert rows[0]["stage"] == "consultation" and rows[0]["proposals"] == "1; mesa-2 · 1"
    assert rows[0]["pillars"] == "transparency accountability"
    assert rows[0]["smart"].split() == ["achievable", "measurable", "relevant", "specific",
                                        "time_bound"] or len(rows[0]["smart"].split()) == 5
    assert rows[1]["other_actors"].startswith("'=")
    with open(folder / "milestones.csv", encoding="utf-8-sig", newline="") as f:
        stones = list(csv.DictReader(f))
    assert [(s["commitment"], s["position"], s["output"]) for s in stones][:2] == [
        ("1", "1", "Informe publicado"), ("1", "2", "Acta de entrega")]
    data = json.loads((folder / "datos.json").read_text("utf-8"))
    assert data["tables"]["milestones"][0]["due_date"] == "2027-10-31"
    dictionary = (folder / "diccionario.csv").read_text("utf-8-sig")
    assert "commitments,lead_agency" in dictionary and "milestones,output" in dictionary
    from openpyxl import load_workbook

    book = load_workbook(folder / "datos.xlsx")
    assert "commitments" in book.sheetnames and "milestones" in book.sheetnames
    everything = " ".join(p.read_text("utf-8", errors="ignore") for p in folder.iterdir()
                          if p.suffix in (".csv", ".json", ".md"))
    assert "9511234567" not in everything
    assert result.leaks == []
    office.close()
