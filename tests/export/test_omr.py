"""The mark reader on the program's own ballots, rendered, marked by a drawing routine and
distorted like scans: boxes right, doubtful marks sent to review, no silent error."""

from __future__ import annotations

import random

import numpy as np
import pytest

from cocrea_desktop.export import omr
from cocrea_desktop.export.paper import ballot_spec, print_ballots
from cocrea_desktop.export.pdf.ballots import BallotGrid, ballot_grid
from cocrea_desktop.store.register import DUPLICATE, READY
from tests.export import omr_material as M

RANKED_OPTIONS = ("Médico", "Medicinas", "Ambulancia", "Horario nocturno")


@pytest.fixture
def ranked(repo):
    sid, _ = repo.add_session(method="nominal_group", question="¿Qué falta en la clínica?")
    for text in RANKED_OPTIONS:
        repo.ideas.add(sid, text)
    for _step in range(4):
        repo.phases.forward(sid)
    repo.votes.configure(sid, "preliminary", k=3)
    return sid, "preliminary"


@pytest.fixture
def dots(repo):
    sid, _ = repo.add_session(method="idea_fair", question="¿Qué proyectos apoyamos?")
    for title in ("Radio comunitaria", "Huertos escolares", "Agua limpia", "Biblioteca"):
        repo.fair.add_stand(sid, title=title)
    repo.votes.configure(sid, "vote", dots_per_person=3, max_per_option=2)
    return sid, "vote"


class Material:
    """Print ``pages`` sheets, mark each ballot, distort each page; keep the truth."""

    def __init__(self, repo, tmp_path, session, *, pages: int, per_page: int, seed: int,
                 styles: tuple[str, ...], pens=("pen",), distort=None, choose=None,
                 name: str = "boletas"):
        sid, round_ = session
        self.repo, self.sid, self.round = repo, sid, round_
        pdf = tmp_path / f"{name}.pdf"
        self.serials = print_ballots(repo, sid, round_, pages * per_page, pdf,
                                     per_page=per_page)
        self.grid = BallotGrid.from_json(repo.register.layout(sid, round_, self.serials[0]))
        spec = ballot_spec(repo, sid, round_, [], per_page=per_page)
        rng = random.Random(seed)
        options = repo.votes.options(sid)
        rule = omr.rule_of(repo, sid, round_)
        self.truth: dict[str, M.Marked] = {}
        self.images = []
        for p, page in enumerate(M.render(pdf)):
            ballots = []
            for serial in self.serials[p * per_page:(p + 1) * per_page]:
                style = rng.choice(styles)  # one person, one way of marking
                if choose is not None:
                    marked = choose(rng, serial, options, rule, style)
                elif rule.kind.value == "dots":
                    boxes = M.random_dots(rng, options, rule.dots, rule.columns)
                    marked = M.Marked(serial, {b: style for b in boxes})
                else:
                    boxes = M.random_ranked(rng, options, rule.columns)
                    marked = M.Marked(serial, {b: style for b in boxes})
                ballots.append(marked)
                self.truth[serial] = marked
            M.mark_page(page, spec, self.grid, ballots, rng, pens=pens)
            self.images.append(M.distort(page, rng, **(distort or {})))

    def read(self):
        readings = []
        for index, image in enumerate(self.images):
            readings.extend(omr.read_page(self.repo, self.sid, self.round, image,
                                          source="escaneo.png", page=index))
        return readings


def score(material: Material, readings):
    """(boxes right, boxes, silent errors, ballots in review)."""
    right = boxes = silent = review = 0
    assert sorted(r.serial for r in readings) == sorted(material.serials)
    for reading in readings:
        truth = material.truth[reading.serial]
        filled = truth.filled()
        wrong_here = False
        assert len(reading.boxes) == len(material.grid.boxes), reading.reasons
        for box in reading.boxes:
            boxes += 1
            want = (box.option, box.column) in filled
            ok = box.state == (omr.FILLED if want else omr.EMPTY)
            if (box.option, box.column) in truth.faint | truth.crossed_out:
                ok = box.state == omr.DOUBTFUL
            right += ok
            wrong_here |= box.state != omr.DOUBTFUL and (box.state == omr.FILLED) != want
        review += reading.review
        if not reading.review and wrong_here:
            silent += 1
    return right, boxes, silent, review


