"""A folder of scanned ballots with known cases, for the review queue's tests.

The program's own ballot PDF, rendered at 200 dpi, each ballot marked by
``omr_material``'s drawing routine as its case says, the pages rotated and noised like
a scan, written as PNG files. Cases (ranked ballots, 3 places):

- ``sure``: three crosses, one per place -> entered by the machine;
- ``faint``: the same and a light-pencil cross in a free box -> review;
- ``crossed``: the same and a scribbled-over mark in a free box -> review;
- ``double``: two crosses in the first place -> review (a place used twice).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import cv2

from cocrea_desktop.export import omr
from cocrea_desktop.export.paper import ballot_spec, print_ballots
from cocrea_desktop.export.pdf.ballots import BallotGrid
from tests.export import omr_material as M


@dataclass
class Stack:
    folder: Path
    pdf: Path
    serials: list[str]
    cases: dict[str, str]  # serial -> case
    entries: dict[str, str]  # serial -> the entry line of its sure marks
    pages: list  # the distorted page images (grayscale numpy)


def make_stack(repo, sid: str, round_: str, tmp_path: Path, cases: list[str], *,
               per_page: int = 2, seed: int = 5, name: str = "escaneos",
               max_angle: float = 6.0) -> Stack:
    pdf = tmp_path / f"{name}.pdf"
    serials = print_ballots(repo, sid, round_, len(cases), pdf, per_page=per_page)
    grid = BallotGrid.from_json(repo.register.layout(sid, round_, serials[0]))
    spec = ballot_spec(repo, sid, round_, [], per_page=per_page)
    options = repo.votes.options(sid)
    rule = omr.rule_of(repo, sid, round_)
    assert rule.columns == 3 and len(options) >= 5
    rng = random.Random(seed)
    folder = tmp_path / name
    folder.mkdir()
    by_serial = dict(zip(serials, cases, strict=True))
    entries: dict[str, str] = {}
    images = []
    for p, page in enumerate(M.render(pdf)):
        ballots = []
        for serial in serials[p * per_page:(p + 1) * per_page]:
            case = by_serial[serial]
            chosen = rng.sample(options, 4)
            if case == "double":
                marked = M.Marked(serial, {(chosen[0], 0): "cross", (chosen[1], 0): "cross"})
                entries[serial] = ""
            else:
                marked = M.Marked(serial, {(chosen[i], i): "cross" for i in range(3)})
                entries[serial] = " ".join(str(o) for o in chosen[:3])
                if case in ("faint", "crossed"):
                    extra = (chosen[3], rng.randrange(3))
                    marked.marks[extra] = "cross"
                    (marked.faint if case == "faint" else marked.crossed_out).add(extra)
            ballots.append(marked)
        M.mark_page(page, spec, grid, ballots, rng)
        image = M.distort(page, rng, max_angle=max_angle, blur=0.8, noise=4.0)
        images.append(image)
        cv2.imwrite(str(folder / f"hoja-{p + 1:02d}.png"), image)
    return Stack(folder, pdf, serials, by_serial, entries, images)


def webcam_frames(stack: Stack) -> dict[str, object]:
    """One 1280x720 BGR frame per ballot of a two-per-sheet stack: the ballot whole, about
    115 dpi, on a grey desk (a ballot held up to a webcam at arm's length)."""
    import numpy as np

    frames = {}
    for p, page in enumerate(stack.pages):
        h = page.shape[0]
        for cell in range(2):
            index = p * 2 + cell
            if index >= len(stack.serials):
                break
            sub = page[cell * h // 2:(cell + 1) * h // 2, :]
            scale = min(1280 / sub.shape[1], 720 / sub.shape[0]) * 0.95
            small = cv2.resize(sub, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
            frame = np.full((720, 1280), 120, np.uint8)
            y0, x0 = (720 - small.shape[0]) // 2, (1280 - small.shape[1]) // 2
            frame[y0:y0 + small.shape[0], x0:x0 + small.shape[1]] = small
            frames[stack.serials[index]] = cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)
    return frames
