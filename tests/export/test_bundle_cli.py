"""`cocrea bundle ...` and `cocrea keys ...` on real files, with CliRunner."""

from __future__ import annotations

import json

from click.testing import CliRunner

from cocrea_desktop.cli import cli
from cocrea_desktop.export import bundle as B
from cocrea_desktop.export.keys import OFFICE_PRIVATE_FILE, OFFICE_PUBLIC_FILE
from cocrea_desktop.store.device import load_or_create_device


def run(*args: str, code: int = 0):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def test_keys_export_verify_import_from_the_command_line(tmp_path):
    db = tmp_path / "pal.cocrea.db"
    run("init", str(db), "--name", "PAL Ixtlán", "--municipality", "Ixtlán de Juárez")
    run("session", "add", str(db), "--method", "nominal_group", "--question", "¿Qué falta?")
    keys_dir = tmp_path / "llaves"
    out = run("keys", "office-new", str(keys_dir)).output
    assert (keys_dir / OFFICE_PRIVATE_FILE).exists() and "Huella:" in out
    run("keys", "office-new", str(keys_dir), code=1)  # never replaced
    assert "sellados" in run("keys", "office-set", str(db),
                             str(keys_dir / OFFICE_PUBLIC_FILE)).output
    assert "no es válida" in run("keys", "office-set", str(db), "hola", code=1).output

    stick = tmp_path / "USB"
    stick.mkdir()
    exported = run("bundle", "export", str(db), "-o", str(stick) + "/",
                   "--created-at", "2027-04-02T18:00:00.000Z")
    assert "Ya puede retirar la memoria" in exported.output
    [bundle_path] = list(stick.glob("*.cocrea"))
    assert bundle_path.name.startswith("Ixtlan-de-Juarez_2027-04-02_")
    report = json.loads(run("bundle", "verify", str(bundle_path), "--json").output)
    assert report["ok"] and report["personal_data"] == "sealed"
    assert report["fingerprint"] == load_or_create_device().fingerprint()

    damaged = tmp_path / "dañado.cocrea"
    damaged.write_bytes(bundle_path.read_bytes()[:-30])
    bad = run("bundle", "verify", str(damaged), code=2)
    assert "RECHAZADO" in bad.output

    # The office: a new file; the key of this laptop is its own, so it is trusted.
    office = tmp_path / "oficina.cocrea.db"
    dry = run("bundle", "import", str(office), str(bundle_path), "--dry-run", code=1)
    assert "No existe" in dry.output and not office.exists()
    done = json.loads(run("bundle", "import", str(office), str(stick),
                          "--office-key", str(keys_dir / OFFICE_PRIVATE_FILE),
                          "--json").output)
    assert done["bundles"][0]["changed"] and done["open_conflicts"] == 0
    again = json.loads(run("bundle", "import", str(office), str(bundle_path), "--json").output)
    assert not again["bundles"][0]["changed"]
    preview = run("bundle", "import", str(office), str(bundle_path), "--dry-run")
    assert "Paquete de" in preview.output
    assert "No hay conflictos" in run("bundle", "conflicts", str(office)).output


def test_a_new_key_needs_accepting_and_a_revoked_one_is_refused(tmp_path):
    from tests.export.bundle_helpers import device

    db = tmp_path / "pal.cocrea.db"
    run("init", str(db), "--name", "PAL")
    laptop = device("laptop-norte")
    bundle_path = tmp_path / "norte.cocrea"
    bundle_path.write_bytes(B.export_bundle(db, device=laptop).data)
    refused = run("bundle", "import", str(db), str(bundle_path), code=1)
    assert laptop.fingerprint() in refused.output and "Llave nueva" in refused.output
    run("bundle", "import", str(db), str(bundle_path), "--accept-key",
        laptop.fingerprint().replace(" ", "").lower())
    listed = json.loads(run("keys", "list", str(db), "--json").output)
    assert [k["status"] for k in listed["keys"]] == ["trusted"]
    run("keys", "revoke", str(db), laptop.fingerprint())
    refused = run("bundle", "import", str(db), str(bundle_path), "--accept-key",
                  laptop.fingerprint(), code=1)
    assert "revocada" in refused.output
    run("keys", "trust", str(db), laptop.fingerprint())
    assert "de confianza" in run("keys", "list", str(db)).output
    assert "No se conoce" in run("keys", "trust", str(db), "AAAA", code=1).output


