"""Reading a bundle without trusting it: hostile zips, the manifest, the signature,
the hashes, the payload and the journal's chain, checked before anything is used."""

from __future__ import annotations

import base64
import binascii
import contextlib
import gc
import hashlib
import io
import json
import os
import re
import stat
import threading
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cocrea_desktop.core import journal as journal_core
from cocrea_desktop.export import keys
from cocrea_desktop.export.bundle.container import _zip_parts, same_bytes
from cocrea_desktop.export.bundle.format import (
    _HEX64,
    _TABLE_FILE,
    DATA_IMAGE,
    DATA_PREFIX,
    FORMAT,
    FORMAT_VERSION,
    JOURNAL,
    MANIFEST,
    MAX_BUNDLE_BYTES,
    MAX_ENTRIES,
    MAX_ENTRY_BYTES,
    MAX_MANIFEST_BYTES,
    MAX_RATIO,
    MAX_SIGNATURE_BYTES,
    MAX_TOTAL_BYTES,
    MIN_FORMAT_VERSION,
    PERSONAL_CLEAR,
    PERSONAL_OMITTED,
    PERSONAL_SEALED,
    SEALED,
    SIGNATURE,
    BundleError,
    NewerBundleFormat,
    _reject,
)
from cocrea_desktop.i18n import _, ngettext
from cocrea_desktop.store import merge


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
    #: The journal's entries as read and checked (a list, or what makes it on first use:
    #: see :attr:`journal`).
    journal_read: list[dict[str, Any]] | Callable[[], list[dict[str, Any]]]
    sealed: bytes | None
    files: dict[str, int] = field(default_factory=dict)
    #: The whole file (a reference, not a copy), for :attr:`file_sha256`.
    data: bytes = field(default=b"", repr=False)
    _file_sha256: str = field(default="", repr=False)

    @property
    def journal(self) -> list[dict[str, Any]]:
        """The journal's entries, each a dict as parsing its line gives. Checking the
        bundle cuts and hashes each line without making the dict (some 26,000 of them in
        an office's bundle, a third of reading it): they are made here, when a merge
        first reads them, from what the check already validated."""
        if callable(self.journal_read):
            self.journal_read = self.journal_read()
        return self.journal_read

    @property
    def file_sha256(self) -> str:
        """SHA-256 of the whole file: an import records it, so that the same file again is
        recognised before it is verified again (see ``importing.recognise_imported``).
        Computed when an import asks (checking a bundle does not need it)."""
        if not self._file_sha256:
            self._file_sha256 = hashlib.sha256(self.data).hexdigest()
        return self._file_sha256

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
            n = len(scope.get("sessions", []))
            return ngettext("{n} sesión elegida", "{n} sesiones elegidas", n).format(n=n)
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
    return _parse_jsonl_lines(name, data)[0]


def _parse_jsonl_lines(name: str, data: bytes, *, keep_lines: bool = True
                       ) -> tuple[list[dict[str, Any]], list[str]]:
    """:func:`_parse_jsonl`, with the text of each line.

    One pass of the JSON scanner along the whole text: each value must be an object
    that ends exactly where its line ends (so a line is never two objects, nor an object
    two lines, which joining the lines into one array could not tell apart)."""
    try:
        text = data.decode("utf-8")
        if not text:
            return [], []
        if not text.endswith("\n"):
            raise ValueError("no final newline")
        scan = _SCANNER
        rows: list[dict[str, Any]] = []
        lines: list[str] = []
        pos, size = 0, len(text)
        while pos < size:
            if text[pos] != "{":
                raise ValueError("a line is not an object")
            row, end = scan(text, pos)
            if text[end] != "\n":  # IndexError past the end: no final newline
                raise ValueError("a line is not one object")
            rows.append(row)
            if keep_lines:
                lines.append(text[pos:end])
            pos = end + 1
    except (UnicodeDecodeError, ValueError, RecursionError, StopIteration, IndexError):
        raise _reject("payload", _("«{file}» no es un archivo JSON Lines válido.").format(
            file=name), name) from None
    return rows, lines


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


#: The standard library's JSON scanner (its C one when there is one), stepping from one
#: value to the next; ``NaN`` and ``Infinity`` are refused.
_SCANNER = json.scanner.make_scanner(json.JSONDecoder(parse_constant=_no_constant))


