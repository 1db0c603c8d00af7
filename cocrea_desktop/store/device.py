"""This laptop's identity: an id and an Ed25519 key pair, created on first run.

The private key stays in the user's data directory (readable by the user only);
bundles are signed with it, and the public key travels with them.
"""

from __future__ import annotations

import base64
import json
import os
import socket
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from cocrea_desktop.core.files import write_temp_beside
from cocrea_desktop.store.paths import data_dir

DEVICE_FILE = "device.json"


@dataclass(frozen=True)
class Device:
    id: str
    name: str
    private_key_b64: str
    public_key_b64: str
    #: True once a person named this computer (the first bundle asks); until then ``name``
    #: is only the system's host name, which means nothing to the office.
    name_chosen: bool = False

    def private_key(self):
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        return Ed25519PrivateKey.from_private_bytes(base64.b64decode(self.private_key_b64))

    def public_key_bytes(self) -> bytes:
        return base64.b64decode(self.public_key_b64)

    def fingerprint(self) -> str:
        """A short, readable fingerprint of the public key (groups of 4 hex digits)."""
        import hashlib

        digest = hashlib.sha256(self.public_key_bytes()).hexdigest()[:20].upper()
        return " ".join(digest[i:i + 4] for i in range(0, len(digest), 4))

    def sign(self, data: bytes) -> bytes:
        return self.private_key().sign(data)


def _new_device() -> Device:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    public = key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    try:
        host = socket.gethostname()  # a local call; no connection is opened
    except OSError:
        host = ""
    return Device(
        id=str(uuid.uuid4()),
        name=host or "laptop",
        private_key_b64=base64.b64encode(private).decode(),
        public_key_b64=base64.b64encode(public).decode(),
    )


def load_or_create_device(directory: Path | None = None) -> Device:
    """Read this device's identity, creating it (atomically) the first time."""
    path = (directory or data_dir()) / DEVICE_FILE
    if path.exists():
        data = json.loads(path.read_text("utf-8"))
        return Device(**{k: data[k] for k in ("id", "name", "private_key_b64", "public_key_b64")},
                      name_chosen=bool(data.get("name_chosen", False)))
    device = _new_device()
    tmp = _write_tmp(path, device)
    try:
        os.link(tmp, path)  # fails if another process created it meanwhile
    except FileExistsError:
        pass
    except OSError:
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return load_or_create_device(directory)


MAX_NAME = 60


def _write_tmp(path: Path, device: Device) -> Path:
    """device.json's new content under a temporary name beside it (mode 0600, synced)."""
    data = json.dumps(device.__dict__, indent=2, ensure_ascii=False).encode("utf-8")
    return write_temp_beside(data, path, prefix=".device-")


def set_device_name(name: str, directory: Path | None = None) -> Device:
    """Name this computer as people call it ("Laptop de la mesa 3"); bundles carry the name.

    Written atomically to device.json, keeping the id and the keys.
    """
    from cocrea_desktop.core.errors import InvalidInput
    from cocrea_desktop.i18n import _

    clean = " ".join(str(name or "").split())
    if not clean:
        raise InvalidInput(_("Escriba un nombre para esta computadora, por ejemplo: Laptop "
                             "de la mesa 3."))
    if len(clean) > MAX_NAME:
        raise InvalidInput(_("El nombre de la computadora es muy largo (máximo {most} "
                             "letras).").format(most=MAX_NAME))
    device = replace(load_or_create_device(directory), name=clean, name_chosen=True)
    path = (directory or data_dir()) / DEVICE_FILE
    os.replace(_write_tmp(path, device), path)
    return device
