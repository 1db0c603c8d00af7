"""Making a bundle: a snapshot of the process file, the payload, the signed manifest."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cocrea_desktop import __version__
from cocrea_desktop.core import journal as journal_core
from cocrea_desktop.core.errors import InvalidInput, NotFound, StorageError
from cocrea_desktop.export import keys
from cocrea_desktop.export.bundle.container import _zip
from cocrea_desktop.export.bundle.format import (
    DATA_IMAGE,
    DATA_PREFIX,
    FORMAT,
    FORMAT_VERSION,
    JOURNAL,
    MANIFEST,
    PERSONAL_CLEAR,
    PERSONAL_OMITTED,
    PERSONAL_SEALED,
    SEALED,
    SIGNATURE,
    _jsonl,
    bundle_file_name,
)
from cocrea_desktop.i18n import _
from cocrea_desktop.store import merge, sqljson
from cocrea_desktop.store.db import iso_now
from cocrea_desktop.store.device import Device
from cocrea_desktop.store.migrations import known_names


# -- export -----------------------------------------------------------------------------
def _snapshot(source: Path) -> sqlite3.Connection:
    """A consistent in-memory copy (SQLite's backup API; never a live file and its WAL)."""
    writable_dir = os.access(source.parent, os.W_OK)
    uri = source.resolve().as_uri() + ("?mode=ro" if writable_dir else "?immutable=1")
    try:
        src = sqlite3.connect(uri, uri=True, timeout=5)
        try:
            mem = sqlite3.connect(":memory:", check_same_thread=False)
            src.backup(mem)
        finally:
            src.close()
    except sqlite3.Error as err:
        raise StorageError(_("No se pudo leer el proceso «{name}»: {reason}").format(
            name=source.name, reason=str(err)), detail=str(err)) from err
    return mem


def _rows(conn: sqlite3.Connection, sql: str, params: Iterable[Any] = ()) -> list[dict]:
    cur = conn.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, values)) for values in cur.fetchall()]




@dataclass(frozen=True)
class ExportResult:
    data: bytes
    name: str
    manifest: dict[str, Any]
    warnings: tuple[str, ...] = ()


def export_bundle(source: str | os.PathLike[str], *, device: Device,
                  sessions: Iterable[str] | None = None, include_personal: bool = False,
                  created_at: str | None = None,
                  progress: Callable[[int, int], None] | None = None) -> ExportResult:
    """Make a signed bundle of the process file ``source`` (or of some of its sessions).

    Reads a snapshot on its own connection (safe from a background thread).
    ``created_at`` fixes the creation time (reproducible output); the same data,
    device and time always give the same bytes.
    """
    report = progress or (lambda done, total: None)
    report(0, 4)
    conn = _snapshot(Path(source))
    try:
        return _export(conn, device=device, sessions=sessions,
                       include_personal=include_personal, created_at=created_at,
                       report=report)
    finally:
        conn.close()


