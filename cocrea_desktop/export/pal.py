"""The Local Action Plan (PAL) document, assembled from the records, as PDF and DOCX.

:func:`pal_blocks` reads the process once into a list of neutral blocks (headings,
paragraphs, tables, page breaks); the PDF (reportlab, the house style of
``export/pdf/kit.py``) and the editable DOCX (python-docx) are both laid out from
the same blocks, so they say the same. Sections: cover, presentation, the process
(sessions held, who took part in anonymous counts, methods used), selection
criteria and results, each commitment with its template, the STL and its
decisions, annexes (the proposals with their origins, the versions compared).
Also here: the minutes of one STL decision, to sign.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cocrea_desktop.i18n import _, ngettext

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo


@dataclass(frozen=True)
class Block:
    #: title | subtitle | h1 | h2 | h3 | para | small | table | break | signatures | figure
    #: (a figure's ``extra``: "pdf", width -> a reportlab flowable; "png", () -> the
    #: same picture as PNG bytes for the editable document; "width", its share of the line)
    kind: str
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()
    widths: tuple[float, ...] = ()  # fractions of the line
    header: bool = True
    extra: dict[str, Any] = field(default_factory=dict)


def _t(rows: list[list[str]], widths: tuple[float, ...], header: bool = True) -> Block:
    return Block("table", rows=tuple(tuple(str(c) for c in r) for r in rows), widths=widths,
                 header=header)


def _day(value: str, style: str = "numeric") -> str:
    """A stored ISO date as people write it in the language in force."""
    from cocrea_desktop.core.dates import format_date

    return format_date(value, style) if value else ""


def _period(start: str, end: str, style: str = "numeric", empty: str = "…") -> str:
    return f"{_day(start, style) or empty} — {_day(end, style) or empty}"


def commitment_blocks(repo: Repo, c: Any) -> list[Block]:
    """One commitment in the OGP template: fields, milestones, SMART, origin."""
    from cocrea_desktop.store.commitments import SMART, field_title, findings
    from cocrea_desktop.store.stl import word

    blocks = [Block("h2", _("Compromiso {label}. {name}").format(label=c.label, name=c.name))]
    rows = [[_("Campo"), _("Contenido")],
            [_("Periodo"), _period(c.start_date, c.end_date, "long", "—")]]
    for key in ("lead_agency", "responsible", "other_actors", "problem", "baseline",
                "description", "objective", "how_it_helps"):
        rows.append([field_title(key), getattr(c, key) or "—"])
    rows.append([field_title("pillars"), c.pillars_text or "—"])
    for key in ("axis", "budget", "plan_links", "public_input"):
        rows.append([field_title(key), getattr(c, key) or "—"])
    rows.append([_("Etapa"), c.stage_text])
    blocks.append(_t(rows, (0.3, 0.7)))
    blocks.append(Block("h2", field_title("milestones")))
    stones = [[_("Núm."), _("Hito"), _("Producto verificable"), _("Responsable"), _("Fecha")]]
    stones += [[str(i), m.description, m.output or "—", m.responsible or "—",
                _day(m.due_date) or "—"] for i, m in enumerate(c.milestones, 1)]
    if len(stones) == 1:
        stones.append(["—", _("Sin hitos"), "", "", ""])
    blocks.append(_t(stones, (0.06, 0.33, 0.26, 0.22, 0.13)))
    smart = [[_("Criterio SMART"), _("Cumple"), _("Nota")]]
    for key in SMART:
        mark = c.smart.get(key, {})
        smart.append([word(SMART, key), _("sí") if mark.get("ok") else _("no"),
                      mark.get("note", "")])
    blocks.append(_t(smart, (0.25, 0.12, 0.63)))
    seen = findings(c)
    if seen:
        blocks.append(Block("small", _("Observaciones: {list}").format(list=" ".join(seen))))
    blocks.append(Block("h2", _("Origen del compromiso")))
    for link in repo.commitments.trace(c.id):
        blocks.append(Block("para", "• " + link.text))
    return blocks


def consultation_blocks(repo: Repo) -> list[Block]:
    """The public consultation the plan went through, when there was one: what was
    consulted, the period and channels, how many comments and how each was answered, and
    where the responses are published. Counts only: who commented is never named."""
    from cocrea_desktop.core.voting.wording import capital
    from cocrea_desktop.store.consultation import RESPONSES
    from cocrea_desktop.store.stl import word

    c = repo.consultation.current()
    if c is None:
        return []
    counts = repo.consultation.counts()
    total = sum(counts.values())
    joined = sum(1 for x in repo.consultation.comments() if x.duplicate_of)
    b = [Block("h1", _("La consulta pública")),
         Block("para", _("El borrador «{draft}» se sometió a consulta pública del {start} al "
                         "{end}, por estos canales: {channels}.").format(
             draft=c.draft or _("Plan de Acción Local"), start=_day(c.start_date, "long"),
             end=_day(c.end_date, "long"), channels=c.channels_text or "—"))]
    rows = [[_("Comentarios recibidos"), str(total)]]
    rows += [[capital(word(RESPONSES, k)), str(counts[k])] for k in RESPONSES]
    if counts[""]:
        rows.append([_("Sin respuesta todavía"), str(counts[""])])
    b.append(_t(rows, (0.6, 0.4), header=False))
    if joined:
        b.append(Block("small", ngettext(
            "{n} comentario repetido se unió a otro igual y comparte su respuesta.",
            "{n} comentarios repetidos se unieron a otros iguales y comparten su respuesta.",
            joined).format(n=joined)))
    if total == 0:
        b.append(Block("para", _("La consulta no recibió comentarios.")))
    elif counts[""]:
        b.append(Block("para", ngettext(
            "Queda {n} comentario sin respuesta: la consulta no se cierra hasta que cada "
            "uno tenga su respuesta razonada.",
            "Quedan {n} comentarios sin respuesta: la consulta no se cierra hasta que cada "
            "uno tenga su respuesta razonada.", counts[""]).format(n=counts[""])))
    else:
        b.append(Block("para", _("Cada comentario recibió una respuesta razonada: si se "
                                 "incorporó, en parte o no, y por qué.")))
    if c.status == "closed":
        b.append(Block("para", _("La consulta se cerró el {date}.").format(
            date=_day(c.closed_at[:10], "long") or "—")))
    else:
        b.append(Block("para", _("La consulta sigue abierta.")))
    b.append(Block("para", _("Cada comentario, con su respuesta y su razón, está en el "
                             "«Informe de respuesta a la consulta pública», que se publica "
                             "junto con este plan.")))
    b.append(Block("small", _("Quien comentó no se nombra: sus datos son personales y se "
                              "guardan aparte.")))
    return b


def pal_blocks(repo: Repo) -> list[Block]:
    from cocrea_desktop.core.dates import format_date
    from cocrea_desktop.core.methods import method_title
    from cocrea_desktop.export import evidence
    from cocrea_desktop.store.commitments import field_title
    from cocrea_desktop.store.proposals import origin_words

    p = repo.process()
    sessions = repo.sessions()
    commitments = repo.commitments.list()
    members = repo.stl.members()
    decisions = repo.stl.decisions()
    proposals = repo.proposals.list()
    by_id = {d.id: d for d in decisions}

    def cite(kind: str) -> str:
        d = repo.stl.latest(kind)
        return (_("Acuerdo {label} del STL, {date}").format(label=d.label,
                                                              date=_day(d.date, "long"))
                if d else _("sin acuerdo registrado"))

    where = ", ".join(x for x in (p.municipality, p.state) if x)
    b: list[Block] = [
        Block("title", _("Plan de Acción Local de Gobierno Abierto")),
        Block("subtitle", p.name),
        Block("subtitle", " · ".join(x for x in (where, p.period) if x)),
        Block("para", _("Responsable: {body}").format(body=p.responsible_body or "—")),
        Block("break"),
        Block("h1", _("Presentación")),
        Block("para", ngettext(
            "Este Plan de Acción Local reúne {n} compromiso de gobierno abierto construido "
            "con la ciudadanía de {where} en {sessions} de cocreación. Cada compromiso "
            "conserva su origen: las propuestas, las mesas y las votaciones de donde salió. "
            "El Secretariado Técnico Local (STL) acordó cada paso.",
            "Este Plan de Acción Local reúne {n} compromisos de gobierno abierto construidos "
            "con la ciudadanía de {where} en {sessions} de cocreación. Cada compromiso "
            "conserva su origen: las propuestas, las mesas y las votaciones de donde salió. "
            "El Secretariado Técnico Local (STL) acordó cada paso.", len(commitments)).format(
            n=len(commitments), where=where or p.name,
            sessions=ngettext("{n} sesión", "{n} sesiones", len(sessions)).format(
                n=len(sessions)))),
        Block("h1", _("El proceso")),
        Block("h2", _("Acuerdos del STL que dan forma al plan")),
        _t([[_("Paso"), _("Acuerdo")],
            [_("Estrategia de participación aprobada"), cite("participation_strategy")],
            [_("Número de compromisos acordado"), cite("commitment_count")],
            [_("Selección de propuestas"), cite("selection")],
            [_("Borrador del PAL aprobado"), cite("draft_approved")]], (0.45, 0.55)),
        Block("h2", _("Sesiones realizadas")),
    ]
    rows = [[_("Fecha"), _("Mesa"), _("Método"), _("Pregunta"), _("Asistentes")]]
    for s in sessions:
        rows.append([format_date(s.date, "medium") if s.date else "—", s.table_label or "—",
                     method_title(s.method), s.question,
                     str(evidence.attendance_total(repo, s) or "—")])
    b.append(_t(rows, (0.14, 0.18, 0.2, 0.36, 0.12)))
    methods = sorted({method_title(s.method) for s in sessions})
    b.append(Block("para", _("Métodos usados: {list}.").format(list=", ".join(methods) or "—")))
    b.append(Block("h2", _("Quiénes participaron")))
    b.append(Block("small", _("Conteos anónimos de todas las sesiones, por sector, sexo, edad, "
                              "comunidad y lengua; cada dimensión se cuenta por separado.")))
    dims = evidence.dimension_rows(repo.attendance.inclusion())
    for label, cats in dims:
        b.append(_t([[label, _("Personas")]] + [[c, str(n)] for c, n in cats], (0.6, 0.4)))
    if not dims:
        b.append(Block("para", _("No se anotaron conteos de asistencia.")))
    b.append(Block("h1", _("Criterios de selección y resultados")))
    selection = repo.stl.latest("selection")
    if selection:
        b.append(Block("para", _("{decision}: {proposal}").format(
            decision=cite("selection"), proposal=selection.proposal or selection.agenda_item)))
    used = {pid: c.label for c in commitments for pid in c.proposals}
    rows = [[_("Propuesta"), _("Título"), _("Origen"), _("Compromiso")]]
    for prop in proposals:
        rows.append([prop.label, prop.title, "; ".join(origin_words(o) for o in prop.origins),
                     used.get(prop.id, "—")])
    b.append(_t(rows, (0.12, 0.34, 0.4, 0.14)))
    b.append(Block("h1", _("Compromisos")))
    for c in commitments:
        b.extend(commitment_blocks(repo, c))
    b.extend(consultation_blocks(repo))
    b.append(Block("h1", _("El Secretariado Técnico Local")))
    rows = [[_("Nombre"), _("Sector"), _("Organización"), _("Cargo"), _("Periodo")]]
    for m in members:
        role = m.role + (" (" + _("voz sin voto") + ")" if m.facilitator else "")
        rows.append([m.name, m.sector_text, m.organisation, role,
                     _period(m.start_date, m.end_date)])
    b.append(_t(rows, (0.26, 0.16, 0.24, 0.18, 0.16)))
    b.append(Block("h2", _("Acuerdos del STL")))
    rows = [[_("Núm."), _("Fecha"), _("Punto"), _("Resultado")]]
    for d in decisions:
        point = d.agenda_item + (f" — {d.proposal}" if d.proposal else "")
        rows.append([d.label, _day(d.date), point,
                     f"{d.outcome_text} ({d.mode_text}: {d.tally_text()})"])
    b.append(_t(rows, (0.06, 0.13, 0.48, 0.33)))
    b.append(Block("h1", _("Anexos")))
    b.append(Block("h2", _("Versiones de los compromisos")))
    any_version = False
    for c in commitments:
        compared = repo.commitments.compare(c.id)
        versions = repo.commitments.versions(c.id)
        if len(versions) < 2:
            continue
        any_version = True
        order = [s for s in ("consultation", "approved", "final", "current") if s in versions]
        names = {"consultation": _("A consulta"), "approved": _("Aprobado"),
                 "final": _("Final"), "current": _("Actual")}
        changed = (ngettext("Compromiso {label}: cambió {n} campo.",
                            "Compromiso {label}: cambiaron {n} campos.", len(compared))
                   if compared else _("Compromiso {label}: sin cambios desde que pasó a "
                                      "consulta."))
        b.append(Block("para", changed.format(label=c.label, n=len(compared))))
        if compared:
            head = [_("Campo")] + [names[s] for s in order]
            share = 0.76 / len(order)
            b.append(_t([head] + [[field_title(k), *texts] for k, texts in compared],
                        (0.24, *(share,) * len(order))))
    if not any_version:
        b.append(Block("para", _("Ningún compromiso ha pasado todavía a consulta.")))
    b.append(Block("small", _("Acuerdos citados: {list}.").format(
        list=", ".join(sorted(by_id[i].label for i in by_id)) or "—")))
    return b


# -- PDF ------------------------------------------------------------------------------
def _pdf_story(blocks: list[Block], width: float) -> list[Any]:
    from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer

    from cocrea_desktop.export.pdf import kit

    st = kit.styles()
    style = {"title": st["title"], "subtitle": st["subtitle"], "h1": st["h2"], "h2": st["h3"],
             "h3": st["h4"], "para": st["body"], "small": st["small"]}
    story: list[Any] = []
    headings: list[Any] = []
    for block in blocks:
        if block.kind == "break":
            story.append(PageBreak())
        elif block.kind == "table":
            table = kit.table([list(r) for r in block.rows],
                              [w * width for w in block.widths], header=block.header)
            if len(block.rows) <= 12:
                # A short table (a session's facts, one dimension's counts) is not split, and
                # goes with the heading just before it and the few lines under that heading
                # (a heading alone at the foot of a page, its table on the next, is what
                # keepWithNext failed to prevent).
                start = len(story)
                for back in range(1, 4):
                    if back > len(story) or not isinstance(story[-back], Paragraph):
                        break
                    if story[-back] in headings:
                        start = len(story) - back
                        while start and story[start - 1] in headings:
                            start -= 1
                        break
                story[start:] = [KeepTogether([*story[start:], table])]
            else:
                story.append(table)
            story.append(Spacer(1, 6))
        elif block.kind == "signatures":
            story.append(kit.signature_lines(list(block.rows[0]), width))
        elif block.kind == "figure":
            # A figure goes with its heading and the lines that introduce it: never the
            # heading at the foot of one page and the picture alone on the next.
            figure = block.extra["pdf"](width * block.extra.get("width", 1.0))
            start = len(story)
            for back in range(1, 4):
                if back > len(story) or not isinstance(story[-back], Paragraph):
                    break
                if story[-back] in headings:
                    start = len(story) - back
                    break
            story[start:] = [KeepTogether([*story[start:], figure])]
            story.append(Spacer(1, 6))
        elif block.kind == "title":
            story.append(Spacer(1, 120))
            story.append(kit.para(block.text, style["title"]))
        else:
            flowable = kit.para(block.text, style[block.kind])
            story.append(flowable)
            if block.kind in ("h1", "h2", "h3"):
                headings.append(flowable)
    while story and isinstance(story[-1], Spacer):  # a space at the end: no empty page
        story.pop()
    return story


def render_pal_pdf(repo: Repo, *, paper: str = "letter") -> bytes:
    from cocrea_desktop.export.evidence import process_digest
    from cocrea_desktop.export.pdf import kit

    width = kit.content_width(paper)
    footer = kit.Footer(repo.process().id[:8], process_digest(repo), _("Plan de Acción Local"))
    return kit.build(_pdf_story(pal_blocks(repo), width), footer, paper=paper)


def write_pal_pdf(repo: Repo, path: str | os.PathLike[str], *, paper: str = "letter") -> Path:
    from cocrea_desktop.export.pdf import kit

    return kit.write_atomically(render_pal_pdf(repo, paper=paper), path)


# -- DOCX -----------------------------------------------------------------------------
def render_docx(blocks: list[Block], title: str) -> bytes:
    """Blocks as an editable Word document (python-docx), styles by name: the PAL's and
    the other documents laid out from blocks (the second report)."""
    from docx import Document
    from docx.enum.text import WD_BREAK

    from cocrea_desktop.core.text import strip_controls

    doc = Document()
    doc.core_properties.title = title
    doc.core_properties.author = "CoCrea Desktop"
    _docx_language(doc)
    _docx_footer(doc, title)

    def clean(text: str) -> str:
        return strip_controls(str(text))

    levels = {"h1": 1, "h2": 2, "h3": 3}
    for block in blocks:
        if block.kind == "title":
            doc.add_heading(clean(block.text), level=0)
        elif block.kind == "subtitle":
            doc.add_paragraph(clean(block.text), style="Subtitle")
        elif block.kind in levels:
            doc.add_heading(clean(block.text), level=levels[block.kind])
        elif block.kind == "break":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif block.kind == "figure":
            section = doc.sections[-1]
            line = section.page_width - section.left_margin - section.right_margin
            doc.add_picture(io.BytesIO(block.extra["png"]()),
                            width=int(line * block.extra.get("width", 1.0)))
        elif block.kind == "table":
            table = doc.add_table(rows=0, cols=len(block.rows[0]))
            table.style = "Table Grid"
            table.autofit = False
            section = doc.sections[-1]
            line = section.page_width - section.left_margin - section.right_margin
            widths = [int(line * w) for w in block.widths] if len(block.widths) == len(
                block.rows[0]) else []
            for r, row in enumerate(block.rows):
                cells = table.add_row().cells
                for c, (cell, text) in enumerate(zip(cells, row, strict=False)):
                    cell.text = clean(text)
                    if widths:  # the same proportions as the PDF: no word-per-line columns
                        cell.width = widths[c]
                    if r == 0 and block.header:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
            if block.header and len(table.rows) > 1:
                _repeat_header(table.rows[0])
        else:
            doc.add_paragraph(clean(block.text))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _docx_language(doc: Any) -> None:
    """The document's language is the one it is written in (es-MX, or en-US in English):
    a word processor checks its spelling in that language (python-docx's template says
    en-US, and Word underlined every Spanish word)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from cocrea_desktop.i18n import current_language

    tag = "en-US" if current_language() == "en" else "es-MX"
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)
    for style in doc.styles.element.iter(qn("w:lang")):  # a style may name its own
        style.set(qn("w:val"), tag)


