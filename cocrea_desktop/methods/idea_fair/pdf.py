"""Idea-fair PDFs: the carta compromiso (one per agreement) and the stand list.

Both follow the report conventions (``kit``): DejaVu Sans embedded, black and
white, a footer with the process id and a short hash of the rows the page was
made from. The letter carries a QR code with its folio (the same vector QR as
the ballots), so the signed paper links back to the records. The stand list is
public: it never shows the promoter team's contact person.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core import dates
from cocrea_desktop.core import journal as journal_core
from cocrea_desktop.core.errors import NotFound
from cocrea_desktop.export.pdf import kit
from cocrea_desktop.export.qr_matrix import pdf_path_operators, qr_matrix
from cocrea_desktop.i18n import _

if TYPE_CHECKING:
    from cocrea_desktop.methods.idea_fair.store import Letter
    from cocrea_desktop.store.repo import Repo

QR_SIDE_MM = 26.0


def letter_qr_payload(process_id: str, folio: str) -> str:
    """What the letter's QR code holds: the folio and the process id's first 8 characters.

    Short and in QR alphanumeric characters (upper case), to fit the small QR versions
    the ballots use, read by a phone or the scanner.
    """
    return "CC:{folio}:{process}".format(folio=folio,
                                         process=process_id.replace("-", "")[:8]).upper()


def fair_digest(repo: Repo, session_id: str, *, letter_id: str | None = None) -> str:
    """Short SHA-256 of the fair rows a page is made from (contacts included as stored)."""
    digest = hashlib.sha256()
    tables = ("fair_stand", "fair_authority", "fair_letter")
    for table in tables:
        sql = f"SELECT * FROM {table} WHERE session_id = ? ORDER BY id"
        for row in repo.pf.query(sql, [session_id]):
            if table == "fair_letter" and letter_id and row["id"] != letter_id:
                continue
            digest.update(table.encode("utf-8"))
            digest.update(journal_core.canonical_json(row).encode("utf-8"))
    return digest.hexdigest()[:12]


def find_letter(repo: Repo, session_id: str, folio: str) -> Letter:
    for letter in repo.fair.letters(session_id):
        if letter.folio.upper() == folio.strip().upper():
            return letter
    raise NotFound(_("No existe la carta {folio}.").format(folio=folio))


def _qr_flowable(payload: str, side: float) -> Any:
    from reportlab.platypus import Flowable

    class QrFlowable(Flowable):
        def wrap(self, *_args: Any) -> tuple[float, float]:
            return side, side

        def draw(self) -> None:
            self.canv.addLiteral(pdf_path_operators(qr_matrix(payload), 0, 0, side))

    return QrFlowable()


def render_letter(repo: Repo, session_id: str, folio: str, *, paper: str = "letter") -> bytes:
    """The carta compromiso of ``folio`` as PDF bytes."""
    from reportlab.lib import colors
    from reportlab.platypus import Spacer, Table, TableStyle

    session = repo.session(session_id)
    letter = find_letter(repo, session.id, folio)
    stand = next(s for s in repo.fair.stands(session.id) if s.id == letter.stand_id)
    authority = next(a for a in repo.fair.authorities(session.id) if a.id == letter.authority_id)
    process = repo.process()
    privacy = repo.attendance.privacy()
    st = kit.styles()
    width = kit.content_width(paper)
    dash = "—"

    place = ", ".join(p for p in (session.place, process.place) if p) or dash
    head_left = [
        kit.para(_("Carta compromiso"), st["title"]),
        kit.para(_("Folio {folio} · Fecha {date}").format(
            folio=letter.folio, date=dates.format_date(letter.letter_date) or dash),
                 st["h3"]),
        kit.para(_("Lugar: {place}").format(place=place), st["body"]),
        kit.para(_("Proceso: {name}").format(name=process.name), st["body"]),
        kit.para(_("Sesión: {title}").format(title=repo.session_title(session)), st["body"]),
    ]
    qr_side = QR_SIDE_MM * kit.MM
    qr_cell = [_qr_flowable(letter_qr_payload(process.id, letter.folio), qr_side),
               kit.para(letter.folio, st["center"])]
    head = Table([[head_left, qr_cell]], colWidths=[width - qr_side - 12, qr_side + 12])
    head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    story: list[Any] = [head, Spacer(1, 6)]

    def rows_table(rows: list[list[str]]) -> Any:
        return kit.table(rows, [0.3 * width, 0.7 * width], header=False, style_extra=[
            ("BACKGROUND", (0, 0), (0, -1), colors.Color(0.93, 0.93, 0.93))])

    story.append(kit.para(_("El proyecto"), st["h2"]))
    story.append(rows_table([
        [_("Stand"), str(stand.number)],
        [_("Proyecto"), stand.title],
        [_("Resumen"), stand.summary or dash],
        [_("Problema que atiende"), stand.problem or dash],
        [_("Equipo promotor"), stand.organisation or dash],
        [_("Representante del equipo"), stand.contact_name or dash],
    ]))
    story.append(kit.para(_("La autoridad"), st["h2"]))
    story.append(rows_table([
        [_("Dependencia"), authority.agency or dash],
        [_("Cargo"), authority.post or dash],
        [_("Nombre"), authority.name],
    ]))
    story.append(kit.para(_("Lo que cada parte se compromete a hacer"), st["h2"]))
    story.append(rows_table([
        [_("El equipo promotor"), letter.team_commits or dash],
        [_("La autoridad"), letter.authority_commits or dash],
        [_("Siguiente paso"), letter.next_step or dash],
        [_("Fecha del siguiente paso"), dates.format_date(letter.next_step_date) or dash],
        [_("Contacto para el seguimiento"), letter.follow_up_contact or dash],
    ]))
    # The responsible body is free text ("Secretariado Técnico Local", "El municipio..."):
    # no article or preposition is glued to it.
    notice = _("Los datos personales de esta carta se tratan según el aviso de privacidad "
               "del responsable: {body}.").format(body=privacy.body or process.responsible_body or dash)
    if privacy.full_notice_at:
        notice += " " + _("Aviso completo: {where}.").format(where=privacy.full_notice_at)
    story.append(Spacer(1, 4))
    story.append(kit.para(notice, st["notice"]))
    story.append(Spacer(1, 18))
    labels = [
        _("Por el equipo promotor: {name}").format(name=stand.contact_name or stand.organisation
                                                   or dash),
        _("Por la autoridad: {name}, {post}").format(name=authority.name,
                                                     post=authority.post or dash),
    ]
    story.append(kit.signature_lines(labels, width))
    story.append(Spacer(1, 14))
    witness = _("Testigo: {name}").format(name=letter.witness) if letter.witness else _("Testigo")
    story.append(kit.signature_lines([witness], width / 2))
    footer = kit.Footer(process.id, fair_digest(repo, session.id, letter_id=letter.id),
                        _("Carta compromiso {folio}").format(folio=letter.folio))
    return kit.build(story, footer, paper=paper)


def write_letter(repo: Repo, session_id: str, folio: str, target: str | os.PathLike[str],
                 *, paper: str = "letter") -> Path:
    return kit.write_atomically(render_letter(repo, session_id, folio, paper=paper), target)


def render_stand_list(repo: Repo, session_id: str, *, paper: str = "letter") -> bytes:
    """The stand list (the map to set up by): number, project, theme, team, what they ask.

    Public: the contact person is left out.
    """
    session = repo.session(session_id)
    process = repo.process()
    st = kit.styles()
    width = kit.content_width(paper)
    stands = repo.fair.stands(session.id)
    where = [x for x in (dates.format_date(session.date), session.place) if x]
    story: list[Any] = [
        kit.para(_("Lista de stands"), st["title"]),
        kit.para(" · ".join([process.name, repo.session_title(session), *where]),
                 st["subtitle"]),
    ]
    if not stands:
        story.append(kit.para(_("Aún no hay stands registrados."), st["body"]))
    else:
        rows = [[_("Stand"), _("Proyecto"), _("Tema"), _("Equipo promotor"), _("Lo que piden")]]
        for s in stands:
            title = s.title + ("\n" + s.summary if s.summary else "")
            rows.append([str(s.number), title, s.theme or "—", s.organisation or "—",
                         s.asks or "—"])
        story.append(kit.table(rows, [0.08 * width, 0.38 * width, 0.14 * width, 0.2 * width,
                                      0.2 * width]))
    footer = kit.Footer(process.id, fair_digest(repo, session.id), _("Lista de stands"))
    return kit.build(story, footer, paper=paper)


def write_stand_list(repo: Repo, session_id: str, target: str | os.PathLike[str], *,
                     paper: str = "letter") -> Path:
    return kit.write_atomically(render_stand_list(repo, session_id, paper=paper), target)
