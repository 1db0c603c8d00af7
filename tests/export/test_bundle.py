"""Signed bundles on real zip files and real keys: round trip, three laptops, merge rules."""

from __future__ import annotations

import errno
import json

import pytest

from cocrea_desktop.core.clock import FakeClock
from cocrea_desktop.export import bundle as B
from cocrea_desktop.export import keys
from cocrea_desktop.store import merge
from cocrea_desktop.store.repo import Repo
from tests.export.bundle_helpers import (
    CREATED,
    add_person,
    data_files,
    device,
    laptop_copy,
    members,
    nominal_group,
    office_process,
    table_dump,
)

OFFICE = device("oficina")
LAPTOPS = [device("laptop-" + n) for n in ("norte", "centro", "sur")]


@pytest.fixture
def clock():
    return FakeClock(1_806_000_000.0)


@pytest.fixture
def office(tmp_path, clock):
    repo = office_process(tmp_path / "oficina.cocrea.db", OFFICE, clock)
    yield repo
    repo.close()


def export(repo: Repo, dev=None, **kw) -> bytes:
    return B.export_bundle(repo.path, device=dev or repo.pf.device, created_at=CREATED,
                           **kw).data


def three_laptops(tmp_path, office, clock):
    """Each laptop runs its own nominal group and exports a bundle."""
    results = []
    for n, dev in enumerate(LAPTOPS, start=1):
        laptop = laptop_copy(office, tmp_path / f"{dev.name}.cocrea.db", dev, clock)
        ideas = [f"Idea {i} de la mesa {n}: más {w}" for i, w in
                 enumerate(["agua", "luz", "caminos", "escuela", "clínica"], start=1)]
        ballots = ["1 2 3", "2 3 4", "5 1 2", "3 4 5"][: n + 1]
        session_id = nominal_group(laptop, f"Mesa {n}", ideas, ballots, clock)
        data = export(laptop)
        results.append((laptop, session_id, ideas, ballots, data))
    return results


def test_round_trip_keeps_every_row_and_verifies(office, tmp_path, clock):
    session_id = nominal_group(office, "Mesa 1",
                               ["Agua potable", "Alumbrado", "Caminos", "Escuela"],
                               ["1 2 3", "3 2 1"], clock)
    data = export(office)
    report = B.verify_bundle(data)
    assert report.ok and report.fingerprint == OFFICE.fingerprint()
    names = set(members(data))
    assert {"manifest.json", "manifest.sig", "journal.jsonl", "data/idea.jsonl",
            "data/mark.jsonl", "data/ballot.jsonl"} <= names
    manifest = json.loads(members(data)["manifest.json"])
    assert manifest["format"] == "cocrea-bundle" and manifest["format_version"] == 4
    assert manifest["scope"] == {"kind": "process"} and manifest["created_at"] == CREATED
    assert manifest["rows"]["idea"] == 4 and manifest["rows"]["mark"] == 6
    # Same data, same time, same key: the same bytes.
    assert export(office) == data

    target = Repo(B.new_process_from_bundle(tmp_path / "nuevo.cocrea.db", device=OFFICE,
                                            clock=clock))
    try:
        result = B.import_bundle(target.pf, B.open_bundle(data))
        assert result.changed
        assert [i.text for i in target.ideas.list(session_id)] == [
            "Agua potable", "Alumbrado", "Caminos", "Escuela"]
        assert target.votes.tally(session_id, "final").rows == \
            office.votes.tally(session_id, "final").rows
        assert target.pf.verify_journal().ok
        # Exported again from the copy: the same data files, byte for byte.
        assert data_files(export(target, OFFICE)) == data_files(data)
    finally:
        target.close()


