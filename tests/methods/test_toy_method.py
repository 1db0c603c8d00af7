"""A method is one package (issue 13): the toy method of ``tests/toy_method`` brings its
own table (its migrations module), its own records (its store module) and what its vote
is on (its options), and the program's generic parts (the vote store, ``cocrea tally``,
the results PDF, open data, the report hash, the journal) work with it unchanged. No
module of ``cocrea_desktop`` names it or was edited for it. Qt-free."""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from cocrea_desktop.cli import cli
from cocrea_desktop.core.errors import NewerFileVersion
from cocrea_desktop.export import evidence
from cocrea_desktop.export.opendata import export_open_data
from cocrea_desktop.export.pdf.session_reports import render_session_report
from cocrea_desktop.export.room_state import room_state
from cocrea_desktop.store.migrations import PERSONAL_FIELDS, known_names
from cocrea_desktop.store.repo import Repo
from tests import toy_method

COLOURS = ("Azul cielo", "Verde milpa", "Rojo grana")


@pytest.fixture
def toy():
    method = toy_method.install()
    yield method
    toy_method.uninstall()


@pytest.fixture
def voted(toy, tmp_path):
    """A process with a toy session: three colours said, three dot ballots typed."""
    path = tmp_path / "colores.cocrea.db"
    with Repo.create(path, name="Prueba de colores") as repo:
        sid, _c = repo.add_session(method=toy.key, question="¿Qué color pintamos la escuela?")
        for name in COLOURS:
            repo.toy.add_colour(sid, name, said_by="Marta López")
        repo.phases.go_to(sid, "vote")
        repo.votes.configure(sid, "vote", dots_per_person=2, max_per_option=1)
        for ballot in ("1 2", "2 3", "2"):
            repo.votes.enter_ballot(sid, "vote", ballot)
    return path, sid


def test_its_table_comes_from_its_own_migrations(toy, tmp_path):
    assert "toy_colours_0001_colour" in known_names()
    assert PERSONAL_FIELDS["toy_colour"] == ("said_by", "salt")
    path = tmp_path / "p.cocrea.db"
    with Repo.create(path, name="P") as repo:
        names = [r["name"] for r in repo.pf.query("SELECT name FROM _sqlite_migrations")]
        assert names[-1] == "toy_colours_0001_colour"
        columns = {r["name"] for r in repo.pf.query("PRAGMA table_info(toy_colour)")}
        assert {"id", "session_id", "number", "name", "device_id", "created_at"} <= columns
    # Without the method, a file holding its tables is one this program cannot read.
    toy_method.uninstall()
    try:
        with pytest.raises(NewerFileVersion):
            Repo.open(path)
    finally:
        toy_method.install()


def test_an_older_file_gets_the_methods_table_when_opened(tmp_path):
    path = tmp_path / "antes.cocrea.db"
    Repo.create(path, name="P").close()  # written before the method was there
    toy_method.install()
    try:
        with Repo.open(path) as repo:
            assert repo.pf.query("PRAGMA table_info(toy_colour)")
    finally:
        toy_method.uninstall()


def test_its_records_are_journaled_undone_and_voted_on(toy, tmp_path):
    with Repo.create(tmp_path / "p.cocrea.db", name="P") as repo:
        sid, _c = repo.add_session(method=toy.key, question="¿Qué color?")
        colour, changes = repo.toy.add_colour(sid, "  Azul   cielo ", said_by="Marta López")
        assert (colour.number, colour.name) == (1, "Azul cielo")
        assert "toy_colour" in changes.tables
        journal = json.dumps(repo.pf.query("SELECT * FROM journal WHERE object_type = ?",
                                           ["toy_colour"]))
        assert "Azul cielo" in journal and "Marta" not in journal  # personal: only a digest
        assert repo.undo_label() == "anotar el color «Azul cielo»"
        repo.undo()
        assert repo.toy.colours(sid) == []
        repo.redo()
        repo.toy.add_colour(sid, "Verde")
        options = repo.votes.options_for(sid, "vote")
        assert [(o.number, o.label) for o in options] == [(1, "Azul cielo"), (2, "Verde")]


def test_tally_names_the_colours(voted):
    path, sid = voted
    result = CliRunner().invoke(cli, ["tally", str(path), sid], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.strip()[:2] in ("1.", "2.")]
    assert lines[0].endswith("Verde milpa")
    data = json.loads(CliRunner().invoke(cli, ["tally", str(path), sid, "--json"]).output)
    assert (data["rows"][0]["option"], data["rows"][0]["text"]) == (2, "Verde milpa")
    assert {r["text"] for r in data["rows"]} == set(COLOURS)


def test_the_results_pdf_names_the_colours(voted):
    path, sid = voted
    with Repo.open(path, read_only=True) as repo:
        pdf = render_session_report(repo, sid, "results")
        digest = evidence.session_digest(repo, sid)
    text = " ".join(" ".join((page.extract_text() or "").split())
                    for page in PdfReader(io.BytesIO(pdf)).pages)
    for name in COLOURS:
        assert name in text
    assert digest in text  # the footer's data hash, which covers the colours (below)


def test_open_data_publishes_the_colours_not_who_said_them(voted, tmp_path):
    path, _sid = voted
    with Repo.open(path, read_only=True) as repo:
        result = export_open_data(repo, tmp_path / "datos")
    assert result.leaks == []
    data = json.loads((tmp_path / "datos" / "datos.json").read_text(encoding="utf-8"))
    tallies = [row for row in data["tables"]["tallies"]] if "tables" in data \
        else data["tallies"]
    assert {row["option_label"] for row in tallies} == set(COLOURS)
    everything = "".join(p.read_text(encoding="utf-8", errors="replace")
                         for p in (tmp_path / "datos").iterdir() if p.suffix != ".xlsx")
    assert "Marta" not in everything


def test_the_report_hash_covers_its_table(voted):
    path, sid = voted
    with Repo.open(path) as repo:
        assert "toy_colour" in evidence.session_tables(repo)
        before = evidence.session_digest(repo, sid)
        with repo.pf.conn:  # who said it is personal: not part of the hash
            repo.pf.conn.execute("UPDATE toy_colour SET said_by = 'Otra persona'")
        assert evidence.session_digest(repo, sid) == before
        with repo.pf.conn:  # a colour renamed behind the program's back shows in the hash
            repo.pf.conn.execute("UPDATE toy_colour SET name = 'Morado' WHERE number = 3")
        assert evidence.session_digest(repo, sid) != before


def test_the_room_sees_the_colours_then_the_vote(toy, tmp_path):
    with Repo.create(tmp_path / "p.cocrea.db", name="P") as repo:
        sid, _c = repo.add_session(method=toy.key, question="¿Qué color?")
        assert room_state(repo, sid).footer == "Aún no se dice ningún color."
        for name in COLOURS:
            repo.toy.add_colour(sid, name)
        room = room_state(repo, sid)
        assert (room.mode, room.items_title) == ("ideas", "Colores dichos")
        assert [(i.number, i.text) for i in room.items] == [
            ("1", "Azul cielo"), ("2", "Verde milpa"), ("3", "Rojo grana")]
        repo.phases.go_to(sid, "vote")  # the generic vote view, on the toy's own options
        room = room_state(repo, sid)
        assert room.mode == "vote"
        assert [i.text for i in room.items] == list(COLOURS)
