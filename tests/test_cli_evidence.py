"""`cocrea attendance ...`, `cocrea report ...` and `cocrea export opendata` on real files."""

from __future__ import annotations

import json

from click.testing import CliRunner
from pypdf import PdfReader

from cocrea_desktop.cli import cli


def run(*args: str, ok: bool = True):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


def text_of(path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(path)).pages)


def test_attendance_reports_and_open_data_from_the_command_line(tmp_path):
    db = tmp_path / "pal.cocrea.db"
    run("init", str(db), "--name", "PAL Zoogocho", "--body", "Ayuntamiento de Zoogocho")
    sid = json.loads(run("session", "add", str(db), "--method", "nominal_group", "--question",
                         "¿Qué falta en la clínica?", "--json").output)["id"]
    out = run("attendance", "privacy", str(db), "--full-notice-at", "la presidencia").output
    assert out.startswith("Ayuntamiento de Zoogocho es responsable") and "la presidencia" in out
    run("attendance", "count", str(db), sid[:8], "--dimension", "sector", "--category",
        "gobierno", "--count", "4")
    out = run("attendance", "count", str(db), sid, "--dimension", "sex", "--category", "Mujer",
              "--count", "6").output
    assert "Total de «sex»: 6" in out
    bad = run("attendance", "count", str(db), sid, "--dimension", "sector", "--category",
              "iglesia", "--count", "1", ok=False)
    assert bad.exit_code == 1 and "no es una categoría" in bad.output
    run("attendance", "notice-read", str(db), sid)
    shown = json.loads(run("attendance", "show", str(db), sid, "--json").output)
    assert shown["counts"]["sector"] == {"gobierno": 4} and shown["notice_read_aloud"]
    assert json.loads(run("attendance", "inclusion", str(db), "--json").output)["sex"] == {
        "mujer": 6}

    assert "número 1" in run("attendance", "person", "add", str(db), sid, "--name",
                             "Eufemia Santiago", "--phone", "951 555 0101",
                             "--consent-contact").output
    person = json.loads(run("attendance", "person", "show", str(db), sid, "1",
                            "--json").output)
    assert person["name"] == "Eufemia Santiago" and person["phone"] == "951 555 0101"
    run("attendance", "person", "correct", str(db), sid, "1", "--name", "Eufemia Santiago R.",
        "--consent-photos")
    assert json.loads(run("attendance", "person", "show", str(db), sid, "1", "--json")
                      .output)["consent_photos"]
    refused = run("attendance", "person", "erase", str(db), sid, "1", ok=False)
    assert refused.exit_code != 0 and "--yes" in refused.output
    run("attendance", "person", "erase", str(db), sid, "1", "--yes")
    assert json.loads(run("attendance", "person", "show", str(db), sid, "1", "--json")
                      .output) == {"number": 1, "name": "", "phone": "", "erased": True,
                                   "consent_contact": False, "consent_photos": False}

    sheet = tmp_path / "hoja.pdf"
    out = run("attendance", "sheet", str(db), sid, "-o", str(sheet), "--rows", "12").output
    assert "hoja.pdf" in out and "Ayuntamiento de Zoogocho es responsable" in text_of(sheet)
    for kind in ("results", "relatoria", "acta"):
        target = tmp_path / f"{kind}.pdf"
        run("report", kind, str(db), sid, "-o", str(target), "--paper", "a4")
        assert "¿Qué falta en la clínica?" in text_of(target)
    run("report", "process", str(db), "-o", str(tmp_path / "proceso.pdf"))
    assert "Resumen de inclusión" in text_of(tmp_path / "proceso.pdf")

    exported = json.loads(run("export", "opendata", str(db), "-o", str(tmp_path / "od"),
                              "--json").output)
    assert "attendance_counts.csv" in exported["files"] and exported["leaks"] == []
    assert "Eufemia" not in (tmp_path / "od" / "datos.json").read_text("utf-8")
