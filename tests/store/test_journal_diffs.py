"""The journal keeps what changed: an update journals only its changed fields (issue 20).

Real process files; the hash chain, undo, redo, the acta and old whole-row entries checked.
"""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from cocrea_desktop.core import journal as journal_core
from cocrea_desktop.export import evidence
from cocrea_desktop.store import merge


def _entries(repo, object_id):
    rows = repo.pf.query("SELECT * FROM journal WHERE object_id = ? ORDER BY seq", [object_id])
    for row in rows:
        for key in ("before", "after"):
            row[key] = json.loads(row[key]) if row[key] else None
    return rows


def test_an_edit_journals_only_what_changed_and_is_much_smaller(repo, fake_clock):
    sid, _c = repo.add_session(method="nominal_group", question="¿Qué hace falta?",
                               table_label="Mesa 1", date="2027-02-06")
    idea = repo.ideas.add(sid, "Agua potable para la escuela")[0]
    fake_clock.advance(5)
    repo.ideas.edit(idea.id, "Agua potable para la escuela primaria")
    insert, edit = _entries(repo, idea.id)
    assert insert["before"] is None and insert["after"]["text"] == "Agua potable para la escuela"
    assert set(insert["after"]) >= {"id", "session_id", "number", "status", "origin"}
    assert edit["before"] == {"$diff": True, "text": "Agua potable para la escuela",
                              "updated_at": insert["after"]["updated_at"]}
    assert edit["after"]["$diff"] is True and set(edit["after"]) == {"$diff", "text",
                                                                     "updated_at"}
    whole = len(journal_core.canonical_json(insert["after"])) * 2
    kept = len(journal_core.canonical_json(edit["before"])) + len(
        journal_core.canonical_json(edit["after"]))
    assert kept * 2 < whole  # the size per updated row at least halves
    # Every version is still there for the merge: rebuilt from the insert and the diff.
    versions = journal_core.replay(_entries(repo, idea.id))
    assert [v["text"] for v in versions] == ["Agua potable para la escuela",
                                             "Agua potable para la escuela primaria"]
    assert merge.row_key("idea", repo.pf.row("idea", idea.id)) == \
        merge.journal_key(versions[-1])
    assert repo.pf.verify_journal().ok


def test_undo_and_redo_of_an_edit_still_work_and_the_chain_verifies(repo, fake_clock):
    sid, _c = repo.add_session(method="nominal_group", question="¿Qué?", date="2027-02-06")
    idea = repo.ideas.add(sid, "Luz")[0]
    repo.ideas.edit(idea.id, "Luz en la cancha")
    repo.pf.undo()
    assert repo.ideas.get(idea.id).text == "Luz"
    repo.pf.redo()
    assert repo.ideas.get(idea.id).text == "Luz en la cancha"
    entries = _entries(repo, idea.id)
    assert [e["action"] for e in entries] == ["idea.add", "idea.edit", "undo:idea.edit",
                                             "redo:idea.edit"]
    assert all(journal_core.is_diff(e["after"]) for e in entries[1:])
    assert [v["text"] for v in journal_core.replay(entries)] == [
        "Luz", "Luz en la cancha", "Luz", "Luz en la cancha"]
    report = repo.pf.verify_journal()
    assert report.ok and report.count == repo.pf.scalar("SELECT COUNT(*) FROM journal")


def test_the_acta_still_reads_phase_moves_from_diffs(repo, fake_clock):
    sid, _c = repo.add_session(method="nominal_group", question="¿Qué?", date="2027-02-06")
    first = repo.phases.current(sid)
    second = repo.phases.next_phase(sid)
    fake_clock.advance(60)
    repo.phases.go_to(sid, second.key)
    moves = [e for e in _entries(repo, sid) if e["action"].startswith("phase.")]
    assert moves and moves[-1]["after"]["$diff"] is True
    assert moves[-1]["after"]["phase"] == second.key
    assert moves[-1]["before"]["phase"] in ("", first.key)  # "" until the first move
    events = [text for _when, text in evidence.timeline(repo, sid)]
    assert any(second.title_text() in text for text in events)
    assert second.key in repo.phases.visited(sid)


def test_old_whole_row_entries_stay_valid_and_readable(repo, fake_clock):
    """A file journaled before this rule: whole rows in an update; nothing is rewritten."""
    sid, _c = repo.add_session(method="nominal_group", question="¿Qué?", date="2027-02-06")
    idea = repo.ideas.add(sid, "Caminos")[0]
    row = repo.pf.row("idea", idea.id)
    old_after = {**row, "text": "Caminos rurales"}
    # What the program wrote before: an update entry with both whole rows.
    with repo.pf.write("idea.edit", "editar") as unit:
        repo.pf.conn.execute("UPDATE idea SET text = ? WHERE id = ?", ["Caminos rurales",
                                                                       idea.id])
        repo.pf._append_journal(unit, [("idea", idea.id, row, old_after)])
    repo.ideas.edit(idea.id, "Caminos rurales y puentes")
    entries = _entries(repo, idea.id)
    assert not journal_core.is_diff(entries[1]["after"])
    assert journal_core.is_diff(entries[2]["after"])
    assert [v["text"] for v in journal_core.replay(entries)] == [
        "Caminos", "Caminos rurales", "Caminos rurales y puentes"]
    assert repo.pf.verify_journal().ok


@given(st.dictionaries(st.text(min_size=1, max_size=8),
                       st.one_of(st.none(), st.integers(-2**53, 2**53), st.text(max_size=20),
                                 st.booleans()), max_size=5),
       st.text(max_size=12), st.integers(1, 10**9))
def test_the_one_pass_hash_is_the_canonical_hash(image, text, seq):
    """The store hashes each entry from its images encoded once: the same hash as the
    canonical encoding of the whole entry (what every verifier recomputes)."""
    entry = {"seq": seq, "at": "2027-04-02T18:00:00.000Z", "device_id": text, "txn": "t",
             "action": "idea.edit «ñ»", "object_type": "idea", "object_id": text,
             "before": image or None, "after": {"$diff": True, **image}}
    expected = journal_core.entry_hash(journal_core.GENESIS, entry)
    found = journal_core.entry_hash_text(
        journal_core.GENESIS, seq=seq, at=entry["at"], device_id=text, txn="t",
        action=entry["action"], object_type="idea", object_id=text,
        before_text=journal_core.canonical_json(entry["before"]),
        after_text=journal_core.canonical_json(entry["after"]))
    assert found == expected


def test_exported_journal_lines_are_canonical_json(repo, fake_clock, tmp_path):
    from cocrea_desktop.export import bundle as B
    from tests.export.bundle_helpers import members

    sid, _c = repo.add_session(method="nominal_group", question="¿Qué? «ñ»", date="2027-02-06")
    idea = repo.ideas.add(sid, "Agua \u00e1\u00e9")[0]
    repo.ideas.edit(idea.id, "Agua potable")
    data = B.export_bundle(repo.path, device=repo.pf.device).data
    lines = members(data)["journal.jsonl"].decode().splitlines()
    assert lines and all(journal_core.canonical_json(json.loads(line)) == line
                         for line in lines)
