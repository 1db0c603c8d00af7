"""Writing a file so that a crash, a full disk or a pulled stick never leaves half of it.

The bytes go to a new temporary file in the target's folder (readable by the user
only, as ``mkstemp`` makes it), are flushed and synced to the disk, and only then
take the file's name: whoever reads the name sees the old file or the whole new
one. On any failure the temporary file is removed and the error goes on.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_temp_beside(data: bytes, path: str | os.PathLike[str], *, prefix: str = ".tmp-",
                      suffix: str = ".tmp") -> Path:
    """Write ``data`` to a new temporary file in ``path``'s folder, synced; return its path.

    For a caller that names the file later (or links it: see ``store/device.py``);
    most callers want :func:`write_atomically`.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
    except BaseException:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise
    return Path(tmp_name)


def write_atomically(data: bytes, path: str | os.PathLike[str], *, prefix: str = ".tmp-",
                     suffix: str = ".tmp") -> Path:
    """Write to a temporary name, flush, fsync, then rename (a crash never leaves half a file)."""
    target = Path(path)
    tmp = write_temp_beside(data, target, prefix=prefix, suffix=suffix)
    try:
        os.replace(tmp, target)
    except BaseException:
        if tmp.exists():
            tmp.unlink()
        raise
    return target
