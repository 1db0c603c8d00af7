"""`cocrea attendance ...`: the sheet, anonymous counts, people (ARCO), the privacy notice."""

from __future__ import annotations

from typing import Any

import click

from cocrea_desktop.cli import PAPER, cli, echo_json, fail_cleanly, open_repo, written
from cocrea_desktop.i18n import _


@cli.group()
def attendance() -> None:
    """Asistencia: lista de asistencia, conteos anónimos, personas (ARCO), aviso de privacidad."""


# -- attendance ----------------------------------------------------------------------------


@attendance.command("sheet")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="Archivo PDF que se escribe.")
@click.option("--rows", type=int, default=None,
              help="Renglones que se imprimen (predeterminado: participantes + 5, o 20).")
@click.option("--paper", type=PAPER, default="letter", help="Tamaño de papel (letter = carta, "
                                                            "a4).")
@fail_cleanly
def attendance_sheet(file: str, session_id: str, output: str, rows: int | None,
                     paper: str) -> None:
    """Imprime la lista de asistencia de una sesión, con el aviso de privacidad arriba."""
    from cocrea_desktop.export.evidence import session_digest
    from cocrea_desktop.export.pdf.attendance import write_attendance_sheet

    with open_repo(file, read_only=True) as repo:
        session = repo.session(session_id)
        path = write_attendance_sheet(repo, session.id, output, rows=rows, paper=paper)
        digest = session_digest(repo, session.id)
    written(path, digest)


@attendance.command("count")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.option("--dimension", required=True,
              type=click.Choice(["sector", "sex", "age_band", "community", "language"]),
              help="Qué se cuenta.")
@click.option("--category", required=True,
              help="Categoría: gobierno, sociedad_civil, academia, ciudadania, otro (sector); "
                   "mujer, hombre, otro, no_dice (sex); menos_18, 18_29, 30_44, 45_59, 60_mas "
                   "(age_band); texto libre para comunidad e idioma.")
@click.option("--count", "count", required=True, type=int, help="Cuántas personas (0 lo borra).")
@fail_cleanly
def attendance_count(file: str, session_id: str, dimension: str, category: str,
                     count: int) -> None:
    """Guarda un conteo anónimo de asistencia."""
    with open_repo(file) as repo:
        session = repo.session(session_id)
        repo.attendance.set_count(session.id, dimension, category, count)
        total = repo.attendance.totals(session.id).get(dimension, 0)
    click.echo(_("Conteo guardado. Total de «{dimension}»: {total}.").format(
        dimension=dimension, total=total))


@attendance.command("show")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def attendance_show(file: str, session_id: str, as_json: bool) -> None:
    """Muestra los conteos anónimos de una sesión (sin nombres)."""
    from cocrea_desktop.core.privacy import category_label, dimension_label

    with open_repo(file, read_only=True) as repo:
        session = repo.session(session_id)
        data = {"counts": repo.attendance.counts(session.id),
                "notice_read_aloud": repo.attendance.notice_read_aloud(session.id),
                "people_recorded": len(repo.attendance.people(session.id,
                                                              include_erased=False))}
    if as_json:
        echo_json(data)
        return
    click.echo(_("Aviso leído en voz alta: {answer}").format(
        answer=_("sí") if data["notice_read_aloud"] else _("no")))
    for dimension, cats in data["counts"].items():
        if cats:
            click.echo("{dimension}: {cats}".format(
                dimension=dimension_label(dimension),
                cats=", ".join(f"{category_label(dimension, c)} {n}"
                               for c, n in cats.items())))
    click.echo(_("Personas anotadas: {n}").format(n=data["people_recorded"]))


@attendance.command("inclusion")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def attendance_inclusion(file: str, as_json: bool) -> None:
    """Resumen de inclusión del proceso: conteos por sector, sexo, edad, comunidad e idioma."""
    from cocrea_desktop.core.privacy import category_label, dimension_label

    with open_repo(file, read_only=True) as repo:
        data = repo.attendance.inclusion()
    if as_json:
        echo_json(data)
        return
    for dimension, cats in data.items():
        click.echo("{dimension}: {cats}".format(
            dimension=dimension_label(dimension),
            cats=", ".join(f"{category_label(dimension, c)} {n}"
                           for c, n in cats.items()) or "—"))


@attendance.command("notice-read")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.option("--no", "not_read", is_flag=True, help="Registra que NO se leyó.")
@fail_cleanly
def attendance_notice_read(file: str, session_id: str, not_read: bool) -> None:
    """Registra que el aviso de privacidad se leyó en voz alta en la sesión."""
    with open_repo(file) as repo:
        repo.attendance.set_notice_read_aloud(repo.session(session_id).id, not not_read)
    click.echo(_("Anotado."))


