"""Reading the marks of paper ballots from a page image (scanner, PDF of a scan, webcam).

For every ballot QR code on the page (1, 2 or 4 ballots per sheet): the code gives the
serial; the register gives the box grid the ballot was printed with
(:class:`~cocrea_desktop.export.pdf.ballots.BallotGrid`, recorded at print time); the code's
corners give a first estimate of where the four corner marks are; the marks found near
there give the exact perspective (OpenCV), and the page is straightened into a crop at
:data:`PX_PER_MM`. Each box's inner area is then measured (NumPy): its mean darkness and
the share of its pixels as dark as ink, both relative to the page's own paper and the
printed corner marks' ink.

A box is filled, empty or doubtful (a faint mark, a mark too small to be sure, a box
filled solid among crosses: a correction?). A ballot with a doubtful box, with marks
that break the rules (an idea in two places, a place used twice, more dots than allowed),
blank, or whose corner marks were not found goes to review: nothing doubtful is ever
counted without a person. No Qt here.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from cocrea_desktop.core.changes import said
from cocrea_desktop.export.pdf.ballots import BallotGrid, BallotKind
from cocrea_desktop.i18n import N_, _

if TYPE_CHECKING:
    from cocrea_desktop.export.scan import DecodedCode
    from cocrea_desktop.store.repo import Repo

#: Resolution of the straightened crop (8 px/mm is about 203 dpi).
PX_PER_MM = 8.0
#: Margin kept around the corner marks in the crop, millimetres.
CROP_MARGIN_MM = 5.0
#: How far from its expected place a corner mark is looked for, millimetres.
SEARCH_MM = 7.0
#: Clearance between a box's printed outline and the measured inner area, millimetres.
INNER_INSET_MM = 0.9

EMPTY = "empty"
FILLED = "filled"
DOUBTFUL = "doubtful"

#: Pixel darkness (0 paper .. 1 printed ink) from which a pixel counts as ink.
INK_PIXEL = 0.45
#: Share of ink pixels: below EMPTY_INK with little darkness, a box is empty; from
#: FILLED_INK on (with FILLED_MEAN of mean darkness), it holds a mark.
EMPTY_INK = 0.02
EMPTY_MEAN = 0.05
FILLED_INK = 0.08
FILLED_MEAN = 0.07
#: A box this full of ink is filled solid (a valid mark alone; among crosses, a correction?).
SOLID_INK = 0.80
#: A circle filled solid whose surroundings hold this share of ink was scribbled over.
SPILL_INK = 0.25
#: A mark with less ink than this is a stroke (a cross, a tick), not a filled box.
STROKE_INK = 0.55


@dataclass(frozen=True)
class BoxReading:
    """One box as measured: its state, darkness, share of ink pixels, confidence 0..1."""

    option: int
    column: int
    state: str
    darkness: float
    ink: float
    confidence: float
    solid: bool = False


@dataclass
class BallotReading:
    """What the reader made of one ballot on a page.

    ``entry`` is the line a facilitator would type for the marks read as filled (the
    format :meth:`VoteStore.enter_ballot` accepts). ``review`` is true when a person must
    look (``reasons`` say why, in Spanish); ``ready`` when the register says the ballot can
    be entered at all. ``crop`` is the straightened ballot (grayscale, :data:`PX_PER_MM`,
    origin :data:`CROP_MARGIN_MM` before the top-left corner mark).
    """

    source: str
    page: int
    serial: str
    payload: str
    status: str  # the register's outcome kind (READY, DUPLICATE, ...), or "unread"
    message: str
    boxes: list[BoxReading] = field(default_factory=list)
    entry: str = ""
    review: bool = True
    reasons: list[str] = field(default_factory=list)
    confidence: float = 0.0
    crop: np.ndarray | None = None
    grid: BallotGrid | None = None

    @property
    def ready(self) -> bool:
        from cocrea_desktop.store.register import READY

        return self.status == READY

    @property
    def sure(self) -> bool:
        """Ready to enter as read, with no doubt at all."""
        return self.ready and not self.review

    def states(self) -> dict[tuple[int, int], str]:
        return {(b.option, b.column): b.state for b in self.boxes}

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "page": self.page + 1, "serial": self.serial,
                "status": self.status, "message": self.message, "entry": self.entry,
                "review": self.review, "reasons": list(self.reasons),
                "confidence": round(self.confidence, 3),
                "boxes": [{"option": b.option, "column": b.column, "state": b.state,
                           "darkness": round(b.darkness, 3), "ink": round(b.ink, 3),
                           "confidence": round(b.confidence, 3)} for b in self.boxes]}


@dataclass(frozen=True)
class MarkRule:
    """What the marks of a ballot may be: ranked (one mark per row and per column, column
    i worth ``columns - i`` points) or dots (up to ``dots`` filled boxes in all)."""

    kind: BallotKind
    columns: int
    dots: int = 0


# --- geometry --------------------------------------------------------------------------------


def _gray(image: Any) -> np.ndarray:
    """A 2-D uint8 array from a PIL image or a numpy array (gray, BGR or BGRA)."""
    if not isinstance(image, np.ndarray):
        image = np.asarray(image.convert("L"))
    if image.ndim == 3:
        import cv2

        code = cv2.COLOR_BGRA2GRAY if image.shape[2] == 4 else cv2.COLOR_BGR2GRAY
        image = cv2.cvtColor(image, code)
    if image.dtype != np.uint8:
        image = np.clip(image, 0, 255).astype(np.uint8)
    return image


def _qr_corners_mm(grid: BallotGrid) -> np.ndarray:
    cx, cy, side = grid.qr
    h = side / 2
    # top-left, top-right, bottom-right, bottom-left: the decoder's order
    return np.float32([(cx - h, cy - h), (cx + h, cy - h), (cx + h, cy + h), (cx - h, cy + h)])


def _find_mark(gray: np.ndarray, centre: np.ndarray, px_mm: float, side_mm: float
               ) -> tuple[float, float] | None:
    """The centre of the filled square nearest ``centre`` (pixels), or None."""
    import cv2

    r = int(round(SEARCH_MM * px_mm))
    x0, y0 = int(centre[0]) - r, int(centre[1]) - r
    x1, y1 = x0 + 2 * r, y0 + 2 * r
    h, w = gray.shape
    cx0, cy0, cx1, cy1 = max(0, x0), max(0, y0), min(w, x1), min(h, y1)
    if cx1 - cx0 < r or cy1 - cy0 < r:
        return None
    window = gray[cy0:cy1, cx0:cx1]
    _t, binary = cv2.threshold(window, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, _labels, stats, centroids = cv2.connectedComponentsWithStats(binary, connectivity=8)
    expected = (side_mm * px_mm) ** 2
    best, best_d = None, None
    for i in range(1, count):
        bw, bh, area = stats[i, 2], stats[i, 3], stats[i, 4]
        if not 0.45 * expected <= area <= 1.9 * expected:
            continue
        if not 0.6 <= bw / max(bh, 1) <= 1.6 or area < 0.72 * bw * bh:
            continue
        px, py = centroids[i][0] + cx0, centroids[i][1] + cy0
        d = (px - centre[0]) ** 2 + (py - centre[1]) ** 2
        if best_d is None or d < best_d:
            best, best_d = (float(px), float(py)), d
    return best


def straighten(gray: np.ndarray, qr_corners: Iterable[tuple[float, float]], grid: BallotGrid
               ) -> tuple[np.ndarray, float] | None:
    """The ballot straightened into a crop at :data:`PX_PER_MM`, and how far (mm) the
    QR code lies from where the corner marks put it; None when a corner mark is missing."""
    import cv2

    qr_px = np.float32(list(qr_corners))
    qr_mm = _qr_corners_mm(grid)
    affine, _inliers = cv2.estimateAffine2D(qr_mm, qr_px)
    if affine is None:
        return None
    px_mm = float(np.sqrt(abs(np.linalg.det(affine[:, :2]))))
    corners_mm = np.float32(grid.corners)
    expected = cv2.transform(corners_mm[None], affine)[0]
    found = []
    for point in expected:
        mark = _find_mark(gray, point, px_mm, grid.mark_side)
        if mark is None:
            return None
        found.append(mark)
    homography = cv2.getPerspectiveTransform(corners_mm, np.float32(found))
    # How well the corner marks agree with the code: the code's corners mapped back.
    back = cv2.perspectiveTransform(qr_px[None], np.linalg.inv(homography))[0]
    misfit = float(np.max(np.linalg.norm(back - qr_mm, axis=1)))
    width = grid.corners[3][0] + 2 * CROP_MARGIN_MM
    height = grid.corners[3][1] + 2 * CROP_MARGIN_MM
    scale = np.float64([[PX_PER_MM, 0, CROP_MARGIN_MM * PX_PER_MM],
                        [0, PX_PER_MM, CROP_MARGIN_MM * PX_PER_MM], [0, 0, 1]])
    to_crop = scale @ np.linalg.inv(homography)
    crop = cv2.warpPerspective(gray, to_crop, (int(width * PX_PER_MM), int(height * PX_PER_MM)),
                               flags=cv2.INTER_LINEAR, borderValue=255)
    return crop, misfit


# --- measuring -------------------------------------------------------------------------------


def _to_crop(x_mm: float, y_mm: float) -> tuple[float, float]:
    return (x_mm + CROP_MARGIN_MM) * PX_PER_MM, (y_mm + CROP_MARGIN_MM) * PX_PER_MM


def paper_and_ink(crop: np.ndarray, grid: BallotGrid) -> tuple[float, float]:
    """The page's own paper level (bright percentile) and ink level (the printed marks)."""
    counts = np.bincount(crop[::3, ::3].ravel(), minlength=256)  # a percentile, in O(n)
    paper = float(np.searchsorted(np.cumsum(counts), 0.9 * counts.sum()))
    half = max(1, int(grid.mark_side * PX_PER_MM * 0.3))
    inks = []
    for x, y in grid.corners:
        cx, cy = (int(round(v)) for v in _to_crop(x, y))
        inks.append(np.median(crop[cy - half:cy + half + 1, cx - half:cx + half + 1]))
    ink = float(np.median(inks))
    if paper - ink < 40:  # no contrast worth the name: assume a plain black on white
        ink = max(0.0, paper - 40)
    return paper, ink


