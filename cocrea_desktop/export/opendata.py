"""Open data: sessions, ideas, groupings, merges, ballots, tallies and attendance counts.

Written as CSV (UTF-8 with BOM, so spreadsheets open it right), one JSON file
and one XLSX workbook, with a README and a data dictionary in the same folder.
Column names are documented in ``docs/open-data.md`` (a test keeps the two in
step). Never names or contacts: the facilitator and the person who counted are
left out, people's rows are never read, and after writing, every file is
scanned for every personal value stored in the process (:attr:`OpenDataResult.leaks`).
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core import privacy
from cocrea_desktop.core.errors import StorageError
from cocrea_desktop.core.methods import get_method
from cocrea_desktop.core.text import spreadsheet_cell, strip_controls
from cocrea_desktop.core.voting.payload import format_serial
from cocrea_desktop.export import evidence
from cocrea_desktop.export.pdf.kit import write_atomically
from cocrea_desktop.i18n import N_, _

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

FORMAT_VERSION = "1"
JSON_NAME = "datos.json"
XLSX_NAME = "datos.xlsx"
README_NAME = "README.md"
DICTIONARY_NAME = "diccionario.csv"

#: table -> (description, [(column, type, description)]); the order is the file's order.
TABLES: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "sessions": (N_("Sesiones del proceso"), [
        ("session_id", "texto", N_("Identificador de la sesión (UUID)")),
        ("method", "texto", N_("Método: nominal_group, fishbowl, idea_fair, assembly")),
        ("question", "texto", N_("Pregunta detonadora")),
        ("table", "texto", N_("Mesa")),
        ("date", "fecha", N_("Fecha (AAAA-MM-DD)")),
        ("place", "texto", N_("Lugar")),
        ("languages", "texto", N_("Lenguas usadas")),
        ("interpreter", "booleano", N_("Hubo intérprete (1) o no (0)")),
        ("participation_level", "texto",
         N_("Nivel de participación prometido: inform, consult, involve, collaborate, empower")),
        ("participant_count", "entero", N_("Número de participantes anotado")),
        ("status", "texto", N_("Estado: planned, in_progress, closed")),
        ("data_hash", "texto", N_("Huella corta de los datos de la sesión (la misma que "
                                  "imprimen sus informes)")),
        ("result_round", "texto", N_("Votación cuyo resultado se toma como el de la sesión "
                                     "(vacío si no hubo votos)")),
    ]),
    "ideas": (N_("Ideas tal como se dijeron, numeradas en cada sesión"), [
        ("session_id", "texto", N_("Sesión")),
        ("number", "entero", N_("Número de la idea en su sesión")),
        ("text", "texto", N_("Texto de la idea, tal como se dijo")),
        ("round", "entero", N_("Vuelta de la ronda en que se dijo")),
        ("turn", "entero", N_("Turno dentro de la vuelta")),
        ("status", "texto", N_("Estado: active (vigente), merged (fusionada), "
                               "withdrawn (retirada)")),
        ("merged_into", "entero", N_("Número de la idea en que se fusionó, si se fusionó")),
        ("absorbed", "texto", N_("Números de las ideas que reúne, separados por espacios")),
        ("withdraw_reason", "texto", N_("Motivo del retiro")),
        ("group", "texto", N_("Grupo de la pecera que la dijo (si aplica)")),
        ("cluster", "entero", N_("Número del agrupamiento al que pertenece (si aplica)")),
    ]),
    "clusters": (N_("Agrupamientos de ideas por similitud"), [
        ("session_id", "texto", N_("Sesión")),
        ("number", "entero", N_("Número del agrupamiento")),
        ("label", "texto", N_("Nombre del agrupamiento")),
    ]),
    "merges": (N_("Fusiones de ideas propuestas y su resultado"), [
        ("session_id", "texto", N_("Sesión")),
        ("into", "entero", N_("Idea que se conserva (el número más bajo)")),
        ("absorbed", "texto", N_("Ideas que reúne, separadas por espacios")),
        ("status", "texto", N_("Estado: proposed, agreed, rejected, undone")),
    ]),
    "ballots": (N_("Folios de las boletas contadas y anuladas, sin sus marcas (el voto es "
                   "secreto: las marcas solo se publican sumadas, en tallies)"), [
        ("session_id", "texto", N_("Sesión")),
        ("round", "texto", N_("Votación: preliminary, final, vote")),
        ("serial", "texto", N_("Folio de la boleta (vacío si se capturó sin folio)")),
        ("ballot_number", "entero", N_("Número de captura, solo para boletas sin folio")),
        ("status", "texto", N_("Estado: counted (contada), spoiled (anulada)")),
    ]),
    "tallies": (N_("Resultados de cada votación"), [
        ("session_id", "texto", N_("Sesión")),
        ("round", "texto", N_("Votación")),
        ("kind", "texto", N_("Tipo de voto: ranked (orden), dots (puntos)")),
        ("mode", "texto", N_("ballots (boletas) o counts (conteo a mano)")),
        ("rule", "texto", N_("La regla, en una frase")),
        ("rank", "entero", N_("Lugar (los empates declarados comparten lugar)")),
        ("option", "entero", N_("Número de la opción: idea, agrupamiento de ideas o stand")),
        ("option_label", "texto", N_("La opción: el texto de la idea, el nombre del "
                                     "agrupamiento o el título del proyecto del stand")),
        ("total", "entero", N_("Total: puntos, marcas o votos")),
        ("breadth", "entero", N_("Boletas o personas que le dieron algo (vacío en conteos)")),
        ("distribution", "texto", N_("Boletas que le dieron cada valor, del mayor al menor")),
    ]),
    "tie_breaks": (N_("Desempates aplicados y casi empates"), [
        ("session_id", "texto", N_("Sesión")),
        ("round", "texto", N_("Votación")),
        ("type", "texto", N_("tie_break (desempate aplicado) o near_tie (casi empate)")),
        ("step", "entero", N_("Orden del paso")),
        ("text", "texto", N_("Explicación en español")),
    ]),
    "attendance_counts": (N_("Asistencia en conteos anónimos"), [
        ("session_id", "texto", N_("Sesión")),
        ("dimension", "texto", N_("Dimensión: sector, sex, age_band, community, language")),
        ("category", "texto", N_("Categoría (clave fija o texto, según la dimensión)")),
        ("count", "entero", N_("Número de personas")),
    ]),
    "commitments": (N_("Compromisos del Plan de Acción Local (plantilla OGP)"), [
        ("commitment", "texto", N_("Número del compromiso")),
        ("name", "texto", N_("Nombre del compromiso")),
        ("stage", "texto", N_("Etapa: draft, consultation, approved, final")),
        ("start_date", "fecha", N_("Fecha de inicio (AAAA-MM-DD)")),
        ("end_date", "fecha", N_("Fecha de fin (AAAA-MM-DD)")),
        ("lead_agency", "texto", N_("Dependencia responsable")),
        ("responsible", "texto", N_("Persona servidora pública responsable")),
        ("other_actors", "texto", N_("Otros actores (gobierno, sociedad civil)")),
        ("problem", "texto", N_("Problema público que atiende")),
        ("baseline", "texto", N_("Línea base del problema")),
        ("description", "texto", N_("En qué consiste el compromiso")),
        ("objective", "texto", N_("Objetivo")),
        ("how_it_helps", "texto", N_("Cómo ayuda a resolver el problema")),
        ("pillars", "texto", N_("Principios de gobierno abierto, separados por espacios: "
                                "transparency, participation, accountability, integrity, "
                                "capacities")),
        ("axis", "texto", N_("Eje estratégico")),
        ("budget", "texto", N_("Presupuesto (opcional)")),
        ("plan_links", "texto", N_("Vínculo con planes y programas (opcional)")),
        ("public_input", "texto", N_("Cómo responde a lo que propuso la ciudadanía")),
        ("proposals", "texto", N_("Propuestas de las que sale, separadas por punto y coma")),
        ("smart", "texto", N_("Criterios SMART marcados, separados por espacios")),
        ("ready_decision", "texto", N_("Acuerdo del STL que lo marcó listo para consulta")),
    ]),
    "milestones": (N_("Hitos de cada compromiso"), [
        ("commitment", "texto", N_("Número del compromiso")),
        ("position", "entero", N_("Orden del hito (1 = primero)")),
        ("description", "texto", N_("Descripción del hito")),
        ("output", "texto", N_("Producto verificable")),
        ("responsible", "texto", N_("Responsable")),
        ("due_date", "fecha", N_("Fecha de término (AAAA-MM-DD)")),
    ]),
    "consultation_comments": (N_("Comentarios de la consulta pública del PAL y su respuesta "
                                 "razonada (sin quién comentó)"), [
        ("comment", "texto", N_("Número del comentario")),
        ("date", "fecha", N_("Fecha del comentario (AAAA-MM-DD)")),
        ("channel", "texto", N_("Canal: meeting, form, box, email, web")),
        ("commitment", "texto", N_("Número del compromiso comentado (vacío: otra sección)")),
        ("section", "texto", N_("Sección del plan comentada, si no es un compromiso")),
        ("theme", "texto", N_("Tema")),
        ("text", "texto", N_("Texto del comentario (sin el nombre de quien comentó)")),
        ("duplicate_of", "texto", N_("Comentario al que se unió por repetirlo")),
        ("response", "texto", N_("Respuesta: incorporated, partly, not, na (vacío: sin "
                                 "respuesta)")),
        ("reason", "texto", N_("Razón de la respuesta")),
        ("change", "texto", N_("Cambio que hizo en el compromiso")),
        ("version_stage", "texto", N_("Versión del compromiso con el cambio (approved, "
                                      "final)")),
    ]),
    "milestone_progress": (N_("Avance de los hitos (cada registro del seguimiento)"), [
        ("commitment", "texto", N_("Número del compromiso")),
        ("position", "entero", N_("Orden del hito (1 = primero)")),
        ("date", "fecha", N_("Fecha del registro (AAAA-MM-DD)")),
        ("status", "texto", N_("Estado: not_started, in_progress, done, late, cancelled")),
        ("percent", "entero", N_("Porcentaje de avance (0 a 100)")),
        ("current", "booleano", N_("1 si es el registro vigente del hito")),
        ("reason", "texto", N_("Por qué se canceló")),
        ("note", "texto", N_("Nota del registro")),
        ("evidence_file", "texto", N_("Nombre del archivo de evidencia")),
        ("evidence_sha256", "texto", N_("SHA-256 del archivo de evidencia")),
    ]),
    "plan_agreements": (N_("Acuerdos firmados que alimentan el seguimiento (como las cartas "
                           "compromiso de una feria): el compromiso que lleva cada uno"), [
        ("commitment", "texto", N_("Compromisos del plan que lo llevan (vacío: ninguno)")),
        ("proposals", "texto", N_("Propuestas que vienen de él (vacío: ninguna)")),
        ("kind", "texto", N_("Tipo de acuerdo: fair_letter (carta compromiso de una feria)")),
        ("session_id", "texto", N_("Sesión donde se firmó")),
        ("folio", "texto", N_("Folio del acuerdo")),
        ("date", "fecha", N_("Fecha del acuerdo (AAAA-MM-DD)")),
        ("committed", "texto", N_("A qué se comprometió la autoridad")),
        ("status", "texto", N_("Estado de su seguimiento (el del método: pending, "
                               "in_progress, in_pal, dropped)")),
        ("next_meeting", "texto", N_("Próxima reunión (AAAA-MM-DD, o en palabras)")),
        ("evidence_file", "texto", N_("Archivo de la copia firmada")),
        ("evidence_sha256", "texto", N_("SHA-256 de la copia firmada")),
    ]),
    "route": (N_("Ruta del proceso: las fases del método CEPAL, previstas y reales"), [
        ("position", "entero", N_("Orden de la fase (1 = preparación)")),
        ("phase", "texto", N_("Fase: preparation, diagnosis, meetings, selection, drafting, "
                              "consultation, accountability, launch, followup")),
        ("planned_start", "fecha", N_("Inicio previsto (AAAA-MM-DD)")),
        ("planned_end", "fecha", N_("Fin previsto (AAAA-MM-DD)")),
        ("actual_start", "fecha", N_("Inicio real (AAAA-MM-DD)")),
        ("actual_end", "fecha", N_("Fin real (AAAA-MM-DD)")),
        ("status", "texto", N_("Estado el día de la exportación: done, late, running, "
                               "pending")),
        ("responsible", "texto", N_("Responsable de la fase")),
        ("products", "texto", N_("Productos esperados")),
        ("note", "texto", N_("Nota")),
        ("sessions", "entero", N_("Sesiones de la fase")),
    ]),
    "actors": (N_("Mapa de actores del diagnóstico (sin datos de contacto)"), [
        ("number", "entero", N_("Número del actor en el mapa")),
        ("organisation", "texto", N_("Organización")),
        ("sector", "texto", N_("Sector: government, civil_society, community, private, "
                               "academia, media, other")),
        ("territory", "texto", N_("Territorio")),
        ("interest", "entero", N_("Interés en el tema, de 1 a 5")),
        ("influence", "entero", N_("Influencia sobre el tema, de 1 a 5")),
        ("quadrant", "texto", N_("Cuadrante: manage, satisfy, inform, monitor")),
        ("note", "texto", N_("Nota")),
    ]),
    "initiatives": (N_("Iniciativas existentes sobre el tema (diagnóstico)"), [
        ("number", "entero", N_("Número de la iniciativa en la lista")),
        ("name", "texto", N_("Nombre de la iniciativa")),
        ("kind", "texto", N_("Tipo: programme, project, policy, citizen, other")),
        ("responsible", "texto", N_("Quién la realiza (dependencia u organización)")),
        ("theme", "texto", N_("Tema")),
        ("territory", "texto", N_("Territorio")),
        ("status", "texto", N_("Estado: running, planned, finished, stopped")),
        ("years", "texto", N_("Periodo (años)")),
        ("note", "texto", N_("Nota")),
    ]),
}


def _method_tables() -> dict[str, tuple[str, list[tuple[str, str, str]]]]:
    """The tables a method publishes of its own records: its package's ``opendata`` module
    (found by name) declares ``TABLES`` in the form above and ``rows(repo, session_id)``
    -> {table: [row]} for each of its sessions. Counts and texts only, never names."""
    from cocrea_desktop.core.methods import method_modules

    found: dict[str, tuple[str, list[tuple[str, str, str]]]] = {}
    for _method, module in method_modules("opendata"):
        for name, table in getattr(module, "TABLES", {}).items():
            if name in TABLES or name in found:
                raise ValueError(f"open-data table {name!r} declared twice")
            found[name] = table
    return found


TABLES.update(_method_tables())


@dataclass
class OpenDataResult:
    folder: Path
    files: list[Path] = field(default_factory=list)
    #: Files in which a personal value stored in the process was found (should be empty).
    leaks: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def collect(repo: Repo, *, progress: Callable[[int, int], None] | None = None
            ) -> dict[str, list[dict[str, Any]]]:
    """The rows of every open-data table (public snapshots only: no names)."""
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    sessions = repo.sessions()
    for i, s in enumerate(sessions):
        snap = evidence.session_snapshot(repo, s.id, public=True)
        out["sessions"].append({
            "session_id": s.id, "method": s.method, "question": s.question,
            "table": s.table_label, "date": s.date, "place": s.place, "languages": s.languages,
            "interpreter": int(s.interpreter), "participation_level": s.participation_level,
            "participant_count": s.participant_count, "status": s.status,
            "data_hash": snap.digest, "result_round": snap.result_round})
        for idea in snap.ideas:
            out["ideas"].append({
                "session_id": s.id, "number": idea["number"], "text": idea["text"],
                "round": idea["round"], "turn": idea["turn"], "status": idea["status"],
                "merged_into": idea["merged_into"],
                "absorbed": " ".join(str(n) for n in idea["absorbed"]),
                "withdraw_reason": idea["withdraw_reason"], "group": idea["group_key"],
                "cluster": idea["cluster"]})
        for c in snap.clusters:
            out["clusters"].append({"session_id": s.id, "number": c["number"],
                                    "label": c["label"]})
        for m in snap.merges:
            out["merges"].append({"session_id": s.id, "into": m["into"],
                                  "absorbed": " ".join(str(n) for n in m["from"]),
                                  "status": m["status"]})
        for r in snap.rounds:
            # The secret vote: a serial is never written beside its marks (the voter's
            # stub would prove how they voted); marks are published only summed, in tallies.
            for status, items in (("counted", r.counted), ("spoiled", r.spoiled)):
                for item in items:
                    number = "" if item["serial"] else item["number"]
                    shown = format_serial(item["serial"])  # as printed on the ballot
                    out["ballots"].append({
                        "session_id": s.id, "round": r.round, "serial": shown,
                        "ballot_number": number, "status": status})
            for row in r.rows:
                out["tallies"].append({
                    "session_id": s.id, "round": r.round, "kind": r.kind, "mode": r.mode,
                    "rule": r.rule_text, "rank": row["rank"], "option": row["option"],
                    "option_label": snap.option_text(row["option"]),
                    "total": row["total"], "breadth": row["breadth"],
                    "distribution": " ".join(str(n) for n in reversed(row["distribution"]))})
            for kind, texts in (("tie_break", r.tie_breaks), ("near_tie", r.near_ties)):
                for step, text in enumerate(texts, 1):
                    out["tie_breaks"].append({"session_id": s.id, "round": r.round,
                                              "type": kind, "step": step, "text": text})
        method = get_method(s.method)
        module = method.module("opendata")
        if module is not None:
            for name, rows in module.rows(repo, s.id).items():
                out[name] += [{"session_id": s.id, **row} for row in rows]
        for dimension, cats in snap.attendance.items():
            for category, count in cats.items():
                out["attendance_counts"].append({"session_id": s.id, "dimension": dimension,
                                                 "category": category, "count": count})
        if progress:
            progress(i + 1, len(sessions) + 2)
    labels = {p.id: p.label for p in repo.proposals.list(include_inactive=True)}
    decisions = {d.id: d.label for d in repo.stl.decisions()}
    for c in repo.commitments.list():
        out["commitments"].append({
            "commitment": c.label, "name": c.name, "stage": c.stage,
            **{k: getattr(c, k) for k in ("start_date", "end_date", "lead_agency",
                                          "responsible", "other_actors", "problem", "baseline",
                                          "description", "objective", "how_it_helps", "axis",
                                          "budget", "plan_links", "public_input")},
            "pillars": " ".join(c.pillars),
            "proposals": "; ".join(labels.get(p, p) for p in c.proposals),
            "smart": " ".join(k for k, v in c.smart.items() if v.get("ok")),
            "ready_decision": decisions.get(c.ready_decision, "")})
        for position, m in enumerate(c.milestones, 1):
            out["milestones"].append({
                "commitment": c.label, "position": position, "description": m.description,
                "output": m.output, "responsible": m.responsible, "due_date": m.due_date})
    from cocrea_desktop.export.accountability import comment_rows

    out["consultation_comments"] = comment_rows(repo)

    for state in repo.followup.states():
        for rec in reversed(state.history):
            out["milestone_progress"].append({
                "commitment": state.commitment.label, "position": state.position,
                "date": rec.date, "status": rec.status, "percent": rec.percent,
                "current": int(rec is state.latest), "reason": rec.reason, "note": rec.note,
                "evidence_file": rec.evidence_name, "evidence_sha256": rec.evidence_sha256})

    # Who signed is not published (an authority's name is checked as personal data).
    for x in repo.followup.carried():
        a = x.agreement
        files = a.files or (None,)
        for f in files:
            out["plan_agreements"].append({
                "commitment": " ".join(x.commitments), "proposals": " ".join(x.proposals),
                "kind": a.kind, "session_id": a.session_id, "folio": a.folio, "date": a.date,
                "committed": a.committed, "status": a.status, "next_meeting": a.next_meeting,
                "evidence_file": f.file_name if f else "",
                "evidence_sha256": f.sha256 if f else ""})

    today = repo.route.today()
    by_phase = repo.route.sessions_by_phase()
    for p in repo.route.phases():
        out["route"].append({
            "position": p.number, "phase": p.key,
            **{k: getattr(p, k) for k in ("planned_start", "planned_end", "actual_start",
                                          "actual_end")},
            "status": p.status(today), "responsible": p.responsible,
            "products": p.products_text, "note": p.note, "sessions": len(by_phase[p.key])})
    for a in repo.actors.list():
        out["actors"].append({**a.public(), "quadrant": a.quadrant})
    out["initiatives"] = [i.public() for i in repo.initiatives.list()]
    return out


NUMERIC_TYPES = ("entero", "booleano")


def _table(name: str) -> tuple[str, list[tuple[str, str, str]]]:
    return TABLES[name]


def _cells(name: str, row: dict[str, Any]) -> list[Any]:
    """One row's cells, safe for a spreadsheet (no formulas, no control characters)."""
    return [spreadsheet_cell(row.get(c), numeric=kind in NUMERIC_TYPES)
            for c, kind, _d in _table(name)[1]]