def test_the_device_name_is_the_saved_one_or_given_once(tmp_path):
    import socket

    db = tmp_path / "pal.cocrea.db"
    run("init", str(db), "--name", "PAL Ixtlán", "--municipality", "Ixtlán de Juárez")
    # Never named: the host name goes, and a warning says how to name the computer.
    first = run("bundle", "export", str(db), "-o", str(tmp_path / "a.cocrea"))
    assert "Esta computadora aún no tiene nombre" in first.stderr
    assert "--device-name" in first.stderr
    assert B.load_bundle(tmp_path / "a.cocrea").device_name == socket.gethostname()
    # --device-name: carried by the manifest and saved for the next bundles.
    named = run("bundle", "export", str(db), "-o", str(tmp_path / "b.cocrea"),
                "--device-name", "  Laptop de la   mesa 3 ")
    assert "no tiene nombre" not in named.stderr
    assert B.load_bundle(tmp_path / "b.cocrea").device_name == "Laptop de la mesa 3"
    saved = load_or_create_device()
    assert (saved.name, saved.name_chosen) == ("Laptop de la mesa 3", True)
    later = run("bundle", "export", str(db), "-o", str(tmp_path / "c.cocrea"))
    assert "no tiene nombre" not in later.stderr
    assert B.load_bundle(tmp_path / "c.cocrea").device_name == "Laptop de la mesa 3"
    # An empty name is refused and changes nothing.
    refused = run("bundle", "export", str(db), "-o", str(tmp_path / "d.cocrea"),
                  "--device-name", "  ", code=1)
    assert "Escriba un nombre para esta computadora" in refused.output
    assert not (tmp_path / "d.cocrea").exists()
    assert load_or_create_device().name == "Laptop de la mesa 3"


def test_verify_speaks_words_and_a_batch_names_every_refused_file(tmp_path):
    """`bundle verify` printed its internal check code ("not_zip, -") in the Spanish
    output; `bundle import` of a folder stopped at the first refused file, so a second
    bad table showed only on the next run. Now every refused file is named, with a next
    step, and nothing is imported."""
    from tests.export.bundle_helpers import device

    db = tmp_path / "pal.cocrea.db"
    run("init", str(db), "--name", "PAL")
    stick = tmp_path / "USB"
    stick.mkdir()
    good = stick / "mesa-1.cocrea"
    good.write_bytes(B.export_bundle(db, device=device("mesa-1")).data)
    (stick / "mesa-2.cocrea").write_bytes(b"no soy un zip")
    (stick / "mesa-3.cocrea").write_bytes(good.read_bytes()[:-40])

    bad = run("bundle", "verify", str(stick / "mesa-2.cocrea"), code=2).output
    assert bad.startswith("RECHAZADO: ") and "not_zip" not in bad and "(" not in bad.split(
        "\n")[0][:12]
    assert "exporte su paquete otra vez" in bad
    assert "not_zip" in run("bundle", "verify", str(stick / "mesa-2.cocrea"), "--json",
                            code=2).output  # the code stays for scripts

    office = tmp_path / "oficina.cocrea.db"
    refused = run("bundle", "import", str(office), str(stick), "--accept-key",
                  device("mesa-1").fingerprint(), code=1)
    assert "RECHAZADO «mesa-2.cocrea»" in refused.stderr
    assert "RECHAZADO «mesa-3.cocrea»" in refused.stderr
    assert "mesa-1.cocrea»" not in refused.stderr
    assert "2 de 3 paquetes fueron rechazados" in refused.stderr
    assert not office.exists()  # nothing imported, no file left behind
