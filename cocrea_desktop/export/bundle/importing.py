"""Import preview and merge: every check on every bundle first, then one transaction."""

from __future__ import annotations

import hashlib
import math
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cocrea_desktop.core import dates
from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.export import keys
from cocrea_desktop.export.bundle.format import (
    DATA_PREFIX,
    PERSONAL_CLEAR,
    PERSONAL_SEALED,
    SEALED,
    BundleError,
    OtherProcess,
    UntrustedKey,
    _reject,
)
from cocrea_desktop.export.bundle.verify import Bundle, _parse_jsonl
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.store import merge, session_events
from cocrea_desktop.store.db import ProcessFile, create_process_file
from cocrea_desktop.store.device import Device
from cocrea_desktop.store.migrations import known_names


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


def _add_session_events(pf: ProcessFile, bundle: Bundle,
                        tables: dict[str, list[dict[str, Any]]]) -> None:
    """The history of the bundle's sessions (phases, timers, the notice), kept in its
    journal, as ``session_event`` rows to merge: the journal itself stays local, and
    without these the office's acta lost the story of a session run on a table laptop."""
    sessions = {str(r.get("id")) for r in tables.get("session", ())}
    candidates = [e for e in bundle.journal if session_events.session_of(e) in sessions]
    if not candidates:
        return
    known = session_events.local_hashes(pf, [str(e.get("hash") or "") for e in candidates])
    rows = tables.setdefault("session_event", [])
    have = {r.get("id") for r in rows}
    rows.extend(r for r in session_events.rows_from_journal(candidates, sessions, known)
                if r["id"] not in have)


def _incoming(pf: ProcessFile, bundle: Bundle, office_key: keys.OfficeKey | None
              ) -> tuple[dict[str, list[dict[str, Any]]], dict[str, tuple[str, ...]], bool,
                         list[str]]:
    tables = {t: [dict(r) for r in rows] for t, rows in bundle.tables.items()}
    _add_session_events(pf, bundle, tables)
    notes: list[str] = []
    masked: dict[str, tuple[str, ...]] = {}
    opened = False
    if bundle.personal_data == PERSONAL_CLEAR:
        return tables, masked, opened, notes
    if bundle.personal_data == PERSONAL_SEALED and office_key is None and bundle.sealed \
            and getattr(pf, "device", None) is not None:
        # Sealed for this computer's own office key (it prepared the table laptops).
        own = keys.device_office_key(pf.device)
        if keys.compact(own.fingerprint) == keys.compact(
                str(bundle.manifest.get("office_key_fingerprint") or "")):
            office_key = own
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


def validate_rows(conn: sqlite3.Connection, tables: dict[str, list[dict[str, Any]]], *,
                  memo: dict[str, Any] | None = None) -> None:
    """Check every incoming row against this program's schema, before any write.

    Types (an integer column takes only integers, never ``"uno"``; no NaN or
    infinity), bounds, text lengths, required fields and unknown tables or fields.
    The first problem is raised with the file and line it came from.
    """
    memo = {} if memo is None else memo  # the schema read once for many bundles
    known = memo.get("") or set(merge.data_tables(conn))
    memo[""] = known
    for table in sorted(tables):
        name = f"{DATA_PREFIX}{table}.jsonl"
        if table not in known:
            raise _reject("schema", _("El paquete trae la tabla «{table}», que este programa "
                                      "no conoce: actualice CoCrea.").format(table=table),
                          name, BundleError)
        schema = memo.get(table) or _schema(conn, table)
        memo[table] = schema
        required = [c.name for c in schema.values() if c.required and not c.has_default]
        if _all_fine(schema, required, tables[table]):
            continue  # the common case, checked column by column; else find the first problem
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


