"""QR module matrices for ballot payloads, and their drawing as one vector path.

zxing-cpp's writer builds a matrix in about 0.2 ms (segno or qrcode with an automatic mask
take 2.6-3.1 ms; see quality.md). When the installed zxing-cpp has no ``create_barcode``
(versions before 2.3), ``qrcode`` (a declared dependency) with a fixed mask is used.

The matrix is drawn as rectangles: runs of dark modules in a row, merged with identical runs
in the rows below, all in one PDF path filled once. Never as an image.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cocrea_desktop.core.voting.payload import (
    MAX_QR_VERSION,
    QR_ERROR_CORRECTION,
    PayloadTooLarge,
    check_payload_fits,
)

#: Light modules around the code required by the QR standard.
QUIET_ZONE_MODULES = 4
_DARK_RUN = re.compile(b"\x01+")


@dataclass(frozen=True)
class QrMatrix:
    """A square QR symbol without quiet zone: ``size`` x ``size`` modules, row 0 on top.

    ``modules`` holds one byte per module, row after row: 1 dark, 0 light.
    """

    size: int
    modules: bytes

    @property
    def version(self) -> int:
        return (self.size - 17) // 4

    def rows(self) -> list[bytes]:
        n = self.size
        return [self.modules[y * n : (y + 1) * n] for y in range(n)]


def qr_matrix(payload: str) -> QrMatrix:
    """The QR matrix (level Q, version <= 3) for a ballot payload.

    Raises :class:`PayloadTooLarge` if the payload cannot fit version 3.
    """
    check_payload_fits(payload)
    matrix = _zxing_matrix(payload)
    if matrix is None:
        matrix = _qrcode_matrix(payload)
    if matrix.version > MAX_QR_VERSION:
        raise PayloadTooLarge(len(payload))
    return matrix


def _zxing_matrix(payload: str) -> QrMatrix | None:
    import zxingcpp

    create = getattr(zxingcpp, "create_barcode", None)
    if create is None:
        return None
    barcode = create(payload, zxingcpp.BarcodeFormat.QRCode, ec_level=QR_ERROR_CORRECTION)
    image = barcode.to_image(scale=1, add_quiet_zones=False)
    height, width = image.shape[0], image.shape[1]
    if height != width:
        return None
    # zxing-cpp draws dark modules as 0 and light ones as 255.
    raw = bytes(memoryview(image))
    return QrMatrix(size=width, modules=raw.translate(_ZXING_TO_BITS))


_ZXING_TO_BITS = bytes([1] * 128 + [0] * 128)


def _qrcode_matrix(payload: str) -> QrMatrix:
    import qrcode
    import qrcode.constants

    code = qrcode.QRCode(
        version=None,
        error_correction=qrcode.constants.ERROR_CORRECT_Q,
        border=0,
        mask_pattern=0,  # a fixed mask: the automatic choice costs 5x the time
    )
    code.add_data(payload, optimize=0)
    code.make(fit=True)
    rows = code.get_matrix()
    return QrMatrix(
        size=len(rows), modules=bytes(1 if cell else 0 for row in rows for cell in row)
    )


def dark_rectangles(matrix: QrMatrix) -> list[tuple[int, int, int, int]]:
    """Rectangles ``(x, y, width, height)`` in modules (y down) covering every dark module.

    Each row's runs of dark modules, with identical runs in the following rows merged into
    one taller rectangle; no two rectangles overlap.
    """
    open_runs: dict[tuple[int, int], int] = {}
    rects: list[tuple[int, int, int, int]] = []
    rows = matrix.rows()
    for y, row in enumerate(rows):
        runs = {(m.start(), m.end()) for m in _DARK_RUN.finditer(row)}
        for run in [r for r in open_runs if r not in runs]:
            top = open_runs.pop(run)
            rects.append((run[0], top, run[1] - run[0], y - top))
        for run in runs:
            if run not in open_runs:
                open_runs[run] = y
    bottom = len(rows)
    for run, top in open_runs.items():
        rects.append((run[0], top, run[1] - run[0], bottom - top))
    return rects


def pdf_path_operators(matrix: QrMatrix, x: float, y: float, size: float) -> str:
    """PDF content-stream operators drawing the matrix as one filled path.

    ``(x, y)`` is the lower-left corner of the symbol (without quiet zone) in points and
    ``size`` its side. The path uses module units under a ``cm`` transform so that each
    rectangle costs a few bytes. Wrapped in ``q``/``Q``; fills with the current colour.
    """
    module = size / matrix.size
    parts = [
        f"q {module:.5f} 0 0 {-module:.5f} {x:.3f} {y + size:.3f} cm"
    ]
    parts.extend(
        "{} {} {} {} re".format(*rect) for rect in sorted(dark_rectangles(matrix))
    )
    parts.append("f Q")
    return "\n".join(parts)


def svg_path_data(matrix: QrMatrix, quiet_zone: int = QUIET_ZONE_MODULES) -> str:
    """SVG path data (module units) for the matrix, e.g. for a screen preview."""
    return "".join(
        f"M{x + quiet_zone} {y + quiet_zone}h{w}v{h}h-{w}z"
        for x, y, w, h in sorted(dark_rectangles(matrix), key=lambda r: (r[1], r[0]))
    )
