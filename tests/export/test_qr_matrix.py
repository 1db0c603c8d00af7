"""QR matrices for ballot payloads: size, decodability, and the vector-path drawing."""

from __future__ import annotations

import pytest
import zxingcpp
from PIL import Image, ImageDraw

from cocrea_desktop.core.voting.payload import (
    PayloadTooLarge,
    encode_ballot_payload,
    make_serial,
)
from cocrea_desktop.export import qr_matrix as qm
from cocrea_desktop.export.qr_matrix import (
    QrMatrix,
    dark_rectangles,
    pdf_path_operators,
    qr_matrix,
    svg_path_data,
)

SECRET = bytes(range(32))


def _payload(proc: str = "7KQ2", sess: str = "M3XA", round_: object = "P") -> str:
    return encode_ballot_payload(
        process_id=proc, session_id=sess, round=round_, serial=make_serial(4821), secret=SECRET  # type: ignore[arg-type]
    )


def _to_image(matrix: QrMatrix, scale: int = 6, quiet: int = 4) -> Image.Image:
    side = (matrix.size + 2 * quiet) * scale
    image = Image.new("L", (side, side), 255)
    draw = ImageDraw.Draw(image)
    for x, y, w, h in dark_rectangles(matrix):
        draw.rectangle(
            [(x + quiet) * scale, (y + quiet) * scale,
             (x + quiet + w) * scale - 1, (y + quiet + h) * scale - 1],
            fill=0,
        )
    return image


def _decode(image: Image.Image) -> list[zxingcpp.Barcode]:
    return zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)


@pytest.mark.parametrize(
    ("payload", "version"),
    [
        (_payload(), 3),
        (_payload("7KQ2VXYZ", "M3XA1234", 99), 3),
    ],
)
def test_matrix_version_and_rectangles_decode(payload: str, version: int) -> None:
    matrix = qr_matrix(payload)
    assert matrix.size == 17 + 4 * version and matrix.size <= 29
    assert matrix.version == version
    results = _decode(_to_image(matrix))
    assert [r.text for r in results] == [payload]
    assert results[0].extra["Version"] == str(version)
    assert results[0].ec_level == "Q"


def test_rectangles_cover_exactly_the_dark_modules() -> None:
    matrix = qr_matrix(_payload())
    covered = bytearray(matrix.size * matrix.size)
    rects = dark_rectangles(matrix)
    for x, y, w, h in rects:
        for yy in range(y, y + h):
            for xx in range(x, x + w):
                assert covered[yy * matrix.size + xx] == 0, "overlap"
                covered[yy * matrix.size + xx] = 1
    assert bytes(covered) == matrix.modules
    runs = sum(1 for row in matrix.rows() for _ in qm._DARK_RUN.finditer(row))
    assert len(rects) < runs  # vertical merging does something


def test_fallback_encoder_gives_a_decodable_matrix() -> None:
    payload = _payload()
    matrix = qm._qrcode_matrix(payload)
    assert matrix.version <= 3
    assert [r.text for r in _decode(_to_image(matrix))] == [payload]


def test_too_long_payload_is_refused() -> None:
    with pytest.raises(PayloadTooLarge):
        qr_matrix("A" * 80)


def test_pdf_path_is_one_filled_path() -> None:
    ops = pdf_path_operators(qr_matrix(_payload()), 10, 20, 85)
    assert ops.startswith("q ") and ops.endswith("f Q")
    tokens = ops.split()
    assert tokens.count("f") == 1 and tokens.count("re") > 20
    assert "BI" not in tokens and "Do" not in tokens  # no image


def test_svg_path_data() -> None:
    data = svg_path_data(qr_matrix(_payload()))
    assert data.startswith("M4 4h7v1h-7z")  # the finder pattern's top row, after the quiet zone
