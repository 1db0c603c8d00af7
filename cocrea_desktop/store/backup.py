"""Rolling backups of process files in the user's data directory.

A backup is a complete, consistent copy made with SQLite's backup API (never a
copy of a live file and its WAL). Backups are kept per file name; the oldest
beyond ``keep`` are removed.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from cocrea_desktop.store.paths import PROCESS_SUFFIX, backups_dir


def _stem(path: Path) -> str:
    name = path.name
    return name[: -len(PROCESS_SUFFIX)] if name.endswith(PROCESS_SUFFIX) else path.stem


def folder_for(path: Path) -> Path:
    return backups_dir() / _stem(path)


def fingerprint(conn: sqlite3.Connection) -> tuple:
    """What a file holds, in short: its journal's head (every change is journaled), its
    migrations and its devices (the two things written outside the journal)."""
    head = conn.execute("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1").fetchone()
    return (tuple(head) if head else None,
            conn.execute("SELECT COUNT(*) FROM _sqlite_migrations").fetchone()[0],
            conn.execute("SELECT COUNT(*) FROM device").fetchone()[0])


def latest_fingerprint(path: Path) -> tuple | None:
    """The fingerprint of the newest backup of ``path`` (None: none, or unreadable)."""
    for info in list_backups(path)[:1]:
        try:
            conn = sqlite3.connect(f"{info.path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                return fingerprint(conn)
            finally:
                conn.close()
        except sqlite3.Error:
            return None
    return None


def backup_file(path: Path, *, keep: int = 10, when: float | None = None) -> Path | None:
    """Back up the process file at ``path`` through a connection of its own (so any thread
    may run it), in one read snapshot; None when the newest backup already holds the same."""
    src = sqlite3.connect(str(path), isolation_level=None, timeout=5)
    try:
        src.execute("BEGIN")  # one snapshot: what is compared is what is copied
        if fingerprint(src) == latest_fingerprint(path):
            return None
        return make_backup(src, path, keep=keep, when=when)
    finally:
        src.close()


def make_backup(conn: sqlite3.Connection, path: Path, *, keep: int = 10,
                when: float | None = None) -> Path:
    """Copy the open database to a new timestamped backup; prune old ones."""
    moment = dt.datetime.fromtimestamp(when, tz=dt.UTC) if when else \
        dt.datetime.now(dt.UTC)
    folder = folder_for(path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = moment.strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{_stem(path)}.{stamp}{PROCESS_SUFFIX}"
    tmp = target.with_name(target.name + ".part")
    dest = sqlite3.connect(str(tmp))
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    tmp.replace(target)
    for old in list_backups(path)[keep:]:
        try:
            old.path.unlink()
        except OSError:
            pass
    return target


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime
    size: int


def list_backups(path: Path) -> list[BackupInfo]:
    """Backups of ``path``, newest first."""
    folder = folder_for(Path(path))
    if not folder.exists():
        return []
    found = []
    for item in folder.glob(f"*{PROCESS_SUFFIX}"):
        stamp = item.name[: -len(PROCESS_SUFFIX)].rsplit(".", 1)[-1]
        try:
            taken = dt.datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=dt.UTC)
        except ValueError:
            continue
        found.append(BackupInfo(item, taken, item.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def restore_backup(backup: Path, target: Path) -> Path:
    """Copy a backup to ``target`` (a new file; never over an existing one)."""
    if target.exists():
        raise FileExistsError(target)
    src = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    dest = sqlite3.connect(str(target))
    try:
        src.backup(dest)
    finally:
        src.close()
        dest.close()
    return target


def recover_copy(backup: Path, original: Path) -> Path:
    """Restore ``backup`` as a new file beside ``original`` (or in the data folder).

    The damaged original is left as it is, for whoever wants to examine it.
    """
    from cocrea_desktop.store.paths import processes_dir

    stamp = dt.datetime.now().strftime("%Y-%m-%d %H%M%S")
    name = f"{_stem(original)} (recuperado {stamp}){PROCESS_SUFFIX}"
    for folder in (original.parent, processes_dir()):
        target = folder / name
        try:
            return restore_backup(backup, target)
        except (OSError, sqlite3.Error):
            if target.exists():
                target.unlink()
            continue
    raise OSError(name)
