"""Paper ballots as PDF: 1, 2 or 4 per page, each with its QR code, serial and stub.

Everything a ballot shares with the others of the same vote (titles, question,
instructions, pictogram, options and boxes, fiducial marks, labels) is drawn once into a
PDF form XObject; each ballot then costs one reference to that form, its QR code as one
vector path, and its serial printed twice (next to the code and on the stub). That keeps
500 ballots near half a second and about 1 KiB each.

Black and white only, DejaVu Sans embedded. No Qt.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.core.files import write_temp_beside
from cocrea_desktop.core.voting.ballot_wording import (
    example_explanation,
    most_important_caption,
    place_label,
    read_aloud_sentence,
)
from cocrea_desktop.core.voting.payload import format_serial, is_valid_serial
from cocrea_desktop.export.pdf.fonts import FontNames, register_fonts, text_width
from cocrea_desktop.export.qr_matrix import pdf_path_operators, qr_matrix
from cocrea_desktop.i18n import _

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

MM = 72.0 / 25.4
PAPER_SIZES = {"letter": (612.0, 792.0), "a4": (595.2756, 841.8898)}
BALLOTS_PER_PAGE = (1, 2, 4)
#: Printed side of the QR code (the rule: >= 28 mm, so a 200-dpi scan gives >= 6 px/module).
QR_SIDE_MM = 30.0
QR_SIDE_MM_LARGE = 36.0
MIN_QR_SIDE_MM = 28.0
FIDUCIAL_MM = 4.0
#: Clear space kept around the QR code (about 4 modules of a version-3 code at 30 mm).
QUIET_ZONE_MM = 4.5
#: Clear space between the last row of the grid and the bottom corner marks.
GRID_CLEARANCE_MM = 4.0
MIN_OPTION_TEXT_PT = 7.5
MAX_RANKS = 10
MAX_DOTS = 10
MAX_CRITERIA = 6

ProgressCallback = Callable[[int, int], None]
CancelledCallback = Callable[[], bool]


class BallotKind(str, Enum):
    RANKED = "ranked"  # ranked top-k: k..1 points, one X per row and per column
    DOTS = "dots"  # d dots per person, up to max_per_option on one option
    CRITERIA = "criteria"  # a score per option and criterion


class BallotLayoutError(InvalidInput):
    """The ballots cannot be laid out as asked (too many options for the size, bad values)."""


@dataclass(frozen=True)
class BallotSheetSpec:
    """Everything needed to print the ballots of one vote.

    ``ballots`` pairs each serial with its QR payload (from
    :func:`cocrea_desktop.core.voting.payload.encode_ballot_payload`).
    """

    process_title: str
    session_title: str
    question: str
    round_label: str
    kind: BallotKind
    options: Sequence[tuple[int, str]]
    ballots: Sequence[tuple[str, str]]
    ranks: int = 5  # RANKED: k
    dots: int = 3  # DOTS: dots per person
    max_dots_per_option: int = 1  # DOTS: 1 = no stacking
    criteria: Sequence[str] = ()  # CRITERIA: names, in column order
    score_min: int = 1  # CRITERIA
    score_max: int = 5  # CRITERIA
    per_page: int = 4
    paper: str = "letter"
    #: The options' column title (translated); empty: "Idea".
    option_heading: str = ""


@dataclass
class _Layout:
    """Positions (points, origin at the cell's lower-left corner) of one ballot cell."""

    width: float
    height: float
    scale: float
    qr_x: float = 0.0
    qr_y: float = 0.0
    qr_side: float = 0.0
    serial_x: float = 0.0
    serial_y: float = 0.0
    serial_size: float = 0.0
    stub_serial_x: float = 0.0
    stub_serial_y: float = 0.0
    stub_serial_size: float = 0.0
    static_ops: list[tuple[Any, ...]] = field(default_factory=list)
    #: (option number, column index, x, y, side) of every mark box, cell coordinates.
    boxes: list[tuple[int, int, float, float, float]] = field(default_factory=list)
    fiducials: list[tuple[float, float]] = field(default_factory=list)
    fiducial_side: float = 0.0
    fiducial_top: float = 0.0
    grid_bottom: float = 0.0


# --- public API ------------------------------------------------------------------------------


def render_ballots_pdf(
    spec: BallotSheetSpec,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelledCallback | None = None,
) -> bytes | None:
    """The PDF bytes of every ballot in ``spec``; None if ``cancelled()`` turned true."""
    _validate(spec)
    fonts = register_fonts()
    from reportlab.pdfgen.canvas import Canvas

    page_w, page_h = PAPER_SIZES[spec.paper]
    cells = _cell_origins(page_w, page_h, spec.per_page)
    cell_w, cell_h = _cell_size(page_w, page_h, spec.per_page)
    layout = _plan_layout(spec, fonts, cell_w, cell_h)

    out = io.BytesIO()
    canvas = Canvas(
        out,
        pagesize=(page_w, page_h),
        pageCompression=1,
        invariant=1,
        initialFontName=fonts.regular,
    )
    canvas.setTitle(_("Boletas: {session}").format(session=spec.session_title))
    canvas.setSubject(spec.process_title)
    canvas.setCreator("CoCrea Desktop")
    canvas.beginForm("ballot", 0, 0, cell_w, cell_h)
    _draw_static(canvas, spec, fonts, layout)
    canvas.endForm()

    total = len(spec.ballots)
    serial_font = fonts.bold
    for start in range(0, total, spec.per_page):
        if cancelled is not None and cancelled():
            return None
        _draw_cut_lines(canvas, page_w, page_h, spec.per_page)
        for (serial, payload), (ox, oy) in zip(spec.ballots[start : start + spec.per_page], cells):
            printed = format_serial(serial)
            canvas.saveState()
            canvas.translate(ox, oy)
            canvas.doForm("ballot")
            canvas.restoreState()
            canvas.addLiteral(
                pdf_path_operators(
                    qr_matrix(payload), ox + layout.qr_x, oy + layout.qr_y, layout.qr_side
                )
            )
            canvas.setFont(serial_font, layout.serial_size)
            canvas.drawString(ox + layout.serial_x, oy + layout.serial_y, printed)
            canvas.setFont(serial_font, layout.stub_serial_size)
            canvas.drawRightString(ox + layout.stub_serial_x, oy + layout.stub_serial_y, printed)
        canvas.showPage()
        if progress is not None:
            progress(min(start + spec.per_page, total), total)
    canvas.save()
    return out.getvalue()


@dataclass
class PreparedPdf:
    """A ballots PDF written under a temporary name beside its target and read back.

    :meth:`commit` gives it its name; :meth:`discard` removes it. The serials it holds are
    issued between the two (``export.paper.print_ballots``), so that the register only
    ever holds serials whose PDF exists.
    """

    target: Path
    temp: Path
    sha256: str
    pages: int
    #: The box grid of these ballots (:meth:`BallotGrid.to_json`), for the mark reader.
    layout: str = ""

    def commit(self) -> None:
        os.replace(self.temp, self.target)

    def discard(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.temp)


def prepare_ballots_pdf(
    spec: BallotSheetSpec,
    path: str | os.PathLike[str],
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelledCallback | None = None,
) -> PreparedPdf | None:
    """Render the ballots, write them to a temporary file beside ``path`` and read them back
    (same bytes, a PDF with one page per sheet whose first and last ballots show their
    serials). None, and nothing left on disk, if cancelled; an error if the check fails."""
    data = render_ballots_pdf(spec, progress=progress, cancelled=cancelled)
    if data is None:
        return None
    target = Path(path)
    temp = write_temp_beside(data, target, prefix=".ballots-", suffix=".pdf.tmp")
    prepared = PreparedPdf(target=target, temp=temp,
                           sha256=hashlib.sha256(data).hexdigest(), pages=0)
    try:
        prepared.layout = ballot_grid(spec).to_json()
        prepared.pages = _read_back(spec, prepared)
    except BaseException:
        prepared.discard()
        raise
    return prepared


def _read_back(spec: BallotSheetSpec, prepared: PreparedPdf) -> int:
    """Check the file on disk; return its page count."""
    from pypdf import PdfReader

    failed = InvalidInput(_("El PDF de las boletas no se pudo leer después de escribirlo; no "
                            "se emitió ningún folio. Pruebe en otra carpeta."))
    data = prepared.temp.read_bytes()
    if hashlib.sha256(data).hexdigest() != prepared.sha256:
        raise failed
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = len(reader.pages)
        expected = -(-len(spec.ballots) // spec.per_page)
        if pages != expected:
            raise failed
        if spec.ballots:
            for index in sorted({0, pages - 1}):
                text = reader.pages[index].extract_text() or ""
                first = index * spec.per_page
                serials = spec.ballots[first : first + spec.per_page]
                if any(format_serial(serial) not in text for serial, _p in serials):
                    raise failed
    except InvalidInput:
        raise
    except Exception as err:  # pypdf's own errors: the file is not a readable PDF
        raise failed from err
    return pages


def write_ballots_pdf(
    spec: BallotSheetSpec,
    path: str | os.PathLike[str],
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelledCallback | None = None,
) -> bool:
    """Write the ballots PDF to ``path`` atomically; False (nothing written) if cancelled."""
    prepared = prepare_ballots_pdf(spec, path, progress=progress, cancelled=cancelled)
    if prepared is None:
        return False
    prepared.commit()
    return True


def instructions_for(spec: BallotSheetSpec) -> str:
    """The sentence read aloud and printed on the ballot (the same the projector shows)."""
    return read_aloud_sentence(spec.kind.value, ranks=spec.ranks, dots=spec.dots,
                               max_per_option=spec.max_dots_per_option,
                               score_min=spec.score_min, score_max=spec.score_max)


@dataclass(frozen=True)
class BallotGrid:
    """Where the mark boxes of one ballot are, for reading the marks by machine.

    Millimetres, origin at the centre of the top-left corner mark, x to the right, y down;
    ``corners`` are the centres of the four corner marks (top-left, top-right,
    bottom-left, bottom-right), ``boxes`` maps (option number, column) to the box's
    centre and side. Column 0 is "1.º" on a ranked ballot. ``qr`` is the centre and side
    of the QR code, ``mark_side`` the side of a corner mark, ``circles`` says whether the
    boxes are drawn as circles (dots ballots).
    """

    corners: tuple[tuple[float, float], ...]
    boxes: dict[tuple[int, int], tuple[float, float, float]]
    qr: tuple[float, float, float] = (0.0, 0.0, 0.0)
    mark_side: float = FIDUCIAL_MM
    circles: bool = False

    def to_json(self) -> str:
        """Compact, canonical JSON (the same grid gives the same text), kept in the register."""
        import json

        return json.dumps({"corners": self.corners, "qr": self.qr,
                           "mark_side": self.mark_side, "circles": self.circles,
                           "boxes": [[n, c, *v] for (n, c), v in sorted(self.boxes.items())]},
                          separators=(",", ":"), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> BallotGrid:
        import json

        data = json.loads(text)
        return cls(corners=tuple((float(x), float(y)) for x, y in data["corners"]),
                   boxes={(int(b[0]), int(b[1])): (float(b[2]), float(b[3]), float(b[4]))
                          for b in data["boxes"]},
                   qr=tuple(float(v) for v in data["qr"]),  # type: ignore[arg-type]
                   mark_side=float(data["mark_side"]), circles=bool(data["circles"]))


def ballot_grid(spec: BallotSheetSpec) -> BallotGrid:
    """The box layout of ``spec``'s ballots, derived as they are printed."""
    _validate(spec)
    page_w, page_h = PAPER_SIZES[spec.paper]
    cell_w, cell_h = _cell_size(page_w, page_h, spec.per_page)
    lay = _plan_layout(spec, register_fonts(), cell_w, cell_h)
    half = lay.fiducial_side / 2
    ox, oy = lay.fiducials[0][0] + half, lay.fiducials[0][1] + half

    def mm(x: float, y: float) -> tuple[float, float]:
        return round((x - ox) / MM, 2), round((oy - y) / MM, 2)

    corners = tuple(mm(fx + half, fy + half) for fx, fy in lay.fiducials)
    boxes = {(number, col): mm(x + side / 2, y + side / 2) + (round(side / MM, 2),)
             for number, col, x, y, side in lay.boxes}
    qr = mm(lay.qr_x + lay.qr_side / 2, lay.qr_y + lay.qr_side / 2) + (
        round(lay.qr_side / MM, 2),)
    return BallotGrid(corners=corners, boxes=boxes, qr=qr,
                      mark_side=round(lay.fiducial_side / MM, 2),
                      circles=spec.kind is BallotKind.DOTS)


# --- validation and geometry -----------------------------------------------------------------


def validate_spec(spec: BallotSheetSpec) -> None:
    """Raise BallotLayoutError when the spec cannot be printed (before issuing serials):
    bad values, or options that do not fit the ballot size."""
    _validate(spec)
    page_w, page_h = PAPER_SIZES[spec.paper]
    cell_w, cell_h = _cell_size(page_w, page_h, spec.per_page)
    _plan_layout(spec, register_fonts(), cell_w, cell_h)


def fitting_layouts(spec: BallotSheetSpec) -> list[int]:
    """The numbers of ballots per sheet (of 4, 2, 1) whose layout fits the options."""
    fits = []
    for per_page in sorted(BALLOTS_PER_PAGE, reverse=True):
        try:
            validate_spec(replace(spec, per_page=per_page, ballots=()))
        except BallotLayoutError:
            continue
        fits.append(per_page)
    return fits


def best_per_page(spec: BallotSheetSpec) -> int:
    """The most ballots per sheet that fit; raise the one-per-sheet error if none does."""
    fits = fitting_layouts(spec)
    if not fits:
        validate_spec(replace(spec, per_page=1, ballots=()))
    return fits[0]


def _validate(spec: BallotSheetSpec) -> None:
    if spec.per_page not in BALLOTS_PER_PAGE:
        raise BallotLayoutError(_("Se pueden imprimir 1, 2 o 4 boletas por hoja."))
    if spec.paper not in PAPER_SIZES:
        raise BallotLayoutError(_("El tamaño de papel debe ser carta o A4."))
    if not spec.options:
        raise BallotLayoutError(_("La boleta no tiene opciones."))
    numbers = [number for number, _text in spec.options]
    if len(set(numbers)) != len(numbers):
        raise BallotLayoutError(_("Dos opciones tienen el mismo número."))
    if spec.kind is BallotKind.RANKED and not 1 <= spec.ranks <= min(MAX_RANKS, len(numbers)):
        raise BallotLayoutError(
            _("El número de ideas a elegir debe estar entre 1 y {most}.").format(
                most=min(MAX_RANKS, len(numbers))
            )
        )
    if spec.kind is BallotKind.DOTS and not (
        1 <= spec.dots <= MAX_DOTS and 1 <= spec.max_dots_per_option <= spec.dots
    ):
        raise BallotLayoutError(_("El número de puntos por persona no es válido."))
    if spec.kind is BallotKind.CRITERIA and not (
        1 <= len(spec.criteria) <= MAX_CRITERIA and 0 <= spec.score_min < spec.score_max <= 9
    ):
        raise BallotLayoutError(
            _("La boleta por criterios necesita de 1 a {most} criterios.").format(
                most=MAX_CRITERIA
            )
        )
    for serial, payload in spec.ballots:
        fields = payload.split(" ")
        if not is_valid_serial(serial) or len(fields) < 5 or fields[4] != serial:
            raise BallotLayoutError(
                _("El folio {serial} no corresponde a su código QR.").format(
                    serial=format_serial(serial)
                )
            )


def _cell_size(page_w: float, page_h: float, per_page: int) -> tuple[float, float]:
    if per_page == 1:
        return page_w, page_h
    if per_page == 2:
        return page_w, page_h / 2
    return page_w / 2, page_h / 2


def _cell_origins(page_w: float, page_h: float, per_page: int) -> list[tuple[float, float]]:
    """Lower-left corners of the cells, in reading order (left to right, top to bottom)."""
    cell_w, cell_h = _cell_size(page_w, page_h, per_page)
    if per_page == 1:
        return [(0.0, 0.0)]
    if per_page == 2:
        return [(0.0, cell_h), (0.0, 0.0)]
    return [(0.0, cell_h), (cell_w, cell_h), (0.0, 0.0), (cell_w, 0.0)]


def _draw_cut_lines(canvas: Canvas, page_w: float, page_h: float, per_page: int) -> None:
    if per_page == 1:
        return
    ops = ["q 0 G 0.4 w [3 3] 0 d"]
    ops.append("0 {y:.2f} m {w:.2f} {y:.2f} l S".format(y=page_h / 2, w=page_w))
    if per_page == 4:
        ops.append("{x:.2f} 0 m {x:.2f} {h:.2f} l S".format(x=page_w / 2, h=page_h))
    ops.append("Q")
    canvas.addLiteral("\n".join(ops))


def wrap_text(text: str, font: str, size: float, width: float, max_lines: int) -> list[str]:
    """Greedy word wrap into at most ``max_lines`` lines; the last ends in "…" if cut."""
    words = text.split()
    lines: list[str] = []
    current = ""
    index = 0
    while index < len(words):
        word = words[index]
        candidate = word if not current else current + " " + word
        if text_width(candidate, font, size) <= width:
            current = candidate
            index += 1
            continue
        if not current:  # a single word wider than the line: cut it
            cut = len(word)
            while cut > 1 and text_width(word[:cut], font, size) > width:
                cut -= 1
            lines.append(word[:cut])
            words[index] = word[cut:]
        else:
            lines.append(current)
            current = ""
        if len(lines) == max_lines:
            break
    if current and len(lines) < max_lines:
        lines.append(current)
        index = len(words)
    if index < len(words) or (len(lines) == max_lines and current and lines[-1] != current):
        last = lines[-1] if lines else ""
        while last and text_width(last + "…", font, size) > width:
            last = last[:-1].rstrip()
        lines[-1:] = [last + "…"]
    return lines


def _plan_layout(spec: BallotSheetSpec, fonts: FontNames, cell_w: float, cell_h: float) -> _Layout:
    """Place every part of one ballot in its cell; at one per page, large type if it fits."""
    if spec.per_page == 1:
        try:
            return _plan_layout_at(spec, fonts, cell_w, cell_h, large=True)
        except BallotLayoutError:
            pass
    return _plan_layout_at(spec, fonts, cell_w, cell_h, large=False)


def _plan_layout_at(
    spec: BallotSheetSpec, fonts: FontNames, cell_w: float, cell_h: float, *, large: bool
) -> _Layout:
    """Place every part of one ballot in its cell, top to bottom; raise if the options don't fit."""
    s = 1.35 if large else 1.0
    lay = _Layout(width=cell_w, height=cell_h, scale=s)
    margin = 5.5 * MM
    fid = FIDUCIAL_MM * MM
    inset = fid + 2 * MM
    quiet = QUIET_ZONE_MM * MM
    ops = lay.static_ops
    bold, regular = fonts.bold, fonts.regular

    # Stub (bottom) and tear line.
    stub_h = 12 * MM * s
    stub_bottom = margin
    tear_y = stub_bottom + stub_h
    lay.stub_serial_size = 15 * s
    lay.stub_serial_x = cell_w - margin
    lay.stub_serial_y = stub_bottom + 0.5 * MM
    stub_text_w = (
        lay.stub_serial_x - text_width("000-0000", bold, lay.stub_serial_size) - margin - 4 * MM
    )
    ops.append(("tear", tear_y, margin))
    ops.append(("text", bold, 8 * s, margin, tear_y - 5 * MM * s, _("TALÓN PARA USTED")))
    stub_lines = wrap_text(
        _("Guarde este talón: con su folio compruebe que su boleta se contó. Su voto es "
          "secreto."),
        regular, 6.5 * s, stub_text_w, 2,
    )
    for i, line in enumerate(stub_lines):
        ops.append(("text", regular, 6.5 * s, margin, tear_y - (8 + 2.8 * i) * MM * s, line))
    ops.append(("rtext", regular, 7 * s, lay.stub_serial_x,
                lay.stub_serial_y + lay.stub_serial_size * 0.8 + 1.5, _("Folio")))

    # Ballot area with its four fiducial squares; content runs between them.
    area_left, area_right = margin, cell_w - margin
    area_bottom, area_top = tear_y + 2.5 * MM, cell_h - margin
    for fx, fy in ((area_left, area_top - fid), (area_right - fid, area_top - fid),
                   (area_left, area_bottom), (area_right - fid, area_bottom)):
        ops.append(("square", fx, fy, fid))
    left, right = area_left + inset, area_right - inset
    top, bottom = area_top, area_bottom

    # QR code (top right, a quiet zone clear of the fiducial) with the serial under it.
    qr_side = (QR_SIDE_MM_LARGE if large else QR_SIDE_MM) * MM
    lay.qr_side = qr_side
    lay.qr_x = area_right - fid - quiet - qr_side
    lay.qr_y = top - qr_side
    lay.serial_size = 11 * s
    serial_w = text_width("000-0000", bold, lay.serial_size)
    label_w = text_width(_("Folio") + " ", regular, 7 * s)
    lay.serial_x = lay.qr_x + qr_side / 2 - (serial_w - label_w) / 2
    lay.serial_y = lay.qr_y - quiet * 0.8 - lay.serial_size * 0.73
    ops.append(("text", regular, 7 * s, lay.serial_x - label_w, lay.serial_y, _("Folio")))
    qr_block_bottom = lay.serial_y - 1.2 * MM

    # Beside the code: titles, the round, the question.
    col_w = lay.qr_x - quiet - left
    y = top
    for text in (spec.process_title, spec.session_title):
        size = 7 * s
        for line in wrap_text(text, regular, size, col_w, 1):
            y -= size * 1.12
            ops.append(("text", regular, size, left, y, line))
    round_size = 9 * s
    round_text = wrap_text(spec.round_label, bold, round_size, col_w - 3 * MM, 1)[0]
    y -= round_size * 1.6
    ops.append(("label", bold, round_size, left, y, round_text))
    y -= 1.2 * MM
    q_size, q_lines = _fit_text(spec.question, bold, (10.5 * s, 9.5 * s, 8.5 * s, 7.5 * s),
                                col_w, 4, y - qr_block_bottom)
    for line in q_lines:
        y -= q_size * 1.12
        ops.append(("text", bold, q_size, left, y, line))
    y -= 1.5 * MM

    # The sentence read aloud, in large bold type, and a filled-in example beside what it
    # shows: in the column beside the code when it is wide (2 or 1 per sheet), else below.
    beside = col_w >= 90 * MM
    if not beside:
        y = min(y, qr_block_bottom)
    block_w = col_w if beside else right - left
    sentence = read_aloud_sentence(spec.kind.value, ranks=spec.ranks, dots=spec.dots,
                                   max_per_option=spec.max_dots_per_option,
                                   score_min=spec.score_min, score_max=spec.score_max)
    sent_size, sent_lines = _fit_text(sentence, bold, (11 * s, 10 * s, 9 * s, 8.5 * s),
                                      block_w, 3, 40 * MM)
    for line in sent_lines:
        y -= sent_size * 1.18
        ops.append(("text", bold, sent_size, left, y, line))
    y -= 1.8 * MM
    columns = _grid_columns(spec)
    ex_cell = 3.8 * MM * s
    ex_cols = _example_columns(spec)
    ex_w = ex_cell * (1.4 + len(ex_cols))
    ex_h = ex_cell * 4
    ex_text_w = block_w - ex_w - 3 * MM
    ex_size, ex_lines = _fit_text(
        example_explanation(spec.kind.value, ranks=spec.ranks, dots=spec.dots), regular,
        (8.5 * s, 8 * s, 7.5 * s, 7 * s), ex_text_w, 6, ex_h * 1.25)
    block_h = max(ex_h, len(ex_lines) * ex_size * 1.15)
    ops.append(("example", spec.kind, left, y - ex_h, ex_cell, ex_cols))
    ty = y
    for line in ex_lines:
        ty -= ex_size * 1.15
        ops.append(("text", regular, ex_size, left + ex_w + 3 * MM, ty + 1, line))
    y -= block_h + 2.5 * MM
    y = min(y, qr_block_bottom)
    full_w = right - left

    # The grid: header row, then one row per option, every text whole (wrapped).
    n_cols = len(columns)
    box = 5.2 * MM * s
    col_step = box + 2.2 * MM * s
    if spec.kind is BallotKind.CRITERIA:
        col_step = max(col_step, min(16 * MM * s, full_w * 0.55 / n_cols))
    caption_size = 8.5 * s
    header_h = (10 if spec.kind is BallotKind.CRITERIA else 6.5) * MM * s
    # A clear margin between the last row and the bottom corner marks.
    grid_bottom = bottom + fid + GRID_CLEARANCE_MM * MM
    grid_right = right
    boxes_left = grid_right - n_cols * col_step
    num_w = 10 * MM * s
    text_left = left + num_w
    text_w = boxes_left - text_left - 2 * MM
    room = y - header_h - grid_bottom
    min_row = box + 1.4 * MM
    plan = None
    for opt_size in (11 * s, 10.5 * s, 10 * s, 9.5 * s, 9 * s, 8.5 * s, 8 * s,
                     MIN_OPTION_TEXT_PT * s):
        wrapped = [wrap_text(text, regular, opt_size, text_w, 99) for _n, text in spec.options]
        heights = [max(min_row, len(lines) * opt_size * 1.16 + 1.8 * MM) for lines in wrapped]
        if sum(heights) <= room and all(not ls[-1].endswith("…") for ls in wrapped):
            plan = (opt_size, wrapped, heights)
            break
    if plan is None or text_w < 25 * MM:
        rows = len(spec.options)
        if spec.per_page > 1:
            message = _(
                "No caben {count} opciones en una boleta de este tamaño. Imprima menos "
                "boletas por hoja."
            )
        else:
            message = _("No caben {count} opciones en una boleta. Use menos opciones.")
        raise BallotLayoutError(message.format(count=rows))
    opt_size, wrapped, heights = plan
    # Spare room goes to the rows (up to 14 mm each), never below the clearance.
    spare = room - sum(heights)
    grow = min(spare / len(heights), 14 * MM * s - min(heights)) if heights else 0
    if grow > 0:
        heights = [h + grow for h in heights]

    # Header.
    hy = y - header_h
    caption = {BallotKind.RANKED: most_important_caption(), BallotKind.DOTS: _("Sus puntos"),
               BallotKind.CRITERIA: _("Criterios")}[spec.kind]
    ops.append(("text", bold, 9 * s, left, hy + 1.5 * MM, spec.option_heading or _("Idea")))
    if spec.kind is BallotKind.CRITERIA:
        ops.append(("ctext", bold, caption_size, (boxes_left + grid_right) / 2,
                    y - caption_size * 0.9, caption))
    else:  # on the header row, just left of the columns it explains
        ops.append(("rtext", bold, caption_size, boxes_left - 1.5 * MM, hy + 1.5 * MM,
                    caption + " →"))
    for i, label in enumerate(columns):
        cx = boxes_left + (i + 0.5) * col_step
        if spec.kind is BallotKind.CRITERIA:
            lines = wrap_text(label, regular, 6 * s, col_step - 1 * MM, 3)
            for j, line in enumerate(lines):
                ops.append(("ctext", regular, 6 * s, cx,
                            hy + 1 * MM + (len(lines) - 1 - j) * 6.6 * s, line))
        else:
            ops.append(("ctext", bold, 11 * s, cx, hy + 1.4 * MM, label))
    ops.append(("hline", left, grid_right, hy, 0.9))

    # Rows.
    num_size = 15 * s
    ry = hy
    for (number, _text), lines, row_h in zip(spec.options, wrapped, heights):
        ry -= row_h
        mid = ry + row_h / 2
        ops.append(("rtext", bold, num_size, left + num_w - 2.5 * MM, mid - num_size * 0.36,
                    str(number)))
        block = len(lines) * opt_size * 1.16
        ty = mid + block / 2 - opt_size * 0.9
        for j, line in enumerate(lines):
            ops.append(("text", regular, opt_size, text_left, ty - j * opt_size * 1.16, line))
        for i in range(n_cols):
            cx = boxes_left + (i + 0.5) * col_step
            if spec.kind is BallotKind.DOTS:
                ops.append(("circle", cx, mid, box / 2))
            else:
                ops.append(("box", cx - box / 2, mid - box / 2, box))
            lay.boxes.append((number, i, cx - box / 2, mid - box / 2, box))
        ops.append(("hline", left, grid_right, ry, 0.3))
    lay.grid_bottom = ry
    lay.fiducial_top = bottom + fid
    lay.fiducials = [(area_left, area_top - fid), (area_right - fid, area_top - fid),
                     (area_left, area_bottom), (area_right - fid, area_bottom)]
    lay.fiducial_side = fid
    return lay


def _fit_text(text: str, font: str, sizes: Sequence[float], width: float, max_lines: int,
              height: float) -> tuple[float, list[str]]:
    """The largest of ``sizes`` at which ``text`` wraps whole into ``max_lines`` and
    ``height``; else the smallest size, cut with "…"."""
    for size in sizes:
        lines = wrap_text(text, font, size, width, max_lines)
        if not lines[-1].endswith("…") and len(lines) * size * 1.12 <= height:
            return size, lines
    return sizes[-1], wrap_text(text, font, sizes[-1], width, max_lines)


def _grid_columns(spec: BallotSheetSpec) -> list[str]:
    if spec.kind is BallotKind.RANKED:
        return [place_label(place) for place in range(1, spec.ranks + 1)]
    if spec.kind is BallotKind.DOTS:
        return ["" for _i in range(spec.max_dots_per_option)]
    return list(spec.criteria)


# --- drawing the static part (once per PDF) --------------------------------------------------


def _draw_static(canvas: Canvas, spec: BallotSheetSpec, fonts: FontNames, lay: _Layout) -> None:
    c = canvas
    c.setFillGray(0)
    c.setStrokeGray(0)
    boxes: list[str] = []
    circles: list[tuple[float, float, float]] = []
    for op in lay.static_ops:
        kind = op[0]
        if kind == "text":
            _font, size, x, y, text = op[1:]
            c.setFont(_font, size)
            c.drawString(x, y, text)
        elif kind == "rtext":
            _font, size, x, y, text = op[1:]
            c.setFont(_font, size)
            c.drawRightString(x, y, text)
        elif kind == "ctext":
            _font, size, x, y, text = op[1:]
            c.setFont(_font, size)
            c.drawCentredString(x, y, text)
        elif kind == "label":  # white text on a black band
            _font, size, x, y, text = op[1:]
            w = text_width(text, _font, size)
            c.roundRect(x, y - size * 0.3, w + 3 * MM, size * 1.3, 1.2 * MM,
                        stroke=0, fill=1)
            c.setFillGray(1)
            c.setFont(_font, size)
            c.drawString(x + 1.5 * MM, y, text)
            c.setFillGray(0)
        elif kind == "square":
            x, y, side = op[1:]
            c.addLiteral(f"{x:.2f} {y:.2f} {side:.2f} {side:.2f} re f")
        elif kind == "box":
            x, y, side = op[1:]
            boxes.append(f"{x:.2f} {y:.2f} {side:.2f} {side:.2f} re")
        elif kind == "circle":
            circles.append(op[1:])
        elif kind == "hline":
            x0, x1, y, width = op[1:]
            c.setLineWidth(width)
            c.line(x0, y, x1, y)
        elif kind == "tear":
            y, margin = op[1:]
            c.saveState()
            c.setLineWidth(0.8)
            c.setDash(4, 3)
            c.line(margin + 5 * MM, y, lay.width - margin, y)
            c.restoreState()
            c.setFont(fonts.regular, 11)
            c.drawString(margin, y - 3.8, "✂")
        elif kind == "example":
            _kind, x, y, cell, columns = op[1:]
            _draw_example(c, _kind, x, y, cell, columns, fonts)
    if boxes:
        c.addLiteral("q 1.1 w\n" + "\n".join(boxes) + "\nS Q")
    if circles:
        c.setLineWidth(1.1)
        path = c.beginPath()
        for cx, cy, radius in circles:
            path.circle(cx, cy, radius)
        c.drawPath(path, stroke=1, fill=0)


def _example_columns(spec: BallotSheetSpec) -> list[str]:
    if spec.kind is BallotKind.RANKED:
        return [place_label(p) for p in range(1, min(3, spec.ranks) + 1)]
    if spec.kind is BallotKind.DOTS:
        return ["", ""] if spec.max_dots_per_option > 1 else [""]
    return [c[:3] for c in list(spec.criteria)[:2]]


def _draw_example(c: Canvas, kind: BallotKind, x: float, y: float, cell: float,
                  columns: list[str], fonts: FontNames) -> None:
    """A small ballot filled in as a person would, with made-up ideas A, B and C: letters,
    so that no real idea of the ballot looks already chosen."""
    c.saveState()
    rows = ("A", "B", "C")
    width = cell * (1.4 + len(columns))
    c.setLineWidth(0.6)
    c.rect(x, y, width, cell * 4, stroke=1, fill=0)
    c.setFont(fonts.bold, cell * 0.5)
    for i, label in enumerate(columns):
        c.drawCentredString(x + cell * (1.9 + i), y + cell * 3.3, label)
    for r, number in enumerate(rows):
        cy = y + cell * (2.5 - r)
        c.setFont(fonts.bold, cell * 0.6)
        c.drawRightString(x + cell * 1.1, cy - cell * 0.2, number)
        for i in range(len(columns)):
            cx = x + cell * (1.9 + i)
            half = cell * 0.34
            if kind is BallotKind.DOTS:
                filled = (r == 0) or (r == 1 and i == 0)
                c.circle(cx, cy, half, stroke=1, fill=1 if filled else 0)
                continue
            c.setLineWidth(0.6)
            c.rect(cx - half, cy - half, 2 * half, 2 * half, stroke=1, fill=0)
            if kind is BallotKind.RANKED and i == r:
                c.setLineWidth(1.4)
                c.line(cx - half * 0.8, cy - half * 0.8, cx + half * 0.8, cy + half * 0.8)
                c.line(cx - half * 0.8, cy + half * 0.8, cx + half * 0.8, cy - half * 0.8)
            elif kind is BallotKind.CRITERIA and r == 0:
                c.setFont(fonts.bold, cell * 0.55)
                c.drawCentredString(cx, cy - cell * 0.2, ("5", "2")[i % 2])
    c.restoreState()