def measure_boxes(crop: np.ndarray, grid: BallotGrid
                  ) -> dict[tuple[int, int], tuple[float, float, float]]:
    """(mean darkness, share of ink pixels, share of ink pixels just outside) of each box,
    0..1, relative to the page's paper and ink. "Outside" is measured for circles only (the
    corners of the square around the circle, which a dot never reaches and a scribble
    does); 0 for square boxes."""
    paper, ink = paper_and_ink(crop, grid)
    span = paper - ink
    out = {}
    for key, (x, y, side) in grid.boxes.items():
        cx, cy = _to_crop(x, y)
        half = max(1.0, (side / 2 - INNER_INSET_MM) * PX_PER_MM)
        x0, x1 = int(round(cx - half)), int(round(cx + half))
        y0, y1 = int(round(cy - half)), int(round(cy + half))
        patch = crop[y0:y1, x0:x1].astype(np.float32)
        dark = np.clip((paper - patch) / span, 0.0, 1.0)
        outside = 0.0
        if grid.circles:
            yy, xx = np.mgrid[y0:y1, x0:x1]
            inside = (xx + 0.5 - cx) ** 2 + (yy + 0.5 - cy) ** 2 <= half * half
            dark = dark[inside]
            radius = side / 2 * PX_PER_MM
            reach = radius + 0.8 * PX_PER_MM
            ox0, ox1 = int(round(cx - reach)), int(round(cx + reach))
            oy0, oy1 = int(round(cy - reach)), int(round(cy + reach))
            yy, xx = np.mgrid[oy0:oy1, ox0:ox1]
            corners = (xx + 0.5 - cx) ** 2 + (yy + 0.5 - cy) ** 2 >= \
                (radius + 0.5 * PX_PER_MM) ** 2
            ring = np.clip((paper - crop[oy0:oy1, ox0:ox1].astype(np.float32)) / span, 0, 1)
            ring = ring[corners]
            outside = float((ring > INK_PIXEL).mean()) if ring.size else 0.0
        if dark.size == 0:
            out[key] = (0.0, 0.0, 0.0)
            continue
        out[key] = (float(dark.mean()), float((dark > INK_PIXEL).mean()), outside)
    return out


