"""Shared pieces of the report PDFs: page, styles, footer, tables, bar chart, atomic write.

Reports are reportlab platypus documents in black and white (greys only, no
colour that a printer would lose), DejaVu Sans embedded. Every page carries a
footer with the process id, a short hash of the data the report was made from,
and the page number. reportlab is imported lazily (it is not needed at start).
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cocrea_desktop.core import files
from cocrea_desktop.export.pdf.fonts import register_fonts
from cocrea_desktop.i18n import _

MM = 72.0 / 25.4
PAPER_SIZES = {"letter": (612.0, 792.0), "a4": (595.2756, 841.8898)}
GREY_HEADER = 0.86
GREY_BAR = 0.35

ProgressCallback = Callable[[int, int], None]
CancelledCallback = Callable[[], bool]


class Cancelled(Exception):
    """The user cancelled a report while it was being made."""


@dataclass(frozen=True)
class Footer:
    process_id: str
    digest: str
    title: str


def styles() -> dict[str, Any]:
    """Paragraph styles in DejaVu Sans."""
    fonts = register_fonts()
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("body", fontName=fonts.regular, fontSize=9.5, leading=12.5,
                          spaceAfter=4)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10, spaceAfter=2),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5, spaceAfter=0),
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontName=fonts.bold,
                                    fontSize=8.5, leading=10.5, spaceAfter=0),
        "title": ParagraphStyle("title", parent=base, fontName=fonts.bold, fontSize=16,
                                leading=20, spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=10.5, leading=14,
                                   spaceAfter=8),
        "h2": ParagraphStyle("h2", parent=base, fontName=fonts.bold, fontSize=12.5,
                             leading=16, spaceBefore=10, spaceAfter=4, keepWithNext=1),
        "h3": ParagraphStyle("h3", parent=base, fontName=fonts.bold, fontSize=10.5,
                             leading=13, spaceBefore=6, spaceAfter=3, keepWithNext=1),
        "h4": ParagraphStyle("h4", parent=base, fontName=fonts.bold, fontSize=9.5,
                             leading=12, spaceBefore=4, spaceAfter=2, keepWithNext=1),
        "notice": ParagraphStyle("notice", parent=base, fontSize=8.6, leading=11,
                                 spaceAfter=0),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
    }


def esc(text: object) -> str:
    """Text made safe for a reportlab Paragraph (which reads a little XML; no controls)."""
    from xml.sax.saxutils import escape

    from cocrea_desktop.core.text import strip_controls

    return escape(strip_controls(str(text))).replace("\n", "<br/>")


def para(text: object, style: Any) -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(esc(text), style)


def longest_word_width(text: str, size: float = 8.5) -> float:
    """The width of the longest word of a table title (bold), in points."""
    fonts = register_fonts()
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return max((stringWidth(w, fonts.bold, size) for w in str(text).split()), default=0.0)


def table(rows: Sequence[Sequence[Any]], widths: Sequence[float] | None = None, *,
          header: bool = True, style_extra: Sequence[tuple] = (), font_size: float = 8.5,
          repeat: bool = True, row_heights: Sequence[float | None] | None = None) -> Any:
    """A gridded table; strings become wrapped paragraphs; the header row is grey and bold."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    st = styles()
    body = []
    for r, row in enumerate(rows):
        cells = []
        for value in row:
            if isinstance(value, str):
                cells.append(para(value, st["cell_bold"] if header and r == 0 else st["cell"]))
            else:
                cells.append(value)
        body.append(cells)
    result = Table(body, colWidths=widths, rowHeights=row_heights,
                   repeatRows=1 if header and repeat else 0)
    commands: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTSIZE", (0, 0), (-1, -1), font_size),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.Color(*(GREY_HEADER,) * 3)))
    commands += list(style_extra)
    result.setStyle(TableStyle(commands))
    return result


