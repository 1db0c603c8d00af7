"""`cocrea fishbowl` and `cocrea fair` on real process files."""

from __future__ import annotations

import json

from click.testing import CliRunner

from cocrea_desktop.cli import cli
from cocrea_desktop.store.repo import Repo


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_fishbowl_groups_and_fair_listings(tmp_path, fake_clock):
    db = tmp_path / "p.cocrea.db"
    with Repo.create(db, name="PAL", clock=fake_clock) as repo:
        fb, _ = repo.add_session(method="fishbowl", question="¿Obras?")
        for label in ("Norte", "Sur"):
            repo.fishbowl.add_group(fb, label, size=5)
        repo.fishbowl.draw_order(fb, shuffle=lambda items: None)
        first = repo.fishbowl.current_turn(fb).group
        repo.fishbowl.start_turn(fb, first.id)
        repo.ideas.add(fb, "Caminos", group_key=first.id)
        fake_clock.advance(11 * 60)
        repo.fishbowl.end_turn(fb, first.id)
        fair, _ = repo.add_session(method="idea_fair", question="¿Proyectos?")
        repo.fair.add_stand(fair, title="Huertos", organisation="Milpa",
                            contact_name="María López")
        repo.fair.add_authority(fair, name="Ing. Ruiz", agency="Obras")
        letter, _ = repo.fair.draft_letter(fair, 1, 1, authority_commits="Riego")
        repo.fair.set_letter_status(letter.id, "dropped", "Sin presupuesto")

    groups = json.loads(run("fishbowl", "groups", str(db), fb[:8], "--json"))
    assert [(g["label"], g["turn_order"], g["ideas"]) for g in groups] == [
        ("Norte", 1, 1), ("Sur", 2, 0)]
    assert groups[0]["overrun_seconds"] == 60
    assert "Norte" in run("fishbowl", "groups", str(db), fb)

    stands = json.loads(run("fair", "stands", str(db), fair, "--json"))
    assert stands[0]["title"] == "Huertos" and "contact_name" not in stands[0]
    assert "María López" not in run("fair", "stands", str(db), fair)
    with_contacts = json.loads(run("fair", "stands", str(db), fair, "--json",
                                   "--with-contacts"))
    assert with_contacts[0]["contact_name"] == "María López"

    letters = json.loads(run("fair", "letters", str(db), fair, "--json"))
    assert letters[0]["folio"] == "CC-001" and letters[0]["status"] == "dropped"
    assert letters[0]["status_reason"] == "Sin presupuesto"
    assert "CC-001" in run("fair", "letters", str(db), fair)
