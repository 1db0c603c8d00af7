"""Paper comment forms of the public consultation, and reading their codes back.

One or two forms per letter page, in large type, with lines to write on. Each form says
which commitment (or section of the plan) it is about, the consultation and its period,
and carries its serial in plain digits and in a QR code (``core/form_payload.py``) of
at least 30 mm, drawn as one vector path like the ballots'. Printing follows the
ballots' rule: the PDF is written under a temporary name and read back, and only then
are its serials entered in the register (``ConsultationStore.issue_forms``), so a
serial is never issued for a form that was not written. No Qt.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.core.files import write_temp_beside
from cocrea_desktop.export.pdf.ballots import PreparedPdf, wrap_text
from cocrea_desktop.export.pdf.fonts import register_fonts, text_width
from cocrea_desktop.export.qr_matrix import pdf_path_operators, qr_matrix
from cocrea_desktop.i18n import _

if TYPE_CHECKING:
    from cocrea_desktop.store.consultation import Consultation, FormPlan, FormReading, PaperForm
    from cocrea_desktop.store.repo import Repo

MM = 72.0 / 25.4
PAGE_W, PAGE_H = 612.0, 792.0  # letter
MARGIN = 14 * MM
QR_SIDE = {1: 34 * MM, 2: 30 * MM}
FORMS_PER_PAGE = (1, 2)


@dataclass(frozen=True)
class FormSheet:
    process: str
    municipality: str
    consultation: Consultation
    forms: tuple[PaperForm, ...]
    per_page: int = 1


def render_forms_pdf(sheet: FormSheet, *,
                     progress: Callable[[int, int], None] | None = None,
                     cancelled: Callable[[], bool] | None = None) -> bytes | None:
    """The PDF bytes of every form; None if ``cancelled()`` turned true."""
    if sheet.per_page not in FORMS_PER_PAGE:
        raise InvalidInput(_("Se imprimen uno o dos formatos por hoja."))
    fonts = register_fonts()
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    c = Canvas(out, pagesize=(PAGE_W, PAGE_H), pageCompression=1, invariant=1,
               initialFontName=fonts.regular)
    c.setTitle(_("Formatos para comentarios de la consulta pública"))
    c.setSubject(sheet.process)
    c.setCreator("CoCrea Desktop")
    cell_h = PAGE_H / sheet.per_page
    total = len(sheet.forms)
    for start in range(0, total, sheet.per_page):
        if cancelled is not None and cancelled():
            return None
        chunk = sheet.forms[start:start + sheet.per_page]
        for i, form in enumerate(chunk):
            _draw_form(c, sheet, form, PAGE_H - i * cell_h, cell_h, fonts)
        if sheet.per_page == 2:
            c.setDash(4, 4)
            c.setLineWidth(0.5)
            c.line(8 * MM, PAGE_H / 2, PAGE_W - 8 * MM, PAGE_H / 2)
            c.setDash()
        c.showPage()
        if progress is not None:
            progress(min(start + sheet.per_page, total), total)
    c.save()
    return out.getvalue()


def _draw_form(c: Any, sheet: FormSheet, form: PaperForm, top: float, height: float,
               fonts: Any) -> None:
    from cocrea_desktop.core.dates import format_date

    two = sheet.per_page == 2
    left, right = MARGIN, PAGE_W - MARGIN
    y_top = top - (10 * MM if two else MARGIN)
    bottom = top - height + (10 * MM if two else MARGIN)
    side = QR_SIDE[sheet.per_page]
    qr_x, qr_y = right - side, y_top - side
    c.addLiteral(pdf_path_operators(qr_matrix(form.payload), qr_x, qr_y, side))
    serial_size = 15 if two else 17
    c.setFont(fonts.bold, serial_size)
    printed = _("Folio {serial}").format(serial=form.shown_serial)
    if text_width(printed, fonts.bold, serial_size) <= side:
        c.drawCentredString(qr_x + side / 2, qr_y - serial_size - 2, printed)
    else:  # never past the margin
        c.drawRightString(right, qr_y - serial_size - 2, printed)
    text_right = min(qr_x, right - text_width(printed, fonts.bold, serial_size)) - 6 * MM
    width = text_right - left
    y = y_top - 10
    c.setFont(fonts.regular, 10.5)
    place = " · ".join(p for p in (sheet.process, sheet.municipality) if p)
    for line in wrap_text(place, fonts.regular, 10.5, width, 2):
        c.drawString(left, y, line)
        y -= 13
    y -= 8
    title_size = 19 if two else 23
    c.setFont(fonts.bold, title_size)
    for line in wrap_text(_("Su comentario al Plan de Acción Local"), fonts.bold, title_size,
                          width, 2):
        c.drawString(left, y - title_size + 10, line)
        y -= title_size + 4
    y -= 6
    about_size = 14 if two else 16
    if form.commitment_label:
        about = _("Sobre el compromiso {label}: {name}").format(label=form.commitment_label,
                                                                  name=form.commitment_name)
    elif form.section:
        about = _("Sobre: {section}").format(section=form.section)
    else:
        about = _("Sobre (compromiso o parte del plan): ")
    lines = wrap_text(about, fonts.bold, about_size, width, 3)
    for line in lines:
        c.setFont(fonts.bold, about_size)
        c.drawString(left, y - about_size + 10, line)
        y -= about_size + 5
    if not form.commitment_label and not form.section:
        c.setLineWidth(0.8)
        end = left + text_width(lines[-1], fonts.bold, about_size) + 4
        c.line(end, y + 6, text_right, y + 6)
    y -= 4
    consultation = sheet.consultation
    period_size = 12 if two else 13
    c.setFont(fonts.regular, period_size)
    for line in wrap_text(_("Consulta pública del {start} al {end}").format(
            start=format_date(consultation.start_date),
            end=format_date(consultation.end_date)), fonts.regular, period_size, width, 2):
        c.drawString(left, y - 2, line)
        y -= period_size + 3
    y += period_size + 3
    y = min(y - 14, qr_y - serial_size - 14)
    # the date, then the lines to write on
    date_size = 13 if two else 14
    c.setFont(fonts.regular, date_size)
    y -= date_size + 8
    label = _("Fecha:")
    c.drawString(left, y, label)
    x = left + text_width(label, fonts.regular, date_size) + 8
    c.setLineWidth(0.8)
    c.line(x, y - 2, x + 70 * MM, y - 2)
    y -= date_size + 14
    c.setFont(fonts.bold, date_size)
    c.drawString(left, y, _("Escriba aquí su comentario:"))
    footer_h = 26 if two else 34
    gap = (9 if two else 10) * MM
    c.setLineWidth(0.6)
    y -= gap
    while y > bottom + footer_h:
        c.line(left, y, right, y)
        y -= gap
    note_size = 9.5 if two else 10.5
    c.setFont(fonts.regular, note_size)
    notes = [_("No escriba su nombre: los comentarios se publican sin nombres, cada uno con su "
               "respuesta razonada."),
             _("Entregue este formato antes del {end} (un comentario por formato).").format(
                 end=format_date(consultation.end_date))]
    fy = bottom + footer_h - 12
    for note in notes:
        for line in wrap_text(note, fonts.regular, note_size, right - left, 2):
            c.drawString(left, fy, line)
            fy -= note_size + 2.5


def prepare_forms_pdf(sheet: FormSheet, path: str | os.PathLike[str], *,
                      progress: Callable[[int, int], None] | None = None,
                      cancelled: Callable[[], bool] | None = None) -> PreparedPdf | None:
    """Render the forms, write them beside ``path`` under a temporary name and read them
    back (the same bytes, the page count, the serials of the first and last page)."""
    data = render_forms_pdf(sheet, progress=progress, cancelled=cancelled)
    if data is None:
        return None
    target = Path(path)
    temp = write_temp_beside(data, target, prefix=".formatos-", suffix=".pdf.tmp")
    prepared = PreparedPdf(target=target, temp=temp, sha256=hashlib.sha256(data).hexdigest(),
                           pages=0)
    try:
        prepared.pages = _read_back(sheet, prepared)
    except BaseException:
        prepared.discard()
        raise
    return prepared


def _read_back(sheet: FormSheet, prepared: PreparedPdf) -> int:
    from pypdf import PdfReader

    failed = InvalidInput(_("El PDF de los formatos no se pudo leer después de escribirlo; "
                            "no se emitió ningún folio. Pruebe en otra carpeta."))
    data = prepared.temp.read_bytes()
    if hashlib.sha256(data).hexdigest() != prepared.sha256:
        raise failed
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = len(reader.pages)
        if pages != -(-len(sheet.forms) // sheet.per_page):
            raise failed
        for index in sorted({0, pages - 1}):
            text = reader.pages[index].extract_text() or ""
            first = index * sheet.per_page
            if any(f.shown_serial not in text
                   for f in sheet.forms[first:first + sheet.per_page]):
                raise failed
    except InvalidInput:
        raise
    except Exception as err:
        raise failed from err
    return pages


def print_forms(repo: Repo, path: str | os.PathLike[str], *, commitments: Sequence[str] = (),
                sections: Sequence[str] = (), count: int = 1, per_page: int = 1,
                progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> list[PaperForm] | None:
    """Print forms to ``path`` and issue their serials; None (nothing issued) if
    cancelled. A failure anywhere leaves the register untouched."""
    sheet, plan = plan_forms_print(repo, commitments=commitments, sections=sections,
                                   count=count, per_page=per_page)
    prepared = prepare_forms_pdf(sheet, path, progress=progress, cancelled=cancelled)
    if prepared is None:
        return None
    finish_forms_print(repo, plan, prepared)
    return list(plan.forms)


def plan_forms_print(repo: Repo, *, commitments: Sequence[str] = (),
                     sections: Sequence[str] = (), count: int = 1,
                     per_page: int = 1) -> tuple[FormSheet, FormPlan]:
    if per_page not in FORMS_PER_PAGE:
        raise InvalidInput(_("Se imprimen uno o dos formatos por hoja."))
    plan = repo.consultation.plan_forms(commitments=commitments, sections=sections,
                                        count=count)
    process = repo.process()
    sheet = FormSheet(process.name, getattr(process, "municipality", "") or "",
                      repo.consultation.require(), plan.forms, per_page)
    return sheet, plan


def finish_forms_print(repo: Repo, plan: FormPlan, prepared: PreparedPdf) -> Any:
    try:
        changes = repo.consultation.issue_forms(plan, pdf_sha256=prepared.sha256)
    except BaseException:
        prepared.discard()
        raise
    prepared.commit()
    return changes


@dataclass
class FormScan:
    """What the codes of scanned forms say, one reading per code, and files without any."""

    readings: list[tuple[str, FormReading]] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)


def scan_forms(repo: Repo, paths: Iterable[str | os.PathLike[str]], *,
               progress: Callable[[int, int], None] | None = None) -> FormScan:
    """Decode the QR codes of scanned forms (images, PDFs, folders) and say what each
    names: the form ready to register, already registered, or why it is not one."""
    from cocrea_desktop.export.scan import scan_path

    result = FormScan()
    paths = [Path(p) for p in paths]
    for done, path in enumerate(paths, start=1):
        report = scan_path(path)
        for code in report.codes:
            result.readings.append((f"{code.source}#{code.page + 1}",
                                    repo.consultation.read_form(code.text)))
        for problem in report.problems:
            page = "" if problem.page is None else f"#{problem.page + 1}"
            result.problems.append((f"{problem.source}{page}", problem.reason))
        if progress:
            progress(done, len(paths))
    return result


__all__ = ["FormScan", "FormSheet", "prepare_forms_pdf", "print_forms", "render_forms_pdf",
           "scan_forms"]
