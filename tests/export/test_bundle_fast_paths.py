"""The bundle's fast paths give the same bytes and refuse the same things as the slow ones.

Export writes rows and journal lines with SQLite (``store.sqljson``) instead of Python's
JSON encoder; reading a version 3 bundle cuts each journal entry's hashed text from its
line instead of encoding the entry again. These tests hold both to the canonical encoder
(version 4's journal: tests/export/test_bundle_v4.py).
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from cocrea_desktop.core.clock import FakeClock
from cocrea_desktop.core.journal import canonical_json
from cocrea_desktop.export import bundle as B
from cocrea_desktop.store import sqljson
from tests.export.bundle_helpers import (
    CREATED,
    device,
    members,
    nominal_group,
    office_process,
    version_3_journal,
)
from tests.export.test_bundle_hostile import refused, resign

LAPTOP = device("laptop-norte")

#: Texts every encoder must write the same way: quotes, backslashes, controls the
#: program keeps (tab, newline), accents, emoji, the line separators JSON allows raw.
HARD = ['Comillas "dobles" y \\ barra', "Tab\tantes\ny salto", "Ñandú, acción, ü",
        "emoji \U0001f600 y \u2028\u2029", "/ slash </script>", "  espacios  "]


def version_3(data: bytes) -> bytes:
    """The same bundle as version 3 writes it (whole entries in its journal)."""
    content = {**members(data), "journal.jsonl": version_3_journal(data)}
    return resign(content, LAPTOP, tamper=lambda m: m.update(format_version=3))


@pytest.fixture()
def laptop(tmp_path, monkeypatch):
    monkeypatch.setenv("COCREA_DATA_DIR", str(tmp_path / "data"))
    clock = FakeClock()
    repo = office_process(tmp_path / "laptop.cocrea.db", LAPTOP, clock)
    nominal_group(repo, "Mesa \"1\"", HARD, ["1 2 3", "3 2 1"], clock)
    with repo.pf.write("test.values", "valores") as unit:
        # A real and a blob in tables that hold them: those rows take the Python path.
        session_id = repo.pf.query("SELECT id FROM session")[0]["id"]
        unit.insert("attachment", {
            "owner_table": "session", "owner_id": session_id, "file_name": "foto \"1\".jpg",
            "media_type": "image/jpeg", "content": b"\x00\xff\x10bytes", "size": 7,
            "sha256": "0" * 64, "created_at": unit.at, "updated_at": unit.at,
            "device_id": LAPTOP.id})
    # Texts as they are (the capture cleans what people type; a file may hold anything).
    for n, text in enumerate([*HARD, "\x01\x1f\x7f control"]):
        repo.pf.conn.execute(
            "INSERT INTO note (id, session_id, phase, text, created_at, updated_at, device_id) "
            "VALUES (?, ?, 'capture', ?, '2027-04-02T18:00:00.000Z', "
            "'2027-04-02T18:00:00.000Z', ?)", [f"n{n}", session_id, text, LAPTOP.id])
    yield repo
    repo.close()


def test_sqlite_quotes_texts_as_the_canonical_encoder(laptop):
    assert sqljson.quotes_like_python(laptop.pf.conn)
    cols = ["id", "text", "n"]
    expr = sqljson.row_json(cols)
    for text in [*HARD, "", "\x01\x1f\x7f", "\\u0041"]:
        for n in (0, -7, 2 ** 53 - 1, None):
            got = laptop.pf.conn.execute(f"SELECT {expr} FROM (SELECT 'x' AS id, ? AS text, "
                                         "? AS n)", [text, n]).fetchone()[0]
            assert got == canonical_json({"id": "x", "text": text, "n": n})
    # A real or a blob: NULL, the row goes to Python.
    for value in (1.5, 1e16, b"\x00"):
        got = laptop.pf.conn.execute(f"SELECT {expr} FROM (SELECT 'x' AS id, 't' AS text, "
                                     "? AS n)", [value]).fetchone()[0]
        assert got is None


def test_export_through_sqlite_gives_the_same_bytes_as_python(laptop, monkeypatch):
    fast = B.export_bundle(laptop.path, device=LAPTOP, created_at=CREATED).data
    monkeypatch.setattr(sqljson, "_CHECKED", [False])  # as if SQLite quoted otherwise
    slow = B.export_bundle(laptop.path, device=LAPTOP, created_at=CREATED).data
    assert fast == slow
    content = members(fast)
    notes = [json.loads(line) for line in content["data/note.jsonl"].split(b"\n")[:-1]]
    assert {n["text"] for n in notes} == {*HARD, "\x01\x1f\x7f control"}
    for name in ("data/note.jsonl", "data/idea.jsonl", "data/session.jsonl"):
        for line in content[name].decode().split("\n")[:-1]:
            assert line == canonical_json(json.loads(line))
    for line in content["journal.jsonl"].decode().split("\n")[:-1]:
        assert line == canonical_json(json.loads(line))
    attachment = content["data/attachment.jsonl"].decode()
    assert '"content":{"$bytes":"AP8QYnl0ZXM="}' in attachment
    assert B.open_bundle(fast).tables["idea"]


def test_a_line_holding_two_objects_is_refused(laptop, tmp_path):
    """Lines and objects must match one to one: joining the lines into one JSON array
    could not tell ``{..},{"b":[{}`` + ``{}]}`` (two lines, two objects) apart."""
    content = dict(members(B.export_bundle(laptop.path, device=LAPTOP,
                                           created_at=CREATED).data))
    content["data/note.jsonl"] = b'{"id":"a"},{"id":"b","x":[{}\n{}]}\n'
    office = office_process(tmp_path / "oficina.cocrea.db", device("oficina"))
    try:
        refused(office, resign(content, LAPTOP), "payload")
    finally:
        office.close()


def test_journal_lines_laid_out_otherwise_are_still_checked_whole(laptop, tmp_path):
    """A line not in the canonical layout (spaces, another key order) is checked by
    encoding the entry, as before: a valid chain still passes, a forged one does not."""
    data = version_3(B.export_bundle(laptop.path, device=LAPTOP, created_at=CREATED).data)
    content = dict(members(data))
    lines = content["journal.jsonl"].decode().splitlines()
    spaced = [json.dumps(json.loads(line), indent=None) for line in lines]
    assert spaced[0] != lines[0]
    content["journal.jsonl"] = ("\n".join(spaced) + "\n").encode()
    v3 = {"tamper": lambda m: m.update(format_version=3)}
    again = B.open_bundle(resign(content, LAPTOP, **v3))
    assert [e["hash"] for e in again.journal] == [json.loads(x)["hash"] for x in lines]
    entry = json.loads(spaced[1])
    entry["action"] = "forged"
    spaced[1] = json.dumps(entry)
    content["journal.jsonl"] = ("\n".join(spaced) + "\n").encode()
    office = office_process(tmp_path / "oficina.cocrea.db", device("oficina"))
    try:
        refused(office, resign(content, LAPTOP, **v3), "journal")
    finally:
        office.close()


def test_a_forged_image_in_a_canonical_line_is_refused(laptop, tmp_path):
    """The hashed text is cut from the line, images included: changing a value inside
    ``after`` without the chain breaks it, even though the line stays canonical."""
    content = dict(members(version_3(B.export_bundle(laptop.path, device=LAPTOP,
                                                     created_at=CREATED).data)))
    lines = content["journal.jsonl"].decode().splitlines()
    n = next(i for i, line in enumerate(lines) if '"object_type":"idea"' in line)
    entry = json.loads(lines[n])
    entry["after"]["text"] = "Otra cosa"
    lines[n] = canonical_json(entry)
    content["journal.jsonl"] = ("\n".join(lines) + "\n").encode()
    office = office_process(tmp_path / "oficina.cocrea.db", device("oficina"))
    try:
        refused(office, resign(content, LAPTOP, tamper=lambda m: m.update(format_version=3)),
                "journal")
    finally:
        office.close()


def test_a_merge_journals_inserts_as_the_canonical_encoder(laptop, tmp_path):
    """The merge journals its inserts with the text SQLite writes for the stored rows:
    the same text as encoding each row, so the file's own chain still checks."""
    # An import refuses control characters (as capture does): keep the other hard texts.
    laptop.pf.conn.execute("DELETE FROM note WHERE text LIKE '%control'")
    data = B.export_bundle(laptop.path, device=LAPTOP, created_at=CREATED).data
    office = B.new_process_from_bundle(tmp_path / "oficina.cocrea.db", device=device("oficina"))
    try:
        B.import_bundle(office, B.open_bundle(data), accept_key=True)
        rows = office.query("SELECT object_type, after FROM journal WHERE action = "
                            "'bundle.import' AND after IS NOT NULL")
        assert {r["object_type"] for r in rows} >= {"note", "idea", "attachment", "mark"}
        for r in rows:
            assert r["after"] == canonical_json(json.loads(r["after"]))
        assert office.verify_journal().ok
    finally:
        office.close()


