"""`cocrea bundle export|verify|import|conflicts|resolve`: signed bundles between laptops."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cocrea_desktop.cli import cli, echo_json, fail_cleanly, open_repo
from cocrea_desktop.core import dates
from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.i18n import _, ngettext


@cli.group()
def bundle() -> None:
    """Paquetes firmados (*.cocrea): exportar, verificar, importar, conflictos."""


@bundle.command("export")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(),
              help="Archivo del paquete, o una carpeta (el nombre se elige solo).")
@click.option("--sessions", multiple=True,
              help="Solo estas sesiones (ids o prefijos de 8 caracteres; repita o separe con "
                   "comas). Predeterminado: todo el proceso.")
@click.option("--include-personal", is_flag=True,
              help="Sin llave de oficina: incluye nombres y teléfonos sin cifrar (con aviso).")
@click.option("--created-at", default=None,
              help="Hora de creación fija, ISO 8601 UTC (paquetes reproducibles).")
@click.option("--device-name", default=None,
              help="El nombre de esta computadora como la llama la gente (\"Laptop de la mesa "
                   "3\"); se guarda para los próximos paquetes. Predeterminado: el nombre "
                   "guardado antes.")
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def bundle_export(file: str, output: str, sessions: tuple[str, ...], include_personal: bool,
                  created_at: str | None, device_name: str | None, as_json: bool) -> None:
    """Exporta el proceso de FILE (o algunas sesiones) como paquete firmado."""
    from cocrea_desktop.export.bundle import export_to
    from cocrea_desktop.store.device import load_or_create_device, set_device_name

    chosen = None
    if sessions:
        with open_repo(file, read_only=True) as repo:
            chosen = [repo.session(part.strip()).id for item in sessions
                      for part in item.split(",") if part.strip()]
    device = set_device_name(device_name) if device_name is not None else \
        load_or_create_device()
    if not device.name_chosen:
        click.echo(_("Aviso: {message}").format(message=_(
            "Esta computadora aún no tiene nombre; el paquete lleva «{name}». Póngale uno con "
            "--device-name, por ejemplo: --device-name \"Laptop de la mesa 3\".").format(
                name=device.name)), err=True)
    out = Path(output)
    if not out.exists() and not output.endswith((".cocrea", "/")):
        out = out.with_name(out.name + ".cocrea")
    if output.endswith("/"):
        out.mkdir(parents=True, exist_ok=True)
    path, result = export_to(file, out, device=device, sessions=chosen,
                             include_personal=include_personal, created_at=created_at)
    for warning in result.warnings:
        click.echo(_("Aviso: {message}").format(message=warning), err=True)
    if as_json:
        echo_json({"path": str(path), "personal_data": result.manifest["personal_data"],
                   "rows": result.manifest["rows"], "fingerprint":
                   result.manifest["device"]["fingerprint"]})
        return
    click.echo(_("Paquete escrito y comprobado: {path}").format(path=path))
    click.echo(_("Huella de la llave de este equipo: {fingerprint}").format(
        fingerprint=result.manifest["device"]["fingerprint"]))
    click.echo(_("Ya puede retirar la memoria."))


@bundle.command("verify")
@click.argument("bundle_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def bundle_verify(bundle_file: str, as_json: bool) -> None:
    """Revisa un paquete: seguridad del zip, archivos, hashes, firma. Sale con 2 si falla."""
    from cocrea_desktop.export.bundle import read_bundle_file, verify_bundle

    report = verify_bundle(read_bundle_file(bundle_file))
    if as_json:
        echo_json(report.to_dict())
    else:
        data = report.to_dict()
        if report.ok:
            click.echo(_("Correcto: {message}").format(message=report.message))
            click.echo(_("Proceso: {name}").format(name=data["process_name"]))
            click.echo(_("Equipo: {name} ({id})").format(name=data["device_name"],
                                                        id=data["device_id"]))
            click.echo(_("Huella de la llave: {fingerprint}").format(
                fingerprint=report.fingerprint))
            click.echo(_("Creado: {when}").format(when=dates.format_datetime(data["created_at"])))
        else:
            # The check's code (not_zip, signature...) is for --json; a person reads words.
            click.echo(_("RECHAZADO: {message}").format(message=report.message))
            if report.file:
                click.echo(_("Dentro del paquete: {file}").format(file=report.file))
            click.echo(_("Pida a quien lo hizo que exporte su paquete otra vez."))
    sys.exit(0 if report.ok else 2)


def _print_preview(preview) -> None:
    bundle = preview.bundle
    click.echo(_("Paquete de «{device}», creado {when}, huella {fingerprint}").format(
        device=bundle.device_name, when=dates.format_datetime(bundle.created_at),
        fingerprint=bundle.fingerprint))
    from cocrea_desktop.store import merge

    for table, count in sorted(preview.plan.counts.items(),
                               key=lambda tc: merge.record_noun(tc[0])):
        if count.added or count.updated or count.conflicts or count.skipped:
            click.echo("  " + _("{table}: {added} por agregar, {updated} por actualizar, "
                                "{unchanged} sin cambios, {conflicts} en conflicto").format(
                table=merge.record_noun(table), added=count.added, updated=count.updated,
                unchanged=count.unchanged, conflicts=count.conflicts))
        if count.deleted:
            click.echo("  " + _("{table}: {n} quitadas (se deshicieron en el otro "
                                "equipo)").format(table=merge.record_noun(table),
                                                  n=count.deleted))
    for note in preview.notes:
        click.echo("  " + note)


@bundle.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.argument("bundles", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--accept-key", "accept", multiple=True,
              help="Acepta esta huella de llave nueva (se puede repetir).")
@click.option("--office-key", type=click.Path(exists=True, dir_okay=False), default=None,
              help="La llave privada de la oficina (oficina.key) para abrir los datos personales "
                   "sellados.")
@click.option("--dry-run", is_flag=True, help="Solo muestra lo que cambiaría.")
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def bundle_import(file: str, bundles: tuple[str, ...], accept: tuple[str, ...],
                  office_key: str | None, dry_run: bool, as_json: bool) -> None:
    """Verifica cada BUNDLE (archivos o carpetas) y luego los une en FILE, todos o ninguno.

    FILE se crea (vacío) si no existe. Cada paquete se verifica y revisa (proceso,
    llave, esquema, cada renglón) antes de escribir nada; luego todos se unen en una
    sola transacción. Una importación rechazada no cambia nada y no deja FILE si
    no existía."""
    from cocrea_desktop.export import bundle as bundles_mod
    from cocrea_desktop.export.keys import load_office_key
    from cocrea_desktop.store.merge import list_conflicts
    from cocrea_desktop.store.repo import Repo

    paths: list[Path] = []
    for item in bundles:
        p = Path(item)
        paths += sorted(p.glob("*" + bundles_mod.SUFFIX)) if p.is_dir() else [p]
    key = load_office_key(office_key) if office_key else None
    target = Path(file)
    # A file already imported, byte for byte, is recognised before it is verified again.
    past: dict[Path, bundles_mod.PastImport] = {}
    repo = open_repo(file, read_only=dry_run) if target.exists() else None
    verified = []
    refused: list[tuple[Path, str]] = []
    try:
        for p in paths:
            # Every file is read and checked, so that each refused one is named at once
            # (not one per run); nothing is written while any is refused.
            try:
                data = bundles_mod.read_bundle_file(p)
                found = None if repo is None else bundles_mod.recognise_imported(
                    repo.pf, data, office_key=key)
                if found is not None:
                    past[p] = found
                else:
                    verified.append((p, bundles_mod.open_bundle(data)))
            except CocreaError as err:
                refused.append((p, err.message))
        if refused:
            for p, message in refused:
                click.echo(_("RECHAZADO «{name}»: {message}").format(name=p.name,
                                                                    message=message), err=True)
            raise bundles_mod.BundleError(ngettext(
                "No se importó nada: {n} de {total} paquetes fue rechazado. Pida a esa mesa "
                "que exporte su paquete otra vez, o deje ese archivo fuera.",
                "No se importó nada: {n} de {total} paquetes fueron rechazados. Pida a esas "
                "mesas que exporten su paquete otra vez, o deje esos archivos fuera.",
                len(refused)).format(n=len(refused), total=len(paths)))
    except BaseException:
        if repo is not None:
            repo.close()
        raise
    results = []
    for p, found in past.items():
        results.append({"bundle": str(p), "bundle_id": found.bundle_id,
                        "device_id": found.device_id, "device_name": found.device_name,
                        "created_at": found.created_at, "already_imported": True,
                        "recognised": True, "changed": False})
        if not as_json:
            click.echo(_("Paquete de «{device}»: {message}").format(
                device=found.device_name, message=found.message()))
    created = False
    open_conflicts = 0
    if repo is None and verified:
        if dry_run:
            raise bundles_mod.BundleError(_("No existe el archivo «{name}».").format(
                name=target.name))
        repo = Repo(bundles_mod.new_process_from_bundle(target))
        created = True
    try:
        if repo is not None:
            with repo:
                if verified:
                    if dry_run:
                        for path, bundle in verified:
                            preview = bundles_mod.preview_import(repo.pf, bundle, office_key=key)
                            results.append({"bundle": str(path), **preview.to_dict(),
                                            "changed": False})
                            if not as_json:
                                _print_preview(preview)
                    else:
                        done = bundles_mod.import_bundles(repo.pf, [b for _p, b in verified],
                                                          accepted=accept, office_key=key)
                        for (path, _b), result in zip(verified, done):
                            results.append({"bundle": str(path), **result.to_dict()})
                            if not as_json:
                                _print_preview(result.preview)
                                click.echo("  " + (
                                    _("Importado.") if result.changed
                                    else _("Nada que cambiar: ya estaba importado.")))
                    open_conflicts = len(list_conflicts(repo.pf))
    except BaseException:
        if created:  # a refused import into a new file leaves no file behind
            for leftover in (target, *(target.with_name(target.name + s)
                                       for s in ("-wal", "-shm", "-journal", ".lock"))):
                leftover.unlink(missing_ok=True)
        raise
    if as_json:
        echo_json({"bundles": results, "open_conflicts": open_conflicts})
    elif open_conflicts:
        click.echo(_("Hay {n} conflictos por decidir: cocrea bundle conflicts {file}").format(
            n=open_conflicts, file=file))


@bundle.command("conflicts")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--all", "show_all", is_flag=True, help="Incluye los conflictos resueltos.")
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def bundle_conflicts(file: str, show_all: bool, as_json: bool) -> None:
    """Enlista los conflictos que guardaron las uniones (las dos versiones de cada renglón)."""
    from cocrea_desktop.store.merge import conflict_kind_label, list_conflicts

    with open_repo(file, read_only=True) as repo:
        found = list_conflicts(repo.pf, status=None if show_all else "open")
    if as_json:
        echo_json([{"id": c.id, "table": c.table, "row_id": c.row_id, "kind": c.kind,
                    "status": c.status, "choice": c.choice, "fields": c.fields,
                    "current": c.current, "other": c.other} for c in found])
        return
    if not found:
        click.echo(_("No hay conflictos."))
    for c in found:
        kind = conflict_kind_label(c.kind)
        click.echo(f"{c.id[:8]}  {c.table}  {c.row_id[:8]}  {c.status}  {kind}")
        for name in c.fields:
            click.echo("    " + _("{field}: «{current}» (en la tabla) / «{other}» (la otra)")
                       .format(field=name, current=c.current.get(name),
                               other=c.other.get(name)))


@bundle.command("resolve")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("conflict_id")
@click.argument("choice", type=click.Choice(["keep", "other"]))
@fail_cleanly
def bundle_resolve(file: str, conflict_id: str, choice: str) -> None:
    """Resuelve un conflicto: conserva la versión de la tabla o toma la otra."""
    from cocrea_desktop.store.merge import resolve_conflict

    with open_repo(file) as repo:
        resolve_conflict(repo.pf, conflict_id, choice)
    click.echo(_("Conflicto resuelto."))
