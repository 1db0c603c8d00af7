"""Check a process file without changing it: integrity and the journal chain."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cocrea_desktop.store.db import open_process


def verify_file(path: Path) -> dict[str, Any]:
    """Open read-only, run ``PRAGMA integrity_check`` and verify the journal's hash chain."""
    pf = open_process(path, read_only=True)
    try:
        integrity = pf.integrity()
        chain = pf.verify_journal()
    finally:
        pf.close()
    return {
        "file": str(path),
        "integrity": integrity,
        "journal_ok": chain.ok,
        "journal_entries": chain.count,
        "journal_head": chain.head,
        "journal_bad_seq": chain.bad_seq,
        "journal_problem": chain.reason,
        "ok": integrity == "ok" and chain.ok,
    }
