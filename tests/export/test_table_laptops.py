"""A day of many tables: the office prepares two table laptops, each opens its own file,
captures its sessions, and their bundles merge back into the office's file."""

from __future__ import annotations

import errno
import json

import pytest

from cocrea_desktop.core import dates
from cocrea_desktop.core.clock import FakeClock
from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.export import bundle as B
from cocrea_desktop.export import tables as T
from cocrea_desktop.store.tables import TablePlan
from tests.export.bundle_helpers import device, office_process


def _office(tmp_path):
    clock = FakeClock()
    office = office_process(tmp_path / "oficina.cocrea.db", device("Oficina"), clock)
    ids = []
    for n, question in enumerate(["¿Qué necesita el agua potable?", "¿Qué hacer con la basura?",
                                  "¿Cómo mejorar el camino a la cabecera?"], start=1):
        sid, _c = office.add_session(method="nominal_group", question=question,
                                     table_label=f"Mesa {n}", date="2027-04-02")
        ids.append(sid)
    return office, ids, clock


def _prepare(office, ids, stick):
    plan = [TablePlan("Mesa 1", (ids[0], ids[1])), TablePlan("Mesa 2", (ids[2],))]
    prepared, folder, _changes = T.prepare_tables(office, plan, stick)
    written = T.write_table_files(office.path, prepared, folder, device=office.pf.device)
    return prepared, written


def test_two_table_laptops_go_out_and_come_back(tmp_path):
    office, ids, clock = _office(tmp_path)
    secret = office.ballot_secret().hex()
    stick = tmp_path / "usb"
    stick.mkdir()
    prepared, written = _prepare(office, ids, stick)
    assert [p.name for p in written] == ["mesa_Mesa-1_Teotitlan.cocrea",
                                         "mesa_Mesa-2_Teotitlan.cocrea"]
    assert all(len(T.normalize_code(t.code)) == 8 for t in prepared)
    for path in written:  # the secret never travels in clear on the stick
        assert secret.encode() not in path.read_bytes()
        assert B.verify_bundle(path.read_bytes()).ok
    status = {t.name: t for t in office.tables.list()}
    assert not status["Mesa 1"].came_back and not status["Mesa 1"].opened_at
    assert status["Mesa 2"].sessions == (ids[2],)

    laptops = {}
    for table, path, n in zip(prepared, written, (1, 2)):
        repo, laptop = T.open_table_file(path, tmp_path / f"laptop{n}.cocrea.db", table.code,
                                         device=device(f"Laptop {n}"), clock=FakeClock())
        laptops[table.name] = repo
        assert laptop.name == table.name
        assert repo.process().id == office.process().id  # the same process
        assert repo.ballot_secret().hex() == secret  # ballots print and read on the laptop
        assert repo.tables.this_laptop().name == table.name
        assert {s.id for s in repo.sessions()} == set(table.sessions)  # only its sessions
    one, two = laptops["Mesa 1"], laptops["Mesa 2"]
    one.ideas.add(ids[0], "Reparar la red de agua del barrio de San Juan")
    one.ideas.add(ids[1], "Separar la basura en la escuela")
    two.ideas.add(ids[2], "Bachear el camino a la cabecera")
    back = []
    for n, repo in ((1, one), (2, two)):
        result = B.export_bundle(repo.path, device=device(f"Laptop {n}"))
        back.append(B.open_bundle(result.data))
        repo.close()
    office_status = {t.name: t.came_back for t in office.tables.list()}
    assert office_status == {"Mesa 1": False, "Mesa 2": False}
    B.import_bundles(office.pf, back, accepted=[b.fingerprint for b in back])
    texts = sorted(r["text"] for r in office.pf.query("SELECT text FROM idea"))
    assert texts == ["Bachear el camino a la cabecera", "Reparar la red de agua del barrio "
                     "de San Juan", "Separar la basura en la escuela"]
    came = {t.name: t for t in office.tables.list()}
    assert all(t.came_back and t.opened_at for t in came.values())
    when = dates.format_datetime(came["Mesa 1"].came_back_at)
    assert office.tables.status_lines() == [f"Mesa 1 (2 sesiones): regresó el {when}",
                                            f"Mesa 2 (1 sesión): regresó el {when}"]
    assert office.ballot_secret().hex() == secret  # the office's secret untouched
    assert not office.pf.query("SELECT * FROM merge_conflict")
    office.close()


