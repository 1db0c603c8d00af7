"""`cocrea assembly ...`: a whole assembly run from the command line on a real file, a
bad count refused in one Spanish line with nothing changed, the acta PDF read back."""

from __future__ import annotations

import json

from click.testing import CliRunner
from pypdf import PdfReader

from cocrea_desktop.cli import cli
from cocrea_desktop.store.repo import Repo


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def journal(db) -> int:
    with Repo.open(db, read_only=True) as repo:
        return repo.pf.conn.execute("SELECT COUNT(*) FROM journal").fetchone()[0]


def test_an_assembly_from_the_command_line(tmp_path):
    db = tmp_path / "p.cocrea.db"
    with Repo.create(db, name="PAL San Miguel") as repo:
        sid, _ = repo.add_session(method="assembly", question="Asamblea de San Miguel",
                                  participant_count=45)
    s = sid[:8]
    assert "Punto 1" in run("assembly", "add-item", str(db), s, "Agua potable")
    run("assembly", "add-item", str(db), s, "Faena del camino", "--ballot")
    assert "quórum: 23 · presentes: 45" in run("assembly", "rules", str(db), s, "--minutes",
                                               "2", "--quorum", "23")
    assert "Agua potable" in run("assembly", "open", str(db), s)
    run("assembly", "speaker", str(db), s, "--name", "Don Chema", "--sector", "Ejidatarios",
        "--sex", "hombre")
    assert "turno 2 (1.ª ronda)" in run("assembly", "speaker", str(db), s, "--sector",
                                        "Mujeres", "--sex", "mujer")
    assert "turno 1" in run("assembly", "next", str(db), s)
    assert "turno 2" in run("assembly", "next", str(db), s)
    assert "Terminó" in run("assembly", "next", str(db), s)
    run("assembly", "propose", str(db), s, "Cambiar la manguera con faena")

    before = journal(db)
    bad = CliRunner().invoke(cli, ["assembly", "vote", str(db), s, "1", "--for", "40",
                                   "--against", "10", "--counter", "Comité"])
    assert bad.exit_code == 1 and "Error: Los votos suman 50 y solo hay 45" in bad.output
    assert "Traceback" not in bad.output and journal(db) == before
    out = run("assembly", "vote", str(db), s, "1", "--for", "30", "--against", "10",
              "--abstain", "3", "--counter", "Comité de vigilancia")
    assert "aprobada" in out and "43 de 45 presentes" in out
    assert "Acuerdo 1" in run("assembly", "agree", str(db), s, "1")
    run("assembly", "close", str(db), s)

    data = json.loads(run("assembly", "items", str(db), s, "--json"))
    assert data["items"][0]["status"] == "closed" and data["items"][0]["turns"] == 2
    assert data["items"][0]["proposals"][0]["vote"]["for"] == 30
    assert data["agreements"] == [{"number": 1, "text": "Cambiar la manguera con faena"}]
    share = json.loads(run("assembly", "share", str(db), s, "--json"))
    assert share["sex"]["Mujer"]["turns"] == 1 and "Don Chema" not in json.dumps(share)

    out = tmp_path / "acta.pdf"
    assert "Archivo escrito" in run("assembly", "acta", str(db), s, "-o", str(out))
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Acta de asamblea" in text and "Cambiar la manguera con faena" in text
    assert "30 a favor" in text and "Don Chema" not in text
    assert "borrados" in run("assembly", "forget-names", str(db), s)
    bad = CliRunner().invoke(cli, ["assembly", "forget-names", str(db), s])
    assert bad.exit_code == 1 and "No hay nombres" in bad.output
