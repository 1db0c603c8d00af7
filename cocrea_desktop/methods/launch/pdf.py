"""The *acta del lanzamiento del PAL* as a PDF, ready to sign: the event's data, the
attendance in counts, the agenda as held (planned and actual time), the commitments
presented with the stage each was in and their milestones, who signed, the closing note,
and a signature line per signer. Report conventions (``kit``): DejaVu Sans, black and
white, a footer with the process id and the session's data hash.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core import dates
from cocrea_desktop.export import evidence
from cocrea_desktop.export.pdf import kit
from cocrea_desktop.i18n import _
from cocrea_desktop.methods.launch.report import acta_sections

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo


def render_acta(repo: Repo, session_id: str, *, paper: str = "letter") -> bytes:
    from reportlab.platypus import Spacer

    session = repo.session(session_id)
    process = repo.process()
    st = kit.styles()
    width = kit.content_width(paper)
    where = [x for x in (dates.format_date(session.date), session.place,
                         process.municipality) if x]
    title = _("Acta del lanzamiento del Plan de Acción Local")
    story: list[Any] = [
        kit.para(title, st["title"]),
        kit.para(" · ".join([process.name, repo.session_title(session), *where]),
                 st["subtitle"]),
    ]
    if session.question:
        story.append(kit.para(session.question, st["body"]))
    for section in acta_sections(repo, session_id):
        story.append(kit.para(section.title, st["h2"]))
        for line in section.lines:
            indent = line.startswith("    ")
            story.append(kit.para(("    – " if indent else "• ") + line.strip(), st["body"]))
    story.append(Spacer(1, 10))
    story.append(kit.para(_("La asistencia se anota en conteos, sin nombres. Firman quienes "
                            "se comprometen con el plan."), st["notice"]))
    signers = [s for s in repo.launch.signatures(session_id) if s.signed]
    labels = [", ".join(x for x in (s.name, s.post) if x) for s in signers] or \
        [_("Presidencia municipal"), _("Secretariado Técnico Local")]
    for start in range(0, len(labels), 2):
        story.append(Spacer(1, 28))
        story.append(kit.signature_lines(labels[start:start + 2], width))
    footer = kit.Footer(process.id, evidence.session_digest(repo, session.id), title)
    return kit.build(story, footer, paper=paper)


def write_acta(repo: Repo, session_id: str, target: str | os.PathLike[str], *,
               paper: str = "letter") -> Path:
    return kit.write_atomically(render_acta(repo, session_id, paper=paper), target)
