"""What the launch's screens, room view and acta say, computed once without Qt: the
attendance in counts, the agenda as held, each commitment as the room reads it, who
signed, the closing note."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cocrea_desktop.core import dates
from cocrea_desktop.export.evidence import dimension_rows
from cocrea_desktop.export.relatoria import Section
from cocrea_desktop.i18n import _, ngettext
from cocrea_desktop.store.commitments import STAGES
from cocrea_desktop.store.stl import word

if TYPE_CHECKING:
    from cocrea_desktop.export.evidence import SessionSnapshot
    from cocrea_desktop.store.commitments import Commitment
    from cocrea_desktop.store.repo import Repo


def minutes_text(seconds: float) -> str:
    minutes, rest = divmod(int(round(seconds)), 60)
    return f"{minutes}:{rest:02d}"


def attendance_lines(repo: Repo, session_id: str) -> tuple[str, ...]:
    """ "Asistentes: 122", then each dimension's counts ("Sexo: Mujer 64, Hombre 58")."""
    counts = repo.attendance.counts(session_id)
    present = repo.launch.present(session_id)
    lines = [_("Asistentes: {count}").format(count=present) if present
             else _("Sin conteo de asistencia")]
    for title, cats in dimension_rows(counts):
        lines.append(_("{dimension}: {counts}").format(
            dimension=title, counts=", ".join(f"{label} ({n})" for label, n in cats)))
    if repo.attendance.notice_read_aloud(session_id):
        lines.append(_("Se leyó en voz alta el aviso de privacidad."))
    return tuple(lines)


def item_line(item) -> str:
    """ "1. Bienvenida — presenta: Presidencia municipal — 10 min (duró 12:30 min)"."""
    parts = [_("{number}. {title}").format(number=item.number, title=item.title)]
    if item.presenter:
        parts.append(_("presenta: {who}").format(who=item.presenter))
    planned = _("{minutes} min").format(minutes=f"{item.minutes:g}")
    if item.closed:
        planned += " " + _("(duró {time} min)").format(time=minutes_text(item.seconds))
    elif item.open:
        planned += " " + _("(en curso)")
    else:
        planned += " " + _("(sin tratar)")
    parts.append(planned)
    return " — ".join(parts)


def responsible_text(c: Commitment) -> str:
    return " · ".join(x for x in (c.lead_agency, c.responsible) if x) or _("sin responsable")


def milestone_line(m) -> str:
    """A milestone as the room and the acta read it: what, who, by when."""
    parts = [m.description]
    if m.responsible:
        parts.append(m.responsible)
    parts.append(dates.format_date(m.due_date) if m.due_date else _("sin fecha"))
    return " — ".join(parts)


def commitment_lines(c: Commitment) -> tuple[str, ...]:
    lines = [_("Qué resuelve: {problem}").format(problem=c.problem or _("sin describir")),
             _("Responsable: {who}").format(who=responsible_text(c))]
    if c.start_date or c.end_date:
        lines.append(_("Periodo: {start} a {end}").format(
            start=dates.format_date(c.start_date) if c.start_date else "…",
            end=dates.format_date(c.end_date) if c.end_date else "…"))
    return tuple(lines)


def presented_lines(repo: Repo, session_id: str) -> tuple[str, ...]:
    plan = {c.id: c for c in repo.commitments.list()}
    lines = []
    for p in repo.launch.presented(session_id):
        c = plan.get(p.commitment_id)
        lines.append(_("Compromiso {label}: {name} (versión presentada: {stage}; {count})")
                     .format(label=p.label, name=p.name, stage=word(STAGES, p.stage),
                             count=ngettext("{count} hito", "{count} hitos",
                                            p.milestones).format(count=p.milestones)))
        if c is not None:
            lines.append("    " + responsible_text(c))
            lines += ["    " + _("Hito {number}: {text}").format(number=i, text=milestone_line(m))
                      for i, m in enumerate(c.milestones, 1)]
    return tuple(lines)


def signature_line(s) -> str:
    who = ", ".join(x for x in (s.name, s.post, s.organisation) if x)
    return _("{who} — firmó").format(who=who) if s.signed else \
        _("{who} — asistió sin firmar").format(who=who)


def acta_sections(repo: Repo, session_id: str) -> tuple[Section, ...]:
    la = repo.launch
    out = [Section(_("Asistencia"), attendance_lines(repo, session_id))]
    items = la.items(session_id)
    out.append(Section(_("Orden del día"), tuple(item_line(i) for i in items)
                       or (_("Sin puntos"),)))
    presented = presented_lines(repo, session_id)
    out.append(Section(_("Compromisos presentados"),
                       presented or (_("No se presentó ningún compromiso."),)))
    not_final = [p.label for p in la.presented(session_id) if p.stage != "final"]
    if not_final:
        out.append(Section(_("Aviso"), (_("Se presentaron compromisos que aún no eran la "
                                          "versión final: {labels}.").format(
            labels=", ".join(not_final)),)))
    out.append(Section(_("Firmas"), tuple(signature_line(s) for s in la.signatures(session_id))
                       or (_("Nadie firmó todavía."),)))
    note = la.closing_note(session_id)
    out.append(Section(_("Nota de cierre"), (note,) if note else (_("Sin nota de cierre."),)))
    return tuple(out)


def sections(repo: Repo, session_id: str, snap: SessionSnapshot) -> tuple[Section, ...]:
    """The relatoría's summary of a launch: the same sections as its acta."""
    return acta_sections(repo, session_id)