def _export(conn: sqlite3.Connection, *, device: Device, sessions: Iterable[str] | None,
            include_personal: bool, created_at: str | None,
            report: Callable[[int, int], None]) -> ExportResult:
    processes = _rows(conn, "SELECT * FROM process")
    if len(processes) != 1:
        raise NotFound(_("El archivo no contiene ningún proceso."))
    process = processes[0]
    created_at = created_at or iso_now(_SystemClock())
    scope_ids: list[str] | None = None
    if sessions is not None:
        scope_ids = sorted(set(sessions))
        known = {r["id"] for r in _rows(conn, "SELECT id FROM session")}
        missing = [s for s in scope_ids if s not in known]
        if missing:
            raise NotFound(_("No existe la sesión «{id}».").format(id=missing[0]))
        if not scope_ids:
            raise InvalidInput(_("Elija al menos una sesión para el paquete."))
    office_b64 = process.get("office_public_key") or ""
    if office_b64:
        personal = PERSONAL_SEALED
    else:
        personal = PERSONAL_CLEAR if include_personal else PERSONAL_OMITTED
    warnings = []
    if personal == PERSONAL_CLEAR:
        warnings.append(_("El paquete lleva nombres y teléfonos sin cifrar: si se pierde la "
                          "memoria, cualquiera puede leerlos. Configure la llave de la oficina "
                          "para sellarlos."))
    files: dict[str, bytes] = {}
    counts: dict[str, int] = {}
    sealed_rows: list[dict[str, Any]] = []
    exported_ids: set[str] = set()
    # The journal entries that insert a row whose image is, character for character, the
    # row's data line: the journal writes their image "$data".
    data_seqs: list[str] = []
    tables = merge.data_tables(conn)
    deferred = []
    for table in tables:
        cols = merge.columns(conn, table)
        where, params = "", []
        if scope_ids is not None:
            marks = ",".join("?" * len(scope_ids))
            if table == "session":
                where, params = f" WHERE id IN ({marks})", scope_ids
            elif "session_id" in cols:
                where, params = f" WHERE session_id IN ({marks})", scope_ids
            elif "owner_id" in cols:
                deferred.append(table)
                continue
        if merge.personal_fields(table) or not sqljson.usable(conn, cols):
            rows = _rows(conn, f"SELECT * FROM {table}{where} ORDER BY id", params)
            if scope_ids is not None:
                exported_ids.update(r["id"] for r in rows)
            _add_table(conn, files, counts, sealed_rows, table, rows, personal, data_seqs)
            continue
        ids, lines = _table_lines(conn, table, cols, where, params, data_seqs)
        if scope_ids is not None:
            exported_ids.update(ids)
        files[f"{DATA_PREFIX}{table}.jsonl"] = lines
        counts[table] = len(ids)
    for table in deferred:
        rows = [r for r in _rows(conn, f"SELECT * FROM {table} ORDER BY id")
                if r["owner_id"] in exported_ids]
        _add_table(conn, files, counts, sealed_rows, table, rows, personal, data_seqs)
    report(1, 4)
    files[JOURNAL], journal_count, journal_last = _journal_file(conn, data_seqs)
    report(2, 4)
    if personal == PERSONAL_SEALED:
        plaintext = _jsonl(sorted(sealed_rows, key=lambda e: (e["table"], e["id"])))
        office_key = keys.decode_key(office_b64, what="office_public_key")
        seed = base64.b64decode(device.private_key_b64)
        files[SEALED] = keys.seal(plaintext, office_key, seed=seed)
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "program": "CoCrea Desktop",
        "program_version": __version__,
        "schema": known_names(),
        "process_id": process["id"],
        "process_name": process["name"],
        "municipality": process.get("municipality", ""),
        "device": {"id": device.id, "name": device.name, "public_key": device.public_key_b64,
                   "fingerprint": keys.fingerprint(device.public_key_bytes())},
        "created_at": created_at,
        "scope": {"kind": "process"} if scope_ids is None else
                 {"kind": "sessions", "sessions": scope_ids},
        "personal_data": personal,
        "rows": dict(sorted(counts.items())),
        "journal": {"entries": journal_count,
                    "last_hash": journal_last if journal_count else journal_core.GENESIS},
        "files": {name: {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                  for name, data in sorted(files.items())},
    }
    if personal == PERSONAL_SEALED:
        manifest["office_key_fingerprint"] = keys.fingerprint(
            keys.decode_key(office_b64, what="office_public_key"))
    manifest_bytes = (json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False)
                      + "\n").encode("utf-8")
    signature = (base64.b64encode(device.sign(manifest_bytes)).decode() + "\n").encode()
    report(3, 4)
    data = _zip([(MANIFEST, manifest_bytes), (SIGNATURE, signature),
                 *sorted(files.items())], created_at)
    report(4, 4)
    name = bundle_file_name(manifest["municipality"], created_at, device.name)
    return ExportResult(data, name, manifest, tuple(warnings))


