"""The ballot's header line says the session's date as people write it."""

from __future__ import annotations

from pypdf import PdfReader

from cocrea_desktop.export.paper import print_ballots
from cocrea_desktop.store.repo import Repo


def test_ballot_header_writes_the_date_in_words(tmp_path):
    with Repo.create(tmp_path / "p.cocrea.db", name="PAL 2027") as repo:
        sid = repo.add_session(method="nominal_group", question="¿Qué hace falta?",
                               date="2027-02-06")[0]
        for text in ("Agua", "Luz", "Camino", "Escuela"):
            repo.ideas.add(sid, text)
        assert print_ballots(repo, sid, "preliminary", 1, tmp_path / "b.pdf")
    text = " ".join(PdfReader(tmp_path / "b.pdf").pages[0].extract_text().split())
    assert "6 de febrero de 2027" in text
    assert "2027-02-06" not in text


def test_the_filled_in_example_uses_made_up_ideas(tmp_path):
    """The example names ideas A, B and C: never a number that may be missing from the
    ballot (a walk-through found "la idea 9" on a ballot with no idea 9) or a real idea."""
    with Repo.create(tmp_path / "p.cocrea.db", name="PAL 2027") as repo:
        sid = repo.add_session(method="nominal_group", question="¿Qué hace falta?")[0]
        for text in ("Agua", "Luz", "Camino", "Escuela"):
            repo.ideas.add(sid, text)
        assert print_ballots(repo, sid, "preliminary", 1, tmp_path / "b.pdf")
    text = " ".join(PdfReader(tmp_path / "b.pdf").pages[0].extract_text().split())
    assert "ideas inventadas (A, B, C)" in text
    assert "la idea A es la más importante" in text
    assert "la idea 7 es la más importante" not in text and "luego la 9" not in text
