"""Imports that are all or nothing, typed and bounded rows, a journal that cannot be cut short.

Real zip bundles signed with real keys, real SQLite files, the real `cocrea` command.
"""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from cocrea_desktop.cli import cli
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
    whole_entries,
)
from tests.export.test_bundle_hostile import resign

OFFICE = device("oficina")
NORTE = device("laptop-norte")
SUR = device("laptop-sur")


def run(*args: str, code: int = 0):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


@pytest.fixture
def world(tmp_path):
    """An office that trusts laptop Norte; Norte's bundle; a bundle of another process."""
    clock = FakeClock()
    office = office_process(tmp_path / "oficina.cocrea.db", OFFICE, clock)
    laptop = laptop_copy(office, tmp_path / "norte.cocrea.db", NORTE, clock)
    nominal_group(laptop, "Mesa 1", ["Agua", "Luz", "Caminos", "Escuela"],
                  ["1 2 3", "3 2 1", "2 4 1"], clock)
    good = B.export_bundle(laptop.path, device=NORTE, created_at=CREATED).data
    laptop.close()
    keys.TrustList(office.pf).add(public_key=NORTE.public_key_bytes(), device_id=NORTE.id,
                                  name=NORTE.name, status=keys.TRUSTED)
    other = office_process(tmp_path / "otro.cocrea.db", SUR, clock)
    nominal_group(other, "Mesa 9", ["Otra cosa"], [], clock)
    foreign = B.export_bundle(other.path, device=SUR, created_at=CREATED).data
    other.close()
    office.close()
    (tmp_path / "B1.cocrea").write_bytes(good)
    (tmp_path / "BX.cocrea").write_bytes(foreign)
    return tmp_path, good


def refused_unchanged(path, data: bytes, check: str, exc=B.BundleRejected):
    from cocrea_desktop.store.repo import Repo

    before = table_dump(path)
    with Repo.open(path, device=OFFICE, clock=FakeClock()) as repo:
        with pytest.raises(exc) as err:
            B.import_bundle(repo.pf, B.open_bundle(data))
    assert err.value.check == check, (err.value.check, err.value.message)
    assert table_dump(path) == before
    return err.value


# -- all or nothing ----------------------------------------------------------------------
def test_import_of_several_bundles_is_all_or_nothing(world):
    tmp, _good = world
    office = tmp / "oficina.cocrea.db"
    from cocrea_desktop.store.device import load_or_create_device
    from cocrea_desktop.store.repo import Repo

    Repo.open(office, device=load_or_create_device()).close()  # as the command opens it
    before = table_dump(office)
    out = run("bundle", "import", str(office), str(tmp / "B1.cocrea"), str(tmp / "BX.cocrea"),
              "--accept-key", SUR.fingerprint(), code=1)
    assert "proceso" in out.output
    assert table_dump(office) == before  # B1 was not merged either
    # The same with a revoked key in second place.
    revoked = tmp / "revocada.cocrea"
    with Repo.open(office, device=OFFICE, clock=FakeClock()) as repo:
        keys.TrustList(repo.pf).add(public_key=SUR.public_key_bytes(), device_id=SUR.id,
                                    name=SUR.name, status=keys.REVOKED)
    with Repo.open(office, device=OFFICE, clock=FakeClock()) as repo:
        laptop = laptop_copy(repo, tmp / "sur.cocrea.db", SUR, FakeClock())
    revoked.write_bytes(B.export_bundle(laptop.path, device=SUR, created_at=CREATED).data)
    laptop.close()
    before = table_dump(office)
    out = run("bundle", "import", str(office), str(tmp / "B1.cocrea"), str(revoked), code=1)
    assert "revocada" in out.output
    assert table_dump(office) == before
    # And both good: both merged, in one transaction (one journal txn).
    run("bundle", "import", str(office), str(tmp / "B1.cocrea"), "--json")
    assert table_dump(office)["idea"] != before["idea"]


