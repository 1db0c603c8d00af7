"""`cocrea tally` names each option by what the vote is on (issue 13): a fishbowl votes on
clusters of ideas, so its rows carry the clusters' labels, not the texts of the ideas that
happen to have the same numbers."""

from __future__ import annotations

import json

from click.testing import CliRunner

from cocrea_desktop.cli import cli
from cocrea_desktop.store.repo import Repo


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_tally_of_a_fishbowl_prints_the_clusters_labels(tmp_path):
    db = tmp_path / "p.cocrea.db"
    with Repo.create(db, name="PAL Cuicatlán") as repo:
        sid, _c = repo.add_session(method="fishbowl", question="¿Cómo repartir las obras?")
        ideas = [repo.ideas.add(sid, text)[0] for text in (
            "Obras por población", "Caminos primero", "Obras según habitantes")]
        people, _c = repo.ideas.add_cluster(sid, "Repartir por población")
        roads, _c = repo.ideas.add_cluster(sid, "Caminos")
        repo.ideas.set_cluster([ideas[0].id, ideas[2].id], people.id)
        repo.ideas.set_cluster([ideas[1].id], roads.id)
        repo.votes.configure(sid, "vote", dots_per_person=3, max_per_option=2)
        for ballot in ("2 2 1", "2 1", "2"):
            repo.votes.enter_ballot(sid, "vote", ballot)

    out = run("tally", str(db), sid)
    lines = [line for line in out.splitlines() if line.strip().startswith(("1.", "2."))]
    assert len(lines) == 2
    assert lines[0].split()[1] == "2" and lines[0].endswith("Caminos")
    assert lines[1].split()[1] == "1" and lines[1].endswith("Repartir por población")
    assert "Obras" not in out and "Caminos primero" not in out

    data = json.loads(run("tally", str(db), sid, "--json"))
    assert data["option_noun"] == "cluster"
    assert [(r["option"], r["text"]) for r in data["rows"]] == [
        (2, "Caminos"), (1, "Repartir por población")]


def test_tally_of_an_idea_fair_prints_the_stands_titles(tmp_path):
    db = tmp_path / "p.cocrea.db"
    with Repo.create(db, name="PAL Cuicatlán") as repo:
        sid, _c = repo.add_session(method="idea_fair", question="¿Qué proyectos sumamos?")
        repo.fair.add_stand(sid, title="Huertos escolares")
        repo.fair.add_stand(sid, title="Radio comunitaria", number=7)
        repo.votes.set_counts(sid, "vote", {1: 9, 7: 14}, counter="Equipo STL",
                              participants=12)
    data = json.loads(run("tally", str(db), sid, "--json"))
    assert data["option_noun"] == "stand"
    assert [(r["option"], r["text"]) for r in data["rows"]] == [
        (7, "Radio comunitaria"), (1, "Huertos escolares")]


def test_tally_rows_share_one_reading_in_json_and_text(tmp_path):
    """Every row carries total, breadth, unit and its line, whatever the kind of vote; the
    kind's own figures stay under their names (points/mentions, dots/voters, count)."""
    db = tmp_path / "p.cocrea.db"
    with Repo.create(db, name="PAL Cuicatlán") as repo:
        fishbowl, _c = repo.add_session(method="fishbowl", question="¿Cómo repartir las obras?")
        ideas = [repo.ideas.add(fishbowl, text)[0] for text in ("Obras", "Caminos")]
        for idea, label in zip(ideas, ("Repartir por población", "Caminos")):
            cluster, _c = repo.ideas.add_cluster(fishbowl, label)
            repo.ideas.set_cluster([idea.id], cluster.id)
        repo.votes.configure(fishbowl, "vote", dots_per_person=3, max_per_option=2)
        for ballot in ("2 2 1", "2 1", "2"):
            repo.votes.enter_ballot(fishbowl, "vote", ballot)
        fair, _c = repo.add_session(method="idea_fair", question="¿Qué proyectos sumamos?")
        repo.fair.add_stand(fair, title="Huertos escolares")
        repo.fair.add_stand(fair, title="Radio comunitaria", number=7)
        repo.votes.set_counts(fair, "vote", {1: 9, 7: 14}, counter="Equipo STL")

    dots = json.loads(run("tally", str(db), fishbowl, "--json"))
    assert dots["unit"] == "dots" and dots["ballots_counted"] == 3
    first = dots["rows"][0]
    assert (first["option"], first["total"], first["breadth"], first["unit"]) == (2, 4, 3, "dots")
    assert (first["dots"], first["voters"]) == (4, 3)
    assert first["line"] == "el grupo de ideas 2: 4 puntos, de 3 personas"
    counts = json.loads(run("tally", str(db), fair, "--json"))
    assert counts["unit"] == "votes" and counts["ballots_counted"] is None
    assert [(r["option"], r["total"], r["breadth"], r["count"]) for r in counts["rows"]] == [
        (7, 14, None, 14), (1, 9, None, 9)]
    assert counts["rows"][0]["line"] == "el stand 7: 14 votos"
    text = run("tally", str(db), fair)
    assert "14 votos" in text and "Radio comunitaria" in text
    assert "Boletas en el conteo" not in text  # a hand count counted no ballots
