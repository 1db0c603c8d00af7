"""Prioritisation's PDFs: the results (the matrix of proposals x criteria, the notes and
the sensitivity table, the agreement) and the third CEPAL report (introduction, process,
results, analysis), assembled from the records (``summary``), in the report conventions
of ``export.pdf.kit`` (DejaVu Sans, black and white, the footer with the process id and a
short hash of the rows the pages were made from). Neither names an evaluator: a sheet is
a number.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core import dates
from cocrea_desktop.core import journal as journal_core
from cocrea_desktop.core.errors import RuleViolation
from cocrea_desktop.core.methods import method_title
from cocrea_desktop.export.pdf import kit
from cocrea_desktop.i18n import _
from cocrea_desktop.methods.prioritisation.summary import Summary, summary

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

TABLES = ("prioritisation_setup", "prioritisation_item", "prioritisation_score",
          "prioritisation_count", "prioritisation_agreement")


def digest(repo: Repo, session_ids: list[str]) -> str:
    """Short SHA-256 of the prioritisation rows the pages are made from."""
    found = hashlib.sha256()
    for session_id in sorted(session_ids):
        for table in TABLES:
            for row in repo.pf.query(f"SELECT * FROM {table} WHERE session_id = ? ORDER BY id",
                                     [session_id]):
                found.update(table.encode("utf-8"))
                found.update(journal_core.canonical_json(row).encode("utf-8"))
    return found.hexdigest()[:12]


def _summary(repo: Repo, session_id: str) -> Summary:
    found = summary(repo, session_id)
    if found is None:
        raise RuleViolation(_("Esta priorización aún no tiene propuestas en la mesa y "
                              "criterios: no hay resultados que imprimir."))
    return found


def _matrix(found: Summary, width: float) -> Any:
    n = len(found.headers) - 4
    fixed = [0.06, 0.05, 0.0, 0.08]
    per = min(0.12, 0.5 / max(1, n))
    fixed[2] = 1 - sum(fixed) - per * n
    widths = [f * width for f in fixed] + [per * width] * n
    return kit.table([list(found.headers), *[list(cells) for _n, cells in found.rows]], widths,
                     font_size=7.5)


def _results_story(repo: Repo, session_id: str, found: Summary, width: float,
                   heading: str) -> list[Any]:
    st = kit.styles()
    setup = repo.prioritisation.setup(session_id)
    story: list[Any] = [kit.para(found.rule_text, st["body"])]
    if setup.evaluator_group:
        story.append(kit.para(_("Calificaron: {group}; hojas capturadas: {count}.").format(
            group=setup.group_text(), count=found.evaluators), st["body"]))
    story.append(kit.para(_("Criterios y la pregunta leída en voz alta"), st[heading]))
    story.append(kit.table(
        [[_("Criterio"), _("Pregunta"), _("Peso"), _("Dirección")]] + [
            [c.label(), c.question_text() or "—", _w(c.weight),
             _("más alto = más prioridad") if c.higher_is_priority
             else _("al revés: más bajo = más prioridad")] for c in setup.criteria],
        [0.28 * width, 0.42 * width, 0.08 * width, 0.22 * width]))
    story.append(kit.para(_("Matriz: promedio de cada criterio (n = calificaciones) y "
                            "puntaje"), st[heading]))
    story.append(_matrix(found, width))
    if found.notes:
        story.append(kit.para(_("Cómo se decidieron los lugares y qué falta"), st[heading]))
        story += [kit.para("• " + note, st["body"]) for note in found.notes]
    story.append(kit.para(_("Sensibilidad: qué pasa si un peso sube o baja un paso"),
                          st[heading]))
    story.append(kit.table([[_("Si el peso cambia un paso"), _("Quién cambia de lugar")],
                            *[list(row) for row in found.sensitivity]],
                           [0.38 * width, 0.62 * width]))
    story.append(kit.para(_("Acuerdo"), st[heading]))
    story += [kit.para(line, st["body"]) for line in found.agreement] or \
        [kit.para(_("Aún no hay acuerdo registrado."), st["body"])]
    return story


def render_results(repo: Repo, session_id: str, *, paper: str = "letter") -> bytes:
    """The results of one prioritisation session as PDF bytes."""
    session = repo.session(session_id)
    process = repo.process()
    found = _summary(repo, session.id)
    st = kit.styles()
    width = kit.content_width(paper, landscape=True)
    where = [x for x in (dates.format_date(session.date), session.place) if x]
    story: list[Any] = [
        kit.para(_("Resultados de la priorización"), st["title"]),
        kit.para(" · ".join([process.name, repo.session_title(session), *where]),
                 st["subtitle"]),
        kit.para(session.question, st["h3"]),
        *_results_story(repo, session.id, found, width, "h2"),
    ]
    footer = kit.Footer(process.id, digest(repo, [session.id]),
                        _("Resultados de la priorización"))
    return kit.build(story, footer, paper=paper, landscape=True)


def write_results(repo: Repo, session_id: str, target: str | os.PathLike[str], *,
                  paper: str = "letter") -> Path:
    return kit.write_atomically(render_results(repo, session_id, paper=paper), target)


def prioritisation_sessions(repo: Repo) -> list[str]:
    return [s.id for s in repo.sessions() if s.method == _KEY]


_KEY = "prioritisation"


def render_third_report(repo: Repo, *, paper: str = "letter") -> bytes:
    """The third CEPAL report (selection of proposals): introduction, process, results and
    analysis, from the process's records and its prioritisation sessions."""
    process = repo.process()
    sessions = [repo.session(sid) for sid in prioritisation_sessions(repo)]
    scored = [(s, summary(repo, s.id)) for s in sessions]
    scored = [(s, f) for s, f in scored if f is not None]
    if not scored:
        raise RuleViolation(_("No hay ninguna priorización con propuestas y criterios: el "
                              "tercer informe se arma con ella."))
    st = kit.styles()
    width = kit.content_width(paper, landscape=True)
    proposals = repo.proposals.list()
    all_sessions = repo.sessions()
    story: list[Any] = [
        kit.para(_("Tercer informe: selección de propuestas"), st["title"]),
        kit.para(" · ".join(p for p in (process.name, process.place, process.period) if p),
                 st["subtitle"]),
        kit.para(_("1. Introducción"), st["h2"]),
        kit.para(_("Este informe da cuenta de cómo se eligieron, entre las propuestas de las "
                   "mesas ciudadanas, las que pasan a redactarse como compromisos del Plan de "
                   "Acción Local. Responsable: {body}.").format(
            body=process.responsible_body or "—"), st["body"]),
        kit.para(_("2. Proceso"), st["h2"]),
        kit.para(_("Se realizaron {sessions} sesiones y se reunieron {proposals} propuestas "
                   "activas.").format(sessions=len(all_sessions), proposals=len(proposals)),
                 st["body"]),
        kit.table([[_("Sesión"), _("Método"), _("Fecha"), _("Propuestas de la mesa")]] + [
            [s.table_label or s.question, method_title(s.method),
             dates.format_date(s.date) or "—",
             str(sum(1 for p in proposals if any(o.session_id == s.id or (
                 s.table_label and o.table_label == s.table_label) for o in p.origins)))]
            for s in all_sessions], [0.4 * width, 0.25 * width, 0.15 * width, 0.2 * width]),
    ]
    for session, found in scored:
        setup = repo.prioritisation.setup(session.id)
        story.append(kit.para(_("Priorización «{question}»: calificaron {group} en {count} "
                                "hojas, sobre {items} propuestas y {criteria} criterios.")
                              .format(question=session.question,
                                      group=setup.group_text() or "—",
                                      count=found.evaluators, items=len(found.rows),
                                      criteria=len(setup.criteria)), st["body"]))
    story.append(kit.para(_("3. Resultados"), st["h2"]))
    for session, found in scored:
        story.append(kit.para(repo.session_title(session), st["h3"]))
        story.append(_matrix(found, width))
        story += [kit.para(line, st["body"]) for line in found.agreement] or \
            [kit.para(_("Aún no hay acuerdo registrado."), st["body"])]
    story.append(kit.para(_("4. Análisis"), st["h2"]))
    for session, found in scored:
        story.append(kit.para(repo.session_title(session), st["h3"]))
        story += [kit.para("• " + note, st["body"]) for note in found.notes] or \
            [kit.para(_("Sin empates ni calificaciones faltantes."), st["body"])]
        story.append(kit.table([[_("Si el peso cambia un paso"), _("Quién cambia de lugar")],
                                *[list(row) for row in found.sensitivity]],
                               [0.38 * width, 0.62 * width]))
    footer = kit.Footer(process.id, digest(repo, [s.id for s, _f in scored]),
                        _("Tercer informe"))
    return kit.build(story, footer, paper=paper, landscape=True)


def write_third_report(repo: Repo, target: str | os.PathLike[str], *,
                       paper: str = "letter") -> Path:
    return kit.write_atomically(render_third_report(repo, paper=paper), target)


def _w(weight: float) -> str:
    return str(int(weight)) if float(weight).is_integer() else f"{weight:.2f}"