def classify(darkness: float, ink: float) -> tuple[str, float]:
    """A box's state and confidence from its mean darkness and share of ink pixels."""
    if ink < EMPTY_INK and darkness < EMPTY_MEAN:
        margin = min((EMPTY_INK - ink) / EMPTY_INK, (EMPTY_MEAN - darkness) / EMPTY_MEAN)
        return EMPTY, float(min(1.0, 0.5 + margin))
    if ink >= FILLED_INK and darkness >= FILLED_MEAN:
        margin = min((ink - FILLED_INK) / FILLED_INK, (darkness - FILLED_MEAN) / FILLED_MEAN)
        return FILLED, float(min(1.0, 0.5 + margin))
    return DOUBTFUL, 0.0


# --- rules -----------------------------------------------------------------------------------


def judge(boxes: list[BoxReading], rule: MarkRule, options: Iterable[int]
          ) -> tuple[str, list[str], list[BoxReading]]:
    """The entry line for the filled boxes, the reasons for review (Spanish), and the boxes
    (solid fills among crosses turned doubtful)."""
    from cocrea_desktop.core.voting.ballot_wording import place_label

    reasons: list[str] = []
    for b in boxes:
        if b.state == DOUBTFUL and not b.solid:
            where = place_label(b.column + 1) if rule.kind is BallotKind.RANKED else \
                str(b.column + 1)
            reasons.append(said(N_("Marca dudosa en la opción {option} ({column})."),
                option=b.option, column=where))
    filled = [b for b in boxes if b.state == FILLED]
    # A box filled solid is a mark (some people fill boxes), but among crosses or ticks it
    # is more likely a correction: a person decides.
    if any(b.ink >= SOLID_INK for b in filled) and any(b.ink < STROKE_INK for b in filled):
        boxes = [BoxReading(b.option, b.column, DOUBTFUL, b.darkness, b.ink, 0.0, True)
                 if b.state == FILLED and b.ink >= SOLID_INK else b for b in boxes]
        reasons.append(said(N_("Una casilla está rellena entre cruces: ¿es una corrección?")))
    # The rules are checked on every mark seen; the entry line holds the sure ones only.
    sure = [b for b in boxes if b.state == FILLED]
    order = {number: i for i, number in enumerate(options)}
    if rule.kind is BallotKind.RANKED:
        rows: dict[int, int] = {}
        cols: dict[int, int] = {}
        for b in filled:
            rows[b.option] = rows.get(b.option, 0) + 1
            cols[b.column] = cols.get(b.column, 0) + 1
        for option, n in sorted(rows.items()):
            if n > 1:
                reasons.append(said(N_("La opción {option} está marcada en {count} lugares."),
                    option=option, count=n))
        for column, n in sorted(cols.items()):
            if n > 1:
                reasons.append(said(N_("El lugar {place} está marcado {count} veces."),
                    place=place_label(column + 1), count=n))
        ordered = sorted(sure, key=lambda b: (b.column, order.get(b.option, 0)))
        used = [b.column for b in ordered]
        if used == list(range(len(used))):
            entry = " ".join(str(b.option) for b in ordered)
        else:
            entry = " ".join(f"{b.option}:{rule.columns - b.column}" for b in ordered)
    else:
        if len(filled) > rule.dots:
            reasons.append(said(N_("Tiene {count} puntos y se permiten {most}."),
                count=len(filled), most=rule.dots))
        ordered = sorted(sure, key=lambda b: (order.get(b.option, 0), b.column))
        entry = " ".join(str(b.option) for b in ordered)
    if not filled and not any(b.state == DOUBTFUL for b in boxes):
        reasons.append(said(N_("La boleta no tiene marcas: revísela (¿en blanco?).")))
    return entry, reasons, boxes


