"""Version 4 of the bundle: a journal that does not repeat the rows it inserted.

Each line leaves out ``hash``/``prev_hash`` (computed), the fields the entry before had,
and, for an insert whose image is the row's data line, the image itself (``"$data"``).
These tests hold a version 4 bundle to the entries and hashes of the laptop's own
journal, and refuse every way of bending the compact layout.
"""

from __future__ import annotations

import json

import pytest

from cocrea_desktop.core.clock import FakeClock
from cocrea_desktop.core.journal import HASHED_FIELDS, canonical_json
from cocrea_desktop.export import bundle as B
from cocrea_desktop.export import keys
from tests.export.bundle_helpers import (
    CREATED,
    device,
    explicit_journal,
    laptop_copy,
    members,
    nominal_group,
    office_process,
    version_3_journal,
    whole_entries,
)
from tests.export.test_bundle_hostile import refused, resign

OFFICE = device("oficina")
LAPTOP = device("laptop-norte")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A laptop's bundle whose journal has inserts, an edit (a diff), an undone capture
    (a removal) and a second session; the laptop's own journal; a trusting office."""
    tmp = tmp_path_factory.mktemp("v4")
    env = pytest.MonkeyPatch()
    env.setenv("COCREA_DATA_DIR", str(tmp / "data"))
    clock = FakeClock()
    office = office_process(tmp / "oficina.cocrea.db", OFFICE, clock)
    laptop = laptop_copy(office, tmp / "laptop.cocrea.db", LAPTOP, clock)
    first = nominal_group(laptop, "Mesa 1", ["Agua", "Luz", "Caminos", "Escuela"], [], clock)
    idea = laptop.ideas.list(first)[0]
    laptop.ideas.edit(idea.id, "Agua potable para el barrio")
    laptop.ideas.add(first, "Una idea que se deshace")
    laptop.undo()
    nominal_group(laptop, "Mesa 2", [f"Propuesta {n}" for n in range(1, 13)],
                  ["1 2 3", "4 5 6", "7 8 9", "10 11 12", "3 6 9"], clock)
    data = B.export_bundle(laptop.path, device=LAPTOP, created_at=CREATED).data
    own = laptop.pf.query("SELECT * FROM journal ORDER BY seq")
    laptop.close()
    keys.TrustList(office.pf).add(public_key=LAPTOP.public_key_bytes(), device_id=LAPTOP.id,
                                  name=LAPTOP.name, status=keys.TRUSTED)
    yield office, data, own
    office.close()
    env.undo()


def lines_of(data: bytes) -> list[str]:
    return members(data)["journal.jsonl"].decode().split("\n")[:-1]


def with_journal(data: bytes, lines: list[str]) -> bytes:
    return resign({**members(data), "journal.jsonl": ("\n".join(lines) + "\n").encode()},
                  LAPTOP)


def test_the_entries_and_hashes_are_the_laptops_own(world):
    """Read back, every entry is the laptop's journal entry, field for field, with the
    same hash and previous hash: nothing is lost by leaving them out of the file."""
    _office, data, own = world
    entries = whole_entries(data)
    assert len(entries) == len(own)
    for entry, row in zip(entries, own):
        expected = {k: row[k] for k in ("seq", "at", "device_id", "txn", "action",
                                        "object_type", "object_id", "prev_hash", "hash")}
        for image in ("before", "after"):
            expected[image] = json.loads(row[image]) if row[image] else None
        assert entry == expected
    manifest = json.loads(members(data)["manifest.json"])
    assert manifest["format_version"] == 4
    assert manifest["journal"] == {"entries": len(own), "last_hash": own[-1]["hash"]}


def test_inserted_rows_are_not_repeated(world):
    """An insert whose row is still as inserted is one short line; a row changed since
    (the edited idea) keeps its image, and a removal its whole row."""
    _office, data, own = world
    lines = lines_of(data)
    assert not any('"hash"' in line or '"prev_hash"' in line for line in lines)
    short = [line for line in lines if line.startswith('{"after":"$data","object_id":')]
    marks = sum(1 for row in own if row["object_type"] == "mark")
    assert len(short) >= marks
    edited = [n for n, row in enumerate(own) if row["action"] == "idea.edit"]
    assert edited and all('"$diff":true' in lines[n] for n in edited)
    inserted = next(n for n, row in enumerate(own) if row["object_type"] == "idea"
                    and row["object_id"] == own[edited[0]]["object_id"])
    assert '"after":{' in lines[inserted] and "$data" not in lines[inserted]
    removed = [n for n, row in enumerate(own) if row["before"] and not row["after"]]
    assert removed and all('"before":{' in lines[n] for n in removed)
    for line in lines:  # each line is canonical JSON of what it holds
        assert line == canonical_json(json.loads(line))


def test_the_bundle_is_much_smaller_than_version_3(world):
    """Per row carried, the journal and data files take less than half of what the
    same content took in version 3 (whole entries, hashes on every line)."""
    _office, data, _own = world
    content = members(data)
    payload = sum(len(b) for n, b in content.items() if n.startswith("data/"))
    v4 = payload + len(content["journal.jsonl"])
    v3 = payload + len(version_3_journal(data))
    assert v4 < 0.5 * v3, (v4, v3)


