"""The *acta de asamblea* as a PDF, ready to sign: the session's data, the rules (those
present, the quorum, the time per speaker), the agenda, each item with who spoke in
counts and its proposals with their votes, the agreements with the vote that made
them, and signature lines. No speaker's name is printed. Report conventions (``kit``):
DejaVu Sans, black and white, a footer with the process id and the session's data hash.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core import dates
from cocrea_desktop.export import evidence
from cocrea_desktop.export.pdf import kit
from cocrea_desktop.i18n import _
from cocrea_desktop.methods.assembly.report import acta_sections

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
    story: list[Any] = [
        kit.para(_("Acta de asamblea"), st["title"]),
        kit.para(" · ".join([process.name, repo.session_title(session), *where]),
                 st["subtitle"]),
    ]
    if session.question:
        story.append(kit.para(session.question, st["body"]))
    for section in acta_sections(repo, session_id):
        story.append(kit.para(section.title, st["h2"]))
        for line in section.lines:
            story.append(kit.para("• " + line, st["body"]))
    story.append(Spacer(1, 10))
    story.append(kit.para(_("Los nombres de quienes hablaron no se anotan en el acta: solo "
                            "cuántas personas hablaron, por sector y por sexo."),
                          st["notice"]))
    story.append(Spacer(1, 28))
    story.append(kit.signature_lines([_("Presidencia de la asamblea"), _("Secretaría")],
                                     width))
    story.append(Spacer(1, 24))
    story.append(kit.signature_lines([_("Escrutador(a)"), _("Testigo")], width))
    footer = kit.Footer(process.id, evidence.session_digest(repo, session.id),
                        _("Acta de asamblea"))
    return kit.build(story, footer, paper=paper)


def write_acta(repo: Repo, session_id: str, target: str | os.PathLike[str], *,
               paper: str = "letter") -> Path:
    return kit.write_atomically(render_acta(repo, session_id, paper=paper), target)