# --- one ballot, one page --------------------------------------------------------------------


def read_ballot(gray: np.ndarray, qr_corners: Iterable[tuple[float, float]], grid: BallotGrid,
                rule: MarkRule, options: Iterable[int]) -> tuple[list[BoxReading], str,
                                                                 list[str], float,
                                                                 np.ndarray | None]:
    """Boxes, entry line, review reasons, confidence and crop of one ballot on a page."""
    straight = straighten(gray, qr_corners, grid)
    if straight is None:
        return [], "", [said(N_("No se encontraron las cuatro marcas de las esquinas de la "
                                "boleta."))], 0.0, None
    crop, misfit = straight
    if misfit > 2.0:
        return [], "", [said(N_("Las marcas de las esquinas no concuerdan con el código QR: "
                                "revise la boleta."))], 0.0, crop
    boxes = []
    spilled = False
    for (option, column), (darkness, ink, outside) in measure_boxes(crop, grid).items():
        state, confidence = classify(darkness, ink)
        over = state == FILLED and ink >= SOLID_INK and outside >= SPILL_INK
        if over:  # scribbled over?
            state, confidence, spilled = DOUBTFUL, 0.0, True
        boxes.append(BoxReading(option, column, state, darkness, ink, confidence, solid=over))
    boxes.sort(key=lambda b: (b.option, b.column))
    entry, reasons, boxes = judge(boxes, rule, options)
    if spilled:
        reasons.insert(0, said(N_("Un círculo está relleno hasta afuera: ¿una marca tachada?")))
    geometric = max(0.0, 1.0 - misfit / 2.0)
    confidence = min([geometric] + [b.confidence for b in boxes]) if boxes else 0.0
    return boxes, entry, reasons, confidence, crop


