"""Printed ballots read back: render, degrade like a scan, decode, verify."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pypdfium2
import pytest
import qrcode
import segno
from PIL import Image, ImageChops, ImageFilter

from cocrea_desktop.core.voting.payload import (
    ForeignBallot,
    NotABallot,
    encode_ballot_payload,
    generate_serials,
    make_serial,
    read_ballot_entry,
    verify_ballot_payload,
)
from cocrea_desktop.export.pdf.ballots import BallotKind, BallotSheetSpec, render_ballots_pdf
from cocrea_desktop.export.scan import (
    decode_frame,
    qr_version_of,
    scan_file,
    scan_folder,
    scan_image_file,
    scan_path,
    scan_pdf_file,
)

SECRET = b"s" * 32
OTHER_SECRET = b"t" * 32


def _spec(serials: list[str], secret: bytes = SECRET, session: str = "M3XA") -> BallotSheetSpec:
    return BallotSheetSpec(
        process_title="Proceso de prueba",
        session_title="Sesión de prueba",
        question="¿Qué hacemos primero?",
        round_label="Votación preliminar",
        kind=BallotKind.RANKED,
        options=[(i, "Idea número {n}".format(n=i)) for i in range(1, 4)],
        ballots=[
            (s, encode_ballot_payload(process_id="7KQ2", session_id=session, round="P",
                                      serial=s, secret=secret))
            for s in serials
        ],
        ranks=3,
        per_page=4,
    )


@pytest.fixture(scope="module")
def ballots_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    serials = generate_serials(12)
    pdf = render_ballots_pdf(_spec(serials))
    assert pdf is not None
    path = tmp_path_factory.mktemp("ballots") / "boletas.pdf"
    path.write_bytes(pdf)
    return path, serials


def _render(path: Path, page: int, dpi: int) -> Image.Image:
    document = pypdfium2.PdfDocument(str(path))
    return document[page].render(scale=dpi / 72, grayscale=True).to_pil()


def _degrade(image: Image.Image, rng: random.Random) -> Image.Image:
    """A plausible scan: scaled, rotated up to 10 degrees, slightly blurred, noisy."""
    scale = rng.uniform(0.9, 1.1)
    image = image.resize((int(image.width * scale), int(image.height * scale)),
                         Image.Resampling.BILINEAR)
    image = image.rotate(rng.uniform(-10, 10), resample=Image.Resampling.BICUBIC,
                         expand=True, fillcolor=255)
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 1.2)))
    noise = Image.effect_noise(image.size, rng.uniform(8, 20))
    return ImageChops.add(image, noise, scale=1.0, offset=-128)


def _assert_all_verify(texts: list[str], serials: list[str]) -> None:
    found = []
    for text in texts:
        payload = verify_ballot_payload(text, SECRET, process_id="7KQ2")
        assert payload.session_id == "M3XA" and payload.round == "P"
        found.append(payload.serial)
    assert sorted(found) == sorted(serials)


@pytest.mark.parametrize("dpi", [200, 300])
def test_degraded_scans_decode_and_verify(ballots_pdf: tuple[Path, list[str]], dpi: int) -> None:
    path, serials = ballots_pdf
    rng = random.Random(dpi)
    texts = []
    for page in range(3):
        image = _degrade(_render(path, page, dpi), rng)
        codes = decode_frame(image)
        assert len(codes) == 4
        texts.extend(code.text for code in codes)
    _assert_all_verify(texts, serials)


def test_jpeg_and_tiff_files_and_a_folder(ballots_pdf: tuple[Path, list[str]],
                                          tmp_path: Path) -> None:
    path, serials = ballots_pdf
    rng = random.Random(7)
    pages = [_degrade(_render(path, page, 200), rng) for page in range(3)]
    pages[0].save(tmp_path / "a_pagina1.jpg", quality=80)
    pages[1].save(tmp_path / "b_paginas.tif", save_all=True, append_images=[pages[2]])
    (tmp_path / "c_notas.txt").write_text("no es una imagen", encoding="utf-8")
    (tmp_path / "d_falsa.png").write_bytes(b"\x89PNG\r\n\x1a\n esto no es un PNG")
    Image.new("L", (400, 300), 255).save(tmp_path / "e_blanca.png")

    tiff = scan_image_file(tmp_path / "b_paginas.tif")
    assert sorted({code.page for code in tiff.codes}) == [0, 1]
    assert tiff.problems == []

    report = scan_folder(tmp_path)
    _assert_all_verify(report.texts, serials)
    assert [Path(code.source).name for code in report.codes][:4] == ["a_pagina1.jpg"] * 4
    problems = {Path(p.source).name: p.reason for p in report.problems}
    assert set(problems) == {"d_falsa.png", "e_blanca.png"}  # .txt is not even tried
    assert "no es una imagen" in problems["d_falsa.png"]
    assert "ningún código QR" in problems["e_blanca.png"]
    assert scan_path(tmp_path).texts == report.texts


def test_pdf_file_is_scanned_page_by_page(ballots_pdf: tuple[Path, list[str]]) -> None:
    path, serials = ballots_pdf
    report = scan_pdf_file(path, dpi=200)
    assert report.problems == []
    assert sorted({code.page for code in report.codes}) == [0, 1, 2]
    _assert_all_verify(report.texts, serials)
    corners = report.codes[0].position
    assert len(corners) == 4 and all(len(point) == 2 for point in corners)


def test_decoded_version_is_at_most_3(ballots_pdf: tuple[Path, list[str]]) -> None:
    path, _serials = ballots_pdf
    versions = qr_version_of(_render(path, 0, 200))
    assert versions and all(v <= 3 for v in versions)


def test_unreadable_files_are_problems_not_crashes(tmp_path: Path) -> None:
    cases = {
        "vacio.png": b"",
        "texto.jpg": b"hola",
        "roto.pdf": b"%PDF-1.4\nbasura",
        "binario.tif": bytes(range(256)) * 4,
    }
    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
        report = scan_file(tmp_path / name)
        assert report.codes == [] and len(report.problems) == 1, name
        assert report.problems[0].reason
    missing = scan_path(tmp_path / "no-existe.png")
    assert "no existe" in missing.problems[0].reason
    empty = tmp_path / "vacia"
    empty.mkdir()
    assert "no tiene imágenes" in scan_folder(empty).problems[0].reason


def test_forged_foreign_and_random_codes_are_rejected(tmp_path: Path) -> None:
    serial = make_serial(123456)
    good = encode_ballot_payload(process_id="7KQ2", session_id="M3XA", round="P", serial=serial,
                                 secret=SECRET)
    forged = good[:-3] + ("AAA" if not good.endswith("AAA") else "BBB")
    foreign = encode_ballot_payload(process_id="7KQ2", session_id="M3XA", round="P",
                                    serial=serial, secret=OTHER_SECRET)
    other_process = encode_ballot_payload(process_id="ZZ99", session_id="M3XA", round="P",
                                          serial=serial, secret=OTHER_SECRET)
    images = {
        "forged": segno.make_qr(forged, error="m", mode="alphanumeric"),
        "foreign": segno.make_qr(foreign, error="m"),
        "other_process": segno.make_qr(other_process, error="m"),
        "truncated": segno.make_qr(good[:-6], error="m"),
        "url": segno.make_qr("https://gobiernoabierto.example.mx/boleta?id=1", error="m"),
    }
    for name, code in images.items():
        code.save(str(tmp_path / (name + ".png")), scale=6, border=4)
    qrcode.make("WIFI:S:sala;T:WPA;P:secreto;;").save(str(tmp_path / "wifi.png"))

    expected = {
        "forged.png": ForeignBallot,
        "foreign.png": ForeignBallot,
        "other_process.png": ForeignBallot,
        "truncated.png": NotABallot,
        "url.png": NotABallot,
        "wifi.png": NotABallot,
    }
    report = scan_folder(tmp_path)
    assert report.problems == []
    assert len(report.codes) == len(expected)
    for code in report.codes:
        error = expected[Path(code.source).name]
        with pytest.raises(error) as info:
            read_ballot_entry(code.text, SECRET, process_id="7KQ2")
        message = str(info.value)
        assert ("no es de este proceso" in message) if error is ForeignBallot else (
            "no es una boleta de CoCrea" in message
        )


def test_ballot_of_another_session_says_which(tmp_path: Path) -> None:
    serials = generate_serials(1)
    pdf = render_ballots_pdf(_spec(serials, session="9Q9Q"))
    assert pdf is not None
    image = pypdfium2.PdfDocument(pdf)[0].render(scale=200 / 72, grayscale=True).to_pil()
    (code,) = decode_frame(image)
    entry = read_ballot_entry(code.text, SECRET, process_id="7KQ2")
    assert entry.payload is not None and entry.payload.session_id == "9Q9Q"
    assert not entry.payload.is_for_session("M3XA")


def test_frame_from_a_camera_like_image(ballots_pdf: tuple[Path, list[str]]) -> None:
    """A 1280x720 frame showing part of a ballot sheet, as a webcam would."""
    path, serials = ballots_pdf
    page = _render(path, 0, 150)
    frame = Image.new("L", (1280, 720), 255)
    frame.paste(page.crop((0, 0, 1275, 720)).rotate(2, fillcolor=255), (2, 0))
    codes = decode_frame(frame.convert("RGB"))
    assert len(codes) == 2
    for code in codes:
        assert verify_ballot_payload(code.text, SECRET).serial in serials


def test_micro_qr_codes_are_not_taken_for_ballots() -> None:
    """zxing-cpp 3 reads Micro QR under its QR family; a page with one yields no code."""
    import segno
    from PIL import Image

    from cocrea_desktop.export.scan import decode_frame

    micro = segno.make_micro("398256")
    assert micro.is_micro
    buffer = io.BytesIO()
    micro.save(buffer, kind="png", scale=12, border=4)
    buffer.seek(0)
    image = Image.open(buffer).convert("L")
    page = Image.new("L", (image.width * 3, image.height * 3), 255)
    page.paste(image, (image.width, image.height))
    assert decode_frame(page) == []
