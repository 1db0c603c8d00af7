"""Bundles already merged are recognised before they are verified again (issue 20).

Real laptops, real signed bundles on disk, the real `cocrea` command.
"""

from __future__ import annotations

import json
import time

import pytest
from click.testing import CliRunner

from cocrea_desktop.cli import cli
from cocrea_desktop.core.clock import FakeClock
from cocrea_desktop.export import bundle as B
from cocrea_desktop.export import keys
from tests.export.bundle_helpers import (
    CREATED,
    device,
    laptop_copy,
    members,
    nominal_group,
    office_process,
)

OFFICE = device("oficina")
LAPTOP = device("laptop-a")


@pytest.fixture()
def world(tmp_path):
    clock = FakeClock()
    office = office_process(tmp_path / "oficina.cocrea.db", OFFICE, clock)
    laptop = laptop_copy(office, tmp_path / "laptop.cocrea.db", LAPTOP, clock)
    nominal_group(laptop, "Mesa 1", ["Agua potable", "Alumbrado", "Caminos", "Escuela"], ["1 2 3"],
                  clock)
    data = B.export_bundle(laptop.path, device=LAPTOP, created_at=CREATED).data
    laptop.close()
    path = tmp_path / "mesa1.cocrea"
    path.write_bytes(data)
    yield office, path, data
    office.close()


def rezip(files: dict[str, bytes]) -> bytes:
    """The same canonical container around changed content (its hashes no longer match)."""
    order = ["manifest.json", "manifest.sig", *sorted(n for n in files if n not in (
        "manifest.json", "manifest.sig"))]
    return B._zip([(n, files[n]) for n in order], CREATED)


def test_a_bundle_merged_once_is_recognised_at_once_and_says_so(world):
    office, path, data = world
    assert B.recognise_imported(office.pf, data) is None  # not imported yet
    B.import_bundle(office.pf, B.open_bundle(data), accept_key=True)
    start = time.perf_counter()
    past = B.recognise_imported(office.pf, path.read_bytes())
    elapsed = time.perf_counter() - start
    assert past is not None and past.device_name == "laptop-a"
    assert past.bundle_id == B.open_bundle(data).bundle_id
    assert "ya se importó" in past.message() and "no cambia nada" in past.message()
    assert elapsed < 0.5  # one hash and one indexed look-up (the benchmark measures it)


def test_a_changed_bundle_under_the_same_name_is_verified_and_refused(world):
    office, path, data = world
    B.import_bundle(office.pf, B.open_bundle(data), accept_key=True)
    files = members(data)
    files["data/idea.jsonl"] = files["data/idea.jsonl"].replace("Agua".encode(), "Agua!".encode())
    path.write_bytes(rezip(files))
    changed = path.read_bytes()
    assert B.recognise_imported(office.pf, changed) is None
    with pytest.raises(B.BundleRejected):
        B.open_bundle(changed)


def test_a_revoked_laptop_is_not_waved_through(world):
    office, path, data = world
    B.import_bundle(office.pf, B.open_bundle(data), accept_key=True)
    trust = keys.TrustList(office.pf)
    with office.pf.write("keys.revoke", "revocar", undoable=False) as unit:
        trust.record(unit, public_key=LAPTOP.public_key_bytes(), device_id=LAPTOP.id,
                     name=LAPTOP.name, status=keys.REVOKED)
    assert B.recognise_imported(office.pf, data) is None
    with pytest.raises(B.UntrustedKey):
        B.import_bundle(office.pf, B.open_bundle(data))


def run(*args: str, code: int = 0):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def test_the_command_recognises_a_merged_bundle_and_refuses_a_changed_one(world):
    office, path, data = world
    office.close()
    db = str(office.path)
    first = json.loads(run("bundle", "import", db, str(path), "--accept-key",
                           LAPTOP.fingerprint(), "--json").output)
    assert first["bundles"][0]["changed"]
    again = run("bundle", "import", db, str(path)).output
    assert "ya se importó" in again and "no se volvió a revisar" in again
    as_json = json.loads(run("bundle", "import", db, str(path), "--json").output)
    assert as_json["bundles"][0]["recognised"] and not as_json["bundles"][0]["changed"]
    files = members(data)
    files["data/ballot.jsonl"] = files["data/ballot.jsonl"].replace(b"counted", b"spoiled")
    path.write_bytes(rezip(files))
    refused = run("bundle", "import", db, str(path), code=1).output
    assert "alterado" in refused or "no coincide" in refused