#: The end of a journal line as the canonical encoder writes it (identifiers without
#: escapes): the two hashes are cut out of it to get the text the entry's hash covers.
_LINE_TAIL = re.compile(r',"device_id":"[^"\\]*"'
                        r'(,"hash":"[0-9a-f]{64}")'
                        r',"object_id":"[^"\\]*","object_type":"[^"\\]*"'
                        r'(,"prev_hash":"[0-9a-f]{64}")'
                        r',"seq":(?:0|-?[1-9][0-9]*),"txn":"[^"\\]*"\}')
_LINE_HEAD = re.compile(r'\{"action":"[^"\\]*","after":')


def _hashed_text(line: str, entry: dict[str, Any]) -> str | None:
    """The text an entry's hash covers, cut from the entry's own line: the line without
    its ``hash`` and ``prev_hash`` fields. ``None`` unless the line is laid out as the
    canonical encoder lays it out (keys sorted, no spaces, eleven fields, its scalar
    fields written as ``canonical_json`` writes them); the caller then encodes the parsed
    entry instead, as before. The line was parsed whole, so the values it holds are the
    entry's (the tail is the last occurrence of each of its keys). Cutting instead of
    encoding again makes the chain's check one hash per entry (re-encoding every entry
    was most of the time of reading a bundle)."""
    if len(entry) != 11 or not _LINE_HEAD.match(line):
        return None
    start = line.rfind(',"device_id":"')
    found = _LINE_TAIL.fullmatch(line, start) if start > 0 else None
    if found is None:
        return None
    return (line[:found.start(1)] + line[found.end(1):found.start(2)]
            + line[found.end(2):])


_PLAIN = r'"([^"\\\x00-\x1f]*)"'  # a JSON string without escapes, and its text
#: The rest of an insert's line after its ``after`` image (identifiers without escapes).
_INSERT_REST = re.compile(
    r',"at":' + _PLAIN + r',"before":null,"device_id":' + _PLAIN
    + r'(,"hash":"([0-9a-f]{64})"),"object_id":' + _PLAIN + r',"object_type":' + _PLAIN
    + r'(,"prev_hash":"([0-9a-f]{64})"),"seq":(-?(?:0|[1-9][0-9]*)),"txn":' + _PLAIN
    + r'\}')
_ACTION = re.compile(r'[^"\\\x00-\x1f]*')


