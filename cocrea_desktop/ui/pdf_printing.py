"""Send a PDF to a printer: each page rendered by PDFium and painted on a QPrinter.

PySide6-Essentials has no QtPdf, so the pages are rasterised with pypdfium2 (already
used to read scans) at up to 300 dpi, in grey, and painted at their true size on the
whole sheet (full-page mode): a 30 mm QR code prints at 30 mm. Qt allows painting on a
QPrinter outside the GUI thread, so this can run in a background task.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.i18n import _

MAX_DPI = 300
PAGE_SIZES = {"letter": QPageSize.PageSizeId.Letter, "a4": QPageSize.PageSizeId.A4}


def ballot_printer(paper: str) -> QPrinter:
    """A printer set for the ballots' paper, portrait, drawing on the whole sheet."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(PAGE_SIZES.get(paper, QPageSize.PageSizeId.Letter)))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setDocName(_("Boletas"))
    return printer


def print_pdf(path: str | os.PathLike[str], printer: QPrinter, *,
              progress: Callable[[int, int], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> int:
    """Paint every page of the PDF at ``path`` on ``printer``; return the pages sent."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    painter = QPainter()
    if not painter.begin(printer):
        raise InvalidInput(_("No se pudo usar la impresora «{name}».").format(
            name=printer.printerName() or printer.outputFileName()))
    sent = 0
    try:
        dpi = min(MAX_DPI, printer.resolution())
        sheet = printer.paperRect(QPrinter.Unit.DevicePixel)
        total = len(doc)
        for index in range(total):
            if cancelled is not None and cancelled():
                break
            if index:
                printer.newPage()
            page = doc[index]
            width_pt, height_pt = page.get_size()
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            image = bitmap.to_pil().convert("L")
            data = image.tobytes()
            qimage = QImage(data, image.width, image.height, image.width,
                            QImage.Format.Format_Grayscale8)
            # True size: points to device pixels, from the sheet's top-left corner.
            scale = printer.resolution() / 72
            target = QRectF(sheet.x(), sheet.y(), width_pt * scale, height_pt * scale)
            painter.drawImage(target, qimage)
            sent += 1
            if progress is not None:
                progress(sent, total)
    finally:
        painter.end()
        doc.close()
    return sent
