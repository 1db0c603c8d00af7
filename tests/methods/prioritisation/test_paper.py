"""Paper score sheets through the ballot register: printed with QR and serial, read back
from the PDF, issued only then; a sheet typed back names its serial, counted once."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from cocrea_desktop.core.errors import RuleViolation
from cocrea_desktop.core.voting.payload import format_serial
from cocrea_desktop.methods.prioritisation.paper import (
    ROUND,
    print_score_sheets,
    read_sheet_code,
)


def test_score_sheets_are_printed_issued_and_read_back(prio, tmp_path):
    repo, sid = prio
    path = tmp_path / "hojas.pdf"
    serials, _changes = print_score_sheets(repo, sid, 3, path)
    assert len(serials) == 3
    assert [r["serial"] for r in repo.register.issued(sid, ROUND)] == serials
    text = " ".join((p.extract_text() or "") for p in PdfReader(str(path)).pages)
    assert format_serial(serials[0]) in text and "Urgencia" in " ".join(text.split())
    # A sheet typed back by its serial, then the same serial again.
    serial = read_sheet_code(repo, sid, format_serial(serials[1]))
    repo.prioritisation.enter_row(sid, 1, 1, "55555", serial=serial)
    with pytest.raises(RuleViolation, match="ya se capturó como la hoja 1"):
        read_sheet_code(repo, sid, serials[1])
    with pytest.raises(RuleViolation, match="no es válido"):
        read_sheet_code(repo, sid, "123-4567")


def test_no_sheet_without_criteria(repo, tmp_path):
    repo.proposals.add("Pozo")
    sid, _c = repo.add_session(method="prioritisation", question="¿Cuáles?")
    repo.prioritisation.put_on_table(sid, ["1"])
    with pytest.raises(RuleViolation, match="Aún no hay criterios"):
        print_score_sheets(repo, sid, 2, tmp_path / "x.pdf")
    assert repo.register.issued(sid, ROUND) == [] and not (tmp_path / "x.pdf").exists()
