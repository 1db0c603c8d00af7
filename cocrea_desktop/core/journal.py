"""The evidence trail: an append-only, hash-chained log of every change.

Each entry's hash covers the previous entry's hash and the entry's own fields
in a canonical JSON form, so changing, removing or reordering any entry breaks
every hash after it. This module is pure: the store writes and reads the rows.

An entry keeps what changed, not whole rows: an insert keeps the new row (``after``)
and a removal the row removed (``before``), but an update keeps, in ``before`` and
``after``, only the fields that changed, each marked ``{"$diff": true, ...}``
(:func:`diff_images`). Entries written before this rule keep their whole rows and
stay valid: the hash covers whatever an entry holds. :func:`replay` rebuilds every
version of a row from its entries, whole or not.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64

#: The fields an entry's hash covers, in this order.
HASHED_FIELDS = (
    "seq", "at", "device_id", "txn", "action", "object_type", "object_id", "before", "after",
)


#: The key that marks a row image holding only the fields an update changed.
DIFF = "$diff"


def _json_default(value: Any) -> Any:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"$bytes": base64.b64encode(bytes(value)).decode()}
    raise TypeError(type(value).__name__)


_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                            default=_json_default)


#: JSON with sorted keys and no spaces: the same value always gives the same text.
#: UTF-8 is kept as is; bytes are written ``{"$bytes": base64}``. The one canonical
#: encoder of the program (journal hashes, bundles, merge comparisons), called directly
#: (it runs for every row of every bundle).
canonical_json: Callable[[Any], str] = _ENCODER.encode

_encode_str = json.encoder.encode_basestring  # what _ENCODER does with a str


def scalar_json(value: Any) -> str:
    """``canonical_json`` of a str or an int, without the encoder's overhead."""
    kind = type(value)
    if kind is str:
        return _encode_str(value)
    if kind is int:
        return int.__repr__(value)
    return _ENCODER.encode(value)


def entry_hash(prev_hash: str, entry: Mapping[str, Any]) -> str:
    """The SHA-256 (hex) of the previous hash and the entry's hashed fields."""
    body = canonical_json({name: entry.get(name) for name in HASHED_FIELDS})
    return hashlib.sha256((prev_hash + "\n" + body).encode("utf-8")).hexdigest()


def entry_hash_text(prev_hash: str, *, seq: int, at: str, device_id: str, txn: str,
                    action: str, object_type: str, object_id: str, before_text: str,
                    after_text: str) -> str:
    """:func:`entry_hash` with ``before``/``after`` already canonical (``"null"`` when absent).

    The store encodes each image once, to keep it and to hash it; the body is the same
    text ``canonical_json`` gives for the whole entry (keys in sorted order).
    """
    enc = scalar_json
    body = ('{"action":' + enc(action) + ',"after":' + after_text + ',"at":' + enc(at)
            + ',"before":' + before_text + ',"device_id":' + enc(device_id)
            + ',"object_id":' + enc(object_id) + ',"object_type":' + enc(object_type)
            + ',"seq":' + enc(seq) + ',"txn":' + enc(txn) + "}")
    return hashlib.sha256((prev_hash + "\n" + body).encode("utf-8")).hexdigest()


# -- what changed -----------------------------------------------------------------------
def is_diff(image: Any) -> bool:
    """Whether a journal image holds only the fields an update changed."""
    return isinstance(image, Mapping) and image.get(DIFF) is True


def diff_images(before: Mapping[str, Any], after: Mapping[str, Any]
                ) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The fields an update changed: (their values before, their values after), marked.

    ``None`` when the two images do not have the same fields (the whole rows are then
    kept, as before this rule).
    """
    if before.keys() != after.keys():
        return None
    old: dict[str, Any] = {DIFF: True}
    new: dict[str, Any] = {DIFF: True}
    for key, value in after.items():
        if before[key] != value:
            old[key] = before[key]
            new[key] = value
    return old, new


def apply_image(state: Mapping[str, Any] | None, image: Mapping[str, Any] | None
                ) -> dict[str, Any] | None:
    """The row after an entry, given the row before it (``None``: absent or unknown).

    A whole image is the row itself; a diff changes the fields it names (and gives
    ``None`` when the row before it is unknown).
    """
    if image is None:
        return None
    if is_diff(image):
        if state is None:
            return None
        new = dict(state)
        new.update((k, v) for k, v in image.items() if k != DIFF)
        return new
    return dict(image)


def replay(entries: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Every version of one row that its journal entries show, oldest first.

    ``entries`` are one object's entries in ``seq`` order, whole images or diffs. A
    whole ``before`` is a version (an old entry, a removal); each ``after`` gives the
    next one. A diff whose row is unknown (its insert is not in these entries) gives
    nothing until a whole image comes. The images are shared, not copied: read them only.
    """
    found: list[Mapping[str, Any]] = []
    state: Mapping[str, Any] | None = None
    for entry in entries:
        before, after = entry.get("before"), entry.get("after")
        if isinstance(before, Mapping) and not is_diff(before):
            if state is None or state != before:
                found.append(before)
            state = before
        if after is None:
            state = None
            continue
        if not isinstance(after, Mapping):
            continue
        state = apply_image(state, after) if is_diff(after) else after
        if state is not None:
            found.append(state)
    return found


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
