"""Decoding ballot QR codes from scanned pages, PDF files, folders and webcam frames.

zxing-cpp with ``formats=QRCode`` (8-13x faster than all formats, see quality.md). Pure
decoding: what a text means (a ballot of ours, of another session, forged) is decided by
:mod:`cocrea_desktop.core.voting.payload` and the ballot register.

Nothing here raises on a bad file: a file that is not an image or PDF, unreadable, or a page
without any QR code is reported as a :class:`ScanProblem` with a reason in Spanish.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cocrea_desktop.i18n import _

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp", ".gif"})
PDF_SUFFIXES = frozenset({".pdf"})
DEFAULT_PDF_DPI = 200
#: Pages larger than this many pixels are refused (a decompression bomb, not a scan).
MAX_IMAGE_PIXELS = 120_000_000

Point = tuple[int, int]


@dataclass(frozen=True)
class DecodedCode:
    """One QR code found: where (file, page from 0) and what text it holds.

    ``position`` is the code's four corners in pixels (top-left, top-right, bottom-right,
    bottom-left as seen by the decoder) on the decoded image.
    """

    source: str
    page: int
    text: str
    position: tuple[Point, Point, Point, Point]


@dataclass(frozen=True)
class ScanProblem:
    """A file or page that gave no code; ``reason`` is shown to the user as is."""

    source: str
    page: int | None
    reason: str


@dataclass
class ScanReport:
    codes: list[DecodedCode] = field(default_factory=list)
    problems: list[ScanProblem] = field(default_factory=list)

    def extend(self, other: ScanReport) -> None:
        self.codes.extend(other.codes)
        self.problems.extend(other.problems)

    @property
    def texts(self) -> list[str]:
        return [code.text for code in self.codes]


# --- frames ----------------------------------------------------------------------------------


def _qr_format() -> Any:
    """Standard (model 2) QR codes only: the codes the program prints.

    zxing-cpp 3 made ``QRCode`` a family that also reads Micro QR and rMQR codes, which find
    spurious six-digit "codes" in printed text; model 2 alone keeps the old behaviour.
    """
    import zxingcpp

    return getattr(zxingcpp.BarcodeFormat, "QRCodeModel2", zxingcpp.BarcodeFormat.QRCode)


def decode_frame(frame: Any, *, source: str = "", page: int = 0) -> list[DecodedCode]:
    """QR codes in an in-memory image: a PIL image, or a numpy array (grayscale or BGR).

    For the webcam: no file, no problem records; an empty list when nothing is seen.
    """
    import zxingcpp

    results = zxingcpp.read_barcodes(frame, formats=_qr_format())
    codes = []
    for result in results:
        if not result.valid:
            continue
        pos = result.position
        corners = tuple(
            (int(p.x), int(p.y))
            for p in (pos.top_left, pos.top_right, pos.bottom_right, pos.bottom_left)
        )
        codes.append(DecodedCode(source=source, page=page, text=result.text, position=corners))  # type: ignore[arg-type]
    return codes


def qr_version_of(frame: Any) -> list[int]:
    """The QR versions of the codes in a frame, as the decoder reports them (for checks)."""
    import zxingcpp

    versions = []
    for result in zxingcpp.read_barcodes(frame, formats=_qr_format()):
        version = result.extra.get("Version") if isinstance(result.extra, dict) else None
        if version is not None:
            versions.append(int(version))
    return versions


# --- files -----------------------------------------------------------------------------------


def scan_path(path: str | os.PathLike[str], *, dpi: int = DEFAULT_PDF_DPI) -> ScanReport:
    """Scan a file (image or PDF) or every such file in a folder."""
    target = Path(path)
    if target.is_dir():
        return scan_folder(target, dpi=dpi)
    return scan_file(target, dpi=dpi)


def scan_folder(folder: str | os.PathLike[str], *, dpi: int = DEFAULT_PDF_DPI) -> ScanReport:
    """Scan every image and PDF in ``folder`` (not its subfolders), in name order."""
    report = ScanReport()
    directory = Path(folder)
    try:
        entries = sorted(directory.iterdir(), key=lambda p: p.name.lower())
    except OSError:
        report.problems.append(
            ScanProblem(str(directory), None, _("No se puede leer la carpeta."))
        )
        return report
    files = [p for p in entries if p.is_file() and not p.name.startswith(".")]
    scannable = [p for p in files if p.suffix.lower() in IMAGE_SUFFIXES | PDF_SUFFIXES]
    for file in scannable:
        report.extend(scan_file(file, dpi=dpi))
    if not scannable:
        report.problems.append(
            ScanProblem(
                str(directory), None, _("La carpeta no tiene imágenes ni archivos PDF.")
            )
        )
    return report


def scan_file(path: str | os.PathLike[str], *, dpi: int = DEFAULT_PDF_DPI) -> ScanReport:
    """Scan one image file (every frame of a multi-page TIFF) or PDF file."""
    file = Path(path)
    if not file.is_file():
        return _problem(file, None, _("El archivo no existe o no se puede abrir."))
    if _is_pdf(file):
        return scan_pdf_file(file, dpi=dpi)
    return scan_image_file(file)


def scan_image_file(path: str | os.PathLike[str]) -> ScanReport:
    """Scan an image file; several ballots per page are all found."""
    file = Path(path)
    report = ScanReport()
    try:
        for page, image in enumerate(_image_pages(file)):
            _scan_page(report, image, str(file), page)
    except _TooLarge:
        return _problem(file, None, _("La imagen es demasiado grande para ser una hoja escaneada."))
    except Exception:  # noqa: BLE001 - any decoder failure is a problem record, never a crash
        if report.codes or report.problems:
            report.problems.append(
                ScanProblem(str(file), None, _("Una parte del archivo está dañada."))
            )
            return report
        return _problem(file, None, _("El archivo no es una imagen que se pueda leer."))
    return report


def scan_pdf_file(path: str | os.PathLike[str], *, dpi: int = DEFAULT_PDF_DPI) -> ScanReport:
    """Render each page of a PDF at ``dpi`` (pypdfium2) and scan it."""
    file = Path(path)
    report = ScanReport()
    try:
        import pypdfium2
    except ImportError:
        return _problem(file, None, _("No se pueden leer archivos PDF en este equipo."))
    try:
        document = pypdfium2.PdfDocument(str(file))
    except Exception:  # noqa: BLE001
        return _problem(file, None, _("El archivo PDF está dañado o protegido."))
    try:
        for page_index in range(len(document)):
            try:
                page = document[page_index]
                image = page.render(scale=dpi / 72.0, grayscale=True).to_pil()
                page.close()
            except Exception:  # noqa: BLE001
                report.problems.append(
                    ScanProblem(str(file), page_index, _("No se pudo leer esta página."))
                )
                continue
            _scan_page(report, image, str(file), page_index)
    finally:
        document.close()
    return report


# --- helpers ---------------------------------------------------------------------------------


class _TooLarge(Exception):
    pass


def _problem(file: Path, page: int | None, reason: str) -> ScanReport:
    return ScanReport(problems=[ScanProblem(str(file), page, reason)])


def _is_pdf(file: Path) -> bool:
    try:
        with file.open("rb") as handle:
            return handle.read(5) == b"%PDF-"
    except OSError:
        return False


def _image_pages(file: Path) -> Iterator[Any]:
    """Every frame of an image file, as grayscale PIL images."""
    from PIL import Image, ImageSequence

    with Image.open(file) as image:
        for frame in ImageSequence.Iterator(image):
            if frame.width * frame.height > MAX_IMAGE_PIXELS:
                raise _TooLarge
            yield frame.convert("L")


def _scan_page(report: ScanReport, image: Any, source: str, page: int) -> None:
    codes = decode_frame(image, source=source, page=page)
    if codes:
        report.codes.extend(codes)
    else:
        report.problems.append(
            ScanProblem(source, page, _("No se encontró ningún código QR en esta página."))
        )

