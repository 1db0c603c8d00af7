"""One running program per process file: an operating-system lock on a file beside it.

SQLite itself lets several programs open the file; two facilitators' windows
writing the same process would confuse everyone, so the program holds an
exclusive lock on ``<file>.lock`` while the process is open for writing. The
lock is the kernel's (``fcntl.flock`` on Linux and macOS, ``msvcrt.locking`` on
Windows, as SQLite does for its own locks), not the file's existence: when the
program ends in any way, killed or crashed included, the kernel releases it, so
a lock is never stale and a process id reused by another program blocks nothing.
The file holds the holder's process id and host name, only for messages.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from pathlib import Path


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _host() -> str:
    try:
        return socket.gethostname()
    except OSError:
        return ""


def _try_lock(fd: int) -> bool:
    """Take the exclusive lock on ``fd`` without waiting; False if someone holds it."""
    if sys.platform == "win32":  # pragma: no cover - tested on Windows only
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as err:
        if err.errno in (11, 13, 35):  # EAGAIN, EACCES, EWOULDBLOCK (macOS)
            return False
        raise
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        return
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_UN)
    except OSError:
        pass


def _same_file(fd: int, path: Path) -> bool:
    """Whether ``path`` still names the file open as ``fd`` (not removed and re-made)."""
    try:
        a, b = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def holder(db_path: Path) -> dict | None:
    """Who holds the lock now (``None`` if nobody does)."""
    path = lock_path(db_path)
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return None
    try:
        if _try_lock(fd):
            _unlock(fd)
            return None
        try:
            return json.loads(path.read_text("utf-8") or "{}") or {"pid": 0, "host": ""}
        except (OSError, ValueError):
            return {"pid": 0, "host": ""}
    finally:
        os.close(fd)


class FileLock:
    """Held while a process file is open for writing."""

    def __init__(self, db_path: Path) -> None:
        self.path = lock_path(db_path)
        self.held = False
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock; False if another running program holds it (OSError if unwritable)."""
        for _attempt in range(5):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            if not _try_lock(fd):
                os.close(fd)
                return False
            if not _same_file(fd, self.path):
                # Its holder removed it between our open and our lock: try the new one.
                _unlock(fd)
                os.close(fd)
                continue
            payload = json.dumps({"pid": os.getpid(), "host": _host()}).encode("utf-8")
            try:
                if sys.platform == "win32":  # pragma: no cover - byte 0 is locked there
                    os.lseek(fd, 1, os.SEEK_SET)
                else:
                    os.ftruncate(fd, 0)
                    os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, payload)
            except OSError:
                pass  # the payload is only for messages; the kernel's lock is what counts
            self._fd = fd
            self.held = True
            return True
        return False

    def break_(self) -> None:
        """Remove a lock the user says is left over (e.g. a laptop that died holding it on a
        shared folder). A program still running keeps its lock on the removed file, so this
        is only for the user's explicit "open anyway"."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass

    def release(self) -> None:
        if self.held and self._fd is not None:
            try:
                if _same_file(self._fd, self.path):
                    self.path.unlink()
            except OSError:
                pass
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None
            self.held = False
