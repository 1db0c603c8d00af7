"""Session reports as PDF: results (public, with the ballot annex), relatoría, acta.

* Results: per vote round, the rule, the table, a bar chart, the tie-break steps
  and the near-ties; then a public annex listing the counted serials (so anyone
  holding a stub can check that their ballot was counted) and each option's marks
  summed. The vote is secret: a serial is never printed beside its marks, and no
  whole ballot is published (the records stay in the process file and its bundle).
  Public: no facilitator or counter names.
* Relatoría: the question, table, date, place, count, languages, every idea in
  full with merges traced, the results, convergences, dissent, next steps.
* Acta (minutes): the timeline of phases and timers from the journal, attendance
  counts, what was captured, signature lines.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core import dates
from cocrea_desktop.core.voting import wording
from cocrea_desktop.export import evidence
from cocrea_desktop.export.evidence import RoundResult, SessionSnapshot
from cocrea_desktop.export.pdf import kit
from cocrea_desktop.export.relatoria import counts_line, session_facts, session_relatoria
from cocrea_desktop.i18n import _, ngettext

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

KINDS = ("results", "relatoria", "acta")
MAX_CHART_BARS = 25


def _yes(value: bool) -> str:
    return _("Sí") if value else _("No")


def _header(snap: SessionSnapshot, title: str, st: dict[str, Any]) -> list[Any]:
    s = snap.session
    where = [x for x in (dates.format_date(s["date"]), s["place"]) if x]
    return [kit.para(title, st["title"]),
            kit.para(" · ".join([snap.process["name"], s["title"], *where]), st["subtitle"]),
            kit.para(_("Pregunta detonadora: {question}").format(question=s["question"]),
                     st["h3"])]


def _facts_table(facts: tuple[tuple[str, str], ...], width: float) -> Any:
    from reportlab.lib import colors

    return kit.table([list(f) for f in facts], [0.3 * width, 0.7 * width], header=False,
                     style_extra=[("BACKGROUND", (0, 0), (0, -1), colors.Color(0.93, 0.93, 0.93))])


def _serial(item: dict[str, Any]) -> str:
    from cocrea_desktop.core.voting.payload import format_serial

    if not item["serial"]:
        return _("s/f {number}").format(number=item["number"])
    return format_serial(item["serial"])


def _round_story(snap: SessionSnapshot, r: RoundResult, width: float, st: dict[str, Any]
                 ) -> list[Any]:
    from reportlab.platypus import KeepTogether, Spacer

    story: list[Any] = [kit.para(r.label, st["h2"])]
    if r.error:
        story.append(kit.para(r.error, st["body"]))
        return story
    story.append(kit.para(_("Regla: {rule}").format(rule=r.rule_text), st["body"]))
    for note in r.notes:
        story.append(kit.para(note, st["body"]))
    if r.mode != "counts":
        story.append(kit.para(counts_line(r), st["body"]))
    noun = snap.option_noun
    dist_cols = r.k if (r.kind == "ranked" and r.mode != "counts" and 0 < r.k <= 7) else 0
    header = [_("Lugar"), noun, _("Texto"), r.unit]
    if r.breadth_label:
        header.append(wording.capital(r.breadth_label))
    header += [ngettext("{points} pt", "{points} pts", p).format(points=p)
               for p in range(dist_cols, 0, -1)]
    rows = [header]
    for row in r.rows:
        line = [str(row["rank"]), str(row["option"]), snap.option_text(row["option"]),
                str(row["total"])]
        if r.breadth_label:
            line.append(str(row["breadth"]))
        if dist_cols:
            dist = row["distribution"]
            line += [str(dist[p - 1]) if p - 1 < len(dist) else "0"
                     for p in range(dist_cols, 0, -1)]
        rows.append(line)
    numbers = len(header) - 3
    # A figure's column is as narrow as its title's longest word allows (no title broken
    # inside a word, "Boleta-s"), so that the options' text gets the room: with five
    # point columns it had a quarter of the line and every idea ran to three lines.
    num_w = 0.09 if numbers <= 2 else 0.0
    widths = [max(share * width, kit.longest_word_width(title) + 8, 32.0)
              for share, title in zip([0.07, 0.07, 0.0] + [num_w] * numbers, header)]
    widths[2] = max(width * 0.25, width - sum(widths) + widths[2])
    story.append(kit.table(rows, widths))
    chart_items = [(_("{noun} {number}").format(noun=noun, number=row["option"]), row["total"])
                   for row in r.rows[:MAX_CHART_BARS]]
    if chart_items:
        story.append(Spacer(1, 6))
        story.append(kit.bar_chart(chart_items, width * 0.9, unit=r.unit))
        if len(r.rows) > MAX_CHART_BARS:
            story.append(kit.para(_("La gráfica muestra los primeros {n} lugares.").format(
                n=MAX_CHART_BARS), st["small"]))
    ties = [kit.para(_("Desempates aplicados"), st["h3"])]
    if r.tie_breaks:
        ties += [kit.para("{n}. {text}".format(n=i + 1, text=text), st["body"])
                 for i, text in enumerate(r.tie_breaks)]
    else:
        ties.append(kit.para(_("No hubo empates que resolver."), st["body"]))
    ties.append(kit.para(_("Casi empates"), st["h3"]))
    if r.near_ties:
        ties += [kit.para("• " + text, st["body"]) for text in r.near_ties]
    else:
        ties.append(kit.para(_("No hay empates cercanos."), st["body"]))
    story.append(KeepTogether(ties))
    return story


def _annex(snap: SessionSnapshot, width: float, st: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import PageBreak, Spacer

    with_ballots = [r for r in snap.rounds if r.counted or r.spoiled]
    if not with_ballots:
        return []
    story: list[Any] = [PageBreak(), kit.para(_("Anexo público: folios contados"), st["h2"]),
                        kit.para(_("Los folios de las boletas contadas, en orden. Quien "
                                   "conserve el talón de una boleta puede comprobar que se "
                                   "contó. El voto es secreto: las marcas se publican solo "
                                   "sumadas por opción (en la tabla de resultados), nunca junto "
                                   "a un folio; las boletas completas se guardan en el archivo "
                                   "del proceso para un recuento oficial."), st["body"])]
    for r in with_ballots:
        story.append(kit.para(r.label, st["h3"]))
        serials = [_serial(item) for item in r.counted]
        if serials:
            per_row = 6
            rows = [serials[i:i + per_row] + [""] * (per_row - len(serials[i:i + per_row]))
                    for i in range(0, len(serials), per_row)]
            story.append(kit.table(rows, [width / per_row] * per_row, header=False))
        else:
            story.append(kit.para(_("Ninguna boleta contada."), st["body"]))
        story.append(Spacer(1, 4))
        if r.spoiled:
            story.append(kit.para(_("Boletas anuladas (no se cuentan): {serials}").format(
                serials=", ".join(_serial(i) for i in r.spoiled)), st["body"]))
    return story


def _attendance_lines(snap: SessionSnapshot, st: dict[str, Any], width: float) -> list[Any]:
    rows = evidence.dimension_rows(snap.attendance)
    if not rows:
        return [kit.para(_("No se anotaron conteos de asistencia."), st["body"])]
    table_rows = [[_("Dimensión"), _("Conteo por categoría"), _("Total")]]
    for label, cats in rows:
        table_rows.append([label, "; ".join("{c}: {n}".format(c=c, n=n) for c, n in cats),
                           str(sum(n for _c, n in cats))])
    return [kit.table(table_rows, [0.2 * width, 0.65 * width, 0.15 * width])]


def _standing(snap: SessionSnapshot, st: dict[str, Any]) -> list[Any]:
    """Which round's result stands, and the warning about a round short of ballots."""
    final = snap.final_round()
    if final is None:
        return []
    story = []
    if len(snap.rounds) > 1:
        story.append(kit.para(_("Resultado de la sesión: {round}.").format(
            round=final.label.lower()), st["h3"]))
    if snap.result_warning:
        story.append(kit.para(_("Aviso: {message}").format(message=snap.result_warning),
                              st["body"]))
    return story