def read_page(repo: Repo, session_id: str, round_: str, image: Any, *, source: str = "",
              page: int = 0) -> list[BallotReading]:
    """Every ballot of this session's round on one page image, read.

    Codes that are not ready ballots (another session, counted already...) are reported
    with the register's message, their marks not read.
    """
    from cocrea_desktop.export.scan import decode_frame

    gray = _gray(image)
    return [read_code(repo, session_id, round_, gray, code)
            for code in decode_frame(gray, source=source, page=page)]


def read_code(repo: Repo, session_id: str, round_: str, gray: np.ndarray,
              code: DecodedCode) -> BallotReading:
    """Read the ballot whose QR code the decoder found at ``code.position`` on ``gray``."""
    from cocrea_desktop.store.register import READY

    outcome = repo.register.read(session_id, round_, code.text)
    reading = BallotReading(source=code.source, page=code.page, serial=outcome.serial,
                            payload=code.text, status=outcome.kind, message=outcome.message)
    if outcome.kind != READY:
        reading.reasons.append(outcome.message)
        return reading
    grid = layout_of(repo, session_id, round_, outcome.serial)
    if grid is None:
        reading.reasons.append(said(N_("No se conoce cómo se imprimió esta boleta: capture sus "
                                 "marcas a mano.")))
        return reading
    reading.grid = grid
    boxes, entry, reasons, confidence, crop = read_ballot(
        gray, code.position, grid, rule_of(repo, session_id, round_),
        repo.votes.options(session_id))
    reading.boxes, reading.entry, reading.confidence, reading.crop = boxes, entry, confidence, crop
    reading.reasons.extend(reasons)
    reading.review = bool(reasons)
    return reading


def layout_of(repo: Repo, session_id: str, round_: str, serial: str) -> BallotGrid | None:
    """The grid recorded when ``serial`` was printed; None when none was recorded."""
    text = repo.register.layout(session_id, round_, serial)
    return BallotGrid.from_json(text) if text else None


def rule_of(repo: Repo, session_id: str, round_: str) -> MarkRule:
    vote_round = repo.votes.round(session_id, round_)
    if vote_round.kind == "dots":
        params = vote_round.params
        dots = int(params.get("dots_per_person", 3))
        per_option = int(params.get("max_per_option") or dots)
        return MarkRule(BallotKind.DOTS, per_option, dots)
    return MarkRule(BallotKind.RANKED, vote_round.k)


# --- files -----------------------------------------------------------------------------------


@dataclass
class MarksResult:
    """Every ballot read in a stack of scans, and the files or pages that gave none."""

    readings: list[BallotReading] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)

    def sure(self) -> list[BallotReading]:
        return [r for r in self.readings if r.sure]

    def to_review(self) -> list[BallotReading]:
        return [r for r in self.readings if r.ready and r.review]

    def others(self) -> list[BallotReading]:
        return [r for r in self.readings if not r.ready]


