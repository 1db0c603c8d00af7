"""The review queue on real rendered, marked and scanned ballots: sure ones entered by the
machine, doubtful ones queued (never counted silently), confirmed or corrected by a person,
or spoiled with a reason; the queue survives closing the file; the register counts both."""

from __future__ import annotations

import pytest

from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.export import omr
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.store.review import TAKEN_ENTERED, TAKEN_QUEUED
from tests.export.review_material import make_stack

IDEAS = ["Fugas en la red", "Agua turbia", "Tandeo disparejo", "Falta cloro", "Tarifas"]


@pytest.fixture
def sid(repo):
    session_id, _ = repo.add_session(method="nominal_group", question="¿Qué pasa con el agua?")
    for key in ("silent_writing", "round"):
        repo.phases.go_to(session_id, key)
    for text in IDEAS:
        repo.ideas.add(session_id, text)
    repo.phases.go_to(session_id, "clarification")
    repo.phases.go_to(session_id, "preliminary_vote")
    repo.votes.configure(session_id, "preliminary", k=3)
    return session_id


def take_all(repo, sid, stack):
    taken = {}
    for path in sorted(stack.folder.iterdir()):
        for readings, problems in omr.iter_marks(repo, sid, "preliminary", [path]):
            assert problems == []
            for reading in readings:
                sha = omr.save_crop(reading.crop) if not reading.sure else ""
                try:
                    kind, _changes = repo.review.take(sid, "preliminary",
                                                      omr.as_read_ballot(reading, sha))
                except CocreaError as err:
                    kind = "refused: " + err.message
                taken[reading.serial] = kind
    return taken


def test_sure_entered_doubtful_queued_then_confirmed_or_corrected(repo, sid, tmp_path,
                                                                   db_path):
    cases = ["sure", "faint", "sure", "crossed", "double", "sure"]
    stack = make_stack(repo, sid, "preliminary", tmp_path, cases)
    taken = take_all(repo, sid, stack)
    for serial, case in stack.cases.items():
        assert taken[serial] == (TAKEN_ENTERED if case == "sure" else TAKEN_QUEUED), case
    ballots = {b.serial: b for b in repo.votes.ballots(sid, "preliminary")}
    assert set(ballots) == {s for s, c in stack.cases.items() if c == "sure"}
    for serial, ballot in ballots.items():
        assert ballot.entry == stack.entries[serial]
    waiting = repo.review.waiting(sid, "preliminary")
    assert [w.serial for w in waiting] == [s for s in stack.serials
                                          if stack.cases[s] != "sure"]
    for item in waiting:
        assert item.reasons
        assert item.crop_sha256 and omr.load_crop(item.crop_sha256) is not None
        if stack.cases[item.serial] in ("faint", "crossed"):
            assert item.entry == stack.entries[item.serial]  # the sure marks, pre-filled
        assert any(state == omr.DOUBTFUL for _o, _c, state in item.boxes) or \
            stack.cases[item.serial] == "double"
    summary = repo.register.summary(sid, "preliminary")
    assert (summary.read_by_machine, summary.confirmed, summary.counted) == (3, 0, 3)

    # The queue survives closing the program.
    repo.close()
    with Repo.open(db_path) as again:
        waiting = again.review.waiting(sid, "preliminary")
        assert len(waiting) == 3
        faint, crossed, double = waiting
        again.review.confirm(faint.id, faint.entry)  # Enter: confirmed as read
        corrected = "5 1"
        again.review.confirm(crossed.id, corrected)  # typed over: the correction counts
        with pytest.raises(CocreaError):
            again.review.spoil(double.id, "   ")  # a reason is needed
        again.review.spoil(double.id, "Dos marcas en el primer lugar")
        assert again.review.waiting(sid, "preliminary") == []
        entered = {b.serial: b for b in again.votes.ballots(sid, "preliminary")}
        assert entered[faint.serial].entry == faint.entry
        assert entered[crossed.serial].entry == corrected
        assert double.serial not in entered
        rows = {r["serial"]: r["read_by"] for r in again.pf.query(
            "SELECT serial, read_by FROM ballot")}
        assert rows[faint.serial] == rows[crossed.serial] == "person"
        assert sum(v == "machine" for v in rows.values()) == 3
        summary = again.register.summary(sid, "preliminary")
        assert (summary.read_by_machine, summary.confirmed, summary.counted,
                summary.spoiled) == (3, 2, 5, 1)
        assert summary.balanced
        assert again.review.item(double.id).outcome == "Dos marcas en el primer lugar"
        # One undo reverts a confirmation whole: the ballot and the queue's row.
        again.pf.undo()
        assert [w.serial for w in again.review.waiting(sid, "preliminary")] == [double.serial]


def test_a_wrong_correction_changes_nothing_and_a_ballot_is_reviewed_once(repo, sid,
                                                                          tmp_path):
    stack = make_stack(repo, sid, "preliminary", tmp_path, ["faint", "double"])
    take_all(repo, sid, stack)
    first, second = repo.review.waiting(sid, "preliminary")
    with pytest.raises(CocreaError):
        repo.review.confirm(first.id, "   ")  # empty: the typed rules apply
    assert repo.votes.ballots(sid, "preliminary") == []
    assert len(repo.review.waiting(sid, "preliminary")) == 2
    repo.review.confirm(first.id, "1 2 3")
    with pytest.raises(CocreaError):
        repo.review.confirm(first.id, "1 2 3")
    # A ballot typed by hand meanwhile leaves the queue by itself.
    repo.votes.enter_ballot(sid, "preliminary", "3 2", serial=second.serial)
    assert repo.review.waiting(sid, "preliminary") == []
    assert repo.review.count_waiting(sid, "preliminary") == 0


def test_scanned_twice_a_ballot_waits_once_and_a_counted_one_is_refused(repo, sid, tmp_path):
    stack = make_stack(repo, sid, "preliminary", tmp_path, ["faint", "sure"])
    take_all(repo, sid, stack)
    again = take_all(repo, sid, stack)  # the same folder again, by mistake
    faint, sure = stack.serials
    assert again[faint] == TAKEN_QUEUED
    assert again[sure].startswith("refused: ") and "ya" in again[sure]
    assert len(repo.review.waiting(sid, "preliminary")) == 1
    assert len(repo.votes.ballots(sid, "preliminary")) == 1


def test_reasons_in_the_queue_follow_a_language_switch(repo, sid, tmp_path):
    """A ballot queued while the program spoke Spanish shows its reasons in English after a
    switch (they were stored as the words of the moment, so English showed Spanish)."""
    from cocrea_desktop.i18n import set_language

    stack = make_stack(repo, sid, "preliminary", tmp_path, ["faint"])
    set_language("es")
    try:
        take_all(repo, sid, stack)
        (item,) = repo.review.waiting(sid, "preliminary")
        assert any(r.startswith("Marca dudosa en la opción") for r in item.reasons)
        set_language("en")
        (item,) = repo.review.waiting(sid, "preliminary")
        assert not any("Marca dudosa" in r for r in item.reasons), item.reasons
        assert any(r.startswith("Doubtful mark") for r in item.reasons), item.reasons
    finally:
        set_language("es")