def test_three_laptops_merge_into_one_result(office, tmp_path, clock):
    laptops = three_laptops(tmp_path, office, clock)
    for laptop, _sid, _ideas, _ballots, data in laptops:
        bundle = B.open_bundle(data)
        with pytest.raises(B.UntrustedKey) as refused:
            B.import_bundle(office.pf, bundle)
        assert refused.value.fingerprint == laptop.pf.device.fingerprint()
        B.import_bundle(office.pf, bundle, accept_key=True)
    for laptop, session_id, ideas, ballots, _data in laptops:
        assert [i.text for i in office.ideas.list(session_id)] == ideas
        assert len(office.votes.ballots(session_id, "final")) == len(ballots)
        assert office.votes.tally(session_id, "final").rows == \
            laptop.votes.tally(session_id, "final").rows
        # Where each row came from is kept.
        assert {r["device_id"] for r in office.pf.query(
            "SELECT device_id FROM idea WHERE session_id = ?", [session_id])} == {
            laptop.pf.device.id}
        laptop.close()
    assert office.pf.scalar("SELECT COUNT(*) FROM ballot") == 2 + 3 + 4
    assert office.pf.scalar("SELECT COUNT(*) FROM mark") == 3 * (2 + 3 + 4)
    assert {k.status for k in keys.TrustList(office.pf).list()} == {"trusted"}
    assert office.pf.verify_journal().ok and office.pf.integrity() == "ok"
    assert merge.list_conflicts(office.pf) == []


def test_idempotent_and_order_independent(office, tmp_path, clock):
    laptops = three_laptops(tmp_path, office, clock)
    bundles = [B.open_bundle(d) for *_rest, d in laptops]
    for laptop, *_rest in laptops:
        laptop.close()
    office.close()
    exports = []
    for name, order in (("abc", [0, 1, 2]), ("cba", [2, 1, 0]), ("bac", [1, 0, 2])):
        path = tmp_path / f"{name}.cocrea.db"
        path.write_bytes((tmp_path / "oficina.cocrea.db").read_bytes())
        with Repo.open(path, device=OFFICE, clock=FakeClock(1_806_100_000.0)) as repo:
            for i in order:
                B.import_bundle(repo.pf, bundles[i], accept_key=True)
            before = table_dump(path)
            journal = repo.pf.scalar("SELECT COUNT(*) FROM journal")
            for i in order:  # the same bundles again: nothing changes
                again = B.import_bundle(repo.pf, bundles[i])
                assert not again.changed and again.preview.plan.totals().added == 0
            assert repo.pf.scalar("SELECT COUNT(*) FROM journal") == journal
            exports.append(export(repo, OFFICE))
        assert table_dump(path) == before
    assert data_files(exports[0]) == data_files(exports[1]) == data_files(exports[2])


def edited_twice(tmp_path, office, clock):
    """One idea edited differently on two laptops that both started from the office copy."""
    session_id = nominal_group(office, "Mesa 1", ["Agua", "Luz"], [], clock)
    idea = office.ideas.by_number(session_id, 1)
    a = laptop_copy(office, tmp_path / "a.cocrea.db", LAPTOPS[0], clock)
    b = laptop_copy(office, tmp_path / "b.cocrea.db", LAPTOPS[1], clock)
    clock.advance(10)
    a.ideas.edit(idea.id, "Agua potable para el barrio alto")
    clock.advance(10)
    b.ideas.edit(idea.id, "Agua y drenaje")
    return session_id, idea.id, a, b


def test_descendant_fast_forwards_and_an_older_version_changes_nothing(office, tmp_path,
                                                                        clock):
    session_id, idea_id, a, b = edited_twice(tmp_path, office, clock)
    first = export(a)
    clock.advance(5)
    a.ideas.edit(idea_id, "Agua potable para todo el barrio alto")
    second = export(a)
    # The newer bundle first, then the older one: the older version is known history.
    B.import_bundle(office.pf, B.open_bundle(second), accept_key=True)
    plan = B.preview_import(office.pf, B.open_bundle(first)).plan
    assert plan.counts["idea"].updated == 0 and plan.counts["idea"].conflicts == 0
    B.import_bundle(office.pf, B.open_bundle(first))
    assert office.ideas.get(idea_id).text == "Agua potable para todo el barrio alto"
    for repo in (a, b):
        repo.close()