@attendance.command("privacy")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--body", default=None, help="Nombre del sujeto obligado (responsable).")
@click.option("--notice", default=None,
              help="Texto del aviso ({responsable} y {aviso_integral} se llenan solos); vacío = "
                   "el predeterminado.")
@click.option("--full-notice-at", default=None, help="Dónde se puede leer el aviso integral.")
@fail_cleanly
def attendance_privacy(file: str, body: str | None, notice: str | None,
                       full_notice_at: str | None) -> None:
    """Muestra o cambia el aviso de privacidad (el texto impreso en las listas de asistencia)."""
    with open_repo(file, read_only=body is None and notice is None and full_notice_at is None
                   ) as repo:
        if not (body is None and notice is None and full_notice_at is None):
            current = repo.attendance.privacy()
            repo.attendance.set_privacy(
                body=current.body if body is None else body,
                notice=current.notice if notice is None else notice,
                full_notice_at=current.full_notice_at if full_notice_at is None
                else full_notice_at)
        click.echo(repo.attendance.notice_text())


@attendance.group("person")
def person() -> None:
    """Personas en la lista (solo si el proceso las necesita): agregar, ver, corregir, borrar."""


def _person_dict(p: Any) -> dict[str, Any]:
    return {"number": p.number, "name": p.name, "phone": p.phone,
            "consent_contact": p.consent_contact, "consent_photos": p.consent_photos,
            "erased": p.erased}


@person.command("add")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.option("--name", required=True, help="Nombre como la persona lo escribe.")
@click.option("--phone", default="", help="Teléfono, solo con --consent-contact.")
@click.option("--consent-contact", is_flag=True, help="Acepta que la contacten para el "
                                                      "seguimiento.")
@click.option("--consent-photos", is_flag=True, help="Acepta aparecer en fotos.")
@fail_cleanly
def person_add(file: str, session_id: str, name: str, phone: str, consent_contact: bool,
               consent_photos: bool) -> None:
    """Agrega a una persona a la lista de asistencia de la sesión."""
    with open_repo(file) as repo:
        added, _changes = repo.attendance.add_person(
            repo.session(session_id).id, name=name, phone=phone,
            consent_contact=consent_contact, consent_photos=consent_photos)
    click.echo(_("Persona anotada con el número {number}.").format(number=added.number))


@person.command("show")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.argument("number", type=int)
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def person_show(file: str, session_id: str, number: int, as_json: bool) -> None:
    """Muestra lo que se guarda de una persona (ARCO: acceso)."""
    with open_repo(file, read_only=True) as repo:
        p = repo.attendance.person_by_number(repo.session(session_id).id, number)
    data = _person_dict(p)
    if as_json:
        echo_json(data)
        return
    if p.erased:
        click.echo(_("{number}: datos borrados a petición de la persona.").format(
            number=p.number))
        return
    click.echo(_("{number}: {name} · teléfono: {phone} · contacto: {contact} · fotos: "
                 "{photos}").format(number=p.number, name=p.name, phone=p.phone or "—",
                                    contact=_("sí") if p.consent_contact else _("no"),
                                    photos=_("sí") if p.consent_photos else _("no")))


@person.command("correct")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.argument("number", type=int)
@click.option("--name", default=None, help="Nombre corregido.")
@click.option("--phone", default=None, help="Teléfono corregido (vacío lo quita).")
@click.option("--consent-contact/--no-consent-contact", default=None,
              help="Acepta (o ya no acepta) que la contacten.")
@click.option("--consent-photos/--no-consent-photos", default=None,
              help="Acepta (o ya no acepta) aparecer en fotos.")
@fail_cleanly
def person_correct(file: str, session_id: str, number: int, **values: Any) -> None:
    """Corrige los datos de una persona (ARCO: rectificación)."""
    changes = {k: v for k, v in values.items() if v is not None}
    with open_repo(file) as repo:
        p = repo.attendance.person_by_number(repo.session(session_id).id, number)
        repo.attendance.correct_person(p.id, **changes)
    click.echo(_("Datos corregidos."))


@person.command("erase")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.argument("session_id")
@click.argument("number", type=int)
@click.option("--yes", is_flag=True, help="Confirma: el borrado no se puede deshacer.")
@fail_cleanly
def person_erase(file: str, session_id: str, number: int, yes: bool) -> None:
    """Borra los datos de una persona a petición suya (ARCO: cancelación); los conteos se quedan."""
    if not yes:
        raise click.UsageError(_("Borrar no se puede deshacer: repita la orden con --yes."))
    with open_repo(file) as repo:
        p = repo.attendance.person_by_number(repo.session(session_id).id, number)
        repo.attendance.erase_person(p.id)
    click.echo(_("Datos de la persona {number} borrados. Los conteos no cambian.").format(
        number=number))