def test_a_wrong_code_is_refused_in_spanish_and_leaves_no_file(tmp_path):
    office, ids, _clock = _office(tmp_path)
    stick = tmp_path / "usb"
    stick.mkdir()
    prepared, written = _prepare(office, ids, stick)
    target = tmp_path / "laptop.cocrea.db"
    other_code = prepared[1].code
    with pytest.raises(T.WrongCode) as err:
        T.open_table_file(written[0], target, other_code, device=device("Laptop 1"))
    assert "El código no abre el archivo de la mesa «Mesa 1»" in err.value.message
    assert not target.exists()
    with pytest.raises(T.WrongCode) as err:
        T.open_table_file(written[0], target, "1234", device=device("Laptop 1"))
    assert "8 letras y números" in err.value.message
    assert not target.exists()
    # Typed in lower case with spaces, the right code opens it.
    code = prepared[0].code.lower().replace("-", " ")
    repo, laptop = T.open_table_file(written[0], target, code, device=device("Laptop 1"))
    assert laptop.name == "Mesa 1"
    repo.close()
    office.close()


def test_an_ordinary_bundle_is_not_a_table_file(tmp_path):
    office, ids, _clock = _office(tmp_path)
    data = B.export_bundle(office.path, device=office.pf.device).data
    path = tmp_path / "todo.cocrea"
    path.write_bytes(data)
    with pytest.raises(InvalidInput) as err:
        T.open_table_file(path, tmp_path / "x.cocrea.db", "ABCD-EFGH", device=device("L"))
    assert "no es el de una computadora de mesa" in err.value.message
    office.close()


@pytest.mark.parametrize("plan, message", [
    ([], "Agregue al menos una mesa"),
    ([("  ", [0])], "Cada mesa necesita un nombre"),
    ([("Mesa 1", [0]), ("mesa 1", [1])], "Hay dos mesas llamadas"),
    ([("Mesa 1", [])], "no tiene sesiones"),
    ([("Mesa 1", [0, 1]), ("Mesa 2", [1])], "está en dos mesas"),
])
def test_bad_plans_are_refused_and_nothing_is_written(tmp_path, plan, message):
    office, ids, _clock = _office(tmp_path)
    stick = tmp_path / "usb"
    stick.mkdir()
    head = office.journal_head()
    plans = [TablePlan(name, tuple(ids[i] for i in sessions)) for name, sessions in plan]
    with pytest.raises(InvalidInput) as err:
        T.prepare_tables(office, plans, stick)
    assert message in err.value.message
    assert office.journal_head() == head and not office.tables.list()
    assert list(stick.iterdir()) == []
    office.close()


def test_an_unwritable_folder_is_refused_before_anything(tmp_path, monkeypatch):
    office, ids, _clock = _office(tmp_path)
    with pytest.raises(InvalidInput) as err:
        T.prepare_tables(office, [TablePlan("Mesa 1", (ids[0],))], tmp_path / "no-existe")
    assert "no existe" in err.value.message
    stick = tmp_path / "usb"
    stick.mkdir()

    def write_protected(path, mode="r", *args, **kwargs):  # the stick's lock switch is on
        if "x" in mode or "w" in mode:
            raise OSError(errno.EROFS, "Read-only file system")
        return open(path, mode, *args, **kwargs)

    monkeypatch.setattr(T, "open", write_protected, raising=False)
    with pytest.raises(InvalidInput) as err:
        T.prepare_tables(office, [TablePlan("Mesa 1", (ids[0],))], stick)
    assert "No se puede escribir" in err.value.message
    monkeypatch.undo()
    assert not office.tables.list() and list(stick.iterdir()) == []
    office.close()


