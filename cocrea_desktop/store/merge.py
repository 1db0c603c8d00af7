"""Merging rows that came from another laptop into the open process.

The rule, row by row (same ``id``):

* absent here -> **added** (unless a unique key clashes: a *duplicate* conflict);
* equal -> **unchanged**;
* the incoming version is one this file already had (its journal, or a version
  it recorded as superseded) -> **unchanged**: ours is newer;
* our version is one the incoming side already had (the bundle's journal)
  -> **updated**: theirs descends from ours (fast-forward);
* otherwise both sides edited the row -> **conflict**: the version with the later
  ``updated_at`` (then ``device_id``, then its canonical text) stands in the table
  for now, so that merging A then B and B then A give the same data, and both
  versions are kept in ``merge_conflict`` until a person chooses.

Rows absent from a bundle are left alone (a bundle never deletes). Everything
is written through :meth:`ProcessFile.write`, so a merge is one journaled
transaction. Versions are compared as the journal stores them: personal fields
as a hash (see ``db.redact``).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from cocrea_desktop.core import journal as journal_core
from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.errors import InvalidInput, NotFound, RuleViolation
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.store.db import ProcessFile, Unit, redact
from cocrea_desktop.store.migrations import PERSONAL_FIELDS

#: Local bookkeeping that never travels in a bundle.
LOCAL_TABLES = frozenset({"journal", "key_trust", "bundle_import", "merge_conflict"})
#: Journal ``object_type`` of notes listing versions a row is known to have had.
HISTORY = "row_history"
#: Journal ``object_type`` of notes recording that a row was removed on another laptop.
TOMBSTONE = "row_tombstone"
#: A ballot whose serial was also entered on another laptop: counted by no one until a
#: person chooses which entry counts (the other becomes ``duplicate``).
DISPUTED = "disputed"
DUPLICATE = "duplicate"
#: Tables merged by "insert if missing, keep the earliest" (devices: no ``updated_at``).
INSERT_ONLY = frozenset({"device"})
FIRST_TABLES = ("process", "device", "session")

KEEP = "keep"
OTHER = "other"


class IncompatibleData(InvalidInput):
    """Incoming rows name a table or a field this program does not have."""


# -- values -----------------------------------------------------------------------
#: Sorted keys, no spaces, UTF-8 kept; bytes as ``{"$bytes": base64}``: the program's one
#: canonical encoder, ``core.journal.canonical_json``.
canonical = journal_core.canonical_json


def decode_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """A row read from JSON, with ``{"$bytes": ...}`` values back as bytes."""
    out = {}
    for key, value in row.items():
        if isinstance(value, dict) and set(value) == {"$bytes"}:
            value = base64.b64decode(value["$bytes"])
        out[key] = value
    return out


def personal_fields(table: str) -> tuple[str, ...]:
    return tuple(PERSONAL_FIELDS.get(table, ()))


def row_key(table: str, row: Mapping[str, Any] | None, drop: Iterable[str] = ()) -> str:
    """The comparable text of a live row (personal fields hashed, as in the journal)."""
    if row is None:
        return "null"
    clean = redact(table, dict(row)) or {}
    for name in drop:
        clean.pop(name, None)
    return canonical(clean)


def journal_key(image: Mapping[str, Any] | None, drop: Iterable[str] = ()) -> str:
    """The comparable text of a row image taken from a journal (already redacted)."""
    if image is None:
        return "null"
    clean = dict(image)
    for name in drop:
        clean.pop(name, None)
    return canonical(clean)


# -- schema -------------------------------------------------------------------------
def columns(conn, table: str) -> list[str]:
    return [c[1] for c in conn.execute(f"PRAGMA table_info({table})")]


def data_tables(conn) -> list[str]:
    """Tables that travel in bundles: every table with an ``id``, minus local bookkeeping."""
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return [n for n in names if not n.startswith(("_", "sqlite_")) and n not in LOCAL_TABLES
            and "id" in columns(conn, n)]


def foreign_keys(conn, table: str) -> list[tuple[str, str]]:
    """(column, parent table) for each foreign key of ``table``."""
    return [(r[3], r[2]) for r in conn.execute(f"PRAGMA foreign_key_list({table})")]


def merge_order(conn, tables: Iterable[str], fks: Callable[[str], list] | None = None
                ) -> list[str]:
    """Parents before children (foreign keys), otherwise by name."""
    fks = fks or (lambda table: foreign_keys(conn, table))
    todo = sorted(set(tables), key=lambda t: (t not in FIRST_TABLES,
                                              FIRST_TABLES.index(t) if t in FIRST_TABLES else 0,
                                              t))
    done: list[str] = []
    while todo:
        for table in todo:
            parents = {p for _c, p in fks(table) if p != table and p in todo}
            if not parents:
                done.append(table)
                todo.remove(table)
                break
        else:  # a cycle: keep the remaining order (foreign keys are deferred anyway)
            done += todo
            break
    return done


_PARTIAL = re.compile(r"WHERE\s+(\w+)\s*!=\s*''\s*$", re.IGNORECASE)


def unique_keys(conn, table: str) -> list[tuple[tuple[str, ...], str | None]]:
    """Unique indexes other than the primary key: (columns, column that must be non-empty)."""
    found = []
    for index in conn.execute(f"PRAGMA index_list({table})").fetchall():
        name, unique, origin, partial = index[1], index[2], index[3], index[4]
        if not unique or origin == "pk":
            continue
        cols = tuple(r[2] for r in conn.execute(f"PRAGMA index_info({name})"))
        when = None
        if partial:
            sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [name]).fetchone()
            match = _PARTIAL.search((sql[0] or "").strip()) if sql else None
            when = match.group(1) if match else None
        found.append((cols, when))
    return found


class Schema:
    """The schema facts a merge reads, asked once per open file (not once per bundle).

    Kept in ``ProcessFile.cache`` and dropped when ``PRAGMA schema_version`` changes.
    """

    def __init__(self, conn) -> None:
        self.conn = conn
        self._memo: dict[tuple[str, str], Any] = {}

    @classmethod
    def of(cls, pf: ProcessFile) -> Schema:
        version = pf.scalar("PRAGMA schema_version")
        cached = pf.cache.get("merge.schema")
        if cached is None or cached[0] != version or cached[1].conn is not pf.conn:
            cached = (version, cls(pf.conn))
            pf.cache["merge.schema"] = cached
        return cached[1]

    def _get(self, kind: str, table: str, compute: Callable[[], Any]) -> Any:
        key = (kind, table)
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def data_tables(self) -> list[str]:
        return list(self._get("tables", "", lambda: data_tables(self.conn)))

    def columns(self, table: str) -> list[str]:
        return list(self._get("columns", table, lambda: columns(self.conn, table)))

    def foreign_keys(self, table: str) -> list[tuple[str, str]]:
        return list(self._get("fks", table, lambda: foreign_keys(self.conn, table)))

    def unique_keys(self, table: str) -> list[tuple[tuple[str, ...], str | None]]:
        return list(self._get("uniques", table, lambda: unique_keys(self.conn, table)))

    def merge_order(self, tables: Iterable[str]) -> list[str]:
        return merge_order(self.conn, tables, self.foreign_keys)


# -- history: which versions of a row a side has known ------------------------------
class History:
    """Row versions seen in a journal (a bundle's, as parsed JSON entries)."""

    def __init__(self, entries: Iterable[Mapping[str, Any]] = ()) -> None:
        self._by_object: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
        for entry in entries:
            key = (str(entry.get("object_type")), str(entry.get("object_id")))
            self._by_object.setdefault(key, []).append(entry)
        #: Rows with a note of versions (``table:id``), asked for every incoming row.
        self._noted = {i for t, i in self._by_object if t == HISTORY}

    def images(self, table: str, row_id: str) -> list[Mapping[str, Any]]:
        """Every version of the row this journal shows (rebuilt from its entries, whole
        rows or only the fields that changed, see ``core.journal.replay``)."""
        found: list[Mapping[str, Any]] = list(
            journal_core.replay(self._by_object.get((table, row_id), ())))
        for entry in self._by_object.get((HISTORY, f"{table}:{row_id}"), ()):
            after = entry.get("after")
            if isinstance(after, Mapping):
                found += [i for i in after.get("versions") or () if isinstance(i, Mapping)]
        return found

    def deletions(self) -> dict[tuple[str, str], str]:
        """Rows whose last journal entry removed them: (table, id) -> that entry's hash.

        A tombstone: the row was there and was taken away (an undo, a redo of an
        undo...), so that it travels to other files like any change.
        """
        found = {}
        for (table, row_id), entries in self._by_object.items():
            last = entries[-1]
            if last.get("after") is None and isinstance(last.get("before"), Mapping) \
                    and table not in (HISTORY, TOMBSTONE):
                found[(table, row_id)] = str(last.get("hash") or "")
        return found

    def hashes(self) -> set[str]:
        return {str(e.get("hash")) for entries in self._by_object.values() for e in entries}

    def versions(self, table: str, row_id: str, drop: Iterable[str] = ()) -> set[str]:
        drop = tuple(drop)
        return {journal_key(image, drop) for image in self.images(table, row_id)}

    def older(self, table: str, row: Mapping[str, Any], drop: Iterable[str] = ()
              ) -> list[dict[str, Any]]:
        """Versions other than ``row`` (compared as dicts first: the common case is fast)."""
        drop = tuple(drop)
        entries = self._by_object.get((table, row["id"]), ())
        if len(entries) == 1 and not drop and entries[0].get("before") is None and \
                not (self._noted and f"{table}:{row['id']}" in self._noted):
            # The common case: the row as its one journal entry made it (compared as it
            # is first: a journal image equal to the row needed no redaction).
            after = entries[0].get("after")
            if (after == row and not personal_fields(table)) or \
                    after == (redact(table, row) or {}):
                return []
        current = redact(table, row) or {}
        if drop:
            current = {k: v for k, v in current.items() if k not in drop}
        others = {}
        for image in self.images(table, row["id"]):
            clean = {k: v for k, v in image.items() if k not in drop} if drop else image
            if clean != current:
                others[journal_key(clean)] = dict(clean)
        return [others[k] for k in sorted(others)]


def local_versions(pf: ProcessFile, table: str, row_id: str, drop: Iterable[str] = ()) -> set[str]:
    rows = pf.query(
        "SELECT object_type, object_id, before, after FROM journal WHERE (object_type = ? AND "
        "object_id = ?) OR (object_type = ? AND object_id = ?) ORDER BY seq",
        [table, row_id, HISTORY, f"{table}:{row_id}"])
    for row in rows:
        for name in ("before", "after"):
            row[name] = json.loads(row[name]) if row[name] else None
    return History(rows).versions(table, row_id, drop)


# -- the plan -------------------------------------------------------------------------
@dataclass
class TableCount:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    skipped: int = 0
    deleted: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class PlannedConflict:
    id: str
    table: str
    row_id: str
    current: dict[str, Any]  # the version that stands in the table
    other: dict[str, Any]  # the version kept aside until a person chooses
    kind: str  # "edit" (both sides changed the row) | "duplicate" (a unique key clashes)


@dataclass
class MergePlan:
    """What merging would change; computed without writing anything."""

    counts: dict[str, TableCount] = field(default_factory=dict)
    inserts: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    updates: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    history: list[tuple[str, str, list[dict[str, Any]]]] = field(default_factory=list)
    conflicts: list[PlannedConflict] = field(default_factory=list)
    skipped: list[tuple[str, str, str]] = field(default_factory=list)
    #: Rows removed on the other laptop: (table, id, version here, its journal hash).
    deletes: list[tuple[str, str, dict[str, Any], str]] = field(default_factory=list)
    #: Removals to remember for rows not here: (table, id, journal hash of the removal).
    tombstones: list[tuple[str, str, str]] = field(default_factory=list)
    #: Open conflicts with nothing left to decide (a ballot of the pair was removed).
    closed: list[str] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(self.inserts or self.updates or self.history or self.conflicts
                    or self.deletes or self.tombstones or self.closed)

    def count(self, table: str) -> TableCount:
        return self.counts.setdefault(table, TableCount())

    def totals(self) -> TableCount:
        total = TableCount()
        for c in self.counts.values():
            for name in total.__dict__:
                setattr(total, name, getattr(total, name) + getattr(c, name))
        return total

    def summary(self) -> dict[str, Any]:
        return {"tables": {t: c.as_dict() for t, c in sorted(self.counts.items())},
                "total": self.totals().as_dict(),
                "conflicts": [{"id": c.id, "table": c.table, "row_id": c.row_id,
                               "kind": c.kind} for c in self.conflicts],
                "skipped": [{"table": t, "row_id": i, "reason": r} for t, i, r in self.skipped]}


def conflict_id(table: str, row_id: str, a: str, b: str) -> str:
    first, second = sorted((a, b))
    return hashlib.sha256("\n".join((table, row_id, first, second)).encode()).hexdigest()[:32]


def _winner_key(table: str, row: Mapping[str, Any]) -> tuple[str, str, str]:
    return (str(row.get("updated_at") or ""), str(row.get("device_id") or ""),
            row_key(table, row))


def _fetch(pf: ProcessFile, table: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for row in pf.query(f"SELECT * FROM {table} WHERE id IN ({marks})", chunk):
            found[row["id"]] = row
    return found


def _only_fills_personal(table: str, local: Mapping[str, Any], incoming: Mapping[str, Any]
                         ) -> bool:
    """Incoming only fills in personal fields that are empty here (a keyed re-import).

    A row first merged without its personal values got a fresh ``salt`` here; that
    salt protects nothing yet, so the incoming one may replace it.
    """
    names = personal_fields(table)
    if not names:
        return False
    values = [n for n in names if n != "salt"]
    empty_here = all(local.get(n) in ("", None) for n in values)
    filled = False
    for key, value in incoming.items():
        if local.get(key) == value:
            continue
        if key in values and local.get(key) in ("", None):
            filled = True
            continue
        if key == "salt" and empty_here:
            continue
        return False
    return filled


def _local_tombstones(pf: ProcessFile) -> dict[tuple[str, str], set[str]]:
    """Rows removed here or known removed elsewhere: (table, id) -> hashes of the removals.

    Read from the journal once, then only its new entries at each merge (an import of
    50 bundles reads the journal once, not 50 times). The journal is append-only; a
    rolled-back write is caught by the head's hash, and then it is read again whole.
    """
    head = pf.conn.execute("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1").fetchone()
    cached = pf.cache.get("merge.tombstones")
    since, found = 0, {}
    if cached is not None:
        seq, digest, known = cached
        if seq == 0 or pf.scalar("SELECT hash FROM journal WHERE seq = ?", [seq]) == digest:
            since, found = seq, known
    for object_type, object_id, after, digest in pf.conn.execute(
            "SELECT object_type, object_id, after, hash FROM journal WHERE seq > ? AND "
            "((after IS NULL AND before IS NOT NULL) OR object_type = ?) ORDER BY seq",
            [since, TOMBSTONE]):
        if object_type == TOMBSTONE:
            data = json.loads(after) if after else {}
            table, _sep, row_id = object_id.partition(":")
            found.setdefault((table, row_id), set()).add(str(data.get("hash", "")))
        else:
            found.setdefault((object_type, object_id), set()).add(digest)
    if head is not None:
        pf.cache["merge.tombstones"] = (head[0], head[1], found)
    return found


def plan_merge(pf: ProcessFile, incoming: Mapping[str, list[dict[str, Any]]], history: History,
               *, masked: Mapping[str, Iterable[str]] | None = None) -> MergePlan:
    """Decide, row by row, what merging ``incoming`` (table -> rows) would do.

    ``masked`` names fields whose incoming value is unknown (personal data left out
    of the bundle or sealed without the office key): they are ignored when
    comparing, never overwrite a local value, and new rows get them empty.
    """
    masked = {t: tuple(f) for t, f in (masked or {}).items()}
    schema = Schema.of(pf)
    known_tables = set(schema.data_tables())
    for table, rows in incoming.items():
        if table not in known_tables:
            raise IncompatibleData(_("El paquete trae la tabla «{table}», que este programa no "
                                 "conoce: actualice CoCrea.").format(table=table))
        cols = set(schema.columns(table))
        for row in rows:
            extra = set(row) - cols
            if extra or not isinstance(row.get("id"), str):
                raise IncompatibleData(_("El paquete trae datos que este programa no conoce en "
                                     "«{table}»: actualice CoCrea.").format(table=table))
    plan = MergePlan()
    planned_ids: dict[str, set[str]] = {}
    skipped_ids: dict[str, set[str]] = {}
    exists_cache: dict[tuple[str, str], bool] = {}
    tombstones = _local_tombstones(pf)
    removed = history.deletions()
    their_hashes = history.hashes() if tombstones else set()

    def exists(table: str, row_id: str) -> bool:
        key = (table, row_id)
        if key not in exists_cache:
            exists_cache[key] = pf.scalar(f"SELECT 1 FROM {table} WHERE id = ?", [row_id]) == 1
        return exists_cache[key]

    # Removals first: a row the other laptop removed frees its number or serial for the
    # row that replaced it there (an undone capture, then a new one).
    _plan_removals(pf, plan, history, removed, incoming, tombstones)
    leaving = {(t, i) for t, i, _l, _d in plan.deletes}
    serials = _SerialGroups(pf, [*incoming.get("ballot", ()),
                                 *(local for t, _i, local, _d in plan.deletes if t == "ballot")])
    for table in schema.merge_order(incoming):
        rows = incoming[table]
        count = plan.count(table)
        drop = masked.get(table, ())
        local_rows = _fetch(pf, table, [r["id"] for r in rows])
        fks = schema.foreign_keys(table)
        uniques = schema.unique_keys(table)
        if table == "ballot":  # same serial on two laptops: kept, disputed (see below)
            uniques = [u for u in uniques if "serial" not in u[0]]
        incoming_ids = {r["id"] for r in rows}
        taken: dict[tuple[str, ...], set[tuple]] = {cols: set() for cols, _w in uniques}
        planned = planned_ids.setdefault(table, set())
        for row in rows:
            row_id = row["id"]
            local = local_rows.get(row_id)
            if table == "idea" and not row.get("origin"):
                row["origin"] = row.get("device_id") or ""
            if local is None:
                gone = tombstones.get((table, row_id))
                if gone and not gone & their_hashes:
                    # Removed here (or known removed elsewhere), and this bundle is older
                    # than the removal: it does not come back.
                    count.unchanged += 1
                    skipped_ids.setdefault(table, set()).add(row_id)
                    continue
                reason = _orphan(table, row, fks, incoming_ids, planned_ids, skipped_ids, exists)
                if reason:
                    plan.skipped.append((table, row_id, reason))
                    skipped_ids.setdefault(table, set()).add(row_id)
                    count.skipped += 1
                    continue
                clash = _unique_clash(pf, table, row, uniques, taken, leaving,
                                      planned_ids.get("session", ()))
                if clash is not None:
                    current = {k: clash.get(k) for k in row}
                    cid = conflict_id(table, str(current.get("id") or ""),
                                      row_key(table, current), row_key(table, row))
                    skipped_ids.setdefault(table, set()).add(row_id)
                    if pf.row("merge_conflict", cid) is not None:
                        count.unchanged += 1  # already recorded
                        continue
                    plan.conflicts.append(PlannedConflict(
                        cid, table, str(current.get("id") or ""), current, dict(row),
                        "duplicate"))
                    count.conflicts += 1
                    continue
                new_row = dict(row)
                if table == "ballot":
                    serials.add(new_row)
                plan.inserts.append((table, new_row))
                planned.add(row_id)
                count.added += 1
                if table not in INSERT_ONLY:
                    older = history.older(table, row, drop)
                    if older:
                        plan.history.append((table, row_id, older))
                continue
            if table in INSERT_ONLY:
                # A device row: the earliest sighting wins, so every order gives the same row.
                if row.get("public_key") == local.get("public_key") and \
                        str(row.get("first_seen", "")) < str(local.get("first_seen", "")):
                    plan.updates.append((table, row_id, _without_id(row)))
                    count.updated += 1
                else:
                    count.unchanged += 1
                continue
            mine = {k: local.get(k) for k in row if k not in drop}
            theirs = {k: v for k, v in row.items() if k not in drop}
            mine_key, theirs_key = row_key(table, mine), row_key(table, theirs)
            if mine_key == theirs_key:
                count.unchanged += 1
                continue
            if _only_fills_personal(table, mine, theirs):
                plan.updates.append((table, row_id, _without_id(theirs)))
                count.updated += 1
                continue
            if theirs_key in local_versions(pf, table, row_id, drop):
                count.unchanged += 1
                continue
            theirs_known = history.versions(table, row_id, drop)
            if mine_key in theirs_known:
                plan.updates.append((table, row_id, _without_id(theirs)))
                older = theirs_known - local_versions(pf, table, row_id, drop) - {theirs_key}
                if older:
                    plan.history.append((table, row_id, [json.loads(v) for v in sorted(older)]))
                count.updated += 1
                continue
            # Both sides changed the row: the later edit stands for now; both are kept.
            incoming_wins = _winner_key(table, theirs) > _winner_key(table, mine)
            current, other = (theirs, mine) if incoming_wins else (mine, theirs)
            cid = conflict_id(table, row_id, mine_key, theirs_key)
            if pf.row("merge_conflict", cid) is not None:
                count.unchanged += 1  # already recorded (and maybe already decided)
                continue
            if incoming_wins:
                plan.updates.append((table, row_id, _without_id(theirs)))
            plan.conflicts.append(PlannedConflict(cid, table, row_id, dict(current),
                                                  dict(other), "edit"))
            count.conflicts += 1
    serials.settle(plan, leaving)
    return plan


def _plan_removals(pf: ProcessFile, plan: MergePlan, history: History,
                   removed: Mapping[tuple[str, str], str],
                   incoming: Mapping[str, list[dict[str, Any]]],
                   tombstones: Mapping[tuple[str, str], set[str]]) -> None:
    """Rows the other laptop removed (its journal's last word on them is a removal).

    Here, such a row is removed too when this file's version is one the other
    laptop had (it removed what we have); a row changed here since then stays. A
    removal of a row not here is remembered (a tombstone), so that an older bundle
    that still carries the row does not bring it back, in whatever order they come.
    """
    if not removed:
        return
    present = {(t, r["id"]) for t, rows in incoming.items() for r in rows}
    by_table: dict[str, list[str]] = {}
    for (table, row_id) in removed:
        if (table, row_id) not in present:
            by_table.setdefault(table, []).append(row_id)
    schema = Schema.of(pf)
    known = set(schema.data_tables())
    for table in reversed(schema.merge_order([t for t in by_table if t in known])):
        ids = sorted(by_table[table])
        local_rows = _fetch(pf, table, ids)
        for row_id in ids:
            digest = removed[(table, row_id)]
            local = local_rows.get(row_id)
            if local is None:
                if digest not in tombstones.get((table, row_id), set()):
                    plan.tombstones.append((table, row_id, digest))
                continue
            theirs = history.versions(table, row_id)
            if row_key(table, local) in theirs or (
                    # put in dispute here by a merge (a serial entered twice): still theirs
                    table == "ballot" and local.get("status") == DISPUTED
                    and row_key(table, {**local, "status": "counted"}) in theirs):
                plan.deletes.append((table, row_id, local, digest))
                plan.count(table).deleted += 1


class _SerialGroups:
    """Ballots entered with the same serial on two laptops (one query for the merge).

    Both are kept; every counted one becomes ``disputed`` (counted by no one) and a
    conflict asks a person which entry counts. The result depends only on which
    ballots exist, never on the order in which bundles arrive.
    """

    def __init__(self, pf: ProcessFile, rows: Iterable[Mapping[str, Any]]) -> None:
        self.pf = pf
        self.groups: dict[tuple[str, str, str], dict[str, dict[str, Any]]] = {}
        self.added: list[dict[str, Any]] = []
        sessions = sorted({str(r.get("session_id")) for r in rows if r.get("serial")})
        for start in range(0, len(sessions), 500):
            chunk = sessions[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for row in pf.query(f"SELECT * FROM ballot WHERE serial != '' AND session_id IN "
                                f"({marks})", chunk):
                self._group(row).setdefault(row["id"], row)

    def _group(self, row: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
        key = (str(row["session_id"]), str(row["round"]), str(row["serial"]))
        return self.groups.setdefault(key, {})

    def add(self, row: dict[str, Any]) -> None:
        """A ballot the plan inserts (the dict the plan holds, changed in place)."""
        if row.get("serial"):
            self.added.append(row)

    def settle(self, plan: MergePlan, leaving: set[tuple[str, str]]) -> None:
        """After the rows are planned: dispute every serial now counted twice."""
        shrunk = []
        for group in self.groups.values():
            for row_id in [i for i in group if ("ballot", i) in leaving]:
                del group[row_id]
                shrunk.append(group)
        planned: dict[str, dict[str, Any]] = {}
        for table, row_id, values in plan.updates:
            if table == "ballot":
                planned.setdefault(row_id, {}).update(values)
        for group in self.groups.values():
            for row_id, row in group.items():
                row.update(planned.get(row_id, {}))
        live = ("counted", DISPUTED)
        for row in self.added:
            group = self._group(row)
            group[row["id"]] = row
            others = {i: r for i, r in group.items() if i != row["id"] and r.get("status")
                      in live}
            if not others or row.get("status") not in live:
                continue
            if row.get("status") != DISPUTED:
                # This file records the version as it came, so that the same bundle
                # again (or a relay of it) is known, not a new edit.
                plan.history.append(("ballot", row["id"], [json.loads(canonical(row))]))
                row["status"] = DISPUTED  # the planned insert holds this same dict
            for other_id, other in sorted(others.items()):
                if other.get("status") == "counted":
                    if other_id in {r["id"] for r in self.added}:
                        plan.history.append(("ballot", other_id,
                                             [json.loads(canonical(other))]))
                    else:
                        plan.updates.append(("ballot", other_id, {"status": DISPUTED}))
                    other["status"] = DISPUTED
                first, second = sorted((row, other), key=lambda r: r["id"])
                cid = conflict_id("ballot", first["id"], first["id"], second["id"])
                if self.pf.row("merge_conflict", cid) is None and \
                        cid not in {c.id for c in plan.conflicts}:
                    plan.conflicts.append(PlannedConflict(
                        cid, "ballot", first["id"], dict(first), dict(second), "serial"))
                    plan.count("ballot").conflicts += 1
        added = {r["id"] for r in self.added}
        for group in shrunk:
            # The other entry was removed on its laptop (an undone capture): the one left
            # is no longer in dispute, and its conflict is closed.
            standing = [r for r in group.values() if r.get("status") in live]
            if len(standing) == 1 and standing[0].get("status") == DISPUTED:
                row = standing[0]
                row["status"] = "counted"
                if row["id"] not in added:
                    plan.updates.append(("ballot", row["id"], {"status": "counted"}))
        if shrunk:
            gone = {i for t, i in leaving if t == "ballot"}
            for c in self.pf.query("SELECT id, local, incoming FROM merge_conflict WHERE "
                                   "status = 'open' AND resolution = 'serial'"):
                ids = {json.loads(c["local"]).get("id"), json.loads(c["incoming"]).get("id")}
                if ids & gone:
                    plan.closed.append(c["id"])


def _without_id(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != "id"}


def _orphan(table, row, fks, incoming_ids, planned_ids, skipped_ids, exists) -> str:
    for col, parent in fks:
        value = row.get(col)
        if value is None:
            continue
        if value in skipped_ids.get(parent, set()):
            return _("su fila de «{parent}» quedó en conflicto").format(parent=parent)
        if parent == table and value in incoming_ids:
            continue
        if value in planned_ids.get(parent, set()) or exists(parent, value):
            continue
        return _("falta su fila de «{parent}»").format(parent=parent)
    return ""


def _unique_clash(pf, table, row, uniques, taken, leaving=frozenset(),
                  new_sessions=()) -> dict[str, Any] | None:
    """A row here (or earlier in the same plan) with the same unique key as ``row``.

    ``new_sessions``: sessions this plan adds; no row here can belong to one of them (its
    session would be here), so a key holding ``session_id`` is not looked up in the file.
    """
    for cols, when in uniques:
        if when and not row.get(when):
            continue
        if any(c not in row for c in cols):
            continue
        values = tuple(row[c] for c in cols)
        if not ("session_id" in cols and row["session_id"] in new_sessions):
            where = " AND ".join(f"{c} = ?" for c in cols)
            found = [r for r in pf.query(f"SELECT * FROM {table} WHERE {where} LIMIT 2",
                                         list(values)) if (table, r["id"]) not in leaving]
            if found:
                return found[0]
        if values in taken[cols]:
            return {"id": ""}
        taken[cols].add(values)
    return None


# -- writing ------------------------------------------------------------------------
def apply_merge(pf: ProcessFile, plan: MergePlan, *, label: Label | str,
                extra: Callable[[Unit], None] | None = None, bundle_id: str = "") -> Changes:
    """Write ``plan`` in one journaled transaction (``extra`` adds more inside it)."""
    with pf.write("bundle.import", label, undoable=False) as unit:
        # Rows arrive parent-first, but an idea may point at a later idea.
        pf.conn.execute("PRAGMA defer_foreign_keys = ON")
        write_plan(unit, plan, bundle_id=bundle_id)
        if extra is not None:
            extra(unit)
    return Changes(label=label, tables=frozenset(unit.tables), ids=frozenset(unit.ids),
                   undoable=False)


def write_plan(unit: Unit, plan: MergePlan, *, bundle_id: str = "") -> None:
    """Write ``plan`` inside an open write (foreign keys deferred by the caller)."""
    pf = unit.pf
    for table, row_id, local, digest in plan.deletes:
        unit.restore(table, row_id, local, None)
        unit.note(TOMBSTONE, f"{table}:{row_id}", {"table": table, "hash": digest})
    unit.notes([(TOMBSTONE, f"{table}:{row_id}", {"table": table, "hash": digest})
                for table, row_id, digest in plan.tombstones])
    # Updates before inserts: a ballot here that stops counting (a choice made at the
    # office, or a dispute) frees its serial for the entry that counts instead. Each
    # run of one table is written in bulk, in the plan's order.
    for table, run in _table_runs(plan.updates, lambda u: u[0]):
        unit.update_many(table, [(row_id, values) for _t, row_id, values in run])
    for table, run in _table_runs(plan.inserts, lambda i: i[0]):
        unit.insert_many(table, [row for _t, row in run])
    unit.notes([(HISTORY, f"{table}:{row_id}", {"table": table, "versions": versions})
                for table, row_id, versions in plan.history])
    for cid in plan.closed:
        unit.update("merge_conflict", cid, {"status": "resolved", "resolution": "serial:gone"},
                    stamp=True)
    for c in plan.conflicts:
        if pf.row("merge_conflict", c.id) is None:
            unit.insert("merge_conflict", {
                "id": c.id, "table_name": c.table, "row_id": c.row_id,
                "local": canonical(redact(c.table, c.current)),
                "incoming": canonical(redact(c.table, c.other)),
                "bundle_id": bundle_id, "status": "open",
                "resolution": c.kind, "created_at": unit.at, "updated_at": unit.at})


def _table_runs(items: list, table_of: Callable[[Any], str]):
    """Consecutive items of one table: (table, items), in order."""
    run: list = []
    for item in items:
        if run and table_of(item) != table_of(run[0]):
            yield table_of(run[0]), run
            run = []
        run.append(item)
    if run:
        yield table_of(run[0]), run


# -- conflicts: listing and deciding ----------------------------------------------------
@dataclass(frozen=True)
class Conflict:
    id: str
    table: str
    row_id: str
    current: dict[str, Any]
    other: dict[str, Any]
    kind: str
    status: str
    choice: str
    bundle_id: str

    @property
    def fields(self) -> list[str]:
        """The fields in which the two versions differ."""
        names = sorted(set(self.current) | set(self.other))
        return [n for n in names if self.current.get(n) != self.other.get(n)]


def device_names(pf: ProcessFile) -> dict[str, str]:
    """Each known device's name, by id (to say where a version came from)."""
    return {r["id"]: r["name"] for r in pf.query("SELECT id, name FROM device")}


#: What a person calls the rows of each core table (singular, plural), shown when a
#: bundle is imported; each method's ``migrations`` module names its own tables in its
#: ``RECORD_NOUNS``.
CORE_RECORD_NOUNS: dict[str, tuple[str, str]] = {
    "process": (N_("dato del proceso"), N_("datos del proceso")),
    "device": (N_("computadora"), N_("computadoras")),
    "session": (N_("sesión"), N_("sesiones")),
    "idea": (N_("idea"), N_("ideas")),
    "idea_pass": (N_("paso de turno"), N_("pasos de turno")),
    "cluster": (N_("grupo de ideas"), N_("grupos de ideas")),
    "merge_proposal": (N_("propuesta de unir ideas"), N_("propuestas de unir ideas")),
    "ballot": (N_("boleta"), N_("boletas")),
    "ballot_issue": (N_("boleta impresa"), N_("boletas impresas")),
    "ballot_layout": (N_("diseño de boleta"), N_("diseños de boleta")),
    "ballot_review": (N_("revisión de boleta"), N_("revisiones de boleta")),
    "mark": (N_("marca"), N_("marcas")),
    "typed_count": (N_("conteo capturado"), N_("conteos capturados")),
    "vote_round": (N_("ronda de votación"), N_("rondas de votación")),
    "person": (N_("persona"), N_("personas")),
    "attendance_count": (N_("conteo de asistencia"), N_("conteos de asistencia")),
    "attachment": (N_("archivo adjunto"), N_("archivos adjuntos")),
    "note": (N_("nota"), N_("notas")),
    "relatoria": (N_("relatoría"), N_("relatorías")),
    "timer": (N_("cronómetro"), N_("cronómetros")),
    "proposal": (N_("propuesta"), N_("propuestas")),
    "table_laptop": (N_("computadora de mesa"), N_("computadoras de mesa")),
    "session_event": (N_("momento de la sesión"), N_("momentos de la sesión")),
    "agency": (N_("dependencia"), N_("dependencias")),
    "stl_member": (N_("integrante del STL"), N_("integrantes del STL")),
    "stl_decision": (N_("acuerdo del STL"), N_("acuerdos del STL")),
    "commitment": (N_("compromiso"), N_("compromisos")),
    "commitment_milestone": (N_("hito"), N_("hitos")),
    "commitment_version": (N_("versión de compromiso"), N_("versiones de compromisos")),
    "consultation": (N_("consulta pública"), N_("consultas públicas")),
    "consultation_comment": (N_("comentario de la consulta"), N_("comentarios de la consulta")),
    "consultation_commenter": (N_("persona que comentó"), N_("personas que comentaron")),
    "consultation_form": (N_("formato de comentarios impreso"),
                          N_("formatos de comentarios impresos")),
    "milestone_progress": (N_("avance de hito"), N_("avances de hitos")),
    "route_phase": (N_("fase de la ruta"), N_("fases de la ruta")),
    "actor": (N_("actor"), N_("actores")),
    "actor_contact": (N_("contacto de actor"), N_("contactos de actores")),
    "initiative": (N_("iniciativa existente"), N_("iniciativas existentes")),
}


def _record_nouns(table: str) -> tuple[str, str] | None:
    found = CORE_RECORD_NOUNS.get(table)
    if found is None:
        from cocrea_desktop.core.methods import method_modules

        for _method, module in method_modules("migrations"):
            found = getattr(module, "RECORD_NOUNS", {}).get(table)
            if found is not None:
                break
    return found


def record_noun(table: str) -> str:
    """The rows of ``table`` in words, plural and capitalised (*Boletas*)."""
    nouns = _record_nouns(table)
    word = _(nouns[1]) if nouns else table
    return word[:1].upper() + word[1:]


def record_count(table: str, n: int) -> str:
    """``n`` rows of ``table`` in words (*4 boletas*, *1 sesión*)."""
    nouns = _record_nouns(table)
    if nouns is None:
        return f"{n} {table}"
    return f"{n} {_(nouns[0] if n == 1 else nouns[1])}"


def conflict_kind_label(kind: str) -> str:
    """The kind of a conflict, in words for the person who decides it."""
    return {"edit": _("edición en dos equipos"),
            "duplicate": _("duplicado"),
            "serial": _("misma boleta en dos equipos")}.get(kind, kind)


def _conflict(row: Mapping[str, Any]) -> Conflict:
    kind, _sep, choice = (row["resolution"] or "edit").partition(":")
    return Conflict(row["id"], row["table_name"], row["row_id"],
                    decode_row(json.loads(row["local"] or "{}")),
                    decode_row(json.loads(row["incoming"] or "{}")),
                    kind, row["status"], choice, row["bundle_id"])


def list_conflicts(pf: ProcessFile, *, status: str | None = "open") -> list[Conflict]:
    sql = "SELECT * FROM merge_conflict"
    params: list[Any] = []
    if status:
        sql += " WHERE status = ?"
        params.append(status)
    return [_conflict(r) for r in pf.query(sql + " ORDER BY table_name, row_id, id", params)]


def get_conflict(pf: ProcessFile, conflict_id: str) -> Conflict:
    row = pf.row("merge_conflict", conflict_id)
    if row is None:
        rows = pf.query("SELECT * FROM merge_conflict WHERE id LIKE ? LIMIT 2",
                        [conflict_id + "%"])
        row = rows[0] if len(rows) == 1 and len(conflict_id) >= 4 else None
    if row is None:
        raise NotFound(_("No existe el conflicto «{id}».").format(id=conflict_id))
    return _conflict(row)


def resolve_conflict(pf: ProcessFile, conflict_id: str, choice: str) -> Changes:
    """A person decides: ``keep`` the version in the table, or take the ``other`` one.

    Either way the version not chosen is recorded as superseded (journal), so a
    later bundle that still carries it does not raise the same conflict again.
    """
    conflict = get_conflict(pf, conflict_id)
    if conflict.status != "open":
        raise RuleViolation(_("Este conflicto ya se resolvió."))
    if choice not in (KEEP, OTHER):
        raise InvalidInput(_("Elija «keep» (conservar) u «other» (tomar la otra versión)."))
    if choice == OTHER and conflict.kind == "duplicate":
        raise RuleViolation(_("Un duplicado solo puede conservar la fila que ya está; la otra "
                              "queda anotada en la bitácora."))
    label = Label(N_("resolver un conflicto en «{table}»"), table=conflict.table)
    if conflict.kind == "serial":
        return _resolve_serial(pf, conflict, choice, label)
    with pf.write("conflict.resolve", label, undoable=False) as unit:
        current = pf.row(conflict.table, conflict.row_id)
        if choice == OTHER:
            secret = personal_fields(conflict.table)
            values = {k: v for k, v in conflict.other.items() if k != "id" and not (
                k in secret and isinstance(v, str) and v.startswith(("sha256:", "hmac:")))}
            if current is None:
                unit.insert(conflict.table, {"id": conflict.row_id, **values})
            else:
                unit.update(conflict.table, conflict.row_id, values)
            superseded = conflict.current
        else:
            superseded = conflict.other
        table = conflict.table
        image = superseded if conflict.kind == "edit" else None
        if image is not None:
            unit.note(HISTORY, f"{table}:{conflict.row_id}",
                      {"table": table, "versions": [json.loads(canonical(image))]})
        unit.update("merge_conflict", conflict.id,
                    {"status": "resolved", "resolution": conflict.kind + ":" + choice},
                    stamp=True)
    return Changes(label=label, tables=frozenset(unit.tables), ids=frozenset(unit.ids),
                   undoable=False)


def _resolve_serial(pf: ProcessFile, conflict: Conflict, choice: str, label: str) -> Changes:
    """Two ballots with one serial: the chosen entry counts, the other is a duplicate.

    Both are edits like any other (stamped, journaled), so they travel in the
    next bundle and every office ends with the same ballots.
    """
    chosen, other = (conflict.current, conflict.other) if choice == KEEP else \
        (conflict.other, conflict.current)
    with pf.write("conflict.resolve", label, undoable=False) as unit:
        row = pf.row("ballot", str(chosen.get("id")))
        if row is None:
            raise NotFound(_("Esa boleta ya no está en el proceso."))
        siblings = pf.query("SELECT id, status FROM ballot WHERE session_id = ? AND round = ? "
                            "AND serial = ? AND id != ?",
                            [row["session_id"], row["round"], row["serial"], row["id"]])
        for sibling in siblings:
            if sibling["status"] in ("counted", DISPUTED):
                unit.update("ballot", sibling["id"], {"status": DUPLICATE}, stamp=True)
        unit.update("ballot", row["id"], {"status": "counted"}, stamp=True)
        open_ids = [r["id"] for r in pf.query(
            "SELECT id FROM merge_conflict WHERE status = 'open' AND resolution = 'serial' "
            "AND table_name = 'ballot'")]
        for cid in open_ids:  # every open conflict of this serial is decided by this choice
            other_row = get_conflict(pf, cid)
            ids = {other_row.current.get("id"), other_row.other.get("id")}
            if row["id"] in ids or str(other.get("id")) in ids:
                unit.update("merge_conflict", cid, {
                    "status": "resolved",
                    "resolution": "serial:" + (KEEP if other_row.current.get("id") == row["id"]
                                               else OTHER)}, stamp=True)
    return Changes(label=label, tables=frozenset(unit.tables), ids=frozenset(unit.ids),
                   undoable=False)