def _csv_bytes(name: str, rows: list[dict[str, Any]]) -> bytes:
    columns = [c for c, _t, _d in _table(name)[1]]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(_cells(name, row))
    return buffer.getvalue().encode("utf-8-sig")


def _public_json(value: Any) -> Any:
    """``value`` with control characters removed from every text (JSON keeps formulas as text)."""
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, dict):
        return {k: _public_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_public_json(v) for v in value]
    return value


def _dictionary_bytes(names: list[str] | None = None) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["table", "column", "type", "description"])
    for table_name in names or list(TABLES):
        _desc, columns = _table(table_name)
        for column, kind, description in columns:
            writer.writerow([table_name, column, kind, _(description)])
    return buffer.getvalue().encode("utf-8-sig")


def _readme(repo: Repo, tables: dict[str, list[dict[str, Any]]]) -> str:
    p = repo.process()
    lines = [
        "# " + _("Datos abiertos: {name}").format(name=p.name), "",
        _("Proceso {id}. Formato de datos abiertos de CoCrea, versión {version}.").format(
            id=p.id, version=FORMAT_VERSION), "",
        _("Estos archivos no contienen nombres ni datos de contacto de ninguna persona. La "
          "asistencia se publica solo en conteos anónimos. El voto es secreto: se publica la "
          "lista de folios contados (quien guarda su talón comprueba que su boleta se contó) "
          "y las marcas solo sumadas por opción, nunca junto a un folio."), "",
        _("Cada tabla está en un archivo CSV (UTF-8 con BOM), en una hoja de {xlsx} y en "
          "{json}. El diccionario de datos ({dictionary}) describe cada columna.").format(
            xlsx=XLSX_NAME, json=JSON_NAME, dictionary=DICTIONARY_NAME), "",
        "| " + _("Archivo") + " | " + _("Contenido") + " | " + _("Filas") + " |",
        "|---|---|---|",
    ]
    for name in tables:
        lines.append(f"| {name}.csv | {_(_table(name)[0])} | {len(tables[name])} |")
    lines += ["", _("Conteos pequeños (1 o 2 personas de una comunidad o lengua) pueden "
                    "ayudar a reconocer a alguien: revíselos antes de publicar."), ""]
    return "\n".join(lines)