def test_the_box_is_bound_to_the_key_that_signed_the_file():
    secret = "ab" * 32
    box = T.seal_secret(secret, "ABCD-EFGH", process_id="p", table_name="Mesa 1",
                        signer_public_key=b"k" * 32)
    assert T.open_secret(box, "abcd efgh", process_id="p", table_name="Mesa 1",
                         signer_public_key=b"k" * 32) == secret
    assert T.open_secret(box, "ABCD-EFGH", process_id="p", table_name="Mesa 1",
                         signer_public_key=b"x" * 32) is None
    assert T.open_secret(box, "ABCD-EFGJ", process_id="p", table_name="Mesa 1",
                         signer_public_key=b"k" * 32) is None
    assert json.dumps(box)  # plain text in the row


@pytest.mark.parametrize("with_office_key", [False, True])
def test_the_secret_never_travels_in_clear_and_the_process_row_merges_back_quietly(
        tmp_path, with_office_key):
    from cocrea_desktop.export import keys

    office, ids, _clock = _office(tmp_path)
    office_key = None
    if with_office_key:
        office_key = keys.OfficeKey.generate()
        keys.set_office_key(office.pf, office_key.public)
    secret = office.ballot_secret().hex()
    stick = tmp_path / "usb"
    stick.mkdir()
    prepared, written = _prepare(office, ids, stick)
    repo, _laptop = T.open_table_file(written[1], tmp_path / "laptop.cocrea.db",
                                      prepared[1].code, device=device("Laptop 2"))
    assert repo.ballot_secret().hex() == secret
    repo.ideas.add(ids[2], "Bachear el camino a la cabecera")
    data = B.export_bundle(repo.path, device=device("Laptop 2")).data
    repo.close()
    assert secret.encode() not in data  # nor in the laptop's journal
    bundle = B.open_bundle(data)
    [result] = B.import_bundles(office.pf, [bundle], accepted=[bundle.fingerprint],
                                office_key=office_key)
    assert result.preview.plan.counts["process"].conflicts == 0
    assert not office.pf.query("SELECT * FROM merge_conflict")
    assert office.ballot_secret().hex() == secret
    assert [t.came_back for t in office.tables.list()] == [False, True]
    office.close()


def test_a_table_sessions_phases_reach_the_office_acta_and_its_data_hash(tmp_path):
    """The session's history (phases begun, timers) lives in the table laptop's journal;
    after its bundle is imported the office's acta tells the same story, the data hash
    printed on both covers it, and importing the bundle again adds nothing."""
    from cocrea_desktop.export import evidence

    office, ids, _clock = _office(tmp_path)
    stick = tmp_path / "usb"
    stick.mkdir()
    prepared, written = _prepare(office, ids, stick)
    table_clock = FakeClock()
    repo, _laptop = T.open_table_file(written[1], tmp_path / "mesa2.cocrea.db",
                                      prepared[1].code, device=device("Laptop 2"),
                                      clock=table_clock)
    sid = ids[2]
    before_hash = evidence.session_digest(repo, sid)
    for _n in range(3):
        table_clock.advance(60)
        repo.phases.forward(sid)
    table_clock.advance(5)
    repo.phases.start_timer(sid)
    repo.ideas.add(sid, "Bachear el camino a la cabecera")
    there = evidence.timeline(repo, sid)
    assert sum("comenzó la fase" in text for _w, text in there) == 3
    assert any("se inició el tiempo" in text for _w, text in there)
    table_hash = evidence.session_digest(repo, sid)
    visited = repo.phases.visited(sid)
    assert len(visited) == 3
    assert table_hash != before_hash  # the hash covers the history too
    data = B.export_bundle(repo.path, device=device("Laptop 2")).data
    repo.close()

    office_hash_before = evidence.session_digest(office, sid)
    B.import_bundles(office.pf, [B.open_bundle(data)],
                     accepted=[B.open_bundle(data).fingerprint])
    assert evidence.timeline(office, sid) == there
    assert evidence.session_digest(office, sid) == table_hash != office_hash_before
    assert office.phases.visited(sid) == visited  # the phases it went through, known here
    count = office.pf.scalar("SELECT COUNT(*) FROM session_event")
    assert count == 4
    # Again: nothing new, the same story, no event twice.
    B.import_bundles(office.pf, [B.open_bundle(data)],
                     accepted=[B.open_bundle(data).fingerprint])
    assert office.pf.scalar("SELECT COUNT(*) FROM session_event") == count
    assert evidence.timeline(office, sid) == there
    office.close()


