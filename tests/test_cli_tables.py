"""`cocrea tables prepare|status|open` on real files: two laptops out, two bundles back."""

from __future__ import annotations

import json
import os

from click.testing import CliRunner
from pypdf import PdfReader

from cocrea_desktop.cli import cli


def run(*args: str, code: int = 0):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def test_a_day_of_two_tables_from_the_command_line(tmp_path, monkeypatch):
    db = tmp_path / "pal.cocrea.db"
    run("init", str(db), "--name", "PAL Ixtlán", "--municipality", "Ixtlán de Juárez")
    ids = [json.loads(run("session", "add", str(db), "--method", "nominal_group",
                          "--question", q, "--json").output)["id"]
           for q in ("¿Qué falta en el agua?", "¿Qué falta en la escuela?")]
    stick = tmp_path / "USB"
    stick.mkdir()
    # Bad input: a session at two tables; nothing is written.
    out = run("tables", "prepare", str(db), "--table", f"Mesa 1:{ids[0]}", "--table",
              f"Mesa 2:{ids[0]},{ids[1]}", "-o", str(stick), code=1).output
    assert "cada sesión va a una sola mesa" in out
    assert list(stick.iterdir()) == []
    sheet = tmp_path / "hoja.pdf"
    made = json.loads(run("tables", "prepare", str(db), "--table", f"Mesa 1:{ids[0][:8]}",
                          "--table", f"Mesa 2:{ids[1]}", "-o", str(stick), "--sheet",
                          str(sheet), "--json").output)
    tables = made["tables"]
    text = "".join(page.extract_text() for page in PdfReader(sheet).pages)
    for table in tables:
        assert table["code"] in text and table["name"] in text
    assert not any(t["code"].encode() in p.read_bytes() for t in tables
                   for p in stick.iterdir())
    status = json.loads(run("tables", "status", str(db), "--json").output)
    assert [s["came_back"] for s in status] == [False, False]

    office_home = os.environ["COCREA_DATA_DIR"]
    back = tmp_path / "back"
    back.mkdir()
    for n, table in enumerate(tables, start=1):
        laptop_home = tmp_path / f"laptop{n}"
        laptop_home.mkdir()
        monkeypatch.setenv("COCREA_DATA_DIR", str(laptop_home))  # another computer
        laptop_db = tmp_path / f"laptop{n}.cocrea.db"
        out = run("tables", "open", table["file"], str(laptop_db), "--code", "ZZZZ-ZZZZ",
                  code=1).output
        assert "El código no abre" in out and not laptop_db.exists()
        out = run("tables", "open", table["file"], str(laptop_db), "--code",
                  table["code"]).output
        assert f"Computadora de la mesa «{table['name']}»: sesiones 1" in out
        csv = tmp_path / f"ideas{n}.csv"
        csv.write_text(f"Idea de la mesa {n}\n", encoding="utf-8")
        run("ideas", "import", str(laptop_db), table["sessions"][0], str(csv))
        run("bundle", "export", str(laptop_db), "-o", str(back) + "/", "--device-name",
            f"Laptop de la mesa {n}")
    monkeypatch.setenv("COCREA_DATA_DIR", office_home)  # the office again
    out = run("bundle", "import", str(db), str(back), code=1).output
    assert "Llave nueva" in out
    fprs = []
    for bundle in back.glob("*.cocrea"):
        fprs += ["--accept-key", json.loads(run("bundle", "verify", str(bundle),
                                                "--json").output)["fingerprint"]]
    run("bundle", "import", str(db), str(back), *fprs)
    lines = run("tables", "status", str(db)).output
    assert "Mesa 1 (1 sesión): regresó" in lines and "Mesa 2 (1 sesión): regresó" in lines
