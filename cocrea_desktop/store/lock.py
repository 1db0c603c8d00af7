"""One running program per process file: a lock file beside it.

SQLite itself lets several programs open the file; two facilitators' windows
writing the same process would confuse everyone, so the program takes a lock
file (``<file>.lock``) holding its process id and host name. A lock left by a
program that was killed (its process id no longer runs on this host) is stale
and taken over.
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _host() -> str:
    try:
        return socket.gethostname()
    except OSError:
        return ""


def holder(db_path: Path) -> dict | None:
    """Who holds the lock now (``None`` if nobody alive does)."""
    path = lock_path(db_path)
    try:
        info = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if info.get("host") == _host() and not _pid_alive(int(info.get("pid", 0))):
        return None
    return info


class FileLock:
    """Held while a process file is open for writing."""

    def __init__(self, db_path: Path) -> None:
        self.path = lock_path(db_path)
        self.held = False

    def acquire(self) -> bool:
        """Take the lock; False if another live program holds it (OSError if unwritable)."""
        payload = json.dumps({"pid": os.getpid(), "host": _host()})
        db_path = self.path.with_name(self.path.name[: -len(".lock")])
        for _attempt in range(2):
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                if holder(db_path) is not None:
                    return False
                try:
                    self.path.unlink()  # stale: the program that held it is gone
                except FileNotFoundError:
                    pass
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(payload)
            self.held = True
            return True
        return False

    def break_(self) -> None:
        """Remove a lock the user says is left over (e.g. from another laptop that died)."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass

    def release(self) -> None:
        if self.held:
            try:
                self.path.unlink()
            except OSError:
                pass
            self.held = False
