"""A session's history (phases, timers, the privacy notice) wherever it happened.

The history is written in the journal of the laptop that ran the session; the journal
does not merge, so an import copies the bundle's history entries into ``session_event``
rows (one per entry, ``id`` = the entry's hash). :func:`events` gives a session's
history from both, each entry once, in time order: the same list on the table laptop
and at the office after its bundle was imported.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from cocrea_desktop.core import journal as journal_core

#: Journal actions that are part of a session's story (an undo or redo of them too).
EVENT_PREFIXES = ("phase.", "timer.", "attendance.notice_read")


def _is_event_action(action: str) -> bool:
    for prefix in ("undo:", "redo:"):
        if action.startswith(prefix):
            action = action[len(prefix):]
    return action.startswith(EVENT_PREFIXES)


def session_of(entry: Mapping[str, Any]) -> str | None:
    """The session a journal entry tells about, or ``None`` when it is no history event."""
    if not _is_event_action(str(entry.get("action") or "")):
        return None
    kind, object_id = entry.get("object_type"), str(entry.get("object_id") or "")
    if kind == "session":
        return object_id or None
    if kind == "timer" and ":" in object_id:
        return object_id.split(":", 1)[0] or None
    return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return journal_core.canonical_json(value)


def rows_from_journal(entries: Iterable[Mapping[str, Any]], sessions: set[str],
                      known: set[str]) -> list[dict[str, Any]]:
    """``session_event`` rows for the history entries of ``sessions`` in a bundle's
    journal, leaving out the entries whose hash is in ``known`` (already here)."""
    rows = []
    for entry in entries:
        sid = session_of(entry)
        digest = str(entry.get("hash") or "")
        if sid is None or sid not in sessions or not digest or digest in known:
            continue
        at = str(entry.get("at") or "")
        rows.append({"id": digest, "session_id": sid, "at": at,
                     "action": str(entry["action"]), "object_type": str(entry["object_type"]),
                     "object_id": str(entry["object_id"]),
                     "before": _text(entry.get("before")), "after": _text(entry.get("after")),
                     "created_at": at, "updated_at": at,
                     "device_id": str(entry.get("device_id") or "")})
    return rows


def local_hashes(pf, hashes: Iterable[str]) -> set[str]:
    """Which of ``hashes`` are entries of this file's own journal."""
    wanted = list(dict.fromkeys(hashes))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(r["hash"] for r in pf.query(
            f"SELECT hash FROM journal WHERE hash IN ({marks})", chunk))
    return found


def events(pf, session_id: str) -> list[dict[str, Any]]:
    """The session's history entries (``at, action, object_type, object_id, before,
    after`` with ``before``/``after`` parsed), from this journal and from the
    ``session_event`` rows imported, each once, in time order."""
    rows = pf.query(
        "SELECT hash AS id, seq, at, action, object_type, object_id, before, after FROM journal "
        "WHERE (object_type = 'session' AND object_id = ?) "
        "OR (object_type = 'timer' AND object_id LIKE ?) ORDER BY seq",
        [session_id, session_id + ":%"])
    found = [r for r in rows if session_of(r) == session_id]
    seen = {r["id"] for r in found}
    has_table = pf.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                          "AND name = 'session_event'")
    if has_table:
        for r in pf.query("SELECT id, 0 AS seq, at, action, object_type, object_id, before, after "
                          "FROM session_event WHERE session_id = ? ORDER BY at, id",
                          [session_id]):
            if r["id"] not in seen:
                seen.add(r["id"])
                found.append(r)
    out = []
    for r in found:
        item = dict(r)
        for key in ("before", "after"):
            try:
                item[key] = json.loads(r[key]) if r[key] else None
            except ValueError:
                item[key] = None
        out.append(item)
    out.sort(key=lambda e: str(e["at"]))  # stable: the journal's order within one instant
    return out


def digest_items(pf, session_id: str) -> list[Any]:
    """What a session's data hash covers of its history: every event, without where it
    was stored (the same list on the table laptop and at the office)."""
    return [[e["at"], e["action"], e["object_type"], e["object_id"], e["before"], e["after"]]
            for e in events(pf, session_id)]
