"""Table laptops: the starting files the office writes, and opening one on a table laptop.

A day of many tables, from the office's side:

1. :func:`prepare_tables` checks the plan (tables named, each session at one table, a
   folder that can be written) and records one ``table_laptop`` row per table, with
   the ballots' secret encrypted under a fresh 8-character **code** (:func:`seal_secret`);
2. :func:`write_table_files` (off the GUI thread) writes one signed bundle per table
   with that table's sessions: the laptop's starting file. The codes go on the
   printed sheet (``export/pdf/tables_sheet.py``) and on the screen, never on the stick;
3. on the table laptop, :func:`open_table_file` checks the file, asks the code, makes
   a new process file from it (the same process: same ids), puts the ballots' secret in
   place and records that this computer is the table's;
4. the bundles that come back are imported at the office as any other; the office's
   ``repo.tables`` says which laptops came back.

The secret's box: ``"CTB1"`` + a 16-byte salt + a 12-byte nonce + ChaCha20-Poly1305 of
the secret's 32 bytes, with key = scrypt(code, salt, n=2^14, r=8, p=1) and associated
data binding it to the process, the table's name and the key that signed the file, so
that a box copied into a file signed by another key does not open.
"""

from __future__ import annotations

import base64
import contextlib
import os
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.export import keys
from cocrea_desktop.export.bundle import format as bundle_format
from cocrea_desktop.export.bundle.build import export_bundle
from cocrea_desktop.export.bundle.format import SUFFIX
from cocrea_desktop.export.bundle.importing import import_bundles, new_process_from_bundle
from cocrea_desktop.export.bundle.media import write_bundle_file
from cocrea_desktop.export.bundle.verify import Bundle, load_bundle
from cocrea_desktop.i18n import _
from cocrea_desktop.store.device import Device
from cocrea_desktop.store.tables import TableLaptop, TablePlan

#: The code's letters: no 0/O, 1/I/L, so that it reads back from paper without doubt.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
BOX_MAGIC = b"CTB1"
_SCRYPT_N = 2 ** 14


class WrongCode(InvalidInput):
    """The code does not open the table's file."""


@dataclass(frozen=True)
class PreparedTable:
    """A table laptop recorded at the office, with the code shown once."""

    id: str
    name: str
    sessions: tuple[str, ...]
    code: str  # as printed: ABCD-EFGH
    file_name: str


# -- the code and the box -----------------------------------------------------------
def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH))
    return format_code(raw)


def format_code(raw: str) -> str:
    return raw[:4] + "-" + raw[4:]


def normalize_code(text: str) -> str:
    """The code as typed (any case, spaces or dashes) to its 8 letters; a Spanish error
    when it cannot be one."""
    raw = "".join(ch for ch in str(text or "").upper() if ch not in " -_\t")
    if len(raw) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in raw):
        raise WrongCode(_("El código de la mesa tiene 8 letras y números, como «ABCD-2345» "
                          "(sin la O, la I, la L, el 0 ni el 1). Cópielo de la hoja impresa en "
                          "la oficina."))
    return raw


def _aad(process_id: str, table_name: str, signer_public_key: bytes) -> bytes:
    return b"cocrea table secret v1\n" + process_id.encode() + b"\n" + \
        table_name.encode() + b"\n" + signer_public_key


def _key(code: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=_SCRYPT_N, r=8, p=1).derive(
        normalize_code(code).encode())


def seal_secret(secret_hex: str, code: str, *, process_id: str, table_name: str,
                signer_public_key: bytes) -> str:
    """The ballots' secret encrypted under the table's code (base64)."""
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    sealed = ChaCha20Poly1305(_key(code, salt)).encrypt(
        nonce, bytes.fromhex(secret_hex), _aad(process_id, table_name, signer_public_key))
    return base64.b64encode(BOX_MAGIC + salt + nonce + sealed).decode()


