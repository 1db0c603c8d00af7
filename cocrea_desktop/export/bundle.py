"""Signed bundles (``*.cocrea``): export, verify, import/merge, safe writing to a USB stick.

A bundle is a standard zip (see ``docs/bundle-format.md``): ``manifest.json``
(what it is, who made it, every other file with its size and SHA-256),
``manifest.sig`` (a detached Ed25519 signature over the exact manifest bytes),
one JSON Lines file per table under ``data/``, the journal (``journal.jsonl``),
and, when the process has an office key, the personal fields sealed to it
(``sealed/personal.jsonl.sealed``).

Reading never trusts the file: every limit and check runs before anything is
parsed as data, and nothing is written until the bundle fully verified.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import datetime as dt
import errno
import hashlib
import io
import json
import math
import os
import re
import sqlite3
import stat
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from cocrea_desktop import __version__
from cocrea_desktop.core import journal as journal_core
from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.errors import InvalidInput, NotFound, StorageError
from cocrea_desktop.export import keys
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.store import merge
from cocrea_desktop.store.db import ProcessFile, create_process_file, iso_now
from cocrea_desktop.store.device import Device
from cocrea_desktop.store.migrations import known_names

FORMAT = "cocrea-bundle"
FORMAT_VERSION = 2
#: The oldest format this program reads: version 1 did not state its journal's length and
#: last hash in the signed manifest, so a journal cut short could not be told apart.
MIN_FORMAT_VERSION = 2
SUFFIX = ".cocrea"

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
JOURNAL = "journal.jsonl"
SEALED = "sealed/personal.jsonl.sealed"
DATA_PREFIX = "data/"

PERSONAL_SEALED = "sealed"
PERSONAL_OMITTED = "omitted"
PERSONAL_CLEAR = "clear"

# Limits on what a bundle may hold (far above a real process: 40 sessions,
# 2,000 ideas and 20,000 marks make about 15 MB uncompressed).
MAX_BUNDLE_BYTES = 512 * 1024 * 1024
MAX_ENTRIES = 500
MAX_ENTRY_BYTES = 256 * 1024 * 1024
MAX_TOTAL_BYTES = 768 * 1024 * 1024
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
MAX_SIGNATURE_BYTES = 256
MAX_RATIO = 200  # uncompressed / compressed, for entries over 1 MiB

_TABLE_FILE = re.compile(r"^data/([a-z][a-z0-9_]{0,62})\.jsonl$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


# -- errors -------------------------------------------------------------------------
class BundleError(InvalidInput):
    """A bundle that cannot be used; ``check`` names the check, ``file`` the file."""

    def __init__(self, message: str, *, check: str = "", file: str = "",
                 detail: str | None = None) -> None:
        super().__init__(message, detail=detail)
        self.check = check
        self.file = file


class BundleRejected(BundleError):
    """The bundle failed verification: damaged, altered, hostile or not a bundle."""


class NewerBundleFormat(BundleRejected):
    """The bundle was written in a format version this program does not know."""


class UntrustedKey(BundleError):
    """The bundle is intact but its key is new (not yet accepted) or revoked."""

    def __init__(self, message: str, *, fingerprint: str, revoked: bool) -> None:
        super().__init__(message, check="key")
        self.fingerprint = fingerprint
        self.revoked = revoked


class OtherProcess(BundleError):
    """The bundle belongs to another process than the one open."""


class MediaError(StorageError):
    """The bundle could not be written safely to the chosen place."""


class MediaFull(MediaError):
    pass


class MediaReadOnly(MediaError):
    pass


def _reject(check: str, message: str, file: str = "", cls: type = BundleRejected, *,
            detail: str | None = None) -> BundleError:
    return cls(message, check=check, file=file, detail=detail)


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


def _jsonl(rows: Iterable[dict[str, Any]]) -> bytes:
    return "".join(merge.canonical(r) + "\n" for r in rows).encode("utf-8")


def _zip_time(created_at: str) -> tuple[int, int, int, int, int, int]:
    try:
        moment = dt.datetime.fromisoformat(created_at.replace("Z", "+00:00"))
    except ValueError:
        return (1980, 1, 1, 0, 0, 0)
    if moment.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def _slug(text: str, fallback: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    plain = re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-")
    return plain[:40] or fallback


def bundle_file_name(municipality: str, created_at: str, device_name: str) -> str:
    """``<municipio>_<fecha>_<dispositivo>.cocrea``, in plain ASCII for any stick."""
    return "{m}_{d}_{p}{suffix}".format(
        m=_slug(municipality, "proceso"), d=(created_at[:10] or "sin-fecha"),
        p=_slug(device_name, "equipo"), suffix=SUFFIX)


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
        rows = _rows(conn, f"SELECT * FROM {table}{where} ORDER BY id", params)
        if scope_ids is not None:
            exported_ids.update(r["id"] for r in rows)
        _add_table(files, counts, sealed_rows, table, rows, personal)
    for table in deferred:
        rows = [r for r in _rows(conn, f"SELECT * FROM {table} ORDER BY id")
                if r["owner_id"] in exported_ids]
        _add_table(files, counts, sealed_rows, table, rows, personal)
    report(1, 4)
    journal_rows = _rows(conn, "SELECT seq, at, device_id, txn, action, object_type, object_id, "
                               "before, after, prev_hash, hash FROM journal ORDER BY seq")
    files[JOURNAL] = "".join(_journal_line(e) for e in journal_rows).encode("utf-8")
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
        "journal": {"entries": len(journal_rows),
                    "last_hash": journal_rows[-1]["hash"] if journal_rows else
                    journal_core.GENESIS},
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


_JOURNAL_KEYS = ("action", "after", "at", "before", "device_id", "hash", "object_id",
                 "object_type", "prev_hash", "seq", "txn")


def _journal_line(entry: dict[str, Any]) -> str:
    """One journal entry as canonical JSON; ``before``/``after`` are stored canonical already."""
    parts = []
    for key in _JOURNAL_KEYS:  # sorted, as canonical JSON sorts them
        value = entry[key]
        if key in ("before", "after"):
            text = "null" if value is None else value
        else:
            text = merge.canonical(value)
        parts.append('"' + key + '":' + text)
    return "{" + ",".join(parts) + "}\n"


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


_LOCAL = struct.Struct("<4s5H3L2H")
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_END = struct.Struct("<4s4H2LH")
_VERSION = 20
_UTF8 = 0x800
_EXTERNAL = (stat.S_IFREG | 0o644) << 16


def _zip(entries: list[tuple[str, bytes]], created_at: str) -> bytes:
    """The one canonical zip layout of a bundle: stored entries, fixed headers, no extras.

    Entries are stored, not deflated: then every byte of the file is either
    content (covered by the manifest's hashes and signature) or a header that
    :func:`open_bundle` rebuilds and compares, so no byte can change unseen
    (deflate streams have ignored padding bits), and the output does not depend
    on the zlib version.
    """
    year, month, day, hour, minute, second = _zip_time(created_at)
    dos_time = (hour << 11) | (minute << 5) | (second // 2)
    dos_date = ((year - 1980) << 9) | (month << 5) | day
    out = bytearray()
    central = bytearray()
    for name, data in entries:
        raw = name.encode("utf-8")
        crc = zlib.crc32(data) & 0xFFFFFFFF
        offset = len(out)
        out += _LOCAL.pack(b"PK\x03\x04", _VERSION, _UTF8, 0, dos_time, dos_date, crc,
                           len(data), len(data), len(raw), 0)
        out += raw
        out += data
        central += _CENTRAL.pack(b"PK\x01\x02", (3 << 8) | _VERSION, _VERSION, _UTF8, 0,
                                 dos_time, dos_date, crc, len(data), len(data), len(raw), 0, 0,
                                 0, 0, _EXTERNAL, offset)
        central += raw
    start = len(out)
    out += central
    out += _END.pack(b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), start, 0)
    return bytes(out)


# -- verify ---------------------------------------------------------------------------
@dataclass
class VerifyReport:
    """What checking a bundle found; ``check``/``file`` name the first failure."""

    ok: bool
    message: str
    check: str = ""
    file: str = ""
    bundle_id: str = ""
    manifest: dict[str, Any] | None = None
    fingerprint: str = ""

    def to_dict(self) -> dict[str, Any]:
        m = self.manifest or {}
        device = m.get("device") if isinstance(m.get("device"), dict) else {}
        return {"ok": self.ok, "message": self.message, "check": self.check, "file": self.file,
                "bundle_id": self.bundle_id, "fingerprint": self.fingerprint,
                "format_version": m.get("format_version"), "process_id": m.get("process_id"),
                "process_name": m.get("process_name"), "device_id": device.get("id"),
                "device_name": device.get("name"), "created_at": m.get("created_at"),
                "scope": m.get("scope"), "personal_data": m.get("personal_data"),
                "rows": m.get("rows")}


@dataclass
class Bundle:
    """A bundle that passed every check, with its parsed content."""

    manifest: dict[str, Any]
    manifest_bytes: bytes
    bundle_id: str
    public_key: bytes
    tables: dict[str, list[dict[str, Any]]]
    journal: list[dict[str, Any]]
    sealed: bytes | None
    files: dict[str, int] = field(default_factory=dict)

    @property
    def fingerprint(self) -> str:
        return keys.fingerprint(self.public_key)

    @property
    def device_id(self) -> str:
        return self.manifest["device"]["id"]

    @property
    def device_name(self) -> str:
        return self.manifest["device"]["name"]

    @property
    def created_at(self) -> str:
        return self.manifest["created_at"]

    @property
    def personal_data(self) -> str:
        return self.manifest["personal_data"]

    def describe_scope(self) -> str:
        scope = self.manifest["scope"]
        if scope.get("kind") == "sessions":
            return _("{n} sesiones elegidas").format(n=len(scope.get("sessions", [])))
        return _("todo el proceso")

    def report(self) -> VerifyReport:
        return VerifyReport(True, _("El paquete es íntegro y su firma es válida."),
                            bundle_id=self.bundle_id, manifest=self.manifest,
                            fingerprint=self.fingerprint)


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    with zf.open(info) as fh:
        data = fh.read(info.file_size + 1)
    if len(data) != info.file_size:
        raise _reject("size", _("«{file}» no tiene el tamaño que declara el zip.").format(
            file=info.filename), info.filename)
    return data


def _check_entries(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_ENTRIES:
        raise _reject("entries", _("El paquete tiene demasiados archivos ({n}; máximo "
                                   "{max}).").format(n=len(infos), max=MAX_ENTRIES))
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if not info.flag_bits & 0x800 and not name.isascii():
            raise _reject("name", _("El paquete tiene un nombre de archivo que no es UTF-8."),
                          name)
        if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
            raise _reject("absolute", _("El paquete tiene una ruta absoluta: «{file}».").format(
                file=name), name)
        if ".." in re.split(r"[/\\]", name):
            raise _reject("dotdot", _("El paquete tiene una ruta con «..»: «{file}».").format(
                file=name), name)
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise _reject("link", _("El paquete tiene un enlace: «{file}».").format(file=name),
                          name)
        if name.endswith("/") or stat.S_ISDIR(mode) or "\x00" in name or "\\" in name:
            raise _reject("unexpected", _("El paquete tiene un archivo que no debería tener: "
                                          "«{file}».").format(file=name), name)
        if name in seen:
            raise _reject("duplicate", _("El paquete tiene dos archivos llamados «{file}».")
                          .format(file=name), name)
        seen.add(name)
        if info.flag_bits & 0x1:
            raise _reject("encrypted", _("El paquete tiene un archivo cifrado con contraseña: "
                                         "«{file}».").format(file=name), name)
        if info.file_size > MAX_ENTRY_BYTES:
            raise _reject("entry_size", _("«{file}» es demasiado grande.").format(file=name),
                          name)
        if info.file_size > 1024 * 1024 and \
                info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _reject("ratio", _("«{file}» se comprime de forma sospechosa (posible bomba "
                                     "zip).").format(file=name), name)
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise _reject("total_size", _("El contenido del paquete es demasiado grande."))
        if info.compress_type != zipfile.ZIP_STORED:
            raise _reject("compression", _("«{file}» usa una compresión no admitida (un paquete "
                                           "guarda sus archivos sin comprimir).").format(
                file=name), name)


def _parse_manifest(raw: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise _reject("manifest", _("El manifiesto del paquete no se puede leer."),
                      MANIFEST) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _reject("format", _("Este archivo no es un paquete de CoCrea."), MANIFEST)
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _reject("format_version", _("El paquete declara una versión de formato "
                                          "desconocida."), MANIFEST)
    if version > FORMAT_VERSION:
        raise _reject("format_version", _(
            "El paquete usa la versión {version} del formato y este programa solo conoce hasta "
            "la {known}. Actualice CoCrea para importarlo.").format(
            version=version, known=FORMAT_VERSION), MANIFEST, NewerBundleFormat)
    if version < MIN_FORMAT_VERSION:
        raise _reject("format_version", _(
            "El paquete se hizo con una versión anterior de CoCrea (formato {version}), que no "
            "protege su bitácora contra recortes. Actualice CoCrea en el equipo que lo hizo y "
            "vuelva a exportarlo.").format(version=version), MANIFEST)
    device = manifest.get("device")
    files = manifest.get("files")
    ok = (isinstance(device, dict) and all(isinstance(device.get(k), str)
                                           for k in ("id", "name", "public_key"))
          and isinstance(manifest.get("process_id"), str)
          and isinstance(manifest.get("created_at"), str)
          and isinstance(manifest.get("scope"), dict)
          and manifest.get("personal_data") in (PERSONAL_SEALED, PERSONAL_OMITTED,
                                                PERSONAL_CLEAR)
          and isinstance(manifest.get("schema", []), list)
          and isinstance(files, dict)
          and isinstance(manifest.get("journal"), dict)
          and isinstance(manifest["journal"].get("entries"), int)
          and not isinstance(manifest["journal"].get("entries"), bool)
          and manifest["journal"]["entries"] >= 0
          and isinstance(manifest["journal"].get("last_hash"), str)
          and all(isinstance(v, dict) and isinstance(v.get("size"), int)
                  and isinstance(v.get("sha256"), str) and _HEX64.match(v["sha256"])
                  for v in files.values()))
    if not ok:
        raise _reject("manifest", _("Al manifiesto del paquete le faltan datos."), MANIFEST)
    for name in files:
        if name in (MANIFEST, SIGNATURE) or not (
                _TABLE_FILE.match(name) or name in (JOURNAL, SEALED)):
            raise _reject("files", _("El manifiesto nombra un archivo no permitido: "
                                     "«{file}».").format(file=name), name)
    if JOURNAL not in files:
        raise _reject("files", _("Al paquete le falta su bitácora."), JOURNAL)
    return manifest


def _parse_jsonl(name: str, data: bytes) -> list[dict[str, Any]]:
    """JSON Lines: one object per line, each line ``{...}``, ending with a newline."""
    try:
        text = data.decode("utf-8")
        if not text:
            return []
        if not text.endswith("\n"):
            raise ValueError("no final newline")
        lines = text[:-1].split("\n")
        if any(not (line.startswith("{") and line.endswith("}")) for line in lines):
            raise ValueError("a line is not an object")
        # One parse of the whole file is much faster than one per line; the count
        # check makes sure each line was exactly one object.
        rows = json.loads("[" + ",".join(lines) + "]", parse_constant=_no_constant)
        if len(rows) != len(lines) or not all(isinstance(r, dict) for r in rows):
            raise ValueError("lines and objects differ")
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _reject("payload", _("«{file}» no es un archivo JSON Lines válido.").format(
            file=name), name) from None
    return rows


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _verify_chain(entries: list[dict[str, Any]]) -> journal_core.ChainReport:
    """``core.journal.verify_chain`` with one reused JSON encoder (26,000 entries in 0.2 s)."""
    prev = journal_core.GENESIS
    expected_seq = None
    fields = journal_core.HASHED_FIELDS
    sha256 = hashlib.sha256
    for count, entry in enumerate(entries):
        seq = entry.get("seq")
        if expected_seq is not None and seq != expected_seq:
            return journal_core.ChainReport(False, count, prev, seq, "gap")
        if entry.get("prev_hash") != prev:
            return journal_core.ChainReport(False, count, prev, seq, "prev_hash")
        body = merge.canonical({name: entry.get(name) for name in fields})
        digest = sha256((prev + "\n" + body).encode("utf-8")).hexdigest()
        if digest != entry.get("hash"):
            return journal_core.ChainReport(False, count, prev, seq, "hash")
        prev = digest
        expected_seq = (seq if isinstance(seq, int) else 0) + 1
    return journal_core.ChainReport(True, len(entries), prev)


def open_bundle(data: bytes) -> Bundle:
    """Check everything about a bundle and return its content; raise :class:`BundleRejected`.

    The checks, in order: size; a readable zip; entry count, names (UTF-8, no
    absolute path, no ``..``, no link, no duplicate), sizes and compression
    ratio; the manifest and its format version; the exact file list; the
    signature; each file's size and SHA-256; the payload as JSON Lines; the
    journal's hash chain; and last, that the zip is byte for byte the one
    canonical layout of that content (so no byte anywhere can change unseen).
    """
    if len(data) > MAX_BUNDLE_BYTES:
        raise _reject("bundle_size", _("El archivo es demasiado grande para ser un paquete."))
    if not data.startswith(b"PK\x03\x04"):
        raise _reject("not_zip", _("Este archivo no es un paquete de CoCrea (no es un zip)."))
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except UnicodeDecodeError:
        raise _reject("name", _("El paquete tiene un nombre de archivo que no es "
                                "UTF-8.")) from None
    except Exception as err:  # zipfile raises many kinds on hostile input
        raise _reject("zip", _("El paquete está incompleto o dañado (no se puede leer el zip)."),
                      detail=repr(err)) from None
    try:
        return _open(data, zf, infos)
    except BundleError:
        raise
    except Exception as err:  # a damaged member (CRC, deflate stream...) found while reading
        raise _reject("zip", _("El paquete está incompleto o dañado (no se puede leer el zip)."),
                      detail=repr(err)) from None


def _open(data: bytes, zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> Bundle:
    _check_entries(infos)
    by_name = {i.filename: i for i in infos}
    if MANIFEST not in by_name:
        raise _reject("missing", _("Al paquete le falta «{file}».").format(file=MANIFEST),
                      MANIFEST)
    if by_name[MANIFEST].file_size > MAX_MANIFEST_BYTES:
        raise _reject("entry_size", _("«{file}» es demasiado grande.").format(file=MANIFEST),
                      MANIFEST)
    manifest_bytes = _read_member(zf, by_name[MANIFEST])
    manifest = _parse_manifest(manifest_bytes)
    expected = {MANIFEST, SIGNATURE, *manifest["files"]}
    for name in sorted(expected - set(by_name)):
        raise _reject("missing", _("Al paquete le falta «{file}».").format(file=name), name)
    for name in sorted(set(by_name) - expected):
        raise _reject("extra", _("El paquete tiene un archivo que no está en su manifiesto: "
                                 "«{file}».").format(file=name), name)
    try:
        public_key = keys.decode_key(manifest["device"]["public_key"], what="device")
    except keys.BadKey:
        raise _reject("key", _("La llave pública del paquete no es válida."), MANIFEST) from None
    sig_info = by_name[SIGNATURE]
    if sig_info.file_size > MAX_SIGNATURE_BYTES:
        raise _reject("signature", _("La firma del paquete no es válida."), SIGNATURE)
    sig_text = _read_member(zf, sig_info)
    try:
        signature = base64.b64decode(sig_text.rstrip(b"\n"), validate=True)
    except (binascii.Error, ValueError):
        signature = b""
    if sig_text != base64.b64encode(signature) + b"\n":
        signature = b""  # only the canonical text of the signature is accepted
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        if len(signature) != 64:
            raise InvalidSignature()
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, manifest_bytes)
    except InvalidSignature:
        raise _reject("signature", _("La firma del paquete no es válida: el manifiesto fue "
                                     "alterado o no lo firmó esa llave."), SIGNATURE) from None
    contents: dict[str, bytes] = {}
    for name, meta in sorted(manifest["files"].items()):
        info = by_name[name]
        if info.file_size != meta["size"]:
            raise _reject("size", _("«{file}» no tiene el tamaño que dice el manifiesto.")
                          .format(file=name), name)
        content = _read_member(zf, info)
        if hashlib.sha256(content).hexdigest() != meta["sha256"]:
            raise _reject("hash", _("«{file}» fue alterado: su SHA-256 no coincide con el "
                                    "manifiesto.").format(file=name), name)
        contents[name] = content
    tables: dict[str, list[dict[str, Any]]] = {}
    for name, content in contents.items():
        match = _TABLE_FILE.match(name)
        if match:
            rows = _parse_jsonl(name, content)
            if any(not isinstance(r.get("id"), str) for r in rows):
                raise _reject("payload", _("«{file}» tiene filas sin identificador.").format(
                    file=name), name)
            if b'"$bytes"' in content:
                rows = [merge.decode_row(r) for r in rows]
            tables[match.group(1)] = rows
    processes = tables.get("process", [])
    if len(processes) != 1 or processes[0]["id"] != manifest["process_id"]:
        raise _reject("payload", _("El paquete no trae los datos de su proceso."),
                      DATA_PREFIX + "process.jsonl")
    journal = _parse_jsonl(JOURNAL, contents[JOURNAL])
    chain = _verify_chain(journal)
    if not chain.ok:
        raise _reject("journal", _("La bitácora del paquete está alterada a partir de la "
                                   "entrada {seq}.").format(seq=chain.bad_seq), JOURNAL)
    stated = manifest["journal"]
    if len(journal) != stated["entries"]:
        raise _reject("journal", _("La bitácora del paquete está incompleta: el manifiesto "
                                   "dice {stated} entradas y trae {found}.").format(
            stated=stated["entries"], found=len(journal)), JOURNAL)
    if chain.head != stated["last_hash"]:
        raise _reject("journal", _("La bitácora del paquete no termina en la entrada que "
                                   "firma el manifiesto."), JOURNAL)
    entries = [(MANIFEST, manifest_bytes), (SIGNATURE, sig_text), *sorted(contents.items())]
    if _zip(entries, manifest["created_at"]) != data:
        raise _reject("container", _("La estructura del zip fue alterada (encabezados, orden o "
                                     "datos fuera de los archivos)."))
    bundle_id = hashlib.sha256(manifest_bytes).hexdigest()
    return Bundle(manifest, manifest_bytes, bundle_id, public_key, tables, journal,
                  contents.get(SEALED), {n: m["size"] for n, m in manifest["files"].items()})


def verify_bundle(data: bytes) -> VerifyReport:
    """Check a bundle without writing anything; never raises for a bad bundle."""
    try:
        bundle = open_bundle(data)
    except BundleError as err:
        return VerifyReport(False, err.message, err.check, err.file)
    return bundle.report()


def read_bundle_file(path: str | os.PathLike[str]) -> bytes:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BUNDLE_BYTES:
            raise _reject("bundle_size", _("El archivo es demasiado grande para ser un "
                                           "paquete."))
        return path.read_bytes()
    except OSError as err:
        raise BundleError(_("No se pudo leer «{name}»: {reason}").format(
            name=path.name, reason=err.strerror or str(err)), check="read") from err


def load_bundle(path: str | os.PathLike[str]) -> Bundle:
    return open_bundle(read_bundle_file(path))


# -- import / merge ----------------------------------------------------------------
@dataclass
class ImportPreview:
    """What importing a verified bundle would do, before anything is written."""

    bundle: Bundle
    plan: merge.MergePlan
    key_status: str | None  # trusted | revoked | pending | None (never seen)
    sealed_opened: bool
    notes: list[str] = field(default_factory=list)
    already_imported: bool = False

    @property
    def nothing_to_do(self) -> bool:
        return not self.plan.has_changes and self.already_imported and \
            self.key_status == keys.TRUSTED

    def to_dict(self) -> dict[str, Any]:
        return {"bundle_id": self.bundle.bundle_id, "device_id": self.bundle.device_id,
                "device_name": self.bundle.device_name, "fingerprint": self.bundle.fingerprint,
                "key_status": self.key_status, "created_at": self.bundle.created_at,
                "personal_data": self.bundle.personal_data, "sealed_opened": self.sealed_opened,
                "already_imported": self.already_imported, "notes": self.notes,
                **self.plan.summary()}


@dataclass
class ImportResult:
    preview: ImportPreview
    changes: Changes | None

    @property
    def changed(self) -> bool:
        return self.changes is not None

    def to_dict(self) -> dict[str, Any]:
        return {**self.preview.to_dict(), "changed": self.changed}


def _check_process(pf: ProcessFile, bundle: Bundle) -> None:
    local = pf.query("SELECT id, name FROM process")
    if local and local[0]["id"] != bundle.manifest["process_id"]:
        raise OtherProcess(_("Este paquete es del proceso «{bundle}», no del proceso abierto "
                             "«{local}». Ábralo en su proceso, o impórtelo en un proceso "
                             "nuevo.").format(bundle=bundle.manifest.get("process_name", ""),
                                             local=local[0]["name"]), check="process")
    unknown = [n for n in bundle.manifest.get("schema", []) if n not in known_names()]
    if unknown:
        raise BundleError(_("El paquete se hizo con una versión más nueva de CoCrea: "
                            "actualice el programa para importarlo."), check="schema",
                          detail=", ".join(map(str, unknown)))


def _incoming(bundle: Bundle, office_key: keys.OfficeKey | None
              ) -> tuple[dict[str, list[dict[str, Any]]], dict[str, tuple[str, ...]], bool,
                         list[str]]:
    tables = {t: [dict(r) for r in rows] for t, rows in bundle.tables.items()}
    notes: list[str] = []
    masked: dict[str, tuple[str, ...]] = {}
    opened = False
    if bundle.personal_data == PERSONAL_CLEAR:
        return tables, masked, opened, notes
    if bundle.personal_data == PERSONAL_SEALED and office_key is not None and bundle.sealed:
        plaintext = keys.unseal(bundle.sealed, office_key.private)
        by_row = {}
        for entry in _parse_jsonl(SEALED, plaintext):
            values = entry.get("values")
            if isinstance(values, dict):
                by_row[(entry.get("table"), entry.get("id"))] = values
        for table, rows in tables.items():
            secret = merge.personal_fields(table)
            for row in rows:
                values = by_row.get((table, row["id"]))
                if values:
                    row.update({k: v for k, v in values.items() if k in secret})
        return tables, masked, True, notes
    for table in tables:
        if merge.personal_fields(table):
            masked[table] = merge.personal_fields(table)
    if bundle.personal_data == PERSONAL_SEALED:
        notes.append(_("Los datos personales vienen sellados para la oficina y no se abrieron "
                       "(falta la llave privada de la oficina); el resto se importa."))
    else:
        notes.append(_("El paquete no trae datos personales (se dejaron fuera al exportar)."))
    return tables, masked, opened, notes


#: Bounds on incoming values (far above anything the program writes itself).
MAX_TEXT_CHARS = 200_000
MAX_ID_CHARS = 200
MAX_INTEGER = 2 ** 53 - 1


@dataclass(frozen=True)
class _Column:
    name: str
    kind: str  # integer | real | text | blob | any
    required: bool  # NOT NULL
    has_default: bool


def _schema(conn: sqlite3.Connection, table: str) -> dict[str, _Column]:
    found = {}
    for _cid, name, decl, notnull, default, pk in conn.execute(f"PRAGMA table_info({table})"):
        decl = (decl or "").upper()
        kind = ("integer" if "INT" in decl else "text" if "TEXT" in decl or "CHAR" in decl
                else "blob" if "BLOB" in decl else "real" if "REAL" in decl or "FLOA" in decl
                else "any")
        found[name] = _Column(name, kind, bool(notnull) or bool(pk), default is not None)
    return found


def _bad_value(column: _Column, value: Any) -> str:
    """Why ``value`` cannot go in ``column`` (an empty text when it can)."""
    if value is None:
        return _("no puede estar vacío") if column.required else ""
    if column.kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            return _("debe ser un número entero")
        if abs(value) > MAX_INTEGER:
            return _("está fuera de rango")
    elif column.kind == "real":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return _("debe ser un número")
        if not math.isfinite(value) or abs(value) > MAX_INTEGER:
            return _("está fuera de rango")
    elif column.kind == "text":
        if not isinstance(value, str):
            return _("debe ser texto")
        limit = MAX_ID_CHARS if column.name == "id" or column.name.endswith("_id") \
            else MAX_TEXT_CHARS
        if len(value) > limit:
            return _("es demasiado largo ({n} caracteres; máximo {max})").format(
                n=len(value), max=limit)
        if column.name == "id" and not value:
            return _("no puede estar vacío")
    elif column.kind == "blob":
        if not isinstance(value, (bytes, bytearray)):
            return _("debe ser un contenido binario")
    elif isinstance(value, (dict, list)):
        return _("tiene un valor que no es de la base de datos")
    return ""


def validate_rows(conn: sqlite3.Connection, tables: dict[str, list[dict[str, Any]]]) -> None:
    """Check every incoming row against this program's schema, before any write.

    Types (an integer column takes only integers, never ``"uno"``; no NaN or
    infinity), bounds, text lengths, required fields and unknown tables or fields.
    The first problem is raised with the file and line it came from.
    """
    known = set(merge.data_tables(conn))
    for table in sorted(tables):
        name = f"{DATA_PREFIX}{table}.jsonl"
        if table not in known:
            raise _reject("schema", _("El paquete trae la tabla «{table}», que este programa "
                                      "no conoce: actualice CoCrea.").format(table=table),
                          name, BundleError)
        schema = _schema(conn, table)
        required = [c.name for c in schema.values() if c.required and not c.has_default]
        for line, row in enumerate(tables[table], start=1):
            for key, value in row.items():
                column = schema.get(key)
                if column is None:
                    raise _reject("schema", _(
                        "«{file}», línea {line}: el campo «{field}» no lo conoce este "
                        "programa: actualice CoCrea.").format(file=name, line=line, field=key),
                        name, BundleError)
                why = _bad_value(column, value)
                if why:
                    raise _reject("payload", _("«{file}», línea {line}: el campo «{field}» "
                                               "{problem}.").format(
                        file=name, line=line, field=key, problem=why), name)
            missing = [c for c in required if c not in row]
            if missing:
                raise _reject("payload", _("«{file}», línea {line}: falta el campo "
                                           "«{field}».").format(
                    file=name, line=line, field=missing[0]), name)


def preview_import(pf: ProcessFile, bundle: Bundle, *,
                   office_key: keys.OfficeKey | None = None,
                   validated: bool = False) -> ImportPreview:
    """What merging ``bundle`` into ``pf`` would change (added/updated/unchanged/conflicts).

    ``validated``: the rows were already checked by :func:`validate_rows`."""
    _check_process(pf, bundle)
    tables, masked, opened, notes = _incoming(bundle, office_key)
    if not validated:
        validate_rows(pf.conn, tables)
    try:
        plan = merge.plan_merge(pf, tables, merge.History(bundle.journal), masked=masked)
    except merge.IncompatibleData as err:
        raise BundleError(err.message, check="schema") from err
    status = keys.TrustList(pf).status_of(bundle.public_key)
    already = pf.row("bundle_import", bundle.bundle_id) is not None
    return ImportPreview(bundle, plan, status, opened, notes, already)


def _check_key(bundle: Bundle, status: str | None, accept_key: bool) -> None:
    if status == keys.REVOKED:
        raise UntrustedKey(_("La llave {fingerprint} de «{device}» está revocada: el paquete "
                             "no se importa.").format(fingerprint=bundle.fingerprint,
                                                      device=bundle.device_name),
                           fingerprint=bundle.fingerprint, revoked=True)
    if status != keys.TRUSTED and not accept_key:
        raise UntrustedKey(_("Llave nueva de «{device}», huella {fingerprint}. Compruebe la "
                             "huella con quien hizo el paquete y acéptela para importarlo.")
                           .format(fingerprint=bundle.fingerprint, device=bundle.device_name),
                           fingerprint=bundle.fingerprint, revoked=False)


def check_bundles(pf: ProcessFile, bundles: list[Bundle], *,
                  accepted: Iterable[str] = ()) -> None:
    """Every check that can refuse an import, on every bundle, before anything is written:
    one process for all, the process of the file, the schema, each key (trusted, accepted
    now, or revoked). ``accepted`` holds fingerprints accepted by a person."""
    wanted = {keys.compact(f) for f in accepted}
    ids = {b.manifest["process_id"] for b in bundles}
    if len(ids) > 1:
        names = sorted({str(b.manifest.get("process_name", "")) for b in bundles})
        raise OtherProcess(_("Los paquetes son de procesos distintos ({names}): impórtelos "
                             "cada uno en su proceso.").format(names=", ".join(names)),
                           check="process")
    trust = keys.TrustList(pf)
    for bundle in bundles:
        _check_process(pf, bundle)
        _check_key(bundle, trust.status_of(bundle.public_key),
                   keys.compact(bundle.fingerprint) in wanted)


def import_bundles(pf: ProcessFile, bundles: list[Bundle], *, accepted: Iterable[str] = (),
                   office_key: keys.OfficeKey | None = None) -> list[ImportResult]:
    """Merge verified bundles all or nothing: every check on every bundle first (process,
    keys, schema, each row's types and bounds), then all of them in one journaled
    transaction. A bundle refused leaves the file exactly as it was."""
    bundles = list(bundles)
    accepted = {keys.compact(f) for f in accepted}
    check_bundles(pf, bundles, accepted=accepted)
    for bundle in bundles:  # every row's types and bounds
        validate_rows(pf.conn, _incoming(bundle, office_key)[0])
    results: list[ImportResult] = []
    if len(bundles) == 1:
        label = Label(N_("importar el paquete de «{device}»"), device=bundles[0].device_name)
    else:
        label = Label(N_("importar {n} paquetes"), n=len(bundles))
    trust = keys.TrustList(pf)
    with pf.write("bundle.import", label, undoable=False) as unit:
        # Rows arrive parent-first, but an idea may point at a later idea.
        pf.conn.execute("PRAGMA defer_foreign_keys = ON")
        for bundle in bundles:
            # Planned inside the transaction: each bundle sees the rows of the ones before.
            preview = preview_import(pf, bundle, office_key=office_key, validated=True)
            if preview.nothing_to_do:
                results.append(ImportResult(preview, None))
                continue
            merge.write_plan(unit, preview.plan, bundle_id=bundle.bundle_id)
            if preview.key_status != keys.TRUSTED:
                trust.record(unit, public_key=bundle.public_key, device_id=bundle.device_id,
                             name=bundle.device_name, status=keys.TRUSTED)
            if pf.row("bundle_import", bundle.bundle_id) is None:
                unit.insert("bundle_import", {
                    "id": bundle.bundle_id, "device_id": bundle.device_id,
                    "bundle_created_at": bundle.created_at, "imported_at": unit.at,
                    "summary": merge.canonical(preview.to_dict())})
            results.append(ImportResult(preview, True))  # type: ignore[arg-type]
    changes = Changes(label=label, tables=frozenset(unit.tables), ids=frozenset(unit.ids),
                      undoable=False)
    return [ImportResult(r.preview, changes if r.changes is not None else None)
            for r in results]


def import_bundle(pf: ProcessFile, bundle: Bundle, *, accept_key: bool = False,
                  office_key: keys.OfficeKey | None = None,
                  preview: ImportPreview | None = None) -> ImportResult:
    """Merge a verified bundle into the open process in one journaled transaction.

    Refuses a revoked key, and a key never accepted unless ``accept_key``. The
    same bundle twice changes nothing. (``preview`` is accepted for callers that
    showed one; the merge is planned again inside the transaction.)
    """
    accepted = [bundle.fingerprint] if accept_key else []
    return import_bundles(pf, [bundle], accepted=accepted, office_key=office_key)[0]


def new_process_from_bundle(path: str | os.PathLike[str], *, device: Device | None = None,
                            clock=None) -> ProcessFile:
    """An empty process file (schema only) to import bundles into, at the office."""
    return create_process_file(path, device=device, clock=clock)


# -- writing to removable media ---------------------------------------------------------
def _free_name(target: Path) -> Path:
    if not target.exists():
        return target
    stem = target.name[: -len(SUFFIX)] if target.name.endswith(SUFFIX) else target.stem
    for n in range(2, 1000):
        candidate = target.with_name(f"{stem}_{n}{SUFFIX}")
        if not candidate.exists():
            return candidate
    raise MediaError(_("Hay demasiados paquetes con el mismo nombre en «{folder}».").format(
        folder=target.parent))


def _media_error(err: OSError, folder: Path) -> MediaError:
    if err.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return MediaFull(_("No cabe el paquete en «{folder}»: el disco o la memoria está "
                           "lleno. Los paquetes anteriores no se tocaron.").format(
            folder=folder), detail=str(err))
    if err.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return MediaReadOnly(_("No se puede escribir en «{folder}»: es de solo lectura o no hay "
                               "permiso (¿la memoria tiene el seguro puesto?).").format(
            folder=folder), detail=str(err))
    return MediaError(_("Se interrumpió la escritura en «{folder}» (¿se retiró la memoria?). "
                        "No quedó ningún paquete a medias; vuelva a intentarlo.").format(
        folder=folder), detail=str(err))


def write_bundle_file(data: bytes, destination: str | os.PathLike[str], *, name: str = "",
                      progress: Callable[[int, int], None] | None = None,
                      write: Callable[[BinaryIO, bytes], Any] | None = None) -> Path:
    """Write a bundle safely: a temporary name, flush and fsync, rename, read back, verify.

    ``destination`` is a folder (the bundle gets ``name``) or a file path. An
    existing file is never replaced: a free name is chosen. On any failure no
    file is left under the final name. ``write`` replaces ``fh.write`` (tests
    use it to pull the stick part-way).
    """
    destination = Path(destination)
    target = destination / name if destination.is_dir() else destination
    folder = target.parent
    target = _free_name(target)
    tmp = folder / f".{target.name}.{os.getpid()}.part"
    put = write or (lambda fh, chunk: fh.write(chunk))
    chunk_size = 1024 * 1024
    total = len(data)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     0o644)
        with os.fdopen(fd, "wb") as fh:
            for start in range(0, total, chunk_size):
                put(fh, data[start:start + chunk_size])
                if progress:
                    progress(min(start + chunk_size, total), total)
            fh.flush()
            os.fsync(fh.fileno())
        os.rename(tmp, target)
        _fsync_dir(folder)
    except OSError as err:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise _media_error(err, folder) from err
    try:
        back = target.read_bytes()
        if back != data:
            raise OSError(errno.EIO, "read back differs")
        open_bundle(back)
    except (OSError, BundleError) as err:
        with contextlib.suppress(OSError):
            target.unlink()
        raise MediaError(_("El paquete escrito en «{folder}» no se pudo leer de vuelta igual; "
                           "se borró. Pruebe con otra memoria.").format(folder=folder),
                         detail=str(err)) from err
    return target


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def export_to(source: str | os.PathLike[str], destination: str | os.PathLike[str], *,
              device: Device, sessions: Iterable[str] | None = None,
              include_personal: bool = False, created_at: str | None = None,
              progress: Callable[[int, int], None] | None = None) -> tuple[Path, ExportResult]:
    """Export and write safely in one step (the CLI and the GUI's background task)."""
    def step(offset: int):
        return (lambda done, total: progress(offset + done * 50 // max(total, 1), 100)) \
            if progress else None

    result = export_bundle(source, device=device, sessions=sessions,
                           include_personal=include_personal, created_at=created_at,
                           progress=step(0))
    path = write_bundle_file(result.data, destination, name=result.name, progress=step(50))
    return path, result
