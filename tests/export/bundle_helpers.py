"""Helpers for bundle tests: laptops with their own keys, nominal groups, comparisons."""

from __future__ import annotations

import base64
import hashlib
import io
import shutil
import sqlite3
import zipfile
from pathlib import Path

from cocrea_desktop.core.clock import FakeClock
from cocrea_desktop.store.device import Device
from cocrea_desktop.store.repo import Repo

CREATED = "2027-04-02T18:00:00.000Z"


def device(name: str) -> Device:
    """A laptop identity made from a fixed seed (real Ed25519 keys, reproducible)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    seed = hashlib.sha256(("cocrea test device " + name).encode()).digest()
    key = Ed25519PrivateKey.from_private_bytes(seed)
    public = key.public_key().public_bytes(serialization.Encoding.Raw,
                                           serialization.PublicFormat.Raw)
    digest = hashlib.sha256(name.encode()).hexdigest()
    dev_id = "{}-{}-{}-{}-{}".format(digest[:8], digest[8:12], digest[12:16], digest[16:20],
                                     digest[20:32])
    return Device(id=dev_id, name=name, private_key_b64=base64.b64encode(seed).decode(),
                  public_key_b64=base64.b64encode(public).decode())


def office_process(path: Path, dev: Device, clock: FakeClock | None = None) -> Repo:
    return Repo.create(path, name="Plan de Acción Local 2027", municipality="Teotitlán",
                       state="Oaxaca", period="2027", responsible_body="STL", device=dev,
                       clock=clock or FakeClock())


def laptop_copy(office: Repo, path: Path, dev: Device, clock: FakeClock) -> Repo:
    """The process file copied to a laptop (as the office hands it out), opened there."""
    office.pf.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    src = sqlite3.connect(str(office.path))
    dest = sqlite3.connect(str(path))
    src.backup(dest)
    src.close()
    dest.close()
    return Repo.open(path, device=dev, clock=clock)


def nominal_group(repo: Repo, table: str, ideas: list[str], ballots: list[str],
                  clock: FakeClock) -> str:
    """A nominal-group session with its ideas and ranked ballots (final round)."""
    session_id, _c = repo.add_session(method="nominal_group", question="¿Qué necesita "
                                      + table + "?", table_label=table, date="2027-04-02")
    for text in ideas:
        clock.advance(1)
        repo.ideas.add(session_id, text)
    if ballots:
        repo.votes.configure(session_id, "final", k=3)
    for text in ballots:
        clock.advance(1)
        repo.votes.enter_ballot(session_id, "final", text)
    return session_id


def add_person(repo: Repo, session_id: str, number: int, name: str, phone: str) -> str:
    with repo.pf.write("person.add", "persona") as unit:
        return unit.insert("person", {
            "session_id": session_id, "number": number, "name": name, "phone": phone,
            "consent_contact": 1, "created_at": unit.at, "updated_at": unit.at,
            "device_id": repo.pf.device.id})


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def whole_entries(data: bytes) -> list[dict]:
    """A bundle's journal entries as checking it gives them: every field of each, its
    ``hash`` and ``prev_hash`` included, ``"$data"`` images read from the data files."""
    from cocrea_desktop.export import bundle as B

    return B.open_bundle(data).journal


def version_3_journal(data: bytes) -> bytes:
    """The bundle's journal as a version 3 bundle holds it: whole entries, one a line."""
    from cocrea_desktop.core.journal import canonical_json

    return "".join(canonical_json(e) + "\n" for e in whole_entries(data)).encode()


def explicit_journal(data: bytes) -> bytes:
    """The bundle's journal in the version 4 layout with every field written on every
    line (nothing carried over, no ``"$data"``): still valid, and a data row can then be
    changed without the chain noticing (as in a version 3 bundle)."""
    from cocrea_desktop.core.journal import HASHED_FIELDS, canonical_json

    return "".join(canonical_json({k: e[k] for k in HASHED_FIELDS}) + "\n"
                   for e in whole_entries(data)).encode()


def data_files(data: bytes) -> dict[str, bytes]:
    """The data files of a bundle (everything but the journal, manifest and signature)."""
    return {n: b for n, b in members(data).items() if n.startswith("data/")}


def table_dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table except the journal's bookkeeping, for before/after checks."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {n: sorted(conn.execute(f"SELECT * FROM {n}").fetchall(), key=repr)
                for n in names}
    finally:
        conn.close()


def copy(src: Path, dest: Path) -> Path:
    shutil.copyfile(src, dest)
    return dest
