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
            _add_table(files, counts, sealed_rows, table, rows, personal)
            continue
        ids, lines = _table_lines(conn, table, cols, where, params)
        if scope_ids is not None:
            exported_ids.update(ids)
        files[f"{DATA_PREFIX}{table}.jsonl"] = lines
        counts[table] = len(ids)
    for table in deferred:
        rows = [r for r in _rows(conn, f"SELECT * FROM {table} ORDER BY id")
                if r["owner_id"] in exported_ids]
        _add_table(files, counts, sealed_rows, table, rows, personal)
    report(1, 4)
    files[JOURNAL], journal_count, journal_last = _journal_file(conn)
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
                 params: list[Any]) -> tuple[list[str], bytes]:
    """A table's ``data/<table>.jsonl``, each line written by SQLite (``store.sqljson``:
    the same bytes as ``canonical_json``); a row holding a real or a blob in Python."""
    expr = sqljson.row_json(cols, texts=sqljson.text_columns(conn, table))
    try:
        found = conn.execute(f"SELECT id, CAST({expr} || char(10) AS BLOB) "
                             f"FROM {table}{where} ORDER BY id", params).fetchall()
    except sqlite3.OperationalError:  # a blob in a text column: check each row
        found = conn.execute(f"SELECT id, CAST({sqljson.row_json(cols)} || char(10) AS BLOB) "
                             f"FROM {table}{where} ORDER BY id", params).fetchall()
    ids = [row_id for row_id, _line in found]
    lines = [line for _id, line in found]
    for n, line in enumerate(lines):
        if line is None:
            row = _rows(conn, f"SELECT * FROM {table} WHERE id = ?", [ids[n]])[0]
            lines[n] = (merge.canonical(row) + "\n").encode("utf-8")
    return ids, b"".join(lines)


_JOURNAL_FIELDS = ("action", "after", "at", "before", "device_id", "hash", "object_id",
                   "object_type", "prev_hash", "seq", "txn")


def _journal_file(conn: sqlite3.Connection) -> tuple[bytes, int, str]:
    """``journal.jsonl`` (every entry in ``seq`` order), its length and last hash.

    Each line is written by SQLite when it can (``before``/``after`` are stored as
    canonical JSON already; the other fields through ``json_quote``), else by
    :func:`_journal_line`."""
    if not sqljson.usable(conn, _JOURNAL_FIELDS):
        rows = _rows(conn, "SELECT * FROM journal ORDER BY seq")
        return ("".join(_journal_line(e) for e in rows).encode("utf-8"), len(rows),
                rows[-1]["hash"] if rows else "")
    texts = sqljson.text_columns(conn, "journal")
    try:
        expr = sqljson.row_json(_JOURNAL_FIELDS, raw=("before", "after"), texts=texts)
        found = conn.execute(f"SELECT seq, hash, CAST({expr} || char(10) AS BLOB) "
                             "FROM journal ORDER BY seq").fetchall()
    except sqlite3.OperationalError:  # a blob in a text column: check each entry
        expr = sqljson.row_json(_JOURNAL_FIELDS, raw=("before", "after"))
        found = conn.execute(f"SELECT seq, hash, CAST({expr} || char(10) AS BLOB) "
                             "FROM journal ORDER BY seq").fetchall()
    lines = [line for _seq, _hash, line in found]
    for n, line in enumerate(lines):
        if line is None:
            row = _rows(conn, "SELECT * FROM journal WHERE seq = ?", [found[n][0]])[0]
            lines[n] = _journal_line(row).encode("utf-8")
    return b"".join(lines), len(found), found[-1][1] if found else ""


def _journal_line(entry: dict[str, Any]) -> str:
    """One journal entry as canonical JSON; ``before``/``after`` are stored canonical already."""
    enc = journal_core.scalar_json
    e = entry
    return ('{"action":' + enc(e["action"]) + ',"after":' + (e["after"] or "null")
            + ',"at":' + enc(e["at"]) + ',"before":' + (e["before"] or "null")
            + ',"device_id":' + enc(e["device_id"]) + ',"hash":' + enc(e["hash"])
            + ',"object_id":' + enc(e["object_id"]) + ',"object_type":'
            + enc(e["object_type"]) + ',"prev_hash":' + enc(e["prev_hash"]) + ',"seq":'
            + enc(e["seq"]) + ',"txn":' + enc(e["txn"]) + "}\n")


class _SystemClock:
    def now(self) -> float:
        import time

        return time.time()


def _add_table(files, counts, sealed_rows, table, rows, personal) -> None:
    secret = merge.personal_fields(table)
    if secret and personal != PERSONAL_CLEAR:
        for row in rows:
            values = {f: row[f] for f in secret if row.get(f)}
            if values:
                if personal == PERSONAL_SEALED:
                    sealed_rows.append({"table": table, "id": row["id"], "values": values})
                for f in values:
                    row[f] = ""
    files[f"{DATA_PREFIX}{table}.jsonl"] = _jsonl(rows)
    counts[table] = len(rows)