def test_the_layout_is_recorded_at_print_time(repo, ranked, tmp_path):
    sid, round_ = ranked
    serials = print_ballots(repo, sid, round_, 4, tmp_path / "b.pdf", per_page=4)
    recorded = BallotGrid.from_json(repo.register.layout(sid, round_, serials[0]))
    assert recorded == ballot_grid(ballot_spec(repo, sid, round_, [], per_page=4))
    # One layout row for the whole print, shared by its serials.
    assert repo.pf.scalar("SELECT COUNT(*) FROM ballot_layout") == 1
    assert {repo.register.layout(sid, round_, s) for s in serials} == {recorded.to_json()}
    # Serials issued without a PDF have no layout: the reader says so instead of guessing.
    pairs, _c = repo.register.issue(sid, round_, 1)
    assert repo.register.layout(sid, round_, pairs[0][0]) == ""


def test_ranked_ballots_clean_scans(repo, ranked, tmp_path):
    material = Material(repo, tmp_path, ranked, pages=20, per_page=4, seed=1,
                        styles=("cross", "tick", "fill"), pens=("pen", "soft_pencil"))
    readings = material.read()
    right, boxes, silent, review = score(material, readings)
    assert silent == 0
    _debug(material, readings)
    assert right / boxes >= 0.999, (right, boxes)
    # The entry line is the one a facilitator would type, and it enters as is.
    for reading in readings:
        if reading.sure:
            truth = sorted(material.truth[reading.serial].filled(), key=lambda b: b[1])
            assert reading.entry == " ".join(str(o) for o, _c in truth)
            assert reading.confidence > 0.5
    assert review <= 1


def test_dots_ballots_clean_scans_two_per_page(repo, dots, tmp_path):
    material = Material(repo, tmp_path, dots, pages=16, per_page=2, seed=2,
                        styles=("cross", "dot", "tick"), pens=("pen", "soft_pencil"))
    readings = material.read()
    right, boxes, silent, review = score(material, readings)
    assert silent == 0
    _debug(material, readings)
    assert right / boxes >= 0.999, (right, boxes)
    assert review <= 1
    for reading in readings:
        if reading.sure:
            ballot, _changes = repo.votes.enter_ballot(dots[0], "vote", reading.entry,
                                                       serial=reading.serial, read_by="machine")
            truth = material.truth[reading.serial].filled()
            assert sum(v for _o, v in ballot.marks) == len(truth)
            assert not ballot.voids


@pytest.mark.parametrize("kind", ["ranked", "dots"])
def test_faint_and_crossed_out_marks_go_to_review(repo, ranked, dots, tmp_path, kind):
    def choose(rng, serial, options, rule, style):
        boxes = M.random_ranked(rng, options, rule.columns) if kind == "ranked" else \
            M.random_dots(rng, options, rule.dots, rule.columns)
        marked = M.Marked(serial, {b: style for b in boxes})
        free = [(o, c) for o in options for c in range(rule.columns) if (o, c) not in boxes]
        extra = rng.choice(free)
        marked.marks[extra] = "cross"
        if rng.random() < 0.5:
            marked.faint.add(extra)  # light pencil: a hesitation, or a mark erased
        else:
            marked.crossed_out.add(extra)  # scribbled over: a correction
        return marked

    if kind == "ranked":
        material = Material(repo, tmp_path, ranked, pages=6, per_page=4, seed=3,
                            styles=("cross", "tick"), choose=choose)
    else:  # blobs in the circles: a scribble looks like a blob, but spills out of its circle
        material = Material(repo, tmp_path, dots, pages=6, per_page=2, seed=9,
                            styles=("dot", "cross"), choose=choose)
    readings = material.read()
    _right, _boxes, silent, review = score(material, readings)
    assert silent == 0
    assert review == len(readings)  # every one of them: nothing doubtful counted silently
    for reading in readings:
        assert reading.reasons and not reading.sure