def test_a_blob_in_a_text_column_takes_the_python_path(laptop, monkeypatch):
    """Export no longer checks each text column of each row for a real or a blob (a real
    cannot be in one; a blob makes SQLite refuse the query): a blob where a text belongs,
    in a table and in the journal, is still written as the canonical encoder writes it."""
    conn = laptop.pf.conn
    assert "text" in sqljson.text_columns(conn, "note")
    assert "n" not in sqljson.text_columns(conn, "mark") and \
        "option" not in sqljson.text_columns(conn, "mark")
    expr = sqljson.row_json(["id", "text"], texts=["id", "text"])
    with pytest.raises(sqlite3.OperationalError):
        conn.execute(f"SELECT {expr} FROM (SELECT 'x' AS id, ? AS text)", [b"\x00"]).fetchone()
    conn.execute("UPDATE note SET text = ? WHERE id = 'n0'", [b"\x00texto"])
    conn.execute("INSERT INTO journal (seq, at, device_id, txn, action, object_type, "
                 "object_id, before, after, prev_hash, hash) SELECT seq + 1, at, device_id, "
                 "?, action, object_type, object_id, before, after, hash, hash FROM journal "
                 "ORDER BY seq DESC LIMIT 1", [b"\x01lote"])  # append-only: a new entry
    conn.commit()
    fast = B.export_bundle(laptop.path, device=LAPTOP, created_at=CREATED).data
    monkeypatch.setattr(sqljson, "_CHECKED", [False])
    slow = B.export_bundle(laptop.path, device=LAPTOP, created_at=CREATED).data
    assert fast == slow
    content = members(fast)
    assert '"text":{"$bytes":"AHRleHRv"}' in content["data/note.jsonl"].decode()
    assert '"txn":{"$bytes":"AWxvdGU="}' in content["journal.jsonl"].decode()


