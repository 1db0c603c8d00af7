"""Ballot PDFs: real files read back with pypdf and rendered with pypdfium2."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from pypdf import PdfReader

from cocrea_desktop.core.voting.payload import (
    encode_ballot_payload,
    format_serial,
    generate_serials,
)
from cocrea_desktop.export.pdf import ballots as bl
from cocrea_desktop.export.pdf.ballots import (
    BallotKind,
    BallotLayoutError,
    BallotSheetSpec,
    render_ballots_pdf,
    write_ballots_pdf,
)
from cocrea_desktop.export.scan import decode_frame

SECRET = bytes(range(32))
QUESTION = "¿Qué problemas de agua debe atender primero el municipio?"
OPTIONS = [
    (1, "Reparar las fugas de la red de agua potable"),
    (2, "Pozo para la colonia Las Flores"),
    (3, "Limpieza del río y sus arroyos"),
    (4, "Drenaje en la secundaria técnica"),
    (5, "Publicar cada mes la calidad del agua"),
    (6, "Pipas con horario conocido"),
    (7, "Tarifa social"),
    (8, "Comité ciudadano de vigilancia del agua"),
    (9, "Captación de lluvia en escuelas"),
    (10, "Baños dignos en el mercado"),
    (11, "Planta de tratamiento que no funciona"),
    (12, "Talleres en lengua chinanteca (tsa jujmi)"),
]


def make_spec(count: int, **overrides: object) -> BallotSheetSpec:
    serials = generate_serials(count)
    ballots = [
        (s, encode_ballot_payload(process_id="7KQ2", session_id="M3XA", round="F", serial=s,
                                  secret=SECRET))
        for s in serials
    ]
    fields: dict[str, object] = dict(
        process_title="Plan de Acción Local — San Juan Bautista Tuxtepec",
        session_title="Mesa 2: Agua y saneamiento",
        question=QUESTION,
        round_label="Votación final",
        kind=BallotKind.RANKED,
        options=OPTIONS[:8],
        ballots=ballots,
        ranks=5,
        per_page=2,
        paper="letter",
    )
    fields.update(overrides)
    return BallotSheetSpec(**fields)  # type: ignore[arg-type]


def _text(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "b.pdf"
    path.write_bytes(pdf)
    # Words joined by single spaces: wrapped lines read as one text.
    return [" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages]


def test_text_is_extractable(tmp_path: Path) -> None:
    spec = make_spec(4, per_page=1, options=OPTIONS)
    pdf = render_ballots_pdf(spec)
    assert pdf is not None
    pages = _text(pdf, tmp_path)
    assert len(pages) == 4
    everything = "\n".join(pages)
    for serial, _payload in spec.ballots:
        # next to the code and on the stub
        assert everything.count(format_serial(serial)) == 2
    for page in pages:
        assert page.count("Plan de Acción Local") == 1
        assert page.count("Mesa 2: Agua y saneamiento") == 1
        assert page.count("Votación final") == 1
        assert page.count(QUESTION) == 1
        assert page.count("TALÓN PARA USTED") == 1
        assert "Ponga una X en «1.º» junto a la idea más importante para usted" in page
        assert "1.º = la más importante" in page
        for _number, text in OPTIONS:  # every idea whole, never cut
            assert text in page
    assert "chinanteca" in everything


def test_fonts_are_embedded_dejavu(tmp_path: Path) -> None:
    pdf = render_ballots_pdf(make_spec(1, per_page=1))
    assert pdf is not None
    (tmp_path / "b.pdf").write_bytes(pdf)
    reader = PdfReader(str(tmp_path / "b.pdf"))
    fonts = set()
    resources = [reader.pages[0]["/Resources"]]
    resources += [x.get_object()["/Resources"] for x in resources[0]["/XObject"].values()]
    for resource in resources:
        for font in resource.get("/Font", {}).values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]))
            assert "/FontFile2" in font["/FontDescriptor"]  # embedded TrueType subset
    assert fonts and all("DejaVuSans" in name for name in fonts)


@pytest.mark.parametrize("per_page", [1, 2, 4])
@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("kind", list(BallotKind))
def test_every_layout_renders_and_every_code_decodes(per_page: int, paper: str,
                                                     kind: BallotKind) -> None:
    spec = make_spec(per_page, per_page=per_page, paper=paper, kind=kind, dots=5,
                     max_dots_per_option=2,
                     criteria=["Personas afectadas", "Urgencia", "Viable y factible"],
                     options=OPTIONS[: {4: 3, 2: 8, 1: 8}[per_page]],
                     ranks=3 if per_page == 4 else 5)
    if kind is BallotKind.CRITERIA and per_page == 4 and paper == "a4":
        with pytest.raises(BallotLayoutError, match="Imprima menos boletas por hoja"):
            render_ballots_pdf(spec)  # criteria headers need more room: refused, clearly
        return
    pdf = render_ballots_pdf(spec)
    assert pdf is not None
    document = pypdfium2.PdfDocument(pdf)
    assert len(document) == 1
    width, height = document[0].get_size()
    assert (round(width), round(height)) == ((612, 792) if paper == "letter" else (595, 842))
    image = document[0].render(scale=200 / 72, grayscale=True).to_pil()
    texts = sorted(code.text for code in decode_frame(image))
    assert texts == sorted(payload for _serial, payload in spec.ballots)


def test_black_and_white_only() -> None:
    pdf = render_ballots_pdf(make_spec(4))
    assert pdf is not None
    image = pypdfium2.PdfDocument(pdf)[0].render(scale=100 / 72).to_pil().convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20)
    assert colours is not None
    for _count, (r, g, b) in colours:
        assert r == g == b  # no colour, only greys from anti-aliasing


def test_qr_is_at_least_28_mm_and_a_vector_path() -> None:
    spec = make_spec(4)
    pdf = render_ballots_pdf(spec)
    assert pdf is not None
    assert bl.QR_SIDE_MM >= bl.MIN_QR_SIDE_MM and bl.QR_SIDE_MM_LARGE >= bl.MIN_QR_SIDE_MM
    assert b"/Subtype /Image" not in pdf
    codes = []
    for page in pypdfium2.PdfDocument(pdf):
        codes.extend(decode_frame(page.render(scale=300 / 72, grayscale=True).to_pil()))
    # Every code on every page is measured: a loop over none would prove nothing.
    assert sorted(c.text for c in codes) == sorted(payload for _s, payload in spec.ballots)
    for code in codes:
        xs = [p[0] for p in code.position]
        side_mm = (max(xs) - min(xs)) / 300 * 25.4
        assert side_mm >= 28 - 0.5


def test_size_per_ballot_is_small() -> None:
    spec = make_spec(100, per_page=4, options=OPTIONS[:3], ranks=3)
    pdf = render_ballots_pdf(spec)
    assert pdf is not None
    assert len(pdf) / 100 <= 3 * 1024


def test_progress_and_cancel(tmp_path: Path) -> None:
    spec = make_spec(10, per_page=4, options=OPTIONS[:3], ranks=3)
    seen: list[tuple[int, int]] = []
    assert render_ballots_pdf(spec, progress=lambda d, t: seen.append((d, t))) is not None
    assert seen == [(4, 10), (8, 10), (10, 10)]

    calls = {"n": 0}

    def cancel_on_second_page() -> bool:
        calls["n"] += 1
        return calls["n"] >= 2

    target = tmp_path / "boletas.pdf"
    assert write_ballots_pdf(spec, target, cancelled=cancel_on_second_page) is False
    assert not target.exists() and list(tmp_path.iterdir()) == []
    assert write_ballots_pdf(spec, target) is True
    assert target.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["boletas.pdf"]


def test_same_input_same_bytes() -> None:
    spec = make_spec(4)
    assert render_ballots_pdf(spec) == render_ballots_pdf(spec)


def test_too_many_options_for_the_size_is_a_clear_error() -> None:
    many = [(i, "Opción {n}".format(n=i)) for i in range(1, 41)]
    many2 = [(i + 40, text) for i, text in many]
    with pytest.raises(BallotLayoutError) as info:
        render_ballots_pdf(make_spec(4, options=many, per_page=4))
    assert "menos boletas por hoja" in str(info.value)
    assert render_ballots_pdf(make_spec(1, options=many[:25], per_page=1)) is not None
    with pytest.raises(BallotLayoutError) as info:
        render_ballots_pdf(make_spec(1, options=many + many2, per_page=1))
    assert "Use menos opciones" in str(info.value)


@pytest.mark.parametrize(
    "overrides",
    [
        {"per_page": 3},
        {"paper": "legal"},
        {"options": []},
        {"options": [(1, "a"), (1, "b")]},
        {"ranks": 0},
        {"ranks": 13},
        {"kind": BallotKind.DOTS, "dots": 2, "max_dots_per_option": 3},
        {"kind": BallotKind.CRITERIA, "criteria": []},
    ],
)
def test_bad_specs_are_refused(overrides: dict[str, object]) -> None:
    with pytest.raises(BallotLayoutError):
        render_ballots_pdf(make_spec(1, **overrides))


def test_serial_must_match_its_payload() -> None:
    spec = make_spec(2)
    (s1, p1), (s2, p2) = spec.ballots
    bad = make_spec(0, ballots=[(s1, p2)])
    with pytest.raises(BallotLayoutError) as info:
        render_ballots_pdf(bad)
    assert format_serial(s1) in str(info.value)  # as printed: "482-1571"


def test_wrap_text_never_exceeds_width_and_marks_cuts() -> None:
    from cocrea_desktop.export.pdf.fonts import register_fonts, text_width

    fonts = register_fonts()
    text = "Planta de tratamiento de aguas residuales que no funciona desde hace tres años"
    lines = bl.wrap_text(text, fonts.regular, 8, 100, 2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert all(text_width(line, fonts.regular, 8) <= 100 for line in lines)
    assert bl.wrap_text("corto", fonts.regular, 8, 100, 2) == ["corto"]
    long_word = bl.wrap_text("x" * 200, fonts.regular, 8, 50, 3)
    assert len(long_word) == 3 and all(text_width(w, fonts.regular, 8) <= 50 for w in long_word)


LONG_IDEA = ("Que el municipio repare el camino de terracería entre la cabecera y la agencia "
             "antes de las lluvias de junio, con faena")


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_fourteen_long_ideas_fit_one_per_page_whole_with_a_clear_margin(paper, tmp_path):
    options = [(i, f"{LONG_IDEA[:113]} núm {i:02d}") for i in range(1, 15)]
    assert all(len(text) == 120 for _n, text in options)
    spec = make_spec(1, per_page=1, paper=paper, options=options)
    assert bl.fitting_layouts(spec) == [1]
    pdf = render_ballots_pdf(spec)
    page = _text(pdf, tmp_path)[0]
    for _n, text in options:  # every idea's text whole, never cut with "…"
        assert text in page
    assert "…" not in page
    grid = bl.ballot_grid(spec)
    (_tlx, _tly), _tr, (_blx, bly), _br = grid.corners
    lowest = max(y + side / 2 for (x, y, side) in grid.boxes.values())
    # the bottom corner marks' top edge is 2 mm above their centre
    assert bly - 2 - lowest >= bl.GRID_CLEARANCE_MM
    assert len(grid.boxes) == 14 * 5
    # "1.º" is the first column; boxes do not overlap
    assert grid.boxes[(1, 0)][0] < grid.boxes[(1, 4)][0]
    image = pypdfium2.PdfDocument(pdf)[0].render(scale=200 / 72, grayscale=True).to_pil()
    assert [c.text for c in decode_frame(image)] == [spec.ballots[0][1]]


def test_read_aloud_sentence_is_the_one_printed() -> None:
    from cocrea_desktop.core.model import VoteRound
    from cocrea_desktop.core.voting.ballot_wording import read_aloud_for_round

    sentence = read_aloud_for_round(VoteRound(session_id="s", round="final", params={"k": 5}))
    assert sentence == bl.instructions_for(make_spec(1))
    assert sentence.startswith("Ponga una X en «1.º» junto a la idea más importante")
