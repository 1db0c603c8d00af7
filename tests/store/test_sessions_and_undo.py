"""Sessions: create, edit, duplicate, archive; named undo and redo; the journal records all."""

from __future__ import annotations

import json

import pytest

from cocrea_desktop.core.errors import InvalidInput, NotFound, RuleViolation


def test_add_edit_duplicate_archive(repo):
    sid, changes = repo.add_session(method="nominal_group", question="¿Qué hace falta?",
                                    table_label="Mesa 1", date="2027-02-06")
    assert changes.touches("session") and sid in changes.ids
    repo.update_session(sid, place="Casa ejidal", facilitator="Rosa", status="in_progress")
    s = repo.session(sid)
    assert (s.place, s.facilitator, s.status) == ("Casa ejidal", "Rosa", "in_progress")

    copy_id, _ = repo.duplicate_session(sid)
    copy = repo.session(copy_id)
    assert copy.id != sid and copy.question == s.question and copy.place == "Casa ejidal"
    assert copy.status == "planned"  # a duplicate is a fresh set-up

    repo.archive_session(sid)
    assert [x.id for x in repo.sessions()] == [copy_id]
    assert {x.id for x in repo.sessions(include_archived=True)} == {sid, copy_id}
    repo.archive_session(sid, archived=False)
    assert len(repo.sessions()) == 2


def test_session_can_be_found_by_id_prefix(repo):
    sid, _ = repo.add_session(method="fishbowl", question="¿Qué?")
    assert repo.session(sid[:8]).id == sid
    with pytest.raises(NotFound):
        repo.session("zzzzzzzz")


@pytest.mark.parametrize("values, words", [
    ({"method": "sorteo", "question": "¿Qué?"}, "no es un método conocido"),
    ({"method": "nominal_group", "question": "   "}, "pregunta detonadora"),
    ({"method": "nominal_group", "question": "¿Qué?", "date": "06/02/2027"}, "AAAA-MM-DD"),
    ({"method": "nominal_group", "question": "¿Qué?", "participant_count": "muchos"},
     "número entero"),
    ({"method": "nominal_group", "question": "¿Qué?", "status": "borrada"}, "Estado desconocido"),
])
def test_bad_session_input_is_refused_with_a_spanish_message(repo, values, words):
    before = repo.pf.scalar("SELECT COUNT(*) FROM journal")
    with pytest.raises(InvalidInput) as err:
        repo.add_session(**values)
    assert words in str(err.value)
    assert repo.pf.scalar("SELECT COUNT(*) FROM journal") == before  # nothing written


def test_undo_and_redo_are_named_and_exact(repo):
    sid, _ = repo.add_session(method="nominal_group", question="¿Qué falta en la clínica?")
    repo.update_session(sid, place="Clínica")
    assert repo.undo_label() == "editar sesión «¿Qué falta en la clínica?»"
    repo.undo()
    assert repo.session(sid).place == ""
    assert repo.redo_label() == "editar sesión «¿Qué falta en la clínica?»"
    repo.redo()
    assert repo.session(sid).place == "Clínica"
    repo.undo()
    repo.undo()  # undo the creation itself
    with pytest.raises(NotFound):
        repo.session(sid)
    repo.redo()
    assert repo.session(sid).question == "¿Qué falta en la clínica?"
    assert repo.pf.verify_journal().ok


def test_new_action_clears_redo(repo):
    sid, _ = repo.add_session(method="nominal_group", question="¿A?")
    repo.update_session(sid, place="Aquí")
    repo.undo()
    repo.update_session(sid, place="Allá")
    assert repo.redo_label() is None
    with pytest.raises(RuleViolation):
        repo.redo()


def test_nothing_to_undo(repo):
    with pytest.raises(RuleViolation) as err:
        repo.undo()
    assert "nada que deshacer" in str(err.value)


def test_every_change_is_journaled_with_before_and_after(repo):
    sid, _ = repo.add_session(method="nominal_group", question="¿Qué?")
    repo.update_session(sid, place="Escuela")
    rows = repo.pf.query("SELECT * FROM journal WHERE object_id = ? ORDER BY seq", [sid])
    assert [r["action"] for r in rows] == ["session.create", "session.update"]
    edit = rows[1]
    assert json.loads(edit["before"])["place"] == "" and json.loads(edit["after"])["place"] == \
        "Escuela"
    assert edit["device_id"] == repo.pf.device.id
    repo.undo()
    last = repo.pf.query("SELECT * FROM journal ORDER BY seq DESC LIMIT 1")[0]
    assert last["action"].startswith("undo:")


def test_journal_cannot_be_rewritten_in_place(repo):
    import sqlite3

    repo.add_session(method="nominal_group", question="¿Qué?")
    with pytest.raises(sqlite3.IntegrityError):
        repo.pf.conn.execute("UPDATE journal SET action = 'x' WHERE seq = 1")
    with pytest.raises(sqlite3.IntegrityError):
        repo.pf.conn.execute("DELETE FROM journal")


def test_tampering_with_the_journal_is_detected(repo, db_path):
    import sqlite3

    sid, _ = repo.add_session(method="nominal_group", question="¿Qué?")
    repo.update_session(sid, place="Escuela")
    repo.close()
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TRIGGER journal_no_update")
    conn.execute("UPDATE journal SET after = replace(after, 'Escuela', 'Iglesia') WHERE seq = 3")
    conn.commit()
    conn.close()
    from cocrea_desktop.store.verify import verify_file

    report = verify_file(db_path)
    assert not report["ok"] and report["journal_bad_seq"] == 3


def test_process_details_edit_and_validation(repo):
    repo.update_process(name="PAL 2028", period="2028")
    assert repo.process().name == "PAL 2028"
    with pytest.raises(InvalidInput):
        repo.update_process(name="  ")
    repo.undo()
    assert repo.process().name == "Plan de Acción Local 2027"