def bar_chart(items: Sequence[tuple[str, float]], width: float, *, unit: str = "") -> Any:
    """A horizontal bar chart (reportlab graphics), best first from the top, dark grey bars."""
    fonts = register_fonts()
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors
    from reportlab.pdfbase.pdfmetrics import stringWidth

    items = list(items)
    bar_h = 14.0
    # Room under the axis for its numbers and, below them, the unit ("Puntos").
    height = bar_h * len(items) + 44
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    widest = max((stringWidth(label, fonts.regular, 8) for label, _v in items), default=0)
    chart.x = max(40, widest + 10)  # every category label whole, left of the axis
    chart.y = 32
    chart.width = width - chart.x - 40
    chart.height = bar_h * len(items)
    # The chart draws the first category at the bottom: reverse so the best is on top.
    values = [float(v) for _label, v in reversed(items)]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [label for label, _v in reversed(items)]
    chart.categoryAxis.labels.fontName = fonts.regular
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.valueMin = 0
    top = max(values) if values and max(values) > 0 else 1
    chart.valueAxis.valueMax = top * 1.12
    step = max(1, round(top / 5))
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = fonts.regular
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.labelTextFormat = "%d"
    chart.bars[0].fillColor = colors.Color(*(GREY_BAR,) * 3)
    chart.bars[0].strokeColor = colors.black
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = fonts.bold
    chart.barLabels.fontSize = 7.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barSpacing = 1
    chart.groupSpacing = 3
    drawing.add(chart)
    if unit:
        drawing.add(String(chart.x + chart.width / 2, 4, unit, fontName=fonts.regular,
                           fontSize=7.5, textAnchor="middle"))
    return drawing


def build(story: list[Any], footer: Footer, *, paper: str = "letter",
          cancelled: CancelledCallback | None = None, landscape: bool = False,
          margins_mm: float = 16) -> bytes:
    """Lay the story out on pages with the footer; returns the PDF bytes."""
    fonts = register_fonts()
    from reportlab.platypus import SimpleDocTemplate

    size = PAPER_SIZES.get(paper, PAPER_SIZES["letter"])
    if landscape:
        size = (size[1], size[0])
    out = io.BytesIO()

    def on_page(canvas: Any, doc: Any) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled()
        canvas.saveState()
        canvas.setFont(fonts.regular, 7)
        canvas.setLineWidth(0.4)
        y = 9 * MM
        canvas.line(doc.leftMargin, y + 9, size[0] - doc.rightMargin, y + 9)
        # The data's short fingerprint on every page, in words people read; a report
        # that lists its long codes at its end leaves the process's id out (empty).
        canvas.drawString(doc.leftMargin, y, (
            _("Proceso {id} · Huella de los datos {digest}") if footer.process_id
            else _("Huella de los datos {digest}")).format(
            id=footer.process_id, digest=footer.digest))
        canvas.drawRightString(size[0] - doc.rightMargin, y, _("{title} · Página {page}").format(
            title=footer.title, page=doc.page))
        canvas.restoreState()

    doc = SimpleDocTemplate(out, pagesize=size, leftMargin=margins_mm * MM,
                            rightMargin=margins_mm * MM, topMargin=margins_mm * MM,
                            bottomMargin=(margins_mm + 6) * MM, title=footer.title,
                            author="CoCrea Desktop", creator="CoCrea Desktop",
                            subject=_("Datos {digest}").format(digest=footer.digest),
                            invariant=1, pageCompression=1)
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return out.getvalue()


def content_width(paper: str = "letter", margins_mm: float = 16, landscape: bool = False
                  ) -> float:
    size = PAPER_SIZES.get(paper, PAPER_SIZES["letter"])
    return (size[1] if landscape else size[0]) - 2 * margins_mm * MM


def write_atomically(data: bytes, path: str | os.PathLike[str]) -> Path:
    """Write a report to a temporary name, flush, fsync, then rename (``core/files.py``)."""
    return files.write_atomically(data, path, prefix=".report-")


def signature_lines(labels: Sequence[str], width: float) -> Any:
    """Lines to sign on, side by side, each with its caption below, never split across
    pages (a line to sign on at the foot of one page and its names on the next)."""
    from reportlab.lib import colors
    from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

    st = styles()
    n = max(1, len(labels))
    cells = [[para(label, st["small"]) for label in labels]]
    t = Table([[Spacer(1, 26)] * n] + cells, colWidths=[width / n] * n)
    t.setStyle(TableStyle([
        *[("LINEABOVE", (i, 1), (i, 1), 0.6, colors.black) for i in range(n)],
        ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
    ]))
    return KeepTogether([t])
