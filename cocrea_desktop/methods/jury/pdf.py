"""The jury's PDFs: the record of the draw (acta del sorteo) and the jury's report.

Both follow the report conventions (``kit``): DejaVu Sans embedded, black and white, a
footer with the process id and a short hash of the rows the page was made from. Neither
prints a volunteer's name or contact: the draw is public and reproducible from what the
record prints (the dice, the seed, the quotas, each volunteer's number and features);
each volunteer knows their own number.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core import dates
from cocrea_desktop.core import journal as journal_core
from cocrea_desktop.core.errors import RuleViolation
from cocrea_desktop.export.pdf import kit
from cocrea_desktop.i18n import _

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

TABLES = ("jury_volunteer", "jury_quota", "jury_draw", "jury_swap", "jury_witness",
          "jury_note", "jury_recommendation")


def jury_digest(repo: Repo, session_id: str) -> str:
    """Short SHA-256 of the jury rows a page is made from (personal values as stored)."""
    digest = hashlib.sha256()
    for table in TABLES:
        for row in repo.pf.query(f"SELECT * FROM {table} WHERE session_id = ? ORDER BY id",
                                 [session_id]):
            digest.update(table.encode("utf-8"))
            digest.update(journal_core.canonical_json(row).encode("utf-8"))
    return digest.hexdigest()[:12]


def _head(repo: Repo, session_id: str, title: str) -> list[Any]:
    session = repo.session(session_id)
    process = repo.process()
    st = kit.styles()
    where = [x for x in (dates.format_date(session.date), session.place) if x]
    return [kit.para(title, st["title"]),
            kit.para(" · ".join([process.name, repo.session_title(session), *where]),
                     st["subtitle"])]


def _spacer(points: float) -> Any:
    from reportlab.platypus import Spacer

    return Spacer(1, points)


def _features_text(features: dict[str, str]) -> str:
    return " · ".join(v for _k, v in sorted(features.items()))


def render_draw_record(repo: Repo, session_id: str, *, paper: str = "letter") -> bytes:
    """The record of the draw: the seed and how it was made, the quotas, every
    volunteer's probability, the panel, the replacements in order, the replacements made."""
    record = repo.jury.record(session_id)
    if record is None:
        raise RuleViolation(_("Aún no hay sorteo."))
    st = kit.styles()
    width = kit.content_width(paper)
    volunteers = {v.number: v for v in repo.jury.volunteers(session_id)}
    story = _head(repo, session_id, _("Acta del sorteo del jurado ciudadano"))
    story.append(kit.para(_("La semilla pública"), st["h2"]))
    story.append(kit.table([
        [_("Tiradas de dados"), record.dice],
        [_("Testigos de las tiradas"), record.witnesses],
        [_("Semilla"), _("{seed} (los primeros 12 dígitos hexadecimales de SHA-256 de las "
                         "tiradas separadas por comas: {hex})").format(
            seed=record.seed, hex=f"{record.seed:012x}")],
        [_("Algoritmo"), _("maximin de sortition-algorithms (Flanigan et al., Nature 2021): "
                           "hace lo más alta posible la probabilidad más baja de cualquier "
                           "persona voluntaria. Leximin necesita un programa comercial "
                           "(Gurobi) y no se usa.")],
        [_("Personas en el jurado"), str(record.size)],
        [_("Fecha y hora"), dates.format_datetime(record.created_at)],
    ], [0.28 * width, 0.72 * width], header=False))
    story.append(kit.para(_("Cualquier persona puede repetir el sorteo con estos datos y "
                            "obtener el mismo jurado: cocrea jury verify."), st["small"]))
    story.append(kit.para(_("Cuotas"), st["h2"]))
    rows = [[_("Característica"), _("Valor"), _("Mínimo"), _("Máximo"), _("En el jurado")]]
    panel_now = repo.jury.panel(session_id)
    drawn_panel = [volunteers[n] for n in record.panel]
    for q in record.quotas:
        have = sum(1 for v in drawn_panel if v.features.get(q["feature"]) == q["value"])
        rows.append([q["feature"], q["value"], str(q["min"]), str(q["max"]), str(have)])
    story.append(kit.table(rows, [0.26 * width, 0.3 * width, 0.14 * width, 0.14 * width,
                                  0.16 * width]))
    story.append(kit.para(_("El jurado sorteado"), st["h2"]))
    story.append(kit.para(", ".join(str(n) for n in record.panel), st["body"]))
    story.append(kit.para(_("Suplentes en orden"), st["h2"]))
    story.append(kit.para(", ".join(str(n) for n in record.replacements) or "—", st["body"]))
    swaps = repo.jury.swaps(session_id)
    if swaps:
        story.append(kit.para(_("Reemplazos hechos"), st["h2"]))
        rows = [[_("Núm."), _("Se retiró"), _("Entró"), _("Motivo")]]
        rows += [[str(s.position), str(s.withdrawn), str(s.replacement), s.reason or "—"]
                 for s in swaps]
        story.append(kit.table(rows, [0.1 * width, 0.2 * width, 0.2 * width, 0.5 * width]))
        story.append(kit.para(_("El jurado hoy: {numbers}").format(
            numbers=", ".join(str(n) for n in sorted(v.number for v in panel_now))),
            st["body"]))
    story.append(_spacer(10))
    story.append(kit.signature_lines([_("Quien condujo el sorteo"), _("Testigo"),
                                      _("Testigo")], width))
    story.append(kit.para(_("Probabilidad de cada persona voluntaria"), st["h2"]))
    rows = [[_("Núm."), _("Características"), _("Probabilidad"), _("Resultado")]]
    order = {n: i for i, n in enumerate(record.replacements, start=1)}
    for number in sorted(volunteers):
        v = volunteers[number]
        if v.key not in record.probabilities:
            continue
        result = (_("jurado") if number in record.panel
                  else _("suplente {position}").format(position=order.get(number, "—")))
        rows.append([str(number), _features_text(v.features),
                     f"{100 * record.probabilities[v.key]:.1f} %", result])
    story.append(kit.table(rows, [0.1 * width, 0.5 * width, 0.18 * width, 0.22 * width]))
    story.append(kit.para(_("Esta acta no lleva nombres: cada persona voluntaria conoce su "
                            "número de registro."), st["small"]))
    footer = kit.Footer(repo.process().id, jury_digest(repo, session_id),
                        _("Acta del sorteo del jurado"))
    return kit.build(story, footer, paper=paper)


