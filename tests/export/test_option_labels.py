"""What a vote is on, named the same everywhere; and the data hash covering every method's rows.

Issue 13: the idea fair's results PDF listed "Idea 1 / Idea 7" instead of its stands, and
the data hash in a report's footer left out every fishbowl and fair table.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from pypdf import PdfReader

from cocrea_desktop.core.clock import FakeClock
from cocrea_desktop.export import evidence
from cocrea_desktop.export.pdf.session_reports import write_session_report
from cocrea_desktop.store.migrations import PERSONAL_FIELDS
from tests.export.evidence_fixture import make_process


def add_fishbowl(repo) -> str:
    sid, _c = repo.add_session(method="fishbowl", question="¿Cómo repartir las obras?")
    for label in ("Cabecera", "Agencias del norte"):
        repo.fishbowl.add_group(sid, label, size=4, members="Juana Pérez, Pablo Ruiz")
    repo.fishbowl.draw_order(sid, shuffle=lambda items: None)
    first = repo.fishbowl.current_turn(sid)
    repo.fishbowl.start_turn(sid, first.group.id)
    groups = repo.fishbowl.groups(sid)
    a, _c = repo.ideas.add(sid, "Obras por población", group_key=groups[0].id)
    b, _c = repo.ideas.add(sid, "Caminos primero", group_key=groups[1].id)
    c, _c = repo.ideas.add(sid, "Obras según habitantes", group_key=groups[0].id)
    repo.fishbowl.end_turn(sid, first.group.id)
    people, _c = repo.ideas.add_cluster(sid, "Repartir por población")
    roads, _c = repo.ideas.add_cluster(sid, "Caminos")
    repo.ideas.set_cluster([a.id, c.id], people.id)
    repo.ideas.set_cluster([b.id], roads.id)
    repo.votes.configure(sid, "vote", dots_per_person=3, max_per_option=2)
    for ballot in ("1 1 2", "2 2 1", "2 1"):
        repo.votes.enter_ballot(sid, "vote", ballot)
    return sid


def add_fair(repo, tmp_path: Path) -> str:
    sid, _c = repo.add_session(method="idea_fair", question="¿Qué proyectos sumamos al PAL?")
    repo.fair.add_stand(sid, title="Huertos escolares", organisation="Colectivo Milpa",
                        contact_name="María López Cruz", contact_phone="951 123 4567")
    repo.fair.add_stand(sid, title="Radio comunitaria", number=7)
    repo.fair.add_authority(sid, name="Ing. Pedro Ruiz", post="Director", agency="Obras")
    repo.fair.log_visit(sid, 1, 1, "Pidió ver el terreno")
    repo.fair.set_interest(sid, 7, 1, "meeting")
    letter, _c = repo.fair.draft_letter(sid, 1, 1, authority_commits="Gestionar el riego",
                                        team_commits="Cuidar el huerto")
    scan = tmp_path / "carta-firmada.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    repo.fair.attach(letter.id, scan)
    repo.votes.set_counts(sid, "vote", {1: 9, 7: 14}, counter="Equipo STL", participants=12)
    return sid


@pytest.fixture
def made(tmp_path):
    repo, group = make_process(tmp_path / "p.cocrea.db", FakeClock())
    repo.register.issue(group, "final", 3)
    fishbowl = add_fishbowl(repo)
    fair = add_fair(repo, tmp_path)
    yield repo, {"nominal_group": group, "fishbowl": fishbowl, "idea_fair": fair}
    repo.close()


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages)


def test_options_for_names_what_each_method_votes_on(made):
    repo, sids = made
    fair = repo.votes.options_for(sids["idea_fair"], "vote")
    assert [(o.number, o.label) for o in fair] == [(1, "Huertos escolares"),
                                                  (7, "Radio comunitaria")]
    assert fair.noun.key == "stand" and fair.noun.one(7) == "el stand 7"
    fishbowl = repo.votes.options_for(sids["fishbowl"])
    assert fishbowl.labels() == {1: "Repartir por población", 2: "Caminos"}
    assert fishbowl.noun.key == "cluster"
    group = repo.votes.options_for(sids["nominal_group"], "preliminary")
    assert group.noun.key == "idea"
    # Merged (4 into 1) and withdrawn (7) ideas are not voted on.
    assert group.numbers() == [1, 2, 3, 5, 6] == repo.votes.options(sids["nominal_group"])
    assert group.label(2) == "Un comité de agua con mujeres y jóvenes"


def test_fair_results_pdf_lists_the_stands(made, tmp_path):
    repo, sids = made
    text = pdf_text(write_session_report(repo, sids["idea_fair"], "results",
                                         tmp_path / "resultados.pdf"))
    assert "Radio comunitaria" in text and "Huertos escolares" in text
    assert "Stand 7" in text and "Stand 1" in text  # the chart's bars
    assert "Idea 7" not in text and "Idea 1" not in text
    # Stand 7 won 14 to 9: first place, with its title.
    assert text.index("Radio comunitaria") < text.index("Huertos escolares")


def test_fishbowl_results_pdf_lists_the_clusters(made, tmp_path):
    repo, sids = made
    text = pdf_text(write_session_report(repo, sids["fishbowl"], "results",
                                         tmp_path / "resultados.pdf"))
    assert "Repartir por población" in text and "Caminos" in text
    assert "Obras por población" not in text  # idea 1's text is not cluster 1's label


def test_changing_a_fair_letter_changes_the_report_hash(made, tmp_path):
    repo, sids = made
    fair = sids["idea_fair"]
    before = evidence.session_digest(repo, fair)
    letter = repo.fair.letters(fair)[0]
    repo.fair.set_letter_status(letter.id, "in_pal")
    after = evidence.session_digest(repo, fair)
    assert after != before
    text = pdf_text(write_session_report(repo, fair, "results", tmp_path / "r.pdf"))
    assert after in text and before not in text


def _synthetic_row(pf, table: str, session_id: str) -> dict:
    """A row of ``table`` for the session, every required column filled with a dummy."""
    row = {}
    for _cid, name, kind, notnull, default, pk in pf.conn.execute(
            f"PRAGMA table_info({table})"):
        if name == "session_id":
            row[name] = session_id
        elif pk:
            row[name] = uuid.uuid4().hex
        elif notnull and default is None:
            row[name] = 1 if kind.upper() in ("INTEGER", "REAL") else "x"
    return row


def test_the_report_hash_covers_every_table_holding_session_data(made):
    """Every table with a session_id column, whatever method or migration made it: changing
    one of its rows (directly in the file) changes that session's hash, and no other's. A
    table the fixture leaves empty gets a made-up row instead, so a new table is checked
    the day it appears."""
    repo, sids = made
    pf = repo.pf
    tables = [r["name"] for r in pf.query("SELECT name FROM sqlite_master WHERE type = 'table'")
              if "session_id" in {c["name"] for c in pf.query(f"PRAGMA table_info({r['name']})")}]
    assert {"fair_letter", "fair_stand", "fishbowl_group", "fishbowl_turn", "idea",
            "mark", "ballot_issue", "person"} <= set(tables)
    assert set(evidence.session_tables(repo)) == set(tables)
    for table in tables:
        rows = pf.query(f"SELECT * FROM {table} WHERE session_id IN (?, ?, ?) LIMIT 1",
                        list(sids.values()))
        digests = {s: evidence.session_digest(repo, s) for s in sids.values()}
        process = evidence.process_digest(repo)
        if rows:
            row = rows[0]
            column = next(c for c in ("created_at", "value", "status") if c in row)
            changed = row[column] + 1 if isinstance(row[column], int) else row[column] + "x"
            with pf.conn:
                pf.conn.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?",
                                [changed, row["id"]])
            touched = row["session_id"]
        else:  # a table the fixture does not fill (a newer migration's)
            touched = sids["idea_fair"]
            row = _synthetic_row(pf, table, touched)
            pf.conn.execute("PRAGMA foreign_keys = OFF")
            try:
                with pf.conn:
                    pf.conn.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES "
                                    f"({', '.join('?' for _ in row)})", list(row.values()))
            finally:
                pf.conn.execute("PRAGMA foreign_keys = ON")
        for sid, digest in digests.items():
            now = evidence.session_digest(repo, sid)
            assert (now != digest) == (sid == touched), table
        assert evidence.process_digest(repo) != process, table


def test_the_report_hash_leaves_personal_fields_out(made):
    repo, sids = made
    pf = repo.pf
    for table, fields in PERSONAL_FIELDS.items():
        if "session_id" not in {c["name"] for c in pf.query(f"PRAGMA table_info({table})")}:
            continue
        rows = pf.query(f"SELECT * FROM {table} WHERE session_id IN (?, ?, ?) LIMIT 1",
                        list(sids.values()))
        if rows:
            row = rows[0]
        else:  # a method's table the fixture does not fill: a row of its own
            row = _synthetic_row(pf, table, sids["idea_fair"])
            pf.conn.execute("PRAGMA foreign_keys = OFF")
            try:
                with pf.conn:
                    pf.conn.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES "
                                    f"({', '.join('?' for _ in row)})", list(row.values()))
            finally:
                pf.conn.execute("PRAGMA foreign_keys = ON")
        before = evidence.session_digest(repo, row["session_id"])
        with pf.conn:
            for field in fields:
                pf.conn.execute(f"UPDATE {table} SET {field} = {field} || 'x' WHERE id = ?",
                                [row["id"]])
        assert evidence.session_digest(repo, row["session_id"]) == before, table


def test_a_new_attachment_changes_the_report_hash(made, tmp_path):
    repo, sids = made
    fair = sids["idea_fair"]
    before = evidence.session_digest(repo, fair)
    other = evidence.session_digest(repo, sids["fishbowl"])
    scan = tmp_path / "anexo.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(200)) * 3)
    repo.fair.attach(repo.fair.letters(fair)[0].id, scan)
    assert evidence.session_digest(repo, fair) != before
    assert evidence.session_digest(repo, sids["fishbowl"]) == other


def test_every_method_says_what_its_votes_are_on():
    from cocrea_desktop.core.methods import all_methods
    from cocrea_desktop.core.voting.wording import NOUNS
    from cocrea_desktop.store.votes import VoteStore

    for method in all_methods():
        store = method.module("store")
        assert method.vote_on in VoteStore.OPTION_QUERIES or hasattr(store, "options"), \
            method.key
        assert method.option_noun in NOUNS, method.key


def test_open_data_tallies_name_each_option(made, tmp_path):
    import csv

    from cocrea_desktop.export.opendata import export_open_data

    repo, sids = made
    result = export_open_data(repo, tmp_path / "abiertos")
    assert not result.leaks
    with open(result.folder / "tallies.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    labels = {(r["session_id"], r["option"]): r["option_label"] for r in rows}
    assert labels[(sids["idea_fair"], "7")] == "Radio comunitaria"
    assert labels[(sids["fishbowl"], "2")] == "Caminos"
    assert labels[(sids["nominal_group"], "2")] == "Un comité de agua con mujeres y jóvenes"