def _docx_footer(doc: Any, title: str) -> None:
    """Each page's foot says the document and its page, as the PDF's does."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.text = _("{title} · Página ").format(title=title)
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
        else:
            field = OxmlElement("w:instrText")
            field.set(qn("xml:space"), "preserve")
            field.text = text
        run._r.append(field)


def _repeat_header(row: Any) -> None:
    """A table's first row is repeated at the top of each page it runs onto."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    mark = OxmlElement("w:tblHeader")
    mark.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(mark)


#: The file types a document laid out from blocks is written as.
DOCUMENT_SUFFIXES = (".pdf", ".docx")


def write_document(path: str | os.PathLike[str], *, pdf: Any, docx: Any, wrong_type: str,
                   cancelled: Any = None) -> Path:
    """A report as PDF (``.pdf``: ``pdf()`` makes its bytes) or editable DOCX (``.docx``:
    ``docx()``), written whole or not at all; ``wrong_type`` is said for another suffix."""
    from cocrea_desktop.core.errors import InvalidInput
    from cocrea_desktop.export.pdf import kit

    suffix = Path(path).suffix.lower()
    if suffix not in DOCUMENT_SUFFIXES:
        raise InvalidInput(wrong_type)
    data = pdf() if suffix == ".pdf" else docx()
    if cancelled is not None and cancelled():
        raise kit.Cancelled()
    return kit.write_atomically(data, path)


