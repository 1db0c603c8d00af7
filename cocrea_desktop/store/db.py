"""Open and create process files; the one write path (transaction + journal + undo).

A process file is a plain SQLite file (``*.cocrea.db``) in WAL mode with
``synchronous=FULL`` and foreign keys on. Every confirmed user action is one
transaction that also appends to the hash-chained journal, so a killed program
or a dead battery loses nothing that the screen showed as saved.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from cocrea_desktop.core import journal as journal_core
from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.clock import Clock, SystemClock
from cocrea_desktop.core.errors import (
    CorruptFile,
    FileLocked,
    NewerFileVersion,
    NotAProcessFile,
    ReadOnlyFile,
    RuleViolation,
    StorageError,
    StorageFull,
)
from cocrea_desktop.core.text import FORBIDDEN, clean_text
from cocrea_desktop.i18n import _
from cocrea_desktop.store import backup as backup_mod
from cocrea_desktop.store import sqljson
from cocrea_desktop.store.device import Device, load_or_create_device
from cocrea_desktop.store.lock import FileLock
from cocrea_desktop.store.migrations import (
    APPLICATION_ID,
    PERSONAL_FIELDS,
    applied_names,
    apply_all,
    known_names,
    pending,
)

SQLITE_HEADER = b"SQLite format 3\x00"
UNDO_LIMIT = 100


def iso_now(clock: Clock) -> str:
    """UTC time as ISO 8601 with milliseconds and a ``Z``."""
    moment = dt.datetime.fromtimestamp(clock.now(), tz=dt.timezone.utc)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class RowOp:
    """One row changed by an action: its image before and after (``None`` = absent)."""

    table: str
    id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass
class UndoStep:
    action: str
    label: Label
    ops: list[RowOp] = field(default_factory=list)
    tables: frozenset[str] = frozenset()


def translate_sqlite_error(err: sqlite3.Error, path: Path) -> StorageError:
    """Turn a SQLite failure into a typed error with a Spanish message."""
    text = str(err).lower()
    if "full" in text:
        return StorageFull(_("El disco está lleno: no se pudo guardar el último cambio. "
                             "Lo que ya estaba guardado sigue a salvo. Libere espacio "
                             "e inténtelo de nuevo."), detail=str(err))
    if "readonly" in text or "read-only" in text:
        return ReadOnlyFile(_("No se puede escribir en «{name}»: el archivo o su carpeta son de "
                              "solo lectura.").format(name=path.name), detail=str(err))
    if "locked" in text or "busy" in text:
        return FileLocked(_("Otro programa está usando «{name}» en este momento.").format(
            name=path.name), detail=str(err))
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return CorruptFile(_("El archivo «{name}» está dañado.").format(name=path.name),
                           detail=str(err))
    return StorageError(_("No se pudo usar el archivo «{name}»: {reason}").format(
        name=path.name, reason=str(err)), detail=str(err))


class Unit:
    """The changes of one user action, inside one open transaction."""

    def __init__(self, pf: ProcessFile, action: str, label: Label | str, txn: str) -> None:
        self.pf = pf
        self.action = action
        self.label = Label.parse(label)
        self.txn = txn
        self.ops: list[RowOp] = []
        self.tables: set[str] = set()
        self.ids: set[str] = set()
        self.at = iso_now(pf.clock)
        #: Whether the action goes on the undo stack (then every change keeps its rows).
        self.undoable = True
        #: The journal's last (seq, hash), read once per transaction then carried along.
        self._head: tuple[int, str] | None = None

    def changes(self) -> Changes:
        """What this action changed, for the views and the undo menu."""
        return Changes(label=self.label, tables=frozenset(self.tables), ids=frozenset(self.ids))

    # -- row operations (each journaled) --------------------------------
    def insert(self, table: str, row: dict[str, Any]) -> str:
        row = _clean_values(row)
        if "id" not in row:
            row["id"] = new_id()
        if "salt" in PERSONAL_FIELDS.get(table, ()) and not row.get("salt"):
            import secrets

            row["salt"] = secrets.token_hex(16)
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        self.pf.conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})",
                             [_to_sql(v) for v in row.values()])
        after = self.pf.row(table, row["id"])
        self._record(table, row["id"], None, after)
        return row["id"]

    def update(self, table: str, id: str, values: dict[str, Any], *, stamp: bool = False) -> bool:
        """Set ``values`` on a row; return False (and record nothing) if nothing changed.

        With ``stamp``, a real change also sets the row's ``updated_at``.
        """
        before = self.pf.row(table, id)
        if before is None:
            raise KeyError((table, id))
        values = _clean_values(values)
        changed = {k: v for k, v in values.items() if before.get(k) != _normal(v)}
        if not changed:
            return False
        if stamp:
            changed["updated_at"] = self.at
        sets = ", ".join(f"{k} = ?" for k in changed)
        self.pf.conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?",
                             [_to_sql(v) for v in changed.values()] + [id])
        after = self.pf.row(table, id)
        self._record(table, id, before, after)
        return True

    def insert_many(self, table: str, rows: list[dict[str, Any]]) -> list[str]:
        """Insert rows in bulk (``executemany``), journaled in one pass, in this order.

        The same result as :meth:`insert` row by row: each row is cleaned, gets an id
        and a salt when its table needs one, and the journal keeps it as read back.
        """
        if not rows:
            return []
        salted = "salt" in PERSONAL_FIELDS.get(table, ())
        clean_rows = []
        for row in _clean_many(rows):
            if "id" not in row:
                row["id"] = new_id()
            if salted and not row.get("salt"):
                import secrets

                row["salt"] = secrets.token_hex(16)
            clean_rows.append(row)
        conn = self.pf.conn
        for cols, run in _runs(clean_rows):
            conn.executemany(
                f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                [[v if type(v) in _PLAIN else _to_sql(v) for v in r.values()] for r in run])
        ids = [r["id"] for r in clean_rows]
        texts = {} if self.undoable else self._canonical_rows(table, ids)
        if all(texts.get(i) is not None for i in ids):
            # The journal's image of each row written by SQLite (the row as stored): no
            # row read back into Python, none encoded again. Undo needs no copy (a merge).
            for i in ids:
                self.tables.add(table)
                self.ids.add(i)
            self.pf._append_journal(self, [(table, i, None, texts[i]) for i in ids])
            return ids
        after = self.pf.rows_by_id(table, ids)
        self._record_many([(table, i, None, after[i]) for i in ids])
        return ids

    def _canonical_rows(self, table: str, ids: list[str]) -> dict[str, CanonicalText | None]:
        """The journal images of these rows as SQLite writes them (``store.sqljson``), by
        id; ``{}`` when the table's rows need Python (personal fields are journaled as
        digests), ``None`` for a row holding a real or a blob."""
        if PERSONAL_FIELDS.get(table):
            return {}
        conn = self.pf.conn
        cols = [c[1] for c in conn.execute(f"PRAGMA table_info({table})")]
        if not sqljson.usable(conn, cols):
            return {}
        expr = sqljson.row_json(cols)
        found: dict[str, CanonicalText | None] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for row_id, text in conn.execute(
                    f"SELECT id, {expr} FROM {table} WHERE id IN "
                    f"({','.join('?' * len(chunk))})", chunk):
                found[row_id] = None if text is None else CanonicalText(text)
        return found

    def update_many(self, table: str, items: list[tuple[str, dict[str, Any]]]) -> int:
        """Set values on many rows (``executemany``), journaled in one pass; in this order.

        The same result as :meth:`update` row by row (without ``stamp``): a row whose
        values are already these records nothing. Returns how many rows changed.
        """
        if not items:
            return 0
        before = self.pf.rows_by_id(table, [i for i, _v in items])
        old = {i: dict(r) for i, r in before.items()}
        changes = []
        for row_id, values in items:
            current = before.get(row_id)
            if current is None:
                raise KeyError((table, row_id))
            values = _clean_values(values)
            changed = {k: v for k, v in values.items() if current.get(k) != _normal(v)}
            if changed:
                changes.append((row_id, changed))
                # A later item for the same row compares with this one's result.
                before[row_id] = {**current, **{k: _normal(v) for k, v in changed.items()}}
        if not changes:
            return 0
        conn = self.pf.conn
        for cols, run in _runs([c for _i, c in changes], ids=[i for i, _c in changes]):
            conn.executemany(
                f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?",
                [[_to_sql(v) for v in values.values()] + [row_id] for row_id, values in run])
        ids = list(dict.fromkeys(i for i, _c in changes))
        after = self.pf.rows_by_id(table, ids)
        self._record_many([(table, i, old[i], after[i]) for i in ids])
        return len(changes)

    def restore(self, table: str, id: str, expected: dict | None, target: dict | None) -> None:
        """Bring a row from ``expected`` back to ``target`` (used by undo and redo)."""
        current = self.pf.row(table, id)
        if current != expected:
            raise RuleViolation(_("No se puede deshacer: el dato cambió después."))
        if target is None:
            self.pf.conn.execute(f"DELETE FROM {table} WHERE id = ?", [id])
        elif current is None:
            cols = ", ".join(target)
            marks = ", ".join("?" for _ in target)
            self.pf.conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})",
                                 [_to_sql(v) for v in target.values()])
        else:
            sets = ", ".join(f"{k} = ?" for k in target if k != "id")
            self.pf.conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?",
                                 [_to_sql(v) for k, v in target.items() if k != "id"] + [id])
        self._record(table, id, current, target)

    def note(self, object_type: str, object_id: str, data: dict[str, Any] | None = None) -> None:
        """Journal an event that changes no row (e.g. going back a phase, a timer pause)."""
        self.pf._append_journal(self, [(object_type, object_id, None, data)])

    def notes(self, items: list[tuple[str, str, dict[str, Any] | None]]) -> None:
        """Journal many events at once (object type, object id, data), in this order."""
        self.pf._append_journal(self, [(t, i, None, d) for t, i, d in items])

    def _record(self, table: str, id: str, before: dict | None, after: dict | None) -> None:
        self._record_many([(table, id, before, after)])

    def _record_many(self, ops: list[tuple[str, str, dict | None, dict | None]]) -> None:
        entries = []
        for table, id, before, after in ops:
            self.ops.append(RowOp(table, id, before, after))
            self.tables.add(table)
            self.ids.add(id)
            entries.append((table, id, *journal_images(table, before, after)))
        self.pf._append_journal(self, entries)


class CanonicalText(str):
    """A row image already encoded as the journal keeps it (``canonical_json`` of the
    redacted row): journaled as it is."""


def journal_images(table: str, before: dict[str, Any] | None, after: dict[str, Any] | None
                   ) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """What the journal keeps of a change: an insert its row, a removal the row removed,
    an update only the fields that changed (personal fields as digests, see :func:`redact`)."""
    old, new = redact(table, before), redact(table, after)
    if old is not None and new is not None:
        diff = journal_core.diff_images(old, new)
        if diff is not None:
            return diff
    return old, new


def _runs(rows: list[dict[str, Any]], ids: list[str] | None = None):
    """Consecutive rows with the same fields: (fields, rows) or, with ``ids``,
    (fields, [(id, row)]), so that ``executemany`` keeps the order of the writes."""
    cols: tuple[str, ...] | None = None
    run: list = []
    for n, row in enumerate(rows):
        keys = tuple(row)
        if keys != cols and run:
            yield cols, run
            run = []
        cols = keys
        run.append(row if ids is None else (ids[n], row))
    if run:
        yield cols, run


def redact(table: str, row: dict[str, Any] | None) -> dict[str, Any] | None:
    """What the journal keeps of a row: personal fields and file contents only as digests.

    A personal value becomes an HMAC-SHA256 under the row's own random salt, which is
    itself never journaled; erasing the person erases the salt, after which the
    journal's digests cannot be matched against a list of names or numbers.
    """
    if row is None:
        return row
    import hashlib
    import hmac

    fields = PERSONAL_FIELDS.get(table, ())
    if not fields and bytes not in set(map(type, row.values())):
        return row
    clean = {k: ("sha256:" + hashlib.sha256(v).hexdigest() if isinstance(v, bytes) else v)
             for k, v in row.items() if k != "salt"}
    salt = str(row.get("salt") or "")
    for name in fields:
        value = clean.get(name)
        if value:
            if salt:
                clean[name] = "hmac:" + hmac.new(salt.encode(), str(value).encode("utf-8"),
                                                 hashlib.sha256).hexdigest()
            else:
                clean[name] = "sha256:" + hashlib.sha256(str(value).encode("utf-8")).hexdigest()
    return clean


def _normal(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


#: Values SQLite takes as they are (``_to_sql`` leaves them alone).
_PLAIN = frozenset({str, int, float, bytes, type(None)})


def _to_sql(value: Any) -> Any:
    return _normal(value)


def _clean_many(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """:func:`_clean_values` of many rows: one search over all their texts first (the
    common case, nothing to change or refuse), row by row only when it finds something."""
    texts = [v for row in rows for v in row.values() if isinstance(v, str)]
    blob = "\n".join(texts)
    if "\r" not in blob and not FORBIDDEN.search(blob):
        return [dict(row) for row in rows]
    return [_clean_values(row) for row in rows]


def _clean_values(row: dict[str, Any]) -> dict[str, Any]:
    """Every text value through :func:`core.text.clean_text` (controls refused)."""
    return {k: clean_text(v) if isinstance(v, str) else v for k, v in row.items()}


class ProcessFile:
    """An open process file: the single write connection, its lock, undo and redo."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, device: Device, clock: Clock,
                 read_only: bool, lock: FileLock | None) -> None:
        self.path = path
        self.conn = conn
        self.db = Database(conn, execute_plugins=False)
        self.device = device
        self.clock = clock
        self.read_only = read_only
        self._lock = lock
        self._identity = _hold(path)
        self.undo_stack: list[UndoStep] = []
        self.redo_stack: list[UndoStep] = []
        self.last_backup_at = clock.now()
        self.backup_every_s = 10 * 60
        self.backups_kept = 10
        self._dirty_since_backup = False
        #: Runs a backup job off the GUI thread (the window sets it); None: run it at once.
        self.backup_runner: Callable[[Callable[[], object]], object] | None = None
        self._backup_lock = threading.Lock()
        #: A backup is due but not made yet (queued, or left for after the window shows).
        self.backup_pending = False
        self._closed = False
        #: Facts derived from the file that store modules keep between calls (each
        #: entry is checked by its user before use: e.g. the schema version).
        self.cache: dict[str, Any] = {}

    # -- reading ---------------------------------------------------------
    def row(self, table: str, id: str) -> dict[str, Any] | None:
        cur = self.conn.execute(f"SELECT * FROM {table} WHERE id = ?", [id])
        values = cur.fetchone()
        if values is None:
            return None
        return dict(zip([d[0] for d in cur.description], values))

    def query(self, sql: str, params: list | tuple = ()) -> list[dict[str, Any]]:
        cur = self.conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, values)) for values in cur.fetchall()]

    def rows_by_id(self, table: str, ids: list[str]) -> dict[str, dict[str, Any]]:
        """The rows of ``table`` with these ids, by id (a few queries, never one per row)."""
        found: dict[str, dict[str, Any]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            cur = self.conn.execute(
                f"SELECT * FROM {table} WHERE id IN ({','.join('?' * len(chunk))})", chunk)
            names = [d[0] for d in cur.description]
            for values in cur.fetchall():
                row = dict(zip(names, values))
                found[row["id"]] = row
        return found

    def scalar(self, sql: str, params: list | tuple = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    # -- writing ---------------------------------------------------------
    @contextlib.contextmanager
    def write(self, action: str, label: Label | str, *,
              undoable: bool = True) -> Iterator[Unit]:
        """One user action: one transaction, journaled; pushed on the undo stack.

        ``label`` names the action for the undo button: a :class:`Label` (message id
        and parameters), so that it is shown in the language in force when shown.
        """
        if self.read_only:
            raise ReadOnlyFile(_("El proceso está abierto solo para lectura; no se pueden "
                                 "guardar cambios."))
        unit = Unit(self, action, label, new_id())
        unit.undoable = undoable
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield unit
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as err:
            raise translate_sqlite_error(err, self.path) from err
        if unit.ops and undoable:
            self.undo_stack.append(UndoStep(action, unit.label, unit.ops,
                                            frozenset(unit.tables)))
            del self.undo_stack[:-UNDO_LIMIT]
            self.redo_stack.clear()
        self._dirty_since_backup = True
        self.maybe_backup()

    def _append_journal(self, unit: Unit,
                        entries: list[tuple[str, str, dict | None, dict | None]]) -> None:
        """Append entries (object type, object id, before, after) to the hash chain.

        Each image is encoded once (to keep it and to hash it); the chain's head is read
        once per transaction and carried along, and the rows go in with one statement.
        """
        if not entries:
            return
        if unit._head is None:
            last = self.conn.execute(
                "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1").fetchone()
            unit._head = (last[0], last[1]) if last else (0, journal_core.GENESIS)
        seq, prev = unit._head
        encode = journal_core.canonical_json
        quote = journal_core.scalar_json
        sha256 = hashlib.sha256
        device_id, at, txn, action = self.device.id, unit.at, unit.txn, unit.action
        # The hashed text of an entry (``core.journal.entry_hash_text``), with what every
        # entry of this write shares encoded once.
        head = '{"action":' + quote(action) + ',"after":'
        mid = ',"at":' + quote(at) + ',"before":'
        tail = ',"device_id":' + quote(device_id) + ',"object_id":'
        end = ',"txn":' + quote(txn) + "}"
        types: dict[str, str] = {}
        rows = []
        for object_type, object_id, before, after in entries:
            seq += 1
            before_text = None if before is None else \
                before if type(before) is CanonicalText else encode(before)
            after_text = None if after is None else \
                after if type(after) is CanonicalText else encode(after)
            kind = types.get(object_type)
            if kind is None:
                kind = types[object_type] = ',"object_type":' + quote(object_type) + ',"seq":'
            body = (head + (after_text or "null") + mid + (before_text or "null") + tail
                    + quote(object_id) + kind + str(seq) + end)
            digest = sha256((prev + "\n" + body).encode("utf-8")).hexdigest()
            rows.append((seq, at, device_id, txn, action, object_type, object_id,
                         before_text, after_text, prev, digest))
            prev = digest
        self.conn.executemany(
            "INSERT INTO journal (seq, at, device_id, txn, action, object_type, object_id, "
            "before, after, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
        unit._head = (seq, prev)

    def journal_head(self) -> int:
        """The last journal entry's number: it changes with every change of the file
        (undo and merges included), so a view can tell that what it read is still true."""
        return self.conn.execute("SELECT COALESCE(MAX(seq), 0) FROM journal").fetchone()[0]

    # -- undo / redo -----------------------------------------------------
    def undo_label(self) -> str | None:
        return self.undo_stack[-1].label.render() if self.undo_stack else None

    def undo_action(self) -> str | None:
        """The kind of the action the next undo takes back (``proposal.add``...)."""
        return self.undo_stack[-1].action if self.undo_stack else None

    def undo_sessions(self) -> set[str]:
        """The sessions the next undo would change (empty for process-wide actions)."""
        return self._step_sessions(self.undo_stack[-1]) if self.undo_stack else set()

    @staticmethod
    def _step_sessions(step: UndoStep) -> set[str]:
        """The sessions whose rows ``step`` changes (empty for process-wide actions)."""
        found: set[str] = set()
        for op in step.ops:
            if op.table == "session":
                found.add(op.id)
            for row in (op.before, op.after):
                if row and row.get("session_id"):
                    found.add(row["session_id"])
        return found

    def redo_label(self) -> str | None:
        return self.redo_stack[-1].label.render() if self.redo_stack else None

    def undo(self) -> Changes:
        if not self.undo_stack:
            raise RuleViolation(_("No hay nada que deshacer."))
        step = self.undo_stack[-1]
        self._replay(step, backwards=True)
        self.undo_stack.pop()
        self.redo_stack.append(step)
        return self._step_changes(step, "undo")

    def redo(self) -> Changes:
        if not self.redo_stack:
            raise RuleViolation(_("No hay nada que rehacer."))
        step = self.redo_stack[-1]
        self._replay(step, backwards=False)
        self.redo_stack.pop()
        self.undo_stack.append(step)
        return self._step_changes(step, "redo")

    def _step_changes(self, step: UndoStep, replayed: str) -> Changes:
        """What undoing or redoing ``step`` changed, with its session when it is one, so
        that the screens of other sessions need not re-read."""
        sessions = self._step_sessions(step)
        if any(op.table != "session" and not any(
                row and row.get("session_id") for row in (op.before, op.after))
               for op in step.ops):
            sessions = set()  # a row of no one session (a person, the process): all may show it
        return Changes(label=step.label, tables=step.tables,
                       ids=frozenset(op.id for op in step.ops), undoable=False,
                       session_id=next(iter(sessions)) if len(sessions) == 1 else None,
                       replayed=replayed)

    def _replay(self, step: UndoStep, *, backwards: bool) -> None:
        action = ("undo:" if backwards else "redo:") + step.action
        with self.write(action, step.label, undoable=False) as unit:
            ops = reversed(step.ops) if backwards else step.ops
            for op in ops:
                if backwards:
                    unit.restore(op.table, op.id, op.after, op.before)
                else:
                    unit.restore(op.table, op.id, op.before, op.after)

    # -- checks, backups, closing -------------------------------------
    def verify_journal(self) -> journal_core.ChainReport:
        rows = self.conn.execute(
            "SELECT seq, at, device_id, txn, action, object_type, object_id, before, after, "
            "prev_hash, hash FROM journal ORDER BY seq")
        names = [d[0] for d in rows.description]

        def entries():
            for values in rows:
                entry = dict(zip(names, values))
                for key in ("before", "after"):
                    if entry[key] is not None:
                        entry[key] = json.loads(entry[key])
                yield entry

        return journal_core.verify_chain(entries())

    def integrity(self) -> str:
        return str(self.scalar("PRAGMA integrity_check"))

    def maybe_backup(self, *, force: bool = False) -> Path | None:
        if self.read_only:
            return None
        now = self.clock.now()
        if force or (self._dirty_since_backup and now - self.last_backup_at >= self.backup_every_s):
            self.last_backup_at = now
            self._dirty_since_backup = False
            if self.backup_runner is not None:
                self.backup_pending = True
                self.backup_runner(lambda: self._backup(now))
                return None
            return self._backup(now)
        return None

    def _backup(self, now: float, *, closing: bool = False) -> Path | None:
        """Copy the file (skipped when the newest backup holds the same); any thread."""
        with self._backup_lock:
            if self._closed and not closing:
                return None  # queued before the file closed: close() made the last backup
            self.backup_pending = False
            try:
                return backup_mod.backup_file(self.path, keep=self.backups_kept, when=now)
            except (OSError, sqlite3.Error):
                self._dirty_since_backup = True  # try again at the next change
                return None  # a failed backup never blocks the facilitator's work

    @property
    def closed(self) -> bool:
        """Closed for good: nothing may read or write it any more."""
        return self._closed

    def close(self) -> None:
        try:
            self._closed = True
            if not self.read_only and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self.backup_runner = None  # the last backup is made here, before the file closes
            with self._backup_lock:  # and a backup under way finishes first
                pass
            if not self.read_only and (self._dirty_since_backup or self.backup_pending):
                self.last_backup_at = self.clock.now()
                self._dirty_since_backup = False
                self._backup(self.last_backup_at, closing=True)
            if not self.read_only:
                # Fold the WAL back into the file so it is complete on its own.
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass
        finally:
            self.conn.close()
            _let_go(self._identity)
            self._identity = None
            if self._lock:
                self._lock.release()

    def __enter__(self) -> ProcessFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    if read_only:
        writable_dir = os.access(path.parent, os.W_OK)
        uri = path.resolve().as_uri() + ("?mode=ro" if writable_dir else "?immutable=1")
        conn = sqlite3.connect(uri, uri=True, timeout=5, isolation_level=None,
                               check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), timeout=5, isolation_level=None,
                               check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _set_write_pragmas(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")


#: The process files this program has open through SQLite, by the file's identity.
#: Python's own open() and close() of such a file would release every POSIX lock the
#: program holds on it, SQLite's included: another program (a database browser, a
#: backup tool) could then checkpoint and delete the WAL under the open window, and its
#: next change would fail with "disk I/O error" or be lost in a power cut.
_OPEN_FILES: dict[tuple[int, int], int] = {}
_OPEN_FILES_LOCK = threading.Lock()


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def _hold(path: Path) -> tuple[int, int] | None:
    key = _identity(path)
    if key is not None:
        with _OPEN_FILES_LOCK:
            _OPEN_FILES[key] = _OPEN_FILES.get(key, 0) + 1
    return key


def _let_go(key: tuple[int, int] | None) -> None:
    if key is None:
        return
    with _OPEN_FILES_LOCK:
        left = _OPEN_FILES.get(key, 0) - 1
        if left > 0:
            _OPEN_FILES[key] = left
        else:
            _OPEN_FILES.pop(key, None)


def held_open(path: str | os.PathLike[str]) -> bool:
    """Whether this program has ``path`` open as a process (never open() it then)."""
    key = _identity(Path(path))
    with _OPEN_FILES_LOCK:
        return key is not None and key in _OPEN_FILES


def _writable(path: Path) -> bool:
    """Whether the file can really be opened for writing (``os.access`` lies to root)."""
    if held_open(path):
        return os.access(path, os.W_OK)  # an open() and close() would drop SQLite's locks
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return False
    os.close(fd)
    return True


def _check_header(path: Path) -> None:
    if held_open(path):
        return  # checked when it opened; reading it here would drop SQLite's locks
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        raise StorageError(_("No existe el archivo «{name}».").format(name=path.name)) from None
    except PermissionError:
        raise ReadOnlyFile(_("No hay permiso para leer «{name}».").format(name=path.name)) from None
    if head != SQLITE_HEADER:
        raise NotAProcessFile(_("«{name}» no es un proceso de CoCrea.").format(name=path.name))


def _absent_sidecars(path: Path) -> list[Path]:
    """The ``-wal``/``-shm`` files SQLite may create beside ``path`` that are not there now."""
    return [p for p in (Path(str(path) + "-wal"), Path(str(path) + "-shm")) if not p.exists()]


def _remove_sidecars(made: list[Path]) -> None:
    """Remove the ``-wal``/``-shm`` files opening a refused file created (never a WAL
    holding data: opening only reads, so a WAL it made is empty)."""
    for p in made:
        with contextlib.suppress(OSError):
            if p.name.endswith("-wal") and p.stat().st_size:
                continue
            p.unlink()


def open_process(path: str | os.PathLike[str], *, read_only: bool = False,
                 device: Device | None = None, clock: Clock | None = None,
                 backup_on_open: bool = True, break_lock: bool = False,
                 check_on_open: bool = True) -> ProcessFile:
    """Open an existing process file, checking it and bringing its schema up to date.

    Raises a typed :class:`StorageError` with a Spanish message (not a process,
    damaged, newer version, locked, read-only) and never changes a file it refuses.

    ``check_on_open=False`` leaves the integrity check (which reads the whole file: about
    half a second at 281 MB) to the caller, who runs :func:`integrity_problem` in the
    background once the window shows; a file that needs migrating is checked here anyway,
    before anything is written to it.
    """
    path = Path(path)
    _check_header(path)
    read_only_message = _("«{name}» está en un lugar de solo lectura (por ejemplo, una "
                          "memoria protegida). Puede abrirlo solo para leer, o copiarlo "
                          "a otra carpeta.").format(name=path.name)
    if not read_only and not _writable(path):
        raise ReadOnlyFile(read_only_message)
    lock = None
    if not read_only:
        lock = FileLock(path)
        if break_lock:
            lock.break_()
        try:
            acquired = lock.acquire()
        except OSError:
            raise ReadOnlyFile(read_only_message) from None
        if not acquired:
            raise FileLocked(_("«{name}» ya está abierto en otra ventana de CoCrea. Ciérrela "
                               "primero, o abra el proceso solo para leer.").format(name=path.name))
    conn = None
    sidecars = _absent_sidecars(path)
    try:
        conn = _connect(path, read_only=read_only)
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotAProcessFile(_("«{name}» es una base de datos, pero no un proceso de "
                                    "CoCrea.").format(name=path.name))
        db = Database(conn, execute_plugins=False)
        if check_on_open or (not read_only and pending(db)):
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise corrupt_file(path, str(check))
        if not read_only:
            _set_write_pragmas(conn)
        applied = applied_names(db)
        known = set(known_names())
        unknown = [name for name in applied if name not in known]
        if unknown:
            raise NewerFileVersion(_("«{name}» fue guardado por una versión más nueva de CoCrea. "
                                     "Actualice el programa para abrirlo; el archivo no se "
                                     "modificó.").format(name=path.name),
                                   detail=", ".join(unknown))
        if pending(db):
            if read_only:
                raise ReadOnlyFile(_("«{name}» necesita actualizarse y está abierto solo para "
                                     "leer.").format(name=path.name))
            apply_all(db)
    except sqlite3.Error as err:
        if conn is not None:
            conn.close()
        _remove_sidecars(sidecars)
        if lock:
            lock.release()
        raise translate_sqlite_error(err, path) from err
    except BaseException:
        if conn is not None:
            conn.close()
        _remove_sidecars(sidecars)
        if lock:
            lock.release()
        raise
    clock = clock or SystemClock()
    pf = ProcessFile(path, conn, device=device or load_or_create_device(), clock=clock,
                     read_only=read_only, lock=lock)
    if not read_only:
        _register_device(pf)
        if backup_on_open:
            pf.maybe_backup(force=True)
    return pf


def corrupt_file(path: Path, detail: str) -> CorruptFile:
    return CorruptFile(_("«{name}» está dañado (la revisión de integridad falló). "
                         "Abra una copia de seguridad.").format(name=path.name), detail=detail)


def integrity_problem(path: str | os.PathLike[str]) -> CorruptFile | None:
    """SQLite's quick check of the file on a connection of its own (any thread, beside the
    open process): None when sound, else the error to show."""
    path = Path(path)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            check = str(conn.execute("PRAGMA quick_check").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError as err:
        return corrupt_file(path, str(err))
    return None if check == "ok" else corrupt_file(path, check)


def _register_device(pf: ProcessFile) -> None:
    if pf.row("device", pf.device.id) is None:
        try:
            pf.conn.execute("INSERT INTO device (id, name, public_key, first_seen) "
                            "VALUES (?,?,?,?)", [pf.device.id, pf.device.name,
                                                 pf.device.public_key_b64, iso_now(pf.clock)])
        except sqlite3.Error as err:
            raise translate_sqlite_error(err, pf.path) from err


def create_process_file(path: str | os.PathLike[str], *, device: Device | None = None,
                        clock: Clock | None = None) -> ProcessFile:
    """Create an empty process file (schema only) and open it for writing."""
    path = Path(path)
    if path.exists():
        raise StorageError(_("Ya existe un archivo llamado «{name}». Elija otro nombre.").format(
            name=path.name))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), isolation_level=None)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        apply_all(Database(conn, execute_plugins=False))
        conn.close()
    except sqlite3.Error as err:
        with contextlib.suppress(OSError):
            path.unlink()
        raise translate_sqlite_error(err, path) from err
    except OSError as err:
        raise ReadOnlyFile(_("No se pudo crear «{name}»: {reason}").format(
            name=path.name, reason=err.strerror or str(err))) from err
    return open_process(path, device=device, clock=clock, backup_on_open=False)
