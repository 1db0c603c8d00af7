"""`cocrea session add --method prioritisation`, `cocrea scores ...` and `cocrea report
third` on a real process file; a refusal is one Spanish line and changes nothing."""

from __future__ import annotations

import json

from click.testing import CliRunner
from pypdf import PdfReader

from cocrea_desktop.cli import cli
from cocrea_desktop.store.repo import Repo


def run(*args: str, ok: bool = True) -> str:
    result = CliRunner().invoke(cli, list(args))
    if ok:
        assert result.exit_code == 0, result.output
    else:
        assert result.exit_code != 0, result.output
    return result.output


def test_a_prioritisation_from_the_command_line(tmp_path, fake_clock):
    db = tmp_path / "p.cocrea.db"
    with Repo.create(db, name="PAL", clock=fake_clock) as repo:
        for title in ("Pozo", "Alumbrado", "Clínica"):
            repo.proposals.add(title)
    out = run("session", "add", str(db), "--method", "prioritisation", "--question",
              "¿Cuáles pasan?", "--json")
    sid = json.loads(out)["id"]
    assert "3. Clínica" in run("scores", "table", str(db), sid, "1", "2", "3")
    out = run("scores", "criteria", str(db), sid, "--criterion", "Urgencia|¿Qué tan urgente?|2",
              "--criterion", "Costo|¿Cuánto cuesta?|1|-", "--checked")
    assert "2. Costo (peso 1.0; al revés: más bajo = más prioridad)" in out
    run("scores", "evaluators", str(db), sid, "--group", "panel", "--count", "3")
    run("scores", "enter", str(db), sid, "--sheet", "1", "51", "33", "41")
    run("scores", "enter", str(db), sid, "--sheet", "2", "3=5-", "1=52")
    out = run("scores", "enter", str(db), sid, "--sheet", "3", "59", ok=False)
    assert "la calificación va de 1 a 5, no 9" in out
    sheet = tmp_path / "hojas.csv"
    sheet.write_text("hoja,propuesta,urgencia,costo\n3,1,4,2\n3,2,2,2\n", encoding="utf-8")
    run("scores", "import", str(db), sid, str(sheet))
    data = json.loads(run("scores", "show", str(db), sid, "--json"))
    # Clínica: urgency (4 + 5) / 2 x 2 + cost 5 (its missing score left out) = 14.
    assert data["rows"][0][:4] == ["1.º", "3", "Clínica", "14.00"]
    assert data["rows"][1][:4] == ["2.º", "1", "Pozo", "13.67"]
    out = run("scores", "agree", str(db), sid, "--cutoff", "1", "--by", "Pleno del STL")
    assert "Pasa la propuesta 3: Clínica" in out
    run("report", "third", str(db), "-o", str(tmp_path / "tercer.pdf"))
    text = " ".join(p.extract_text() for p in PdfReader(str(tmp_path / "tercer.pdf")).pages)
    assert "4. Análisis" in text
    run("scores", "results", str(db), sid, "-o", str(tmp_path / "r.pdf"))
    assert (tmp_path / "r.pdf").stat().st_size > 1000


def test_hand_counts_from_the_command_line(tmp_path, fake_clock):
    db = tmp_path / "p.cocrea.db"
    with Repo.create(db, name="PAL", clock=fake_clock) as repo:
        repo.proposals.add("Pozo")
        sid, _c = repo.add_session(method="prioritisation", question="¿Cuáles?")
        repo.prioritisation.put_on_table(sid, ["1"])
        repo.prioritisation.use_preset(sid, "cepal")
    run("scores", "count", str(db), sid, "--proposal", "1", "--criterion", "2", "--counts",
        "0 0 1 1 2", "--counter", "Lupita Cruz")
    out = run("scores", "count", str(db), sid, "--proposal", "1", "--criterion", "9",
              "--counts", "0 0 1 1 2", "--counter", "Lupita Cruz", ok=False)
    assert "No existe ese criterio" in out
    data = json.loads(run("scores", "show", str(db), sid, "--json"))
    assert data["rows"][0][5] == "4.25 (n=4)"