def render_pal_docx(repo: Repo) -> bytes:
    """The PAL's blocks as an editable Word document."""
    return render_docx(pal_blocks(repo), _("Plan de Acción Local"))


def write_pal_docx(repo: Repo, path: str | os.PathLike[str]) -> Path:
    from cocrea_desktop.export.pdf import kit

    return kit.write_atomically(render_pal_docx(repo), path)


# -- the minutes of one decision ----------------------------------------------------------
def minutes_blocks(repo: Repo, decision_id: str) -> list[Block]:
    from cocrea_desktop.store.stl import POSITIONS, word

    d = repo.stl.decision(decision_id)
    p = repo.process()
    members = {m.id: m for m in repo.stl.members()}
    b = [Block("h1", _("Acta de acuerdo del STL núm. {label}").format(label=d.label)),
         Block("para", " · ".join(x for x in (p.name, p.municipality, _day(d.date, "long"))
                                  if x)),
         _t([[_("Punto del orden del día"), d.agenda_item],
             [_("Propuesta"), d.proposal or "—"],
             [_("Tipo de acuerdo"), d.kind_text],
             [_("Forma de decidir"), d.mode_text],
             [_("Resultado"), f"{d.outcome_text} ({d.tally_text()})"]], (0.3, 0.7),
            header=False)]
    if d.subject_id:
        c = repo.commitments.get(d.subject_id)
        b.append(Block("para", _("Compromiso: {label}. {name}").format(label=c.label,
                                                                       name=c.name)))
    positions = {x.member_id: x for x in d.positions}
    rows = [[_("Presente"), _("Sector"), _("Postura"), _("Razón")]]
    for mid in d.present:
        m = members.get(mid)
        if m is None:
            continue
        pos = positions.get(mid)
        said = word(POSITIONS, pos.position) if pos else (
            _("voz sin voto") if m.facilitator else "—")
        rows.append([m.name, m.sector_text, said, pos.reason if pos else ""])
    b.append(_t(rows, (0.3, 0.18, 0.17, 0.35)))
    if d.notes:
        b.append(Block("para", d.notes))
    b.append(Block("signatures", rows=(tuple(members[i].name for i in d.present
                                             if i in members),)))
    return b


def write_minutes(repo: Repo, decision_id: str, path: str | os.PathLike[str], *,
                  paper: str = "letter") -> Path:
    from cocrea_desktop.export.evidence import process_digest
    from cocrea_desktop.export.pdf import kit

    width = kit.content_width(paper)
    blocks = minutes_blocks(repo, decision_id)
    story: list[Any] = []
    for block in blocks:
        if block.kind == "signatures":
            names = list(block.rows[0])
            for start in range(0, len(names), 3):
                story.append(kit.signature_lines(names[start:start + 3], width))
        else:
            story.extend(_pdf_story([block], width))
    footer = kit.Footer(repo.process().id[:8], process_digest(repo), _("Acta del STL"))
    return kit.write_atomically(kit.build(story, footer, paper=paper), path)
