"""Test material for the mark reader, made by the tests themselves.

The program's own ballot PDFs rendered with pypdfium2 at 200 dpi; boxes marked by a
drawing routine that imitates hands (crosses, ticks, filled boxes, light pencil, pens of
varied widths and inks, strokes that overshoot); then pages rotated, scaled, blurred and
noised like a scanner or a photocopy. Where each box is on the page is computed from the
printed layout (not by the reader under test).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import cv2
import numpy as np

from cocrea_desktop.export.pdf import ballots as bp

DPI = 200
PX_MM = DPI / 25.4


@dataclass
class Marked:
    """One ballot on a page: its serial, the boxes marked (option, column) and how."""

    serial: str
    marks: dict[tuple[int, int], str] = field(default_factory=dict)  # box -> style
    faint: set[tuple[int, int]] = field(default_factory=set)
    crossed_out: set[tuple[int, int]] = field(default_factory=set)

    def filled(self) -> set[tuple[int, int]]:
        return set(self.marks) - self.faint - self.crossed_out


def render(pdf_path) -> list[np.ndarray]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf_path))
    pages = [np.asarray(doc[i].render(scale=DPI / 72, grayscale=True).to_pil().convert("L"))
             .copy() for i in range(len(doc))]
    doc.close()
    return pages


def mark_origins(spec: bp.BallotSheetSpec) -> list[tuple[float, float]]:
    """Pixel position (200 dpi) of the top-left corner mark's centre of each cell."""
    page_w, page_h = bp.PAPER_SIZES[spec.paper]
    cell_w, cell_h = bp._cell_size(page_w, page_h, spec.per_page)
    lay = bp._plan_layout(spec, bp.register_fonts(), cell_w, cell_h)
    half = lay.fiducial_side / 2
    fx, fy = lay.fiducials[0]
    out = []
    for ox, oy in bp._cell_origins(page_w, page_h, spec.per_page):
        x_pt, y_pt = ox + fx + half, oy + fy + half
        out.append((x_pt * DPI / 72, (page_h - y_pt) * DPI / 72))
    return out


def _pen(rng: random.Random, kind: str) -> tuple[int, int]:
    """(gray level, width px) of a pen, a marker or a pencil."""
    if kind == "pencil":
        return rng.randint(150, 185), rng.randint(2, 3)
    if kind == "soft_pencil":
        return rng.randint(70, 110), rng.randint(2, 4)
    return rng.randint(0, 70), rng.choice((2, 3, 3, 4, 5, 6))


def draw_mark(page: np.ndarray, centre: tuple[float, float], side_px: float, style: str,
              rng: random.Random, pen: str = "pen") -> None:
    """Draw one hand-like mark in the box at ``centre`` (pixels) of side ``side_px``."""
    gray, width = _pen(rng, pen)
    cx, cy = centre
    h = side_px / 2

    def jitter(v: float) -> float:
        return v + rng.uniform(-0.12, 0.12) * side_px

    def pt(x: float, y: float) -> tuple[int, int]:
        return int(round(jitter(cx + x))), int(round(jitter(cy + y)))

    over = rng.uniform(0.55, 0.95)  # how far strokes reach, relative to the half side
    if style == "cross":
        cv2.line(page, pt(-h * over, -h * over), pt(h * over, h * over), gray, width, cv2.LINE_AA)
        cv2.line(page, pt(h * over, -h * over), pt(-h * over, h * over), gray, width, cv2.LINE_AA)
    elif style == "tick":
        a, b, c = pt(-h * 0.6, 0), pt(-h * 0.1, h * 0.6), pt(h * 0.8, -h * 0.8)
        cv2.line(page, a, b, gray, width + 1, cv2.LINE_AA)
        cv2.line(page, b, c, gray, width + 1, cv2.LINE_AA)
    elif style == "fill":
        s = h * rng.uniform(0.8, 1.05)
        poly = np.int32([pt(-s, -s), pt(s, -s), pt(s, s), pt(-s, s)])
        cv2.fillPoly(page, [poly], gray, cv2.LINE_AA)
    elif style == "dot":  # a blob, as people mark the circles of a dots ballot
        cv2.circle(page, pt(0, 0), int(h * rng.uniform(0.55, 0.8)), gray, -1, cv2.LINE_AA)
    elif style == "scribble":  # a mark crossed out: dense zigzag over the box
        pts = []
        for i in range(12):
            pts.append(pt(-h * 0.95 + i * h * 0.17, -h * 0.9 if i % 2 else h * 0.9))
        cv2.polylines(page, [np.int32(pts)], False, gray, width + 2, cv2.LINE_AA)
        s = h * 1.1  # a scribble goes past the outline
        cv2.fillPoly(page, [np.int32([pt(-s, -s), pt(s, -s), pt(s, s), pt(-s, s)])], gray)
    else:
        raise ValueError(style)