def pages(path: str | os.PathLike[str], *, dpi: int = 200
          ) -> Iterator[tuple[str, int, Any | None, str]]:
    """(source, page index, grayscale image or None, problem) for every page of a file or
    of the images and PDFs of a folder."""
    from cocrea_desktop.export import scan

    target = Path(path)
    if target.is_dir():
        files = sorted((p for p in target.iterdir() if p.is_file()
                        and not p.name.startswith(".")
                        and p.suffix.lower() in scan.IMAGE_SUFFIXES | scan.PDF_SUFFIXES),
                       key=lambda p: p.name.lower())
        if not files:
            yield str(target), 0, None, _("La carpeta no tiene imágenes ni archivos PDF.")
        for file in files:
            yield from pages(file, dpi=dpi)
        return
    if not target.is_file():
        yield str(target), 0, None, _("El archivo no existe o no se puede abrir.")
        return
    if scan._is_pdf(target):
        import pypdfium2

        try:
            document = pypdfium2.PdfDocument(str(target))
        except Exception:  # noqa: BLE001
            yield str(target), 0, None, _("El archivo PDF está dañado o protegido.")
            return
        try:
            for index in range(len(document)):
                page = document[index]
                image = page.render(scale=dpi / 72.0, grayscale=True).to_pil()
                page.close()
                yield str(target), index, image, ""
        finally:
            document.close()
        return
    try:
        for index, image in enumerate(scan._image_pages(target)):
            yield str(target), index, image, ""
    except Exception:  # noqa: BLE001 - a bad file is reported, never a crash
        yield str(target), 0, None, _("El archivo no es una imagen que se pueda leer.")