def _all_fine(schema: dict[str, _Column], required: list[str], rows: list[dict[str, Any]]
              ) -> bool:
    """Whether every row is plainly right (known fields, plain values of the right type
    within bounds, required fields there): one pass per column instead of per value.
    ``False`` sends the table to the row-by-row check, which names the problem."""
    names = set(schema)
    needed = set(required)
    for row in rows:
        keys = row.keys()
        if not keys <= names or not needed <= keys:
            return False
    for name, column in schema.items():
        values = [row[name] for row in rows if name in row]
        present = [v for v in values if v is not None]
        if column.required and len(present) != len(values):
            return False
        kinds = set(map(type, present))
        if column.kind == "integer":
            if not kinds <= {int} or (present and (max(present) > MAX_INTEGER
                                                   or min(present) < -MAX_INTEGER)):
                return False
        elif column.kind == "text":
            limit = MAX_ID_CHARS if name == "id" or name.endswith("_id") else MAX_TEXT_CHARS
            if not kinds <= {str} or (present and max(map(len, present)) > limit):
                return False
            if name == "id" and "" in present:
                return False
        else:
            return False  # real, blob, any: the careful check
    return True


def preview_import(pf: ProcessFile, bundle: Bundle, *,
                   office_key: keys.OfficeKey | None = None,
                   validated: bool = False) -> ImportPreview:
    """What merging ``bundle`` into ``pf`` would change (added/updated/unchanged/conflicts).

    ``validated``: the rows were already checked by :func:`validate_rows`."""
    _check_process(pf, bundle)
    tables, masked, opened, notes = _incoming(pf, bundle, office_key)
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
    memo: dict[str, Any] = {}
    for bundle in bundles:  # every row's types and bounds
        validate_rows(pf.conn, _incoming(pf, bundle, office_key)[0], memo=memo)
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
                    "summary": merge.canonical(preview.to_dict()),
                    "file_sha256": bundle.file_sha256})
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


@dataclass(frozen=True)
class PastImport:
    """A bundle file this process already verified and merged, byte for byte."""

    bundle_id: str
    device_id: str
    device_name: str
    created_at: str
    imported_at: str
    fingerprint: str = ""

    def message(self) -> str:
        return _("Este paquete ya se importó el {when}, tal cual (mismo archivo, byte por "
                 "byte): no se volvió a revisar y no cambia nada.").format(
            when=dates.format_datetime(self.imported_at))


def recognise_imported(pf: ProcessFile, data: bytes, *,
                       office_key: keys.OfficeKey | None = None) -> PastImport | None:
    """The earlier import of exactly this file, if there was one; else ``None``.

    One SHA-256 of the file and one indexed lookup, before any verification: the file
    was verified and merged when it was imported, and the same bytes merge to nothing
    new. A file that differs in any byte (a bundle changed, even under the same name)
    is not recognised and goes through every check. A bundle whose laptop's key was
    revoked since is not recognised either, so that it is refused as before; nor is one
    whose sealed personal data was left closed, when ``office_key`` can open it now.
    """
    digest = hashlib.sha256(data).hexdigest()
    rows = pf.query("SELECT b.id, b.device_id, b.bundle_created_at, b.imported_at, "
                    "json_extract(b.summary, '$.personal_data') AS personal, "
                    "json_extract(b.summary, '$.sealed_opened') AS opened, "
                    # The name the bundle carried (the laptop's name when it exported);
                    # its device row keeps the name the laptop had when it first wrote.
                    "COALESCE(NULLIF(json_extract(b.summary, '$.device_name'), ''), d.name) "
                    "AS device_name, (SELECT k.id FROM key_trust k WHERE k.device_id = "
                    "b.device_id ORDER BY k.first_seen DESC LIMIT 1) AS fingerprint "
                    "FROM bundle_import b LEFT JOIN device d ON d.id = b.device_id "
                    "WHERE b.file_sha256 = ? LIMIT 1", [digest])
    if not rows:
        return None
    row = rows[0]
    revoked = pf.scalar("SELECT 1 FROM key_trust WHERE device_id = ? AND status = ?",
                        [row["device_id"], keys.REVOKED])
    if revoked:
        return None
    if office_key is not None and row["personal"] == PERSONAL_SEALED and not row["opened"]:
        return None  # a keyed re-import fills in the personal data left sealed
    return PastImport(row["id"], row["device_id"], row["device_name"] or "",
                      row["bundle_created_at"], row["imported_at"], row["fingerprint"] or "")


def new_process_from_bundle(path: str | os.PathLike[str], *, device: Device | None = None,
                            clock=None) -> ProcessFile:
    """An empty process file (schema only) to import bundles into, at the office."""
    return create_process_file(path, device=device, clock=clock)
