"""Keys: the trust list of devices whose bundles we accept, and the office key pair.

Every laptop signs its bundles with its Ed25519 device key (store/device.py). The
office keeps a trust list (table ``key_trust``): a key seen for the first time is
shown by its fingerprint and must be accepted by a person; a key can later be
revoked. Personal data travels sealed to the office's X25519 public key: an
ephemeral X25519 key, HKDF-SHA256 and ChaCha20-Poly1305 (a "sealed box"), all
from the ``cryptography`` package.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.errors import InvalidInput, NotFound
from cocrea_desktop.i18n import N_, _

if TYPE_CHECKING:
    from cocrea_desktop.store.db import ProcessFile

TRUSTED = "trusted"
REVOKED = "revoked"
PENDING = "pending"
STATUSES = (PENDING, TRUSTED, REVOKED)

SEAL_MAGIC = b"CSB1"
_SEAL_INFO = b"cocrea sealed box v1"
_NONCE = b"\x00" * 12  # each sealed box uses a fresh key, so a fixed nonce is safe

OFFICE_PRIVATE_FILE = "oficina.key"
OFFICE_PUBLIC_FILE = "oficina.pub"


class BadKey(InvalidInput):
    """A key given by the user is not usable (bad text, wrong length, unknown)."""


class SealError(InvalidInput):
    """Sealed data cannot be opened (wrong office key, or it was changed)."""


def fingerprint(public_key: bytes) -> str:
    """A short, readable fingerprint: the first 80 bits of SHA-256, in groups of 4 hex digits.

    The same form as :meth:`cocrea_desktop.store.device.Device.fingerprint`.
    """
    digest = hashlib.sha256(public_key).hexdigest()[:20].upper()
    return " ".join(digest[i:i + 4] for i in range(0, len(digest), 4))


def compact(fpr: str) -> str:
    """A fingerprint as typed (spaces, lower case) in its compact comparable form."""
    return "".join(fpr.split()).replace("-", "").upper()


def decode_key(text: str | bytes, *, what: str) -> bytes:
    """A 32-byte key from base64 text (as in manifests and ``*.pub`` files)."""
    if isinstance(text, bytes):
        text = text.decode("ascii", "replace")
    try:
        raw = base64.b64decode("".join(text.split()), validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise BadKey(_("La llave «{what}» no es válida: debe ser una llave pública de 32 "
                          "bytes en base64.").format(what=what))
    return raw


# -- sealed box (personal data for the office) ----------------------------------
def _derive(shared: bytes, eph_pub: bytes, recipient_pub: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=eph_pub + recipient_pub,
                info=_SEAL_INFO).derive(shared)


def seal(plaintext: bytes, recipient_public: bytes, *, seed: bytes | None = None) -> bytes:
    """Encrypt ``plaintext`` so that only the holder of the office private key can read it.

    ``seed`` (secret, 32 bytes or more) makes the ephemeral key, and so the output,
    reproducible: the bundle derives it from the device's private key and the
    plaintext, so that the same data gives the same bytes. Without it the
    ephemeral key is random.
    """
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    if seed is not None:
        eph_raw = hashlib.sha256(b"cocrea seal ephemeral\n" + seed + recipient_public +
                                 hashlib.sha256(plaintext).digest()).digest()
        eph = X25519PrivateKey.from_private_bytes(eph_raw)
    else:
        eph = X25519PrivateKey.generate()
    eph_pub = eph.public_key().public_bytes(serialization.Encoding.Raw,
                                           serialization.PublicFormat.Raw)
    shared = eph.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    key = _derive(shared, eph_pub, recipient_public)
    body = ChaCha20Poly1305(key).encrypt(_NONCE, plaintext, SEAL_MAGIC + eph_pub)
    return SEAL_MAGIC + eph_pub + body


def unseal(blob: bytes, private_key: bytes) -> bytes:
    """Open a sealed box with the office private key (raw 32 bytes)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    if len(blob) < len(SEAL_MAGIC) + 32 + 16 or not blob.startswith(SEAL_MAGIC):
        raise SealError(_("Los datos personales sellados están dañados."))
    eph_pub = blob[4:36]
    private = X25519PrivateKey.from_private_bytes(private_key)
    recipient_pub = private.public_key().public_bytes(serialization.Encoding.Raw,
                                                      serialization.PublicFormat.Raw)
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(eph_pub))
        key = _derive(shared, eph_pub, recipient_pub)
        return ChaCha20Poly1305(key).decrypt(_NONCE, blob[36:], SEAL_MAGIC + eph_pub)
    except (InvalidTag, ValueError):
        raise SealError(_("No se pudieron abrir los datos personales sellados: la llave de la "
                          "oficina no corresponde o los datos fueron alterados.")) from None


# -- the office key pair --------------------------------------------------------
@dataclass(frozen=True)
class OfficeKey:
    """The office's X25519 key pair (only the office keeps ``private``)."""

    private: bytes
    public: bytes

    @property
    def public_b64(self) -> str:
        return base64.b64encode(self.public).decode()

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public)

    @classmethod
    def from_private(cls, private: bytes) -> OfficeKey:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

        public = X25519PrivateKey.from_private_bytes(private).public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return cls(private, public)

    @classmethod
    def generate(cls) -> OfficeKey:
        return cls.from_private(os.urandom(32))


def device_office_key(device) -> OfficeKey:
    """The office key this computer derives from its own device key: what a process gets
    when the office prepares table laptops without having set an office key, so that the
    tables' names and phones travel sealed for this computer, which opens them on import
    without a key file to keep (``import_bundles`` tries it when the fingerprint matches)."""
    seed = base64.b64decode(device.private_key_b64)
    return OfficeKey.from_private(hashlib.sha256(b"cocrea office seal key v1\n" + seed).digest())


