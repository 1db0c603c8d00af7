"""What the follow-up meeting's screens, room view and acta say, computed once without
Qt: those present in counts, the milestones reviewed with their status and progress, the
agreements, the closing note."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cocrea_desktop.core import dates
from cocrea_desktop.export.evidence import dimension_rows
from cocrea_desktop.export.relatoria import Section
from cocrea_desktop.i18n import _

if TYPE_CHECKING:
    from cocrea_desktop.export.evidence import SessionSnapshot
    from cocrea_desktop.store.repo import Repo


def attendance_lines(repo: Repo, session_id: str) -> tuple[str, ...]:
    present = repo.followup_meeting.present(session_id)
    lines = [_("Asistentes: {count}").format(count=present) if present
             else _("Sin conteo de asistencia")]
    for title, cats in dimension_rows(repo.attendance.counts(session_id)):
        lines.append(_("{dimension}: {counts}").format(
            dimension=title, counts=", ".join(f"{label} ({n})" for label, n in cats)))
    if repo.attendance.notice_read_aloud(session_id):
        lines.append(_("Se leyó en voz alta el aviso de privacidad."))
    return tuple(lines)


def review_note(r) -> str:
    """ "atrasado · 60 % · vence el 31 de octubre de 2027 · Tesorería Municipal"."""
    parts = [r.status_text, f"{r.percent} %"]
    if r.due_date:
        parts.append(_("vence el {date}").format(date=dates.format_date(r.due_date)))
    if r.responsible:
        parts.append(r.responsible)
    return " · ".join(parts)


def review_line(r) -> str:
    return _("Hito {label}: {text} — {note}").format(label=r.label, text=r.description,
                                                    note=review_note(r))


def agreement_note(a) -> str:
    parts = []
    if a.responsible:
        parts.append(_("responde: {who}").format(who=a.responsible))
    if a.due_date:
        parts.append(_("para el {date}").format(date=dates.format_date(a.due_date)))
    if a.new_status:
        parts.append(_("nuevo estado: {status}, {percent} %").format(
            status=a.new_status_text, percent=a.new_percent or 0))
    return " · ".join(parts)


def agreement_line(a) -> str:
    where = _("hito {label}").format(label=a.label) if a.label else _("general")
    note = agreement_note(a)
    return _("Acuerdo {number} ({where}): {text}").format(
        number=a.number, where=where, text=a.text) + (f" — {note}" if note else "")


def acta_sections(repo: Repo, session_id: str) -> tuple[Section, ...]:
    fm = repo.followup_meeting
    out = [Section(_("Asistencia"), attendance_lines(repo, session_id))]
    reviewed = fm.review_list(session_id)
    title = _("Hitos revisados (vencen al {date})").format(
        date=dates.format_date(fm.cutoff(session_id)))
    lines = tuple(review_line(r) for r in reviewed) or (
        _("No había hitos pendientes a la fecha de corte."),)
    if reviewed and not reviewed[0].recorded:
        lines += (_("La revisión aún no se registra: el estado es el de la fecha de la reunión."),)
    out.append(Section(title, lines))
    out.append(Section(_("Acuerdos"), tuple(agreement_line(a) for a in
                                            fm.agreements(session_id))
                       or (_("No se tomaron acuerdos."),)))
    note = fm.closing_note(session_id)
    out.append(Section(_("Nota de cierre"), (note,) if note else (_("Sin nota de cierre."),)))
    return tuple(out)


def sections(repo: Repo, session_id: str, snap: SessionSnapshot) -> tuple[Section, ...]:
    """The relatoría's summary of a follow-up meeting: the same sections as its acta."""
    return acta_sections(repo, session_id)
