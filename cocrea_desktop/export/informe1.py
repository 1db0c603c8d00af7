"""CEPAL's first report (*primer informe*): the diagnosis, assembled from the records.

What the CEPAL method asks of the diagnosis, before any citizen meeting: the
initiatives that already exist on the topic (who runs them, where, since when), the
actors concerned with their interest and influence (the chart), and the proposals the
municipal administration itself brings to the process. It is read once into the PAL's
neutral blocks (:class:`cocrea_desktop.export.pal.Block`), so that the PDF and the
editable DOCX say the same; the actor chart is one figure drawn from the same
positions (:func:`cocrea_desktop.core.actor_map.place`) by reportlab for the PDF and
by Pillow for the DOCX.

A public document: the actors' contacts (personal data) are never printed, and the
initiatives and proposals name offices and organisations, not people.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from cocrea_desktop.export.pal import Block, _t
from cocrea_desktop.i18n import _

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

Progress = Callable[[int, int], None]


def _day(value: str) -> str:
    from cocrea_desktop.core.dates import format_date

    return format_date(value, "numeric") if value else "…"


def _span(start: str, end: str) -> str:
    """A phase's dates, "—" when it has none."""
    return f"{_day(start)} — {_day(end)}" if start or end else "—"


def route_blocks(repo: Repo) -> list[Block]:
    """Where the exercise stands: the route's nine phases, planned and actual."""
    from cocrea_desktop.core.route import status_text

    today = repo.route.today()
    standing = repo.route.standing()
    b = [Block("para", _("Ruta: {where}").format(where=standing.summary()))]
    rows = [[_("Fase"), _("Prevista"), _("Real"), _("Estado"), _("Responsable")]]
    for p in repo.route.phases():
        rows.append([f"{p.number}. {p.title}", _span(p.planned_start, p.planned_end),
                     _span(p.actual_start, p.actual_end),
                     status_text(p.status(today)), p.responsible or "—"])
    b.append(_t(rows, (0.27, 0.2, 0.2, 0.13, 0.2)))
    diagnosis = repo.route.phase("diagnosis")
    b.append(Block("para", _("Productos esperados del diagnóstico: {products}.").format(
        products=diagnosis.products_text.rstrip("."))))
    if diagnosis.note:
        b.append(Block("para", _("Nota del diagnóstico: {note}").format(note=diagnosis.note)))
    return b


def initiative_blocks(repo: Repo) -> list[Block]:
    """The existing initiatives, grouped by theme (those without one last)."""
    from cocrea_desktop.store.initiatives import STATUSES

    found = repo.initiatives.list()
    if not found:
        return [Block("para", _("No se registraron iniciativas existentes sobre el tema."))]
    counts = [(_(STATUSES[key]), sum(1 for i in found if i.status == key)) for key in STATUSES]
    b = [Block("para", _("Iniciativas registradas: {n} ({statuses}).").format(
        n=len(found), statuses=", ".join(f"{word}: {n}" for word, n in counts if n)))]
    themes: dict[str, list] = {}
    for item in found:
        themes.setdefault(item.theme, []).append(item)
    order = sorted((t for t in themes if t), key=str.casefold) + ([""] if "" in themes else [])
    for theme in order:
        b.append(Block("h2", theme or _("Sin tema")))
        rows = [[_("No."), _("Iniciativa"), _("Tipo"), _("Quién la realiza"),
                 _("Territorio"), _("Estado"), _("Periodo")]]
        for i in themes[theme]:
            name = f"{i.name}. {i.note}" if i.note else i.name
            rows.append([str(i.number), name, i.kind_text, i.responsible or "—",
                         i.territory or "—", i.status_text, i.years or "—"])
        b.append(_t(rows, (0.05, 0.27, 0.12, 0.16, 0.12, 0.15, 0.13)))
    return b


def actor_blocks(repo: Repo) -> list[Block]:
    """The actor map: the chart (one figure for both documents), its quadrants, the list."""
    from cocrea_desktop.core.actor_map import QUADRANTS, quadrant_hint, quadrant_title
    from cocrea_desktop.export.actors_report import chart_drawing, chart_png

    actors = repo.actors.list()
    if not actors:
        return [Block("para", _("El proceso aún no tiene actores en su mapa."))]
    placed = repo.actors.chart()
    b = [Block("para", _("Cada organización se ubica según su interés en el tema (hacia la "
                         "derecha) y su influencia sobre él (hacia arriba), del 1 al 5; "
                         "«alto» es 4 o 5. El número de cada punto es el del actor en la "
                         "lista.")),
         Block("figure", extra={"pdf": lambda width: chart_drawing(placed, width),
                                "png": lambda: chart_png(placed), "width": 0.8})]
    legend = [[_("Cuadrante"), _("Qué hacer"), _("Actores")]]
    for key in QUADRANTS:
        members = ", ".join(str(p.number) for p in placed if p.quadrant == key) or "—"
        legend.append([quadrant_title(key), quadrant_hint(key), members])
    b.append(_t(legend, (0.3, 0.35, 0.35)))
    b.append(Block("h2", _("Actores")))
    rows = [[_("No."), _("Organización"), _("Sector"), _("Territorio"), _("Interés"),
             _("Influencia"), _("Nota")]]
    for a in actors:
        rows.append([str(a.number), a.organisation, a.sector_text, a.territory or "—",
                     str(a.interest), str(a.influence), a.note or "—"])
    b.append(_t(rows, (0.06, 0.23, 0.13, 0.14, 0.09, 0.12, 0.23)))
    b.append(Block("small", _("Los datos de contacto de cada actor son datos personales y no "
                              "se imprimen en este informe.")))
    return b