def test_heavy_distortion_never_counts_a_wrong_mark(repo, ranked, tmp_path):
    material = Material(repo, tmp_path, ranked, pages=6, per_page=4, seed=4,
                        styles=("cross", "tick", "fill"), pens=("pen", "pencil", "soft_pencil"),
                        distort={"blur": 2.2, "noise": 14.0, "scale": (0.8, 1.15)})
    readings = material.read()
    _right, _boxes, silent, _review = score(material, readings)
    assert silent == 0


def test_marks_that_break_the_rules_go_to_review(repo, ranked, dots, tmp_path):
    def ranked_choice(rng, serial, options, rule, style):
        case = int(serial) % 3
        if case == 0:  # one idea in two places
            return M.Marked(serial, {(options[0], 0): "cross", (options[0], 1): "cross"})
        if case == 1:  # the first place used twice
            return M.Marked(serial, {(options[0], 0): "cross", (options[1], 0): "cross"})
        return M.Marked(serial, {})  # blank

    material = Material(repo, tmp_path, ranked, pages=2, per_page=4, seed=5,
                        styles=("cross",), choose=ranked_choice)
    for reading in material.read():
        assert reading.review and reading.reasons
        case = int(reading.serial) % 3
        text = " ".join(reading.reasons)
        assert ("lugares" if case == 0 else "veces" if case == 1 else "no tiene marcas") in text

    def too_many(rng, serial, options, rule, style):
        return M.Marked(serial, {(o, 0): "dot" for o in options})  # 4 dots, 3 allowed

    material = Material(repo, tmp_path, dots, pages=1, per_page=2, seed=6,
                        styles=("dot",), choose=too_many, name="puntos")
    for reading in material.read():
        assert reading.review
        assert "Tiene 4 puntos y se permiten 3." in reading.reasons


def test_only_ready_ballots_are_read(repo, ranked, tmp_path):
    material = Material(repo, tmp_path, ranked, pages=1, per_page=4, seed=7,
                        styles=("cross",))
    first = material.read()
    assert all(r.status == READY for r in first)
    sure = [r for r in first if r.sure]
    repo.votes.enter_ballot(ranked[0], ranked[1], sure[0].entry, serial=sure[0].serial,
                            read_by="machine")
    again = {r.serial: r for r in material.read()}
    assert again[sure[0].serial].status == DUPLICATE
    assert again[sure[0].serial].boxes == [] and not again[sure[0].serial].sure


def test_the_straightened_crop_is_upright(repo, ranked, tmp_path):
    material = Material(repo, tmp_path, ranked, pages=1, per_page=2, seed=8, styles=("fill",))
    reading = material.read()[0]
    crop = reading.crop
    grid = material.grid
    assert crop is not None and crop.ndim == 2
    # Each corner mark sits where the grid says, in the crop: dark at its centre.
    for x, y in grid.corners:
        cx, cy = (int((v + omr.CROP_MARGIN_MM) * omr.PX_PER_MM) for v in (x, y))
        assert crop[cy - 4:cy + 5, cx - 4:cx + 5].mean() < 110
    assert np.median(crop) > 180


def _debug(material, readings):  # pragma: no cover - a helper for looking at failures
    for reading in readings:
        truth = material.truth[reading.serial]
        for box in reading.boxes:
            want = (box.option, box.column) in truth.filled()
            if box.state != (omr.FILLED if want else omr.EMPTY):
                print(reading.serial, box, truth.marks.get((box.option, box.column)))