def open_secret(box: str, code: str, *, process_id: str, table_name: str,
                signer_public_key: bytes) -> str | None:
    """The secret (hex) when ``code`` opens ``box``; ``None`` when it does not."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    try:
        blob = base64.b64decode(box, validate=True)
    except ValueError:
        return None
    if not blob.startswith(BOX_MAGIC) or len(blob) < 4 + 16 + 12 + 16:
        return None
    salt, nonce, sealed = blob[4:20], blob[20:32], blob[32:]
    try:
        secret = ChaCha20Poly1305(_key(code, salt)).decrypt(
            nonce, sealed, _aad(process_id, table_name, signer_public_key))
    except InvalidTag:
        return None
    return secret.hex()


# -- at the office ------------------------------------------------------------------
def check_folder(folder: str | os.PathLike[str] | None) -> Path:
    """A folder the files can be written to, or a Spanish error (nothing is written)."""
    if not folder or not str(folder).strip():
        raise InvalidInput(_("Elija la memoria USB o la carpeta donde se escriben los "
                             "archivos de las mesas."))
    path = Path(folder)
    if not path.is_dir():
        raise InvalidInput(_("La carpeta «{folder}» no existe.").format(folder=path))
    probe = path / f".cocrea-probe-{secrets.token_hex(4)}"
    try:
        with open(probe, "xb") as fh:
            fh.write(b"ok")
    except OSError:
        raise InvalidInput(_("No se puede escribir en la carpeta «{folder}»: es de solo lectura "
                             "o no hay permiso (¿la memoria tiene el seguro puesto?). No se "
                             "escribió nada.").format(folder=path)) from None
    finally:
        with contextlib.suppress(OSError):
            probe.unlink()
    return path


def table_file_name(municipality: str, table_name: str) -> str:
    """``mesa_<mesa>_<municipio>.cocrea`` in plain ASCII."""
    return "mesa_{t}_{m}{suffix}".format(t=bundle_format._slug(table_name, "mesa"),
                                         m=bundle_format._slug(municipality, "proceso"),
                                         suffix=SUFFIX)


def _free_names(folder: Path, wanted: list[str]) -> list[str]:
    taken: set[str] = set()
    names = []
    for name in wanted:
        stem = name[: -len(SUFFIX)]
        candidate, n = name, 1
        while candidate in taken or (folder / candidate).exists():
            n += 1
            candidate = f"{stem}_{n}{SUFFIX}"
        taken.add(candidate)
        names.append(candidate)
    return names


def prepare_tables(repo, plan: Sequence[TablePlan], folder: str | os.PathLike[str] | None
                   ) -> tuple[list[PreparedTable], Path, object]:
    """Check everything, then record the table laptops (one transaction). Returns the
    tables (with their codes), the folder, and the changes. Bad input raises a Spanish
    error and nothing is written."""
    clean = repo.tables.check_plan(plan)
    target = check_folder(folder)
    secret_hex = repo.ballot_secret().hex()  # a file without it cannot give it to a table
    process = repo.process()
    device = repo.pf.device
    names = _free_names(target, [table_file_name(process.municipality, t.name) for t in clean])
    codes = [new_code() for _t in clean]
    boxes = [seal_secret(secret_hex, code, process_id=process.id, table_name=t.name,
                         signer_public_key=device.public_key_bytes())
             for t, code in zip(clean, codes)]
    # Without an office key the tables would leave names and phones out: this computer's
    # own office key is given to the process, so they travel sealed for it.
    office = keys.device_office_key(device)
    ids, changes = repo.tables.prepare(zip(clean, names, boxes),
                                       office_public_key=office.public_b64)
    prepared = [PreparedTable(i, t.name, t.sessions, code, name)
                for i, t, code, name in zip(ids, clean, codes, names)]
    return prepared, target, changes


def write_table_files(source: str | os.PathLike[str], prepared: Sequence[PreparedTable],
                      folder: str | os.PathLike[str], *, device: Device,
                      progress: Callable[[int, int], None] | None = None) -> list[Path]:
    """Write each table's starting file (a signed bundle of its sessions), safely, and
    read it back. Reads the process file on its own connection (a background thread)."""
    report = progress or (lambda done, total: None)
    total = max(len(prepared), 1) * 2
    written: list[Path] = []
    report(0, total)
    for n, table in enumerate(prepared):
        result = export_bundle(source, device=device, sessions=table.sessions)
        report(2 * n + 1, total)
        written.append(write_bundle_file(result.data, Path(folder) / table.file_name))
        report(2 * n + 2, total)
    return written


# -- on the table laptop ------------------------------------------------------------
def _candidates(bundle: Bundle) -> list[dict]:
    import json

    scope = bundle.manifest.get("scope") or {}
    rows = bundle.tables.get("table_laptop") or []
    if scope.get("kind") != "sessions" or not rows:
        raise InvalidInput(_("Este archivo no es el de una computadora de mesa: es un paquete "
                             "común. Impórtelo con «Importar paquetes…»."))
    wanted = set(scope.get("sessions") or [])
    found = []
    for row in rows:
        try:
            sessions = set(json.loads(row.get("sessions") or "[]"))
        except (ValueError, TypeError):
            continue
        if sessions == wanted and row.get("secret_box"):
            found.append(row)
    if not found:
        raise InvalidInput(_("Este archivo no es el de una computadora de mesa: sus sesiones "
                             "no son las de ninguna mesa preparada."))
    return sorted(found, key=lambda r: (str(r.get("prepared_at")), str(r.get("id"))),
                  reverse=True)


def table_of_file(bundle: Bundle, code: str) -> tuple[dict, str]:
    """The table row whose box ``code`` opens in this starting file, and the secret."""
    normalize_code(code)
    candidates = _candidates(bundle)
    for row in candidates:
        secret = open_secret(row["secret_box"], code, process_id=bundle.manifest["process_id"],
                             table_name=row["name"], signer_public_key=bundle.public_key)
        if secret is not None:
            return row, secret
    raise WrongCode(_("El código no abre el archivo de la mesa «{name}». Revise la hoja "
                      "impresa en la oficina: cada mesa tiene su propio código.").format(
        name=candidates[0]["name"]))


def open_table_file(bundle_path: str | os.PathLike[str], target: str | os.PathLike[str],
                    code: str, *, device: Device | None = None, clock=None
                    ) -> tuple[object, TableLaptop]:
    """On a table laptop: make the process file ``target`` from the table's starting file,
    when ``code`` opens it. Returns the open Repo and its table. Nothing is left behind
    when anything fails (a wrong code, a damaged file, a target that exists)."""
    from cocrea_desktop.store.repo import Repo

    bundle = load_bundle(bundle_path)
    row, secret_hex = table_of_file(bundle, code)
    target = Path(target)
    if target.exists():
        raise InvalidInput(_("Ya existe el archivo «{name}»: elija otro nombre.").format(
            name=target.name))
    repo = Repo(new_process_from_bundle(target, device=device, clock=clock))
    try:
        # The code opened a box bound to the key that signed the file: it is the office's.
        import_bundles(repo.pf, [bundle], accepted=[bundle.fingerprint])
        repo.tables.mark_opened(row["id"], secret_hex)
        laptop = repo.tables.get(row["id"])
    except BaseException:
        repo.close()
        for leftover in (target, *(target.with_name(target.name + s)
                                   for s in ("-wal", "-shm", "-journal", ".lock"))):
            leftover.unlink(missing_ok=True)
        raise
    return repo, laptop


def laptop_file_name(process_name: str, table_name: str, suffix: str) -> str:
    """The process file a table laptop makes: ``<proceso> - <mesa><suffix>``."""
    clean = " ".join(f"{process_name} - {table_name}".replace("/", "-").split())
    return clean + suffix


def sheet_path(process_file: str | os.PathLike[str], prepared_at: str) -> Path:
    """Where the sheet of codes is written by default: beside the process file (the
    office's computer), never on the stick."""
    path = Path(process_file)
    stem = path.name.split(".")[0] or "proceso"
    return path.with_name(f"{stem}_mesas_{prepared_at[:10] or 'hoy'}.pdf")


def render_and_write_sheet(repo, prepared: Sequence[PreparedTable],
                           path: str | os.PathLike[str]) -> Path:
    """The printed sheet (one line per table: name, file, code, sessions), written safely."""
    from cocrea_desktop.export.pdf.kit import write_atomically
    from cocrea_desktop.export.pdf.tables_sheet import render_tables_sheet

    return write_atomically(render_tables_sheet(repo, prepared), path)
