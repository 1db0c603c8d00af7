"""The office's sheet of table laptops: one line per table with its file and its code.

Printed at the office when the starting files are written, and handed to each table's
facilitator in person: the code opens the ballots' secret in the table's file, so the
sheet never travels on the stick with the files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from cocrea_desktop.core import dates
from cocrea_desktop.export.pdf import kit
from cocrea_desktop.i18n import _

if TYPE_CHECKING:
    from cocrea_desktop.export.tables import PreparedTable
    from cocrea_desktop.store.repo import Repo


def render_tables_sheet(repo: Repo, prepared: Sequence[PreparedTable], *,
                        paper: str = "letter") -> bytes:
    st = kit.styles()
    from reportlab.platypus import Spacer

    process = repo.process()
    device = repo.pf.device
    width = kit.content_width(paper)
    story: list = [kit.para(_("Computadoras de mesa"), st["title"])]
    prepared_at = next((t.prepared_at for t in repo.tables.list()
                        if prepared and t.id == prepared[0].id), "")
    where = [x for x in (process.name, process.municipality,
                         dates.format_datetime(prepared_at) if prepared_at else "") if x]
    story.append(kit.para(" · ".join(where), st["subtitle"]))
    story.append(kit.para(_(
        "Entregue a cada mesa su archivo y, en persona, su código: la computadora de la mesa "
        "lo pide al abrir el archivo. No guarde esta hoja con la memoria USB."), st["body"]))
    story.append(kit.para(_("Llave de la computadora de la oficina: {fingerprint}").format(
        fingerprint=_fingerprint(device.public_key_bytes())), st["small"]))
    story.append(Spacer(1, 6))
    titles = {s.id: f"{repo.session_title(s)} — {s.question}"
              for s in repo.sessions(include_archived=True)}
    from reportlab.lib.styles import ParagraphStyle

    code_style = ParagraphStyle("code", parent=st["cell_bold"], fontSize=12, leading=15)
    rows: list[list] = [[_("Mesa"), _("Archivo"), _("Código"), _("Sesiones")]]
    for table in prepared:  # one paragraph per session, so each reads on its own
        rows.append([table.name, table.file_name, kit.para(table.code, code_style),
                     [kit.para("• " + titles.get(s, s), st["cell"]) for s in table.sessions]])
    story.append(kit.table(rows, [width * 0.15, width * 0.26, width * 0.19, width * 0.40]))
    story.append(Spacer(1, 10))
    story.append(kit.para(_("Al terminar el día, cada mesa exporta su paquete (Archivo → "
                            "Exportar a USB…) y la oficina lo importa: esta computadora "
                            "muestra qué mesas ya regresaron."), st["small"]))
    digest = hashlib.sha256("\n".join(f"{t.id}:{t.file_name}" for t in prepared)
                            .encode()).hexdigest()[:12]
    footer = kit.Footer(process.id[:8], digest, _("Computadoras de mesa"))
    return kit.build(story, footer, paper=paper)


def _fingerprint(public_key: bytes) -> str:
    from cocrea_desktop.export.keys import fingerprint

    return fingerprint(public_key)
