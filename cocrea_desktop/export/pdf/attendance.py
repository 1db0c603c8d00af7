"""The attendance sheet of a session: the simplified privacy notice first, then the list.

Printed before anyone writes: the notice (with the process's responsible body),
a line to record that it was read aloud, the columns of methods.md (number,
name, optional phone, consent ticks, signature or thumbprint) and, at the foot,
anonymous tallies of sex and age band (never next to a name). Names recorded in
the program are never printed here: the sheet is a blank form.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from cocrea_desktop.core import dates, privacy
from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.export import evidence
from cocrea_desktop.export.pdf import kit
from cocrea_desktop.i18n import _

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

BOX = "☐"
TICKED = "☒"
ROW_MM = 12.0
MAX_ROWS = 300


def render_attendance_sheet(repo: Repo, session_id: str, *, rows: int | None = None,
                            paper: str = "letter",
                            progress: kit.ProgressCallback | None = None,
                            cancelled: kit.CancelledCallback | None = None) -> bytes:
    fonts_st = kit.styles()
    from reportlab.lib import colors
    from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

    s = repo.session(session_id)
    process = repo.process()
    if rows is None:
        rows = s.participant_count + 5 if s.participant_count else 20
    if not 1 <= rows <= MAX_ROWS:
        raise InvalidInput(_("La lista puede tener de 1 a {max} renglones.").format(
            max=MAX_ROWS))
    width = kit.content_width(paper)
    st = fonts_st
    story: list = []
    story.append(kit.para(_("Lista de asistencia"), st["title"]))
    where = [x for x in (dates.format_date(s.date), s.place) if x]
    story.append(kit.para(" · ".join([process.name, repo.session_title(s), *where]),
                          st["subtitle"]))
    if progress:
        progress(1, 3)

    notice = repo.attendance.notice_text()
    box = Table([[kit.para(_("Aviso de privacidad simplificado"), st["h3"])],
                 [kit.para(notice, st["notice"])]], colWidths=[width])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                             ("LEFTPADDING", (0, 0), (-1, -1), 7),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 7),
                             ("BOTTOMPADDING", (0, -1), (-1, -1), 7)]))
    story.append(box)
    story.append(Spacer(1, 5))
    mark = TICKED if repo.attendance.notice_read_aloud(s.id) else BOX
    story.append(kit.para(_("{box} El aviso se leyó en voz alta antes de que alguien "
                            "escribiera.   Lo leyó: ____________________   Hora: ________")
                          .format(box=mark), st["body"]))
    story.append(Spacer(1, 4))

    header = [_("No."), _("Nombre"), _("Teléfono (opcional, solo para seguimiento)"),
              _("Acepto que me contacten"), _("Acepto salir en fotos"), _("Firma o huella")]
    widths = [0.06, 0.27, 0.19, 0.13, 0.13, 0.22]
    body = [header] + [[str(i + 1), "", "", BOX + " " + _("Sí"), BOX + " " + _("Sí"), ""]
                       for i in range(rows)]
    # A fixed writing space for each person (a thumbprint fits in 12 mm).
    sheet = kit.table(body, [w * width for w in widths],
                      row_heights=[None] + [ROW_MM * kit.MM] * rows,
                      style_extra=[("VALIGN", (0, 1), (-1, -1), "MIDDLE")])
    story.append(sheet)
    if progress:
        progress(2, 3)

    story.append(Spacer(1, 8))
    foot = [kit.para(_("Conteo anónimo: marque una raya por persona. No se anota junto al "
                       "nombre."), st["h3"])]
    for dimension in privacy.SHEET_TALLIES:
        cats = privacy.CATEGORIES[dimension]
        labels = [privacy.dimension_label(dimension)] + [_(label) for label in cats.values()] + \
            [_("Total")]
        n = len(labels)
        first = 0.14
        col = (1 - first) / (n - 1)
        t = kit.table([labels, [""] * n], [first * width] + [col * width] * (n - 1),
                      repeat=False, row_heights=[None, 11 * kit.MM])
        foot.append(t)
        foot.append(Spacer(1, 5))
    story.append(KeepTogether(foot))
    data = kit.build(story, kit.Footer(process.id, evidence.session_digest(repo, s.id),
                                       _("Lista de asistencia")),
                     paper=paper, cancelled=cancelled)
    if progress:
        progress(3, 3)
    return data


def write_attendance_sheet(repo: Repo, session_id: str, path: str | os.PathLike[str], *,
                           rows: int | None = None, paper: str = "letter",
                           progress: kit.ProgressCallback | None = None,
                           cancelled: kit.CancelledCallback | None = None) -> Path:
    data = render_attendance_sheet(repo, session_id, rows=rows, paper=paper,
                                   progress=progress, cancelled=cancelled)
    return kit.write_atomically(data, path)
