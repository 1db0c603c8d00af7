"""The evidence trail: an append-only, hash-chained log of every change.

Each entry's hash covers the previous entry's hash and the entry's own fields
in a canonical JSON form, so changing, removing or reordering any entry breaks
every hash after it. This module is pure: the store writes and reads the rows.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64

#: The fields an entry's hash covers, in this order.
HASHED_FIELDS = (
    "seq", "at", "device_id", "txn", "action", "object_type", "object_id", "before", "after",
)


def canonical_json(value: Any) -> str:
    """JSON with sorted keys and no spaces: the same value always gives the same text."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(prev_hash: str, entry: Mapping[str, Any]) -> str:
    """The SHA-256 (hex) of the previous hash and the entry's hashed fields."""
    body = canonical_json({name: entry.get(name) for name in HASHED_FIELDS})
    return hashlib.sha256((prev_hash + "\n" + body).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainReport:
    """The result of checking a journal: ``ok``, how many entries, and the first bad one."""

    ok: bool
    count: int
    head: str
    bad_seq: int | None = None
    reason: str = ""


def verify_chain(entries: Iterable[Mapping[str, Any]]) -> ChainReport:
    """Recompute every hash in order; report the first entry that does not match."""
    prev = GENESIS
    count = 0
    expected_seq = None
    for entry in entries:
        seq = entry.get("seq")
        if expected_seq is not None and seq != expected_seq:
            return ChainReport(False, count, prev, seq, "gap")
        if entry.get("prev_hash") != prev:
            return ChainReport(False, count, prev, seq, "prev_hash")
        if entry_hash(prev, entry) != entry.get("hash"):
            return ChainReport(False, count, prev, seq, "hash")
        prev = entry["hash"]
        count += 1
        expected_seq = (seq or 0) + 1
    return ChainReport(True, count, prev)
