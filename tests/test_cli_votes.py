"""`cocrea ideas import|list`, `cocrea ballots import` and `cocrea tally` on real files."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cocrea_desktop.cli import cli
from cocrea_desktop.store.repo import Repo


def run(*args: str, ok: bool = True):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def process(tmp_path):
    db = tmp_path / "p.cocrea.db"
    with Repo.create(db, name="PAL Cuicatlán") as repo:
        sid, _ = repo.add_session(method="nominal_group", question="¿Qué pasa con el agua?",
                                  participant_count=4)
    return db, sid


def write(path, text: str, *, bom: bool = False):
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return str(path)


def test_ideas_import_with_bom_and_text_column_then_list(process, tmp_path):
    db, sid = process
    csv_file = write(tmp_path / "ideas.csv", "mesa,Texto\n1,El agua llega turbia\n"
                     "1,\"Hay fugas, muchas\"\n,\n2,  No   hay pipas \n1,El tandeo no se respeta\n"
                     "2,La bomba falla\n", bom=True)
    out = run("ideas", "import", str(db), sid[:8], csv_file).output
    assert "Se agregaron 5 ideas a la sesión (números 1 a 5)" in out
    assert "2. Hay fugas, muchas" in out and "Se omitió 1 fila vacía." in out
    listed = json.loads(run("ideas", "list", str(db), sid, "--json").output)
    assert [(i["number"], i["text"], i["round"], i["turn"]) for i in listed] == [
        (1, "El agua llega turbia", 1, 1), (2, "Hay fugas, muchas", 1, 2),
        (3, "No hay pipas", 1, 3), (4, "El tandeo no se respeta", 1, 4),
        (5, "La bomba falla", 2, 1)]
    with Repo.open(db) as repo:  # one import = one undo step
        assert repo.pf.scalar("SELECT COUNT(DISTINCT txn) FROM journal "
                              "WHERE action = 'idea.import'") == 1


def test_ideas_import_first_column_without_header_semicolons(process, tmp_path):
    db, sid = process
    csv_file = write(tmp_path / "ideas.csv", "Fugas en la red;x\nAgua turbia;y\n")
    run("ideas", "import", str(db), sid, csv_file)
    listed = json.loads(run("ideas", "list", str(db), sid, "--json").output)
    assert [i["text"] for i in listed] == ["Fugas en la red", "Agua turbia"]


def test_ideas_list_shows_status_merges_and_withdrawals(process):
    db, sid = process
    with Repo.open(db) as repo:
        for text in ("Fugas", "Agua turbia", "Más fugas", "Fuera de tema"):
            repo.ideas.add(sid, text)
        merge, _ = repo.ideas.propose_merge(sid, [1, 3])
        repo.ideas.agree_merge(merge.id)
        repo.ideas.withdraw(repo.ideas.by_number(sid, 4).id, "no es del tema")
    out = run("ideas", "list", str(db), sid[:8]).output
    lines = out.splitlines()
    assert "Vigente" in lines[0] and "[absorbe: 3]" in lines[0]
    assert "Fusionada" in lines[2] and "[fusionada en la 1]" in lines[2]
    assert "Retirada" in lines[3] and "[retirada: no es del tema]" in lines[3]
    data = json.loads(run("ideas", "list", str(db), sid, "--json").output)
    assert data[0]["absorbed"] == [3] and data[2]["merged_into"] == 1
    assert data[3]["status"] == "withdrawn" and data[3]["withdraw_reason"] == "no es del tema"


def test_ideas_import_is_refused_cleanly_once_voting_started(process, tmp_path):
    db, sid = process
    with Repo.open(db) as repo:
        for text in ("a", "b", "c"):
            repo.ideas.add(sid, text)
        repo.votes.enter_ballot(sid, "preliminary", "1 2")
    result = run("ideas", "import", str(db), sid, write(tmp_path / "i.csv", "d\n"), ok=False)
    assert result.exit_code == 1
    assert result.output.strip() == "Error: Ya empezó la votación: no se pueden agregar ideas."
    assert len(json.loads(run("ideas", "list", str(db), sid, "--json").output)) == 3


@pytest.mark.parametrize("content, words", [
    (b"", "no tiene ideas"),
    ("texto\n\n".encode(), "no tiene ideas"),
    ("á".encode("latin-1") + b"gua\n", "no está en UTF-8"),
    (("x" * 2001 + "\n").encode(), "Fila 1: la idea es demasiado larga"),
])
def test_ideas_import_user_errors_are_one_line(process, tmp_path, content, words):
    db, sid = process
    path = tmp_path / "malo.csv"
    path.write_bytes(content)
    result = run("ideas", "import", str(db), sid, str(path), ok=False)
    assert result.exit_code == 1 and words in result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_unknown_session_is_a_clear_error(process, tmp_path):
    db, _sid = process
    result = run("ideas", "list", str(db), "zzzzzzzz", ok=False)
    assert result.exit_code == 1 and "No existe la sesión «zzzzzzzz»" in result.output


BALLOTS_CSV = """folio,idea,puntos
0001,1,5
0001,2,4
0001,3,3
0002,2,5
0002,2,4
0002,x,3
0003,4,5
0003,9,4
0004,,
,3,2
0001,5,2
"""


@pytest.fixture
def voting(process):
    db, sid = process
    with Repo.open(db) as repo:
        for i in range(1, 7):
            repo.ideas.add(sid, "Idea {}".format(i))
    return db, sid


def test_ballots_import_reports_added_voided_duplicates(voting, tmp_path):
    db, sid = voting
    csv_file = write(tmp_path / "boletas.csv", BALLOTS_CSV, bom=True)
    report = json.loads(run("ballots", "import", str(db), sid[:8], csv_file, "--json").output)
    assert [(b["serial"], b["marks"]) for b in report["added"]] == [
        ("0001", [[1, 5], [2, 4], [3, 3], [5, 2]]),   # row 12 joins ballot 0001
        ("0002", []),                                  # 2 twice, "x" unreadable: all void
        ("0003", [[4, 5]]),
        ("0004", []),                                  # a serial alone: a blank ballot
    ]
    voids = {b["serial"]: [(v["entry"], v["reason"]) for v in b["voids"]]
             for b in report["added"]}
    assert [e for e, _r in voids["0002"]] == ["2:5", "2:4", "x:3"]
    assert "aparece dos veces" in voids["0002"][0][1]
    assert "no se entiende" in voids["0002"][2][1]
    assert voids["0003"] == [("9:4", "La idea 9 no existe en esta votación.")]
    assert report["refused_rows"] == [{"row": 11, "reason": "Falta el folio de la boleta."}]
    assert report["duplicates"] == [] and report["ballots_in_round"] == 4
    # the same file again: nothing counted twice
    again = run("ballots", "import", str(db), sid, csv_file).output
    assert "4 boletas ya estaban contadas y no se contaron dos veces: 0001, 0002, 0003, 0004" \
        in again
    assert "se agregaron 0 boletas" in again and "Boletas en la ronda: 4." in again
    with Repo.open(db, read_only=True) as repo:
        assert repo.votes.count_ballots(sid, "preliminary") == 4
        assert repo.pf.verify_journal().ok


def test_ballots_import_text_report_and_final_round(voting, tmp_path):
    db, sid = voting
    csv_file = write(tmp_path / "b.csv", "A1;3;5\nA1;1;4\nA2;3;\nA2;2;\n")  # no header
    out = run("ballots", "import", str(db), sid, csv_file, "--round", "final").output
    assert "Votación final: se agregaron 2 boletas." in out
    assert "anuladas" not in out
    tally = json.loads(run("tally", str(db), sid, "--round", "final", "--json").output)
    # A2 has no points: by place, 5 for 3 and 4 for 2
    assert [(r["option"], r["points"]) for r in tally["rows"][:3]] == [(3, 10), (1, 4), (2, 4)]
    # Without --round: the round whose result stands (here the only one with votes).
    standing = json.loads(run("tally", str(db), sid, "--json").output)
    assert (standing["round"], standing["result_round"], standing["ballots"]) == (
        "final", "final", 2)
    assert json.loads(run("tally", str(db), sid, "--round", "preliminary",
                          "--json").output)["ballots"] == 0


def test_ballots_import_follows_the_screen_rules(voting, tmp_path):
    db, sid = voting
    with Repo.open(db) as repo:
        repo.votes.set_counts(sid, "preliminary", {1: 3}, counter="Rosa")
    result = run("ballots", "import", str(db), sid, write(tmp_path / "b.csv", "1,1,5\n"),
                 ok=False)
    assert result.exit_code == 1 and "se vota con conteos" in result.output


def test_tally_text_and_json_match_a_hand_count(voting, tmp_path):
    db, sid = voting
    with Repo.open(db) as repo:
        repo.votes.configure(sid, "preliminary", k=3)
        for text in ("1 2 3", "2 1 4", "1 3 4", "4 5 2", "3 2"):
            repo.votes.enter_ballot(sid, "preliminary", text)
        spoiled, _ = repo.votes.enter_ballot(sid, "preliminary", "6 5 4")
        repo.votes.spoil_ballot(spoiled.id)
    data = json.loads(run("tally", str(db), sid[:8], "--json").output)
    # the same hand-computed case as tests/store/test_votes.py
    assert [(r["rank"], r["option"], r["points"], r["mentions"]) for r in data["rows"]] == [
        (1, 2, 8, 4), (2, 1, 8, 3), (3, 3, 6, 3), (4, 4, 5, 3), (5, 5, 2, 1), (6, 6, 0, 0)]
    assert data["rows"][0]["distribution"] == {"3": 1, "2": 2, "1": 1}
    assert data["rows"][0]["text"] == "Idea 2"
    assert data["k"] == 3 and data["ballots"] == 5 and data["spoiled_ballots"] == 1
    assert data["total_points"] == 29
    assert [s["rule"] for s in data["tie_breaks"]] == ["breadth"]
    assert [(n["higher"], n["lower"]) for n in data["near_ties"]] == [([2], [1]), ([3], [4])]
    out = run("tally", str(db), sid).output
    assert "Regla: Cada boleta ordena hasta 3 ideas" in out
    assert "Boletas en el conteo: 5; anuladas a mano, que no cuentan: 1." in out
    assert "8 puntos, 4 boletas, D: 3:1 2:2 1:1" in out
    assert "Desempates:" in out and "la idea 2 aparece en más boletas (4 contra 3)" in out
    assert "Casi empates:" in out


def test_tally_of_typed_counts_shows_the_total_check(voting):
    db, sid = voting
    with Repo.open(db) as repo:
        repo.votes.set_counts(sid, "preliminary", {1: 3, 2: 2}, counter="Rosa", participants=4)
    out = run("tally", str(db), sid).output
    assert "Conteo a mano hecho por Rosa" in out and "se esperaban 4" in out
    assert "3 votos" in out


def test_tally_user_error_and_english(voting):
    db, sid = voting
    with Repo.open(db) as repo:
        repo.votes.enter_ballot(sid, "preliminary", "1 2")
    result = run("--lang", "en", "tally", str(db), sid)
    assert "Preliminary vote" in result.output  # the language applies to the command
    one = Repo.open(db)
    other, _ = one.add_session(method="nominal_group", question="¿Sin ideas?")
    one.close()
    bad = run("tally", str(db), other, ok=False)
    assert bad.exit_code == 1 and bad.output.startswith("Error: ")
    assert len(bad.output.strip().splitlines()) == 1