def test_reading_pauses_the_cycle_collector_and_restores_it(laptop, tmp_path, monkeypatch):
    """The parse makes tens of thousands of dicts, none in a cycle: the cycle collector
    is paused while a bundle is read, and runs again after, whether the bundle was good
    or refused."""
    import gc

    from cocrea_desktop.export.bundle import verify

    data = B.export_bundle(laptop.path, device=LAPTOP, created_at=CREATED).data
    seen = []
    original = verify._read_compact_journal

    def reading(*args):
        seen.append(gc.isenabled())
        return original(*args)

    monkeypatch.setattr(verify, "_read_compact_journal", reading)
    assert gc.isenabled()
    B.open_bundle(data)
    assert seen == [False] and gc.isenabled()
    content = dict(members(data))
    content["journal.jsonl"] = content["journal.jsonl"].replace(b'"seq":1,', b'"seq":9,', 1)
    office = office_process(tmp_path / "oficina.cocrea.db", device("oficina"))
    try:
        refused(office, resign(content, LAPTOP), "journal")
    finally:
        office.close()
    assert gc.isenabled()
    gc.disable()  # a program that runs without it keeps it off
    try:
        B.open_bundle(data)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_entries_made_on_first_use_are_the_parsed_lines(laptop, tmp_path):
    """Checking a bundle cuts and hashes each journal line without making its entry; the
    entries are made when a merge first reads them, and are exactly the parsed lines (the
    file's SHA-256, which only an import records, is likewise computed when asked)."""
    import hashlib

    data = version_3(B.export_bundle(laptop.path, device=LAPTOP, created_at=CREATED).data)
    bundle = B.open_bundle(data)
    assert callable(bundle.journal_read)  # nothing made by the check itself
    lines = members(data)["journal.jsonl"].decode().split("\n")[:-1]
    assert bundle.journal == [json.loads(line) for line in lines]
    assert bundle.journal is bundle.journal  # made once
    assert bundle.file_sha256 == hashlib.sha256(data).hexdigest()
    # A forged chain in the middle is reported at the same entry as before.
    content = dict(members(data))
    n = len(lines) // 2
    entry = json.loads(lines[n])
    entry["object_id"] = "otro"
    lines[n] = canonical_json(entry)
    content["journal.jsonl"] = ("\n".join(lines) + "\n").encode()
    with pytest.raises(B.BundleError) as err:
        B.open_bundle(resign(content, LAPTOP, tamper=lambda m: m.update(format_version=3)))
    assert err.value.check == "journal"
    assert f"entrada {entry['seq']}" in err.value.message