def test_a_line_with_every_field_or_another_layout_reads_the_same(world):
    """The compact layout is a writer's choice: lines with every field written, or
    spaces and another key order, give the same entries and hashes."""
    _office, data, _own = world
    entries = whole_entries(data)
    explicit = resign({**members(data), "journal.jsonl": explicit_journal(data)}, LAPTOP)
    assert B.open_bundle(explicit).journal == entries
    spaced = [json.dumps(dict(reversed(json.loads(line).items())), indent=None)
              for line in lines_of(data)]
    assert B.open_bundle(with_journal(data, spaced)).journal == entries


def test_a_changed_row_that_the_journal_inserted_breaks_the_chain(world):
    """A "$data" image is its data line: changing the row (and signing again, as only
    the laptop's key can) is caught by the chain even though every file's hash matches."""
    office, data, _own = world
    content = dict(members(data))
    lines = content["data/mark.jsonl"].decode().split("\n")
    lines[0] = _set(lines[0], "value", json.loads(lines[0])["value"] + 1)
    content["data/mark.jsonl"] = "\n".join(lines).encode()
    err = refused(office, resign(content, LAPTOP), "journal")
    assert "se alteró después de firmarse" in err.message


@pytest.mark.parametrize("bend,check", [
    # A field a line may not hold, or the hashes a reader computes.
    (lambda ls: [ls[0][:-1] + ',"extra":1}', *ls[1:]], "journal"),
    (lambda ls: [ls[0], ls[1][:-1] + ',"hash":"' + "0" * 64 + '"}', *ls[2:]], "journal"),
    # The first line without a field it must have.
    (lambda ls: [_drop(ls[0], "device_id"), *ls[1:]], "journal"),
    (lambda ls: [_drop(ls[0], "seq"), *ls[1:]], "journal"),
    # A number that does not follow, or is not a number.
    (lambda ls: [ls[0], _set(ls[1], "seq", 99), *ls[2:]], "journal"),
    (lambda ls: [ls[0], _set(ls[1], "seq", "2"), *ls[2:]], "journal"),
    # "$data" for a row the bundle does not carry, as a removal's row, or a stray text.
    (lambda ls: [*ls[:-1], _set(_set(ls[-1], "after", "$data"), "object_id", "nadie")],
     "journal"),
    (lambda ls: [*ls[:-1], _set(ls[-1], "before", "$data")], "journal"),
    (lambda ls: [*ls[:-1], _set(ls[-1], "after", "$datos")], "journal"),
    # An entry left out, or two lines made one.
    (lambda ls: [ls[0], *ls[2:]], "journal"),
    (lambda ls: [ls[0] + ls[1], *ls[2:]], "payload"),
])
def test_a_bent_compact_line_is_refused(world, bend, check):
    office, data, _own = world
    refused(office, with_journal(data, bend(lines_of(data))), check)


def test_a_short_line_that_is_not_json_is_refused(world):
    """The short way reads ``{"after":"$data","object_id":"…"}`` without the parser,
    but only when the identifiers hold no quote, escape or control character: such a
    line goes to the parser, which refuses it."""
    office, data, _own = world
    lines = lines_of(data)
    n = next(i for i, line in enumerate(lines) if i and line.startswith('{"after":"$data"'))
    for bad in ('"a\tb"', '"a\\"', '"a\\u0022b"'):
        bent = list(lines)
        bent[n] = '{"after":"$data","object_id":' + bad + "}"
        refused(office, with_journal(data, bent))


def test_a_version_4_bundle_imports_as_its_version_3_twin(world, tmp_path):
    """The same content as version 3 and as version 4 merges into the same rows."""
    from tests.export.bundle_helpers import table_dump

    _office, data, _own = world
    v3 = resign({**members(data), "journal.jsonl": version_3_journal(data)}, LAPTOP,
                tamper=lambda m: m.update(format_version=3))
    dumps = []
    for n, bundle in enumerate((data, v3)):
        path = tmp_path / f"oficina{n}.cocrea.db"
        office = B.new_process_from_bundle(path, device=OFFICE, clock=FakeClock())
        try:
            B.import_bundle(office, B.open_bundle(bundle), accept_key=True)
        finally:
            office.close()
        dump = table_dump(path)
        dumps.append({t: rows for t, rows in dump.items()
                      if t not in ("journal", "bundle_import", "key_trust",
                                   "_sqlite_migrations")})
    assert dumps[0] == dumps[1]


def _drop(line: str, field: str) -> str:
    entry = json.loads(line)
    entry.pop(field)
    return canonical_json(entry)


def _set(line: str, field: str, value) -> str:
    entry = json.loads(line)
    entry[field] = value
    return canonical_json(entry)


def test_hashed_fields_are_the_nine_a_line_may_hold():
    from cocrea_desktop.export.bundle import verify

    assert verify._COMPACT_FIELDS == set(HASHED_FIELDS)
