"""`cocrea ballots print|scan|register|annex` on real files: print, render, scan back, count."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cocrea_desktop.cli import cli
from cocrea_desktop.store.repo import Repo
from tests.export.test_paper_roundtrip import render_pages


def run(*args: str, ok: bool = True):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def process(tmp_path):
    db = tmp_path / "p.cocrea.db"
    with Repo.create(db, name="PAL Cuicatlán") as repo:
        sid, _ = repo.add_session(method="nominal_group", question="¿Qué falta en la clínica?",
                                  table_label="Mesa 2")
        for text in ("Médico los fines de semana", "Medicinas completas", "Ambulancia",
                     "Horario nocturno"):
            repo.ideas.add(sid, text)
        repo.votes.configure(sid, "preliminary", k=3)
        other, _ = repo.add_session(method="nominal_group", question="¿Y la escuela?",
                                    table_label="Mesa 7")
        for text in ("Techo", "Maestros", "Baños"):
            repo.ideas.add(other, text)
    return db, sid, other


def test_print_scan_enter_register_annex(process, tmp_path):
    db, sid, other = process
    pdf = tmp_path / "boletas.pdf"
    out = run("ballots", "print", str(db), sid[:8], "--count", "6", "--per-page", "2",
              "--paper", "a4", "-o", str(pdf)).output
    assert "Votación preliminar: se emitieron 6 boletas" in out or "se emitieron 6" in out
    pages = render_pages(pdf, tmp_path / "escaneos")
    assert len(pages) == 3
    (tmp_path / "escaneos" / "notas.png").write_bytes(pages[0].read_bytes()[:100])  # broken

    data = json.loads(run("ballots", "scan", str(db), sid, str(tmp_path / "escaneos"),
                          "--json").output)
    assert data["round"] == "preliminary"
    assert len(data["ready"]) == 6 and {c["kind"] for c in data["codes"]} == {"ready"}
    assert [p["source"] for p in data["problems"]] and \
        "notas.png" in data["problems"][0]["source"]
    serials = data["ready"]
    text = run("ballots", "scan", str(db), sid, str(pages[0])).output
    assert "2 boletas listas para capturar sus marcas." in text
    assert "lista para capturar" in text and " ready " not in text
    with Repo.open(db) as repo:  # scanning entered nothing
        assert repo.votes.count_ballots(sid, "preliminary") == 0
        repo.votes.enter_ballot(sid, "preliminary", "1 2 3", serial=serials[0])
        repo.votes.enter_ballot(sid, "preliminary", "4 1", serial=serials[1])
        repo.votes.enter_ballot(sid, "preliminary", "9", serial=serials[2])  # all void
        repo.register.mark_spoiled(sid, "preliminary", serials[3])

    again = json.loads(run("ballots", "scan", str(db), sid, *map(str, pages),
                           "--json").output)
    kinds = {c["serial"]: c["kind"] for c in again["codes"]}
    assert [kinds[s] for s in serials] == ["duplicate"] * 4 + ["ready"] * 2
    # The same pages read for another session: each ballot names the session it is of.
    elsewhere = run("ballots", "scan", str(db), other, str(pages[0])).output
    assert "de otra sesión" in elsewhere and "Mesa 2" in elsewhere
    assert "other_session" not in elsewhere

    register = json.loads(run("ballots", "register", str(db), sid, "--json").output)
    assert (register["issued"], register["returned"], register["not_returned"]) == (6, 4, 2)
    assert (register["counted"], register["void"], register["spoiled"]) == (2, 1, 1)
    assert register["balanced"] is True
    states = {s["serial"]: s["state"] for s in register["serials"]}
    assert [states[s] for s in serials] == ["counted", "counted", "void", "spoiled",
                                            "not_returned", "not_returned"]
    words = run("ballots", "register", str(db), sid).output
    assert "Emitidas: 6" in words and "Sin devolver: 2" in words and "Cuadra" in words

    annex = tmp_path / "anexo.csv"
    run("ballots", "annex", str(db), sid, "-o", str(annex))
    raw = annex.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0] == "folio_contado"
    shown = {s: f"{s[:3]}-{s[3:]}" for s in serials}
    assert shown[serials[0]] in lines  # the serial alone: never beside its marks
    assert "1:3" not in raw.decode("utf-8-sig")
    assert "opcion,texto,total,boletas_por_valor" in lines
    assert not any(shown[serials[3]] in line for line in lines)  # spoiled: not counted


def test_register_that_does_not_balance_and_bad_round(process, tmp_path):
    db, sid, _other = process
    run("ballots", "print", str(db), sid, "--count", "2", "--per-page", "1",
        "-o", str(tmp_path / "b.pdf"))
    with Repo.open(db) as repo:
        first, second = [r["serial"] for r in repo.register.issued(sid, "preliminary")]
        repo.votes.enter_ballot(sid, "preliminary", "1 2", serial=first)
        repo.votes.enter_ballot(sid, "preliminary", "2 3", serial=second)
        # A tampered register: one issued serial lost, so more came back than were issued.
        repo.pf.conn.execute("DELETE FROM ballot_issue WHERE serial = ?", [second])
        repo.pf.conn.commit()
    words = run("ballots", "register", str(db), sid).output
    assert "No cuadra" in words
    bad = run("ballots", "register", str(db), sid, "--round", "vote", ok=False)
    assert bad.exit_code == 1 and "no tiene la votación" in bad.output
    refused = run("ballots", "print", str(db), sid, "--count", "0", "-o",
                  str(tmp_path / "c.pdf"), ok=False)
    assert refused.exit_code == 1 and "de 1 a 2000" in refused.output


def test_ballots_import_refuses_what_the_register_refuses(tmp_path):
    """Typed serials are read as the screen reads them: a serial typed twice in two ways,
    another session's, a spoiled one and one never issued are not counted."""
    import json

    from click.testing import CliRunner

    from cocrea_desktop.cli import cli
    from cocrea_desktop.store.repo import Repo

    db = tmp_path / "r.cocrea.db"
    with Repo.create(db, name="PAL") as repo:
        sid, _ = repo.add_session(method="nominal_group", question="¿Qué?")
        other, _ = repo.add_session(method="nominal_group", question="¿Y?", table_label="Mesa 2")
        for s in (sid, other):
            for text in ("Agua", "Luz", "Caminos"):
                repo.ideas.add(s, text)
        pairs, _ = repo.register.issue(sid, "preliminary", 3)
        serials = [p[0] for p in pairs]
        other_serial = repo.register.issue(other, "preliminary", 1)[0][0][0]
        repo.register.mark_spoiled(sid, "preliminary", serials[1])
        from cocrea_desktop.core.voting.payload import generate_serials

        never = generate_serials(1, taken=set(serials) | {other_serial})[0]
    dashed = "{}-{}".format(serials[0][:3], serials[0][3:])
    csv = tmp_path / "b.csv"
    # The serial typed with and without its hyphen: the same ballot (its two marks).
    csv.write_text("folio,idea,puntos\n{a},1,\n{b},2,\n{c},1,\n{d},1,\n{e},1,\n".format(
        a=dashed, b=serials[0], c=other_serial, d=serials[1], e=never), "utf-8")
    result = CliRunner().invoke(cli, ["ballots", "import", str(db), sid, str(csv), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert len(report["added"]) == 1 and report["added"][0]["serial"] == serials[0]
    assert report["added"][0]["marks"] == [[1, 2], [2, 1]]
    reasons = " ".join(r["reason"] for r in report["rejected"])
    assert "Mesa 2" in reasons
    assert "no se emitió" in reasons
    with Repo.open(db, read_only=True) as repo:
        assert repo.votes.tally(sid, "preliminary").row(1).points == 2  # one ballot, k = 2
    again = CliRunner().invoke(cli, ["ballots", "import", str(db), sid, str(csv)])
    assert "no se contó dos veces: " + dashed in again.output  # shown as printed


def test_printing_to_a_missing_folder_is_a_clear_error_and_issues_nothing(tmp_path):
    from click.testing import CliRunner

    from cocrea_desktop.cli import cli
    from cocrea_desktop.store.repo import Repo

    db = tmp_path / "r.cocrea.db"
    with Repo.create(db, name="PAL") as repo:
        sid, _ = repo.add_session(method="nominal_group", question="¿Qué?")
        for text in ("Agua", "Luz", "Caminos"):
            repo.ideas.add(sid, text)
    result = CliRunner().invoke(cli, ["ballots", "print", str(db), sid, "--count", "2", "-o",
                                      str(tmp_path / "no-existe" / "b.pdf")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "No se puede escribir en la carpeta" in result.output
    with Repo.open(db, read_only=True) as repo:
        assert repo.register.summary(sid, "preliminary").issued == 0
    # A file where a folder should be: the OS refuses, the message is one line.
    (tmp_path / "archivo").write_text("x")
    result = CliRunner().invoke(cli, ["report", "results", str(db), sid, "-o",
                                      str(tmp_path / "archivo" / "r.pdf")])
    assert result.exit_code == 1 and "Traceback" not in result.output
