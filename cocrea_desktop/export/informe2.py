"""CEPAL's second report (*segundo informe*): the citizen meetings, assembled from the records.

What the CEPAL method asks of the phase of citizen meetings: how the meetings went,
who took part and every proposal that came out of them, systematised by theme. It is
read once into the PAL's neutral blocks (:class:`cocrea_desktop.export.pal.Block`), so
that the PDF (the house style of ``export/pdf/kit.py``) and the editable DOCX say the
same. Sections: introduction; the meetings (one row per session, with its attendance
and its proposals); who took part (anonymous counts); each session's relatoría (the
facts and sentences ``export.relatoria`` computes for the screen and the relatoría
PDF, a method's own summary included); the proposals by theme, then those joined or
withdrawn.

A public document: nobody who took part is named (attendance in counts, ideas without
their author), and the session facts leave the facilitator out, as the public results do.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cocrea_desktop.export.pal import Block, _t
from cocrea_desktop.i18n import _

if TYPE_CHECKING:
    from cocrea_desktop.core.model import Session
    from cocrea_desktop.export.relatoria import RelatoriaFacts
    from cocrea_desktop.store.repo import Repo

Progress = Callable[[int, int], None]


def _proposals_of(records: list[dict[str, Any]], session: Session) -> int:
    """Active proposals with an origin in this session (its own or a joined one's), or
    typed at the office under its table's name (as the third report counts them)."""
    table = session.table_label

    def mine(o: dict[str, Any]) -> bool:
        return o["session_id"] == session.id or bool(table and o["table"] == table)

    return sum(1 for r in records if r["status"] == "active" and any(map(mine, r["origins"])))


def relatoria_blocks(facts: RelatoriaFacts, counts: list[tuple[str, list[tuple[str, int]]]]
                     ) -> list[Block]:
    """One session's relatoría as blocks: the same facts and sentences as its screen and its
    PDF (:func:`cocrea_desktop.export.relatoria.session_relatoria`), then its attendance."""
    b: list[Block] = [Block("para", _("Pregunta detonadora: {question}").format(
        question=facts.question))]
    b.append(_t([[label, value] for label, value in facts.facts], (0.3, 0.7), header=False))
    # A method that speaks in its own sections (an assembly, a jury, a prioritisation) and
    # captured no ideas: no empty list of ideas in a report read by the public.
    if facts.shows("ideas") and (facts.ideas or not facts.sections):
        b.append(Block("h3", facts.ideas_title))
        if facts.ideas:
            rows = [[_("No."), _("Idea, tal como se dijo"), _("Estado")]]
            rows += [[str(i.number), i.text, i.cell()] for i in facts.ideas]
            b.append(_t(rows, (0.07, 0.65, 0.28)))
        else:
            b.append(Block("para", _("No se capturaron ideas.")))
    if facts.shows("merges") and facts.merges:
        b.append(Block("h3", _("Fusiones")))
        b += [Block("para", m) for m in facts.merges]
    for section in facts.sections:
        b.append(Block("h3", section.title))
        b += [Block("para", "• " + line) for line in section.lines]
    b.append(Block("h3", _("Resultados")))
    b += [Block("para", line) for line in (facts.no_votes, facts.standing, facts.warning)
          if line]
    if facts.round_title:
        b.append(Block("para", facts.round_title))
        b += [Block("para", line) for line in (facts.rule, *facts.counts) if line]
        b += [Block("para", line) for line in facts.results]
    if facts.tie_breaks:
        b.append(Block("para", _("Desempates aplicados")))
        b += [Block("para", f"{i}. {text}") for i, text in enumerate(facts.tie_breaks, 1)]
    if facts.near_ties:
        b.append(Block("para", _("Casi empates")))
        b += [Block("para", "≈ " + text) for text in facts.near_ties]
    for title, text in facts.fields:
        if text:
            b.append(Block("h3", title))
            b.append(Block("para", text))
    b.append(Block("h3", _("Asistencia")))
    if counts:
        rows = [[_("Dimensión"), _("Conteo por categoría"), _("Total")]]
        rows += [[label, "; ".join(f"{c}: {n}" for c, n in cats), str(sum(n for _c, n in cats))]
                 for label, cats in counts]
        b.append(_t(rows, (0.2, 0.65, 0.15)))
    else:
        b.append(Block("para", _("No se anotaron conteos de asistencia.")))
    return b


def _theme_groups(records: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Active proposals grouped by theme (the same theme however it was capitalised), in
    alphabetical order, those without a theme last."""
    groups: dict[str, tuple[str, list[dict[str, Any]]]] = {}
    for r in records:
        if r["status"] != "active":
            continue
        theme = (r["theme"] or "").strip()
        key = theme.casefold()
        if key not in groups:
            groups[key] = (theme, [])
        groups[key][1].append(r)
    named = sorted((v for k, v in groups.items() if k), key=lambda v: v[0].casefold())
    return named + ([groups[""]] if "" in groups else [])


def _proposal_cell(r: dict[str, Any]) -> str:
    return r["title"] + ("\n" + r["description"] if r["description"] else "")


def proposal_blocks(records: list[dict[str, Any]]) -> list[Block]:
    """Every proposal of the process, systematised by theme: a summary, one table per theme
    (each proposal with the problem it addresses and every origin), then those joined into
    another or withdrawn, with their reason."""
    active = [r for r in records if r["status"] == "active"]
    b: list[Block] = [Block("h1", _("5. Propuestas sistematizadas por tema"))]
    if not records:
        b.append(Block("para", _("El proceso aún no tiene propuestas.")))
        return b
    groups = _theme_groups(records)
    rows = [[_("Tema"), _("Propuestas"), _("Mesas de donde salieron")]]
    for theme, items in groups:
        tables = sorted({t for r in items for t in r["tables"]}, key=str.casefold)
        rows.append([theme or _("Sin tema"), str(len(items)), "; ".join(tables) or "—"])
    b.append(_t(rows, (0.3, 0.14, 0.56)))
    b.append(Block("para", _("Propuestas vigentes: {n} · temas: {themes}.").format(
        n=len(active), themes=len(groups))))
    for theme, items in groups:
        b.append(Block("h2", _("Tema: {theme} ({n})").format(theme=theme or _("sin tema"),
                                                             n=len(items))))
        rows = [[_("Nº"), _("Propuesta"), _("Problema que atiende"), _("Origen")]]
        rows += [[r["label"], _proposal_cell(r), r["problem"] or "—",
                  "\n".join(o["text"] for o in r["origins"]) or "—"] for r in items]
        b.append(_t(rows, (0.08, 0.38, 0.24, 0.30)))
    rest = [r for r in records if r["status"] != "active"]
    if rest:
        b.append(Block("h2", _("Propuestas unidas a otra o retiradas ({n})").format(
            n=len(rest))))
        b.append(Block("small", _("Ninguna propuesta se borra: la unida a otra cuenta entre "
                                  "los orígenes de esa otra; la retirada dice por qué.")))
        rows = [[_("Nº"), _("Propuesta"), _("Tema"), _("Qué pasó")]]
        for r in rest:
            if r["status"] == "joined" and r["joined_into"]:
                what = _("unida a la {label}").format(label=r["joined_into"])
            elif r["withdraw_reason"]:
                what = f"{r['status_text']}: {r['withdraw_reason']}"
            else:
                what = r["status_text"]
            rows.append([r["label"], _proposal_cell(r), r["theme"] or "—", what])
        b.append(_t(rows, (0.08, 0.44, 0.18, 0.30)))
    return b


def informe2_blocks(repo: Repo, *, progress: Progress | None = None) -> list[Block]:
    """The second report, read from the process into blocks."""
    from cocrea_desktop.core import dates
    from cocrea_desktop.core.methods import method_title
    from cocrea_desktop.core.model import status_label
    from cocrea_desktop.export import evidence
    from cocrea_desktop.export.proposals import proposal_records
    from cocrea_desktop.export.relatoria import session_relatoria

    p = repo.process()
    # The citizen meetings and the selection: the sessions of the route's phases up to
    # the selection of proposals (a launch or a follow-up meeting comes after the plan).
    from cocrea_desktop.core.route import KEYS

    upto = set(KEYS[:KEYS.index("selection") + 1])
    ids = {sid for key, found in repo.route.sessions_by_phase().items() if key in upto
           for sid in found}
    sessions = [s for s in repo.sessions() if s.id in ids]
    records = proposal_records(repo, include_inactive=True)
    where = ", ".join(x for x in (p.municipality, p.state) if x)
    held = [s for s in sessions if s.status != "planned"]
    people = sum(evidence.attendance_total(repo, s) for s in held)
    b: list[Block] = [
        Block("title", _("Segundo informe: encuentros ciudadanos")),
        Block("subtitle", p.name),
        Block("subtitle", " · ".join(x for x in (where, p.period) if x)),
        Block("para", _("Responsable: {body}").format(body=p.responsible_body or "—")),
        Block("break"),
        Block("h1", _("1. Introducción")),
        Block("para", _(
            "Este segundo informe da cuenta de los encuentros ciudadanos del proceso: cómo se "
            "desarrolló cada sesión, quiénes participaron y todas las propuestas que "
            "surgieron, sistematizadas por tema. Se arma con los registros del programa: la "
            "relatoría de cada sesión, sus conteos de asistencia y la lista de propuestas "
            "que reunió la oficina.")),
        Block("para", _(
            "Con él se cierra la fase de encuentros ciudadanos del método de CEPAL para un "
            "plan de acción local; las propuestas que aquí se listan son las que el "
            "Secretariado Técnico Local prioriza después (tercer informe).")),
        Block("small", _("Nadie que participó se nombra: la asistencia se da en conteos "
                         "anónimos y las ideas sin el nombre de quien las dijo.")),
        Block("h1", _("2. Los encuentros")),
        Block("para", _("Sesiones registradas: {n} · ya realizadas: {held} · asistentes en "
                        "total: {people}.").format(n=len(sessions), held=len(held),
                                                   people=people)),
    ]
    rows = [[_("Fecha"), _("Sesión"), _("Pregunta"), _("Estado"), _("Asistentes"),
             _("Propuestas")]]
    for s in sessions:
        count = evidence.attendance_total(repo, s)
        rows.append([dates.format_date(s.date, "numeric") or "—", repo.session_title(s),
                     s.question, status_label(s.status), str(count or "—"),
                     str(_proposals_of(records, s))])
    b.append(_t(rows, (0.11, 0.22, 0.28, 0.13, 0.13, 0.13)))
    methods = sorted({method_title(s.method) for s in sessions}, key=str.casefold)
    b.append(Block("para", _("Métodos usados: {list}.").format(list=", ".join(methods) or "—")))
    b.append(Block("h1", _("3. Quiénes participaron")))
    b.append(Block("small", _("Conteos anónimos de todas las sesiones, por sector, sexo, edad, "
                              "comunidad y lengua; cada dimensión se cuenta por separado.")))
    dims = evidence.dimension_rows(repo.attendance.inclusion())
    for label, cats in dims:
        b.append(_t([[label, _("Personas")]] + [[c, str(n)] for c, n in cats], (0.6, 0.4)))
    if not dims:
        b.append(Block("para", _("No se anotaron conteos de asistencia.")))
    b.append(Block("h1", _("4. Relatoría de cada sesión")))
    facilitation = _("Facilitación")
    for i, s in enumerate(sessions, 1):
        if progress:
            progress(i - 1, len(sessions) + 1)
        b.append(Block("h2", f"4.{i}. {repo.session_title(s)}"))
        snap = evidence.session_snapshot(repo, s.id, public=True)
        facts = session_relatoria(repo, s.id, snap)
        # A public report: the facilitator is left out, as in the public results.
        facts_rows = tuple((k, v) for k, v in facts.facts if k != facilitation)
        if s.status == "planned" and not snap.ideas and not snap.rounds:
            b.append(Block("para", _("Pregunta detonadora: {question}").format(
                question=s.question)))
            b.append(_t([list(r) for r in facts_rows], (0.3, 0.7), header=False))
            b.append(Block("para", _("Sesión programada: aún no se realiza y no tiene "
                                     "relatoría.")))
            continue
        b += relatoria_blocks(replace(facts, facts=facts_rows),
                              evidence.dimension_rows(snap.attendance))
    b += proposal_blocks(records)
    if progress:
        progress(len(sessions), len(sessions) + 1)
    return b


def render_informe2_pdf(repo: Repo, *, paper: str = "letter", progress: Progress | None = None,
                        cancelled: Callable[[], bool] | None = None) -> bytes:
    from cocrea_desktop.export.evidence import process_digest
    from cocrea_desktop.export.pal import _pdf_story
    from cocrea_desktop.export.pdf import kit

    width = kit.content_width(paper)
    blocks = informe2_blocks(repo, progress=progress)
    footer = kit.Footer(repo.process().id[:8], process_digest(repo), _("Segundo informe"))
    data = kit.build(_pdf_story(blocks, width), footer, paper=paper, cancelled=cancelled)
    if progress:
        progress(1, 1)
    return data


def render_informe2_docx(repo: Repo, *, progress: Progress | None = None) -> bytes:
    from cocrea_desktop.export.pal import render_docx

    data = render_docx(informe2_blocks(repo, progress=progress),
                       _("Segundo informe: encuentros ciudadanos"))
    if progress:
        progress(1, 1)
    return data


#: The file types the second report is written as.
SUFFIXES = (".pdf", ".docx")


def write_informe2(repo: Repo, path: str | os.PathLike[str], *, paper: str = "letter",
                   progress: Progress | None = None,
                   cancelled: Callable[[], bool] | None = None) -> Path:
    """The second report as PDF (``.pdf``) or editable DOCX (``.docx``), written whole or
    not at all."""
    from cocrea_desktop.export.pal import write_document

    return write_document(
        path, wrong_type=_("El segundo informe se escribe como .pdf o .docx."),
        pdf=lambda: render_informe2_pdf(repo, paper=paper, progress=progress,
                                         cancelled=cancelled),
        docx=lambda: render_informe2_docx(repo, progress=progress), cancelled=cancelled)
