"""Process files: creation, pragmas, migrations, and every way opening can go wrong."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time

import pytest

from cocrea_desktop.core.errors import (
    CorruptFile,
    FileLocked,
    NewerFileVersion,
    NotAProcessFile,
    ReadOnlyFile,
    StorageError,
    StorageFull,
)
from cocrea_desktop.store.backup import list_backups, recover_copy
from cocrea_desktop.store.db import open_process
from cocrea_desktop.store.migrations import APPLICATION_ID, known_names
from cocrea_desktop.store.repo import Repo
from tests.conftest import PYTHON, child_env


def test_new_file_is_plain_sqlite_with_safe_pragmas(repo, db_path):
    conn = repo.pf.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    repo.close()
    plain = sqlite3.connect(db_path)  # any SQLite tool can read it
    assert plain.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    names = [r[0] for r in plain.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = 'cocrea' ORDER BY id")]
    assert names == known_names()
    assert plain.execute("SELECT name FROM process").fetchone()[0] == "Plan de Acción Local 2027"
    plain.close()


def test_reopen_keeps_everything(repo, db_path):
    sid, _ = repo.add_session(method="nominal_group", question="¿Qué falta en la escuela?",
                              table_label="Mesa 2", date="2027-03-01", place="Escuela",
                              facilitator="Ana", participant_count=11)
    repo.close()
    with Repo.open(db_path) as again:
        s = again.session(sid)
        assert (s.question, s.table_label, s.date, s.participant_count) == (
            "¿Qué falta en la escuela?", "Mesa 2", "2027-03-01", 11)
        assert again.pf.verify_journal().ok


def test_text_file_is_not_a_process(tmp_path):
    path = tmp_path / "notas.cocrea.db"
    path.write_text("lista de asistentes\n", "utf-8")
    with pytest.raises(NotAProcessFile) as err:
        open_process(path)
    assert "no es un proceso" in str(err.value)
    assert path.read_text("utf-8") == "lista de asistentes\n"


def test_other_sqlite_database_is_not_a_process(tmp_path):
    path = tmp_path / "otra.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotAProcessFile):
        open_process(path)
    assert path.read_bytes() == before


def test_newer_file_is_refused_and_left_untouched(repo, db_path):
    repo.pf.conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('cocrea', '9999_from_the_future', '2030-01-01')")
    repo.close()
    before = db_path.read_bytes()
    with pytest.raises(NewerFileVersion) as err:
        open_process(db_path)
    assert "versión más nueva" in str(err.value)
    assert db_path.read_bytes() == before


def test_corrupt_file_is_refused_with_a_way_out(repo, db_path):
    for i in range(30):
        repo.add_session(method="fishbowl", question="Pregunta número {}".format(i) * 20)
    repo.close()
    assert list_backups(db_path), "a backup is made when a file is opened"
    data = bytearray(db_path.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data) - 16, page):  # smash every page but the first
        data[offset + 8: offset + 200] = b"\xff" * 192
    db_path.write_bytes(bytes(data))
    with pytest.raises((CorruptFile, NotAProcessFile)):
        open_process(db_path)
    # The way out: restore the latest backup beside it, and open that.
    restored = recover_copy(list_backups(db_path)[0].path, db_path)
    with Repo.open(restored) as recovered:
        assert recovered.process().name == "Plan de Acción Local 2027"


def test_locked_by_another_running_program(db_path, repo, data_dir):
    repo.close()
    holder = subprocess.Popen(
        [PYTHON, "-c", "import sys, time; from cocrea_desktop.store.repo import Repo; "
         "r = Repo.open(sys.argv[1]); print('open', flush=True); time.sleep(60)", str(db_path)],
        env=child_env(data_dir), stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(FileLocked) as err:
            open_process(db_path)
        assert "ya está abierto" in str(err.value)
        with Repo.open(db_path, read_only=True) as reader:  # the way out: read only
            assert reader.process().name
    finally:
        holder.kill()
        holder.wait()
    # Killed: its lock is stale and the file opens again.
    with Repo.open(db_path) as again:
        assert again.process().name


def test_read_only_file_offers_read_only(db_path, repo):
    repo.add_session(method="nominal_group", question="¿Qué?")
    repo.close()
    made_immutable = _make_read_only(db_path)
    try:
        with pytest.raises(ReadOnlyFile) as err:
            open_process(db_path)
        assert "solo lectura" in str(err.value)
        with Repo.open(db_path, read_only=True) as reader:
            assert len(reader.sessions()) == 1
            with pytest.raises(ReadOnlyFile):
                reader.add_session(method="nominal_group", question="¿Otra?")
    finally:
        _undo_read_only(db_path, made_immutable)


def _make_read_only(path) -> bool:
    if sys.platform.startswith("linux") and subprocess.run(
            ["chattr", "+i", str(path)], capture_output=True).returncode == 0:
        return True  # root ignores file modes; the immutable flag stops it too
    path.chmod(0o444)
    return False


def _undo_read_only(path, immutable: bool) -> None:
    if immutable:
        subprocess.run(["chattr", "-i", str(path)], check=True)
    path.chmod(0o644)


def test_disk_full_keeps_what_was_saved(repo, db_path):
    first, _ = repo.add_session(method="nominal_group", question="¿Lo primero?")
    pages = repo.pf.scalar("PRAGMA page_count")
    repo.pf.conn.execute(f"PRAGMA max_page_count = {pages}")  # no room for one more page
    with pytest.raises(StorageFull) as err:
        for _i in range(200):
            repo.add_session(method="nominal_group", question="x" * 3000)
    assert "lleno" in str(err.value)
    count_after_failure = len(repo.sessions())
    repo.close()
    with Repo.open(db_path) as again:
        assert again.session(first).question == "¿Lo primero?"
        assert len(again.sessions()) == count_after_failure
        assert again.pf.integrity() == "ok"
        assert again.pf.verify_journal().ok


def test_missing_file_message(tmp_path):
    with pytest.raises(StorageError) as err:
        open_process(tmp_path / "no-existe.cocrea.db")
    assert "No existe" in str(err.value)


def test_create_refuses_to_overwrite(repo, db_path):
    repo.close()
    with pytest.raises(StorageError):
        Repo.create(db_path, name="Otro")


def test_backups_rotate_every_n_minutes(repo, db_path, fake_clock):
    repo.pf.backups_kept = 3
    repo.pf.backup_every_s = 600
    start = len(list_backups(db_path))
    repo.add_session(method="nominal_group", question="¿Uno?")
    assert len(list_backups(db_path)) == start  # not yet ten minutes
    for i in range(5):
        fake_clock.advance(601)
        repo.add_session(method="nominal_group", question="¿Otra {}?".format(i))
    backups = list_backups(db_path)
    assert len(backups) == 3
    newest = sqlite3.connect(backups[0].path)
    assert newest.execute("SELECT COUNT(*) FROM session").fetchone()[0] == 6
    newest.close()


def test_backup_failure_never_blocks_work(repo, db_path, data_dir, fake_clock):
    from cocrea_desktop.store.backup import folder_for

    folder = folder_for(db_path)
    if folder.exists():
        import shutil

        shutil.rmtree(folder)
    folder.write_text("a file where the backup folder should be")  # backups now fail
    fake_clock.advance(3600)
    sid, _ = repo.add_session(method="nominal_group", question="¿Sigue funcionando?")
    assert repo.session(sid).question == "¿Sigue funcionando?"
    repo.close()
    with Repo.open(db_path) as again:
        assert again.session(sid)


def test_wal_is_folded_back_on_close(repo, db_path):
    repo.add_session(method="nominal_group", question="¿Qué?")
    repo.close()
    wal = db_path.with_name(db_path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_open_time_on_a_big_file_is_short(tmp_path):
    from cocrea_desktop.store.demo import create_demo

    path = create_demo(tmp_path / "grande.cocrea.db", sessions=200)
    start = time.perf_counter()
    with Repo.open(path) as r:
        assert len(r.sessions()) == 200
    assert time.perf_counter() - start < 5  # sanity only; the benchmark measures


# -- locks held by the kernel, and nothing left beside a refused file ----------------------

HOLD = ("import sys, time; from cocrea_desktop.store.repo import Repo; "
        "r = Repo.open(sys.argv[1]); print('open', flush=True); time.sleep(60)")


def _hold(db_path, data_dir) -> subprocess.Popen:
    child = subprocess.Popen([PYTHON, "-c", HOLD, str(db_path)], env=child_env(data_dir),
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "open"
    return child


def test_a_killed_holder_frees_the_lock_even_if_its_pid_is_reused(db_path, repo, data_dir):
    """kill -9: the kernel frees the lock; a lock file naming a live program blocks nothing."""
    import json
    import os
    import signal

    from cocrea_desktop.store.lock import holder, lock_path

    repo.close()
    child = _hold(db_path, data_dir)
    try:
        info = holder(db_path)
        assert info is not None and info["pid"] == child.pid
        with pytest.raises(FileLocked):
            open_process(db_path)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    assert holder(db_path) is None
    # A lock file left behind naming a process that now runs another program (here:
    # this very test's parent, alive) does not block: only the kernel's lock counts.
    import socket

    lock_path(db_path).write_text(json.dumps({"pid": os.getppid(),
                                              "host": socket.gethostname()}), "utf-8")
    with Repo.open(db_path) as again:
        assert again.process().name
        # ... and while it is open, a second opener is refused.
        with pytest.raises(FileLocked):
            open_process(db_path)
    assert not lock_path(db_path).exists()  # closing leaves nothing beside the file


def test_cli_force_opens_a_locked_file_with_a_warning(db_path, repo, data_dir):
    repo.close()
    child = _hold(db_path, data_dir)
    try:
        args = [PYTHON, "-m", "cocrea_desktop", "session", "add", str(db_path),
                "--method", "nominal_group", "--question", "¿Qué falta?"]
        refused = subprocess.run(args, env=child_env(data_dir), capture_output=True, text=True)
        assert refused.returncode != 0
        assert "ya está abierto" in refused.stderr and "--force" in refused.stderr
        assert "Traceback" not in refused.stderr
        forced = subprocess.run([PYTHON, "-m", "cocrea_desktop", "--force", *args[3:]],
                                env=child_env(data_dir), capture_output=True, text=True)
        assert forced.returncode == 0, forced.stderr
        assert "Aviso" in forced.stderr and "--force" not in forced.stdout
    finally:
        child.kill()
        child.wait()
    with Repo.open(db_path, read_only=True) as reader:
        assert [s.question for s in reader.sessions()] == ["¿Qué falta?"]


def test_a_refused_damaged_file_leaves_no_wal_or_shm_beside_it(repo, db_path):
    for i in range(30):
        repo.add_session(method="fishbowl", question="Pregunta número {}".format(i) * 20)
    repo.close()
    data = bytearray(db_path.read_bytes())
    for offset in range(2 * 4096, len(data) - 16, 4096):
        data[offset + 8: offset + 200] = b"\xff" * 192
    db_path.write_bytes(bytes(data))
    before = sorted(p.name for p in db_path.parent.iterdir())
    for read_only in (False, True):
        with pytest.raises((CorruptFile, NotAProcessFile)):
            open_process(db_path, read_only=read_only)
        assert sorted(p.name for p in db_path.parent.iterdir()) == before