def test_conflicting_edits_are_kept_shown_and_resolved(office, tmp_path, clock):
    session_id, idea_id, a, b = edited_twice(tmp_path, office, clock)
    data_a, data_b = export(a), export(b)
    B.import_bundle(office.pf, B.open_bundle(data_a), accept_key=True)
    assert office.ideas.get(idea_id).text == "Agua potable para el barrio alto"  # fast-forward
    preview = B.preview_import(office.pf, B.open_bundle(data_b))
    assert preview.plan.counts["idea"].conflicts == 1
    B.import_bundle(office.pf, B.open_bundle(data_b), accept_key=True)
    [conflict] = merge.list_conflicts(office.pf)
    assert conflict.table == "idea" and conflict.row_id == idea_id and "text" in conflict.fields
    # The later edit (laptop B) stands for now; laptop A's is kept, not dropped.
    assert office.ideas.get(idea_id).text == "Agua y drenaje"
    assert conflict.other["text"] == "Agua potable para el barrio alto"
    # Importing either bundle again raises no new conflict.
    for data in (data_a, data_b):
        assert not B.import_bundle(office.pf, B.open_bundle(data)).changed
    merge.resolve_conflict(office.pf, conflict.id, merge.OTHER)
    assert office.ideas.get(idea_id).text == "Agua potable para el barrio alto"
    assert merge.list_conflicts(office.pf) == []
    actions = [r["action"] for r in office.pf.query("SELECT action FROM journal")]
    assert "conflict.resolve" in actions
    # After the decision, the same bundles still change nothing.
    for data in (data_a, data_b):
        assert not B.preview_import(office.pf, B.open_bundle(data)).plan.has_changes
    with pytest.raises(Exception, match="ya se resolvió"):
        merge.resolve_conflict(office.pf, conflict.id, merge.KEEP)
    for repo in (a, b):
        repo.close()


def test_conflicts_give_the_same_data_in_either_order(office, tmp_path, clock):
    _sid, idea_id, a, b = edited_twice(tmp_path, office, clock)
    bundles = [B.open_bundle(export(a)), B.open_bundle(export(b))]
    a.close()
    b.close()
    office.close()
    texts = []
    for name, order in (("ab", [0, 1]), ("ba", [1, 0])):
        path = tmp_path / f"{name}.cocrea.db"
        path.write_bytes((tmp_path / "oficina.cocrea.db").read_bytes())
        with Repo.open(path, device=OFFICE, clock=FakeClock()) as repo:
            for i in order:
                B.import_bundle(repo.pf, bundles[i], accept_key=True)
            texts.append((repo.ideas.get(idea_id).text,
                          [c.id for c in merge.list_conflicts(repo.pf)]))
    assert texts[0] == texts[1] and len(texts[0][1]) == 1


@pytest.mark.parametrize("choice", [merge.KEEP, merge.OTHER])
def test_a_ballot_captured_twice_is_kept_disputed_and_never_counted_twice(office, tmp_path,
                                                                         clock, choice):
    session_id = nominal_group(office, "Mesa 1", ["Agua", "Luz", "Caminos", "Escuela"], [],
                               clock)
    office.votes.configure(session_id, "final", k=3)
    a = laptop_copy(office, tmp_path / "a.cocrea.db", LAPTOPS[0], clock)
    b = laptop_copy(office, tmp_path / "b.cocrea.db", LAPTOPS[1], clock)
    a.votes.enter_ballot(session_id, "final", "1 2 3", serial="B-0007")
    b.votes.enter_ballot(session_id, "final", "3 2 1", serial="B-0007")
    b.votes.enter_ballot(session_id, "final", "2 1 3", serial="B-0008")
    bundles = [B.open_bundle(export(repo)) for repo in (a, b)]
    for bundle in bundles:
        B.import_bundle(office.pf, bundle, accept_key=True)
    # Both entries are kept, with their marks; neither counts until a person chooses.
    rows = office.pf.query("SELECT id, status FROM ballot WHERE serial = 'B-0007'")
    assert sorted(r["status"] for r in rows) == ["disputed", "disputed"]
    assert office.pf.scalar("SELECT COUNT(*) FROM mark m JOIN ballot b ON b.id = m.ballot_id "
                            "WHERE b.serial = 'B-0007'") == 6
    assert office.votes.mark_counts(session_id, "final")[0] == 1  # only B-0008 counts
    assert len(office.votes.counted_marks(session_id, "final")) == 1
    [conflict] = merge.list_conflicts(office.pf)
    assert conflict.kind == "serial" and conflict.other["serial"] == "B-0007"
    summary = json.loads(office.pf.query("SELECT summary FROM bundle_import ORDER BY "
                                         "imported_at DESC, rowid DESC LIMIT 1")[0]["summary"])
    assert summary["total"]["conflicts"] == 1 and summary["total"]["skipped"] == 0
    # A person chooses which entry counts; the other becomes a duplicate, counted by no one.
    merge.resolve_conflict(office.pf, conflict.id, choice)
    chosen, other = (conflict.current, conflict.other) if choice == merge.KEEP else \
        (conflict.other, conflict.current)
    statuses = {r["id"]: r["status"] for r in office.pf.query(
        "SELECT id, status FROM ballot WHERE serial = 'B-0007'")}
    assert statuses == {chosen["id"]: "counted", other["id"]: "duplicate"}
    assert office.votes.mark_counts(session_id, "final")[0] == 2
    assert [c for c in merge.list_conflicts(office.pf) if c.table == "ballot"] == []
    # The choice travels: the laptop whose entry was not chosen takes the office's bundle
    # (its own entry stops counting before the chosen one arrives) and ends the same.
    loser = a if a.pf.row("ballot", other["id"]) else b
    B.import_bundle(loser.pf, B.open_bundle(export(office)), accept_key=True)
    assert {r["id"]: r["status"] for r in loser.pf.query(
        "SELECT id, status FROM ballot WHERE serial = 'B-0007'")} == statuses
    for repo in (a, b):
        repo.close()