def test_names_and_phones_come_back_sealed_for_the_office_that_prepared_the_tables(tmp_path):
    """The office never set an office key: preparing the tables gives the process this
    computer's own, the table's file carries it, the table's bundle seals the names and
    phones for it, and the office opens them on import without choosing a key file."""
    from cocrea_desktop.export import keys
    from tests.export.bundle_helpers import add_person

    office, ids, _clock = _office(tmp_path)
    assert keys.office_public_key(office.pf) is None
    stick = tmp_path / "usb"
    stick.mkdir()
    prepared, written = _prepare(office, ids, stick)
    own = keys.device_office_key(office.pf.device)
    assert keys.office_public_key(office.pf) == own.public
    repo, _laptop = T.open_table_file(written[1], tmp_path / "mesa2.cocrea.db",
                                      prepared[1].code, device=device("Laptop 2"),
                                      clock=FakeClock())
    assert keys.office_public_key(repo.pf) == own.public  # the table's file carries it
    add_person(repo, ids[2], 1, "Rosa Martínez Luna", "9511234567")
    result = B.export_bundle(repo.path, device=device("Laptop 2"))
    assert result.manifest["personal_data"] == "sealed"
    assert b"Rosa Mart" not in result.data and b"9511234567" not in result.data
    repo.close()
    bundle = B.open_bundle(result.data)
    B.import_bundles(office.pf, [bundle], accepted=[bundle.fingerprint])
    person = office.pf.query("SELECT name, phone FROM person")
    assert person == [{"name": "Rosa Martínez Luna", "phone": "9511234567"}]
    # Another computer (not the office that prepared them) cannot open them.
    other = office_process(tmp_path / "otra.cocrea.db", device("Otra"))
    assert keys.device_office_key(other.pf.device).public != own.public
    other.close()
    office.close()


def test_a_tables_proposals_are_named_by_the_table_and_the_offices_keep_their_numbers(
        tmp_path):
    """The office has proposals 1 and 2; the table laptop «Mesa 2» promotes its own 1.
    At the office, after the import: 1, 2 and «Mesa 2 · 1» (not A-1, A-2, B-1: the
    letters changed the office's labels and B read as another table)."""
    office, ids, clock = _office(tmp_path)
    for title in ("Ventanilla única", "Alumbrado en la cabecera"):
        clock.advance(1)
        office.proposals.add(title)
    assert [p.label for p in office.proposals.list()] == ["1", "2"]
    stick = tmp_path / "usb"
    stick.mkdir()
    prepared, written = _prepare(office, ids, stick)
    repo, _laptop = T.open_table_file(written[1], tmp_path / "mesa2.cocrea.db",
                                      prepared[1].code, device=device("Laptop 2"),
                                      clock=FakeClock())
    repo.proposals.add("Bachear el camino a la cabecera", session_id=ids[2])
    assert [p.label for p in repo.proposals.list()] == ["Mesa 2 · 1"]  # the same there
    data = B.export_bundle(repo.path, device=device("Laptop 2")).data
    repo.close()
    bundle = B.open_bundle(data)
    B.import_bundles(office.pf, [bundle], accepted=[bundle.fingerprint])
    assert [p.label for p in office.proposals.list()] == ["1", "2", "Mesa 2 · 1"]
    assert office.proposals.by_label("mesa 2-1").title == "Bachear el camino a la cabecera"
    assert office.proposals.by_label("2").title == "Alumbrado en la cabecera"
    office.close()
