"""A Durango-like day from the command line, on real files: eight table sessions on eight
laptops (each its own data folder), three proposals promoted at each table, the eight
bundles merged at the office, a prioritisation by Durango's criteria with 12 evaluators on
paper score sheets (printed through the ballot register, read back by their QR codes), the
scores imported one per line, the tally with its sensitivity, the agreement and the third
report read back from its PDF."""

from __future__ import annotations

import json
import os
import random
from fractions import Fraction

import pypdfium2
import zxingcpp
from click.testing import CliRunner
from pypdf import PdfReader

from cocrea_desktop.cli import cli

TABLES = 8
EVALUATORS = 12
THEMES = ("agua potable", "caminos", "salud", "basura", "escuelas", "alumbrado",
          "seguridad", "empleo")


def run(*args: str, ok: bool = True) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert (result.exit_code == 0) == ok, result.output
    return result.output


def qr_texts(pdf) -> list[str]:
    doc = pypdfium2.PdfDocument(str(pdf))
    found = []
    for page in doc:
        found += [r.text for r in zxingcpp.read_barcodes(page.render(scale=2).to_pil())]
    doc.close()
    return found


def test_a_durango_day(tmp_path, monkeypatch):
    office_home = os.environ["COCREA_DATA_DIR"]
    db = tmp_path / "durango.cocrea.db"
    run("init", str(db), "--name", "PAL Durango 2027", "--municipality", "Durango")
    sessions = [json.loads(run("session", "add", str(db), "--method", "nominal_group",
                               "--question", f"¿Qué problemas de {theme} hay en su colonia?",
                               "--table", f"Mesa {n}", "--json"))["id"]
                for n, theme in enumerate(THEMES, start=1)]
    stick = tmp_path / "USB"
    stick.mkdir()
    tables = json.loads(run("tables", "prepare", str(db), *(
        a for n, sid in enumerate(sessions, start=1) for a in ("--table", f"Mesa {n}:{sid}")),
        "-o", str(stick), "--json"))["tables"]
    assert len(tables) == TABLES
    back = tmp_path / "back"
    back.mkdir()
    titles = []
    for n, (table, theme) in enumerate(zip(tables, THEMES), start=1):
        home = tmp_path / f"laptop{n}"
        home.mkdir()
        monkeypatch.setenv("COCREA_DATA_DIR", str(home))  # another computer
        laptop = tmp_path / f"laptop{n}.cocrea.db"
        run("tables", "open", table["file"], str(laptop), "--code", table["code"])
        sid = table["sessions"][0]
        ideas = [f"Mesa {n}: {what} de {theme}" for what in (
            "Diagnóstico", "Comité vecinal", "Presupuesto participativo", "Campaña")]
        (tmp_path / f"ideas{n}.csv").write_text("\n".join(ideas) + "\n", encoding="utf-8")
        run("ideas", "import", str(laptop), sid, str(tmp_path / f"ideas{n}.csv"))
        for number in ("1", "2", "3"):  # three proposals promoted at each table
            run("proposals", "promote", str(laptop), sid, number)
        titles += ideas[:3]
        run("bundle", "export", str(laptop), "-o", str(back) + "/", "--device-name",
            f"Laptop de la mesa {n}")
        assert any(home.iterdir())  # the laptop's own keys live in its own folder
    monkeypatch.setenv("COCREA_DATA_DIR", office_home)  # the office again
    keys = []
    for bundle in sorted(back.glob("*.cocrea")):
        keys += ["--accept-key", json.loads(run("bundle", "verify", str(bundle),
                                                "--json"))["fingerprint"]]
    assert len(keys) == 2 * TABLES
    run("bundle", "import", str(db), str(back), *keys)
    proposals = json.loads(run("proposals", "list", str(db), "--json"))
    assert sorted(p["title"] for p in proposals) == sorted(titles)
    assert "regresó" in run("tables", "status", str(db))

    # The prioritisation at the office: 24 proposals, Durango's criteria, 12 STL members.
    prio = json.loads(run("session", "add", str(db), "--method", "prioritisation",
                          "--question", "¿Qué propuestas pasan al Plan de Acción Local?",
                          "--json"))["id"]
    labels = [p["label"] for p in proposals]
    run("scores", "table", str(db), prio, *labels)
    assert "5. Viable y factible" in run("criteria", "set", str(db), prio, "--set", "durango")
    run("scores", "evaluators", str(db), prio, "--group", "stl", "--count", str(EVALUATORS))
    sheets = tmp_path / "hojas.pdf"
    run("scores", "sheets", str(db), prio, "-o", str(sheets))
    codes = qr_texts(sheets)  # each sheet's QR, as the office's scanner reads it
    assert len(set(codes)) == EVALUATORS
    rng = random.Random(2027)
    lines = ["evaluador,propuesta,criterio,calificación"]
    given: dict[tuple[int, int], list[int]] = {}
    numbers = list(range(1, len(labels) + 1))
    for code in codes:
        for number in numbers:
            for criterion in range(1, 6):
                score = "" if rng.random() < 0.03 else str(rng.randint(1, 5))
                if score:
                    given.setdefault((number, criterion), []).append(int(score))
                lines.append(f"{code},{number},{criterion},{score}")
    scores_csv = tmp_path / "calificaciones.csv"
    scores_csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run("scores", "import", str(db), prio, str(scores_csv))
    # The same sheets again: each serial counts once, and nothing changes.
    before = run("tally", str(db), prio, "--json")
    out = run("scores", "import", str(db), prio, str(scores_csv), ok=False)
    assert "Fila 2:" in out and "ya se capturó" in out
    data = json.loads(run("tally", str(db), prio, "--json"))
    assert json.dumps(data) == json.dumps(json.loads(before))
    assert data["evaluators"] == EVALUATORS and len(data["rows"]) == len(labels)
    for row in data["rows"]:
        means = [Fraction(sum(given[(row["option"], c)]), len(given[(row["option"], c)]))
                 for c in range(1, 6)]
        assert abs(row["score"] - float(sum(means))) < 1e-9
        assert row["scores"] == [len(given[(row["option"], c)]) for c in range(1, 6)]
        assert [s + m for s, m in zip(row["scores"], row["missing"])] == [EVALUATORS] * 5
    assert [r["rank"] for r in data["rows"]] == sorted(r["rank"] for r in data["rows"])
    assert len(data["sensitivity"]) == 10
    best = data["rows"][0]
    agreed = run("scores", "agree", str(db), prio, "--cutoff", "1", "--by", "Pleno del STL")
    assert f"propuesta {best['option']}" in agreed

    report = tmp_path / "tercer_reporte.pdf"
    run("report", "third", str(db), "-o", str(report))
    text = " ".join(" ".join((p.extract_text() or "") for p in PdfReader(report).pages).split())
    assert "4. Análisis" in text and "Pleno del STL" in text
    assert best["text"] in text
    assert "Viable y factible" in text
