"""What keeps a big office file fast (issue 20): indexed register queries, no needless backups."""

from __future__ import annotations

import sqlite3

from cocrea_desktop.store.backup import fingerprint, list_backups
from cocrea_desktop.store.repo import Repo


def _voting_session(repo: Repo) -> str:
    sid, _c = repo.add_session(method="nominal_group", question="¿Qué falta en el pozo?")
    for key in ("silent_writing", "round"):
        repo.phases.go_to(sid, key)
    for i in range(12):
        repo.ideas.add(sid, "Idea {}".format(i + 1))
    for key in ("clarification", "preliminary_vote"):
        repo.phases.go_to(sid, key)
    return sid


def test_register_summary_reads_marks_through_an_index(repo):
    sid = _voting_session(repo)
    repo.votes.enter_ballot(sid, "preliminary", "4 8 1 11 3", serial="0001")
    repo.votes.enter_ballot(sid, "preliminary", "8 4 2 11 5")
    statements: list[str] = []
    repo.pf.conn.set_trace_callback(statements.append)
    try:
        summary = repo.register.summary(sid, "preliminary")
    finally:
        repo.pf.conn.set_trace_callback(None)
    assert (summary.counted, summary.void, summary.without_serial) == (1, 0, 1)
    on_marks = [s for s in statements if " mark " in s]
    assert on_marks, statements
    for sql in on_marks:
        plan = " | ".join(row[3] for row in repo.pf.conn.execute("EXPLAIN QUERY PLAN " + sql))
        assert "SCAN m" not in plan.replace("SCAN mark_", ""), plan  # never every mark
        assert "USING COVERING INDEX mark_tally" in plan, plan


def test_register_summary_is_read_once_per_change(repo):
    sid = _voting_session(repo)
    repo.votes.enter_ballot(sid, "preliminary", "4 8 1 11 3", serial="0001")
    statements: list[str] = []
    repo.pf.conn.set_trace_callback(statements.append)
    first = repo.register.summary(sid, "preliminary")
    asked = len(statements)
    assert repo.register.summary(sid, "preliminary") == first
    assert len(statements) == asked + 1, "only the file's change counter is read again"
    repo.pf.conn.set_trace_callback(None)
    repo.votes.enter_ballot(sid, "preliminary", "8 4 2 11 5", serial="0002")
    assert repo.register.summary(sid, "preliminary").counted == 2  # never stale
    repo.undo()
    assert repo.register.summary(sid, "preliminary").counted == 1
    other = sqlite3.connect(repo.pf.path)  # a change by another connection is seen too
    other.execute("UPDATE ballot SET status = 'spoiled' WHERE serial = '0001'")
    other.commit()
    other.close()
    assert repo.register.summary(sid, "preliminary").counted == 0


def test_no_backup_when_nothing_changed_since_the_last(db_path, repo, fake_clock):
    repo.add_session(method="nominal_group", question="¿Uno?")
    repo.close()  # a change: the backup at closing holds it
    assert len(list_backups(db_path)) == 1
    for _ in range(2):  # opening and closing an unchanged file copies nothing
        fake_clock.advance(60)
        Repo.open(db_path, clock=fake_clock).close()
    assert len(list_backups(db_path)) == 1
    fake_clock.advance(60)
    with Repo.open(db_path, clock=fake_clock) as again:
        again.add_session(method="nominal_group", question="¿Dos?")
    backups = list_backups(db_path)
    assert len(backups) == 2
    newest = sqlite3.connect(backups[0].path)
    live = sqlite3.connect(db_path)
    assert fingerprint(newest) == fingerprint(live)
    assert newest.execute("SELECT COUNT(*) FROM session").fetchone()[0] == 2
    newest.close()
    live.close()
    # A file changed elsewhere (another program, a copy from a USB stick) is backed up again.
    other = sqlite3.connect(db_path)
    other.execute("INSERT INTO device (id, name, public_key, first_seen) "
                  "VALUES ('otro', 'Otra laptop', '', '2027-01-01')")
    other.commit()
    other.close()
    fake_clock.advance(60)
    Repo.open(db_path, clock=fake_clock).close()
    assert len(list_backups(db_path)) == 3


def test_background_backup_runs_off_the_calling_thread_and_close_waits(db_path, repo):
    import threading

    repo.add_session(method="nominal_group", question="¿Uno?")
    jobs: list[threading.Thread] = []

    def runner(job):
        thread = threading.Thread(target=job)
        jobs.append(thread)
        thread.start()

    repo.pf.backup_runner = runner
    assert repo.pf.maybe_backup(force=True) is None  # queued, not made here
    jobs[0].join()
    assert len(list_backups(db_path)) == 1 and not repo.pf.backup_pending
    repo.close()  # nothing changed since: no second copy
    assert len(list_backups(db_path)) == 1


def test_a_backup_queued_before_closing_does_nothing_after(db_path, repo):
    """A job still queued on the pool when the file closes must not run afterwards: close()
    made the last backup, and a worker touching the file at shutdown crashed the program."""
    repo.add_session(method="nominal_group", question="¿Uno?")
    queued = []
    repo.pf.backup_runner = queued.append  # the pool has not started it yet
    repo.pf.maybe_backup(force=True)
    repo.close()
    assert len(list_backups(db_path)) == 1  # the closing backup
    assert queued and queued[0]() is None  # the late job returns at once
    assert len(list_backups(db_path)) == 1