def _results_story(snap: SessionSnapshot, width: float, st: dict[str, Any]) -> list[Any]:
    story = _header(snap, _("Resultados"), st)
    if not snap.rounds:
        story.append(kit.para(_("Esta sesión aún no tiene votos."), st["body"]))
    story += _standing(snap, st)
    for r in snap.rounds:
        story += _round_story(snap, r, width, st)
    story += _annex(snap, width, st)
    return story


def _relatoria_story(repo: Repo, snap: SessionSnapshot, width: float, st: dict[str, Any]
                     ) -> list[Any]:
    """The relatoría's facts (:mod:`cocrea_desktop.export.relatoria`, the same the screen
    shows), laid out on paper."""
    facts = session_relatoria(repo, snap.session["id"], snap)
    story = _header(snap, _("Relatoría"), st)
    story.append(_facts_table(facts.facts, width))
    if facts.shows("ideas"):
        story.append(kit.para(facts.ideas_title, st["h2"]))
        if facts.ideas:
            rows = [[_("No."), _("Idea, tal como se dijo"), _("Estado")]]
            rows += [[str(i.number), i.text, i.cell()] for i in facts.ideas]
            story.append(kit.table(rows, [0.07 * width, 0.65 * width, 0.28 * width]))
        else:
            story.append(kit.para(_("No se capturaron ideas."), st["body"]))
    if facts.shows("merges"):
        story.append(kit.para(_("Fusiones"), st["h2"]))
        story += [kit.para(m, st["body"]) for m in facts.merges] or \
            [kit.para(_("No hubo fusiones."), st["body"])]
    for section in facts.sections:
        story.append(kit.para(section.title, st["h2"]))
        story += [kit.para("• " + line, st["body"]) for line in section.lines]
    story.append(kit.para(_("Resultados"), st["h2"]))
    for line in (facts.no_votes, facts.standing, facts.warning):
        if line:
            story.append(kit.para(line, st["h3" if line == facts.standing else "body"]))
    if facts.round_title:
        story.append(kit.para(facts.round_title, st["h3"]))
        story += [kit.para(line, st["body"]) for line in (facts.rule, *facts.counts)]
        story += [kit.para(line, st["body"]) for line in facts.results]
    if facts.tie_breaks:
        story.append(kit.para(_("Desempates aplicados"), st["h3"]))
        story += [kit.para(f"{i}. {text}", st["body"])
                  for i, text in enumerate(facts.tie_breaks, 1)]
    if facts.near_ties:
        story.append(kit.para(_("Casi empates"), st["h3"]))
        story += [kit.para("≈ " + text, st["body"]) for text in facts.near_ties]
    for title, text in facts.fields:
        story.append(kit.para(title, st["h2"]))
        story.append(kit.para(text or "—", st["body"]))
    story.append(kit.para(_("Asistencia"), st["h2"]))
    story += _attendance_lines(snap, st, width)
    story.append(kit.signature_lines([
        _("Facilitación: {name}").format(name=snap.session["facilitator"] or "—"),
        _("Relator(a)")], width))
    return story