def _table_lines(conn: sqlite3.Connection, table: str, cols: list[str], where: str,
                 params: list[Any], data_seqs: list[str]) -> tuple[list[str], bytes]:
    """A table's ``data/<table>.jsonl``, each line written by SQLite (``store.sqljson``:
    the same bytes as ``canonical_json``); a row holding a real or a blob in Python.
    Adds to ``data_seqs`` the journal entries that inserted a row as its line is (found
    through the journal's index on the object, the texts compared by SQLite; each item
    the numbers of one row's, joined by commas)."""
    name = sqljson.literal(table)

    def query(expr: str) -> str:
        # MATERIALIZED: each line is made once (not again for the comparison).
        return (f"WITH t AS MATERIALIZED (SELECT id, {expr} AS line FROM {table}{where}) "
                "SELECT id, CAST(line AS BLOB), (SELECT group_concat(j.seq) FROM journal j "
                f"WHERE j.object_type = {name} AND j.object_id = t.id AND j.before IS NULL "
                "AND j.after = t.line) FROM t ORDER BY id")
    try:
        found = conn.execute(query(sqljson.row_json(cols, texts=sqljson.text_columns(
            conn, table))), params).fetchall()
    except sqlite3.OperationalError:  # a blob in a text column: check each row
        found = conn.execute(query(sqljson.row_json(cols)), params).fetchall()
    ids, lines, seqs = map(list, zip(*found)) if found else ([], [], [])
    data_seqs.extend(filter(None, seqs))
    for n, line in enumerate(lines):
        if line is None:
            row = _rows(conn, f"SELECT * FROM {table} WHERE id = ?", [ids[n]])[0]
            text = merge.canonical(row)
            lines[n] = text.encode("utf-8")
            data_seqs.extend(str(seq) for seq, after in conn.execute(
                "SELECT seq, after FROM journal WHERE object_type = ? AND object_id = ? "
                "AND before IS NULL ORDER BY seq", [table, ids[n]]) if after == text)
    return ids, b"\n".join(lines) + b"\n" if lines else b""


_SAME = "s.seq IS NOT NULL"


def _changed(column: str) -> str:
    """SQL: whether an entry's ``column`` differs from the entry before's (or is the first).
    The journal's identifiers are TEXT columns: a text or a blob (whose line is refused
    by ``json_quote``), so comparing them is comparing their bytes."""
    return f"(p.seq IS NULL OR j.{column} IS NOT p.{column})"


def _journal_file(conn: sqlite3.Connection, data_seqs: list[str]) -> tuple[bytes, int, str]:
    """``journal.jsonl`` in the compact layout of format version 4, its length and last hash.

    Each entry is one line of its fields, but: ``hash`` and ``prev_hash`` are left out
    (a reader computes the chain); ``seq`` when it follows the previous entry's, and
    ``action``, ``at``, ``device_id``, ``object_type`` and ``txn`` when they are the
    previous entry's; ``before`` and ``after`` when null; and the ``after`` of an insert
    whose image is, character for character, the row's line in ``data/`` is written
    ``"$data"`` (``data_seqs``, see :func:`_table_lines`). SQLite writes each line when
    its ``json_quote`` is the canonical encoder's and the images are texts; otherwise
    :func:`_compact_lines` writes them."""
    # The entry before is the one numbered one less (a journal has no gaps; where one
    # had, the number is written and a reader refuses it).
    joined = ("FROM journal j LEFT JOIN temp.bundle_data s ON s.seq = j.seq "
              "LEFT JOIN journal p ON p.seq = j.seq - 1 ORDER BY j.seq")
    conn.execute("CREATE TEMP TABLE bundle_data (seq INTEGER PRIMARY KEY)")
    conn.execute("INSERT OR IGNORE INTO temp.bundle_data SELECT value FROM json_each(?)",
                 ["[" + ",".join(data_seqs) + "]"])
    fields = ("action", "at", "device_id", "object_type", "object_id", "txn")
    if sqljson.usable(conn, fields):
        # The journal's identifiers are TEXT columns (never a real; a blob makes
        # json_quote refuse the query) and seq its integer key; an image held as a blob
        # would be written as its bytes, so such a line is made in Python.
        guard = "typeof(j.before) = 'blob' OR typeof(j.after) = 'blob'"

        def opt(column: str, lead: str, tail: str) -> str:
            return (f"CASE WHEN {_changed(column)} THEN '{lead}\"{column}\":' || "
                    f"json_quote(j.{column}) || '{tail}' ELSE '' END")

        line = ("'{' || " + opt("action", "", ",")
                + f" || CASE WHEN {_SAME} THEN '\"after\":\"{DATA_IMAGE}\",' "
                "WHEN j.after IS NOT NULL THEN '\"after\":' || j.after || ',' ELSE '' END || "
                + opt("at", "", ",")
                + " || CASE WHEN j.before IS NOT NULL THEN '\"before\":' || j.before || ',' "
                "ELSE '' END || " + opt("device_id", "", ",")
                + " || '\"object_id\":' || json_quote(j.object_id) || "
                + opt("object_type", ",", "")
                + " || CASE WHEN p.seq IS NULL THEN ',\"seq\":' || j.seq "
                "ELSE '' END || " + opt("txn", ",", "") + " || '}'")
        try:
            texts = [text for (text,) in conn.execute(
                f"SELECT CASE WHEN {guard} THEN NULL ELSE {line} || char(10) END {joined}")]
        except sqlite3.OperationalError:
            texts = [None]
        if texts and None not in texts:
            last = conn.execute("SELECT hash FROM journal ORDER BY seq DESC LIMIT 1")
            return "".join(texts).encode("utf-8"), len(texts), last.fetchone()[0]
    found = conn.execute(
        "SELECT j.seq, j.action, j.at, j.device_id, j.txn, j.object_type, j.object_id, "
        f"j.before, CASE WHEN {_SAME} THEN NULL ELSE j.after END, {_SAME}, j.hash "
        f"{joined}").fetchall()
    return ("".join(_compact_lines(found)).encode("utf-8"), len(found),
            found[-1][-1] if found else "")


