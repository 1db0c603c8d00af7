"""The accountability report of the public consultation ("informe de respuesta razonada").

The criteria used to answer, the counts by response, and every comment with its
response, grouped by commitment, as PDF in the house style (``export/pdf/kit.py``,
laid out from the PAL's blocks) and as open data (CSV + JSON, formula-safe). The
people who commented are never named: their names are personal data kept apart.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core.errors import NotFound
from cocrea_desktop.i18n import _

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

def columns() -> list[str]:
    """The open-data columns of the comments (described in ``opendata.TABLES``)."""
    from cocrea_desktop.export.opendata import TABLES

    return [c for c, _k, _m in TABLES["consultation_comments"][1]]


def comment_rows(repo: Repo) -> list[dict[str, Any]]:
    """The comments as open-data rows (no names, no contacts)."""
    stages = {r["id"]: r["stage"] for r in repo.pf.query(
        "SELECT id, stage FROM commitment_version")}
    return [{"comment": x.label, "date": x.date, "channel": x.channel,
             "commitment": x.commitment_label, "section": x.section, "theme": x.theme,
             "text": x.text, "duplicate_of": x.duplicate_label, "response": x.response,
             "reason": x.reason, "change": x.change,
             "version_stage": stages.get(x.version_id, "")}
            for x in repo.consultation.comments()]


def accountability_blocks(repo: Repo) -> list[Any]:
    from cocrea_desktop.export.pal import Block, _t
    from cocrea_desktop.store.consultation import RESPONSES, show_date
    from cocrea_desktop.store.stl import word

    c = repo.consultation.current()
    if c is None:
        raise NotFound(_("No hay una consulta pública abierta; ábrala primero."))
    p = repo.process()
    counts = repo.consultation.counts()
    total = sum(counts.values())
    b = [Block("h1", _("Informe de respuesta a la consulta pública")),
         Block("para", f"{p.name} · {p.municipality}"),
         _t([[_("Qué se consultó"), c.draft],
             [_("Periodo"), _("del {start} al {end}").format(start=show_date(c.start_date),
                                                             end=show_date(c.end_date))],
             [_("Canales"), c.channels_text],
             [_("Estado"), c.status_text],
             [_("Comentarios recibidos"), str(total)]], (0.3, 0.7), header=False),
         Block("h2", _("Criterios para responder")),
         Block("para", c.criteria)]
    rows = [[_("Respuesta"), _("Comentarios")]]
    rows += [[word(RESPONSES, k), str(counts[k])] for k in RESPONSES]
    if counts[""]:
        rows.append([_("sin respuesta"), str(counts[""])])
    b.append(_t(rows, (0.6, 0.4)))
    b.append(Block("small", _("Quien comentó no se nombra: sus datos son personales y se "
                              "guardan aparte.")))
    for title, comments in repo.consultation.by_commitment():
        b.append(Block("h2", title))
        table = [[_("Núm."), _("Comentario"), _("Respuesta"), _("Razón y cambio")]]
        for x in comments:
            said = f"{x.text}\n({show_date(x.date)}, {x.channel_text}"
            said += f", {x.theme})" if x.theme else ")"
            if not x.commitment_id and x.section:
                said = f"[{x.section}] {said}"
            if x.duplicate_label:
                said += " " + _("(se unió al {label})").format(label=x.duplicate_label)
            why = x.reason or "—"
            if x.change:
                why += "\n" + _("Cambio: {change}").format(change=x.change)
            stage = repo.consultation.version_stage(x.version_id)
            if stage:
                why += "\n" + _("Versión: {stage}").format(stage=stage)
            table.append([x.label, said, x.response_text, why])
        b.append(_t(table, (0.08, 0.44, 0.16, 0.32)))
    return b


def render_accountability_pdf(repo: Repo, *, paper: str = "letter") -> bytes:
    from cocrea_desktop.export.evidence import process_digest
    from cocrea_desktop.export.pal import _pdf_story
    from cocrea_desktop.export.pdf import kit

    width = kit.content_width(paper)
    footer = kit.Footer(repo.process().id[:8], process_digest(repo),
                        _("Respuesta a la consulta pública"))
    return kit.build(_pdf_story(accountability_blocks(repo), width), footer, paper=paper)


def write_accountability(repo: Repo, path: str | os.PathLike[str], *,
                         paper: str = "letter") -> Path:
    """The report as PDF (``.pdf``) or as an editable Word document (``.docx``), or the
    comments as open data (``.csv``, ``.json``)."""
    from cocrea_desktop.export.pdf import kit

    suffix = Path(path).suffix.lower()
    if suffix == ".pdf":
        return kit.write_atomically(render_accountability_pdf(repo, paper=paper), path)
    if suffix == ".docx":
        from cocrea_desktop.export.pal import render_docx

        return kit.write_atomically(render_docx(accountability_blocks(repo), _(
            "Respuesta a la consulta pública")), path)
    rows = comment_rows(repo)
    if suffix == ".json":
        data = json.dumps({"consultation_comments": rows}, ensure_ascii=False, indent=2)
        return kit.write_atomically(data.encode("utf-8"), path)
    from cocrea_desktop.core.text import spreadsheet_cell

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    names = columns()
    writer.writerow(names)
    for row in rows:
        writer.writerow([spreadsheet_cell(row[c]) for c in names])
    return kit.write_atomically(out.getvalue().encode("utf-8-sig"), path)