def test_a_refused_import_into_a_new_file_leaves_no_file(world):
    tmp, _good = world
    new = tmp / "nuevo.cocrea.db"
    # Two bundles of two processes: refused before the file is made.
    run("bundle", "import", str(new), str(tmp / "B1.cocrea"), str(tmp / "BX.cocrea"),
        "--accept-key", NORTE.fingerprint(), "--accept-key", SUR.fingerprint(), code=1)
    assert sorted(p.name for p in tmp.iterdir() if p.name.startswith("nuevo")) == []
    # A key nobody accepted: refused, and no empty process is left to take any bundle.
    out = run("bundle", "import", str(new), str(tmp / "B1.cocrea"), code=1)
    assert "Llave nueva" in out.output
    assert sorted(p.name for p in tmp.iterdir() if p.name.startswith("nuevo")) == []
    run("bundle", "import", str(new), str(tmp / "B1.cocrea"), "--accept-key",
        NORTE.fingerprint())
    assert new.exists()
    run("bundle", "import", str(new), str(tmp / "BX.cocrea"), "--accept-key",
        SUR.fingerprint(), code=1)


# -- typed, bounded rows -------------------------------------------------------------------
def _with_line(content: dict[str, bytes], name: str, line: int, change) -> dict[str, bytes]:
    lines = content[name].decode().splitlines()
    row = json.loads(lines[line - 1])
    change(row)
    lines[line - 1] = json.dumps(row, sort_keys=True, separators=(",", ":"),
                                 ensure_ascii=False)
    return {**content, name: ("\n".join(lines) + "\n").encode()}


@pytest.mark.parametrize("field,value,words", [
    ("number", "uno", "número entero"),
    ("number", 1.5, "número entero"),
    ("number", 10 ** 30, "fuera de rango"),
    ("text", 12, "texto"),
    ("text", "x" * 300_000, "demasiado largo"),
    ("text", None, "vacío"),
    ("session_id", ["a"], "texto"),
])
def test_a_row_of_the_wrong_type_is_refused_naming_file_and_line(world, field, value, words):
    tmp, good = world
    # Every journal image written out, so that the changed row is checked at import (a
    # "$data" image would make the chain refuse it first: see test_bundle_v4).
    content = {**members(good), "journal.jsonl": explicit_journal(good)}
    changed = _with_line(content, "data/idea.jsonl", 3, lambda r: r.__setitem__(field, value))
    err = refused_unchanged(tmp / "oficina.cocrea.db", resign(changed, NORTE), "payload")
    assert "data/idea.jsonl" in err.message and "línea 3" in err.message
    assert f"«{field}»" in err.message and words in err.message


def test_nan_infinity_and_missing_fields_are_refused(world):
    tmp, good = world
    content = {**members(good), "journal.jsonl": explicit_journal(good)}
    for literal in ("NaN", "Infinity", "1e999"):
        lines = content["data/idea.jsonl"].decode().splitlines()
        lines[0] = re.sub(r'"number":[0-9]+', '"number":' + literal, lines[0], count=1)
        assert literal in lines[0]
        changed = {**content, "data/idea.jsonl": ("\n".join(lines) + "\n").encode()}
        refused_unchanged(tmp / "oficina.cocrea.db", resign(changed, NORTE), "payload")
    missing = _with_line(content, "data/idea.jsonl", 2, lambda r: r.pop("created_at"))
    err = refused_unchanged(tmp / "oficina.cocrea.db", resign(missing, NORTE), "payload")
    assert "línea 2" in err.message and "«created_at»" in err.message


# -- the journal's length and last hash are signed -------------------------------------------
def test_a_journal_cut_short_is_refused(world):
    tmp, good = world
    content = members(good)
    lines = content["journal.jsonl"].decode().splitlines(keepends=True)
    assert len(lines) > 10
    cut = {**content, "journal.jsonl": "".join(lines[:10]).encode()}
    # The first ten entries are a valid chain on their own; the signed manifest says more.
    entries = whole_entries(good)
    assert B._verify_chain(entries[:10]).ok
    err = refused_unchanged(tmp / "oficina.cocrea.db", resign(cut, NORTE), "journal")
    assert "incompleta" in err.message
    manifest = json.loads(content["manifest.json"])
    assert manifest["journal"] == {"entries": len(lines), "last_hash": entries[-1]["hash"]}


def test_a_format_1_bundle_is_refused_with_a_clear_message(world):
    tmp, good = world

    def old(m):
        m["format_version"] = 1
        m.pop("journal")

    err = refused_unchanged(tmp / "oficina.cocrea.db", resign(members(good), NORTE, tamper=old),
                            "format_version")
    assert "versión anterior" in err.message and "vuelva a exportarlo" in err.message
