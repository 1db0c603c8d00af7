"""Attendance through the store: counts, the notice, people and ARCO erasure."""

from __future__ import annotations

import sqlite3

import pytest

from cocrea_desktop.core.errors import InvalidInput, RuleViolation


@pytest.fixture
def session_id(repo):
    sid, _c = repo.add_session(method="nominal_group", question="¿Qué falta en el mercado?")
    return sid


def test_counts_are_set_replaced_undone_and_summed(repo, session_id):
    other, _c = repo.add_session(method="fishbowl", question="¿Y el agua?")
    repo.attendance.set_counts(session_id, "sector", {"gobierno": 3, "ciudadanía": 5})
    repo.attendance.set_count(session_id, "sector", "academia", 2)
    repo.attendance.set_count(other, "sector", "gobierno", 1)
    repo.attendance.set_counts(other, "community", {"Yavesía": 4})
    assert repo.attendance.counts(session_id)["sector"] == {
        "gobierno": 3, "academia": 2, "ciudadania": 5}
    assert repo.attendance.totals(session_id)["sector"] == 10
    assert repo.attendance.inclusion()["sector"] == {"gobierno": 4, "academia": 2,
                                                     "ciudadania": 5}
    repo.attendance.set_counts(session_id, "sector", {"gobierno": 1})  # replaces the others
    assert repo.attendance.counts(session_id)["sector"] == {"gobierno": 1}
    assert repo.undo_label() == "anotar la asistencia por sector"
    repo.undo()
    assert repo.attendance.counts(session_id)["sector"]["ciudadania"] == 5
    assert repo.pf.verify_journal().ok
    with pytest.raises(InvalidInput):
        repo.attendance.set_count(session_id, "sector", "gobierno", -2)


def test_privacy_settings_and_notice_read_aloud(repo, session_id):
    assert repo.attendance.notice_text().startswith("STL es responsable")  # process's body
    repo.attendance.set_privacy(body="Comité de Transparencia de Teotitlán",
                                notice="{responsable} cuida sus datos. Ver {aviso_integral}.",
                                full_notice_at="el tablero municipal")
    assert repo.attendance.notice_text() == (
        "Comité de Transparencia de Teotitlán cuida sus datos. Ver el tablero municipal.")
    repo.undo()
    assert repo.attendance.privacy().body == ""
    assert not repo.attendance.notice_read_aloud(session_id)
    repo.attendance.set_notice_read_aloud(session_id, True)
    assert repo.attendance.notice_read_aloud(session_id)


NAME = "Hermelinda Cruz Bautista"
PHONE = "951 123 4567"


def _journal_text(repo) -> str:
    return "\n".join((r["before"] or "") + (r["after"] or "")
                     for r in repo.pf.query("SELECT before, after FROM journal"))


def test_people_shown_corrected_and_erased(repo, session_id, db_path):
    repo.attendance.set_counts(session_id, "sex", {"mujer": 1})
    person, _c = repo.attendance.add_person(session_id, name=NAME, phone=PHONE,
                                            consent_contact=True, consent_photos=True)
    other, _c = repo.attendance.add_person(session_id, name="Próspero Jiménez")
    assert (person.number, other.number) == (1, 2)
    assert repo.attendance.person_by_number(session_id, 1).phone == PHONE  # ARCO: access
    # The journal never holds the values in clear: only an HMAC under the row's own salt,
    # and never the salt itself.
    journal = _journal_text(repo)
    assert NAME not in journal and PHONE not in journal and "hmac:" in journal
    salt = repo.pf.row("person", person.id)["salt"]
    assert len(salt) == 32 and salt not in journal
    # Rectification; withdrawing consent to be contacted drops the phone.
    repo.attendance.correct_person(person.id, name="Hermelinda Cruz B.")
    repo.attendance.correct_person(person.id, consent_contact=False)
    corrected = repo.attendance.person(person.id)
    assert corrected.name == "Hermelinda Cruz B." and corrected.phone == ""
    with pytest.raises(InvalidInput):
        repo.attendance.add_person(session_id, name="X", phone="555 1234")  # no consent

    # Erasure (ARCO: cancellation).
    changes = repo.attendance.erase_person(person.id)
    assert not changes.undoable
    erased = repo.attendance.person(person.id)
    assert erased.erased and erased.name == "" and erased.phone == "" and erased.number == 1
    assert not erased.consent_photos
    row = repo.pf.row("person", person.id)
    assert row["name"] == "" and row["phone"] == ""
    assert row["salt"] == ""  # the journal's digests can no longer be checked against guesses
    assert repo.attendance.counts(session_id)["sex"] == {"mujer": 1}  # counts stay
    assert repo.attendance.people(session_id, include_erased=False) == [
        repo.attendance.person(other.id)]
    for value in (NAME, "Hermelinda Cruz B.", PHONE):
        assert value not in _journal_text(repo)
    # Nothing in memory can bring the values back.
    for step in repo.pf.undo_stack + repo.pf.redo_stack:
        assert all(op.id != person.id for op in step.ops)
    with pytest.raises(RuleViolation):
        repo.attendance.erase_person(person.id)
    assert repo.pf.verify_journal().ok
    # The values are not left in the file's free space or in the WAL either.
    raw = db_path.read_bytes()
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        raw += wal.read_bytes()
    for value in (NAME, "Hermelinda Cruz B.", PHONE):
        assert value.encode("utf-8") not in raw
    assert "Próspero Jiménez".encode("utf-8") in raw  # the check can see names


def test_erasure_survives_reopening(repo, session_id, db_path):
    person, _c = repo.attendance.add_person(session_id, name=NAME)
    repo.attendance.erase_person(person.id)
    repo.close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT name, erased FROM person").fetchall() == [("", 1)]
    conn.close()


def _fragments(value: str, size: int = 8) -> set[bytes]:
    raw = value.encode("utf-8")
    return {raw[i:i + size] for i in range(len(raw) - size + 1)}


def test_erasure_scrubs_freed_bytes_whatever_sqlite_defaults_to(repo, session_id, db_path):
    """``secure_delete`` is what scrubs the old row: builds of SQLite differ in its default
    (Debian's is ON, upstream's and Windows' OFF), so the test starts from OFF and looks
    for any piece of the name, phone and salt in the file itself and its WAL."""
    name = "María de los Ángeles Hernández Gutiérrez de la Santísima Trinidad Cruz"
    phone = "+52 (951) 123 4567"
    person, _c = repo.attendance.add_person(session_id, name=name, phone=phone,
                                            consent_contact=True)
    salt = repo.pf.row("person", person.id)["salt"]
    repo.pf.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = db_path.read_bytes()
    assert name.encode("utf-8") in raw  # the check can see the row before erasure
    repo.pf.conn.execute("PRAGMA secure_delete = OFF")  # as upstream SQLite builds ship
    repo.attendance.erase_person(person.id)
    raw = db_path.read_bytes()
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        raw += wal.read_bytes()
    left = [f for value in (name, phone, salt) for f in _fragments(value) if f in raw]
    assert left == []