def _xlsx_bytes(tables: dict[str, list[dict[str, Any]]]) -> bytes:
    from openpyxl import Workbook  # lazy: only needed for this export

    book = Workbook()
    book.remove(book.active)
    for name, rows in tables.items():
        sheet = book.create_sheet(title=name[:31])
        columns = [c for c, _t, _d in _table(name)[1]]
        sheet.append(columns)
        for r, row in enumerate(rows, start=2):
            for c, value in enumerate(_cells(name, row), start=1):
                cell = sheet.cell(row=r, column=c)
                cell.value = None if value == "" else value
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula, whatever the text
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def file_text(path: Path) -> str:
    """The text inside an exported file, for leak checks (XLSX: every XML part)."""
    data = path.read_bytes()
    if path.suffix.lower() == ".xlsx":
        from html import unescape

        # Character references unescaped: openpyxl writing through lxml puts "í" as "&#237;".
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "\n".join(unescape(archive.read(n).decode("utf-8", "replace"))
                             for n in archive.namelist())
    return data.decode("utf-8-sig", "replace")


def scan_for_leaks(paths: list[Path], values: list[str]) -> list[str]:
    """Names of the files where any of ``values`` occurs (never the value itself)."""
    needles = privacy.personal_needles(values)
    found = []
    for path in paths:
        if needles and privacy.find_personal_values(file_text(path), needles):
            found.append(path.name)
    return found


