"""`cocrea criteria set`, `cocrea scores import` in the long format (one score per line) and
`cocrea tally --json` of a prioritisation, on real files; each bad input the issue lists gets
one Spanish line and changes nothing."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cocrea_desktop.cli import cli
from cocrea_desktop.store.repo import Repo


def run(*args: str, ok: bool = True) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert (result.exit_code == 0) == ok, result.output
    return result.output


@pytest.fixture
def prio(tmp_path, fake_clock):
    db = tmp_path / "p.cocrea.db"
    with Repo.create(db, name="PAL", clock=fake_clock) as repo:
        for title in ("Pozo", "Alumbrado", "Clínica"):
            repo.proposals.add(title)
    sid = json.loads(run("session", "add", str(db), "--method", "prioritisation",
                         "--question", "¿Cuáles pasan?", "--json"))["id"]
    run("scores", "table", str(db), sid, "1", "2", "3")
    return db, sid


def write(path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def state(db, sid) -> str:
    with Repo.open(db, read_only=True) as repo:
        return json.dumps([repo.prioritisation.setup(sid).criteria,
                           repo.prioritisation.sheets(sid)], default=str)


def test_criteria_from_a_set_or_a_file(prio, tmp_path):
    db, sid = prio
    out = run("criteria", "set", str(db), sid, "--set", "cepal")
    assert "1. Viabilidad técnica" in out
    out = run("criteria", "set", str(db), sid, "--set", "durango")
    assert "5. Viable y factible" in out
    csv = write(tmp_path / "c.csv", "nombre,peso,dirección,pregunta\nUrgencia,2,+,¿Urge?\n"
                                    "Costo,1,-,¿Cuánto cuesta?\nPersonas,1.5,,\n")
    out = run("criteria", "set", str(db), sid, "--set", csv)
    assert "1. Urgencia (peso 2.0; más alto = más prioridad)" in out
    assert "2. Costo (peso 1.0; al revés: más bajo = más prioridad)" in out
    assert "3. Personas (peso 1.5" in out
    with Repo.open(db, read_only=True) as repo:
        assert repo.prioritisation.setup(sid).criteria[0].question == "¿Urge?"


@pytest.mark.parametrize(("rows", "message"), [
    ("Urgencia,0,+\n", "Fila 1:"),
    ("Urgencia,2,+\nCosto,-1,-\n", "Fila 2:"),
    ("Urgencia,2,hacia arriba\n", "la dirección es «+»"),
])
def test_a_bad_criteria_file_changes_nothing(prio, tmp_path, rows, message):
    db, sid = prio
    run("criteria", "set", str(db), sid, "--set", "durango")
    before = state(db, sid)
    out = run("criteria", "set", str(db), sid, "--set", write(tmp_path / "c.csv", rows),
              ok=False)
    assert message in out and "Traceback" not in out
    assert state(db, sid) == before
    out = run("criteria", "set", str(db), sid, "--set", "oaxaca", ok=False)
    assert "no es un juego de criterios" in out


def test_weight_zero_or_negative_is_refused_in_spanish(prio, tmp_path):
    db, sid = prio
    before = state(db, sid)
    for weight in ("0", "-2"):
        out = run("criteria", "set", str(db), sid, "--set",
                  write(tmp_path / "c.csv", f"Urgencia,{weight},+\n"), ok=False)
        assert "Fila 1:" in out and "peso" in out
        assert state(db, sid) == before
    with Repo.open(db, read_only=True) as repo:
        assert repo.prioritisation.setup(sid).criteria == ()


LONG = ("evaluador,propuesta,criterio,calificación\n"
        "1,1,urgencia,5\n1,1,2,2\n1,2,Urgencia,3\n1,2,costo,4\n1,3,1,4\n1,3,2,\n"
        "2,1,1,4\n2,1,2,1\n2,2,1,3\n2,2,2,5\n2,3,1,2\n2,3,2,3\n")


def test_long_import_and_the_tally_json(prio, tmp_path):
    db, sid = prio
    run("criteria", "set", str(db), sid, "--set",
        write(tmp_path / "c.csv", "Urgencia,2,+\nCosto,1,-\n"))
    run("scores", "evaluators", str(db), sid, "--group", "stl", "--count", "2")
    assert "Filas importadas: 12." in run("scores", "import", str(db), sid,
                                          write(tmp_path / "l.csv", LONG))
    data = json.loads(run("tally", str(db), sid, "--json"))
    rows = {r["option"]: r for r in data["rows"]}
    # Pozo: urgency (5 + 4) / 2 x 2 = 9, cost reversed (4 + 5) / 2 = 4.5 -> 13.5.
    assert rows[1]["score"] == 13.5 and rows[1]["rank"] == 1
    assert rows[1]["means"] == [4.5, 4.5] and rows[1]["scores"] == [2, 2]
    # Clínica: its missing cost score is left out of the mean and counted.
    assert rows[3]["missing"] == [0, 1] and rows[3]["scores"] == [2, 1]
    assert rows[3]["score"] == 3.0 * 2 + 3.0
    # Alumbrado 6 + 1.5 = 7.5, below Clínica's 9.
    assert [r["option"] for r in data["rows"]] == [1, 3, 2]
    assert {"tie_breaks", "near_ties", "sensitivity", "criteria", "notes"} <= set(data)
    assert len(data["sensitivity"]) == 4
    assert data["sensitivity"][0]["name"] == "Urgencia"
    assert "sube de peso 2 a 3" in data["sensitivity"][0]["text"]
    out = run("tally", str(db), sid)
    assert "Si un peso cambia:" in out and "Pozo" in out


def test_a_tie_shows_its_steps(prio, tmp_path):
    db, sid = prio
    run("criteria", "set", str(db), sid, "--set", write(tmp_path / "c.csv", "A,2,+\nB,1,+\n"))
    run("scores", "import", str(db), sid, write(
        tmp_path / "l.csv", "evaluador,propuesta,criterio,calificación\n"
                            "1,1,A,4\n1,1,B,2\n1,2,A,3\n1,2,B,4\n1,3,A,1\n1,3,B,1\n"))
    data = json.loads(run("tally", str(db), sid, "--json"))
    assert data["rows"][0]["score"] == data["rows"][1]["score"] == 10
    assert [r["option"] for r in data["rows"][:2]] == [1, 2]  # the heavier criterion decides
    assert data["tie_breaks"] and "«A»" in data["tie_breaks"][0]["text"]


@pytest.mark.parametrize(("line", "message"), [
    ("2,1,1,0", "Fila 3: la calificación va de 1 a 5, no «0»."),
    ("2,1,1,6", "Fila 3: la calificación va de 1 a 5, no «6»."),
    ("2,9,1,3", "Fila 3: La propuesta 9 no está en la mesa."),
    ("2,1,Belleza,3", "Fila 3: No existe el criterio «Belleza»"),
    ("2,1,7,3", "Fila 3: No existe el criterio «7»"),
    ("1,1,urgencia,3", "Fila 3: la hoja 1 ya califica la propuesta 1 en «Urgencia»."),
    ("5,1,1,3", "Fila 3: Hay 2 hojas: la hoja 5 no existe."),
    ("4821571,1,1,3", "Fila 3:"),
])
def test_a_bad_score_line_refuses_the_whole_file(prio, tmp_path, line, message):
    db, sid = prio
    run("criteria", "set", str(db), sid, "--set",
        write(tmp_path / "c.csv", "Urgencia,2,+\nCosto,1,-\n"))
    run("scores", "evaluators", str(db), sid, "--group", "stl", "--count", "2")
    before = state(db, sid)
    text = f"evaluador,propuesta,criterio,calificación\n1,1,1,5\n{line}\n"
    out = run("scores", "import", str(db), sid, write(tmp_path / "l.csv", text), ok=False)
    assert message in out, out
    assert "Traceback" not in out
    assert state(db, sid) == before


@pytest.mark.parametrize(("rows", "message"), [
    ("1,1,0,3\n", "Fila 2: La propuesta 1, «Urgencia»: la calificación va de 1 a 5, no 0."),
    ("1,1,6,3\n", "Fila 2: La propuesta 1, «Urgencia»: la calificación va de 1 a 5, no 6."),
    ("1,7,4,3\n", "Fila 2: La propuesta 7 no está en la mesa."),
    ("1,1,4,3\n1,1,5,5\n", "Fila 3: la hoja 1 ya califica la propuesta 1."),
])
def test_a_bad_row_of_the_wide_format_refuses_the_whole_file(prio, tmp_path, rows, message):
    db, sid = prio
    run("criteria", "set", str(db), sid, "--set",
        write(tmp_path / "c.csv", "Urgencia,2,+\nCosto,1,-\n"))
    before = state(db, sid)
    out = run("scores", "import", str(db), sid,
              write(tmp_path / "w.csv", "1,2,5,5\n" + rows), ok=False)
    assert message in out, out
    assert state(db, sid) == before


def test_sheets_named_by_number_and_by_serial_do_not_collide(prio, tmp_path):
    from cocrea_desktop.core.voting.payload import format_serial

    db, sid = prio
    run("criteria", "set", str(db), sid, "--set",
        write(tmp_path / "c.csv", "Urgencia,2,+\nCosto,1,-\n"))
    run("scores", "evaluators", str(db), sid, "--group", "panel", "--count", "3")
    run("scores", "sheets", str(db), sid, "--count", "2", "-o", str(tmp_path / "h.pdf"))
    with Repo.open(db, read_only=True) as repo:
        serials = [r["serial"] for r in repo.register.issued(sid, "vote")]
    # The serial comes first but sheet 1 is named further down: the serial gets sheet 2.
    text = ("evaluador,propuesta,criterio,calificación\n"
            f"{format_serial(serials[0])},1,1,5\n1,1,1,2\n{serials[1]},1,2,4\n")
    run("scores", "import", str(db), sid, write(tmp_path / "l.csv", text))
    with Repo.open(db, read_only=True) as repo:
        assert repo.prioritisation.sheets(sid) == {1: {1: (2, None)}, 2: {1: (5, None)},
                                                   3: {1: (None, 4)}}
        found = {r["sheet"]: r["serial"] for r in repo.pf.query(
            "SELECT sheet, serial FROM prioritisation_score WHERE session_id = ?", [sid])}
    assert found == {1: "", 2: serials[0], 3: serials[1]}
    # A third printed sheet would need a fourth sheet number: there are three.
    out = run("scores", "import", str(db), sid, write(
        tmp_path / "l2.csv", f"evaluador,propuesta,criterio,calificación\n{serials[0]},1,1,5\n"),
        ok=False)
    assert "Fila 2:" in out and "ya se capturó como la hoja 2" in out
