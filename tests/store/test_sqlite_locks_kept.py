"""The program never drops SQLite's locks on a process file it has open.

On Linux and macOS, closing any descriptor of a file releases every POSIX lock the
process holds on that file. Opening a process a second time in the same program (the
export's and the reports' background reads open it read-only) read its header with
Python's open() and closed it: the window's connection lost its locks, so another
program (a database browser, a backup tool) could checkpoint and delete the WAL under
it; the next report failed with "disk I/O error" and later changes stayed only in
memory until the window closed.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import pytest

from cocrea_desktop.store.db import held_open
from cocrea_desktop.store.repo import Repo

pytestmark = pytest.mark.skipif(not Path("/proc/locks").exists(),
                                reason="reads the kernel's lock table (/proc/locks)")


def locks_held(path: Path) -> int:
    """How many POSIX locks this process holds on ``path`` (the kernel's own table)."""
    inode, pid = os.stat(path).st_ino, str(os.getpid())
    held = 0
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if "->" in fields:  # a waiting request
            continue
        if fields[1] == "POSIX" and fields[4] == pid and \
                fields[5].rsplit(":", 1)[-1] == str(inode):
            held += 1
    return held


def test_a_second_read_only_open_keeps_the_windows_locks(tmp_path):
    path = tmp_path / "oficina.cocrea.db"
    Repo.create(path, name="PAL Teotitlán").close()
    repo = Repo.open(path)
    try:
        repo.pf.scalar("SELECT COUNT(*) FROM session")  # a read: SQLite takes its locks
        before = locks_held(path)
        assert before > 0 and held_open(path)
        with Repo.open(path, read_only=True) as again:  # what a background task does
            assert again.pf.scalar("SELECT COUNT(*) FROM process") == 1
        assert locks_held(path) == before
        # Another program now opens and closes the file: the WAL stays, because the
        # window still holds its locks, and the window goes on writing.
        other = sqlite3.connect(path)
        other.execute("SELECT COUNT(*) FROM process").fetchone()
        other.close()
        assert Path(str(path) + "-wal").exists()
        repo.pf.scalar("SELECT COUNT(*) FROM session")
    finally:
        repo.close()
    assert not held_open(path)


@pytest.mark.skipif(sys.platform != "linux", reason="Linux's lock table")
def test_after_closing_the_file_is_no_longer_held(tmp_path):
    path = tmp_path / "mesa.cocrea.db"
    Repo.create(path, name="PAL").close()
    first = Repo.open(path, read_only=True)
    second = Repo.open(path, read_only=True)
    first.close()
    assert held_open(path)  # the second still has it
    second.close()
    assert not held_open(path)
