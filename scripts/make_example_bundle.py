"""Make docs/examples/example.cocrea reproducibly (fixed keys, ids, clock and creation time).

    python scripts/make_example_bundle.py [OUT]        # default: docs/examples/example.cocrea

The keys below are TEST KEYS, published on purpose so that anyone can check the
example: never use them for real processes. tests/export/test_bundle_example.py
rebuilds the example and compares it byte for byte, and checks the test vectors
written in docs/bundle-format.md.
"""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
import sys
import tempfile
import uuid
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CREATED_AT = "2027-04-02T18:00:00.000Z"
DEVICE_SEED = hashlib.sha256(b"cocrea example device").digest()
OFFICE_PRIVATE = hashlib.sha256(b"cocrea example office").digest()
DEVICE_ID = "00000000-0000-4000-8000-00000000d001"


def example_device():
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from cocrea_desktop.store.device import Device

    public = Ed25519PrivateKey.from_private_bytes(DEVICE_SEED).public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return Device(id=DEVICE_ID, name="laptop-ejemplo",
                  private_key_b64=base64.b64encode(DEVICE_SEED).decode(),
                  public_key_b64=base64.b64encode(public).decode())


def build_example() -> bytes:
    """The example bundle's bytes: the same on every run and every machine."""
    from cocrea_desktop.core.clock import FakeClock
    from cocrea_desktop.export import bundle, keys
    from cocrea_desktop.store.repo import Repo

    counter = iter(range(1, 1_000_000))

    def fixed_uuid4() -> uuid.UUID:
        return uuid.UUID(int=(0x4000 << 64) | (0x8 << 60) | next(counter))

    device = example_device()
    clock = FakeClock(1_806_688_800.0)  # 2027-04-02 10:00 UTC
    with tempfile.TemporaryDirectory() as tmp, \
            mock.patch.dict(os.environ, {"COCREA_DATA_DIR": tmp}), \
            mock.patch.object(uuid, "uuid4", fixed_uuid4), \
            mock.patch.object(secrets, "token_hex", lambda n=32: "ab" * n):
        path = Path(tmp) / "ejemplo.cocrea.db"
        repo = Repo.create(path, name="Plan de Acción Local 2027", municipality="San Juan "
                           "Bautista Cuicatlán", state="Oaxaca", period="2027",
                           responsible_body="STL Cuicatlán", device=device, clock=clock)
        office = keys.OfficeKey.from_private(OFFICE_PRIVATE)
        keys.set_office_key(repo.pf, office.public)
        session_id, _c = repo.add_session(
            method="nominal_group", question="¿Qué necesita el mercado municipal?",
            table_label="Mesa 1", date="2027-04-02", place="Mercado", facilitator="Rosa")
        for text in ("Techo para los puestos de la plaza", "Baños limpios y con agua",
                     "Alumbrado en la calle del mercado", "Lugar para tirar la basura"):
            clock.advance(30)
            repo.ideas.add(session_id, text)
        repo.votes.configure(session_id, "final", k=3)
        for text in ("1 2 3", "2 1 4", "1 4 2"):
            clock.advance(10)
            repo.votes.enter_ballot(session_id, "final", text)
        with repo.pf.write("person.add", "persona") as unit:
            unit.insert("person", {"session_id": session_id, "number": 1,
                                   "name": "María Pérez López", "phone": "9511234567",
                                   "consent_contact": 1, "created_at": unit.at,
                                   "updated_at": unit.at, "device_id": device.id})
        data = bundle.export_bundle(path, device=device, created_at=CREATED_AT).data
        repo.close()
    return data


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv else ROOT / "docs" / "examples" / "example.cocrea"
    data = build_example()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    print(out, len(data), hashlib.sha256(data).hexdigest())


def write_test_vectors(example: Path, doc: Path) -> str:
    """Recompute the test vectors of ``example`` and write them into ``doc``'s block."""
    import base64
    import zipfile

    from cocrea_desktop.export import bundle, keys

    data = example.read_bytes()
    opened = bundle.open_bundle(data)
    zf = zipfile.ZipFile(example)
    office = keys.OfficeKey.from_private(OFFICE_PRIVATE)
    lines = [
        f"bundle_sha256: {hashlib.sha256(data).hexdigest()}",
        f"bundle_id: {opened.bundle_id}",
        f"device_public_key: {opened.manifest['device']['public_key']}",
        f"device_fingerprint: {opened.fingerprint}",
        f"signature: {zf.read('manifest.sig').decode().strip()}",
        f"office_private_key: {base64.b64encode(OFFICE_PRIVATE).decode()}",
        f"office_public_key: {office.public_b64}",
    ]
    for name in ("data/idea.jsonl", "data/mark.jsonl", "journal.jsonl"):
        lines.append(f"{name}: {hashlib.sha256(zf.read(name)).hexdigest()}")
    sealed = keys.unseal(opened.sealed, office.private).decode().strip().split("\n")
    lines += [f"sealed_plaintext_{i}: {line}" for i, line in enumerate(sealed, 1)]
    text = doc.read_text("utf-8")
    head, tail = text.split("## Test vectors", 1)
    before, _old, after = tail.split("```", 2)
    doc.write_text(head + "## Test vectors" + before + "```\n" + "\n".join(lines) + "\n```"
                   + after, "utf-8")
    return "\n".join(lines)


if __name__ == "__main__":
    main(sys.argv[1:])
    if not sys.argv[1:]:
        print(write_test_vectors(ROOT / "docs" / "examples" / "example.cocrea",
                                 ROOT / "docs" / "bundle-format.md"))
