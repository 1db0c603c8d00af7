"""The process report: every session with its leading results, the process's proposals,
the inclusion summary, and the result of checking the journal (the evidence trail) and the
file, in plain words; the long codes to verify it with are gathered in its last section."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core import dates
from cocrea_desktop.export import evidence
from cocrea_desktop.export.pdf import kit
from cocrea_desktop.i18n import _

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo


def render_process_report(repo: Repo, *, paper: str = "letter",
                          progress: kit.ProgressCallback | None = None,
                          cancelled: kit.CancelledCallback | None = None) -> bytes:
    st = kit.styles()
    from reportlab.platypus import KeepTogether

    snap = evidence.process_snapshot(repo, progress=progress)
    width = kit.content_width(paper)
    p = snap.process
    story: list[Any] = [
        kit.para(_("Informe del proceso"), st["title"]),
        kit.para(" · ".join(x for x in (p["name"], p["place"], p["period"] and _(
            "Periodo {period}").format(period=p["period"])) if x), st["subtitle"]),
        kit.para(_("Responsable de los datos personales: {body}").format(
            body=snap.privacy_body or "—"), st["body"]),
    ]
    story.append(kit.para(_("Sesiones ({n})").format(n=len(snap.sessions)), st["h2"]))
    if snap.sessions:
        rows = [[_("Fecha"), _("Sesión"), _("Estado"), _("Ideas"), _("Boletas"),
                 _("Asistencia")]]
        for s in snap.sessions:
            rows.append([dates.format_date(s["date"], "numeric") or "—",
                         s["title"] + "\n" + s["question"], s["status_name"],
                         str(s["ideas"]), str(s["ballots"]),
                         str(s["attendance"] or s["participant_count"])])
        story.append(kit.table(rows, [w * width for w in
                                      (0.12, 0.46, 0.12, 0.08, 0.09, 0.13)]))
    else:
        story.append(kit.para(_("El proceso aún no tiene sesiones."), st["body"]))

    story.append(kit.para(_("Resultados de cada sesión"), st["h2"]))
    any_results = False
    for s in snap.sessions:
        if not s["top"]:
            continue
        any_results = True
        block = [kit.para("{title} · {label}".format(title=s["title"], label=s["final_label"]),
                          st["h3"])]
        rows = [[_("Lugar"), _("Número"), _("Texto"), _("Total")]]
        rows += [[str(rank), str(option), text, f"{total} {unit.lower()}"]
                 for rank, option, text, total, unit in s["top"]]
        block.append(kit.table(rows, [w * width for w in (0.08, 0.1, 0.64, 0.18)]))
        story.append(KeepTogether(block))
    if not any_results:
        story.append(kit.para(_("Ninguna sesión tiene votos todavía."), st["body"]))

    story.extend(_proposals_section(repo, st, width))

    story.append(kit.para(_("Resumen de inclusión"), st["h2"]))
    story.append(kit.para(_("Conteos anónimos de todas las sesiones vigentes. Cada dimensión "
                            "se cuenta por separado: sus totales pueden no coincidir si en "
                            "alguna sesión no se anotó."), st["small"]))
    dims = evidence.dimension_rows(snap.inclusion)
    if dims:
        for label, cats in dims:
            total = sum(n for _c, n in cats)
            rows = [[label, _("Personas"), _("Porcentaje")]]
            rows += [[c, str(n), f"{100 * n / total:.0f} %" if total else "—"]
                     for c, n in cats]
            rows.append([_("Total"), str(total), "100 %"])
            story.append(KeepTogether([kit.table(rows, [0.5 * width, 0.25 * width,
                                                        0.25 * width]), kit.para(" ",
                                                                                 st["small"])]))
    else:
        story.append(kit.para(_("No se anotaron conteos de asistencia."), st["body"]))

    story.append(kit.para(_("Verificación del archivo"), st["h2"]))
    if snap.journal_ok:
        story.append(kit.para(_("La bitácora (el registro de cada cambio) tiene {n} entradas y "
                                "está completa: ninguna entrada se cambió, quitó ni "
                                "reordenó.").format(n=snap.journal_entries), st["body"]))
    else:
        story.append(kit.para(_("LA BITÁCORA ESTÁ ALTERADA a partir de la entrada {seq}: este "
                                "informe no puede darse por válido.").format(
            seq=snap.journal_bad_seq), st["h3"]))
    file_ok = snap.integrity == "ok"
    story.append(kit.para(_("El archivo está íntegro: la revisión no encontró daños.") if file_ok
                          else _("EL ARCHIVO TIENE DAÑOS: pida ayuda antes de seguir usándolo "
                                 "(el detalle está en «Datos para verificar»)."),
                          st["body"] if file_ok else st["h3"]))
    story += _codes_section(snap, width, st)
    data = kit.build(story, kit.Footer("", snap.digest, _("Informe del proceso")),
                     paper=paper, cancelled=cancelled)
    if progress:
        n = len(snap.sessions) + 1
        progress(n, n)
    return data


def _proposals_section(repo: Repo, st: Any, width: float) -> list[Any]:
    """The process's proposals, every table's: the active ones first, then those joined
    into another and those withdrawn (with their reason), each with its origins."""
    from cocrea_desktop.export.proposals import proposal_records

    records = proposal_records(repo, include_inactive=True)
    order = {"active": 0, "joined": 1, "withdrawn": 2}
    records.sort(key=lambda r: order.get(r["status"], 3))
    active = sum(1 for r in records if r["status"] == "active")
    story: list[Any] = [kit.para(_("Propuestas del proceso ({n})").format(n=active), st["h2"])]
    if not records:
        story.append(kit.para(_("El proceso aún no tiene propuestas."), st["body"]))
        return story
    rows = [[_("Nº"), _("Propuesta"), _("Tema"), _("Origen"), _("Estado")]]
    for r in records:
        title = r["title"] + ("\n" + r["description"] if r["description"] else "")
        if r["status"] == "joined" and r["joined_into"]:
            status = _("unida a la {label}").format(label=r["joined_into"])
        elif r["status"] == "withdrawn" and r["withdraw_reason"]:
            status = f"{r['status_text']}: {r['withdraw_reason']}"
        else:
            status = r["status_text"]
        rows.append([r["label"], title, r["theme"] or "—",
                     "\n".join(o["text"] for o in r["origins"]), status])
    story.append(kit.table(rows, [w * width for w in (0.07, 0.36, 0.13, 0.29, 0.15)]))
    return story


def _codes_section(snap: evidence.ProcessSnapshot, width: float, st: dict[str, Any]
                   ) -> list[Any]:
    """The long codes at the end, with what they are for: someone checking the report
    later recomputes them from the file (``cocrea verify``) and compares."""
    from reportlab.platypus import KeepTogether

    rows = [[_("Qué"), _("Código")],
            [_("Proceso"), snap.process["id"]],
            [_("Huella de los datos de este informe"), snap.digest],
            [_("Huella final de la bitácora"), _groups(snap.journal_head)]]
    rows += [[_("Huella de los datos: {session}").format(session=s["title"]), s["digest"]]
             for s in snap.sessions]
    if snap.integrity != "ok":
        rows.append([_("Revisión del archivo"), snap.integrity])
    return [KeepTogether([
        kit.para(_("Datos para verificar"), st["h2"]),
        kit.para(_("Estos códigos sirven para comprobar más adelante que este informe "
                   "corresponde a los datos guardados y que nadie los cambió: el programa los "
                   "vuelve a calcular a partir del archivo y deben coincidir."), st["body"]),
        kit.table(rows, [0.6 * width, 0.4 * width])])]


def _groups(code: str, size: int = 16) -> str:
    """A 64-character code in groups (it wraps in its cell, and is read aloud in parts)."""
    return " ".join(code[i:i + size] for i in range(0, len(code), size))


def write_process_report(repo: Repo, path: str | os.PathLike[str], **kwargs: Any) -> Path:
    return kit.write_atomically(render_process_report(repo, **kwargs), path)
