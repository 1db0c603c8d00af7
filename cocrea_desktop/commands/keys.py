"""`cocrea keys list|trust|revoke|office-set|office-new`: which devices' bundles are trusted,
and the office key that encrypts personal data."""

from __future__ import annotations

import click

from cocrea_desktop.cli import cli, echo_json, fail_cleanly, open_repo
from cocrea_desktop.i18n import _


@cli.group("keys")
def keys_group() -> None:
    """Llaves: la lista de confianza de los dispositivos y la llave de oficina para datos
    personales."""


@keys_group.command("list")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def keys_list(file: str, as_json: bool) -> None:
    """Enlista las llaves que ha visto este proceso, con su estado."""
    from cocrea_desktop.export.keys import TrustList, status_label

    with open_repo(file, read_only=True) as repo:
        found = TrustList(repo.pf).list()
        own = repo.pf.device.fingerprint()
    if as_json:
        echo_json({"own": own, "keys": [k.__dict__ for k in found]})
        return
    click.echo(_("Este equipo: {fingerprint}").format(fingerprint=own))
    if not found:
        click.echo(_("Todavía no se ha visto ninguna otra llave."))
    for k in found:
        click.echo(f"{k.fingerprint}  {status_label(k.status):14}  {k.name}  {k.device_id}")


def _set_status(file: str, fingerprint: str, status: str) -> None:
    from cocrea_desktop.export.keys import TrustList

    with open_repo(file) as repo:
        TrustList(repo.pf).set_status(fingerprint, status)


@keys_group.command("trust")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("fingerprint")
@fail_cleanly
def keys_trust(file: str, fingerprint: str) -> None:
    """Confía en una llave ya enlistada (dé la huella, con o sin espacios)."""
    _set_status(file, fingerprint, "trusted")
    click.echo(_("Llave marcada como de confianza."))


@keys_group.command("revoke")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("fingerprint")
@fail_cleanly
def keys_revoke(file: str, fingerprint: str) -> None:
    """Revoca una llave: sus paquetes se rechazan de ahora en adelante."""
    _set_status(file, fingerprint, "revoked")
    click.echo(_("Llave revocada: sus paquetes ya no se aceptan."))


@keys_group.command("office-set")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("pubkey")
@fail_cleanly
def keys_office_set(file: str, pubkey: str) -> None:
    """Fija la llave pública de oficina del proceso (base64, o un archivo oficina.pub)."""
    from cocrea_desktop.export.keys import fingerprint, read_public_key, set_office_key

    raw = read_public_key(pubkey)
    with open_repo(file) as repo:
        set_office_key(repo.pf, raw)
    click.echo(_("Llave de la oficina fijada (huella {fingerprint}): los datos personales "
                 "viajarán sellados.").format(fingerprint=fingerprint(raw)))


@keys_group.command("office-new")
@click.argument("directory", type=click.Path(file_okay=False))
@fail_cleanly
def keys_office_new(directory: str) -> None:
    """Crea un par de llaves de oficina en DIRECTORY (oficina.key se queda en la oficina)."""
    from cocrea_desktop.export.keys import new_office_key

    key, private_path, public_path = new_office_key(directory)
    click.echo(_("Llave privada (guárdela en la oficina): {path}").format(path=private_path))
    click.echo(_("Llave pública (para cada proceso): {path}").format(path=public_path))
    click.echo(_("Huella: {fingerprint}").format(fingerprint=key.fingerprint))