def read_marks(repo: Repo, session_id: str, round_: str,
               paths: Iterable[str | os.PathLike[str]], *,
               progress: Callable[[int, int], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> MarksResult | None:
    """Read the marks of every ballot in the files or folders; None if cancelled.

    A ballot found twice in the stack is read once; the second time it is reported as a
    duplicate.
    """
    from cocrea_desktop.core.voting.payload import format_serial
    from cocrea_desktop.store.register import DUPLICATE, READY

    result = MarksResult()
    seen: set[str] = set()
    paths = [Path(p) for p in paths]
    for done, path in enumerate(paths, start=1):
        for source, index, image, problem in pages(path):
            if cancelled is not None and cancelled():
                return None
            if image is None:
                result.problems.append((source, problem))
                continue
            found = read_page(repo, session_id, round_, image, source=source, page=index)
            if not found:
                result.problems.append((f"{source}#{index + 1}", _(
                    "No se encontró ningún código QR en esta página.")))
            for reading in found:
                if reading.status == READY and reading.serial in seen:
                    reading = BallotReading(
                        source=reading.source, page=reading.page, serial=reading.serial,
                        payload=reading.payload, status=DUPLICATE,
                        message=_("La boleta {serial} aparece dos veces en los escaneos: se "
                                  "cuenta una sola vez.").format(
                                      serial=format_serial(reading.serial)))
                seen.add(reading.serial)
                result.readings.append(reading)
        if progress is not None:
            progress(done, len(paths))
    return result


def enter_sure(repo: Repo, session_id: str, round_: str, result: MarksResult
               ) -> tuple[list[BallotReading], list[tuple[BallotReading, str]]]:
    """Enter every sure ballot as read by the machine (one transaction each); the ballots
    entered, and those refused with the reason (they join the review)."""
    from cocrea_desktop.core.errors import CocreaError

    entered, refused = [], []
    for reading in result.sure():
        try:
            repo.votes.enter_ballot(session_id, round_, reading.entry, serial=reading.serial,
                                    read_by="machine")
        except CocreaError as err:
            refused.append((reading, err.message))
            continue
        entered.append(reading)
    return entered, refused


# --- a stack read page by page (the window), the review queue's images ------------------------


def count_pages(paths: Iterable[str | os.PathLike[str]]) -> int:
    """How many pages the files and folders hold (for a progress bar); a file that cannot
    be opened counts as one (it is reported as one problem)."""
    from cocrea_desktop.export import scan

    total = 0
    for path in paths:
        target = Path(path)
        if target.is_dir():
            files = [p for p in target.iterdir() if p.is_file() and not p.name.startswith(".")
                     and p.suffix.lower() in scan.IMAGE_SUFFIXES | scan.PDF_SUFFIXES]
            total += count_pages(sorted(files)) if files else 1
            continue
        try:
            if scan._is_pdf(target):
                import pypdfium2

                document = pypdfium2.PdfDocument(str(target))
                total += max(1, len(document))
                document.close()
            else:
                from PIL import Image

                with Image.open(target) as image:
                    total += max(1, int(getattr(image, "n_frames", 1)))
        except Exception:  # noqa: BLE001 - reported when read
            total += 1
    return total


def iter_marks(repo: Repo, session_id: str, round_: str,
               paths: Iterable[str | os.PathLike[str]], *,
               cancelled: Callable[[], bool] | None = None
               ) -> Iterator[tuple[list[BallotReading], list[tuple[str, str]]]]:
    """Read the stack page by page: for each page, its ballots and its problems.

    Stops between pages when ``cancelled()``; a ballot found twice in the stack is
    reported the second time as a duplicate (as :func:`read_marks` does).
    """
    from cocrea_desktop.core.voting.payload import format_serial
    from cocrea_desktop.store.register import DUPLICATE, READY

    seen: set[str] = set()
    for path in paths:
        for source, index, image, problem in pages(path):
            if cancelled is not None and cancelled():
                return
            if image is None:
                yield [], [(source, problem)]
                continue
            found = read_page(repo, session_id, round_, image, source=source, page=index)
            problems = [] if found else [(f"{source}#{index + 1}", _(
                "No se encontró ningún código QR en esta página."))]
            readings = []
            for reading in found:
                if reading.status == READY and reading.serial in seen:
                    reading = BallotReading(
                        source=reading.source, page=reading.page, serial=reading.serial,
                        payload=reading.payload, status=DUPLICATE,
                        message=_("La boleta {serial} aparece dos veces en los escaneos: se "
                                  "cuenta una sola vez.").format(
                                      serial=format_serial(reading.serial)))
                seen.add(reading.serial)
                readings.append(reading)
            yield readings, problems


def review_dir() -> Path:
    """Where the straightened images of ballots in review are kept (the data folder)."""
    from cocrea_desktop.store.paths import data_dir

    folder = data_dir() / "revision"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_crop(crop: np.ndarray | None) -> str:
    """Keep a ballot's straightened image for the review queue; its SHA-256 ('' if none)."""
    if crop is None:
        return ""
    import hashlib

    import cv2

    ok, data = cv2.imencode(".png", crop)
    if not ok:
        return ""
    blob = data.tobytes()
    digest = hashlib.sha256(blob).hexdigest()
    target = review_dir() / f"{digest}.png"
    if not target.exists():
        partial = target.with_suffix(".part")
        partial.write_bytes(blob)
        os.replace(partial, target)
    return digest


def load_crop(digest: str) -> np.ndarray | None:
    """The image kept under ``digest``, or None when missing or not what was kept."""
    if not digest:
        return None
    import hashlib

    import cv2

    target = review_dir() / f"{digest}.png"
    try:
        blob = target.read_bytes()
    except OSError:
        return None
    if hashlib.sha256(blob).hexdigest() != digest:
        return None
    image = cv2.imdecode(np.frombuffer(blob, np.uint8), cv2.IMREAD_GRAYSCALE)
    return image


def drop_crop(digest: str) -> None:
    """Delete a reviewed ballot's image (its marks are in the process file now)."""
    if digest:
        (review_dir() / f"{digest}.png").unlink(missing_ok=True)


def crop_again(repo: Repo, session_id: str, round_: str, serial: str, source: str,
               page: int) -> np.ndarray | None:
    """The ballot straightened anew from its scanned page, when its kept image is gone
    (another laptop, an undo after review) and the scan is still where it was."""
    from cocrea_desktop.export.scan import decode_frame

    target = Path(source)
    if not source or not target.is_file():
        return None
    grid = layout_of(repo, session_id, round_, serial)
    if grid is None:
        return None
    try:
        for src, index, image, _problem in pages(target):
            if index != page or image is None:
                continue
            gray = _gray(image)
            for code in decode_frame(gray, source=src, page=index):
                if serial in code.text.split():
                    straight = straighten(gray, code.position, grid)
                    return straight[0] if straight else None
    except Exception:  # noqa: BLE001 - only an image for a person: none is fine
        return None
    return None


def box_places(grid: BallotGrid) -> dict[tuple[int, int], tuple[float, float, float]]:
    """Each box's centre and half side in the straightened crop's pixels (for drawing)."""
    out = {}
    for key, (x, y, side) in grid.boxes.items():
        cx, cy = _to_crop(x, y)
        out[key] = (cx, cy, side / 2 * PX_PER_MM)
    return out


def as_read_ballot(reading: BallotReading, crop_sha256: str = ""):
    """What the review queue keeps of a reading (no image, no numpy)."""
    from cocrea_desktop.store.review import ReadBallot

    return ReadBallot(serial=reading.serial, entry=reading.entry, sure=reading.sure,
                      boxes=tuple((b.option, b.column, b.state) for b in reading.boxes),
                      reasons=tuple(reading.reasons), source=reading.source,
                      page=reading.page, crop_sha256=crop_sha256)
