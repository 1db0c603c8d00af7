"""The process's proposals as a spreadsheet (CSV, XLSX) or JSON, for the office.

One row per proposal with its label, status, title, description, problem, theme,
tables and origins in words; the JSON keeps each origin's facts as recorded.
No cell can ever run as a formula (``core.text.spreadsheet_cell``).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.core.text import spreadsheet_cell, strip_controls
from cocrea_desktop.export.pdf.kit import write_atomically
from cocrea_desktop.i18n import N_, _

if TYPE_CHECKING:
    from cocrea_desktop.store.proposals import Proposal
    from cocrea_desktop.store.repo import Repo

FORMATS = ("csv", "xlsx", "json")
#: The columns of the spreadsheet: key, heading (a msgid).
COLUMNS = (
    ("label", N_("Propuesta")), ("status", N_("Estado")), ("title", N_("Título")),
    ("description", N_("Descripción")), ("problem", N_("Problema que atiende")),
    ("theme", N_("Tema")), ("tables", N_("Mesas")), ("origins", N_("Origen")),
    ("joined_into", N_("Unida a")), ("withdraw_reason", N_("Motivo del retiro")),
)


def proposal_record(proposal: Proposal, labels: dict[str, str]) -> dict[str, Any]:
    """A proposal as data (the CLI's ``--json`` and the JSON export)."""
    from cocrea_desktop.store.proposals import origin_words, status_word

    return {
        "id": proposal.id, "label": proposal.label, "number": proposal.number,
        "title": proposal.title, "description": proposal.description,
        "problem": proposal.problem, "theme": proposal.theme, "status": proposal.status,
        "status_text": status_word(proposal.status),
        "joined_into": labels.get(proposal.joined_into or "", ""),
        "withdraw_reason": proposal.withdraw_reason,
        "tables": sorted({o.table_label for o in proposal.origins if o.table_label}),
        "origins": [{"proposal": o.number_label, "session_id": o.session_id,
                     "table": o.table_label, "kind": o.source_kind, "source_id": o.source_id,
                     "source": dict(o.source), "text": origin_words(o)}
                    for o in proposal.origins],
    }


def proposal_records(repo: Repo, *, theme: str | None = None, table: str | None = None,
                     include_inactive: bool = False) -> list[dict[str, Any]]:
    everything = repo.proposals.list(include_inactive=True)
    labels = {p.id: p.label for p in everything}
    chosen = repo.proposals.list(theme=theme, table=table, include_inactive=include_inactive)
    return [proposal_record(p, labels) for p in chosen]


def _row(record: dict[str, Any]) -> list[Any]:
    values = dict(record, status=record["status_text"], tables="; ".join(record["tables"]),
                  origins="; ".join(o["text"] for o in record["origins"]))
    return [spreadsheet_cell(values.get(key)) for key, _title in COLUMNS]


def _clean_json(value: Any) -> Any:
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, dict):
        return {k: _clean_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean_json(v) for v in value]
    return value


def proposals_bytes(records: list[dict[str, Any]], kind: str) -> bytes:
    headings = [_(title) for _key, title in COLUMNS]
    if kind == "json":
        return (json.dumps(_clean_json(records), ensure_ascii=False, indent=2, sort_keys=True)
                + "\n").encode("utf-8")
    if kind == "csv":
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(headings)
        for record in records:
            writer.writerow(_row(record))
        return buffer.getvalue().encode("utf-8-sig")
    from openpyxl import Workbook  # lazy: only needed for this export

    book = Workbook()
    sheet = book.active
    sheet.title = _("Propuestas")[:31]
    sheet.append(headings)
    for r, record in enumerate(records, start=2):
        for c, value in enumerate(_row(record), start=1):
            cell = sheet.cell(row=r, column=c)
            cell.value = None if value == "" else value
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_proposals(repo: Repo, path: str | Path, *, theme: str | None = None,
                     table: str | None = None, include_inactive: bool = False) -> Path:
    """Write the proposals to ``path``; its extension (.csv, .xlsx, .json) picks the format."""
    target = Path(path)
    kind = target.suffix.lower().lstrip(".")
    if kind not in FORMATS:
        raise InvalidInput(_("Elija un archivo .csv, .xlsx o .json para las propuestas."))
    records = proposal_records(repo, theme=theme, table=table,
                               include_inactive=include_inactive)
    return write_atomically(proposals_bytes(records, kind), target)