def _acta_story(snap: SessionSnapshot, events: list[tuple[str, str]], width: float,
                st: dict[str, Any]) -> list[Any]:
    story = _header(snap, _("Acta de la sesión"), st)
    story.append(_facts_table(session_facts(snap), width))
    story.append(kit.para(_("Asistencia"), st["h2"]))
    story.append(kit.para(_("Aviso de privacidad leído en voz alta: {answer}.").format(
        answer=_yes(snap.notice_read_aloud)), st["body"]))
    if snap.people_recorded:
        story.append(kit.para(_("Personas anotadas en el programa: {n} (sus datos se guardan "
                                "aparte y no se imprimen aquí).").format(n=snap.people_recorded),
                              st["body"]))
    story += _attendance_lines(snap, st, width)
    story.append(kit.para(_("Desarrollo de la sesión"), st["h2"]))
    if events:
        rows = [[_("Hora"), _("Evento")]] + [[when, what[:1].upper() + what[1:]]
                                             for when, what in events]
        story.append(kit.table(rows, [0.22 * width, 0.78 * width]))
    else:
        story.append(kit.para(_("La bitácora no registra fases ni tiempos de esta sesión."),
                              st["body"]))
    story.append(kit.para(_("Lo que se registró"), st["h2"]))
    merged = sum(1 for m in snap.merges if m["status"] == "agreed")
    story.append(kit.para(_("Ideas: {ideas} · «paso»: {passes} · fusiones acordadas: {merges}")
                          .format(ideas=len(snap.ideas), passes=snap.passes, merges=merged),
                          st["body"]))
    for r in snap.rounds:
        if r.mode == "counts":
            story.append(kit.para(_("{round}: conteo a mano hecho por {counter}.").format(
                round=r.label, counter=r.counter or "—"), st["body"]))
        else:
            story.append(kit.para(_("{round}: {counted} boletas contadas, {spoiled} anuladas.")
                                  .format(round=r.label, counted=len(r.counted),
                                          spoiled=len(r.spoiled)), st["body"]))
    if snap.notes:
        story.append(kit.para(_("Notas"), st["h2"]))
        for note in snap.notes:
            story.append(kit.para("{at} · {text}".format(
                at=dates.format_datetime(note["at"], "numeric"), text=note["text"]), st["body"]))
    story.append(kit.signature_lines([
        _("Facilitación: {name}").format(name=snap.session["facilitator"] or "—"),
        _("Testigo"), _("Testigo")], width))
    return story


def render_session_report(repo: Repo, session_id: str, kind: str, *, paper: str = "letter",
                          progress: kit.ProgressCallback | None = None,
                          cancelled: kit.CancelledCallback | None = None) -> bytes:
    """The PDF of a session report: ``kind`` is results, relatoria or acta."""
    if kind not in KINDS:
        raise ValueError(kind)
    st = kit.styles()
    if progress:
        progress(0, 3)
    snap = evidence.session_snapshot(repo, session_id, public=(kind == "results"))
    width = kit.content_width(paper)
    if progress:
        progress(1, 3)
    if kind == "results":
        story, title = _results_story(snap, width, st), _("Resultados")
    elif kind == "relatoria":
        story, title = _relatoria_story(repo, snap, width, st), _("Relatoría")
    else:
        events = evidence.timeline(repo, session_id)
        story, title = _acta_story(snap, events, width, st), _("Acta")
    if progress:
        progress(2, 3)
    data = kit.build(story, kit.Footer(snap.process["id"], snap.digest, title), paper=paper,
                     cancelled=cancelled)
    if progress:
        progress(3, 3)
    return data


def write_session_report(repo: Repo, session_id: str, kind: str,
                         path: str | os.PathLike[str], **kwargs: Any) -> Path:
    return kit.write_atomically(render_session_report(repo, session_id, kind, **kwargs), path)
