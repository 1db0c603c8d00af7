"""Which round's result stands: the reports, open data and `cocrea tally` agree (no Qt).

An optional final round with one ballot entered after four preliminary ones: the last
round with votes stands until the facilitator takes the preliminary one; every consumer
takes ``repo.votes.result_round()`` and the results PDF prints the warning.
"""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from cocrea_desktop.cli import cli
from cocrea_desktop.export import evidence, opendata
from cocrea_desktop.export.pdf.session_reports import render_session_report
from cocrea_desktop.store.repo import Repo

WARNING = ("La votación final tiene 1 de 4 boletas esperadas (votación preliminar: 4; "
           "folios entregados: 0).")


@pytest.fixture
def process(tmp_path):
    db = tmp_path / "agua.cocrea.db"
    with Repo.create(db, name="PAL Cuicatlán") as repo:
        sid, _ = repo.add_session(method="nominal_group", question="¿Qué le falta al agua?")
        repo.phases.go_to(sid, "silent_writing")
        repo.phases.go_to(sid, "round")
        for text in ("Hay fugas", "Cobran de más", "No hay informe", "La pipa llega tarde",
                     "Falta agua en las secundarias"):
            repo.ideas.add(sid, text)
        repo.phases.go_to(sid, "clarification")
        repo.phases.go_to(sid, "preliminary_vote")
        repo.votes.configure(sid, "preliminary", k=3)
        for text in ("1 2 3", "2 3 4", "3 1 5", "1 3 2"):
            repo.votes.enter_ballot(sid, "preliminary", text)
        repo.phases.go_to(sid, "discussion")
        repo.phases.go_to(sid, "final_vote")
        repo.votes.configure(sid, "final", k=3)
        repo.votes.enter_ballot(sid, "final", "5 4 3")
    return db, sid


def tally_cli(db, sid) -> dict:
    result = CliRunner().invoke(cli, ["tally", str(db), sid, "--json"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def standing(db, sid) -> dict:
    """What each consumer takes as the session's result."""
    with Repo.open(db, read_only=True) as repo:
        snap = evidence.session_snapshot(repo, sid)
        process = evidence.process_snapshot(repo)
        rows = opendata.collect(repo)
        results_pdf = render_session_report(repo, sid, "results")
        relatoria_pdf = render_session_report(repo, sid, "relatoria")
        store = repo.votes.result_round(sid)
    cli_data = tally_cli(db, sid)
    return {
        "store": store,
        "snapshot": snap.final_round().round,
        "process": process.sessions[0]["final_label"],
        "open data": rows["sessions"][0]["result_round"],
        "cli": cli_data["round"],
        "cli result_round": cli_data["result_round"],
        "cli warning": cli_data["warning"],
        "results pdf": pdf_text(results_pdf),
        "relatoria pdf": pdf_text(relatoria_pdf),
    }


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join((p.extract_text() or "").split())
                    for p in PdfReader(io.BytesIO(data)).pages)


def test_every_consumer_takes_the_round_that_stands(process):
    db, sid = process
    seen = standing(db, sid)
    assert (seen["store"], seen["snapshot"], seen["open data"], seen["cli"],
            seen["cli result_round"]) == ("final",) * 5
    assert seen["process"] == "Votación final"
    assert seen["cli warning"] == WARNING
    assert "Resultado de la sesión: votación final." in seen["results pdf"]
    assert "Aviso: " + WARNING in seen["results pdf"]
    assert "Aviso: " + WARNING in seen["relatoria pdf"]
    assert "Lugar 1: idea 5 «Falta agua en las secundarias» (3 puntos)" in seen["relatoria pdf"]

    with Repo.open(db) as repo:
        repo.votes.choose_result_round(sid, "preliminary")
    seen = standing(db, sid)
    assert (seen["store"], seen["snapshot"], seen["open data"], seen["cli"],
            seen["cli result_round"]) == ("preliminary",) * 5
    assert seen["process"] == "Votación preliminar"
    assert "Resultado de la sesión: votación preliminar." in seen["results pdf"]
    assert "Resultado de la sesión: votación preliminar." in seen["relatoria pdf"]
    # The relatoría's results are the preliminary ones now.
    assert "Lugar 1: idea 3 «No hay informe» (8 puntos)" in seen["relatoria pdf"]
    assert "Lugar 2: idea 1 «Hay fugas» (8 puntos)" in seen["relatoria pdf"]


def test_cli_tally_names_the_round_that_stands_when_another_is_asked(process):
    db, sid = process
    with Repo.open(db) as repo:
        repo.votes.choose_result_round(sid, "preliminary")
    out = CliRunner().invoke(cli, ["tally", str(db), sid, "--round", "final"]).output
    assert out.splitlines()[:3] == [
        "Votación final",
        "No es el resultado de la sesión: se toma la votación preliminar.",
        "Aviso: " + WARNING,
    ]
    out = CliRunner().invoke(cli, ["tally", str(db), sid]).output
    assert out.splitlines()[0] == "Votación preliminar"


def test_a_session_without_a_second_round_says_nothing_more(tmp_path):
    db = tmp_path / "uno.cocrea.db"
    with Repo.create(db, name="PAL") as repo:
        sid, _ = repo.add_session(method="nominal_group", question="¿Qué falta?")
        repo.phases.go_to(sid, "silent_writing")
        repo.phases.go_to(sid, "round")
        for text in ("Agua", "Luz", "Caminos"):
            repo.ideas.add(sid, text)
        repo.phases.go_to(sid, "clarification")
        repo.phases.go_to(sid, "preliminary_vote")
        repo.votes.configure(sid, "preliminary", k=2)
        repo.votes.enter_ballot(sid, "preliminary", "1 2")
    seen = standing(db, sid)
    assert seen["cli"] == "preliminary" and seen["cli warning"] == ""
    assert "Resultado de la sesión" not in seen["results pdf"]
    assert "Aviso:" not in seen["results pdf"]