def render_jury_report(repo: Repo, session_id: str, *, paper: str = "letter") -> bytes:
    """The jury's report: who the jury is (counts), the witnesses heard, the deliberation
    and the recommendations with the jury's agreement."""
    st = kit.styles()
    width = kit.content_width(paper)
    jury = repo.jury
    session = repo.session(session_id)
    story = _head(repo, session_id, _("Informe del jurado ciudadano"))
    story.append(kit.para(_("Pregunta: {question}").format(question=session.question),
                          st["h3"]))
    record = jury.record(session_id)
    panel = jury.panel(session_id)
    story.append(kit.para(_("El jurado"), st["h2"]))
    if record is None:
        story.append(kit.para(_("Aún no hay sorteo."), st["body"]))
    else:
        story.append(kit.para(_("{count} personas sorteadas entre {pool} voluntarias con la "
                                "semilla {seed} ({algorithm}); números: {numbers}.").format(
            count=len(panel), pool=len(record.probabilities), seed=record.seed,
            algorithm=record.algorithm,
            numbers=", ".join(str(n) for n in sorted(v.number for v in panel))), st["body"]))
        rows = [[_("Característica"), _("Composición del jurado")]]
        features: dict[str, dict[str, int]] = {}
        for v in panel:
            for f, value in v.features.items():
                features.setdefault(f, {})
                features[f][value] = features[f].get(value, 0) + 1
        for f, counts in features.items():
            rows.append([f, " · ".join(f"{value}: {n}" for value, n in sorted(counts.items()))])
        story.append(kit.table(rows, [0.3 * width, 0.7 * width]))
    story.append(kit.para(_("Testimonios"), st["h2"]))
    witnesses = jury.witnesses(session_id)
    if not witnesses:
        story.append(kit.para(_("No se anotaron testimonios."), st["body"]))
    for w in witnesses:
        story.append(kit.para(_("{number}. {name} — {role}").format(
            number=w.number, name=w.name, role=w.role), st["h3"]))
        if w.summary:
            story.append(kit.para(w.summary, st["body"]))
        for d in w.documents:
            story.append(kit.para(_("Documento «{name}», SHA-256 {digest}").format(
                name=d["name"], digest=d["sha256"]), st["small"]))
    story.append(kit.para(_("Deliberación"), st["h2"]))
    notes = jury.notes(session_id)
    if not notes:
        story.append(kit.para(_("No se anotaron notas."), st["body"]))
    for note in notes:
        story.append(kit.para(f"{note.number}. {note.text}", st["body"]))
    story.append(kit.para(_("Recomendaciones"), st["h2"]))
    recs = jury.recommendations(session_id)
    if not recs:
        story.append(kit.para(_("Aún no hay recomendaciones."), st["body"]))
    else:
        rows = [[_("Núm."), _("Recomendación"), _("Acuerdo del jurado")]]
        rows += [[str(r.number), r.text, r.agreement_text()] for r in recs]
        story.append(kit.table(rows, [0.08 * width, 0.6 * width, 0.32 * width]))
        consensus = sum(r.agreement == "consensus" for r in recs)
        story.append(kit.para(_("{consensus} de {total} recomendaciones por consenso.").format(
            consensus=consensus, total=len(recs)), st["body"]))
    story.append(kit.signature_lines([_("Por el jurado"), _("Quien facilitó")], width))
    footer = kit.Footer(repo.process().id, jury_digest(repo, session_id),
                        _("Informe del jurado"))
    return kit.build(story, footer, paper=paper)


def write_draw_record(repo: Repo, session_id: str, target: str | os.PathLike[str], *,
                      paper: str = "letter") -> Path:
    return kit.write_atomically(render_draw_record(repo, session_id, paper=paper), target)


def write_jury_report(repo: Repo, session_id: str, target: str | os.PathLike[str], *,
                      paper: str = "letter") -> Path:
    return kit.write_atomically(render_jury_report(repo, session_id, paper=paper), target)
