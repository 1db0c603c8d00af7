"""The follow-up of commitments: progress records, evidence, history, due list, merge."""

from __future__ import annotations

import hashlib
import json

import pytest

from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.export import bundle as B
from tests.export.bundle_helpers import CREATED, device, laptop_copy
from tests.store.pal_helpers import merged_process, plan


@pytest.fixture()
def office(tmp_path):
    repo = merged_process(tmp_path)
    plan(repo)
    # The clock of the helpers stands near the epoch: move it into the plan's period.
    repo.pf.clock.advance(_seconds_to("2028-01-15") - repo.pf.clock.now())
    yield repo
    repo.close()


def _seconds_to(day: str) -> float:
    import datetime as dt

    return dt.datetime.fromisoformat(day + "T12:00:00+00:00").timestamp()


def _table(repo):
    return repo.pf.query("SELECT * FROM milestone_progress ORDER BY id")


def test_progress_history_and_computed_late(office, tmp_path):
    f = office.followup
    states = f.states()
    assert [s.label for s in states] == ["1.1", "1.2", "2.1"]
    # 1.1 due 2027-10-31, nothing recorded: late by computation; 1.2 not yet due.
    assert [s.status for s in states] == ["late", "not_started", "late"]
    f.record("1.2", status="in_progress", percent="30", date="01/12/2027", note="Licitación")
    photo = tmp_path / "acta.pdf"
    photo.write_bytes(b"%PDF-1.4 acta de entrega")
    rec, changes = f.record("1.1", status="done", date="10/01/2028", evidence=photo,
                            note="Informe publicado en el portal")
    assert rec.percent == 100 and rec.evidence_sha256 == hashlib.sha256(
        photo.read_bytes()).hexdigest()
    f.record("2.1", status="cancelled", date="2027-12-20", reason="El comité se formó antes")
    by = {s.label: s for s in f.states()}
    assert by["1.1"].status == "done" and by["1.2"].status_text == "en proceso"
    assert by["1.2"].percent == 30 and by["2.1"].status == "cancelled"
    f.record("1.2", status="in_progress", percent=45, date="2028-01-10")
    assert [r.percent for r in f.state("1.2").history] == [45, 30]
    assert f.summary()["done"] == 1
    # The evidence's hash is in the journal, with the record.
    journal = " ".join(r["data"] if "data" in r else json.dumps(r, default=str)
                       for r in office.pf.query("SELECT * FROM journal"))
    assert rec.evidence_sha256 in journal
    assert [e["file_name"] for e in f.evidence("1.1")] == ["acta.pdf"]
    assert f.evidence_content(f.evidence("1.1")[0]["id"]) == photo.read_bytes()
    # Undo takes the record and its evidence away together.
    office.undo()
    assert f.state("1.2").percent == 30
    assert changes  # the done record stands


def test_due_list_for_a_followup_meeting(office):
    f = office.followup
    assert [s.label for s in f.due("31/12/2027")] == ["1.1", "2.1"]
    f.record("1.1", status="done", date="2028-01-02")
    assert [s.label for s in f.due("2027-12-31")] == ["2.1"]
    assert [s.label for s in f.due("31/12/2028")] == ["1.2", "2.1"]


@pytest.mark.parametrize(("kwargs", "words"), [
    ({"status": "in_progress", "percent": 10, "date": "01/06/2027"}, "anterior al inicio"),
    ({"status": "in_progress", "percent": 120}, "entre 0 y 100"),
    ({"status": "in_progress", "percent": -1}, "entre 0 y 100"),
    ({"status": "in_progress", "percent": "mitad"}, "número entero"),
    ({"status": "cancelled"}, "por qué se cancela"),
    ({"status": "done", "percent": 80}, "100 %"),
    ({"status": "terminado"}, "no es un estado"),
    ({"status": "in_progress", "date": "31/02/2028"}, "no es válida"),
    ({"status": "in_progress", "evidence": "/no/existe/foto.jpg"}, "no es un archivo"),
])
def test_bad_input_changes_nothing(office, kwargs, words):
    before, head = _table(office), office.journal_head()
    with pytest.raises(InvalidInput) as err:
        office.followup.record("1.1", **kwargs)
    assert words in str(err.value)
    assert _table(office) == before and office.journal_head() == head


def test_an_unreadable_or_empty_file_is_not_evidence(office, tmp_path):
    empty = tmp_path / "vacio.jpg"
    empty.write_bytes(b"")
    with pytest.raises(InvalidInput, match="vacío"):
        office.followup.attach("1.1", empty)
    with pytest.raises(InvalidInput, match="no es un archivo"):
        office.followup.attach("1.1", tmp_path)
    assert office.followup.evidence("1.1") == []


def test_two_laptops_progress_merges(office, tmp_path):
    clock = office.pf.clock
    a = laptop_copy(office, tmp_path / "a.db", dev_a := device("seguimiento-a"), clock)
    b = laptop_copy(office, tmp_path / "b.db", dev_b := device("seguimiento-b"), clock)
    a.followup.record("1.1", status="in_progress", percent=60, date="2027-11-15",
                      note="Desde la laptop A")
    clock.advance(5)
    ev = tmp_path / "foto.png"
    ev.write_bytes(b"\x89PNG fake photo of the works")
    b.followup.record("1.1", status="done", date="2028-01-05", evidence=ev)
    b.followup.record("2.1", status="in_progress", percent=20, date="2027-12-01")
    for laptop, dev in ((a, dev_a), (b, dev_b)):
        data = B.export_bundle(laptop.path, device=dev, created_at=CREATED).data
        B.import_bundle(office.pf, B.open_bundle(data), accept_key=True)
        laptop.close()
    s = office.followup.state("1.1")
    assert s.status == "done" and [r.percent for r in s.history] == [100, 60]
    assert s.latest.evidence_name == "foto.png"
    assert office.followup.state("2.1").percent == 20
    assert len(_table(office)) == 3


def test_the_demo_has_follow_up(tmp_path):
    from cocrea_desktop.store.demo import FOLLOWUP_EVIDENCE, create_demo
    from cocrea_desktop.store.repo import Repo

    path = create_demo(tmp_path / "demo.cocrea.db")
    with Repo.open(path, read_only=True) as repo:
        by = {s.label: s for s in repo.followup.states()}
        assert by["1.1"].status == "done" and by["1.1"].latest.evidence_sha256 == \
            hashlib.sha256(FOLLOWUP_EVIDENCE.read_bytes()).hexdigest()
        assert by["2.1"].status == "late" and by["1.2"].status == "in_progress"
        assert [r.percent for r in by["1.2"].history] == [35, 15]