def _compact_lines(found: list[tuple[Any, ...]]) -> Iterable[str]:
    """The lines of :func:`_journal_file` written in Python, from its query's rows."""
    enc = journal_core.scalar_json
    data = '"after":' + enc(DATA_IMAGE)
    last: list[Any] = [None] * 5  # action, at, device_id, object_type, txn
    last_seq: Any = None
    first = True
    for seq, action, at, device_id, txn, object_type, object_id, before, after, from_data, \
            _hash in found:
        parts = []
        if first or not _same(action, last[0]):
            parts.append('"action":' + enc(action))
        if from_data:
            parts.append(data)
        elif after is not None:
            parts.append('"after":' + _image(after))
        if first or not _same(at, last[1]):
            parts.append('"at":' + enc(at))
        if before is not None:
            parts.append('"before":' + _image(before))
        if first or not _same(device_id, last[2]):
            parts.append('"device_id":' + enc(device_id))
        parts.append('"object_id":' + enc(object_id))
        if first or not _same(object_type, last[3]):
            parts.append('"object_type":' + enc(object_type))
        if first or type(seq) is not int or type(last_seq) is not int or seq != last_seq + 1:
            parts.append('"seq":' + enc(seq))
        if first or not _same(txn, last[4]):
            parts.append('"txn":' + enc(txn))
        yield "{" + ",".join(parts) + "}\n"
        last = [action, at, device_id, object_type, txn]
        last_seq = seq
        first = False


def _same(a: Any, b: Any) -> bool:
    """The same value, and of the same type (``1`` and ``1.0`` are written differently)."""
    return type(a) is type(b) and a == b


def _image(stored: Any) -> str:
    """A ``before``/``after`` as the journal keeps it: canonical JSON text already."""
    if isinstance(stored, str):
        return stored
    return journal_core.canonical_json(stored)


class _SystemClock:
    def now(self) -> float:
        import time

        return time.time()


def _add_table(conn, files, counts, sealed_rows, table, rows, personal, data_seqs) -> None:
    """A table's ``data/<table>.jsonl`` written in Python (personal fields left out or
    sealed as the bundle says); adds to ``data_seqs`` the journal's inserts of a row as
    its line is, as :func:`_table_lines` does."""
    secret = merge.personal_fields(table)
    if secret and personal != PERSONAL_CLEAR:
        for row in rows:
            values = {f: row[f] for f in secret if row.get(f)}
            if values:
                if personal == PERSONAL_SEALED:
                    sealed_rows.append({"table": table, "id": row["id"], "values": values})
                for f in values:
                    row[f] = ""
    lines = [merge.canonical(r) for r in rows]
    files[f"{DATA_PREFIX}{table}.jsonl"] = "".join(line + "\n" for line in lines).encode()
    counts[table] = len(rows)
    by_id = dict(zip([r["id"] for r in rows], lines))
    data_seqs.extend(str(seq) for seq, object_id, after in conn.execute(
        "SELECT seq, object_id, after FROM journal WHERE object_type = ? AND before IS NULL "
        "AND after IS NOT NULL ORDER BY seq", [table]) if by_id.get(object_id) == after)
