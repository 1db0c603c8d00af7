"""The progress report of the Local Action Plan, as PDF (the house style of
``export/pdf/kit.py``), for the office to publish every quarter.

First page: the summary of the whole plan (how many milestones are done, on time,
late, cancelled, as a chart and a table). Then one page per commitment: its
milestones with their status, a progress bar and the percentage, the latest note,
and the evidence list (file names and SHA-256, the same hashes the journal keeps),
and the signed agreements its proposals came from (a fair's cartas compromiso: who
committed to what, their follow-up, their signed copies with SHA-256). The first page
also lists the signed agreements no commitment carries. The same numbers go to the open
data package (tables ``milestone_progress`` and ``plan_agreements``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core import dates
from cocrea_desktop.i18n import _, ngettext

if TYPE_CHECKING:
    from cocrea_desktop.store.followup import Agreement, MilestoneState
    from cocrea_desktop.store.repo import Repo


def summary_rows(repo: Repo, *, today: str | None = None) -> list[tuple[str, int]]:
    """(words, count) for the chart: done, on time (in progress or not started), late,
    cancelled."""
    counts = repo.followup.summary(today=today)
    return [(_("Cumplidos"), counts["done"]),
            (_("En tiempo"), counts["in_progress"] + counts["not_started"]),
            (_("Atrasados"), counts["late"]), (_("Cancelados"), counts["cancelled"])]


def progress_bar(percent: int, width: float, late: bool = False) -> Any:
    """A small horizontal bar: filled grey to the percentage, outlined black."""
    from reportlab.graphics.shapes import Drawing, Rect, String
    from reportlab.lib import colors

    from cocrea_desktop.export.pdf.fonts import register_fonts
    from cocrea_desktop.export.pdf.kit import GREY_BAR

    fonts = register_fonts()
    height = 9.0
    text_w = 30.0  # "100 %" right of the bar
    bar_w = max(20.0, width - text_w)
    drawing = Drawing(width, height + 2)
    drawing.add(Rect(0, 1, bar_w, height, fillColor=colors.white, strokeColor=colors.black,
                     strokeWidth=0.6))
    if percent > 0:
        shade = 0.15 if late else GREY_BAR
        drawing.add(Rect(0, 1, bar_w * min(percent, 100) / 100, height,
                         fillColor=colors.Color(shade, shade, shade), strokeColor=None))
    drawing.add(String(width, 2.5, f"{percent} %", fontName=fonts.bold, fontSize=8,
                       textAnchor="end"))
    return drawing


def _date(iso: str) -> str:
    return dates.format_date(iso, "numeric") if iso else "—"


def agreements_story(agreements: list[Agreement], width: float, *,
                     heading_style: str = "h3") -> list[Any]:
    """The signed agreements' tables: one per kind (its heading), then their signed
    copies with SHA-256."""
    from reportlab.platypus import Spacer

    from cocrea_desktop.export.pdf import kit
    from cocrea_desktop.store.followup import agreement_columns, agreement_row, by_heading

    st = kit.styles()
    story: list[Any] = []
    for heading, group in by_heading(agreements):
        story.append(kit.para(heading, st[heading_style]))
        story.append(kit.table([agreement_columns(), *[agreement_row(a) for a in group]],
                               [width * f for f in (0.09, 0.11, 0.22, 0.3, 0.12, 0.16)]))
        copies = [[_("Folio"), _("Copia firmada"), "SHA-256"]]
        for a in group:
            for f in a.files:
                copies.append([a.folio, f.file_name, f.sha256])
            if not a.files:
                copies.append([a.folio, _("Sin copia firmada adjunta."), "—"])
        story.append(Spacer(1, 4))
        story.append(kit.table(copies, [width * f for f in (0.09, 0.38, 0.53)]))
    return story


def _commitment_story(repo: Repo, states: list[MilestoneState], width: float,
                      agreements: list[Agreement] | None = None) -> list[Any]:
    from cocrea_desktop.export.pdf import kit

    st = kit.styles()
    c = states[0].commitment
    story: list[Any] = [kit.para(_("Compromiso {label}. {name}").format(
        label=c.label, name=c.name), st["h2"])]
    story.append(kit.para(_("Periodo: {start} a {end} · Responsable: {who}").format(
        start=_date(c.start_date), end=_date(c.end_date),
        who=", ".join(x for x in (c.lead_agency, c.responsible) if x) or "—"), st["small"]))
    average = round(sum(s.percent for s in states if s.status != "cancelled")
                    / max(1, sum(1 for s in states if s.status != "cancelled")))
    story.append(kit.para(_("Avance del compromiso: {pct} %").format(pct=average),
                          st["h3"]))
    story.append(progress_bar(average, width * 0.6 + 30))
    rows: list[list[Any]] = [[_("Hito"), _("Fecha de término"), _("Estado"), _("Avance"),
                              _("Nota")]]
    bar_w = width * 0.19 - 8
    for s in states:
        note = s.latest.note if s.latest else ""
        if s.latest and s.latest.reason:
            note = _("Cancelado: {reason}").format(reason=s.latest.reason)
        rows.append([f"{s.position}. {s.milestone.description}", _date(s.milestone.due_date),
                     s.status_text, progress_bar(s.percent, bar_w, s.status == "late"),
                     note or "—"])
    story.append(kit.table(rows, [width * f for f in (0.32, 0.13, 0.12, 0.19, 0.24)]))
    evidence = [[_("Hito"), _("Archivo"), _("Agregado"), "SHA-256"]]
    for s in states:
        for e in repo.followup.evidence(s.milestone.id):
            evidence.append([s.label, e["file_name"], _date(e["created_at"][:10]),
                             e["sha256"]])
    story.append(kit.para(_("Evidencias"), st["h3"]))
    if len(evidence) > 1:
        story.append(kit.table(evidence, [width * f for f in (0.12, 0.28, 0.13, 0.47)]))
    else:
        story.append(kit.para(_("Sin evidencias adjuntas."), st["body"]))
    if agreements:
        story += agreements_story(agreements, width)
    history = [[_("Hito"), _("Fecha"), _("Estado"), _("Avance")]]
    for s in states:
        for rec in s.history[1:]:
            history.append([s.label, _date(rec.date), rec.status_text, f"{rec.percent} %"])
    if len(history) > 1:
        story.append(kit.para(_("Registros anteriores"), st["h3"]))
        story.append(kit.table(history, [width * f for f in (0.14, 0.3, 0.28, 0.28)]))
    return story


def render_progress_pdf(repo: Repo, *, paper: str = "letter", today: str | None = None
                        ) -> bytes:
    from reportlab.platypus import PageBreak, Spacer

    from cocrea_desktop.export.evidence import process_digest
    from cocrea_desktop.export.pdf import kit

    st = kit.styles()
    width = kit.content_width(paper)
    day = today or repo.followup.today()
    states = repo.followup.states(today=day)
    p = repo.process()
    story: list[Any] = [kit.para(_("Informe de avance del Plan de Acción Local"), st["title"]),
                        kit.para(" · ".join(x for x in (p.name, p.municipality, p.state) if x),
                                 st["subtitle"]),
                        kit.para(_("Corte al {date}.").format(date=dates.format_date(day)),
                                 st["body"])]
    rows = summary_rows(repo, today=day)
    n, c = len(states), len({s.commitment.id for s in states})
    story.append(kit.para(_("Resumen del plan: {milestones} en {commitments}").format(
        milestones=ngettext("{n} hito", "{n} hitos", n).format(n=n),
        commitments=ngettext("{n} compromiso", "{n} compromisos", c).format(n=c)),
        st["h2"]))
    story.append(kit.bar_chart(rows, width, unit=_("Hitos")))
    story.append(Spacer(1, 6))
    story.append(kit.table([[_("Estado"), _("Hitos")], *[[w, str(n)] for w, n in rows]],
                           [width * 0.5, width * 0.2]))
    late = [s for s in states if s.status == "late"]
    if late:
        story.append(kit.para(_("Hitos atrasados"), st["h3"]))
        story.append(kit.table([[_("Hito"), _("Descripción"), _("Vencía")],
                                *[[s.label, s.milestone.description,
                                   _date(s.milestone.due_date)] for s in late]],
                               [width * f for f in (0.14, 0.62, 0.24)]))
    carried = repo.followup.carried()
    loose = [x for x in carried if not x.commitments and not x.agreement.closed]
    if loose:
        from cocrea_desktop.store.followup import loose_lines

        story.append(kit.para(_("Acuerdos firmados que no están en el plan"), st["h3"]))
        for line in loose_lines(loose):
            story.append(kit.para(line, st["body"]))
        story += agreements_story([x.agreement for x in loose], width, heading_style="h4")
    by_commitment: dict[str, list[MilestoneState]] = {}
    for s in states:
        by_commitment.setdefault(s.commitment.id, []).append(s)
    for group in by_commitment.values():
        story.append(PageBreak())
        label = group[0].commitment.label
        story += _commitment_story(repo, group, width,
                                   [x.agreement for x in carried if label in x.commitments])
    if not by_commitment:
        story.append(kit.para(_("El plan todavía no tiene compromisos con hitos."), st["body"]))
    footer = kit.Footer(p.id[:8], process_digest(repo), _("Informe de avance"))
    return kit.build(story, footer, paper=paper)


def write_progress_pdf(repo: Repo, path: str | os.PathLike[str], *, paper: str = "letter",
                       today: str | None = None) -> Path:
    from cocrea_desktop.export.pdf import kit

    return kit.write_atomically(render_progress_pdf(repo, paper=paper, today=today), path)