def test_scope_lists_sessions(office, clock):
    one = nominal_group(office, "Mesa 1", ["Agua"], [], clock)
    nominal_group(office, "Mesa 2", ["Luz", "Caminos"], [], clock)
    data = B.export_bundle(office.path, device=OFFICE, sessions=[one], created_at=CREATED).data
    bundle = B.open_bundle(data)
    assert bundle.manifest["scope"] == {"kind": "sessions", "sessions": [one]}
    assert [r["session_id"] for r in bundle.tables["idea"]] == [one]
    assert [r["id"] for r in bundle.tables["session"]] == [one]


def test_other_process_and_revoked_keys_are_refused(office, tmp_path, clock):
    other = office_process(tmp_path / "otro.cocrea.db", LAPTOPS[2], clock)
    with pytest.raises(B.OtherProcess, match="no del proceso abierto"):
        B.import_bundle(office.pf, B.open_bundle(export(other)), accept_key=True)
    other.close()
    laptop = laptop_copy(office, tmp_path / "l.cocrea.db", LAPTOPS[0], clock)
    data = export(laptop)
    laptop.close()
    B.import_bundle(office.pf, B.open_bundle(data), accept_key=True)
    trust = keys.TrustList(office.pf)
    trust.set_status(LAPTOPS[0].fingerprint().replace(" ", "").lower(), keys.REVOKED)
    before = table_dump(office.path)
    with pytest.raises(B.UntrustedKey, match="revocada"):
        B.import_bundle(office.pf, B.open_bundle(data), accept_key=True)
    assert table_dump(office.path) == before


# -- personal data ---------------------------------------------------------------------
NAMES = ["Guadalupe Hernández Cruz", "Tomasa Ruiz Pérez"]
PHONES = ["9511234567", "9517654321"]


def with_people(office, clock):
    session_id = nominal_group(office, "Mesa 1", ["Agua"], [], clock)
    for n, (name, phone) in enumerate(zip(NAMES, PHONES), start=1):
        add_person(office, session_id, n, name, phone)
    return session_id


def plain_texts(data: bytes) -> list[bytes]:
    """The raw bundle and each of its members, decompressed."""
    return [data, *members(data).values()]


def leaks(data: bytes) -> list[str]:
    found = []
    for blob in plain_texts(data):
        for value in NAMES + PHONES:
            for form in (value.encode("utf-8"), json.dumps(value).encode()):
                if form in blob:
                    found.append(value)
    return found


