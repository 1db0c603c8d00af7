"""Prioritisation in the open data (scores without who gave them) and in the relatoría."""

from __future__ import annotations

import csv

from cocrea_desktop.export.opendata import export_open_data
from cocrea_desktop.export.relatoria import session_relatoria


def test_open_data_publishes_scores_without_the_sheet(prio, tmp_path):
    repo, sid = prio
    repo.prioritisation.enter_row(sid, 1, 1, "55555")
    repo.prioritisation.enter_row(sid, 2, 1, "4444-")
    repo.prioritisation.enter_row(sid, 2, 2, "33333")
    repo.prioritisation.agree(sid, cutoff=1, decided_by="Pleno del STL")
    result = export_open_data(repo, tmp_path / "abiertos")
    folder = result.folder
    with open(folder / "prioritisation_scores.csv", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert set(rows[0]) == {"session_id", "proposal", "criterion", "score"}
    assert len(rows) == 15 and sum(1 for r in rows if r["score"] == "") == 1
    with open(folder / "prioritisation_results.csv", encoding="utf-8-sig") as f:
        results = list(csv.DictReader(f))
    assert results[0]["proposal"] == "1" and results[0]["goes_on"] == "1"
    assert "prioritisation_criteria" in (folder / "diccionario.csv").read_text("utf-8-sig")
    assert "prioritisation_results.csv" in (folder / "README.md").read_text("utf-8")


def test_open_data_without_prioritisation_has_its_columns_and_no_rows(repo, tmp_path):
    # Every table of the format is published, empty or not, so that a reader's script
    # finds the same files in every process.
    repo.add_session(method="nominal_group", question="¿Qué?")
    result = export_open_data(repo, tmp_path / "abiertos")
    lines = (result.folder / "prioritisation_scores.csv").read_text("utf-8-sig").splitlines()
    assert lines == ["session_id,proposal,criterion,score"]


def test_relatoria_says_the_ranking_and_the_agreement(prio):
    repo, sid = prio
    repo.prioritisation.enter_row(sid, 1, 1, "55555")
    repo.prioritisation.enter_row(sid, 1, 2, "44444")
    repo.prioritisation.agree(sid, cutoff=1, decided_by="Pleno del STL")
    facts = session_relatoria(repo, sid)
    lines = [line for s in facts.sections for line in s.lines]
    assert any("1.º la propuesta 1: Pozo para la colonia Centro" in line for line in lines)
    assert any("Pleno del STL" in line for line in lines)
