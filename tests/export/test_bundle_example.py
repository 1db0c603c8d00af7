"""The documented example bundle and its test vectors (docs/bundle-format.md)."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import zipfile
from pathlib import Path

from cocrea_desktop.export import bundle as B
from cocrea_desktop.export import keys
from cocrea_desktop.store.repo import Repo

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "docs" / "examples" / "example.cocrea"
DOC = ROOT / "docs" / "bundle-format.md"


def vectors() -> dict[str, str]:
    text = DOC.read_text("utf-8").split("## Test vectors", 1)[1]
    block = text.split("```", 2)[1]
    return dict(line.split(": ", 1) for line in block.strip().splitlines())


def test_the_example_matches_its_test_vectors():
    v = vectors()
    data = EXAMPLE.read_bytes()
    assert hashlib.sha256(data).hexdigest() == v["bundle_sha256"]
    bundle = B.open_bundle(data)
    assert bundle.bundle_id == v["bundle_id"]
    assert bundle.manifest["device"]["public_key"] == v["device_public_key"]
    assert bundle.fingerprint == v["device_fingerprint"]
    zf = zipfile.ZipFile(EXAMPLE)
    assert zf.read("manifest.sig").decode().strip() == v["signature"]
    for name in ("data/idea.jsonl", "data/mark.jsonl", "journal.jsonl"):
        assert hashlib.sha256(zf.read(name)).hexdigest() == v[name]
    # The signature checks with the documented key, independently of the program.
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    Ed25519PublicKey.from_public_bytes(base64.b64decode(v["device_public_key"])).verify(
        base64.b64decode(v["signature"]), zf.read("manifest.json"))
    office = keys.OfficeKey.from_private(base64.b64decode(v["office_private_key"]))
    assert office.public_b64 == v["office_public_key"]
    sealed_lines = [v[k] for k in sorted(v) if k.startswith("sealed_plaintext")]
    assert keys.unseal(bundle.sealed, office.private).decode().strip() == "\n".join(sealed_lines)
    assert "María" not in data.decode("utf-8", "replace")


def test_the_example_imports_with_the_office_key(tmp_path):
    v = vectors()
    office = keys.OfficeKey.from_private(base64.b64decode(v["office_private_key"]))
    with Repo(B.new_process_from_bundle(tmp_path / "oficina.cocrea.db")) as repo:
        B.import_bundle(repo.pf, B.load_bundle(EXAMPLE), accept_key=True, office_key=office)
        [session] = repo.sessions()
        assert len(repo.ideas.list(session.id)) == 4
        assert len(repo.votes.ballots(session.id, "final")) == 3
        assert repo.pf.scalar("SELECT name FROM person") == "María Pérez López"


def test_the_example_is_reproducible_and_up_to_date():
    spec = importlib.util.spec_from_file_location("make_example_bundle",
                                                  ROOT / "scripts" / "make_example_bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rebuilt = module.build_example()
    assert rebuilt == module.build_example()
    assert rebuilt == EXAMPLE.read_bytes(), (
        "the schema changed: run python scripts/make_example_bundle.py and update the test "
        "vectors in docs/bundle-format.md")
