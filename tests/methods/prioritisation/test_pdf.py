"""The results PDF and the third CEPAL report, written and read back (Qt-free)."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from cocrea_desktop.core.errors import RuleViolation
from cocrea_desktop.methods.prioritisation.pdf import write_results, write_third_report


def text_of(path) -> str:
    return " ".join((p.extract_text() or "") for p in PdfReader(str(path)).pages)


def _scored(prio):
    repo, sid = prio
    for sheet, rows in enumerate([("55555", "44444", "33333", "1111-"),
                                  ("45555", "44444", "22222", "11111")], start=1):
        for number, text in enumerate(rows, start=1):
            repo.prioritisation.enter_row(sid, sheet, number, text)
    repo.prioritisation.agree(sid, cutoff=2, decided_by="Pleno del STL")
    return repo, sid


def test_results_pdf_holds_the_matrix_the_sensitivity_and_the_agreement(prio, tmp_path):
    repo, sid = _scored(prio)
    path = write_results(repo, sid, tmp_path / "resultados.pdf")
    text = " ".join(text_of(path).split())
    assert "Resultados de la priorización" in text
    assert "Pozo para la colonia Centro" in text
    assert "4.50 (n=2)" in text and "24.50" in text
    assert "Sensibilidad" in text and "Pleno del STL" in text
    assert "le falta 1 calificación" in text


def test_third_report_has_its_four_parts(prio, tmp_path):
    repo, sid = _scored(prio)
    path = write_third_report(repo, tmp_path / "tercer.pdf")
    text = " ".join(text_of(path).split())
    for part in ("1. Introducción", "2. Proceso", "3. Resultados", "4. Análisis"):
        assert part in text
    assert "Tercer informe" in text and "Pasa la propuesta 1" in text


def test_no_results_without_criteria(repo, tmp_path):
    sid, _c = repo.add_session(method="prioritisation", question="¿Cuáles?")
    with pytest.raises(RuleViolation):
        write_results(repo, sid, tmp_path / "x.pdf")
    with pytest.raises(RuleViolation):
        write_third_report(repo, tmp_path / "y.pdf")
    assert not (tmp_path / "x.pdf").exists()