def new_office_key(directory: str | os.PathLike[str]) -> tuple[OfficeKey, Path, Path]:
    """Create an office key pair in ``directory``: ``oficina.key`` (private, kept at the
    office, readable by its owner only) and ``oficina.pub`` (given to every process)."""
    folder = Path(directory)
    private_path, public_path = folder / OFFICE_PRIVATE_FILE, folder / OFFICE_PUBLIC_FILE
    if private_path.exists() or public_path.exists():
        raise InvalidInput(_("Ya hay una llave de la oficina en «{folder}»; no se reemplaza. "
                             "Elija otra carpeta.").format(folder=folder))
    key = OfficeKey.generate()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(base64.b64encode(key.private).decode() + "\n")
        public_path.write_text(key.public_b64 + "\n", encoding="ascii")
    except OSError as err:
        raise InvalidInput(_("No se pudo guardar la llave en «{folder}»: {reason}").format(
            folder=folder, reason=err.strerror or str(err))) from err
    return key, private_path, public_path


def load_office_key(path: str | os.PathLike[str]) -> OfficeKey:
    """Read an office private key file (``oficina.key``)."""
    try:
        text = Path(path).read_text("ascii")
    except (OSError, UnicodeDecodeError) as err:
        raise BadKey(_("No se pudo leer la llave de la oficina «{path}».").format(
            path=path)) from err
    return OfficeKey.from_private(decode_key(text, what=str(path)))


def read_public_key(value: str) -> bytes:
    """An office public key given as base64 text or as the path of a ``*.pub`` file."""
    candidate = Path(value)
    try:
        if len(value) < 400 and candidate.is_file():
            return decode_key(candidate.read_text("ascii"), what=value)
    except (OSError, UnicodeDecodeError):
        pass
    return decode_key(value, what=value)


def set_office_key(pf: ProcessFile, public_key: bytes) -> Changes:
    """Record the office public key in the process: bundles seal personal data to it."""
    process_id = pf.scalar("SELECT id FROM process LIMIT 1")
    if process_id is None:
        raise NotFound(_("El archivo no contiene ningún proceso."))
    with pf.write("process.office_key", Label(N_("fijar la llave de la oficina"))) as unit:
        unit.update("process", process_id,
                    {"office_public_key": base64.b64encode(public_key).decode()}, stamp=True)
    return unit.changes()


def office_public_key(pf: ProcessFile) -> bytes | None:
    text = pf.scalar("SELECT office_public_key FROM process LIMIT 1") or ""
    return base64.b64decode(text) if text else None


# -- the trust list -------------------------------------------------------------
@dataclass(frozen=True)
class KnownKey:
    fingerprint: str
    device_id: str
    name: str
    public_key: str
    status: str
    first_seen: str
    updated_at: str


def status_label(status: str) -> str:
    return {TRUSTED: _("de confianza"), REVOKED: _("revocada"),
            PENDING: _("pendiente")}.get(status, status)


class TrustList:
    """The keys this process has seen, with their status (journaled like any change)."""

    def __init__(self, pf: ProcessFile) -> None:
        self.pf = pf

    def list(self) -> list[KnownKey]:
        return [KnownKey(r["id"], r["device_id"], r["name"], r["public_key"], r["status"],
                         r["first_seen"], r["updated_at"])
                for r in self.pf.query("SELECT * FROM key_trust ORDER BY first_seen, id")]

    def find(self, fpr: str) -> KnownKey | None:
        want = compact(fpr)
        for key in self.list():
            if compact(key.fingerprint) == want:
                return key
        return None

    def status_of(self, public_key: bytes) -> str | None:
        """``trusted``, ``revoked``, ``pending`` or None (never seen). This laptop's own key
        is always trusted."""
        if public_key == self.pf.device.public_key_bytes():
            return TRUSTED
        row = self.pf.row("key_trust", fingerprint(public_key))
        if row is None:
            return None
        if row["public_key"] != base64.b64encode(public_key).decode():
            return None  # same short fingerprint, another key: never trust it by accident
        return row["status"]

    def record(self, unit, *, public_key: bytes, device_id: str, name: str,
               status: str) -> None:
        """Add or update a key inside an open write (used by import and by trust/revoke)."""
        fpr = fingerprint(public_key)
        b64 = base64.b64encode(public_key).decode()
        if self.pf.row("key_trust", fpr) is None:
            unit.insert("key_trust", {"id": fpr, "device_id": device_id, "name": name,
                                      "public_key": b64, "status": status,
                                      "first_seen": unit.at, "updated_at": unit.at})
        else:
            unit.update("key_trust", fpr, {"status": status}, stamp=True)

    def set_status(self, fpr: str, status: str) -> Changes:
        if status not in STATUSES:
            raise InvalidInput(_("Estado de llave desconocido: {status}").format(status=status))
        key = self.find(fpr)
        if key is None:
            raise NotFound(_("No se conoce ninguna llave con la huella {fingerprint}.").format(
                fingerprint=fpr))
        label = Label(N_("confiar en la llave {fingerprint}") if status == TRUSTED
                      else N_("revocar la llave {fingerprint}"), fingerprint=key.fingerprint)
        with self.pf.write("key." + status, label) as unit:
            unit.update("key_trust", key.fingerprint, {"status": status}, stamp=True)
        return unit.changes()

    def add(self, *, public_key: bytes, device_id: str, name: str, status: str) -> Changes:
        label = Label(N_("registrar la llave {fingerprint}"), fingerprint=fingerprint(public_key))
        with self.pf.write("key." + status, label) as unit:
            self.record(unit, public_key=public_key, device_id=device_id, name=name,
                        status=status)
        return unit.changes()