def administration_blocks(repo: Repo) -> list[Block]:
    """The proposals the municipal administration brings (active, joined or withdrawn)."""
    from cocrea_desktop.store.proposals import ADMINISTRATION, status_word

    found = [p for p in repo.proposals.list(include_inactive=True)
             if p.source_kind == ADMINISTRATION and not p.session_id]
    if not found:
        return [Block("para", _("La administración municipal no ha presentado propuestas "
                                "propias."))]
    b = [Block("para", _("Propuestas presentadas: {n}. Entran a la lista de propuestas del "
                         "proceso junto con las de los encuentros ciudadanos y se priorizan "
                         "con los mismos criterios.").format(n=len(found)))]
    rows = [[_("Propuesta"), _("Título y descripción"), _("Área o dependencia"), _("Tema"),
             _("Estado")]]
    for p in found:
        text = f"{p.title}. {p.description}" if p.description else p.title
        state = status_word(p.status)
        if p.status == "joined" and p.joined_into_label:
            state = _("unida a la {label}").format(label=p.joined_into_label)
        rows.append([p.label, text, p.table_label or "—", p.theme or "—", state])
    b.append(_t(rows, (0.11, 0.43, 0.18, 0.14, 0.14)))
    return b


def informe1_blocks(repo: Repo, *, progress: Progress | None = None) -> list[Block]:
    """The first report, read from the process into blocks."""
    p = repo.process()
    where = ", ".join(x for x in (p.municipality, p.state) if x)
    steps = 4
    b: list[Block] = [
        Block("title", _("Primer informe: diagnóstico")),
        Block("subtitle", p.name),
        Block("subtitle", " · ".join(x for x in (where, p.period) if x)),
        Block("para", _("Responsable: {body}").format(body=p.responsible_body or "—")),
        Block("break"),
        Block("h1", _("1. Introducción")),
        Block("para", _(
            "Este primer informe reúne el diagnóstico del proceso, antes de los encuentros "
            "ciudadanos: lo que ya se hace sobre el tema (las iniciativas existentes), quiénes "
            "tienen interés o influencia en él (el mapa de actores) y las propuestas que la "
            "propia administración municipal trae al proceso. Se arma con los registros del "
            "programa.")),
        Block("para", _(
            "Es el producto de la fase de diagnóstico del método de CEPAL para un plan de "
            "acción local; el segundo informe dará cuenta de los encuentros ciudadanos y el "
            "tercero de la selección de propuestas.")),
        Block("h1", _("2. La ruta del proceso")),
    ]
    b += route_blocks(repo)
    if progress:
        progress(1, steps)
    b.append(Block("h1", _("3. Iniciativas existentes")))
    b.append(Block("para", _("Programas, proyectos, políticas e iniciativas ciudadanas que ya "
                              "atienden el tema, para que el plan se apoye en ellos y no los "
                              "repita.")))
    b += initiative_blocks(repo)
    if progress:
        progress(2, steps)
    b.append(Block("h1", _("4. Mapa de actores")))
    b += actor_blocks(repo)
    if progress:
        progress(3, steps)
    b.append(Block("h1", _("5. Propuestas de la administración municipal")))
    b += administration_blocks(repo)
    if progress:
        progress(4, steps)
    return b


def render_informe1_pdf(repo: Repo, *, paper: str = "letter", progress: Progress | None = None,
                        cancelled: Callable[[], bool] | None = None) -> bytes:
    from cocrea_desktop.export.evidence import process_digest
    from cocrea_desktop.export.pal import _pdf_story
    from cocrea_desktop.export.pdf import kit

    width = kit.content_width(paper)
    blocks = informe1_blocks(repo, progress=progress)
    footer = kit.Footer(repo.process().id[:8], process_digest(repo), _("Primer informe"))
    return kit.build(_pdf_story(blocks, width), footer, paper=paper, cancelled=cancelled)


def render_informe1_docx(repo: Repo, *, progress: Progress | None = None) -> bytes:
    from cocrea_desktop.export.pal import render_docx

    return render_docx(informe1_blocks(repo, progress=progress),
                       _("Primer informe: diagnóstico"))


#: The file types the first report is written as.
SUFFIXES = (".pdf", ".docx")


def write_informe1(repo: Repo, path: str | os.PathLike[str], *, paper: str = "letter",
                   progress: Progress | None = None,
                   cancelled: Callable[[], bool] | None = None) -> Path:
    """The first report as PDF (``.pdf``) or editable DOCX (``.docx``), written whole or
    not at all."""
    from cocrea_desktop.export.pal import write_document

    return write_document(
        path, wrong_type=_("El primer informe se escribe como .pdf o .docx."),
        pdf=lambda: render_informe1_pdf(repo, paper=paper, progress=progress,
                                         cancelled=cancelled),
        docx=lambda: render_informe1_docx(repo, progress=progress), cancelled=cancelled)