def export_open_data(repo: Repo, folder: str | os.PathLike[str], *,
                     progress: Callable[[int, int], None] | None = None) -> OpenDataResult:
    """Write every table to ``folder`` (created if needed) and check the files for leaks.

    The files are written into a temporary folder beside ``folder`` and moved in only
    when every one is complete: a failure leaves neither a half-written folder nor a
    mix of old and new files.
    """
    target = Path(folder)
    tables = collect(repo, progress=progress)
    process_id = repo.process().id
    readme = _readme(repo, tables)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".datos-", suffix=".tmp", dir=target.parent))
    except OSError as err:
        raise StorageError(_("No se pudo crear la carpeta «{path}»: {reason}").format(
            path=target, reason=err.strerror or str(err))) from err
    result = OpenDataResult(folder=target)
    names: list[str] = []
    try:
        for name, rows in tables.items():
            names.append(write_atomically(_csv_bytes(name, rows), work / f"{name}.csv").name)
        document = {"format": "cocrea-open-data", "version": FORMAT_VERSION,
                    "process_id": process_id, "tables": _public_json(tables)}
        names.append(write_atomically(
            json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"),
            work / JSON_NAME).name)
        try:
            names.append(write_atomically(_xlsx_bytes(tables), work / XLSX_NAME).name)
        except ImportError:
            result.warnings.append(_("No se escribió {name}: falta el módulo openpyxl.").format(
                name=XLSX_NAME))
        names.append(write_atomically(_dictionary_bytes(list(tables)), work / DICTIONARY_NAME)
                     .name)
        names.append(write_atomically(strip_controls(readme).encode("utf-8"),
                                      work / README_NAME).name)
        _move_into(work, target, names)
    except (OSError, ValueError) as err:
        reason = getattr(err, "strerror", None) or str(err)
        raise StorageError(_("No se pudieron escribir los datos abiertos en «{path}»: "
                             "{reason}").format(path=target, reason=reason)) from err
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
    result.files = [target / name for name in names]
    if progress:
        n = len(tables["sessions"]) + 2
        progress(n - 1, n)
    result.leaks = scan_for_leaks(result.files, evidence.personal_values(repo))
    if result.leaks:
        result.warnings.append(_("Se encontró un dato personal (un nombre o un teléfono "
                                 "guardado en el proceso) en: {files}. Revise esos archivos "
                                 "antes de publicarlos; puede estar dentro del texto de una "
                                 "idea.").format(files=", ".join(result.leaks)))
    if progress:
        n = len(tables["sessions"]) + 2
        progress(n, n)
    return result


def _move_into(work: Path, target: Path, names: list[str]) -> None:
    """Put the finished files in ``target``: one rename of the folder when it is new."""
    if not target.exists():
        os.rename(work, target)
        return
    if not target.is_dir():
        raise NotADirectoryError(20, _("no es una carpeta"), str(target))
    for name in names:
        os.replace(work / name, target / name)