def _journal_lines(data: bytes) -> list[str]:
    """``journal.jsonl``'s lines: UTF-8 text ending with a newline (or empty)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _reject("payload", _("«{file}» no es un archivo JSON Lines válido.").format(
            file=JOURNAL), JOURNAL) from None
    if text and not text.endswith("\n"):
        raise _reject("payload", _("«{file}» no es un archivo JSON Lines válido.").format(
            file=JOURNAL), JOURNAL)
    return text[:-1].split("\n") if text else []


def _read_journal(data: bytes, known: dict[str, dict[str, Any]]
                  ) -> tuple[journal_core.ChainReport, int, Callable[[], list[dict[str, Any]]]]:
    """Check ``journal.jsonl``: every line an entry, the chain of hashes unbroken.
    Returns the chain's report, the number of entries, and what makes the entries
    (dicts, as parsing each line gives) when they are first asked for.

    Most entries of a bundle insert a row that the bundle carries unchanged: the
    entry's ``after`` is then, character for character, a line of a ``data/`` file,
    parsed already. Such a line (an insert in the canonical layout, whose image is a
    known data line) is checked by cutting it at its fixed keys: the text its hash
    covers is the line without ``hash`` and ``prev_hash``, hashed at once, and its
    entry is made later from the same cut (its image is that row, the same object, to
    be read only); it is exactly what parsing the line gives, since a complete JSON
    object parses one way only. Any other line is parsed whole
    (:func:`_parse_jsonl_lines`'s rules) and its hashed text cut when it can be
    (:func:`_hashed_text`), else encoded."""
    lines = _journal_lines(data)
    # Each line: (match of its tail, its image's row) on the fast path, else None.
    cut: list[tuple[re.Match[str], dict[str, Any]] | None] = []
    rest = _INSERT_REST.fullmatch
    action_ok = _ACTION.fullmatch
    get = known.get
    append = cut.append
    head = '{"action":"'
    slow: list[int] = []
    for n, line in enumerate(lines):
        if line.startswith(head):
            after = line.find('","after":{', 11)
            start = line.rfind(',"at":"')
            image = get(line[after + 10:start]) if after > 0 and start > after else None
            found = rest(line, start) if image is not None else None
            if found is not None and action_ok(line, 11, after):
                append((found, image))
                continue
        slow.append(n)
        append(None)
    parsed: dict[int, dict[str, Any]] = {}
    if slow:
        rows, _same = _parse_jsonl_lines(JOURNAL, ("\n".join(lines[n] for n in slow)
                                                   + "\n").encode())
        parsed = dict(zip(slow, rows))
    chain = _check_cut_chain(lines, cut, parsed)

    def entries() -> list[dict[str, Any]]:
        with _no_cycle_collection():  # some 26,000 dicts, none in a cycle (see there)
            return _made(lines, cut, parsed)

    return chain, len(lines), entries


def _made(lines: list[str], cut: list[tuple[re.Match[str], dict[str, Any]] | None],
          parsed: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    """The entries of the lines :func:`_read_journal` checked, as parsing them gives."""
    made: list[dict[str, Any]] = []
    for n, line in enumerate(lines):
        item = cut[n]
        if item is None:
            made.append(parsed[n])
            continue
        found, image = item
        at, dev, _h, digest, oid, otype, _p, prev, seq, txn = found.groups()
        made.append({"action": line[11:line.find('","after":{', 11)], "after": image,
                     "at": at, "before": None, "device_id": dev, "hash": digest,
                     "object_id": oid, "object_type": otype, "prev_hash": prev,
                     "seq": int(seq), "txn": txn})
    return made


def _check_cut_chain(lines: list[str],
                     cut: list[tuple[re.Match[str], dict[str, Any]] | None],
                     parsed: dict[int, dict[str, Any]]) -> journal_core.ChainReport:
    """:func:`_verify_chain` over lines read by :func:`_read_journal`: a cut line's
    hash, previous hash and number are read from its tail, and its hashed text is the
    line without the two hashes; a parsed line is checked as an entry. Any failure is
    reported by :func:`_verify_chain` itself (the same report as before)."""
    prev = journal_core.GENESIS
    expected_seq = None
    sha256 = hashlib.sha256
    for n, line in enumerate(lines):
        item = cut[n]
        if item is None:
            entry = parsed[n]
            seq = entry.get("seq")
            if (expected_seq is not None and seq != expected_seq) \
                    or entry.get("prev_hash") != prev:
                break
            body = _hashed_text(line, entry)
            if body is None:
                body = merge.canonical({name: entry.get(name)
                                        for name in journal_core.HASHED_FIELDS})
            digest = sha256((prev + "\n" + body).encode("utf-8")).hexdigest()
            if digest != entry.get("hash"):
                break
            expected_seq = (seq if isinstance(seq, int) else 0) + 1
        else:
            found = item[0]
            seq = int(found.group(9))
            if (expected_seq is not None and seq != expected_seq) or found.group(8) != prev:
                break
            hash_start, hash_end = found.span(3)
            prev_start, prev_end = found.span(7)
            digest = sha256((prev + "\n" + line[:hash_start] + line[hash_end:prev_start]
                             + line[prev_end:]).encode("utf-8")).hexdigest()
            if digest != found.group(4):
                break
            expected_seq = seq + 1
        prev = digest
    else:
        return journal_core.ChainReport(True, len(lines), prev)
    # Broken somewhere: the entries made whole, and the chain checked as it always was
    # (the report names the first entry that fails).
    entries = _made(lines, cut, parsed)
    bodies: list[str | None] = []
    for n, line in enumerate(lines):
        item = cut[n]
        if item is None:
            bodies.append(_hashed_text(line, parsed[n]))
        else:
            found = item[0]
            bodies.append(line[:found.start(3)] + line[found.end(3):found.start(7)]
                          + line[found.end(7):])
    return _verify_chain(entries, bodies)


def _verify_chain(entries: list[dict[str, Any]], bodies: list[str | None] | None = None
                  ) -> journal_core.ChainReport:
    """``core.journal.verify_chain``; ``bodies`` holds, where known, the text each
    entry's hash covers (cut from its line), which is then not encoded again."""
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
        body = bodies[count] if bodies is not None else None
        if body is None:
            body = merge.canonical({name: entry.get(name) for name in fields})
        digest = sha256((prev + "\n" + body).encode("utf-8")).hexdigest()
        if digest != entry.get("hash"):
            return journal_core.ChainReport(False, count, prev, seq, "hash")
        prev = digest
        expected_seq = (seq if isinstance(seq, int) else 0) + 1
    return journal_core.ChainReport(True, len(entries), prev)


#: The fields of a version 4 journal line (``hash`` and ``prev_hash`` are computed).
_COMPACT_FIELDS = frozenset(journal_core.HASHED_FIELDS)
#: Fields a line leaves out when they are the previous entry's.
_CARRIED = ("action", "at", "device_id", "object_type", "txn")


def _bad_entry(line: int) -> BundleError:
    return _reject("journal", _("La bitácora del paquete tiene una entrada que no se puede "
                                "leer (línea {line}).").format(line=line), JOURNAL)


def _read_compact_journal(data: bytes, by_id: dict[str, dict[str, tuple[str, dict[str, Any]]]]
                          ) -> tuple[journal_core.ChainReport, int,
                                     Callable[[], list[dict[str, Any]]]]:
    """Check a version 4 ``journal.jsonl`` (see ``docs/bundle-format.md``): each line one
    object of the entry's fields, those left out taken from the entry before (``seq``: the
    one before plus one; ``before``/``after``: null), an ``after`` written ``"$data"``
    taken from the row's line in ``data/``. Each entry's hashed text is built from its
    values as ``core.journal.entry_hash_text`` builds it (a ``"$data"`` image is the data
    line itself, the text the exporting program hashed), and the chain computed from the
    first entry to the last; the manifest's signed last hash closes it. Returns the
    chain's report, the number of entries, and what makes the entries (each with its
    ``hash`` and ``prev_hash``, as a version 3 bundle has them) when a merge asks.

    Most lines of an office's bundle are an insert whose fields other than the row are
    the line before's: ``{"after":"$data","object_id":"…"}``. Those take the short way:
    the hashed text is the fixed text around them (made again only when a carried field
    changes), the row's line and its id; a change of table (a ballot, then its marks)
    keeps to the short way."""
    lines = _journal_lines(data)
    encode = journal_core.scalar_json
    plain = _ENCODE_STR
    canonical = merge.canonical
    sha256 = hashlib.sha256
    allowed = _COMPACT_FIELDS
    digests: list[str] = []
    keep = digests.append
    # Per line: its entry's object id and (when the line names it) table, as read on the
    # short way; else the line's parsed fields.
    read: list[Any] = []
    note = read.append
    images: dict[int, dict[str, Any]] = {}  # line -> the "$data" row it stands for
    prev = journal_core.GENESIS
    seq = 0
    values: list[Any] = [None] * 5
    texts: list[str] = [""] * 5
    table: dict[str, tuple[str, dict[str, Any]]] | None = None
    head = mid = tail = ""
    short = _SHORT_LINE.fullmatch
    for n, line in enumerate(lines):
        found_line = short(line) if n else None
        if found_line is not None:
            # {"after":"$data","object_id":"…"}, perhaps with "object_type" (a change of
            # table), identifiers without escapes: anything else is parsed whole.
            object_id, kind = found_line.groups()
            if kind is not None and kind != values[3]:
                values[3] = kind
                texts[3] = plain(kind)
                tail = ',"object_type":' + texts[3] + ',"seq":'
                table = by_id.get(kind)
            found = table.get(object_id) if table is not None else None
            if found is not None:
                seq += 1
                prev = sha256("".join((prev, head, found[0], mid, plain(object_id), tail,
                                       str(seq), texts[4])).encode()).hexdigest()
                images[n] = found[1]
                note((object_id, kind))
                keep(prev)
                continue
        row = _one_object(line, n + 1)
        note(row)
        if not row.keys() <= allowed:
            raise _bad_entry(n + 1)
        changed = not n
        for k, name in enumerate(_CARRIED):
            if name in row:
                value = row[name]
                values[k] = value
                texts[k] = encode(value)
                changed = True
            elif not n:
                raise _bad_entry(n + 1)
        if changed:
            # The fixed text around an entry's row, id and number (see the short way).
            head = '\n{"action":' + texts[0] + ',"after":'
            mid = (',"at":' + texts[1] + ',"before":null,"device_id":' + texts[2]
                   + ',"object_id":')
            tail = ',"object_type":' + texts[3] + ',"seq":'
            table = by_id.get(values[3]) if type(values[3]) is str else None
            texts[4] = ',"txn":' + encode(values[4]) + "}"
        if "seq" in row:
            new_seq = row["seq"]
            if type(new_seq) is not int or (n and new_seq != seq + 1):
                raise _bad_entry(n + 1)
            seq = new_seq
        elif not n:
            raise _bad_entry(n + 1)
        else:
            seq += 1
        object_id = row.get("object_id", _MISSING)
        if object_id is _MISSING:
            raise _bad_entry(n + 1)
        before, after = row.get("before"), row.get("after")
        if before is None:
            before_text = "null"
        elif type(before) is dict:
            before_text = canonical(before)
        else:
            raise _bad_entry(n + 1)
        if after is None:
            after_text = "null"
        elif type(after) is dict:
            after_text = canonical(after)
        elif after == DATA_IMAGE and before is None:
            found = table.get(object_id) if table is not None and type(object_id) is str \
                else None
            if found is None:
                raise _bad_entry(n + 1)
            after_text = found[0]
            images[n] = found[1]
        else:
            raise _bad_entry(n + 1)
        body = ('{"action":' + texts[0] + ',"after":' + after_text + ',"at":' + texts[1]
                + ',"before":' + before_text + ',"device_id":' + texts[2]
                + ',"object_id":' + encode(object_id) + ',"object_type":' + texts[3]
                + ',"seq":' + str(seq) + texts[4])
        prev = sha256((prev + "\n" + body).encode()).hexdigest()
        keep(prev)

    def entries() -> list[dict[str, Any]]:
        with _no_cycle_collection():
            return _compact_entries(read, digests, images)

    return journal_core.ChainReport(True, len(read), prev), len(read), entries


def _compact_entries(read: list[Any], digests: list[str], images: dict[int, dict[str, Any]]
                     ) -> list[dict[str, Any]]:
    """The entries of a journal :func:`_read_compact_journal` checked, whole."""
    made: list[dict[str, Any]] = []
    carried = dict.fromkeys(_CARRIED)
    prev = journal_core.GENESIS
    seq = 0
    for n, item in enumerate(read):
        if type(item) is tuple:  # read on the short way: (object id, table or None)
            object_id, kind = item
            if kind is not None:
                carried["object_type"] = kind
            seq += 1
            before, after = None, images[n]
        else:
            carried.update((k, v) for k, v in item.items() if k in carried)
            seq = item.get("seq", seq + 1)
            object_id, before = item["object_id"], item.get("before")
            after = images[n] if n in images else item.get("after")
        made.append({"action": carried["action"], "after": after, "at": carried["at"],
                     "before": before, "device_id": carried["device_id"], "hash": digests[n],
                     "object_id": object_id, "object_type": carried["object_type"],
                     "prev_hash": prev, "seq": seq, "txn": carried["txn"]})
        prev = digests[n]
    return made


def _one_object(line: str, number: int) -> dict[str, Any]:
    """A journal line parsed: exactly one JSON object (:func:`_parse_jsonl_lines`'s rules)."""
    try:
        if not line.startswith("{"):
            raise ValueError("not an object")
        row, end = _SCANNER(line, 0)
        if end != len(line):
            raise ValueError("not one object")
    except (ValueError, RecursionError, StopIteration, IndexError):
        raise _reject("payload", _("«{file}» no es un archivo JSON Lines válido.").format(
            file=JOURNAL), JOURNAL) from None
    return row


#: A line read on the short way (an insert of a data row, its other fields carried).
_SHORT_LINE = re.compile(r'\{"after":"' + re.escape(DATA_IMAGE) + r'","object_id":' + _PLAIN
                         + r'(?:,"object_type":' + _PLAIN + r')?\}')
_ENCODE_STR = json.encoder.encode_basestring
_MISSING = object()


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
        with _no_cycle_collection():
            return _open(data, zf, infos)
    except BundleError:
        raise
    except Exception as err:  # a damaged member (CRC, deflate stream...) found while reading
        raise _reject("zip", _("El paquete está incompleto o dañado (no se puede leer el zip)."),
                      detail=repr(err)) from None


_GC_LOCK = threading.Lock()
_GC_STATE = {"paused": 0, "was_enabled": False}


@contextlib.contextmanager
def _no_cycle_collection():
    """Python's cycle collector paused while a bundle is read: the parse makes some
    100,000 dicts and lists (none in a cycle, all freed as usual), and the collector
    went through all of them again and again as they grew (a tenth of the time of
    reading a 23 MB bundle). Nested or on several threads at once, it runs again when
    the last reader ends."""
    with _GC_LOCK:
        if _GC_STATE["paused"] == 0:
            _GC_STATE["was_enabled"] = gc.isenabled()
            gc.disable()
        _GC_STATE["paused"] += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _GC_STATE["paused"] -= 1
            if _GC_STATE["paused"] == 0 and _GC_STATE["was_enabled"]:
                gc.enable()


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
    compact = manifest["format_version"] >= 4
    known: dict[str, dict[str, Any]] = {}  # version 3: each data line's text -> its row
    # Version 4: each table's rows by id -> (its line, its row as parsed).
    by_id: dict[str, dict[str, tuple[str, dict[str, Any]]]] = {}
    for name, content in contents.items():
        match = _TABLE_FILE.match(name)
        if match:
            rows, lines = _parse_jsonl_lines(name, content)
            if any(not isinstance(r.get("id"), str) for r in rows):
                raise _reject("payload", _("«{file}» tiene filas sin identificador.").format(
                    file=name), name)
            if compact:
                index = dict(zip([r["id"] for r in rows], zip(lines, rows)))
                if len(index) != len(rows):
                    raise _reject("payload", _("«{file}» tiene dos filas con el mismo "
                                               "identificador.").format(file=name), name)
                by_id[match.group(1)] = index
            else:
                known.update(zip(lines, rows))
            del lines
            if b'"$bytes"' in content:
                rows = [merge.decode_row(r) for r in rows]
            tables[match.group(1)] = rows
    processes = tables.get("process", [])
    if len(processes) != 1 or processes[0]["id"] != manifest["process_id"]:
        raise _reject("payload", _("El paquete no trae los datos de su proceso."),
                      DATA_PREFIX + "process.jsonl")
    if compact:
        chain, count, journal = _read_compact_journal(contents[JOURNAL], by_id)
    else:
        chain, count, journal = _read_journal(contents[JOURNAL], known)
    del known, by_id
    if not chain.ok:
        raise _reject("journal", _("La bitácora del paquete está alterada a partir de la "
                                   "entrada {seq}.").format(seq=chain.bad_seq), JOURNAL)
    stated = manifest["journal"]
    if count != stated["entries"]:
        raise _reject("journal", _("La bitácora del paquete está incompleta: el manifiesto "
                                   "dice {stated} entradas y trae {found}.").format(
            stated=stated["entries"], found=count), JOURNAL)
    if chain.head != stated["last_hash"]:
        raise _reject("journal", _("La bitácora del paquete no coincide con la que firma el "
                                   "manifiesto: una entrada o una fila se alteró después de "
                                   "firmarse."), JOURNAL)
    entries = [(MANIFEST, manifest_bytes), (SIGNATURE, sig_text), *sorted(contents.items())]
    if not same_bytes(data, _zip_parts(entries, manifest["created_at"])):
        raise _reject("container", _("La estructura del zip fue alterada (encabezados, orden o "
                                     "datos fuera de los archivos)."))
    bundle_id = hashlib.sha256(manifest_bytes).hexdigest()
    return Bundle(manifest, manifest_bytes, bundle_id, public_key, tables, journal,
                  contents.get(SEALED), {n: m["size"] for n, m in manifest["files"].items()},
                  data)


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