def distort(page: np.ndarray, rng: random.Random, *, max_angle: float = 10.0,
            blur: float = 1.0, noise: float = 6.0, scale: tuple[float, float] = (0.93, 1.07)
            ) -> np.ndarray:
    """Rotate (up to ``max_angle`` degrees), scale, blur and noise a page like a scan."""
    h, w = page.shape
    angle = rng.uniform(-max_angle, max_angle)
    s = rng.uniform(*scale)
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, s)
    cos, sin = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = int(h * sin + w * cos) + 20, int(h * cos + w * sin) + 20
    m[0, 2] += nw / 2 - w / 2
    m[1, 2] += nh / 2 - h / 2
    out = cv2.warpAffine(page, m, (nw, nh), flags=cv2.INTER_LINEAR, borderValue=255)
    # A little keystone, as from a phone or a lid not closed.
    k = rng.uniform(0, 0.012) * nw
    src = np.float32([[0, 0], [nw, 0], [nw, nh], [0, nh]])
    dst = np.float32([[k, 0], [nw - k, rng.uniform(0, k)], [nw, nh], [0, nh - rng.uniform(0, k)]])
    out = cv2.warpPerspective(out, cv2.getPerspectiveTransform(src, dst), (nw, nh),
                              borderValue=255)
    if blur > 0:
        sigma = rng.uniform(0.3, blur)
        out = cv2.GaussianBlur(out, (0, 0), sigma)
    # Paper not quite white, ink not quite black, grain.
    paper = rng.uniform(215, 250)
    ink = rng.uniform(0, 45)
    out = ink + out.astype(np.float32) * (paper - ink) / 255.0
    if noise > 0:
        out += np.float32(np.random.default_rng(rng.randint(0, 2**31)).normal(0, noise, out.shape))
    return np.clip(out, 0, 255).astype(np.uint8)


def random_ranked(rng: random.Random, options: list[int], k: int) -> list[tuple[int, int]]:
    """A valid ranked choice: (option, column) for the first m places, m in 1..k."""
    m = rng.randint(1, k)
    chosen = rng.sample(options, m)
    return [(o, i) for i, o in enumerate(chosen)]


def random_dots(rng: random.Random, options: list[int], dots: int, per_option: int
                ) -> list[tuple[int, int]]:
    total = rng.randint(1, dots)
    used: dict[int, int] = {}
    boxes = []
    while len(boxes) < total:
        o = rng.choice(options)
        if used.get(o, 0) >= per_option:
            continue
        boxes.append((o, used.get(o, 0)))
        used[o] = used.get(o, 0) + 1
    return boxes


def mark_page(page: np.ndarray, spec: bp.BallotSheetSpec, grid: bp.BallotGrid,
              ballots: list[Marked], rng: random.Random, *, pens: tuple[str, ...] = ("pen",)
              ) -> None:
    """Draw each ballot's marks at its place on the (clean, unrotated) page."""
    for origin, ballot in zip(mark_origins(spec), ballots):
        for box, style in ballot.marks.items():
            x, y, side = grid.boxes[box]
            centre = (origin[0] + x * PX_MM, origin[1] + y * PX_MM)
            pen = "pencil" if box in ballot.faint else rng.choice(pens)
            draw_mark(page, centre, side * PX_MM, style, rng, pen)
            if box in ballot.crossed_out:
                draw_mark(page, centre, side * PX_MM, "scribble", rng, "pen")