def test_personal_data_is_sealed_to_the_office_key(office, tmp_path, clock):
    session_id = with_people(office, clock)
    office_key, private_path, public_path = keys.new_office_key(tmp_path / "llaves")
    keys.set_office_key(office.pf, keys.read_public_key(str(public_path)))
    data = export(office)
    assert leaks(data) == []
    bundle = B.open_bundle(data)
    assert bundle.personal_data == "sealed" and "sealed/personal.jsonl.sealed" in bundle.files
    assert {r["name"] for r in bundle.tables["person"]} == {""}
    # At the office, with the private key, names come back; without it, the rest imports.
    for key, expected in ((keys.load_office_key(private_path), set(NAMES)), (None, {""})):
        path = tmp_path / f"x{bool(key)}.cocrea.db"
        with Repo(B.new_process_from_bundle(path, device=OFFICE)) as repo:
            result = B.import_bundle(repo.pf, bundle, accept_key=True, office_key=key)
            assert result.preview.sealed_opened == (key is not None)
            assert {r["name"] for r in repo.pf.query("SELECT name FROM person")} == expected
            if key is None:  # a later import with the key fills the names in
                # The same file is known, unless the office key can now open what it sealed.
                assert B.recognise_imported(repo.pf, data) is not None
                assert B.recognise_imported(repo.pf, data, office_key=keys.load_office_key(
                    private_path)) is None
                B.import_bundle(repo.pf, bundle, office_key=keys.load_office_key(private_path))
                assert {r["name"] for r in repo.pf.query("SELECT name FROM person")} == \
                    set(NAMES)
                assert merge.list_conflicts(repo.pf) == []
    wrong = keys.OfficeKey.generate()
    with pytest.raises(keys.SealError):
        B.preview_import(office.pf, bundle, office_key=wrong)
    assert session_id


def test_without_office_key_personal_data_is_left_out_unless_asked(office, clock):
    with_people(office, clock)
    omitted = B.export_bundle(office.path, device=OFFICE, created_at=CREATED)
    assert omitted.manifest["personal_data"] == "omitted" and not omitted.warnings
    assert leaks(omitted.data) == []
    clear = B.export_bundle(office.path, device=OFFICE, created_at=CREATED,
                            include_personal=True)
    assert clear.manifest["personal_data"] == "clear" and clear.warnings
    assert "sin cifrar" in clear.warnings[0]
    assert set(leaks(clear.data)) == set(NAMES + PHONES)


# -- writing to a stick ---------------------------------------------------------------------
def test_write_to_stick_names_verifies_and_never_replaces(office, tmp_path, clock):
    stick = tmp_path / "USB"
    stick.mkdir()
    path, result = B.export_to(office.path, stick, device=OFFICE, created_at=CREATED)
    assert path.name == "Teotitlan_2027-04-02_oficina.cocrea"
    assert B.verify_bundle(path.read_bytes()).ok
    earlier = path.read_bytes()
    again, _r = B.export_to(office.path, stick, device=OFFICE, created_at=CREATED)
    assert again.name == "Teotitlan_2027-04-02_oficina_2.cocrea"
    assert path.read_bytes() == earlier
    assert sorted(p.name for p in stick.iterdir()) == [path.name, again.name]


def test_stick_pulled_mid_write_leaves_no_file(office, tmp_path, clock):
    nominal_group(office, "Mesa 1", ["Agua", "Luz", "Caminos", "Escuela"], ["1 2 3"], clock)
    stick = tmp_path / "USB"
    stick.mkdir()
    (stick / "anterior.cocrea").write_bytes(b"earlier bundle")
    data = B.export_bundle(office.path, device=OFFICE, created_at=CREATED).data
    written = []

    def pulled(fh, chunk):
        fh.write(chunk[: len(chunk) // 2])
        written.append(len(chunk) // 2)
        raise OSError(errno.EIO, "Input/output error")

    with pytest.raises(B.MediaError, match="se retiró la memoria"):
        B.write_bundle_file(data, stick, name="x.cocrea", write=pulled)
    assert written and sorted(p.name for p in stick.iterdir()) == ["anterior.cocrea"]
    assert (stick / "anterior.cocrea").read_bytes() == b"earlier bundle"

    def full(fh, chunk):
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(B.MediaFull, match="lleno"):
        B.write_bundle_file(data, stick, name="x.cocrea", write=full)
    assert sorted(p.name for p in stick.iterdir()) == ["anterior.cocrea"]


def test_read_only_destination_is_explained(office, tmp_path, monkeypatch):
    data = B.export_bundle(office.path, device=OFFICE, created_at=CREATED).data
    real_open = B.os.open

    def read_only(path, flags, mode=0o777):
        if str(path).endswith(".part"):
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(path, flags, mode)

    monkeypatch.setattr(B.os, "open", read_only)
    with pytest.raises(B.MediaReadOnly, match="solo lectura"):
        B.write_bundle_file(data, tmp_path, name="x.cocrea")
    assert not (tmp_path / "x.cocrea").exists()
