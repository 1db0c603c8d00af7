"""Bundles that must be refused before anything is written: damaged, altered, hostile."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import stat
import time
import warnings
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cocrea_desktop.core.clock import FakeClock
from cocrea_desktop.export import bundle as B
from cocrea_desktop.export import keys
from tests.export.bundle_helpers import (
    CREATED,
    device,
    explicit_journal,
    laptop_copy,
    members,
    nominal_group,
    office_process,
    table_dump,
    version_3_journal,
    whole_entries,
)

OFFICE = device("oficina")
LAPTOP = device("laptop-norte")
ATTACKER = device("intruso")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """An office process and a valid bundle from a laptop whose key the office trusts."""
    tmp = tmp_path_factory.mktemp("hostile")
    env = pytest.MonkeyPatch()
    env.setenv("COCREA_DATA_DIR", str(tmp / "data"))
    clock = FakeClock()
    office = office_process(tmp / "oficina.cocrea.db", OFFICE, clock)
    laptop = laptop_copy(office, tmp / "laptop.cocrea.db", LAPTOP, clock)
    nominal_group(laptop, "Mesa 1", ["Agua", "Luz", "Caminos", "Escuela"],
                  ["1 2 3", "3 2 1", "2 4 1"], clock)
    data = B.export_bundle(laptop.path, device=LAPTOP, created_at=CREATED).data
    laptop.close()
    keys.TrustList(office.pf).add(public_key=LAPTOP.public_key_bytes(), device_id=LAPTOP.id,
                                  name=LAPTOP.name, status=keys.TRUSTED)
    yield office, data
    office.close()
    env.undo()


def refused(office, data: bytes, check: str | None = None, exc=B.BundleRejected):
    """The bundle is refused with ``check`` and the process file is unchanged."""
    before = table_dump(office.path)
    with pytest.raises(exc) as err:
        B.import_bundle(office.pf, B.open_bundle(data))
    if check:
        assert err.value.check == check, (err.value.check, err.value.message)
    assert err.value.message  # a Spanish message for the user
    assert table_dump(office.path) == before
    report = B.verify_bundle(data)
    assert not report.ok
    return err.value


def rezip(entries: list[tuple[str, bytes]], *, attrs: dict[str, int] | None = None,
          method=zipfile.ZIP_STORED, deflated: tuple[str, ...] = ()) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are what we test
        with zipfile.ZipFile(buffer, "w") as zf:
            for name, content in entries:
                info = zipfile.ZipInfo(name, date_time=(2027, 4, 2, 18, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED if name in deflated else method
                if attrs and name in attrs:
                    info.external_attr = attrs[name] << 16
                zf.writestr(info, content)
    return buffer.getvalue()


def entries(data: bytes) -> list[tuple[str, bytes]]:
    return list(members(data).items())


def resign(content: dict[str, bytes], signer, *, tamper=None, key_of=None) -> bytes:
    """Rebuild a bundle with a new manifest (hashes recomputed) signed by ``signer``."""
    manifest = json.loads(content["manifest.json"])
    if tamper:
        tamper(manifest)
    files = {n: b for n, b in content.items() if n not in ("manifest.json", "manifest.sig")}
    manifest["files"] = {n: {"size": len(b), "sha256": hashlib.sha256(b).hexdigest()}
                         for n, b in sorted(files.items())}
    key = key_of or signer
    manifest["device"]["public_key"] = key.public_key_b64
    raw = (json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
    sig = (base64.b64encode(signer.sign(raw)).decode() + "\n").encode()
    return B._zip([("manifest.json", raw), ("manifest.sig", sig), *sorted(files.items())],
                  manifest["created_at"])


def test_the_valid_bundle_is_accepted(world):
    office, data = world
    assert B.verify_bundle(data).ok
    preview = B.preview_import(office.pf, B.open_bundle(data))
    assert preview.key_status == "trusted" and preview.plan.totals().added > 0


@pytest.mark.parametrize("make,check", [
    (lambda d: b"", "not_zip"),
    (lambda d: b"Hola, esto es una nota.\n", "not_zip"),
    (lambda d: d[: len(d) // 2], "zip"),
    (lambda d: d[:-10], "zip"),
    (lambda d: d + b"\x00" * 10, None),
])
def test_not_a_zip_or_truncated(world, make, check):
    office, data = world
    refused(office, make(data), check)


def test_zip_bomb_is_refused_before_reading(world):
    office, data = world
    bomb = rezip([*entries(data), ("data/extra.jsonl", b"\x00" * (20 * 1024 * 1024))],
                 deflated=("data/extra.jsonl",))
    assert len(bomb) < 200_000
    refused(office, bomb, "ratio")


def test_limits_on_entry_size_total_size_and_count(world, monkeypatch):
    office, data = world
    monkeypatch.setattr(B.verify, "MAX_ENTRY_BYTES", 2000)
    refused(office, data, "entry_size")
    monkeypatch.undo()
    monkeypatch.setattr(B.verify, "MAX_TOTAL_BYTES", 5000)
    refused(office, data, "total_size")
    monkeypatch.undo()
    many = rezip(entries(data) + [(f"data/x{i}.jsonl", b"") for i in range(B.MAX_ENTRIES)])
    refused(office, many, "entries")


@pytest.mark.parametrize("name,check", [
    ("/etc/cron.d/x", "absolute"),
    ("C:/Windows/x.jsonl", "absolute"),
    ("../../.bashrc", "dotdot"),
    ("data/../../x.jsonl", "dotdot"),
    ("data/", "unexpected"),
])
def test_hostile_names(world, name, check):
    office, data = world
    refused(office, rezip([*entries(data), (name, b"x")]), check)


def test_symlink_entry(world):
    office, data = world
    link = rezip([*entries(data), ("data/link.jsonl", b"/etc/passwd")],
                 attrs={"data/link.jsonl": stat.S_IFLNK | 0o777})
    refused(office, link, "link")


def test_duplicate_names(world):
    office, data = world
    parts = entries(data)
    refused(office, rezip([*parts, ("data/idea.jsonl", b"{}\n")]), "duplicate")


def test_non_utf8_names(world):
    office, data = world
    # cp437 name (no UTF-8 flag) with bytes outside ASCII.
    plain = rezip([*entries(data), ("data/XX.jsonl", b"")])
    refused(office, plain.replace(b"data/XX.jsonl", b"data/\xff\xfe.jsonl"), "name")
    # The UTF-8 flag set on bytes that are not UTF-8.
    flagged = rezip([*entries(data), ("data/é.jsonl", b"")])
    refused(office, flagged.replace("data/é.jsonl".encode(), b"data/\xff\xfe.jsonl"), "name")


def test_deflated_entries_are_not_the_format(world):
    office, data = world
    refused(office, rezip(entries(data), method=zipfile.ZIP_DEFLATED), "compression")


def test_newer_or_unknown_format_version(world):
    office, data = world
    content = members(data)

    def newer(m):
        m["format_version"] = 5

    assert B.FORMAT_VERSION == 4
    err = refused(office, resign(content, LAPTOP, tamper=newer), "format_version",
                  B.NewerBundleFormat)
    assert "versión 5" in err.message and "Actualice CoCrea" in err.message

    # Versions 2 and 3 (whole entries in the journal, one a line) are still read as they are.
    whole = {**content, "journal.jsonl": version_3_journal(data)}
    for version in (2, 3):
        old = B.open_bundle(resign(whole, LAPTOP, tamper=lambda m, v=version: m.update(
            format_version=v)))
        assert old.manifest["format_version"] == version
        assert old.journal == whole_entries(data)
    # ... and a version 3 journal is not read as version 4, nor the other way round.
    refused(office, resign(whole, LAPTOP), "journal")
    refused(office, resign(content, LAPTOP, tamper=lambda m: m.update(format_version=3)),
            "journal")

    def garbled(m):
        m["format_version"] = "1"

    refused(office, resign(content, LAPTOP, tamper=garbled), "format_version")


def test_every_single_byte_change_in_any_file_is_refused(world):
    office, data = world
    content = members(data)
    for name, body in content.items():
        if not body:
            continue
        for pos in sorted({0, len(body) // 2, len(body) - 1}):
            changed = dict(content)
            changed[name] = body[:pos] + bytes([body[pos] ^ 0x01]) + body[pos + 1:]
            parts = [("manifest.json", changed["manifest.json"]),
                     ("manifest.sig", changed["manifest.sig"]),
                     *sorted((n, b) for n, b in changed.items()
                             if n not in ("manifest.json", "manifest.sig"))]
            bad = B._zip(parts, CREATED)
            assert not B.verify_bundle(bad).ok, (name, pos)
    # One full check with the process file compared.
    changed = dict(content)
    changed["data/idea.jsonl"] = content["data/idea.jsonl"].replace(b"Agua", b"Agu4")
    err = refused(office, B._zip(sorted(changed.items(), key=lambda kv: (
        kv[0] != "manifest.json", kv[0] != "manifest.sig", kv[0])), CREATED), "hash")
    assert err.file == "data/idea.jsonl"


def test_added_removed_renamed_files(world):
    office, data = world
    content = members(data)
    ordered = [("manifest.json", content["manifest.json"]),
               ("manifest.sig", content["manifest.sig"])]
    rest = sorted((n, b) for n, b in content.items() if n not in dict(ordered))
    err = refused(office, B._zip(ordered + rest + [("data/zz.jsonl", b"")], CREATED), "extra")
    assert err.file == "data/zz.jsonl"
    err = refused(office, B._zip(ordered + [r for r in rest if r[0] != "data/mark.jsonl"],
                                 CREATED), "missing")
    assert err.file == "data/mark.jsonl"
    renamed = [("data/marks.jsonl", b) if n == "data/mark.jsonl" else (n, b) for n, b in rest]
    refused(office, B._zip(ordered + renamed, CREATED), "missing")
    refused(office, B._zip([ordered[0]] + rest, CREATED), "missing")  # no signature


def test_resigned_by_an_unknown_or_revoked_key(world):
    office, data = world
    content = {**members(data), "journal.jsonl": explicit_journal(data)}
    content["data/idea.jsonl"] = content["data/idea.jsonl"].replace(b"Agua", b"Gas")
    forged = resign(content, ATTACKER)
    assert B.verify_bundle(forged).ok  # intact as a file, but signed by a stranger
    err = refused_import(office, forged, B.UntrustedKey)
    assert err.fingerprint == ATTACKER.fingerprint() and not err.revoked
    # The attacker's signature with the laptop's public key in the manifest: bad signature.
    refused(office, resign(content, ATTACKER, key_of=LAPTOP), "signature")
    # A key the office revoked.
    keys.TrustList(office.pf).add(public_key=ATTACKER.public_key_bytes(), device_id="x",
                                  name="intruso", status=keys.REVOKED)
    err = refused_import(office, forged, B.UntrustedKey, accept=True)
    assert err.revoked


def refused_import(office, data, exc, accept=False):
    before = table_dump(office.path)
    with pytest.raises(exc) as err:
        B.import_bundle(office.pf, B.open_bundle(data), accept_key=accept)
    assert table_dump(office.path) == before
    return err.value


def test_signature_text_must_be_canonical(world):
    office, data = world
    content = members(data)
    sig = content["manifest.sig"]
    # The last base64 character carries bits that decoding ignores.
    last = sig[-4:-3]
    alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    other = bytes([alphabet[alphabet.index(last) ^ 1]])
    assert base64.b64decode(sig[:-4] + other + sig[-3:]) == base64.b64decode(sig)
    parts = [("manifest.json", content["manifest.json"]),
             ("manifest.sig", sig[:-4] + other + sig[-3:]),
             *sorted((n, b) for n, b in content.items() if n.startswith(("data/", "journal")))]
    refused(office, B._zip(parts, CREATED), "signature")


def test_tampered_journal_chain(world):
    office, data = world
    content = dict(members(data))
    lines = content["journal.jsonl"].decode().splitlines(keepends=True)
    entry = json.loads(lines[1])
    entry["action"] = "forged"
    lines[1] = json.dumps(entry, sort_keys=True, separators=(",", ":"),
                          ensure_ascii=False) + "\n"
    content["journal.jsonl"] = "".join(lines).encode()
    refused(office, resign(content, LAPTOP), "journal")


def test_a_payload_for_a_table_this_program_does_not_know(world):
    office, data = world
    content = dict(members(data))
    content["data/zzz_future.jsonl"] = b'{"id":"x"}\n'
    err = refused_import(office, resign(content, LAPTOP), B.BundleError)
    assert "actualice" in err.message.lower()


FUZZ_STATS = {"runs": 0, "same_content": 0}


@settings(max_examples=3000, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.data())
def test_fuzz_random_byte_changes_never_crash_and_are_never_accepted(world, data):
    office, bundle = world
    n = data.draw(st.integers(1, 3))
    mutated = bytearray(bundle)
    for _i in range(n):
        pos = data.draw(st.integers(0, len(bundle) - 1))
        mutated[pos] ^= data.draw(st.integers(1, 255))
    mutated = bytes(mutated)
    FUZZ_STATS["runs"] += 1
    if mutated == bundle:
        return
    report = B.verify_bundle(mutated)  # never raises
    assert not report.ok, report
    assert report.message and report.check


def test_fuzz_is_quick_enough(world):
    _office, data = world
    start = time.perf_counter()
    for i in range(200):
        mutated = bytearray(data)
        mutated[(i * 7919) % len(data)] ^= 0x5A
        assert not B.verify_bundle(bytes(mutated)).ok
    assert time.perf_counter() - start < 20
